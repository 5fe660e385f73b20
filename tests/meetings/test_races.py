"""Registrations racing on a real PostgreSQL: the meeting's row is locked while its places are counted."""

import pytest
from django.db import connection

from samen.meetings import services
from samen.meetings.models import Meeting, Registration
from tests.factories import UserFactory
from tests.ideas.test_races import THREADS, _race
from tests.meetings.conftest import make_meeting

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("races are tested on PostgreSQL (set DATABASE_URL)")


def test_fifty_residents_registering_at_once_for_twenty_places_give_twenty_registered_and_thirty_waiting():
    meeting = make_meeting(capacity=20)
    residents = UserFactory.create_batch(THREADS)

    results = _race(lambda i: services.register(meeting=meeting, person=residents[i]))

    assert [type(result) for result in results] == [Registration] * THREADS
    rows = list(Registration.objects.filter(meeting=meeting).order_by("position"))
    assert [row.position for row in rows] == list(range(1, THREADS + 1))  # arrival order, no gap, no double
    assert [row.status for row in rows] == ["registered"] * 20 + ["waiting"] * 30
    # Arrival order is the order the locks were granted: the registered came first, the waiting after.
    assert [row.created_at for row in rows] == sorted(row.created_at for row in rows)


def test_one_resident_clicking_fifty_times_at_once_is_registered_once():
    meeting = make_meeting(capacity=20)
    resident = UserFactory()

    results = _race(lambda _i: services.register(meeting=meeting, person=resident))

    assert sum(isinstance(result, Registration) for result in results) == 1
    assert Registration.objects.filter(meeting=meeting).count() == 1


def test_a_manager_lowering_the_places_while_residents_register_never_leaves_more_registered_than_places():
    meeting = make_meeting(capacity=40)
    manager = UserFactory(role="process_manager", is_staff=True)
    residents = UserFactory.create_batch(THREADS - 1)

    def work(index):
        if index == 0:
            lowered = Meeting.objects.get(pk=meeting.pk)
            lowered.capacity = 10
            return services.save_meeting(meeting=lowered, by=manager)
        return services.register(meeting=meeting, person=residents[index - 1])

    results = _race(work)

    meeting.refresh_from_db()
    registered = Registration.objects.filter(meeting=meeting, status="registered").count()
    assert registered <= meeting.capacity
    assert Registration.objects.filter(meeting=meeting).count() == THREADS - 1
    refused = [result for result in results if isinstance(result, Exception)]
    # Either the places were lowered before ten or more had registered, or the lowering was refused.
    assert (meeting.capacity, [type(error).__name__ for error in refused]) in [
        (10, []),
        (40, ["ValidationError"]),
    ]
