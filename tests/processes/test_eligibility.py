"""A process may ask for verified residents of its municipality, of an age, to vote; everyone else is told why."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from samen.accounts.models import User, Verification
from samen.budgets.models import BudgetBallot
from samen.processes.models import Process
from tests.budgets.conftest import budget_at, proposals_of
from tests.conftest import process_in
from tests.factories import UserFactory
from tests.initiatives.conftest import Census
from tests.texts import born_years_ago

pytestmark = pytest.mark.django_db


@pytest.fixture
def census():
    return Census(UserFactory(role="administrator", is_staff=True))


@pytest.fixture
def verified_budget():
    """Laeken's budget (neighbourhood 20, City of Brussels), for verified residents aged 16 or more."""
    budget = budget_at("ballot")
    budget.process.voters, budget.process.minimum_age = "any", 16
    budget.process.save()
    return budget


def vote(client, budget):
    trees = proposals_of(budget)[0]
    return client.post(reverse("budgets:ballot", args=[budget.process.slug]), {"projects": [str(trees.pk)]})


def test_a_verified_resident_of_the_city_votes(client, verified_budget, census):
    client.force_login(census.verified())

    response = vote(client, verified_budget)

    assert response.status_code == 302
    assert BudgetBallot.objects.count() == 1


def test_an_unverified_account_is_refused_and_told_to_verify(client, verified_budget, resident):
    client.force_login(resident)

    refused = vote(client, verified_budget)
    page = client.get(verified_budget.process.get_absolute_url()).content.decode()

    assert refused.status_code == 403
    assert "This vote is for verified residents: verify your account first." in page
    assert reverse("verify") in page
    assert not BudgetBallot.objects.exists()


@pytest.mark.parametrize(
    ("who", "reason"),
    [
        ("elsewhere", "This vote is for residents of the municipality where it takes place."),
        ("too_young", "This vote is for residents aged 16 or more."),
    ],
)
def test_a_resident_of_another_municipality_or_too_young_is_refused(client, verified_budget, census, who, reason):
    born = born_years_ago(14) if who == "too_young" else date(1980, 1, 1)
    person = census.verified(born=born)
    if who == "elsewhere":
        Verification.objects.filter(user=person).update(municipality_nis="21009")
    client.force_login(User.objects.get(pk=person.pk))

    refused = vote(client, verified_budget)

    assert refused.status_code == 403
    assert reason in client.get(verified_budget.process.get_absolute_url()).content.decode()
    assert not BudgetBallot.objects.exists()


def test_a_process_that_asks_nothing_lets_anyone_signed_in_vote(client, resident):
    open_budget = budget_at("ballot")
    client.force_login(resident)

    assert vote(client, open_budget).status_code == 302


@pytest.mark.parametrize(
    ("born", "allowed"),
    [(date(2012, 2, 29), True), (date(2012, 3, 1), False), (date(2012, 2, 28), True)],
)
def test_on_29_february_who_turns_16_today_in_brussels_votes_and_who_turns_16_tomorrow_does_not(
    client, census, born, allowed
):
    # 23:30 in Brussels on 29 February 2028 is still the 29th there (22:30 UTC).
    with time_machine.travel(datetime(2028, 2, 29, 23, 30, tzinfo=ZoneInfo("Europe/Brussels")), tick=False):
        budget = budget_at("ballot")
        budget.process.voters, budget.process.minimum_age = "any", 16
        budget.process.save()
        client.force_login(census.verified(born=born))

        response = vote(client, budget)

    assert response.status_code == (302 if allowed else 403)
    assert BudgetBallot.objects.count() == (1 if allowed else 0)


def test_an_idea_call_does_not_tell_an_unverified_visitor_that_they_cannot_vote(client, resident):
    process = process_in("open")
    process.voters = Process.Voters.VERIFIED
    process.save()
    client.force_login(resident)

    page = client.get(process.get_absolute_url()).content.decode()

    assert "This vote is for verified residents" not in page
