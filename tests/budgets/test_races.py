"""Budget ballots racing on a real PostgreSQL: one ballot per voter."""

import pytest
from django.db import connection

from samen.budgets import services
from samen.budgets.models import BudgetBallot
from tests.budgets.conftest import budget_at, proposals_of
from tests.factories import UserFactory
from tests.ideas.test_races import THREADS, _race
from tests.initiatives.conftest import Census
from tests.people import moved_verification

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("races are tested on PostgreSQL (set DATABASE_URL)")


def test_one_voter_sending_fifty_budget_ballots_at_once_keeps_one():
    budget = budget_at("ballot")
    voter = UserFactory()
    projects = proposals_of(budget)

    results = _race(
        lambda i: services.cast_budget_ballot(budget=budget, voter=voter, proposal_ids=[projects[i % 3].pk])
    )

    assert [type(result) for result in results] == [BudgetBallot] * THREADS
    assert BudgetBallot.objects.filter(budget=budget).count() == 1
    assert BudgetBallot.objects.get(budget=budget).proposals.count() == 1


def test_one_person_voting_fifty_times_at_once_from_two_accounts_keeps_one_budget_ballot():
    """The first account's request began before its verification moved to the second: both vote as the person."""
    budget = budget_at("ballot")
    administrator = UserFactory(role="administrator", is_staff=True)
    accounts = moved_verification(Census(administrator), administrator)
    projects = proposals_of(budget)

    results = _race(
        lambda i: services.cast_budget_ballot(budget=budget, voter=accounts[i % 2], proposal_ids=[projects[i % 3].pk])
    )

    assert [type(result) for result in results] == [BudgetBallot] * THREADS
    ballot = BudgetBallot.objects.get(budget=budget)
    assert ballot.voter in accounts
    assert ballot.proposals.count() == 1
