import pytest

from samen.algorithms.sortition.feasibility import PanelProgram
from samen.algorithms.sortition.pool import group_types
from samen.algorithms.sortition.relaxation import Relaxation
from tests.algorithms.sortition.test_leximin import gap_example, pool, quotas


def relaxation_of(people, rules, k, *, households=False):
    types = group_types(people, rules, households=households)
    program = PanelProgram(types, rules, k)
    return types, Relaxation(program.sizes, program.rows)


def shares(types, counts):
    return {person: counts[t] / len(ids) for t, ids in enumerate(types.members) for person in ids}


def test_the_relaxation_gives_everyone_one_half_where_no_lottery_over_panels_can():
    people, rules = gap_example()
    types, relaxation = relaxation_of(people, rules, 2)

    target = relaxation.leximin()

    assert shares(types, target) == pytest.approx({"1": 0.5, "2": 0.5, "3": 0.5, "4": 0.5}, abs=1e-9)


def test_its_leximin_raises_the_others_once_the_least_likely_are_fixed():
    people = pool("A f y", "B f y", "C m y", "D m y", "E m y")
    rules = quotas(gender_f=(1, 1), gender_m=(1, 1), age_y=(2, 2))
    types, relaxation = relaxation_of(people, rules, 2)

    target = relaxation.leximin()

    assert shares(types, target) == pytest.approx({"A": 1 / 2, "B": 1 / 2, "C": 1 / 3, "D": 1 / 3, "E": 1 / 3})


def test_rows_that_no_point_meets_have_no_leximin():
    people = pool("A f y", "B f y", "C m y")
    rules = quotas(gender_f=(3, 3), gender_m=(0, 1), age_y=(0, 3))
    _, relaxation = relaxation_of(people, rules, 3)

    assert relaxation.leximin() is None


def test_the_rows_fall_into_groups_that_share_no_type_and_hold_every_row_once():
    people = pool("A f y", "B f o", "C m y", "D m o", addresses={"A": "Rue Haute 1", "B": "Rue Haute 1"})
    rules = quotas(gender_f=(1, 2), gender_m=(0, 2), age_y=(0, 2), age_o=(0, 2))
    _, relaxation = relaxation_of(people, rules, 2, households=True)

    groups = [sorted({int(row) for row in group if row < len(relaxation.rows)}) for group in relaxation.groups]

    assert groups == [[0], [1, 2], [3, 4], [5]]  # the seats, gender, age, the household of A and B
    for group in groups:
        members = [t for row in group for t in relaxation.rows[row][0]]
        assert len(members) == len(set(members))
