"""Budgets' personal data: proposals written, budget ballots cast, and staff work (reviews, paper ballots typed).
See `samen.common.privacy`."""

from samen.budgets.models import BudgetBallot, Proposal
from samen.common.privacy import when
from samen.common.translation import every_language

COVERS = (Proposal, BudgetBallot)


def export(user) -> dict:
    return {
        "budget_proposals": [
            {
                "id": proposal.pk,
                "process": proposal.budget.process.slug,
                "association": proposal.association,
                **every_language(proposal, "title", "description"),
                "neighbourhood_code": proposal.neighbourhood_code,
                "estimated_cost": proposal.estimated_cost,
                "status": proposal.status,
                "created_at": when(proposal.created_at),
            }
            for proposal in Proposal.objects.filter(author=user).select_related("budget__process").order_by("pk")
        ],
        "budget_ballots": [
            {
                "process": ballot.budget.process.slug,
                "proposals": sorted(proposal.pk for proposal in ballot.proposals.all()),
                "on_paper": bool(ballot.paper_reference),
                "with_a_facilitator": ballot.consent_id is not None,
                "updated_at": when(ballot.updated_at),
            }
            for ballot in BudgetBallot.objects.filter(voter=user)
            .select_related("budget__process")
            .prefetch_related("proposals")
            .order_by("pk")
        ],
        "budget_staff_work": {
            "proposals_reviewed": list(
                Proposal.objects.filter(reviewed_by=user).order_by("pk").values_list("pk", flat=True)
            ),
            "paper_ballots_entered": BudgetBallot.objects.filter(entered_by=user).exclude(paper_reference="").count(),
            "assisted_ballots_entered": BudgetBallot.objects.filter(entered_by=user, consent__isnull=False).count(),
        },
    }
