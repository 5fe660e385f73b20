"""Writes on meetings: saving one (its calendar SEQUENCE goes up when what a calendar shows changed; more places move
the waiting up), cancelling one (its registrants are told), publishing its minutes, registering (race-safe: the
meeting's row is locked while places are counted) and cancelling a registration (the first waiting moves up)."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samen.accounts.models import User
from samen.common import clock
from samen.common.services import Texts, require_perm, translated_columns
from samen.meetings import notifications
from samen.meetings.models import CALENDAR_FIELDS, Meeting, Registration


def save_meeting(*, meeting: Meeting, by: User, fields: Iterable[str] | None = None) -> Meeting:
    """Create or change a meeting; a change that a calendar shows bumps its SEQUENCE so clients pick it up. The places
    cannot drop below the people already registered; added places go to the first waiting, who are told by e-mail.

    A change writes only `fields` (the edit form's changed fields; all of them if None) onto the row as it is now,
    locked: minutes published or a cancellation made meanwhile by another manager are never overwritten by the stale
    copy the edit form was built on."""
    require_perm(by, "meetings.manage_meetings", meeting)
    if not meeting.pk:
        meeting.full_clean()
        with transaction.atomic():
            meeting.save()
            _move_waiting_up_if_open(meeting)
        return meeting
    saved = [
        field
        for field in Meeting._meta.concrete_fields
        if field.name not in _NOT_SAVED and (fields is None or field.name in fields)
    ]
    with transaction.atomic():
        locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
        changed = any(
            getattr(locked, field.attname) != getattr(meeting, field.attname)
            for field in saved
            if field.name in CALENDAR_FIELDS
        )
        for field in saved:
            setattr(locked, field.attname, getattr(meeting, field.attname))
        locked.full_clean()
        _refuse_fewer_places_than_registered(locked)
        locked.sequence += 1 if changed else 0
        locked.save(update_fields=[*(field.name for field in saved), "sequence", "updated_at"])
        _move_waiting_up_if_open(locked)
    return locked


# Never written from a copy: the key, the calendar identity, and what the service itself keeps.
_NOT_SAVED = {"id", "uid", "sequence", "updated_at"}


def _move_waiting_up_if_open(meeting: Meeting) -> None:
    if meeting.has_registration and not meeting.cancelled and meeting.starts_at > clock.now():
        _move_waiting_up(meeting)


def _refuse_fewer_places_than_registered(meeting: Meeting) -> None:
    rows = Registration.objects.filter(meeting=meeting)
    registered = rows.filter(status=Registration.Status.REGISTERED).count()
    if meeting.capacity is None and rows.exists():
        raise ValidationError(
            _("People registered for this meeting: it keeps its registration. Cancel the meeting instead."),
            code="registration_in_use",
        )
    if meeting.capacity is not None and meeting.capacity < registered:
        raise ValidationError(
            ngettext(
                "%(count)d person is already registered: the meeting needs at least that many places.",
                "%(count)d people are already registered: the meeting needs at least that many places.",
                registered,
            )
            % {"count": registered},
            code="fewer_places_than_registered",
        )


def _move_waiting_up(meeting: Meeting) -> list[Registration]:
    """The first waiting take the places that are free (call with the meeting's row locked); each is told by mail."""
    registered = Registration.objects.filter(meeting=meeting, status=Registration.Status.REGISTERED).count()
    free = meeting.capacity - registered
    if free <= 0:
        return []
    waiting = Registration.objects.filter(meeting=meeting, status=Registration.Status.WAITING).order_by("position")
    moved = list(waiting[:free])
    for registration in moved:
        registration.status = Registration.Status.REGISTERED
        registration.save(update_fields=["status"])
        notifications.announce_moved_up(registration)
    return moved


def cancel_meeting(*, meeting: Meeting, by: User) -> Meeting:
    """Call a coming meeting off: it stays in the calendars as cancelled (calendar clients remove it) and everyone
    registered or waiting is told by e-mail."""
    require_perm(by, "meetings.manage_meetings", meeting)
    with transaction.atomic():
        locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if locked.cancelled:
            raise ValidationError(_("This meeting is cancelled."), code="cancelled")
        if locked.starts_at <= clock.now():
            raise ValidationError(_("This meeting has already taken place."), code="past")
        locked.cancelled = True
        locked.sequence += 1
        locked.save(update_fields=["cancelled", "sequence", "updated_at"])
        notifications.announce_cancelled(locked)
    return locked


def publish_minutes(*, meeting: Meeting, minutes: Texts, decisions: Texts, by: User) -> Meeting:
    """Publish (or correct) what was said and decided, in Dutch and in French; the first publication's date stays."""
    require_perm(by, "meetings.manage_meetings", meeting)
    if meeting.starts_at > clock.now():
        raise ValidationError(_("Minutes are published once the meeting has taken place."), code="not_yet")
    columns = translated_columns("minutes", minutes) | translated_columns("decisions", decisions)
    if not (columns.get("minutes_nl") and columns.get("minutes_fr")):
        raise ValidationError(_("Write the minutes in Dutch and in French."), code="minutes_missing")
    if bool(columns.get("decisions_nl")) != bool(columns.get("decisions_fr")):
        raise ValidationError(_("Write the decisions in Dutch and in French, or neither."), code="decisions_missing")
    with transaction.atomic():
        locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
        for name, text in columns.items():
            setattr(locked, name, text)
        locked.minutes_published_at = locked.minutes_published_at or clock.now()
        locked.full_clean()
        # Only the minutes' columns: an edit of the meeting saved meanwhile stays as it is.
        locked.save(update_fields=[*columns, "minutes_published_at", "updated_at"])
    return locked


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
