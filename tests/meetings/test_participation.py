"""My participation lists the meetings I registered for, my number on a waiting list, and what became of them."""

from datetime import timedelta

import pytest
from django.urls import reverse

from samen.common import clock
from samen.meetings import services
from tests.factories import UserFactory
from tests.meetings.conftest import make_meeting

pytestmark = pytest.mark.django_db


def test_my_meetings_show_my_place_my_number_on_the_waiting_list_and_the_published_minutes(client, resident):
    full = make_meeting(capacity=1, title_en="Full evening")
    for person in (UserFactory(), UserFactory()):
        services.register(meeting=full, person=person)
    services.register(meeting=full, person=resident)
    services.register(meeting=make_meeting(capacity=5, title_en="Open evening"), person=resident)
    past = make_meeting(capacity=5, title_en="Past evening")
    services.register(meeting=past, person=resident)
    past.starts_at, past.ends_at = clock.now() - timedelta(days=30), clock.now() - timedelta(days=30, hours=-2)
    past.minutes_nl, past.minutes_fr, past.minutes_published_at = "Verslag", "PV", clock.now()
    past.save()
    make_meeting(capacity=5, title_en="Someone else's evening")
    client.force_login(resident)

    page = client.get(reverse("my_participation")).content.decode()

    assert "Meetings I registered for" in page
    assert "You are number 2 on the waiting list." in page
    assert "You are registered." in page
    assert "Its minutes and decisions are published." in page
    assert "Someone else" not in page
