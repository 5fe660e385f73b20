"""The jury's score of each idea: a weighted mean per review, then the plain mean of the reviews, kept exact.

Each criterion is scored on its own scale (0..4, 0..10, ...); dividing by the scale puts them on one footing before
the weights apply, and the result is brought to 0..10 so that every process reads the same. Fractions, not floats,
because the score can break a tie in the vote and anyone must recompute the same number from the published data.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from samen.algorithms.ties import natural_key

SCALE = 10


@dataclass(frozen=True)
class Criterion:
    key: str
    weight: int  # > 0
    scale: int  # scores are integers 0..scale, scale > 0


@dataclass(frozen=True)
class Review:
    juror: str
    idea: str
    scores: Mapping[str, int]  # criterion key -> value; a juror with a conflict of interest simply has no Review


@dataclass(frozen=True)
class JuryAggregate:
    idea: str
    score: Fraction  # 0..10
    jurors: int  # how many reviews were averaged


def _check_criteria(criteria: Sequence[Criterion]) -> None:
    if not criteria:
        raise ValueError("the jury needs at least one criterion")
    seen: set[str] = set()
    for criterion in criteria:
        if criterion.key in seen:
            raise ValueError(f"criterion {criterion.key!r} is listed twice")
        seen.add(criterion.key)
        if not _is_int(criterion.weight) or criterion.weight <= 0:
            raise ValueError(f"criterion {criterion.key!r} needs a positive whole weight, not {criterion.weight!r}")
        if not _is_int(criterion.scale) or criterion.scale <= 0:
            raise ValueError(f"criterion {criterion.key!r} needs a positive whole scale, not {criterion.scale!r}")


def _is_int(value: object) -> bool:
    """True for whole numbers only: a float or a bool slipping in would make the score inexact or meaningless."""
    return isinstance(value, int) and not isinstance(value, bool)


def review_score(criteria: Sequence[Criterion], review: Review) -> Fraction:
    """One juror's score of one idea on 0..10, after checking every value against its criterion."""
    who = f"juror {review.juror!r} on idea {review.idea!r}"
    known = {criterion.key for criterion in criteria}
    for key in review.scores:
        if key not in known:
            raise ValueError(f"{who}: unknown criterion {key!r}")
    total = Fraction(0)
    for criterion in criteria:
        if criterion.key not in review.scores:
            raise ValueError(f"{who}: no score for criterion {criterion.key!r}")
        value = review.scores[criterion.key]
        if not _is_int(value) or not 0 <= value <= criterion.scale:
            raise ValueError(
                f"{who}: score {value!r} for criterion {criterion.key!r} is not a whole number in 0..{criterion.scale}"
            )
        total += Fraction(criterion.weight * value, criterion.scale)
    return SCALE * total / sum(criterion.weight for criterion in criteria)


def aggregate(criteria: Sequence[Criterion], reviews: Iterable[Review]) -> list[JuryAggregate]:
    """Every reviewed idea with its mean score, best first; more jurors first among equal scores, then by id."""
    _check_criteria(criteria)
    scores: dict[str, list[Fraction]] = {}
    seen: set[tuple[str, str]] = set()
    for review in reviews:
        if (review.juror, review.idea) in seen:
            raise ValueError(f"juror {review.juror!r} reviewed idea {review.idea!r} twice")
        seen.add((review.juror, review.idea))
        scores.setdefault(review.idea, []).append(review_score(criteria, review))
    aggregates = [
        JuryAggregate(idea=idea, score=sum(values, Fraction(0)) / len(values), jurors=len(values))
        for idea, values in scores.items()
    ]
    return sorted(aggregates, key=lambda a: (-a.score, -a.jurors, natural_key(a.idea)))
