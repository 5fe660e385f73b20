"""On track or not: the straight line from baseline to target, read in the indicator's direction; and the index of
dissimilarity between participants and residents."""

from datetime import date
from decimal import Decimal
from fractions import Fraction

from samen.algorithms.indicators import Point, Track, dissimilarity, track


def p(year, month, value) -> Point:
    return Point(date(year, month, 1), Decimal(value))


BASELINE = p(2020, 1, 100)
HIGHER_TARGET = p(2030, 1, 200)  # higher is better: +100 in ten years, +10 a year
LOWER_TARGET = p(2030, 1, 50)  # lower is better: -50 in ten years, -5 a year


def test_higher_is_better_on_the_line_or_above_is_on_track():
    on_the_line = Point(date(2025, 1, 1), Decimal(100) + Decimal(100 * 1827) / Decimal(3653))  # 1,827 of 3,653 days

    assert track(higher_is_better=True, baseline=BASELINE, target=HIGHER_TARGET, values=[on_the_line])[0] == (
        Track.ON_TRACK
    )
    assert track(higher_is_better=True, baseline=BASELINE, target=HIGHER_TARGET, values=[p(2025, 1, 160)])[0] == (
        Track.ON_TRACK
    )


def test_higher_is_better_below_the_line_is_off_track_and_says_what_was_expected():
    verdict, expected = track(higher_is_better=True, baseline=BASELINE, target=HIGHER_TARGET, values=[p(2025, 1, 140)])

    assert verdict == Track.OFF_TRACK
    assert float(expected) == 100 + 100 * (date(2025, 1, 1) - date(2020, 1, 1)).days / 3653


def test_lower_is_better_below_the_line_is_on_track_above_it_off_track():
    on = track(higher_is_better=False, baseline=BASELINE, target=LOWER_TARGET, values=[p(2025, 1, 70)])
    off = track(higher_is_better=False, baseline=BASELINE, target=LOWER_TARGET, values=[p(2025, 1, 80)])

    assert on[0] == Track.ON_TRACK
    assert off[0] == Track.OFF_TRACK


def test_the_latest_value_decides_whatever_the_order_given():
    values = [p(2025, 1, 160), p(2022, 1, 90)]  # the newest (2025) is above the line

    assert track(higher_is_better=True, baseline=BASELINE, target=HIGHER_TARGET, values=values)[0] == Track.ON_TRACK


def test_before_the_baseline_date_the_baseline_itself_is_expected():
    verdict, expected = track(higher_is_better=True, baseline=BASELINE, target=HIGHER_TARGET, values=[p(2019, 1, 100)])

    assert verdict == Track.ON_TRACK
    assert expected == 100


def test_after_the_target_date_the_target_is_expected():
    verdict, expected = track(higher_is_better=True, baseline=BASELINE, target=HIGHER_TARGET, values=[p(2031, 1, 199)])

    assert verdict == Track.OFF_TRACK
    assert expected == 200


def test_a_reached_target_is_on_track_in_both_directions():
    assert track(higher_is_better=True, baseline=BASELINE, target=HIGHER_TARGET, values=[p(2021, 1, 200)])[0] == (
        Track.ON_TRACK
    )
    assert track(higher_is_better=False, baseline=BASELINE, target=LOWER_TARGET, values=[p(2021, 1, 49)])[0] == (
        Track.ON_TRACK
    )


def test_without_a_target_date_no_worse_than_the_baseline_is_on_track():
    target = Point(None, Decimal(200))

    better = track(higher_is_better=True, baseline=BASELINE, target=target, values=[p(2025, 1, 101)])
    worse = track(higher_is_better=True, baseline=BASELINE, target=target, values=[p(2025, 1, 99)])
    lower_worse = track(
        higher_is_better=False, baseline=BASELINE, target=Point(None, Decimal(50)), values=[p(2025, 1, 101)]
    )

    assert better == (Track.ON_TRACK, None)
    assert worse == (Track.OFF_TRACK, None)
    assert lower_worse == (Track.OFF_TRACK, None)


def test_without_a_stated_baseline_the_first_value_starts_the_line():
    values = [p(2020, 1, 100), p(2025, 1, 140)]

    assert track(higher_is_better=True, baseline=None, target=HIGHER_TARGET, values=values)[0] == Track.OFF_TRACK


def test_a_baseline_without_a_date_starts_the_line_on_the_first_values_date():
    baseline = Point(None, Decimal(100))
    values = [p(2020, 1, 100), p(2025, 1, 160)]

    assert track(higher_is_better=True, baseline=baseline, target=HIGHER_TARGET, values=values)[0] == Track.ON_TRACK


def test_no_value_or_no_target_gives_no_verdict():
    assert track(higher_is_better=True, baseline=BASELINE, target=HIGHER_TARGET, values=[]) == (Track.NO_DATA, None)
    assert track(higher_is_better=True, baseline=BASELINE, target=None, values=[p(2025, 1, 1)]) == (Track.NO_DATA, None)


def test_dissimilarity_is_half_the_sum_of_the_share_differences():
    population = {"a": 50, "b": 50}

    assert dissimilarity({"a": 10, "b": 10}, population) == 0
    assert dissimilarity({"a": 10}, population) == Fraction(1, 2)
    assert dissimilarity({"a": 3, "b": 1}, population) == Fraction(1, 4)


def test_dissimilarity_ignores_groups_the_population_does_not_have_and_needs_people():
    assert dissimilarity({"a": 1, "elsewhere": 5}, {"a": 10}) == 0
    assert dissimilarity({}, {"a": 10}) is None
    assert dissimilarity({"a": 1}, {}) is None
