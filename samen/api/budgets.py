"""Participatory budgets in the API: the rules from the start; once the ballot has closed, the result by the announced
rule and by the greedy rule, and the anonymous ballots as the published .pb file has them."""

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from ninja import Router
from ninja.errors import HttpError

from samen.api import schemas as s
from samen.api.shared import ANYONE, PHASES, check_limit, last_modified, page, phase_days, site, site_url, slice_of
from samen.budgets import queries as budget_queries
from samen.budgets import services as budget_services
from samen.budgets.models import Budget, Proposal
from samen.processes.models import Process

router = Router()


def _budgets():
    return (
        Budget.objects.filter(process__status=Process.Status.PUBLISHED)
        .select_related("process", "result")
        .prefetch_related(
            PHASES, Prefetch("proposals", queryset=Proposal.objects.filter(status=Proposal.Status.FEASIBLE))
        )
    )


def _budget_result(budget: Budget):
    if not ANYONE.has_perm("budgets.view_result", budget.process):
        return None
    try:
        return budget.result
    except Budget.result.RelatedObjectDoesNotExist:
        return budget_services.count_budget(budget=budget)


def _budget_out(budget: Budget) -> dict:
    result = _budget_result(budget)
    first, last = phase_days(budget.process, budget_queries.BALLOT_PHASE)
    out = {
        "process": budget.process.slug,
        "amount": budget.amount,
        "ballot_kind": budget.ballot_kind,
        "max_projects": budget.max_projects,
        "rule": budget.rule,
        "tie_break": budget.tie_break,
        "lottery_seed": budget.lottery_seed,
        "ballot_first_day": first,
        "ballot_last_day": last,
        "result": None,
        "url": site_url("budgets:budget", slug=budget.process.slug),
    }
    if result is not None:
        outcome = result.outcome
        proposals = {str(p.pk): p for p in budget.proposals.all()}
        votes = outcome["votes"]
        out["url"] = site_url("budgets:result", slug=budget.process.slug)
        out["result"] = {
            "counted_at": result.counted_at,
            "ballots": outcome["ballots"],
            "paper_ballots": outcome.get("paper_ballots", 0),
            "assisted_ballots": outcome.get("assisted_ballots", 0),
            "rule": outcome["rule"],
            "share": outcome["share"],
            "cost": outcome["cost"],
            "greedy_cost": outcome["greedy"]["cost"],
            "winners": [int(pid) for pid in outcome["winners"]],
            "greedy_winners": [int(pid) for pid in outcome["greedy"]["winners"]],
            "projects": [
                {
                    "id": int(pid),
                    "title": s.texts(proposals[pid], "title"),
                    "neighbourhood_code": proposals[pid].neighbourhood_code,
                    "cost": proposals[pid].cost,
                    "votes": votes[pid],
                    "funded": pid in outcome["winners"],
                    "funded_by_greedy": pid in outcome["greedy"]["winners"],
                }
                for pid in sorted(votes, key=lambda pid: (-votes[pid], int(pid)))
                if pid in proposals
            ],
            "ties": [
                {
                    "stage": tie["stage"],
                    "projects": [int(pid) for pid in tie["projects"]],
                    "method": tie["method"],
                    "decisive": tie["decisive"],
                }
                for tie in outcome.get("ties", [])
            ],
            "tie_break": outcome["tie_break"],
            "ballots_url": site(path=f"/api/v1/budgets/{budget.process.slug}/ballots"),
        }
    return out


def _budget(slug: str) -> Budget:
    found = _budgets().filter(process__slug=slug).first()
    if found is None:
        raise HttpError(404, _("There is no published participatory budget with this address."))
    return found


@router.get("/budgets", response=s.BudgetPage, summary="Participatory budgets and their results", tags=["budgets"])
def budgets(request, limit: int = 20, offset: int = 0):
    """The rules announced before the ballot; once it has closed, the result by the announced rule and, beside it,
    by the greedy rule, with each project's cost and votes. Newest first."""
    limit = check_limit(limit, offset)
    rows = _budgets()
    count = rows.count()
    found = rows.order_by("-process__created_at", "-pk")[offset : offset + limit]
    return page(request, count, limit, offset, [_budget_out(budget) for budget in found])


@router.get("/budgets/{slug}", response=s.BudgetOut, summary="One participatory budget", tags=["budgets"])
def budget(request, slug: str):
    found = _budget(slug)
    out = _budget_out(found)
    if out["result"] is not None:
        last_modified(request, out["result"]["counted_at"])
    return out


@router.get(
    "/budgets/{slug}/ballots",
    response=s.BudgetBallotPage,
    summary="The anonymous ballots of a closed budget",
    tags=["budgets"],
)
def budget_ballots(request, slug: str, limit: int = 100, offset: int = 0):
    """Each ballot as the published .pb file has it: its number, the projects it chose, online or on paper."""
    limit = check_limit(limit, offset)
    found = _budget(slug)
    result = _budget_result(found)
    if result is None:
        raise HttpError(404, _("The ballots are published once the ballot has closed."))
    ballots = list(enumerate(budget_queries.ballots_for_count(found), start=1))
    last_modified(request, result.counted_at)
    results = [
        {"ballot": n, "projects": [int(pid) for pid in chosen], "voting_method": "paper" if paper else "internet"}
        for n, (chosen, paper) in slice_of(ballots, limit, offset)
    ]
    return page(request, len(ballots), limit, offset, results)
