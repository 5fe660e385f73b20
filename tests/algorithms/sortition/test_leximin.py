from fractions import Fraction

import pytest

from bench.brussels_pools import generate
from samen.algorithms.sortition import Person, Quota, SolverTimeLimit, leximin_distribution
from samen.algorithms.sortition.draw import spread
from samen.algorithms.sortition.feasibility import PanelProgram
from samen.algorithms.sortition.leximin import leximin_over_types
from samen.algorithms.sortition.pool import group_types
from tests.algorithms.sortition.brute_force import lottery_problems


def pool(*rows: str, addresses: dict[str, str] | None = None) -> list[Person]:
    """People from "id gender age" rows."""
    people = []
    for row in rows:
        person_id, gender, age = row.split()
        address = (addresses or {}).get(person_id, "")
        people.append(Person(person_id, (("gender", gender), ("age", age)), address))
    return people


def quotas(**bounds: tuple[int, int]) -> list[Quota]:
    """Quotas from gender_f=(1, 1) style keywords."""
    return [Quota(*name.split("_"), low, high) for name, (low, high) in bounds.items()]


def gap_example() -> tuple[list[Person], list[Quota]]:
    """Two seats, exactly one of them mid-aged, a woman on at least one, at most one man and one northerner: the
    panels are {1, 4} and {3, 4}, so 2 never sits, though the quotas' linear relaxation gives everyone one half."""
    rows = ["1 m mid south", "2 m old north", "3 f mid north", "4 f young south"]
    people = [Person(i, (("gender", g), ("age", a), ("area", r))) for i, g, a, r in map(str.split, rows)]
    rules = [
        *quotas(gender_f=(1, 2), gender_m=(0, 1), age_young=(0, 1), age_mid=(1, 1), age_old=(0, 2)),
        *quotas(area_north=(0, 1), area_south=(0, 2)),
    ]
    return people, rules


def test_two_women_and_two_men_for_two_seats_get_one_half_each():
    people = pool("A f y", "B f y", "C m y", "D m y")
    rules = quotas(gender_f=(1, 1), gender_m=(1, 1), age_y=(0, 2))

    lottery = leximin_distribution(people, rules, 2)

    assert lottery.probabilities == pytest.approx({"A": 0.5, "B": 0.5, "C": 0.5, "D": 0.5}, abs=1e-9)
    assert lottery.min_probability == pytest.approx(0.5, abs=1e-9)
    assert lottery_problems(lottery, people, rules, 2) == []


def test_leximin_also_evens_out_those_above_the_minimum():
    # One seat for a woman (2 of them), one for a man (3): men get 1/3 at best, and LEXIMIN then gives the women
    # 1/2 each, where a mere maximin could give them 2/3 and 1/3.
    people = pool("A f y", "B f y", "C m y", "D m y", "E m y")
    rules = quotas(gender_f=(1, 1), gender_m=(1, 1), age_y=(2, 2))

    lottery = leximin_distribution(people, rules, 2)

    assert lottery.probabilities == pytest.approx({"A": 1 / 2, "B": 1 / 2, "C": 1 / 3, "D": 1 / 3, "E": 1 / 3})
    assert lottery.min_probability == pytest.approx(1 / 3)
    assert lottery_problems(lottery, people, rules, 2) == []


def test_a_type_whose_size_does_not_divide_its_seats_is_spread_evenly():
    people = pool("1 f y", "2 f y", "3 f y", "4 f y", "5 f y", "6 f y", "7 f y", "8 m y", "9 m y")
    rules = quotas(gender_f=(2, 2), gender_m=(1, 1), age_y=(3, 3))

    lottery = leximin_distribution(people, rules, 3)

    assert lottery.probabilities == pytest.approx({**{str(i): 2 / 7 for i in range(1, 8)}, "8": 0.5, "9": 0.5})
    assert lottery_problems(lottery, people, rules, 3) == []


def test_someone_no_panel_can_hold_is_reported_apart_and_left_out_of_the_minimum():
    # Both seats must go to old people, so A (young) never sits although young has room for two.
    people = pool("A f young", "B f old", "C m old", "D m old")
    rules = quotas(gender_f=(1, 1), gender_m=(1, 1), age_old=(2, 2), age_young=(0, 2))

    lottery = leximin_distribution(people, rules, 2)

    assert lottery.unselectable == ("A",)
    assert lottery.probabilities == pytest.approx({"A": 0, "B": 1, "C": 0.5, "D": 0.5})
    assert lottery.min_probability == pytest.approx(0.5)
    assert lottery_problems(lottery, people, rules, 2) == []


def test_a_value_with_maximum_zero_makes_its_people_unselectable():
    people = pool("A f minor", "B f adult", "C m adult", "D f adult")
    rules = quotas(gender_f=(0, 2), gender_m=(0, 2), age_minor=(0, 0), age_adult=(2, 2))

    lottery = leximin_distribution(people, rules, 2)

    assert lottery.unselectable == ("A",)
    assert lottery.probabilities == pytest.approx({"A": 0, "B": 2 / 3, "C": 2 / 3, "D": 2 / 3})


def test_with_households_at_most_one_person_per_address_sits():
    addresses = {"A": "Rue Haute 1", "B": " rue haute  1", "C": "Rue Haute 2"}  # case and spaces do not count
    people = pool("A f y", "B f y", "C f y", addresses=addresses)
    rules = quotas(gender_f=(2, 2), age_y=(2, 2))

    apart = leximin_distribution(people, rules, 2)
    together = leximin_distribution(people, rules, 2, households=True)

    assert apart.probabilities == pytest.approx({"A": 2 / 3, "B": 2 / 3, "C": 2 / 3})
    assert together.probabilities == pytest.approx({"A": 1 / 2, "B": 1 / 2, "C": 1})
    assert lottery_problems(together, people, rules, 2, households=True) == []


def test_when_the_relaxation_promises_more_than_panels_can_give_the_lottery_is_still_leximin():
    people, rules = gap_example()

    lottery = leximin_distribution(people, rules, 2)

    assert lottery.probabilities == pytest.approx({"1": 0.5, "2": 0, "3": 0.5, "4": 1}, abs=1e-8)
    assert lottery.unselectable == ("2",)
    assert lottery_problems(lottery, people, rules, 2) == []


def column_generation_shares(people, rules, k):
    """Each type's share in the LEXIMIN by column generation over panels, level by level (no relaxation)."""
    types = group_types(people, rules)
    program = PanelProgram(types, rules, k)
    panels, left_out = program.cover()
    selectable = [t for t in range(len(types.sizes)) if t not in left_out]
    lottery = leximin_over_types(program, types.sizes, panels, selectable)
    total = sum(weight for weight, _ in lottery)
    return {
        person: sum(weight * panel[t] for weight, panel in lottery) / total / len(ids)
        for t, ids in enumerate(types.members)
        for person in ids
    }


@pytest.mark.parametrize("seed", ["a", "b", "c"])
def test_a_pool_of_distinct_volunteers_gets_the_levels_of_column_generation_over_panels(seed):
    people, rules = generate(80, 10, 7, f"levels {seed}")

    lottery = leximin_distribution(people, rules, 10)

    assert dict(lottery.probabilities) == pytest.approx(column_generation_shares(people, rules, 10), abs=1e-6)
    assert lottery_problems(lottery, list(people), list(rules), 10) == []


def test_spread_gives_every_member_of_a_type_the_same_exact_share():
    members = [("a", "b", "c", "d", "e"), ("x",)]

    panels, exact = spread(members, [(0.25, (2, 1)), (0.75, (3, 0))])

    assert exact == {**dict.fromkeys("abcde", Fraction(11, 20)), "x": Fraction(1, 4)}
    assert sum(p.probability for p in panels) == pytest.approx(1)
    for person in "abcde":
        assert sum(p.probability for p in panels if person in p.panel) == pytest.approx(11 / 20)


def test_spread_gives_each_person_the_exact_weight_of_the_panels_that_seat_them():
    members = [("a",), ("b",), ("c",), ("d",), ("x", "y")]
    type_panels = [(0.5, (1, 1, 0, 0, 1)), (0.25, (0, 1, 1, 0, 2)), (0.25, (1, 0, 0, 1, 0))]

    panels, exact = spread(members, type_panels)

    half, quarter = Fraction(1, 2), Fraction(1, 4)
    assert exact == {"a": 3 * quarter, "b": 3 * quarter, "c": quarter, "d": quarter, "x": half, "y": half}
    assert sum(p.probability for p in panels) == pytest.approx(1)


def test_an_integer_program_at_its_time_limit_stops_the_lottery_with_a_clear_error():
    people, rules = gap_example()

    with pytest.raises(SolverTimeLimit, match=r"reached its time limit of 0 s .*; nothing was drawn"):
        leximin_distribution(people, rules, 2, time_limit=0.0)
