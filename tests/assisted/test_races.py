"""A facilitator's assisted ballot (or questionnaire response) and the resident's own online one racing on a real
PostgreSQL: exactly one stands for the person, and a consent only with an assisted one."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from samen.accounts.models import User
from samen.assisted.models import Consent
from samen.budgets import services
from samen.budgets.models import BudgetBallot
from samen.consultations import services as consultations
from samen.consultations.models import Response
from tests.assisted.conftest import given
from tests.budgets.conftest import budget_at, proposals_of
from tests.consultations.conftest import consultation_at
from tests.factories import UserFactory
from tests.ideas.test_races import THREADS, _race
from tests.initiatives.conftest import Census

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("races are tested on PostgreSQL (set DATABASE_URL)")


def test_a_facilitator_and_the_resident_voting_at_once_leave_exactly_one_ballot():
    budget = budget_at("ballot")
    budget.process.voters, budget.process.minimum_age = "any", 16
    budget.process.save()
    census = Census(UserFactory(role=User.Role.ADMINISTRATOR, is_staff=True))
    resident = census.verified(born=date(1950, 6, 2))
    person = (census.people[-1][0], census.people[-1][1])
    facilitator = UserFactory(role=User.Role.FACILITATOR)
    projects = proposals_of(budget)

    def work(i):
        if i % 2:
            return services.cast_budget_ballot(budget=budget, voter=resident, proposal_ids=[projects[0].pk])
        return services.enter_assisted_ballot(
            budget=budget, facilitator=facilitator, consent=given(person), proposal_ids=[projects[1].pk]
        )

    results = _race(work)

    assert all(isinstance(result, BudgetBallot | ValidationError) for result in results), results
    ballot = BudgetBallot.objects.get(budget=budget)
    saved = [result.pk for result in results if isinstance(result, BudgetBallot)]
    assert saved == [ballot.pk] * len(saved)
    assert 1 <= len(saved) <= THREADS
    assert Consent.objects.count() == (1 if ballot.consent_id else 0)
    assert ballot.voter in (resident, None)


def test_a_facilitator_and_the_resident_answering_at_once_leave_exactly_one_response():
    questionnaire = consultation_at("open", voters="any")
    census = Census(UserFactory(role=User.Role.ADMINISTRATOR, is_staff=True))
    resident = census.verified(born=date(1950, 6, 2))
    person = (census.people[-1][0], census.people[-1][1])
    facilitator = UserFactory(role=User.Role.FACILITATOR)

    def work(i):
        if i % 2:
            return consultations.submit_response(
                questionnaire=questionnaire, user=resident, raw_answers={"cycling": "no"}
            )
        return consultations.enter_assisted_response(
            questionnaire=questionnaire, facilitator=facilitator, consent=given(person), raw_answers={"cycling": "yes"}
        )

    results = _race(work)

    assert all(isinstance(result, Response | ValidationError) for result in results), results
    response = Response.objects.get(questionnaire=questionnaire)
    saved = [result.pk for result in results if isinstance(result, Response)]
    assert saved == [response.pk] * len(saved)
    assert 1 <= len(saved) <= THREADS
    assert Consent.objects.count() == (1 if response.consent_id else 0)
    assert response.voter in (resident, None)
