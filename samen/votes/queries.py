"""Shared reads for the jury, the shortlist, the ballots and the follow-up."""

from datetime import datetime
from fractions import Fraction

from django.urls import reverse
from django.utils.translation import gettext as _

from samen.algorithms import jury
from samen.ideas.models import Idea, Visibility
from samen.processes import queries as process_queries
from samen.processes.page import Outcome, taking_part
from samen.votes.models import Ballot, Entry, JuryMember, Result, Review, Score, Shortlist

VOTE_PHASE = "shortlist_vote"


def shortlist_of(process) -> Shortlist | None:
    try:
        return process.shortlist
    except Shortlist.DoesNotExist:
        return None


def is_juror(shortlist: Shortlist, user) -> bool:
    return JuryMember.objects.filter(shortlist=shortlist, member=user).exists()


def vote_phase(shortlist: Shortlist):
    return process_queries.phase_of_kind(shortlist.process, VOTE_PHASE)


def vote_has_ended(shortlist: Shortlist, *, now: datetime | None = None) -> bool:
    return process_queries.phase_has_ended(shortlist.process, VOTE_PHASE, now=now)


def vote_has_opened(shortlist: Shortlist, *, now: datetime | None = None) -> bool:
    return process_queries.phase_has_opened(shortlist.process, VOTE_PHASE, now=now)


def ideas_to_review(shortlist: Shortlist, juror) -> list[Idea]:
    """The process's public ideas, each with this juror's own review (or None): theirs alone, never another's."""
    ideas = list(
        Idea.objects.filter(process=shortlist.process, visibility=Visibility.PUBLISHED)
        .select_related("theme")
        .order_by("pk")
    )
    mine = {review.idea_id: review for review in Review.objects.filter(shortlist=shortlist, juror=juror)}
    for idea in ideas:
        idea.my_review = mine.get(idea.pk)
    return ideas


def jury_ranking(shortlist: Shortlist) -> list[tuple[Idea, jury.JuryAggregate]]:
    """Every scored idea with its weighted mean and how many jurors scored it, best first."""
    criteria = [jury.Criterion(key=str(c.pk), weight=c.weight, scale=c.scale) for c in shortlist.criteria.all()]
    scores: dict[int, dict[str, int]] = {}
    for score in Score.objects.filter(review__shortlist=shortlist, review__conflict_of_interest=False):
        scores.setdefault(score.review_id, {})[str(score.criterion_id)] = score.value
    reviews = Review.objects.filter(shortlist=shortlist, conflict_of_interest=False)
    aggregates = jury.aggregate(
        criteria,
        (jury.Review(juror=str(r.juror_id), idea=str(r.idea_id), scores=scores.get(r.pk, {})) for r in reviews),
    )
    ideas = Idea.objects.in_bulk([int(a.idea) for a in aggregates])
    return [(ideas[int(a.idea)], a) for a in aggregates if int(a.idea) in ideas]


def entries_of(shortlist: Shortlist) -> list[Entry]:
    return list(shortlist.entries.select_related("idea"))


def ballot_of(shortlist: Shortlist, voter) -> Ballot | None:
    if not voter.is_authenticated:
        return None
    return Ballot.objects.filter(shortlist=shortlist, voter=voter).prefetch_related("entries").first()


def running_counts(shortlist: Shortlist) -> dict[int, int]:
    """Votes per entry id, straight from the ballots (shown during the vote only if the process allows it)."""
    counts = dict.fromkeys((entry.pk for entry in shortlist.entries.all()), 0)
    for entry_id in Ballot.entries.through.objects.filter(ballot__shortlist=shortlist).values_list(
        "entry_id", flat=True
    ):
        counts[entry_id] += 1
    return counts


def ballots_for_count(shortlist: Shortlist) -> list[frozenset[str]]:
    """Every ballot as the set of idea ids it chose: what the count reads and the public export writes."""
    choices: dict[int, set[str]] = {}
    for ballot_id, idea_id in Ballot.entries.through.objects.filter(ballot__shortlist=shortlist).values_list(
        "ballot_id", "entry__idea_id"
    ):
        choices.setdefault(ballot_id, set()).add(str(idea_id))
    return [frozenset(chosen) for chosen in choices.values()]


def jury_scores(shortlist: Shortlist) -> dict[str, Fraction]:
    return {str(entry.idea_id): Fraction(entry.jury_score) for entry in shortlist.entries.all()}


def review_of(idea: Idea, juror) -> Review | None:
    return Review.objects.filter(idea=idea, juror=juror).prefetch_related("scores__criterion").first()


def ballots_cast() -> int:
    """How many ballots stand in the votes of published processes (the City's dashboard counts them)."""
    return Ballot.objects.filter(shortlist__process__status="published").count()


def participants(process_ids: list[int]):
    """(process, account) for whoever cast a ballot in its vote (for the process's card); (process, pseudonym) for
    the ballot of an account since deleted."""
    ballots = Ballot.objects.filter(shortlist__process_id__in=process_ids)
    return [
        taking_part(ballots.filter(voter__isnull=False), process="shortlist__process_id", account="voter_id"),
        taking_part(
            ballots.filter(voter__isnull=True, voter_key__isnull=False),
            process="shortlist__process_id",
            key="voter_key",
        ),
    ]


def kept_ballots(process_ids: list[int]):
    """(process, vote, pseudonym) of the ballots of accounts since deleted: they stay, under the pseudonym."""
    for process_id, shortlist_id, key in Ballot.objects.filter(
        shortlist__process_id__in=process_ids, voter__isnull=True, voter_key__isnull=False
    ).values_list("shortlist__process_id", "shortlist_id", "voter_key"):
        yield process_id, f"shortlist:{shortlist_id}", key


def recent_outcomes(limit: int):
    """The latest counted votes of published processes (for the home page)."""
    results = (
        Result.objects.filter(shortlist__process__status="published")
        .select_related("shortlist__process")
        .order_by("-counted_at")[:limit]
    )
    return [
        Outcome(
            title=str(result.shortlist.process.title),
            url=reverse("votes:results", args=[result.shortlist.process.slug]),
            when=result.counted_at,
            summary=_("The vote is counted: see which ideas won."),
        )
        for result in results
    ]
