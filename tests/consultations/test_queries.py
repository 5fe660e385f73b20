"""The results and the moderation list take the same queries for one response or three."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from samen.consultations import services
from tests.consultations.conftest import ANSWERS, consultation_at
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _answered(count: int):
    questionnaire = consultation_at("open")
    for _number in range(count):
        services.submit_response(questionnaire=questionnaire, user=UserFactory(), raw_answers=ANSWERS)
    return questionnaire


@pytest.mark.parametrize("count", [1, 3])
def test_the_results_take_the_same_queries_for_one_or_three_responses(client, count, django_assert_num_queries):
    questionnaire = _answered(count)
    yesterday = timezone.localdate() - timedelta(days=1)
    questionnaire.process.phases.update(first_day=yesterday - timedelta(days=10), last_day=yesterday)

    # the process with its questionnaire, its phases, its themes; the questions, the responses, the approved texts
    # and the responses' texts
    with django_assert_num_queries(7):
        response = client.get(reverse("consultations:results", args=[questionnaire.process.slug]))

    assert f"{count} response" in response.content.decode()


@pytest.mark.parametrize("count", [1, 3])
def test_the_moderation_list_takes_the_same_queries_for_one_or_three_responses(
    client, moderator, count, django_assert_num_queries
):
    questionnaire = _answered(count)
    client.force_login(moderator)

    # the session, the moderator; the process with its questionnaire, its phases, its themes; the questions, the
    # reviews, the texts
    with django_assert_num_queries(8):
        response = client.get(reverse("consultations:moderation", args=[questionnaire.process.slug]))

    assert response.content.decode().count("More light under the bridge.") == count
