"""One budget ballot per person, within the budget, changeable until the ballot closes; paper ballots audited."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from samen.budgets import services
from samen.budgets.models import BudgetBallot
from tests.budgets.conftest import budget_at, proposals_of
from tests.factories import UserFactory
from tests.initiatives.conftest import Census

pytestmark = pytest.mark.django_db


def _vote(client, budget, *proposals):
    return client.post(
        reverse("budgets:ballot", args=[budget.process.slug]), {"projects": [str(p.pk) for p in proposals]}
    )


def test_a_resident_chooses_projects_within_the_budget_and_changes_their_mind(client, ballot_budget, resident):
    trees, fountain, repair = proposals_of(ballot_budget)
    client.force_login(resident)

    _vote(client, ballot_budget, trees, fountain)
    response = _vote(client, ballot_budget, fountain, repair)

    assert response.status_code == 302
    assert sorted(p.pk for p in BudgetBallot.objects.get().proposals.all()) == [fountain.pk, repair.pk]


def test_a_ballot_over_the_budget_is_refused_with_the_amount_over_and_the_old_ballot_kept(
    client, ballot_budget, resident
):
    trees, fountain, repair = proposals_of(ballot_budget)
    client.force_login(resident)
    _vote(client, ballot_budget, trees)

    response = _vote(client, ballot_budget, trees, fountain, repair)

    assert response.status_code == 422
    text = response.content.decode().replace("\xa0", " ")
    assert "Your projects cost 110,000 €, 10,000 € more than the budget of 100,000 €." in text
    assert [p.pk for p in BudgetBallot.objects.get().proposals.all()] == [trees.pk]


def test_the_live_total_says_what_is_left(client, ballot_budget):
    trees, fountain, _repair = proposals_of(ballot_budget)

    response = client.post(
        reverse("budgets:ballot_total", args=[ballot_budget.process.slug]),
        {"projects": [str(trees.pk), str(fountain.pk)]},
        headers={"HX-Request": "true"},
    )

    assert "Chosen: 90,000 €. Left: 10,000 €." in response.content.decode().replace("\xa0", " ")


def test_a_project_that_is_not_on_the_ballot_is_refused(resident):
    budget = budget_at("ballot")
    other = proposals_of(budget_at("ballot"))[0]

    with pytest.raises(ValidationError) as refusal:
        services.cast_budget_ballot(budget=budget, voter=resident, proposal_ids=[other.pk])

    assert refusal.value.code == "not_on_ballot"
    assert BudgetBallot.objects.count() == 0


def test_an_approval_ballot_takes_at_most_its_number_of_projects(resident):
    budget = budget_at("ballot", ballot_kind="approval", max_projects=2)

    with pytest.raises(ValidationError) as refusal:
        services.cast_budget_ballot(budget=budget, voter=resident, proposal_ids=[p.pk for p in proposals_of(budget)])

    assert refusal.value.messages == ["Choose 2 projects at most."]


def test_voting_outside_the_ballot_phase_is_refused(client, resident):
    budget = budget_at("closed")
    client.force_login(resident)

    response = _vote(client, budget, proposals_of(budget)[0])

    assert response.status_code == 403
    assert BudgetBallot.objects.count() == 0


def test_staff_enter_a_paper_ballot_once_with_an_audit_trail(client, ballot_budget, manager):
    census = Census(UserFactory(role="administrator", is_staff=True))
    (first, first_born), (second, second_born) = census.add(date(1970, 2, 1)), census.add(date(1990, 6, 2))
    trees = proposals_of(ballot_budget)[0]
    client.force_login(manager)
    url = reverse("budgets:paper_ballot", args=[ballot_budget.process.slug])
    sheet = {"paper_reference": "A-017", "projects": [str(trees.pk)]}

    client.post(url, sheet | {"national_number": first, "born_on": first_born.isoformat()})
    again = client.post(url, sheet | {"national_number": second, "born_on": second_born.isoformat()})

    ballot = BudgetBallot.objects.get()
    assert (ballot.voter, ballot.entered_by, ballot.paper_reference) == (None, manager, "A-017")
    assert again.status_code == 422
    assert "Paper ballot A-017 has already been entered." in again.content.decode()
    audit = client.get(url).content.decode()
    assert "<td>A-017</td><td>Manager</td>" in audit


def test_a_resident_cannot_enter_paper_ballots(client, ballot_budget, resident):
    client.force_login(resident)

    response = client.post(
        reverse("budgets:paper_ballot", args=[ballot_budget.process.slug]),
        {"paper_reference": "A-001", "projects": [str(proposals_of(ballot_budget)[0].pk)]},
    )

    assert response.status_code == 403
    assert BudgetBallot.objects.count() == 0


def test_an_outsider_cannot_vote_on_a_draft_process(resident):
    budget = budget_at("ballot")
    budget.process.status = "draft"
    budget.process.save()

    with pytest.raises(PermissionDenied):
        services.cast_budget_ballot(budget=budget, voter=resident, proposal_ids=[proposals_of(budget)[0].pk])
