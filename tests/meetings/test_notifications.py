"""The day-before reminder: a daily job mails the registrants of tomorrow's meetings once, with their calendar file."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail

from samen.common import clock
from samen.meetings import services
from samen.meetings.models import Registration
from samen.meetings.notifications import remind_tomorrow
from samen.notifications.delivery import daily_jobs
from tests.factories import UserFactory
from tests.ideas.test_notifications import _run_worker
from tests.meetings.conftest import make_meeting

pytestmark = pytest.mark.django_db


def _tomorrow_evening():
    day = clock.today() + timedelta(days=1)
    return datetime.combine(day, time(19, 0), tzinfo=ZoneInfo("Europe/Brussels"))


def _meeting_tomorrow(**fields):
    meeting = make_meeting(**fields)
    meeting.starts_at = _tomorrow_evening()
    meeting.ends_at = meeting.starts_at + timedelta(hours=2)
    meeting.save()
    return meeting


def test_the_registrants_of_tomorrows_meetings_are_reminded_once_with_the_calendar_file(
    django_capture_on_commit_callbacks,
):
    tomorrow = _meeting_tomorrow(capacity=2)
    for email in ("ann@example.org", "bob@example.org", "cem@example.org"):  # cem waits: no place, no reminder
        services.register(meeting=tomorrow, person=UserFactory(email=email, preferred_language="fr"))
    later = make_meeting(in_days=3)
    services.register(meeting=later, person=UserFactory(email="later@example.org"))
    cancelled = _meeting_tomorrow()
    Registration.objects.create(
        meeting=cancelled, person=UserFactory(email="gone@example.org"), status="registered", position=1
    )
    cancelled.cancelled = True
    cancelled.save()

    with django_capture_on_commit_callbacks(execute=True):
        first = remind_tomorrow()
        again = remind_tomorrow()
    _run_worker()

    assert (first, again) == (1, 0)
    assert sorted(message.to[0] for message in mail.outbox) == ["ann@example.org", "bob@example.org"]
    assert "Réunion de quartier Laeken" in mail.outbox[0].subject  # the title in the registrant's language
    assert f"/fr/meetings/{tomorrow.pk}/meeting.ics" in mail.outbox[0].body


def test_the_reminder_is_one_of_the_daily_jobs():
    assert remind_tomorrow in daily_jobs()
