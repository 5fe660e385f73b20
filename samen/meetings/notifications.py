"""Mails about meetings, through the task worker: the first on the waiting list who moved up to a freed place, the
registrants of a cancelled meeting, and the day-before reminder to every registrant (a daily job, told once per
meeting), each with a link to the meeting's calendar file. They answer what the resident asked for themselves, so
they go at once, whatever their digest."""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django_tasks import task

from samen.accounts.models import User
from samen.common import clock
from samen.common.mail import absolute, is_silenced, mail_in_language
from samen.notifications.models import Announcement

REMINDER_EVENT = "meetings.reminder"


def announce_moved_up(registration) -> None:
    if not is_silenced():
        meeting_id, person_id = registration.meeting_id, registration.person_id
        transaction.on_commit(lambda: send_moved_up.enqueue(meeting_id, person_id))


def announce_cancelled(meeting) -> None:
    if not is_silenced():
        meeting_id = meeting.pk
        transaction.on_commit(lambda: send_cancelled.enqueue(meeting_id))


def _mail(meeting, person: User, *, subject, template: str) -> None:
    mail_in_language(
        recipient=person,
        subject=subject,
        template=template,
        context=lambda: {
            "meeting": meeting,
            "person": person,
            "when": formats.date_format(timezone.localtime(meeting.starts_at), "l j F Y, H:i"),
            "meeting_url": absolute(meeting.get_absolute_url()),
            "calendar_url": absolute(reverse("meetings:meeting_ics", kwargs={"pk": meeting.pk})),
        },
    )


@task()
def send_moved_up(meeting_id: int, person_id: int) -> int:
    from samen.meetings.models import Meeting, Registration

    registration = (
        Registration.objects.select_related("meeting", "person")
        .filter(meeting_id=meeting_id, person_id=person_id, status=Registration.Status.REGISTERED)
        .first()
    )
    if registration is None or not registration.person.is_active:
        return 0
    meeting: Meeting = registration.meeting
    _mail(
        meeting,
        registration.person,
        subject=lambda: _("A place is free for you: “%(title)s”") % {"title": meeting.title},
        template="meetings/email/moved_up.txt",
    )
    return 1


@task()
def send_cancelled(meeting_id: int) -> int:
    """Everyone registered or waiting for a meeting that is called off."""
    from samen.meetings.models import Meeting, Registration

    meeting = Meeting.objects.filter(pk=meeting_id, cancelled=True).first()
    if meeting is None:
        return 0
    registrations = Registration.objects.filter(meeting=meeting, person__is_active=True).select_related("person")
    for registration in registrations:
        _mail(
            meeting,
            registration.person,
            subject=lambda: _("Cancelled: “%(title)s”") % {"title": meeting.title},
            template="meetings/email/cancelled.txt",
        )
    return len(registrations)


def remind_tomorrow() -> int:
    """Every meeting that takes place tomorrow (Brussels time), not cancelled: its registrants are reminded once,
    even when the daily job runs twice. Returns how many meetings were announced now."""
    from samen.meetings.models import Meeting

    tomorrow = clock.today() + timedelta(days=1)
    meetings = Meeting.objects.filter(starts_at__date=tomorrow, cancelled=False, capacity__isnull=False).values_list(
        "pk", flat=True
    )
    told = 0
    for meeting_id in meetings:
        if is_silenced():
            break
        try:
            with transaction.atomic():
                Announcement.objects.create(event=REMINDER_EVENT, object_id=meeting_id)
                transaction.on_commit(lambda pk=meeting_id: send_reminders.enqueue(pk))
        except IntegrityError:
            continue
        told += 1
    return told


@task()
def send_reminders(meeting_id: int) -> int:
    from samen.meetings.models import Meeting, Registration

    meeting = Meeting.objects.filter(pk=meeting_id, cancelled=False).first()
    if meeting is None:
        return 0
    registrations = Registration.objects.filter(
        meeting=meeting, status=Registration.Status.REGISTERED, person__is_active=True
    ).select_related("person")
    for registration in registrations:
        _mail(
            meeting,
            registration.person,
            subject=lambda: _("Tomorrow: “%(title)s”") % {"title": meeting.title},
            template="meetings/email/reminder.txt",
        )
    return len(registrations)


DAILY = [remind_tomorrow]
