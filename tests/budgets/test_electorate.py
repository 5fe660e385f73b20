"""A budget ballot open to any signed-in account says so under its result: one person may have voted with several
accounts."""

import pytest
from django.urls import reverse

from samen.budgets.models import BudgetBallot
from tests.budgets.conftest import budget_at, proposals_of
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def result_after(client, budget, voters: int) -> str:
    trees = proposals_of(budget)[0]
    for _ in range(voters):
        BudgetBallot.objects.create(budget=budget, voter=UserFactory()).proposals.set([trees])
    return client.get(reverse("budgets:result", args=[budget.process.slug])).content.decode()


@pytest.mark.parametrize(
    ("voters", "sentence"),
    [
        (1, "1 account voted; accounts were not verified, so one person may have voted more than once."),
        (4, "4 accounts voted; accounts were not verified, so one person may have voted more than once."),
    ],
)
def test_a_ballot_open_to_any_account_says_one_person_may_have_voted_more_than_once(client, voters, sentence):
    page = result_after(client, budget_at("closed", voters=""), voters)

    assert sentence in page


def test_a_ballot_for_verified_residents_says_nothing_of_the_kind(client):
    page = result_after(client, budget_at("closed", voters="any"), 4)

    assert "4 ballots were counted." in page
    assert "accounts were not verified" not in page
