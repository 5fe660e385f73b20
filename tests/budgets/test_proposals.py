"""Residents propose costed projects; only City staff review feasibility, in public and in both languages."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from samen.budgets import services
from samen.budgets.models import Proposal
from tests.budgets.conftest import proposals_of

pytestmark = pytest.mark.django_db


def _proposal_form(**overrides):
    data = {"title_fr": "Un banc", "description_fr": "Un banc à l'ombre.", "estimated_cost": "1500"}
    return data | overrides


def test_a_resident_proposes_a_project_in_french(client, proposals_budget, resident):
    client.force_login(resident)

    response = client.post(reverse("budgets:propose", args=[proposals_budget.process.slug]), _proposal_form())

    proposal = Proposal.objects.get()
    assert response.status_code == 302
    assert (proposal.title_fr, proposal.estimated_cost, proposal.status) == ("Un banc", 1500, "submitted")


@pytest.mark.parametrize("cost", ["-5", "0", "100001", "1e9"])
def test_a_negative_or_absurd_cost_is_refused_and_nothing_saved(client, proposals_budget, resident, cost):
    client.force_login(resident)

    response = client.post(
        reverse("budgets:propose", args=[proposals_budget.process.slug]), _proposal_form(estimated_cost=cost)
    )

    assert response.status_code == 422
    assert Proposal.objects.count() == 0


def test_a_cost_above_the_whole_budget_says_what_the_budget_is(client, proposals_budget, resident):
    client.force_login(resident)

    response = client.post(
        reverse("budgets:propose", args=[proposals_budget.process.slug]), _proposal_form(estimated_cost="250000")
    )

    assert "between 1 € and the whole budget (100,000 €)" in response.content.decode().replace("\xa0", " ")


def test_proposing_after_the_proposal_phase_is_refused(client, review_budget, resident):
    client.force_login(resident)

    response = client.post(reverse("budgets:propose", args=[review_budget.process.slug]), _proposal_form())

    assert response.status_code == 403
    assert Proposal.objects.filter(title_fr="Un banc").count() == 0


def test_city_staff_confirm_a_cost_and_put_the_project_on_the_ballot(review_budget, manager):
    proposal = proposals_of(review_budget)[0]

    services.review_proposal(proposal=proposal, reviewer=manager, feasible=True, cost=65_000)

    proposal.refresh_from_db()
    assert (proposal.status, proposal.cost, proposal.reviewed_by) == ("feasible", 65_000, manager)


def test_a_refusal_needs_a_public_reason_in_dutch_and_french(client, review_budget, manager):
    proposal = proposals_of(review_budget)[0]
    client.force_login(manager)

    response = client.post(
        reverse("budgets:review", args=[review_budget.process.slug, proposal.pk]),
        {"feasible": "no", "review_reason_fr": "Le terrain appartient à la Région."},
    )

    proposal.refresh_from_db()
    assert response.status_code == 422
    assert "Write the Dutch version too" in response.content.decode()
    assert proposal.status == "submitted"


def test_a_resident_cannot_review_feasibility(client, review_budget, resident):
    proposal = proposals_of(review_budget)[0]
    client.force_login(resident)

    response = client.post(
        reverse("budgets:review", args=[review_budget.process.slug, proposal.pk]), {"feasible": "yes", "cost": "1"}
    )

    proposal.refresh_from_db()
    assert response.status_code == 403
    assert (proposal.status, proposal.cost) == ("submitted", 60_000)


def test_staff_cannot_review_outside_the_review_phase(ballot_budget, manager):
    with pytest.raises(PermissionDenied):
        services.review_proposal(proposal=proposals_of(ballot_budget)[0], reviewer=manager, feasible=False)
