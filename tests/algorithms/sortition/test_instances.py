import pytest

from samen.algorithms.sortition.draw import sample_panel
from tests.algorithms.sortition.brute_force import lottery_problems
from tests.algorithms.sortition.instances import EXPECTED, NAMES, load, solved


@pytest.mark.parametrize("name", NAMES)
def test_the_minimum_probability_reaches_the_reference_optimum(name):
    expected = EXPECTED["instances"][name]["expected_min_probability"]

    lottery = solved(name)

    assert lottery.min_probability >= expected - 1e-6
    assert lottery.min_probability <= expected + EXPECTED["tolerance"]


@pytest.mark.parametrize("name", NAMES)
def test_every_panel_meets_the_quotas_and_the_probabilities_add_up(name):
    people, quotas, k = load(name)

    lottery = solved(name)

    assert lottery_problems(lottery, people, quotas, k) == []


@pytest.mark.parametrize("name", NAMES)
def test_the_unselectable_are_those_the_reference_found(name):
    people, _, _ = load(name)

    lottery = solved(name)

    assert len(lottery.unselectable) == EXPECTED["instances"][name]["unselectable_pool_members"]
    assert set(lottery.probabilities) == {person.id for person in people}


def test_the_one_unselectable_volunteer_of_diversimax_is_the_one_aged_18_to_21():
    people, _, _ = load("diversimax_wide_60")

    lottery = solved("diversimax_wide_60")

    assert [p.id for p in people if p.value("age") == "18-21"] == list(lottery.unselectable)


@pytest.mark.parametrize("name", NAMES)
def test_the_drawn_panel_is_one_of_the_distribution(name):
    lottery = solved(name)

    panel = sample_panel(lottery, "Lotto 2026-11-24")

    assert panel in {entry.panel for entry in lottery.panels}
