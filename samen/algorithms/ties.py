"""Tie-breaks announced before a vote opens: the jury's score or the lowest cost first, then a public lottery anyone
can redo.

The lottery draws nothing at run time: each candidate's key is the SHA-256 of "seed:candidate", the smaller key goes
first. The seed is announced in advance (for example the numbers of a future public draw), so nobody can pick it to
favour an idea, and anyone can recompute every key with a one-line script.
"""

import itertools
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

JURY, COST, LOTTERY = "jury", "cost", "lottery"
METHODS = (JURY, COST, LOTTERY)

_DIGITS = re.compile(r"[0-9]+")


def natural_key(text: str) -> tuple[int, int, str]:
    """Sort ids the way people read them: "7" before "12" (digits compare as numbers), then other ids as strings."""
    if _DIGITS.fullmatch(text):
        return (0, int(text), text)
    return (1, 0, text)


@dataclass(frozen=True)
class TieBreak:
    """Announced before the vote opens: the steps in order, the lottery seed, the jury scores and the costs."""

    steps: tuple[str, ...] = (JURY, LOTTERY)
    seed: str = ""
    jury_scores: Mapping[str, Fraction] = field(default_factory=dict)
    costs: Mapping[str, Fraction | int] = field(default_factory=dict)  # for the COST step: the lower cost goes first

    def validate(self) -> None:
        """Refuse a rule that could not be applied, before any count rather than only when a tie happens."""
        for index, step in enumerate(self.steps):
            if step not in METHODS:
                raise ValueError(f"unknown tie-break step {step!r}: expected one of {', '.join(METHODS)}")
            if step in self.steps[:index]:
                raise ValueError(f"tie-break step {step!r} is listed twice")
        if LOTTERY in self.steps and not self.seed:
            raise ValueError("a lottery tie-break needs a seed, announced before the vote opens")
        if COST in self.steps and not self.costs:
            raise ValueError("a lowest-cost tie-break needs the candidates' costs")


def lottery_key(seed: str, candidate: str) -> str:
    """The candidate's lottery ticket: anyone can recompute it with `sha256sum`; the smaller key goes first."""
    import hashlib  # here: `samen pb` imports this module and rarely draws lots (OpenSSL's import takes ~3 ms)

    return hashlib.sha256(f"{seed}:{candidate}".encode()).hexdigest()


@dataclass(frozen=True)
class TieStep:
    method: str  # JURY, COST or LOTTERY
    values: tuple[tuple[str, str], ...]  # (candidate, the value compared), in the resulting order


def _jury_score(tie_break: TieBreak, candidate: str) -> Fraction:
    """An idea the jury did not score counts as 0: the rule must order every candidate, scored or not."""
    return Fraction(tie_break.jury_scores.get(candidate, 0))


def _cost(tie_break: TieBreak, candidate: str) -> Fraction:
    """Every candidate must have a cost: a missing one would silently lose (or win) every tie."""
    if candidate not in tie_break.costs:
        raise ValueError(f"candidate {candidate!r} has no cost for the lowest-cost tie-break")
    return Fraction(tie_break.costs[candidate])


def _step(method: str, tie_break: TieBreak) -> tuple[Callable[[str], object], Callable[[str], str]]:
    """How a step orders candidates (sort key) and what it publishes about each (the value compared)."""
    if method == JURY:
        return (lambda c: -_jury_score(tie_break, c)), (lambda c: str(_jury_score(tie_break, c)))
    if method == COST:
        return (lambda c: _cost(tie_break, c)), (lambda c: str(_cost(tie_break, c)))
    return (lambda c: lottery_key(tie_break.seed, c)), (lambda c: lottery_key(tie_break.seed, c))


def break_tie(tied: Sequence[str], tie_break: TieBreak) -> tuple[tuple[str, ...], tuple[TieStep, ...]]:
    """Order tied candidates by the announced steps, each applied only where the previous ones left a tie.

    The lottery always ends the rule, listed or not, so the order is total; only the steps that separated someone
    are returned, each with the values it compared, so the result page can say why.
    """
    tie_break.validate()
    if len(set(tied)) != len(tied):
        raise ValueError(f"a candidate appears twice among the tied candidates {list(tied)}")
    steps = tie_break.steps if LOTTERY in tie_break.steps else (*tie_break.steps, LOTTERY)
    groups: list[list[str]] = [list(tied)]
    applied: list[TieStep] = []
    for method in steps:
        if all(len(group) == 1 for group in groups):
            break
        if method == LOTTERY and not tie_break.seed:
            still_tied = next(group for group in groups if len(group) > 1)
            raise ValueError(f"candidates {still_tied} are still tied and a lottery needs a seed")
        key, shown = _step(method, tie_break)
        split: list[list[str]] = []
        values: list[tuple[str, str]] = []
        for group in groups:
            if len(group) == 1:
                split.append(group)
                continue
            ordered = sorted(group, key=lambda c: (key(c), natural_key(c)))
            values.extend((c, shown(c)) for c in ordered)
            split.append([ordered[0]])
            for before, after in itertools.pairwise(ordered):
                if key(after) == key(before):
                    split[-1].append(after)
                else:
                    split.append([after])
        groups = split
        applied.append(TieStep(method=method, values=tuple(values)))
    return tuple(c for group in groups for c in group), tuple(applied)
