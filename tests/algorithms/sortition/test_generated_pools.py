import dataclasses
from collections import Counter

import pytest

from bench.brussels_pools import INSTANCES, generate, suggested_quotas
from samen.algorithms.sortition import Quota, check_feasibility, read_pool, read_quotas
from samen.algorithms.sortition.pool import group_types
from tests.algorithms.sortition.instances import DATA


def test_the_same_seed_gives_the_same_pool_and_quotas_and_another_seed_another_pool():
    first = generate(300, 30, 7, "Lotto 2026-11-24")

    again = generate(300, 30, 7, "Lotto 2026-11-24")
    other = generate(300, 30, 7, "Lotto 2026-11-25")

    assert again == first
    assert other[0] != first[0]


@pytest.mark.parametrize(("n", "categories"), [(300, 6), (400, 7), (400, 8), (2000, 7)])
def test_most_volunteers_are_a_type_of_their_own(n, categories):
    people, quotas = generate(n, 30, categories, "types")

    types = group_types(people, quotas)

    alone = sum(1 for size in types.sizes if size == 1)
    assert alone > n / 2
    assert len(types.sizes) >= 0.7 * n


@pytest.mark.parametrize("seed", ["a", "b", "c", "d"])
@pytest.mark.parametrize(("n", "k", "categories"), [(300, 24, 6), (400, 30, 7), (400, 40, 8)])
def test_the_suggested_quotas_can_be_met(n, k, categories, seed):
    people, quotas = generate(n, k, categories, seed)

    assert check_feasibility(people, quotas, k).feasible


def test_quotas_are_the_register_share_times_the_seats_one_seat_either_side():
    register = Counter({("gender", "woman"): 500, ("gender", "man"): 490, ("gender", "x"): 10})

    quotas = suggested_quotas(register, 30, ("gender",))

    assert quotas == (Quota("gender", "woman", 14, 16), Quota("gender", "man", 13, 16), Quota("gender", "x", 0, 2))


@pytest.mark.parametrize("name", sorted(INSTANCES))
def test_the_committed_instances_are_what_the_generator_writes_and_can_be_met(name):
    n, categories, k, seed = INSTANCES[name]

    with (DATA / name / "categories.csv").open(encoding="utf-8", newline="") as lines:
        quotas = tuple(dataclasses.replace(quota, line=None) for quota in read_quotas(lines))
    with (DATA / name / "respondents.csv").open(encoding="utf-8", newline="") as lines:
        people = read_pool(lines, quotas, id_column="id")

    assert (people, quotas) == generate(n, k, categories, seed)
    assert check_feasibility(people, quotas, k).feasible
