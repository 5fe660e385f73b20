"""The demo's meetings: Laeken's council met twice (minutes and decisions in Dutch and French) and meets again
soon, full, with a waiting list; built once."""

import pytest
from django.urls import reverse

from samen.demo.loader import load_demo
from samen.meetings.models import Meeting, Registration

pytestmark = pytest.mark.django_db

LAEKEN = "laeken-neighbourhood-council"


def test_laekens_council_has_two_past_meetings_with_minutes_and_a_coming_one_full_with_a_waiting_list(client):
    report = load_demo(slugs={LAEKEN})

    meetings = list(Meeting.objects.filter(council__slug="laeken").order_by("starts_at"))
    past, coming = meetings[:2], meetings[2]
    assert report.meetings_created == 3
    assert all(meeting.minutes_published and meeting.minutes_nl and meeting.decisions_fr for meeting in past)
    assert (coming.minutes_published, coming.capacity) == (False, 6)
    statuses = list(coming.registrations.order_by("position").values_list("person__email", "status"))
    assert [status for _email, status in statuses] == ["registered"] * 6 + ["waiting"] * 3
    assert statuses[6][0] == "els@demo.samen.brussels"
    page = client.get(reverse("panels:council", args=["laeken"])).content.decode()
    assert coming.get_absolute_url() in page
    assert f"{past[0].get_absolute_url()}#minutes" in page


def test_loading_the_demo_twice_adds_no_meeting():
    load_demo(slugs={LAEKEN})
    before = (Meeting.objects.count(), Registration.objects.count())

    report = load_demo(slugs={LAEKEN})

    assert report.meetings_created == 0
    assert (Meeting.objects.count(), Registration.objects.count()) == before
