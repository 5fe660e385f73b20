import random

from samen.algorithms.sortition import draw_panel, legacy_distribution, legacy_panel
from tests.algorithms.sortition.brute_force import lottery_problems, meets_quotas
from tests.algorithms.sortition.instances import load, solved
from tests.algorithms.sortition.test_leximin import pool, quotas


def test_a_legacy_panel_meets_the_quotas():
    people, rules, k = load("sf_fixture_22")
    by_id = {person.id: person for person in people}

    panel = legacy_panel(people, rules, k, random.Random("a published seed"))

    assert len(set(panel)) == k
    assert meets_quotas([by_id[person] for person in panel], rules)


def test_the_same_seed_gives_the_same_legacy_panel():
    people, rules, k = load("opendlp_monitoring_30")

    first = legacy_panel(people, rules, k, random.Random("seed"))
    second = legacy_panel(list(reversed(people)), rules, k, random.Random("seed"))

    assert second == first


def test_the_legacy_draw_keeps_one_person_per_household():
    people = pool("A f y", "B f y", "C f y", addresses={"A": "Rue Haute 1", "B": "Rue Haute 1", "C": "Rue Haute 2"})
    rules = quotas(gender_f=(2, 2), age_y=(2, 2))

    lottery = legacy_distribution(people, rules, 2, seed="s", runs=50, households=True)

    assert lottery_problems(lottery, people, rules, 2, households=True) == []
    assert lottery.probabilities["C"] == 1


def test_the_legacy_draw_leaves_someone_far_less_likely_than_leximin_does():
    # The Nature paper's point, on its own example: the greedy draw nearly never picks some volunteers.
    people, rules, k = load("example_small_20")

    lottery = legacy_distribution(people, rules, k, seed="s", runs=200)

    assert lottery.estimated is True
    assert lottery_problems(lottery, people, rules, k) == []
    assert lottery.min_probability < solved("example_small_20").min_probability / 2


def test_draw_panel_with_the_legacy_method_draws_with_the_seed_and_counts_its_distribution():
    people, rules, k = load("opendlp_monitoring_30")

    draw = draw_panel(people, rules, k, seed="s", method="legacy", runs=30)

    assert draw.panel == legacy_panel(people, rules, k, random.Random("s"))
    assert draw.panel in {entry.panel for entry in draw.distribution.panels}
    assert draw.distribution.method == "legacy"
