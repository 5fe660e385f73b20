"""A facilitator enters a resident's budget ballot with their consent, under the rules of an online ballot: one
ballot per person, whoever enters it; a refusal saves nothing."""

from datetime import date

import pytest
from django.urls import reverse

from samen.accounts.verification import person_digest
from samen.assisted.models import Consent
from samen.budgets.models import BudgetBallot
from tests.assisted.conftest import PLACE, assist, take_over_notice, vote
from tests.budgets.conftest import proposals_of
from tests.people import sign_up, verify

pytestmark = pytest.mark.django_db


def _chosen(ballot) -> list[str]:
    return [proposal.title for proposal in ballot.proposals.all()]


def test_a_facilitator_enters_a_ballot_and_the_consent_says_who_what_when_where(
    client, facilitator, verified_budget, person
):
    trees, _fountain, repair = proposals_of(verified_budget)
    client.force_login(facilitator)

    response = assist(client, verified_budget, person, trees, repair, name="Fatima B.")

    assert response.status_code == 302
    ballot = BudgetBallot.objects.get()
    consent = ballot.consent
    assert (ballot.voter, ballot.entered_by, ballot.paper_reference, _chosen(ballot)) == (
        None,
        facilitator,
        "",
        ["Trees on the square", "A repair stand"],
    )
    assert (consent.facilitator, consent.facilitator_name, consent.action, consent.place, consent.resident_name) == (
        facilitator,
        "Karim (EPN Laeken)",
        "budget_ballot",
        PLACE,
        "Fatima B.",
    )
    assert consent.process == verified_budget.process
    assert consent.digest == person_digest(*person)
    assert str(verified_budget.process.title) in consent.agreed_to
    number = person[0]
    assert not any(number in str(value) for value in Consent.objects.values().get().values())


def test_without_the_resident_s_consent_nothing_is_saved(client, facilitator, verified_budget, person):
    trees, *_others = proposals_of(verified_budget)
    client.force_login(facilitator)

    response = assist(client, verified_budget, person, trees, agreed=False)

    assert response.status_code == 422
    assert "Record the resident&#x27;s consent: tick the box once they have agreed to it." in response.content.decode()
    assert (BudgetBallot.objects.count(), Consent.objects.count()) == (0, 0)


def test_without_a_place_nothing_is_saved(client, facilitator, verified_budget, person):
    trees, *_others = proposals_of(verified_budget)
    client.force_login(facilitator)

    response = assist(client, verified_budget, person, trees, place="")

    assert response.status_code == 422
    assert (BudgetBallot.objects.count(), Consent.objects.count()) == (0, 0)


def test_one_identity_under_two_names_votes_once(client, facilitator, verified_budget, person):
    trees, fountain, _repair = proposals_of(verified_budget)
    client.force_login(facilitator)
    assist(client, verified_budget, person, trees, name="Fatima")

    response = assist(client, verified_budget, person, fountain, name="Someone else")

    assert response.status_code == 422
    assert "This person has already voted, online, on paper or with a facilitator" in response.content.decode()
    ballot = BudgetBallot.objects.get()
    assert (_chosen(ballot), Consent.objects.count(), ballot.consent.resident_name) == (
        ["Trees on the square"],
        1,
        "Fatima",
    )


def test_someone_not_on_the_census_list_is_refused(client, facilitator, verified_budget):
    trees, *_others = proposals_of(verified_budget)
    client.force_login(facilitator)

    response = assist(client, verified_budget, ("85073003328", date(1985, 7, 30)), trees)

    assert response.status_code == 422
    assert "This person is not on the lists of residents entitled to vote." in response.content.decode()
    assert (BudgetBallot.objects.count(), Consent.objects.count()) == (0, 0)


def test_a_resident_who_voted_online_cannot_be_voted_for_by_a_facilitator(client, facilitator, verified_budget, person):
    trees, fountain, _repair = proposals_of(verified_budget)
    resident = sign_up(client, "fatima@example.org")
    verify(client, person)
    vote(client, verified_budget, trees)
    client.force_login(facilitator)

    response = assist(client, verified_budget, person, fountain)

    assert response.status_code == 422
    ballot = BudgetBallot.objects.get()
    assert (ballot.voter, ballot.consent, _chosen(ballot)) == (resident, None, ["Trees on the square"])
    assert Consent.objects.count() == 0


def test_after_a_facilitator_voted_for_them_the_resident_cannot_vote_online_before_taking_over(
    client, facilitator, verified_budget, person
):
    trees, fountain, _repair = proposals_of(verified_budget)
    client.force_login(facilitator)
    assist(client, verified_budget, person, trees)
    sign_up(client, "fatima@example.org")
    verify(client, person)

    response = vote(client, verified_budget, fountain)

    assert response.status_code == 422
    assert take_over_notice(Consent.objects.get(), "A ballot") in response.content.decode()
    ballot = BudgetBallot.objects.get()
    assert (ballot.voter, _chosen(ballot)) == (None, ["Trees on the square"])


def test_a_resident_whose_ballot_a_facilitator_entered_is_sent_to_take_it_over_not_shown_an_empty_ballot(
    client, facilitator, verified_budget, person
):
    trees, _fountain, _repair = proposals_of(verified_budget)
    client.force_login(facilitator)
    assist(client, verified_budget, person, trees)
    sign_up(client, "fatima@example.org")
    verify(client, person)

    page = client.get(reverse("budgets:ballot", args=[verified_budget.process.slug])).content.decode()
    client.post(reverse("assisted:mine"))
    taken = client.get(reverse("budgets:ballot", args=[verified_budget.process.slug])).content.decode()

    assert take_over_notice(Consent.objects.get(), "A ballot") in page
    assert 'class="budget-ballot"' not in page
    assert "was entered for you with a facilitator" not in taken
    assert "Change my ballot" in taken


def test_the_resident_takes_their_ballot_over_and_changes_it_online(client, facilitator, verified_budget, person):
    trees, fountain, _repair = proposals_of(verified_budget)
    client.force_login(facilitator)
    assist(client, verified_budget, person, trees)
    resident = sign_up(client, "fatima@example.org")
    verify(client, person)

    page = client.get(reverse("assisted:mine"))
    taken = client.post(reverse("assisted:mine"), follow=True)
    changed = vote(client, verified_budget, fountain)

    assert "Ballot in “" in page.content.decode()
    assert "1 contribution is now your account&#x27;s: you can change it online." in taken.content.decode()
    assert changed.status_code == 302
    ballot = BudgetBallot.objects.get()
    assert (ballot.voter, _chosen(ballot), ballot.consent.taken_over_by) == (resident, ["A water fountain"], resident)


def test_an_account_that_already_voted_unverified_keeps_its_ballot_and_is_told(client, facilitator, person):
    """In a vote open to any signed-in account, an account's unverified ballot and the person's assisted one clash
    on one ballot per account: the take-over reports it and moves nothing."""
    from tests.budgets.conftest import budget_at

    budget = budget_at("ballot")  # open voting
    trees, fountain, _repair = proposals_of(budget)
    resident = sign_up(client, "fatima@example.org")
    vote(client, budget, fountain)
    client.force_login(facilitator)
    assist(client, budget, person, trees)
    client.force_login(resident)
    verify(client, person)

    taken = client.post(reverse("assisted:mine"), follow=True)

    assert "stays as the facilitator entered it: this account already has a ballot there." in taken.content.decode()
    assert BudgetBallot.objects.get(consent__isnull=False).voter is None
    assert Consent.objects.get().taken_over_by is None
