"""The iCalendar feeds, read back by a second, independent parser (the `ics` package): one event per meeting, its
stable UID, its times in UTC, its SEQUENCE, its place and address, and STATUS:CANCELLED for a cancelled one."""

from datetime import UTC, timedelta

import ics
import pytest
from django.urls import reverse

from samen.meetings import services
from tests.factories import ProcessFactory
from tests.meetings.conftest import make_meeting

pytestmark = pytest.mark.django_db


def _events(response) -> dict[str, ics.Event]:
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return {event.uid: event for event in ics.Calendar(response.content.decode()).events}


def _extra(event: ics.Event, name: str) -> str:
    return next(line.value for line in event.extra if line.name == name)


def test_the_platform_feed_has_each_meeting_with_its_stable_uid_times_place_and_status(client):
    coming = make_meeting(in_days=3, online_link="https://meet.example.org/laeken")
    cancelled = make_meeting(in_days=10, cancelled=True, address="", online_link="https://meet.example.org/x")

    events = _events(client.get(reverse("meetings:calendar_ics")))

    assert sorted(events) == sorted([f"{coming.uid}@127.0.0.1", f"{cancelled.uid}@127.0.0.1"])
    event = events[f"{coming.uid}@127.0.0.1"]
    assert event.begin.datetime == coming.starts_at.astimezone(UTC).replace(microsecond=0)
    assert event.end.datetime == coming.ends_at.astimezone(UTC).replace(microsecond=0)
    assert event.name == "Laeken neighbourhood meeting"
    assert event.location == "Place Émile Bockstael 1, 1020 Laeken, https://meet.example.org/laeken"
    assert (event.geo.latitude, event.geo.longitude) == (50.8768, 4.3497)
    assert event.url == f"http://127.0.0.1:8000/en/meetings/{coming.pk}/"
    assert event.status == "CONFIRMED"
    assert event.last_modified is not None
    assert _extra(event, "SEQUENCE") == "0"
    assert events[f"{cancelled.uid}@127.0.0.1"].status == "CANCELLED"


def test_a_moved_meeting_keeps_its_uid_and_comes_with_a_higher_sequence(client, manager):
    meeting = make_meeting()
    meeting.starts_at += timedelta(days=1)
    meeting.ends_at += timedelta(days=1)
    services.save_meeting(meeting=meeting, by=manager)

    event = _events(client.get(reverse("meetings:meeting_ics", args=[meeting.pk])))[f"{meeting.uid}@127.0.0.1"]

    assert _extra(event, "SEQUENCE") == "1"
    assert event.begin.datetime == meeting.starts_at.astimezone(UTC).replace(microsecond=0)


def test_a_process_feed_has_only_its_meetings_and_a_draft_process_has_no_public_feed(client):
    process = ProcessFactory()
    draft = ProcessFactory(status="draft")
    mine = make_meeting(process=process)
    make_meeting()
    hidden = make_meeting(process=draft)

    events = _events(client.get(reverse("meetings:process_calendar_ics", args=[process.slug])))
    platform = _events(client.get(reverse("meetings:calendar_ics")))

    assert list(events) == [f"{mine.uid}@127.0.0.1"]
    assert client.get(reverse("meetings:process_calendar_ics", args=[draft.slug])).status_code == 404
    assert f"{hidden.uid}@127.0.0.1" not in platform
