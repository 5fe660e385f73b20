"""The residents' vote on the shortlist: each ballot chooses up to `max_choices` ideas, the most chosen ideas win.

With max_choices 1 this is a single-choice vote, with more an approval vote; the count is the same. Ties are broken
by the rule announced before the vote (ties.py), and every tie is kept with its explanation, decisive or not, so the
results page shows why each idea stands where it does.
"""

import itertools
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from samen.algorithms.ties import TieBreak, TieStep, break_tie


class BallotError(ValueError):
    """An invalid ballot; `ballot` is its 1-based number, so a recount tool can point at the line of a file."""

    def __init__(self, ballot: int, message: str) -> None:
        super().__init__(f"ballot {ballot} {message}")
        self.ballot = ballot


@dataclass(frozen=True)
class Tie:
    votes: int
    candidates: tuple[str, ...]  # the tied candidates in the order the tie-break put them
    steps: tuple[TieStep, ...]
    decisive: bool  # the tie straddles the winners cut, so it decided who won


@dataclass(frozen=True)
class Outcome:
    tallies: Mapping[str, int]  # every candidate, 0 included
    ranking: tuple[str, ...]  # all candidates, most votes first, ties broken
    winners: tuple[str, ...]  # ranking[:winners]
    ties: tuple[Tie, ...]  # every group of 2+ candidates with equal votes, in ranking order
    ballots: int


def _check_ballot(number: int, ballot: Collection[str], known: set[str], max_choices: int) -> None:
    if isinstance(ballot, str):
        raise BallotError(number, f"is the text {ballot!r}, not a collection of candidate ids")
    if not ballot:
        raise BallotError(number, "names no candidate")
    seen: set[str] = set()
    for choice in ballot:
        if choice not in known:
            raise BallotError(number, f"names {choice!r}, which is not a candidate")
        if choice in seen:
            raise BallotError(number, f"names {choice!r} twice")
        seen.add(choice)
    if len(ballot) > max_choices:
        raise BallotError(number, f"names {len(ballot)} candidates, more than the {max_choices} allowed")


def count(
    ballots: Iterable[Collection[str]],
    candidates: Sequence[str],
    *,
    winners: int,
    max_choices: int,
    tie_break: TieBreak,
) -> Outcome:
    """Tally the ballots, rank every candidate and take the first `winners`; any invalid ballot stops the count."""
    if len(set(candidates)) != len(candidates):
        raise ValueError("a candidate is listed twice")
    if not 1 <= winners <= len(candidates):
        raise ValueError(f"winners must be between 1 and the {len(candidates)} candidates, not {winners}")
    if max_choices < 1:
        raise ValueError(f"max_choices must be at least 1, not {max_choices}")
    tie_break.validate()
    known = set(candidates)
    tallies = dict.fromkeys(candidates, 0)
    cast = 0
    for number, ballot in enumerate(ballots, start=1):
        _check_ballot(number, ballot, known, max_choices)
        for choice in ballot:
            tallies[choice] += 1
        cast = number
    ranking: list[str] = []
    ties: list[Tie] = []
    by_votes = sorted(candidates, key=lambda c: -tallies[c])
    for votes, group in itertools.groupby(by_votes, key=lambda c: tallies[c]):
        tied = list(group)
        start = len(ranking)
        if len(tied) == 1:
            ranking.extend(tied)
            continue
        order, steps = break_tie(tied, tie_break)
        ranking.extend(order)
        decisive = start < winners < start + len(order)
        ties.append(Tie(votes=votes, candidates=order, steps=steps, decisive=decisive))
    return Outcome(
        tallies=tallies, ranking=tuple(ranking), winners=tuple(ranking[:winners]), ties=tuple(ties), ballots=cast
    )


def outcome_as_json(outcome: Outcome, tie_break: TieBreak) -> dict:
    """The outcome as published: what the result page stores and `samen count --json` prints."""
    return {
        "winners": list(outcome.winners),
        "ranking": list(outcome.ranking),
        "tallies": dict(outcome.tallies),
        "ballots": outcome.ballots,
        "ties": [
            {
                "votes": tie.votes,
                "candidates": list(tie.candidates),
                "decisive": tie.decisive,
                "steps": [{"method": step.method, "values": [list(v) for v in step.values]} for step in tie.steps],
            }
            for tie in outcome.ties
        ],
        "tie_break": {"steps": list(tie_break.steps), "seed": tie_break.seed},
    }
