"""Votes in the API: a shortlist with the jury's aggregates once published (never a juror's own scores), the result
and the anonymous ballots once the vote has ended, as the shortlist and results pages and ballots.csv publish them."""

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from ninja import Router
from ninja.errors import HttpError

from samen.algorithms.ballot_files import numbered_ballots
from samen.api import schemas as s
from samen.api.shared import ANYONE, PHASES, check_limit, last_modified, page, phase_days, site, site_url, slice_of
from samen.processes.models import Process
from samen.votes import queries as vote_queries
from samen.votes import services as vote_services
from samen.votes.models import Entry, Shortlist

router = Router()


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
    first, last = phase_days(shortlist.process, vote_queries.VOTE_PHASE)
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
    results = [{"ballot": n, "choices": [int(c) for c in choices]} for n, choices in slice_of(ballots, limit, offset)]
    return page(request, len(ballots), limit, offset, results)
