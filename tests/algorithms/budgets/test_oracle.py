"""Samen against pabutools (the reference implementation, a test oracle only) on real and random elections.

expected.json holds what pabutools 1.2.3 computed for each file in data/pabulib (see its SOURCES.md): the winners
in their order of selection, for each rule, ties to the smaller id compared as text. Samen compares ids as numbers
when no order is announced, so each count here is given pabutools' order explicitly (Assen 2024 has ties between
projects 2 and 11 that change the order of selection, not the winners). Random elections are counted by pabutools
live, from the .pb text Samen writes, so the export is checked on the way.
"""

import json
import random
from functools import cache
from pathlib import Path

import pytest

from samen.algorithms.budgets import Ballot, Election, Project, count, equal_shares, pabulib_text, read_pabulib
from samen.algorithms.budgets.equal_shares import exact_prices, run
from samen.algorithms.budgets.tables import Tables

DATA = Path(__file__).resolve().parents[3] / "data" / "pabulib"
EXPECTED = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))["elections"]
CASES = [(name, rule) for name, expected in EXPECTED.items() for rule in expected["rules"]]


@cache
def load(name: str) -> Election:
    with (DATA / name).open(encoding="utf-8-sig", newline="") as lines:
        return read_pabulib(lines)


def pabutools_order(election: Election) -> list[str]:
    """pabutools' default tie-break (lexico_tie_breaking): the smaller project id compared as text."""
    return sorted(project.id for project in election.projects)


@cache
def completed(name: str, utility: str):
    """mes_add1_greedy, whose Equal Shares rounds are mes_add1: one Add1 count serves both keys."""
    election = load(name)
    return equal_shares(election, utility=utility, completion="add1-greedy", tie_order=pabutools_order(election))


def samen(name: str, key: str) -> tuple[str, ...]:
    rule = key.removesuffix("_points")
    utility = "points" if key.endswith("_points") else "cost"
    if rule == "mes_add1_greedy":
        return completed(name, utility).winners
    if rule == "mes_add1":
        return tuple(r.project for r in completed(name, utility).rounds)
    election = load(name)
    return count(election, rule=rule.replace("_", "-"), utility=utility, tie_order=pabutools_order(election)).winners


@pytest.mark.parametrize(("name", "key"), CASES, ids=[f"{name.removesuffix('.pb')}-{key}" for name, key in CASES])
def test_samen_selects_what_pabutools_selects_in_the_same_order(name, key):
    expected = EXPECTED[name]["rules"][key]

    winners = samen(name, key)

    assert list(winners) == expected["selection_order"]
    assert sorted(winners) == expected["winners"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_float_run_with_its_error_bounds_agrees_with_exact_rationals(name):
    """The fast run computes in floats and proves each decision; the same run in exact rationals must agree."""
    election = load(name)
    tables = Tables(election, "cost", None)
    for steps in (0, 3):
        share = tables.budget // len(election.ballots) + steps * tables.scale
        fast, exact = run(tables, share, False), run(tables, share, True)
        assert fast.order == exact.order
        assert exact_prices(tables, fast) == exact.prices


def random_election(seed: int) -> Election:
    """Small but awkward: twin projects, popular clusters, costs far above the shares (many Add1 steps)."""
    rng = random.Random(seed)
    ids = list(dict.fromkeys(str(rng.randint(1, 40)) for _ in range(rng.randint(4, 12))))
    costs = {p: rng.choice([70, 130, 200, 250, 400, 550, 800]) * rng.choice([1, 1, 5]) for p in ids}
    costs[ids[1]] = costs[ids[0]]  # a twin, so that exact ties happen
    vote_type = rng.choice(["approval", "approval", "cumulative"])
    ballots = []
    for voter in range(rng.randint(10, 60)):
        chosen = rng.sample(ids[: rng.choice([3, len(ids)])], rng.randint(1, 3))
        points = tuple(rng.randint(1, 5) for _ in chosen) if vote_type == "cumulative" else ()
        ballots.append(Ballot(f"v{voter}", tuple(chosen), points))
    budget = sum(costs.values()) * rng.choice([2, 3, 4]) // 10
    return Election(budget, tuple(Project(p, costs[p]) for p in ids), tuple(ballots), vote_type)


def pabutools_winners(election: Election, rule: str, utility: str) -> tuple[str, ...]:
    from pabutools.election import Additive_Cardinal_Sat, Cost_Sat
    from pabutools.election.pabulib import parse_pabulib_from_string
    from pabutools.rules import completion_by_rule_combination, greedy_utilitarian_welfare, method_of_equal_shares

    instance, profile = parse_pabulib_from_string(pabulib_text(election))
    sat = Cost_Sat if utility == "cost" else Additive_Cardinal_Sat
    if rule == "greedy":
        result = greedy_utilitarian_welfare(instance, profile, sat_class=sat)
    elif rule == "mes":
        result = method_of_equal_shares(instance, profile, sat_class=sat)
    else:
        result = completion_by_rule_combination(
            instance,
            profile,
            [method_of_equal_shares, greedy_utilitarian_welfare],
            [{"sat_class": sat, "voter_budget_increment": 1}, {"sat_class": sat}],
        )
    return tuple(project.name for project in result)


@pytest.mark.parametrize("seed", range(40))
def test_samen_agrees_with_pabutools_on_random_elections(seed):
    election = random_election(seed)
    for utility in ["cost", "points"] if election.vote_type == "cumulative" else ["cost"]:
        for rule in ("greedy", "mes", "mes-add1-greedy"):
            ours = count(election, rule=rule, utility=utility, tie_order=pabutools_order(election))
            assert ours.winners == pabutools_winners(election, rule, utility)
