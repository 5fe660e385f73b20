"""Shared reads for participatory budgets."""

from datetime import datetime

from django.urls import reverse
from django.utils.translation import gettext as _

from samen.budgets.models import Budget, BudgetBallot, BudgetResult, Proposal
from samen.processes import queries as process_queries
from samen.processes.page import Outcome, taking_part

BALLOT_PHASE = "budget_ballot"


def budget_of(process) -> Budget | None:
    try:
        return process.budget
    except Budget.DoesNotExist:
        return None


def ballot_phase(budget: Budget):
    return process_queries.phase_of_kind(budget.process, BALLOT_PHASE)


def ballot_has_closed(budget: Budget, *, now: datetime | None = None) -> bool:
    return process_queries.phase_has_ended(budget.process, BALLOT_PHASE, now=now)


def ballot_has_opened(budget: Budget, *, now: datetime | None = None) -> bool:
    return process_queries.phase_has_opened(budget.process, BALLOT_PHASE, now=now)


def proposals_of(budget: Budget, *, viewer) -> list[Proposal]:
    """Every proposal is public with its status and the City's reason; nothing is hidden by the review."""
    return list(budget.proposals.select_related("author").order_by("status", "pk"))


def feasible_proposals(budget: Budget) -> list[Proposal]:
    return list(budget.proposals.filter(status=Proposal.Status.FEASIBLE).order_by("pk"))


def ballot_of(budget: Budget, voter) -> BudgetBallot | None:
    if not voter.is_authenticated:
        return None
    return BudgetBallot.objects.filter(budget=budget, voter=voter).prefetch_related("proposals").first()


def ballots_for_count(budget: Budget) -> list[tuple[tuple[str, ...], bool]]:
    """Every ballot, online and paper alike, as its chosen proposal ids and whether it is a paper ballot, ordered by
    content: the order of the open export says nothing about who voted when."""
    return [(chosen, paper) for chosen, paper, _assisted in counted_ballots(budget)]


def counted_ballots(budget: Budget) -> list[tuple[tuple[str, ...], bool, bool]]:
    """`ballots_for_count` with, for each ballot, whether a facilitator entered it (samen/assisted)."""
    chosen: dict[int, list[int]] = {}
    for ballot_id, proposal_id in BudgetBallot.proposals.through.objects.filter(
        budgetballot__budget=budget
    ).values_list("budgetballot_id", "proposal_id"):
        chosen.setdefault(ballot_id, []).append(proposal_id)
    paper = set(budget.ballots.exclude(paper_reference="").values_list("pk", flat=True))
    assisted = set(budget.ballots.filter(consent__isnull=False).values_list("pk", flat=True))
    return sorted(
        (tuple(str(pk) for pk in sorted(ids)), ballot_id in paper, ballot_id in assisted)
        for ballot_id, ids in chosen.items()
    )


def assisted_ballot_count(budget: Budget) -> int:
    return budget.ballots.filter(consent__isnull=False).count()


def online_ballot_count(budget: Budget) -> int:
    """The ballots cast by accounts, paper ballots typed in by staff and assisted ones left out."""
    return budget.ballots.filter(paper_reference="", consent__isnull=True).count()


def result_of(budget: Budget) -> BudgetResult | None:
    return BudgetResult.objects.filter(budget=budget).first()


def funded_ids(budget: Budget) -> list[int]:
    """The projects the published count funded, in the order the rule chose them; none before the count."""
    result = result_of(budget)
    return [int(pk) for pk in result.outcome["winners"]] if result else []


def paper_ballots(budget: Budget) -> list[BudgetBallot]:
    """The audit trail of paper ballots: who typed in which sheet, when, with what."""
    return list(
        budget.ballots.exclude(paper_reference="")
        .select_related("entered_by")
        .prefetch_related("proposals")
        .order_by("-created_at")
    )


def ballots_cast() -> int:
    """How many ballots, online and on paper, stand in the budgets of published processes (the City's dashboard)."""
    return BudgetBallot.objects.filter(budget__process__status="published").count()


def participants(process_ids: list[int]):
    """(process, account) for whoever proposed a project or cast a ballot (for the process's card); (process,
    pseudonym) for a ballot kept without an account (on paper, or of an account since deleted)."""
    return [
        taking_part(
            Proposal.objects.filter(budget__process_id__in=process_ids, author__isnull=False),
            process="budget__process_id",
            account="author_id",
        ),
        taking_part(
            BudgetBallot.objects.filter(budget__process_id__in=process_ids, voter__isnull=False),
            process="budget__process_id",
            account="voter_id",
        ),
        taking_part(
            BudgetBallot.objects.filter(
                budget__process_id__in=process_ids, voter__isnull=True, voter_key__isnull=False
            ),
            process="budget__process_id",
            key="voter_key",
        ),
    ]


def kept_ballots(process_ids: list[int]):
    """(process, vote, pseudonym) of the ballots kept without an account: on paper, or of an account since deleted."""
    for process_id, budget_id, key in BudgetBallot.objects.filter(
        budget__process_id__in=process_ids, voter__isnull=True, voter_key__isnull=False
    ).values_list("budget__process_id", "budget_id", "voter_key"):
        yield process_id, f"budget:{budget_id}", key


def recent_outcomes(limit: int) -> list[Outcome]:
    """The latest counted budgets of published processes (for the home page)."""
    results = (
        BudgetResult.objects.filter(budget__process__status="published")
        .select_related("budget__process")
        .order_by("-counted_at")[:limit]
    )
    return [
        Outcome(
            title=str(result.budget.process.title),
            url=reverse("budgets:result", args=[result.budget.process.slug]),
            when=result.counted_at,
            summary=_("The budget vote is counted: see the funded projects and what each share paid for."),
        )
        for result in results
    ]
