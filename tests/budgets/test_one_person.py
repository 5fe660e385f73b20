"""One budget ballot per person, online or on paper, not per account: a resident who deletes their account and comes
back, or whose verification moves to another account, changes their one ballot; a paper ballot and an online one of
the same person never both count."""

import importlib
from datetime import date

import pytest
from django.apps import apps
from django.urls import reverse

from samen.accounts.verification import upload_census
from samen.budgets.models import BudgetBallot
from tests.budgets.conftest import budget_at, proposals_of
from tests.factories import UserFactory
from tests.initiatives.conftest import Census
from tests.people import approve_transfer, delete_account, sign_up, verify
from tests.texts import born_years_ago

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


def test_a_resident_who_deletes_their_account_and_comes_back_changes_their_one_ballot(client, verified_budget, person):
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


def test_a_person_who_voted_online_cannot_also_vote_on_paper(client, verified_budget, person, manager):
    trees, fountain, _repair = proposals_of(verified_budget)
    voter = sign_up(client, "nadia@example.org")
    verify(client, person)
    _vote(client, verified_budget, trees)
    client.force_login(manager)

    response = _paper(client, verified_budget, person, fountain)

    assert response.status_code == 422
    assert "This person has already voted, online or on paper: this ballot does not count." in response.content.decode()
    ballot = BudgetBallot.objects.get()
    assert (ballot.voter, ballot.paper_reference, _chosen(ballot)) == (voter, "", ["Trees on the square"])


def test_a_person_whose_paper_ballot_is_counted_cannot_also_vote_online(client, verified_budget, person, manager):
    trees, fountain, _repair = proposals_of(verified_budget)
    client.force_login(manager)
    _paper(client, verified_budget, person, trees)
    sign_up(client, "nadia@example.org")
    verify(client, person)

    response = _vote(client, verified_budget, fountain)

    assert response.status_code == 422
    assert "Your paper ballot has already been counted" in response.content.decode()
    ballot = BudgetBallot.objects.get()
    assert (ballot.voter, ballot.paper_reference, _chosen(ballot)) == (None, "A-017", ["Trees on the square"])


def test_a_paper_ballot_keeps_the_person_s_pseudonym_and_not_their_national_number(verified_budget, person, client):
    number, born = person
    trees = proposals_of(verified_budget)[0]
    client.force_login(UserFactory(role="process_manager"))

    _paper(client, verified_budget, person, trees)

    stored = " ".join(str(value) for value in BudgetBallot.objects.values().get().values())
    assert number not in stored
    assert born.isoformat() not in stored
    assert len(BudgetBallot.objects.get().voter_key) == 64


def test_a_paper_ballot_of_someone_not_on_the_census_is_refused_and_nothing_saved(client, verified_budget, manager):
    client.force_login(manager)
    stranger = ("85073003328", date(1985, 7, 30))

    response = _paper(client, verified_budget, stranger, proposals_of(verified_budget)[0])

    assert response.status_code == 422
    assert "This person is not on the lists of residents entitled to vote." in response.content.decode()
    assert not BudgetBallot.objects.exists()


def test_a_paper_ballot_of_someone_too_young_for_the_vote_is_refused(client, verified_budget, census, manager):
    child = census.add(born_years_ago(14))
    client.force_login(manager)

    response = _paper(client, verified_budget, child, proposals_of(verified_budget)[0])

    assert response.status_code == 422
    assert "This vote is for residents aged 16 or more." in response.content.decode()
    assert not BudgetBallot.objects.exists()


def test_a_paper_ballot_of_a_resident_of_another_municipality_is_refused(
    client, verified_budget, administrator, manager
):
    ixelles = ("85073003328", date(1985, 7, 30))
    upload_census(
        municipality_nis="21009",
        uploader=administrator,
        text="national_number,birth_date,postcode\n85073003328,1985-07-30,1050\n",
    )
    client.force_login(manager)

    response = _paper(client, verified_budget, ixelles, proposals_of(verified_budget)[0])

    assert response.status_code == 422
    assert "This vote is for residents of the municipality where it takes place." in response.content.decode()
    assert not BudgetBallot.objects.exists()


def test_a_paper_ballot_with_a_wrong_national_number_is_refused(client, verified_budget, manager):
    client.force_login(manager)

    response = _paper(client, verified_budget, ("85073003329", date(1985, 7, 30)), proposals_of(verified_budget)[0])

    assert response.status_code == 422
    assert "This national number is not valid" in response.content.decode()
    assert not BudgetBallot.objects.exists()


def test_a_ballot_cast_before_ballots_kept_pseudonyms_is_the_person_s_after_the_migration(
    client, verified_budget, person
):
    trees, fountain, _repair = proposals_of(verified_budget)
    old = sign_up(client, "nadia@example.org")
    verify(client, person)
    BudgetBallot.objects.create(budget=verified_budget, voter=old).proposals.set([trees])
    migration = importlib.import_module("samen.budgets.migrations.0005_keys_of_ballots_already_cast")

    migration.give_keys(apps, None)
    delete_account(client)
    sign_up(client, "nadia.again@example.org")
    verify(client, person)
    _vote(client, verified_budget, fountain)

    assert _chosen(BudgetBallot.objects.get()) == ["A water fountain"]
