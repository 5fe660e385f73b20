"""The float runs prove their decisions or settle them exactly, in pure Python and in numpy (vector.py)."""

import importlib

import pytest

from samen.algorithms.budgets import Ballot, Election, Project, equal_shares
from samen.algorithms.budgets.tables import Tables

from .test_oracle import load, random_election

rules = importlib.import_module("samen.algorithms.budgets.equal_shares")  # the package exports a function of that name


@pytest.fixture(params=["python", "numpy"])
def pricing(request):
    """Price every project in numpy, however small the election, or never."""
    return request.param


def near_tie() -> Election:
    """10 voters, share 10^13. P (6 voters) is funded first and leaves each of its voters 1. Then A is paid by 2 of
    them (1 each) and 2 others, B by 3 of them and 2 others: per unit of cost A costs (cA - 2) / (2 cA) and B
    (cB - 3) / (2 cB). With cA = 2k + 1 and cB = 3k + 1, 3 cA - 2 cB = 1, so B is cheaper by 1 / (2 cA cB), about
    10^-27: floats compute both as the same number, which would hand the round to A by the tie-break."""
    share, k = 10**13, 6 * 10**12
    ballots = [["P", "A"]] * 2 + [["P", "B"]] * 3 + [["P"]] + [["A"]] * 2 + [["B"]] * 2
    projects = (Project("A", 2 * k + 1), Project("B", 3 * k + 1), Project("P", 6 * (share - 1)))
    return Election(10 * share, projects, tuple(Ballot(str(i), tuple(b)) for i, b in enumerate(ballots, 1)))


def test_floats_cannot_tell_the_near_tie_apart():
    a, b = 2 * 6 * 10**12 + 1, 3 * 6 * 10**12 + 1

    assert (a - 2) / 2 / a == (b - 3) / 2 / b


def test_a_near_tie_is_settled_in_exact_rationals(pricing, monkeypatch):
    settled = []
    exact_prices = rules.exact_prices
    monkeypatch.setattr(rules, "exact_prices", lambda *args: settled.append(1) or exact_prices(*args))
    tables = Tables(near_tie(), "cost", None, pricing=pricing)

    fast = rules.run(tables, tables.budget // 10, False)

    assert not fast.exact  # a float run...
    assert settled  # ...which settled the near tie exactly
    assert [tables.ids[i] for i in fast.order] == ["P", "B", "A"]
    assert fast.order == rules.run(tables, tables.budget // 10, True).order
    assert equal_shares(near_tie(), pricing=pricing).winners == ("P", "B", "A")


@pytest.mark.parametrize("seed", range(12))
def test_the_float_run_agrees_with_exact_rationals_on_random_elections(pricing, seed):
    election = random_election(seed)
    tables = Tables(election, "cost", None, pricing=pricing)
    for steps in (0, 2, 5):
        share = tables.budget // len(election.ballots) + steps * tables.scale
        fast, exact = rules.run(tables, share, False), rules.run(tables, share, True)
        assert fast.order == exact.order
        assert rules.exact_prices(tables, fast) == exact.prices


@pytest.mark.parametrize("seed", range(12))
def test_numpy_and_pure_python_count_the_same(seed):
    election = random_election(seed)  # both without the compiled core, which test_compiled.py compares with Python

    python = rules._outcome(election, "cost", "add1-greedy", None, compiled=False, pricing="python")

    assert rules._outcome(election, "cost", "add1-greedy", None, compiled=False, pricing="numpy") == python


@pytest.mark.parametrize("steps", [30, 70, 110])
def test_a_run_between_two_others_takes_their_common_rounds_without_pricing_them(steps):
    """Add1 on Wieliczka: the run at share +2 between those at +0 and +4 fills their common first rounds with
    interpolated prices (`_interpolate`); it must still fund what the exact run funds, at the same exact prices."""
    election = load("Poland_Wieliczka_2023_Green_Budget.pb")
    tables = Tables(election, "cost", None)
    share = tables.budget // len(election.ballots) + steps * tables.scale
    low, high = rules.run(tables, share, False), rules.run(tables, share + 4 * tables.scale, False)

    between = rules.run(tables, share + 2 * tables.scale, False, high, low)

    exact = rules.run(tables, share + 2 * tables.scale, True)
    assert high.common[low.t] >= 5
    assert between.order == exact.order
    assert rules.exact_prices(tables, between) == exact.prices


def test_an_unknown_pricing_is_refused():
    with pytest.raises(ValueError, match="unknown pricing 'fast'"):
        equal_shares(near_tie(), pricing="fast")


def test_auto_pricing_goes_to_numpy_from_ten_thousand_ballots():
    def election(voters: int) -> Election:
        ballots = (Ballot("v", ("A", "B"), (2, 1)),) * voters
        return Election(100, (Project("A", 60), Project("B", 50)), ballots, "cumulative")

    assert Tables(election(9_999), "cost", None).vector_from is None
    assert Tables(election(10_000), "cost", None).vector_from == 64
    assert Tables(election(10_000), "cost", None, pricing="python").vector_from is None
    assert Tables(election(10_000), "points", None, pricing="numpy").vector_from is None  # numpy: cost utilities only
