"""Where an indicator stands: its verdict and the gap to its target, in its direction."""

from datetime import date
from decimal import Decimal

import pytest

from samen.algorithms.indicators import Track
from samen.city.queries import standing_of
from tests.city.conftest import make_indicator

pytestmark = pytest.mark.django_db


def test_the_gap_is_what_remains_to_gain_in_the_indicators_direction():
    higher = make_indicator("higher", values=[(date(2024, 1, 1), 150)])
    lower = make_indicator(
        "lower", direction="lower", target_value=Decimal(50), values=[(date(2022, 1, 1), 95), (date(2024, 1, 1), 80)]
    )

    assert standing_of(higher).gap == 50
    assert standing_of(lower).gap == 30
    assert standing_of(lower).latest.value == 80


def test_a_reached_target_leaves_no_gap_and_is_on_track():
    beyond = make_indicator("beyond", values=[(date(2024, 1, 1), 230)])

    assert standing_of(beyond).gap == 0
    assert standing_of(beyond).track == Track.ON_TRACK


def test_without_values_or_target_there_is_no_gap_and_no_verdict():
    empty = make_indicator("empty")
    untargeted = make_indicator("untargeted", target_value=None, target_date=None, values=[(date(2024, 1, 1), 3)])

    assert (standing_of(empty).gap, standing_of(empty).track) == (None, Track.NO_DATA)
    assert (standing_of(untargeted).gap, standing_of(untargeted).track) == (None, Track.NO_DATA)
