import pytest

from samen.algorithms.sortition import Bound, InfeasibleQuotas, Quota, check_feasibility, leximin_distribution
from tests.algorithms.sortition.test_leximin import pool

PEOPLE = pool("A f young", "B f old", "C f old", "D m old", "E m young", "F m old")


def test_feasible_quotas_say_so():
    rules = [Quota("gender", "f", 1, 2, 2), Quota("gender", "m", 1, 2, 3)]

    assert check_feasibility(PEOPLE, rules, 3).feasible is True


def test_minimums_of_one_category_above_the_panel_size_are_named_with_their_lines():
    rules = [Quota("gender", "f", 2, 3, 2), Quota("gender", "m", 2, 3, 3)]

    feasibility = check_feasibility(PEOPLE, rules, 3)

    assert feasibility.conflict == (Bound(rules[0], "min"), Bound(rules[1], "min"))
    assert feasibility.message.startswith(
        "no panel of 3 people meets the quotas; these bounds conflict: gender 'f' at least 2 (line 2); "
        "gender 'm' at least 2 (line 3) (the minimums add up to 4, more than 3); "
        "nearest feasible quotas (smallest total change): gender "
    )
    assert feasibility.relaxation in (
        (Quota("gender", "f", 1, 3, 2), rules[1]),
        (rules[0], Quota("gender", "m", 1, 3, 3)),
    )


def test_a_minimum_the_pool_cannot_fill_says_how_many_people_have_the_value():
    rules = [Quota("age", "young", 3, 3, 5), Quota("age", "old", 0, 3, 6)]

    feasibility = check_feasibility(PEOPLE, rules, 3)

    assert feasibility.conflict == (Bound(rules[0], "min"),)
    assert "age 'young' at least 3 (line 5) (only 2 people in the pool have it)" in feasibility.message
    assert feasibility.relaxation == (Quota("age", "young", 2, 3, 5), rules[1])


def test_quotas_that_conflict_across_categories_are_named_together():
    # Three seats, no man, at least two young people: but the only young woman is A.
    rules = [
        Quota("gender", "f", 0, 3, 2),
        Quota("gender", "m", 0, 0, 3),
        Quota("age", "young", 2, 3, 4),
        Quota("age", "old", 0, 3, 5),
    ]

    feasibility = check_feasibility(PEOPLE, rules, 3)

    assert feasibility.conflict == (Bound(rules[1], "max"), Bound(rules[2], "min"))
    assert feasibility.message.startswith(
        "no panel of 3 people meets the quotas; these bounds conflict: gender 'm' at most 0 (line 3); "
        "age 'young' at least 2 (line 4); nearest feasible quotas (smallest total change): "
    )
    changes = sum(abs(a.min - b.min) + abs(a.max - b.max) for a, b in zip(rules, feasibility.relaxation, strict=True))
    assert changes == 1


def test_households_alone_can_make_a_panel_impossible():
    people = pool("A f y", "B f y", "C f y", addresses={"A": "Rue Haute 1", "B": "Rue Haute 1", "C": "Rue Haute 1"})
    rules = [Quota("gender", "f", 0, 2, 2)]

    feasibility = check_feasibility(people, rules, 2, households=True)

    assert feasibility.relaxation is None
    assert feasibility.message.endswith("even without quotas no panel of 2 exists (at most one person per household)")


def test_leximin_refuses_infeasible_quotas_with_the_explanation():
    rules = [Quota("gender", "f", 2, 3, 2), Quota("gender", "m", 2, 3, 3)]

    with pytest.raises(InfeasibleQuotas) as caught:
        leximin_distribution(PEOPLE, rules, 3)

    assert caught.value.feasibility == check_feasibility(PEOPLE, rules, 3)
    assert caught.value.source == "quotas"
