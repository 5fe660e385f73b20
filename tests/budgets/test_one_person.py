"""One budget ballot per person, online or on paper, not per account: a resident who deletes their account and comes
back, or whose verification moves to another account, changes their one ballot; a paper ballot and an online one of
the same person never both count."""

from datetime import date

import pytest
from django.urls import reverse

from samen.budgets.models import BudgetBallot
from tests.budgets.conftest import budget_at, proposals_of
from tests.factories import UserFactory
from tests.initiatives.conftest import Census
from tests.people import approve_transfer, delete_account, sign_up, verify

pytestmark = pytest.mark.django_db


@pytest.fixture
def administrator():
    return UserFactory(role="administrator", is_staff=True)


@pytest.fixture
def census(administrator):
    return Census(administrator)


@pytest.fixture
def person(census):
    """Someone on the City's census list: their national number and birth date."""
    return census.add(date(1985, 3, 14))


@pytest.fixture
def verified_budget():
    """Laeken's budget (neighbourhood 20, City of Brussels), for verified residents aged 16 or more."""
    budget = budget_at("ballot")
    budget.process.voters, budget.process.minimum_age = "any", 16
    budget.process.save()
    return budget


def _vote(client, budget, *proposals):
    return client.post(
        reverse("budgets:ballot", args=[budget.process.slug]), {"projects": [str(p.pk) for p in proposals]}
    )


def _paper(client, budget, person, proposal, sheet="A-017"):
    number, born = person
    return client.post(
        reverse("budgets:paper_ballot", args=[budget.process.slug]),
        {"paper_reference": sheet, "national_number": number, "born_on": born.isoformat(), "projects": [proposal.pk]},
    )


def _chosen(ballot) -> list[str]:
    return [proposal.title for proposal in ballot.proposals.all()]


def test_a_resident_who_deletes_their_account_and_comes_back_changes_their_one_ballot(
    client, verified_budget, person
):
    trees, fountain, _repair = proposals_of(verified_budget)
    sign_up(client, "nadia@example.org")
    verify(client, person)
    _vote(client, verified_budget, trees)
    delete_account(client)
    again = sign_up(client, "nadia.again@example.org")
    verify(client, person)

    response = _vote(client, verified_budget, fountain)

    assert response.status_code == 302
    ballot = BudgetBallot.objects.get()
    assert (ballot.voter, _chosen(ballot)) == (again, ["A water fountain"])


def test_after_a_verification_moves_the_new_account_changes_the_person_s_ballot(
    client, verified_budget, person, administrator
):
    trees, fountain, _repair = proposals_of(verified_budget)
    sign_up(client, "nadia@example.org")
    verify(client, person)
    _vote(client, verified_budget, trees)
    new = sign_up(client, "nadia.new@example.org")
    verify(client, person)
    approve_transfer(administrator)

    response = _vote(client, verified_budget, fountain)

    assert response.status_code == 302
    ballot = BudgetBallot.objects.get()
    assert (ballot.voter, _chosen(ballot)) == (new, ["A water fountain"])
