"""Whether an indicator is on track to its target, and how far participants' shares are from the population's.

On track: the latest value is at least as good as the straight line from the baseline to the target says it should
be on its date (before the baseline's date the line has not started: the baseline itself is expected; after the
target's date, the target). "Good" follows the indicator's direction. Without a target date there is no line: the
value is on track when it has reached the target or is no worse than the baseline. The baseline is the stated one,
else the first value measured. No value, or no target, gives no verdict.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction


class Track(StrEnum):
    ON_TRACK = "on_track"
    OFF_TRACK = "off_track"
    NO_DATA = "no_data"


@dataclass(frozen=True)
class Point:
    on: date | None
    value: Decimal


def _at_least_as_good(value: Fraction, expected: Fraction, *, higher_is_better: bool) -> bool:
    return value >= expected if higher_is_better else value <= expected


def expected_on(day: date, *, baseline: Point, target: Point) -> Fraction:
    """The value the straight line from baseline to target gives on `day` (both points dated)."""
    start, end = Fraction(baseline.value), Fraction(target.value)
    if day <= baseline.on:
        return start
    if day >= target.on:
        return end
    span = (target.on - baseline.on).days
    return start + (end - start) * Fraction((day - baseline.on).days, span)


def track(
    *, higher_is_better: bool, baseline: Point | None, target: Point | None, values: list[Point]
) -> tuple[Track, Fraction | None]:
    """(verdict, value expected on the latest value's date or None when there is no line) for a series of dated
    values (any order)."""
    if not values or target is None:
        return Track.NO_DATA, None
    series = sorted(values, key=lambda point: point.on)
    latest = series[-1]
    start = baseline if baseline is not None and baseline.on is not None else series[0]
    if baseline is not None and baseline.on is None:  # a stated value without a date: the first measure's date
        start = Point(series[0].on, baseline.value)
    value, goal = Fraction(latest.value), Fraction(target.value)
    if _at_least_as_good(value, goal, higher_is_better=higher_is_better):
        return Track.ON_TRACK, None
    if target.on is not None and start.on < target.on:
        expected = expected_on(latest.on, baseline=start, target=target)
        verdict = _at_least_as_good(value, expected, higher_is_better=higher_is_better)
        return (Track.ON_TRACK if verdict else Track.OFF_TRACK), expected
    verdict = _at_least_as_good(value, Fraction(start.value), higher_is_better=higher_is_better)
    return (Track.ON_TRACK if verdict else Track.OFF_TRACK), None


def dissimilarity(counts: Mapping[str, int], population: Mapping[str, int]) -> Fraction | None:
    """Duncan's index of dissimilarity: half the sum over groups of |participants' share - population's share|,
    from 0 (participants mirror the population) to 1 (no overlap). Only the population's groups count; None when
    either side is empty."""
    people = sum(counts.get(group, 0) for group in population)
    residents = sum(population.values())
    if not people or not residents:
        return None
    return (
        sum(
            (
                abs(Fraction(counts.get(group, 0), people) - Fraction(size, residents))
                for group, size in population.items()
            ),
            Fraction(0),
        )
        / 2
    )
