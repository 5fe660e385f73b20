"""Which meetings a calendar shows: those of the platform, of a council, or of a published process (a draft
process's meetings only to its managers), the coming ones first (soonest first), then the past ones (latest first)."""

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from samen.common import clock
from samen.meetings.models import Meeting, Registration
from samen.processes.models import Process
from samen.processes.page import Outcome


def visible(user) -> QuerySet[Meeting]:
    meetings = Meeting.objects.select_related("process", "council")
    if user.has_perm("meetings.manage_meetings"):
        return meetings
    return meetings.filter(Q(process__isnull=True) | Q(process__status=Process.Status.PUBLISHED))


def split(meetings: QuerySet[Meeting]) -> tuple[list[Meeting], list[Meeting]]:
    """(coming, past): a meeting counts as coming until it ends."""
    now = clock.now()
    coming = list(meetings.filter(ends_at__gt=now).order_by("starts_at", "pk"))
    past = list(meetings.filter(ends_at__lte=now).order_by("-starts_at", "-pk"))
    return coming, past


def coming(meetings: QuerySet[Meeting], *, limit: int) -> list[Meeting]:
    return list(meetings.filter(ends_at__gt=clock.now()).order_by("starts_at", "pk")[:limit])


def with_minutes(meetings: QuerySet[Meeting]) -> list[Meeting]:
    """The meetings whose minutes are published, the latest first."""
    return list(meetings.filter(minutes_published_at__isnull=False).order_by("-starts_at", "-pk"))


def places(meeting: Meeting) -> dict:
    counts = dict.fromkeys(Registration.Status.values, 0)
    for status in meeting.registrations.values_list("status", flat=True):
        counts[status] += 1
    registered = counts[Registration.Status.REGISTERED]
    return {
        "registered": registered,
        "waiting": counts[Registration.Status.WAITING],
        "free": max((meeting.capacity or 0) - registered, 0),
    }


def registrants(meeting: Meeting) -> list[dict]:
    """Who registered, for the meeting's managers: the registered in arrival order, then the waiting with their
    place on the waiting list (1 is next)."""
    rows = meeting.registrations.select_related("person").order_by("position")
    listed, waiting = [], 0
    for row in rows:
        if row.status == Registration.Status.WAITING:
            waiting += 1
        listed.append(
            {
                "name": row.person.display_name,
                "status": row.status,
                "waiting": waiting if row.status == Registration.Status.WAITING else None,
            }
        )
    return listed


def recent_outcomes(limit: int) -> list[Outcome]:
    """The latest meetings whose decisions are published, of the platform, a council or a published process (for the
    home page's recent results and decisions)."""
    meetings = (
        Meeting.objects.filter(Q(process__isnull=True) | Q(process__status=Process.Status.PUBLISHED))
        .filter(minutes_published_at__isnull=False, cancelled=False)
        .exclude(decisions_nl="")
        .order_by("-minutes_published_at", "-pk")[:limit]
    )
    return [
        Outcome(
            title=str(meeting.title),
            url=meeting.get_absolute_url() + "#decisions",
            when=meeting.minutes_published_at,
            summary=_("The meeting's minutes and decisions are published."),
        )
        for meeting in meetings
    ]
