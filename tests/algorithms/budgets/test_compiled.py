"""The compiled core of Equal Shares (_mes.c) against its reference, the pure-Python count, and against pabutools.

`pip install -e .` builds the core where a C compiler is found; without it the pure-Python count runs alone. The
two must give the same outcome (winners, order, exact prices, share) on every shared file and on random elections
with twin projects; where the core's floats cannot prove a decision, it hands the count to pure Python.
"""

import importlib
import random
import shutil
import sysconfig

import pytest

from samen.algorithms.budgets import Ballot, Election, Project, equal_shares

from .test_exactness import near_tie
from .test_oracle import EXPECTED, load, pabutools_order, pabutools_winners, random_election

rules = importlib.import_module("samen.algorithms.budgets.equal_shares")  # the package exports a function of that name
COMPLETIONS = ("", "add1", "add1-greedy")


def python(election: Election, completion: str, tie_order=None):
    return rules._outcome(election, "cost", completion, tie_order, compiled=False)


def compiled(election: Election, completion: str, tie_order=None):
    return rules._outcome(election, "cost", completion, tie_order, compiled=True)


def decided(election: Election, completion: str = "add1-greedy") -> bool:
    """Whether the compiled core decided the count itself (rather than handing it to pure Python)."""
    tables = rules.Tables(election, "cost", None)
    return rules._compiled(tables, len(election.ballots), bool(completion)) is not None


def test_the_compiled_core_counts_wherever_a_c_compiler_built_it():
    compiler = (sysconfig.get_config_var("CC") or "cc").split()[0]
    path = rules.counting_path()
    print(f"Equal Shares counts with the {path} path")  # shown with pytest -s, and in the CI log on failure
    if shutil.which(compiler):
        assert path == "compiled", "a C compiler is here but _mes.c was not built: run `make install`"
    else:
        assert path == "python"


@pytest.mark.skipif(rules._mes is None, reason="the compiled core was not built")
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_compiled_core_and_pure_python_count_the_shared_files_alike(name):
    election = load(name)
    order = pabutools_order(election)
    assert decided(election)
    for completion in ("", "add1-greedy") if name.startswith("Poland_Warszawa") else COMPLETIONS:
        assert compiled(election, completion, order) == python(election, completion, order)


def larger_election(seed: int) -> Election:
    """Hundreds of voters over 10 to 30 projects, with twins and popular clusters: many groups pay all they have."""
    rng = random.Random(seed)
    ids = [str(number) for number in range(1, rng.randint(10, 30) + 1)]
    costs = {p: rng.choice([100, 250, 400, 900, 1500, 4000]) * rng.choice([1, 1, 3, 10]) for p in ids}
    costs[ids[1]] = costs[ids[0]]
    weights = [1 / rank for rank in range(1, len(ids) + 1)]
    ballots = []
    for voter in range(rng.randint(200, 900)):
        chosen = set(rng.choices(ids, weights, k=rng.randint(1, 5)))
        if ids[0] in chosen:  # the twins share every supporter
            chosen.add(ids[1])
        ballots.append(Ballot(f"v{voter}", tuple(sorted(chosen, key=int))))
    budget = sum(costs.values()) * rng.choice([2, 3, 5]) // 10
    return Election(budget, tuple(Project(p, costs[p]) for p in ids), tuple(ballots), "approval")


@pytest.mark.skipif(rules._mes is None, reason="the compiled core was not built")
@pytest.mark.parametrize("seed", range(40))
def test_the_compiled_core_and_pure_python_count_random_elections_alike(seed):
    for election in (random_election(seed), larger_election(seed)):
        for completion in COMPLETIONS:
            assert compiled(election, completion) == python(election, completion)


@pytest.mark.skipif(rules._mes is None, reason="the compiled core was not built")
@pytest.mark.parametrize("seed", range(6))
def test_the_compiled_core_selects_what_pabutools_selects_on_larger_elections(seed):
    election = larger_election(seed)
    order = pabutools_order(election)

    outcome = compiled(election, "add1-greedy", order)

    assert outcome.winners == pabutools_winners(election, "mes-add1-greedy", "cost")


def test_twin_projects_at_their_floor_are_told_apart_by_the_tie_order_in_the_compiled_core():
    ballots = [("A", "B")] * 6 + [("C",)] * 4
    election = Election(
        500,
        (Project("A", 120), Project("B", 120), Project("C", 100)),
        tuple(Ballot(str(i), b) for i, b in enumerate(ballots)),
    )
    if rules._mes is not None:
        assert decided(election)

    assert equal_shares(election, completion="add1-greedy", tie_order=["B", "A", "C"]).winners[:2] == ("B", "A")
    assert equal_shares(election, completion="add1-greedy", tie_order=["A", "B", "C"]).winners[:2] == ("A", "B")


@pytest.mark.skipif(rules._mes is None, reason="the compiled core was not built")
def test_a_near_tie_the_floats_cannot_prove_is_counted_in_pure_python():
    election = near_tie()

    assert not decided(election, "")
    assert equal_shares(election).winners == ("P", "B", "A")
    assert compiled(election, "") == python(election, "")


@pytest.mark.skipif(rules._mes is None, reason="the compiled core was not built")
def test_supporters_who_have_exactly_the_cost_between_them_are_counted_in_pure_python():
    """Two voters with 5 each and a project of 10: affordable, but only just; floats cannot prove it."""
    election = Election(10, (Project("1", 10),), (Ballot("a", ("1",)), Ballot("b", ("1",))))

    assert not decided(election, "")
    assert equal_shares(election).winners == ("1",)


def test_without_the_compiled_core_the_count_runs_in_pure_python(monkeypatch):
    election = load("Poland_Wieliczka_2023_Green_Budget.pb")
    with_core = equal_shares(election, completion="add1-greedy")
    monkeypatch.setattr(rules, "_mes", None)

    assert rules.counting_path() == "python"
    assert equal_shares(election, completion="add1-greedy") == with_core
