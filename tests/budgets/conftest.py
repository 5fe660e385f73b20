"""A neighbourhood budget at each step: proposals open, the City reviewing, the ballot open, the ballot closed."""

from datetime import timedelta

import pytest
from django.utils import timezone

from samen.budgets.models import Budget, Proposal
from tests.factories import PhaseFactory, ProcessFactory, UserFactory

STAGES = {  # days from today of the proposals, the feasibility review and the ballot
    "proposals": ((-5, 5), (6, 10), (11, 20)),
    "review": ((-20, -11), (-5, 5), (6, 10)),
    "ballot": ((-30, -21), (-20, -11), (-5, 5)),
    "closed": ((-40, -31), (-30, -21), (-20, -1)),
}
# title, cost: the City's confirmed costs on a 100,000 euro budget
PROJECTS = [("Trees on the square", 60_000), ("A water fountain", 30_000), ("A repair stand", 20_000)]


def budget_at(stage: str, *, voters: str = "", **rules) -> Budget:
    """Open voting (any signed-in account) unless `voters` asks for verified residents, as new processes do."""
    today = timezone.localdate()
    process = ProcessFactory(scope="neighbourhood", neighbourhood_code=20, voters=voters)
    for kind, (first, last) in zip(
        ("proposal_submission", "feasibility_review", "budget_ballot"), STAGES[stage], strict=True
    ):
        PhaseFactory(process=process, kind=kind, first_day=today + timedelta(first), last_day=today + timedelta(last))
    budget = Budget.objects.create(process=process, amount=100_000, **rules)
    if stage != "proposals":
        for title, cost in PROJECTS:
            Proposal.objects.create(
                budget=budget,
                author=UserFactory(),
                title_nl=title,
                title_fr=title,
                title_en=title,
                description_nl="Beschrijving",
                description_fr="Description",
                estimated_cost=cost,
                cost=cost,
                status=Proposal.Status.FEASIBLE if stage != "review" else Proposal.Status.SUBMITTED,
            )
    return budget


def proposals_of(budget) -> list[Proposal]:
    return list(budget.proposals.order_by("pk"))


@pytest.fixture
def proposals_budget(db):
    return budget_at("proposals")


@pytest.fixture
def review_budget(db):
    return budget_at("review")


@pytest.fixture
def ballot_budget(db):
    return budget_at("ballot")
