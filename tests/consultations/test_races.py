"""Responses racing on a real PostgreSQL: one response per account and per person."""

import pytest
from django.db import connection

from samen.consultations import services
from samen.consultations.models import Response
from tests.consultations.conftest import ANSWERS, consultation_at
from tests.factories import UserFactory
from tests.ideas.test_races import THREADS, _race
from tests.initiatives.conftest import Census
from tests.people import moved_verification

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

VARIANTS = [ANSWERS, {"cycling": "no"}, {"cycling": "yes", "safety": 1}]


@pytest.fixture(autouse=True)
def postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("races are tested on PostgreSQL (set DATABASE_URL)")


def test_one_account_sending_fifty_responses_at_once_keeps_one():
    questionnaire = consultation_at("open")
    resident = UserFactory()

    results = _race(
        lambda i: services.submit_response(questionnaire=questionnaire, user=resident, raw_answers=VARIANTS[i % 3])
    )

    assert [type(result) for result in results] == [Response] * THREADS
    assert Response.objects.filter(questionnaire=questionnaire).count() == 1
    assert Response.objects.get().answers in VARIANTS


def test_two_accounts_of_one_person_answering_at_once_keep_one_response():
    """The first account's request began before its verification moved to the second: both answer as the person."""
    questionnaire = consultation_at("open")
    administrator = UserFactory(role="administrator", is_staff=True)
    accounts = moved_verification(Census(administrator), administrator)

    results = _race(
        lambda i: services.submit_response(
            questionnaire=questionnaire, user=accounts[i % 2], raw_answers=VARIANTS[i % 3]
        )
    )

    assert [type(result) for result in results] == [Response] * THREADS
    response = Response.objects.get(questionnaire=questionnaire)
    assert response.voter in accounts
    assert response.answers in VARIANTS
