import hashlib
import random

from samen.algorithms.sortition import Distribution, WeightedPanel, draw_panel, sample_panel
from tests.algorithms.sortition.instances import load
from tests.algorithms.sortition.test_leximin import pool, quotas

SEED = "Lotto 2026-11-21: 4 9 17 23 38 41"


def test_the_seed_picks_the_panel_whose_stretch_holds_its_sha256_number():
    lottery = Distribution(
        "leximin", 1, (WeightedPanel(0.25, ("a",)), WeightedPanel(0.5, ("b",)), WeightedPanel(0.25, ("c",))), {}, ()
    )
    uniform = int(hashlib.sha256(SEED.encode()).hexdigest(), 16) / 2**256

    panel = sample_panel(lottery, SEED)

    assert uniform == 0.4618777950903634  # past 0.25, before 0.25 + 0.5: the second panel
    assert panel == ("b",)


def test_the_same_inputs_and_seed_draw_the_same_panel():
    people, rules, k = load("opendlp_monitoring_30")

    first = draw_panel(people, rules, k, seed=SEED)
    second = draw_panel(people, rules, k, seed=SEED)

    assert second == first


def test_the_order_of_the_pool_file_does_not_change_the_lottery_or_the_panel():
    people, rules, k = load("example_small_20")
    shuffled = list(people)
    random.Random(7).shuffle(shuffled)

    assert draw_panel(shuffled, rules, k, seed=SEED) == draw_panel(people, rules, k, seed=SEED)


def test_different_seeds_can_draw_different_panels():
    people = pool("A f y", "B f y", "C m y", "D m y", "E m y")
    rules = quotas(gender_f=(1, 1), gender_m=(1, 1), age_y=(2, 2))

    panels = {draw_panel(people, rules, 2, seed=f"{SEED} #{n}").panel for n in range(20)}

    assert len(panels) > 1


def test_a_small_draw_gives_this_panel_on_every_machine():
    people = pool("A f y", "B f y", "C m y", "D m y", "E m y")
    rules = quotas(gender_f=(1, 1), gender_m=(1, 1), age_y=(2, 2))

    draw = draw_panel(people, rules, 2, seed=SEED)

    assert [(entry.probability, entry.panel) for entry in draw.distribution.panels] == [
        (1 / 3, ("A", "C")),
        (1 / 6, ("A", "D")),
        (1 / 6, ("B", "D")),
        (1 / 3, ("B", "E")),
    ]
    assert draw.panel == ("A", "D")  # sha256 of the seed gives 0.4619, within 1/3 .. 1/2


def test_the_published_json_holds_the_whole_lottery():
    people = pool("A f y", "B f y", "C m y", "D m y", "E m y")
    rules = quotas(gender_f=(1, 1), gender_m=(1, 1), age_y=(2, 2))

    published = draw_panel(people, rules, 2, seed=SEED).as_json()

    assert published["k"] == 2
    assert published["seed"] == SEED
    assert published["panel"] == ["A", "D"]
    assert published["unselectable"] == []
    assert published["min_probability"] == 1 / 3
    assert list(published["probabilities"]) == ["A", "B", "C", "D", "E"]
    assert published["distribution"][0] == {"probability": 1 / 3, "panel": ["A", "C"]}
