"""The API's second slice: what the process kinds publish (issue 17, 3a). The results of votes and budgets with
their anonymous ballots, the jury's aggregates, the lotteries' pools, quotas and draws, the citizens' initiatives
and their signature counts: each exactly when, and as, its page and its downloads publish it to an anonymous
visitor. Nothing here names a person, a juror or a signer."""

from typing import Literal

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Prefetch
from django.utils.translation import gettext as _
from ninja import Router
from ninja.errors import HttpError

from samen.algorithms.ballot_files import numbered_ballots
from samen.api import schemas as s
from samen.api.shared import check_limit, last_modified, page, site, site_url
from samen.budgets import queries as budget_queries
from samen.budgets import services as budget_services
from samen.budgets.models import Budget, Proposal
from samen.common.geography import municipalities
from samen.initiatives import queries as initiative_queries
from samen.initiatives.models import Initiative, TimelineEvent
from samen.panels import queries as panel_queries
from samen.panels.models import Lottery, Volunteer
from samen.processes.models import Phase, Process
from samen.votes import queries as vote_queries
from samen.votes import services as vote_services
from samen.votes.models import Entry, Shortlist

router = Router()
ANYONE = AnonymousUser()  # the API answers the same to everyone: what an anonymous visitor of the site may see
PHASES = Prefetch("process__phases", queryset=Phase.objects.order_by("first_day", "pk"))


def _slice(rows: list, limit: int, offset: int) -> list:
    return rows[offset : offset + limit]


def _phase_days(process: Process, kind: str) -> tuple:
    phase = next((p for p in process.phases.all() if p.kind == kind), None)
    return (phase.first_day, phase.last_day) if phase else (None, None)


# Votes


def _shortlists():
    """The shortlists anyone may see: published, in a published process."""
    return (
        Shortlist.objects.filter(published_at__isnull=False, process__status=Process.Status.PUBLISHED)
        .select_related("process", "result")
        .prefetch_related(PHASES, Prefetch("entries", queryset=Entry.objects.select_related("idea")))
    )


def _vote_result(shortlist: Shortlist):
    """The count, once anyone may see it (made at the first request after the vote, as the results page does)."""
    if not ANYONE.has_perm("votes.view_results", shortlist):
        return None
    try:
        return shortlist.result
    except Shortlist.result.RelatedObjectDoesNotExist:
        return vote_services.count_votes(shortlist=shortlist)


def _vote_out(shortlist: Shortlist) -> dict:
    entries = list(shortlist.entries.all())
    result = _vote_result(shortlist)
    first, last = _phase_days(shortlist.process, vote_queries.VOTE_PHASE)
    out = {
        "process": shortlist.process.slug,
        "winners": shortlist.winners,
        "max_choices": shortlist.max_choices,
        "tie_break": shortlist.tie_break,
        "lottery_seed": shortlist.lottery_seed,
        "published_at": shortlist.published_at,
        "vote_first_day": first,
        "vote_last_day": last,
        "shortlist": [
            {
                "idea": e.idea_id,
                "title": e.idea.title,
                "language": e.idea.language,
                "position": e.position,
                "jury_score": e.jury_score,
                "jury_score_out_of_10": float(e.jury_score_fraction),
                "jurors": e.jurors,
                "motivation": s.texts(e, "motivation"),
            }
            for e in entries
        ],
        "result": None,
        "url": site_url("votes:shortlist", slug=shortlist.process.slug),
    }
    if result is not None:
        outcome = result.outcome
        out["url"] = site_url("votes:results", slug=shortlist.process.slug)
        out["result"] = {
            "counted_at": result.counted_at,
            "ballots": outcome["ballots"],
            "winners": [int(idea) for idea in outcome["winners"]],
            "ranking": [
                {
                    "idea": int(idea),
                    "rank": rank,
                    "votes": outcome["tallies"][idea],
                    "winner": idea in outcome["winners"],
                }
                for rank, idea in enumerate(outcome["ranking"], start=1)
            ],
            "ties": [
                {
                    "votes": tie["votes"],
                    "candidates": [int(idea) for idea in tie["candidates"]],
                    "decisive": tie["decisive"],
                    "steps": [
                        {"method": step["method"], "values": [[str(v) for v in pair] for pair in step["values"]]}
                        for step in tie["steps"]
                    ],
                }
                for tie in outcome["ties"]
            ],
            "tie_break": outcome["tie_break"],
            "ballots_url": site(path=f"/api/v1/votes/{shortlist.process.slug}/ballots"),
        }
    return out


def _shortlist(slug: str) -> Shortlist:
    found = _shortlists().filter(process__slug=slug).first()
    if found is None:
        raise HttpError(404, _("There is no published vote with this address."))
    return found


@router.get(
    "/votes", response=s.VotePage, summary="Published shortlists and the results of ended votes", tags=["votes"]
)
def votes(request, limit: int = 20, offset: int = 0):
    """The jury's aggregate score per shortlisted idea (never a juror's own), from the shortlist's publication; the
    result (votes per idea, winners, ties and how they were broken) once the vote has ended. Newest first."""
    limit = check_limit(limit, offset)
    rows = _shortlists()
    count = rows.count()
    found = rows.order_by("-published_at", "-pk")[offset : offset + limit]
    return page(request, count, limit, offset, [_vote_out(shortlist) for shortlist in found])


@router.get("/votes/{slug}", response=s.VoteOut, summary="One published vote", tags=["votes"])
def vote(request, slug: str):
    shortlist = _shortlist(slug)
    out = _vote_out(shortlist)
    if out["result"] is not None:  # counted: nothing changes it any more but an idea's title
        last_modified(request, out["result"]["counted_at"], *(e.idea.updated_at for e in shortlist.entries.all()))
    return out


@router.get(
    "/votes/{slug}/ballots", response=s.VoteBallotPage, summary="The anonymous ballots of an ended vote", tags=["votes"]
)
def vote_ballots(request, slug: str, limit: int = 100, offset: int = 0):
    """Each ballot as the published CSV has it: its number and the ideas it chose, in an order that says nothing of
    who voted when. Anyone can recount."""
    limit = check_limit(limit, offset)
    shortlist = _shortlist(slug)
    result = _vote_result(shortlist)
    if result is None:
        raise HttpError(404, _("The ballots are published once the vote has ended."))
    ballots = numbered_ballots(vote_queries.ballots_for_count(shortlist))
    last_modified(request, result.counted_at)
    results = [{"ballot": n, "choices": [int(c) for c in choices]} for n, choices in _slice(ballots, limit, offset)]
    return page(request, len(ballots), limit, offset, results)


# Budgets


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
    first, last = _phase_days(budget.process, budget_queries.BALLOT_PHASE)
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
        for n, (chosen, paper) in _slice(ballots, limit, offset)
    ]
    return page(request, len(ballots), limit, offset, results)


# Lotteries


def _lotteries():
    return (
        Lottery.objects.filter(process__status=Process.Status.PUBLISHED)
        .select_related("process")
        .annotate(volunteer_count=Count("volunteers", distinct=True))
        .prefetch_related(
            "quotas",
            Prefetch(
                "volunteers",
                queryset=Volunteer.objects.exclude(pseudonym="").only("pk", "lottery_id", "features"),
                to_attr="pool",
            ),
        )
    )


def _lottery_out(lottery: Lottery) -> dict:
    frozen = lottery.pool_frozen_at is not None
    outcome = lottery.outcome if lottery.drawn_at else None
    return {
        "process": lottery.process.slug,
        "panel_size": lottery.panel_size,
        "invitations": lottery.invitations,
        "stratify_invitations": lottery.stratify_invitations,
        "households": lottery.households,
        "seed_announcement": s.texts(lottery, "seed_announcement"),
        "volunteers": lottery.volunteer_count,
        "invitations_drawn_at": lottery.invitations_drawn_at,
        "pool_frozen_at": lottery.pool_frozen_at,
        "drawn_at": lottery.drawn_at,
        "pool": [
            {"category": category, "value": value, "volunteers": n}
            for category, value, n in panel_queries.pool_counts(lottery, lottery.pool)
        ]
        if frozen
        else [],
        "quotas": [
            {"category": q.category, "value": q.value, "minimum": q.minimum, "maximum": q.maximum}
            for q in lottery.quotas.all()
        ]
        if frozen
        else [],
        "draw": {
            "method": outcome["method"],
            "k": outcome["k"],
            "seed": outcome["seed"],
            "min_probability": outcome["min_probability"],
            "estimated": outcome["estimated"],
            "probabilities": [{"id": pid, "probability": p} for pid, p in outcome["probabilities"].items()],
            "unselectable": outcome["unselectable"],
            "distribution": outcome["distribution"],
            "panel": outcome["panel"],
        }
        if outcome
        else None,
        "url": site(lottery),
    }


@router.get("/lotteries", response=s.LotteryPage, summary="Panels drawn by lot", tags=["lotteries"])
def lotteries(request, limit: int = 20, offset: int = 0):
    """The rules of each lottery; once the pool is frozen, how many volunteers are in each group and the quotas; once
    drawn, every volunteer's chance and the panel, under the pseudonyms of the published pool file. Newest first."""
    limit = check_limit(limit, offset)
    rows = _lotteries()
    count = rows.count()
    found = rows.order_by("-process__created_at", "-pk")[offset : offset + limit]
    return page(request, count, limit, offset, [_lottery_out(lottery) for lottery in found])


@router.get("/lotteries/{slug}", response=s.LotteryOut, summary="One lottery", tags=["lotteries"])
def lottery(request, slug: str):
    found = _lotteries().filter(process__slug=slug).first()
    if found is None:
        raise HttpError(404, _("There is no published lottery with this address."))
    if found.drawn_at:  # drawn: the pool, the quotas and the draw are final
        last_modified(request, found.drawn_at)
    return _lottery_out(found)


# Citizens' initiatives


def _initiatives():
    return (
        initiative_queries.with_counts()
        .exclude(status__in=initiative_queries.PRIVATE)
        .prefetch_related(Prefetch("events", queryset=TimelineEvent.objects.order_by("day", "pk")))
    )


def _initiative_out(initiative: Initiative) -> dict:
    state = initiative_queries.state_of(initiative)
    kind = initiative.kind
    return {
        "id": initiative.pk,
        "title": s.texts(initiative, "title"),
        "text": s.texts(initiative, "text"),
        "reasons": s.texts(initiative, "reasons"),
        "kind": {
            "name": s.texts(kind, "name"),
            "municipality_nis": kind.municipality_nis,
            "threshold": kind.threshold,
            "collection_months": kind.collection_months,
            "council_months": kind.council_months,
        },
        "status": initiative.status,
        "stage": str(state.stage),
        "signatures": state.signatures,
        "threshold": state.threshold,
        "collection_starts": initiative.collection_starts,
        "collection_ends": initiative.collection_ends,
        "transmitted_on": initiative.transmitted_on,
        "council_deadline": state.deadline,
        "days_left": state.days_left,
        "overdue": state.overdue,
        "decision": initiative.decision,
        "votes_for": initiative.votes_for,
        "votes_against": initiative.votes_against,
        "abstentions": initiative.abstentions,
        "decided_on": initiative.decided_on,
        "minutes_url": initiative.minutes_url,
        "events": [
            {"kind": e.kind, "day": e.day, "title": s.texts(e, "title"), "link": e.link}
            for e in initiative.events.all()
        ],
        "url": site(initiative),
    }


@router.get("/initiatives", response=s.InitiativePage, summary="Public citizens' initiatives", tags=["initiatives"])
def initiatives(
    request,
    status: Literal["collecting", "failed", "transmitted", "decided"] | None = None,
    municipality: str | None = None,
    limit: int = 20,
    offset: int = 0,
):
    """Every initiative past its admissibility check, newest first: where it stands on the council's clock and how
    many signatures stand (a count; never who signed)."""
    limit = check_limit(limit, offset)
    rows = _initiatives()
    if status:
        rows = rows.filter(status=status)
    if municipality:
        if municipality not in municipalities():
            raise HttpError(422, _("There is no municipality with this code."))
        rows = rows.filter(kind__municipality_nis=municipality)
    count = rows.count()
    found = rows.order_by("-created_at", "-pk")[offset : offset + limit]
    return page(request, count, limit, offset, [_initiative_out(i) for i in found])


@router.get(
    "/initiatives/{pk}", response=s.InitiativeOut, summary="One public citizens' initiative", tags=["initiatives"]
)
def initiative(request, pk: int):
    found = _initiatives().filter(pk=pk).first()
    if found is None:
        raise HttpError(404, _("There is no public initiative with this number."))
    return _initiative_out(found)
