"""The calendars take the same queries for one meeting or three, coming and past."""

import pytest
from django.urls import reverse

from tests.factories import ProcessFactory
from tests.meetings.conftest import make_meeting

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("count", [1, 3])
def test_the_platform_calendar_takes_the_same_queries_for_one_or_three_meetings(
    client, count, django_assert_num_queries
):
    for number in range(count):
        make_meeting(in_days=number + 1)
        make_meeting(in_days=-number - 1)

    with django_assert_num_queries(2):  # the coming meetings, the past ones
        response = client.get(reverse("meetings:calendar"))

    assert response.content.decode().count('<li id="meeting-') == 2 * count


@pytest.mark.parametrize("count", [1, 3])
def test_a_process_calendar_takes_the_same_queries_for_one_or_three_meetings(client, count, django_assert_num_queries):
    process = ProcessFactory()
    for number in range(count):
        make_meeting(in_days=number + 1, process=process)

    with django_assert_num_queries(5):  # the process, its phases, its themes; the coming meetings, the past ones
        response = client.get(reverse("meetings:process_calendar", args=[process.slug]))

    assert response.content.decode().count('<li id="meeting-') == count
