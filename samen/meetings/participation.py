"""My participation: the meetings I registered for, my place (or my number on the waiting list), and what became of
each (cancelled, minutes published). See common/participation.py."""

from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from samen.common import clock
from samen.common.participation import Entry, Section
from samen.meetings.models import Registration


def _status(row: Registration, now) -> str:
    meeting = row.meeting
    if meeting.cancelled:
        return _("This meeting is cancelled.")
    if meeting.minutes_published:
        return _("Its minutes and decisions are published.")
    if meeting.starts_at <= now:
        return _("This meeting has already taken place.")
    if row.status == Registration.Status.WAITING:
        return _("You are number %(number)s on the waiting list.") % {"number": row.ahead + 1}
    return _("You are registered.")


def sections(user) -> list[Section]:
    ahead = (
        Registration.objects.filter(
            meeting=OuterRef("meeting"), status=Registration.Status.WAITING, position__lt=OuterRef("position")
        )
        .order_by()
        .values("meeting")
        .annotate(count=Count("pk"))
        .values("count")
    )
    rows = (
        Registration.objects.filter(person=user)
        .select_related("meeting")
        .annotate(ahead=Coalesce(Subquery(ahead), 0))
        .order_by("-meeting__starts_at", "-pk")
    )
    now = clock.now()
    return [Section(_("Meetings I registered for"), [_entry(row, now) for row in rows])]


def _entry(row: Registration, now) -> Entry:
    meeting = row.meeting
    coming = not meeting.cancelled and meeting.starts_at > now
    return Entry(
        title=str(meeting.title),
        url=meeting.get_absolute_url(),
        status=_status(row, now),
        next_step=_("Cancel my registration") if coming else "",
        until=meeting.starts_at if coming else None,
    )
