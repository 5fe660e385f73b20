import random

import numpy as np
import pytest

from bench.brussels_pools import generate
from samen.algorithms.sortition.decomposition import decompose
from samen.algorithms.sortition.feasibility import PanelProgram
from samen.algorithms.sortition.pool import group_types
from samen.algorithms.sortition.relaxation import Relaxation
from tests.algorithms.sortition.test_leximin import gap_example


def program_of(people, rules, k):
    program = PanelProgram(group_types(people, rules), rules, k)
    return program, Relaxation(program.sizes, program.rows)


def is_panel(relaxation, panel):
    counts = np.array(panel, dtype=float)
    activity = relaxation.activity(counts)
    within = np.all(activity >= relaxation.low) and np.all(activity <= relaxation.high)
    return bool(within and np.all(counts >= 0) and np.all(counts <= relaxation.sizes))


def expected_counts(lottery):
    return sum(weight * np.array(panel, dtype=float) for weight, panel in lottery)


@pytest.mark.parametrize("seed", ["a", "b", "c"])
def test_a_mixture_of_panels_is_written_back_as_a_lottery_with_its_expected_counts(seed):
    people, rules = generate(120, 12, 7, f"decomposition {seed}")
    program, relaxation = program_of(people, rules, 12)
    rng = random.Random(seed)
    mixed = [program.best([rng.random() for _ in program.sizes]) for _ in range(6)]
    target = np.mean(np.array(mixed, dtype=float), axis=0)

    lottery = decompose(relaxation, target).lottery

    assert lottery is not None
    assert all(is_panel(relaxation, panel) for _, panel in lottery)
    assert sum(weight for weight, _ in lottery) == pytest.approx(1, abs=1e-9)
    assert np.max(np.abs(expected_counts(lottery) - target)) < 1e-7


def test_the_relaxation_leximin_of_the_gap_example_is_no_lottery_over_panels():
    people, rules = gap_example()
    _, relaxation = program_of(people, rules, 2)

    decomposition = decompose(relaxation, relaxation.leximin())

    assert decomposition.lottery is None
    assert all(is_panel(relaxation, panel) for panel in decomposition.panels)


def test_the_same_target_gives_the_same_lottery():
    people, rules = generate(150, 15, 7, "decomposition again")
    _, relaxation = program_of(people, rules, 15)
    target = relaxation.leximin()

    assert decompose(relaxation, target).lottery == decompose(relaxation, target).lottery
