"""Writes on meetings: saving one (its calendar SEQUENCE goes up when what a calendar shows changed), registering
(race-safe: the meeting's row is locked while places are counted) and cancelling (the first waiting moves up)."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from samen.accounts.models import User
from samen.common import clock
from samen.common.services import require_perm
from samen.meetings import notifications
from samen.meetings.models import CALENDAR_FIELDS, Meeting, Registration


def save_meeting(*, meeting: Meeting, by: User) -> Meeting:
    """Create or change a meeting; a change that a calendar shows bumps its SEQUENCE so clients pick it up."""
    require_perm(by, "meetings.manage_meetings", meeting)
    meeting.full_clean()
    with transaction.atomic():
        if meeting.pk:
            before = Meeting.objects.select_for_update().filter(pk=meeting.pk).values(*CALENDAR_FIELDS, "sequence")
            before = before.first()
            if before is not None:
                changed = any(before[name] != getattr(meeting, name) for name in CALENDAR_FIELDS)
                meeting.sequence = before["sequence"] + (1 if changed else 0)
        meeting.save()
    return meeting


def _refuse_unless_open(meeting: Meeting) -> None:
    if meeting.cancelled:
        raise ValidationError(_("This meeting is cancelled."), code="cancelled")
    if meeting.starts_at <= clock.now():
        raise ValidationError(_("This meeting has already taken place."), code="past")
    if not meeting.has_registration:
        raise ValidationError(_("This meeting needs no registration: just come."), code="no_registration")


def register(*, meeting: Meeting, person: User) -> Registration:
    """A place if one is left, else the end of the waiting list. The meeting's row is locked while the places are
    counted, so two residents registering at once never take the same last place; the unique constraint refuses a
    second registration of one person."""
    require_perm(person, "meetings.register", meeting)
    try:
        with transaction.atomic():
            locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
            _refuse_unless_open(locked)
            if Registration.objects.filter(meeting=locked, person=person).exists():
                raise ValidationError(_("You are already registered for this meeting."), code="already_registered")
            registered = Registration.objects.filter(meeting=locked, status=Registration.Status.REGISTERED).count()
            last = Registration.objects.filter(meeting=locked).aggregate(last=Max("position"))["last"] or 0
            status = Registration.Status.REGISTERED if registered < locked.capacity else Registration.Status.WAITING
            return Registration.objects.create(meeting=locked, person=person, status=status, position=last + 1)
    except IntegrityError:
        raise ValidationError(_("You are already registered for this meeting."), code="already_registered") from None


def cancel_registration(*, meeting: Meeting, person: User) -> Registration | None:
    """Free the person's place (or leave the waiting list); the first waiting takes a freed place and is told by
    e-mail. Returns who moved up, if anyone."""
    with transaction.atomic():
        locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
        mine = Registration.objects.filter(meeting=locked, person=person).first()
        if mine is None:
            raise ValidationError(_("You are not registered for this meeting."), code="not_registered")
        freed = mine.status == Registration.Status.REGISTERED
        mine.delete()
        if not freed or locked.cancelled or locked.starts_at <= clock.now():
            return None
        first = Registration.objects.filter(meeting=locked, status=Registration.Status.WAITING).order_by("position")
        first = first.first()
        if first is None:
            return None
        first.status = Registration.Status.REGISTERED
        first.save(update_fields=["status"])
        notifications.announce_moved_up(first)
        return first
