"""The reference package sortition-algorithms (GPL-3.0) as a test oracle only: its MAXIMIN on HiGHS must find the
same least probability as our LEXIMIN, which maximises that same figure first."""

import pytest
from hypothesis import event, given, settings
from sortition_algorithms import Settings, read_in_features, read_in_people
from sortition_algorithms.committee_generation import find_distribution_maximin

from samen.algorithms.sortition import leximin_distribution
from tests.algorithms.sortition.brute_force import all_panels
from tests.algorithms.sortition.test_properties import instances


def reference_min_probability(people, quotas, k, selectable):
    head = ["feature", "value", "min", "max"]
    rows = [{"feature": q.category, "value": q.value, "min": str(q.min), "max": str(q.max)} for q in quotas]
    features, _, _ = read_in_features(head, rows, k)
    categories = list(dict.fromkeys(q.category for q in quotas))
    pool_rows = [{"id": p.id, **{c: p.value(c) for c in categories}} for p in people]
    pool, _ = read_in_people(["id", *categories], pool_rows, features, Settings(id_column="id", columns_to_keep=[]))
    committees, probabilities, _ = find_distribution_maximin(features, pool, k, [])
    seats = dict.fromkeys(selectable, 0.0)
    for committee, probability in zip(committees, probabilities, strict=True):
        for person in committee:
            if person in seats:
                seats[person] += probability
    return min(seats.values())


@settings(max_examples=20, deadline=None)
@given(instances())
def test_our_least_probability_is_the_reference_maximin(instance):
    people, quotas, k, _ = instance
    feasible = bool(all_panels(people, quotas, k))
    event("feasible" if feasible else "infeasible: nothing to compare")
    if not feasible:
        return

    lottery = leximin_distribution(people, quotas, k)

    selectable = [p.id for p in people if p.id not in lottery.unselectable]
    reference = reference_min_probability(people, quotas, k, selectable)
    assert lottery.min_probability >= reference - 1e-6
    assert lottery.min_probability == pytest.approx(reference, abs=1e-3)
