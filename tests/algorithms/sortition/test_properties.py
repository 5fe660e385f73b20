from collections import Counter

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from samen.algorithms.sortition import InfeasibleQuotas, Person, Quota, check_feasibility, leximin_distribution
from tests.algorithms.sortition.brute_force import all_panels, leximin_probabilities, lottery_problems

VALUES = {"gender": ("f", "m", "x"), "age": ("young", "mid", "old"), "area": ("north", "south")}


@st.composite
def instances(draw):
    """Pools of 2 to 9 people with 1 to 3 categories, and quotas around each value's share of the pool."""
    chosen = draw(st.lists(st.sampled_from(sorted(VALUES)), min_size=1, max_size=3, unique=True))
    size = draw(st.integers(2, 9))
    addresses = draw(st.lists(st.sampled_from(["", "", "1", "2"]), min_size=size, max_size=size))
    people = [
        Person(str(i + 1), tuple((c, draw(st.sampled_from(VALUES[c]))) for c in chosen), addresses[i])
        for i in range(size)
    ]
    k = draw(st.integers(1, size))
    quotas = []
    for category in chosen:
        have = Counter(person.value(category) for person in people)
        for value in VALUES[category]:
            low = draw(st.integers(0, min(have[value], k // 2)))
            quotas.append(Quota(category, value, low, draw(st.integers(low, k))))
    return people, quotas, k, draw(st.booleans())


@st.composite
def near_shares(draw):
    """Pools of 3 to 9 people in three categories, with quotas within a seat of each value's share: nearly always
    feasible, and now and then beyond what the quotas' linear relaxation can tell (issue 14)."""
    size = draw(st.integers(3, 9))
    households = draw(st.booleans())
    people = [
        Person(
            str(i + 1),
            tuple((c, draw(st.sampled_from(VALUES[c]))) for c in sorted(VALUES)),
            draw(st.sampled_from(["", "1", "2"])) if households else "",
        )
        for i in range(size)
    ]
    k = draw(st.integers(1, size))
    quotas = []
    for category in sorted(VALUES):
        have = Counter(person.value(category) for person in people)
        for value in VALUES[category]:
            share = k * have[value] / size
            low = min(have[value], max(0, int(share) - draw(st.integers(0, 1))))
            quotas.append(Quota(category, value, low, max(low, -int(-share) + draw(st.integers(0, 1)))))
    return people, quotas, k, households


def matches_a_brute_force_leximin(instance) -> None:
    people, quotas, k, households = instance
    panels = all_panels(people, quotas, k, households=households)
    event("feasible" if panels else "infeasible")

    if not panels:
        with pytest.raises(InfeasibleQuotas):
            leximin_distribution(people, quotas, k, households=households)
        return
    lottery = leximin_distribution(people, quotas, k, households=households)

    assert lottery_problems(lottery, people, quotas, k, households=households) == []
    expected = leximin_probabilities(panels, [person.id for person in people])
    assert dict(lottery.probabilities) == pytest.approx(expected, abs=1e-6)
    assert set(lottery.unselectable) == {person for person, p in expected.items() if p == 0}


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances())
def test_leximin_meets_the_quotas_and_matches_a_brute_force_leximin(instance):
    matches_a_brute_force_leximin(instance)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(near_shares())
def test_leximin_matches_a_brute_force_leximin_when_quotas_follow_the_shares(instance):
    matches_a_brute_force_leximin(instance)


@settings(max_examples=40, deadline=None)
@given(instances())
def test_infeasible_quotas_name_a_conflict_and_a_relaxation_that_works(instance):
    people, quotas, k, households = instance

    feasibility = check_feasibility(people, quotas, k, households=households)

    assert feasibility.feasible == bool(all_panels(people, quotas, k, households=households))
    if feasibility.feasible or feasibility.relaxation is None:
        return
    assert all_panels(people, list(feasibility.relaxation), k, households=households) != []
    assert feasibility.conflict != ()
    assert all(bound.describe() in feasibility.message for bound in feasibility.conflict)
