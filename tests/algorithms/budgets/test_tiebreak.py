"""A budget's tie-break is announced before the ballot opens: the lower cost first, then a seeded lottery anyone can
redo; the .pb file carries it, and `samen pb` applies it."""

import hashlib
import json

import pytest

from samen.algorithms.budgets import announced_order, count, decided_ties, pabulib_text, parse_pabulib, tie_break_of
from samen.algorithms.budgets.election import Election
from samen.algorithms.budgets.tiebreak import LOTTERY, LOWEST_COST, ORDER, SHARES, VOTES, BudgetTie, budget_tie_break
from samen.algorithms.cli import main
from samen.algorithms.ties import TieBreak

from . import election

SEED = "Lotto 2026-03-07: 4 9 17 26 38 42"
COST_THEN_LOTTERY = TieBreak(steps=("cost", "lottery"), seed=SEED)


def lottery_first(seed: str, *ids: str) -> str:
    """Recomputed by hand, as a reader of the result page would: the smaller SHA-256 of "seed:id" goes first."""
    return min(ids, key=lambda i: hashlib.sha256(f"{seed}:{i}".encode()).hexdigest())


def cheaper_later() -> Election:
    """Budget 60: project 9 (60) and project 10 (40) have the same two voters, so greedy sees the same votes and
    Equal Shares the same price per euro. Whichever goes first is funded; the other no longer fits."""
    return election(60, {"9": 60, "10": 40}, [["9", "10"], ["9", "10"]])


def twins(*ids: str) -> Election:
    """Budget 50: two projects of 50 with the same two voters; only one fits."""
    return election(50, dict.fromkeys(ids, 50), [list(ids), list(ids)])


@pytest.mark.parametrize("rule", ["greedy", "mes-add1-greedy"])
def test_the_lower_cost_wins_a_tie_when_it_is_announced(rule):
    tied = cheaper_later()

    outcome = count(tied, rule=rule, tie_order=announced_order(tied, COST_THEN_LOTTERY))

    assert outcome.winners == ("10",)


@pytest.mark.parametrize("rule", ["greedy", "mes-add1-greedy"])
def test_without_an_announced_order_the_smaller_id_wins_as_a_number(rule):
    tied = cheaper_later()

    outcome = count(tied, rule=rule, tie_order=announced_order(tied))

    assert outcome.winners == ("9",)


@pytest.mark.parametrize("seed", ["Lotto 1", "Lotto 2", "Lotto 3", SEED])
def test_equal_costs_are_decided_by_the_seeded_lottery_the_same_way_every_time(seed):
    tied = twins("9", "10")
    tie_break = TieBreak(steps=("cost", "lottery"), seed=seed)

    outcomes = {count(tied, rule="greedy", tie_order=announced_order(tied, tie_break)).winners for _ in range(3)}

    assert outcomes == {(lottery_first(seed, "9", "10"),)}


def test_the_lottery_alone_ignores_the_costs():
    tied = cheaper_later()
    tie_break = TieBreak(steps=("lottery",), seed=SEED)

    outcome = count(tied, rule="greedy", tie_order=announced_order(tied, tie_break))

    assert outcome.winners == (lottery_first(SEED, "9", "10"),)


def test_the_ties_the_order_decided_are_named_with_what_decided_them():
    tied = cheaper_later()
    outcome = count(tied, rule="mes-add1-greedy", tie_order=announced_order(tied, COST_THEN_LOTTERY))

    ties = decided_ties(tied, outcome, COST_THEN_LOTTERY)

    assert ties == (BudgetTie(SHARES, ("10", "9"), LOWEST_COST, decisive=True),)


def test_a_tie_between_projects_that_are_all_funded_decided_nothing():
    both_fit = election(100, {"9": 50, "10": 50}, [["9", "10"], ["9", "10"]])
    outcome = count(both_fit, rule="greedy", tie_order=announced_order(both_fit, COST_THEN_LOTTERY))

    ties = decided_ties(both_fit, outcome, COST_THEN_LOTTERY)

    assert lottery_first(SEED, "9", "10") == "10"
    assert ties == (BudgetTie(VOTES, ("10", "9"), LOTTERY, decisive=False),)


def test_an_election_without_ties_has_none_to_show():
    clear = election(60, {"9": 60, "10": 40}, [["9"], ["9"], ["10"]])
    outcome = count(clear, rule="mes-add1-greedy", tie_order=announced_order(clear, COST_THEN_LOTTERY))

    assert decided_ties(clear, outcome, COST_THEN_LOTTERY) == ()


def test_a_tie_decided_by_the_id_order_says_so():
    tied = twins("9", "10")
    outcome = count(tied, rule="greedy", tie_order=announced_order(tied))

    assert decided_ties(tied, outcome) == (BudgetTie(VOTES, ("9", "10"), ORDER, decisive=True),)


def test_the_pb_file_carries_the_announced_tie_break_in_its_meta_section():
    tied = cheaper_later()
    announced = Election(
        tied.budget, tied.projects, tied.ballots, meta={"tie_break": "cost,lottery", "tie_break_seed": SEED}
    )

    text = pabulib_text(announced)

    assert "tie_break;cost,lottery\n" in text
    assert f"tie_break_seed;{SEED}\n" in text
    assert tie_break_of(parse_pabulib(text).meta) == COST_THEN_LOTTERY


@pytest.mark.parametrize(
    ("steps", "seed", "message"),
    [
        ("jury,lottery", SEED, "unknown tie-break"),
        ("", SEED, "unknown tie-break"),
        ("cost,lottery", "", "needs a seed"),
    ],
)
def test_a_tie_break_a_budget_cannot_use_is_refused(steps, seed, message):
    with pytest.raises(ValueError, match=message):
        budget_tie_break(steps, seed)


@pytest.fixture
def announced_file(tmp_path):
    tied = cheaper_later()
    meta = {"tie_break": "cost,lottery", "tie_break_seed": SEED}
    path = tmp_path / "tied.pb"
    path.write_text(pabulib_text(Election(tied.budget, tied.projects, tied.ballots, meta=meta)), encoding="utf-8")
    return path


def test_samen_pb_applies_the_tie_break_the_file_announces(announced_file, capsys):
    assert main(["pb", str(announced_file), "--rule", "greedy", "--json"]) == 0

    outcome = json.loads(capsys.readouterr().out)
    assert outcome["winners"] == ["10"]
    assert outcome["tie_break"] == {"steps": ["cost", "lottery"], "seed": SEED}


def test_samen_pb_says_the_announced_tie_break_in_words(announced_file, capsys):
    assert main(["pb", str(announced_file), "--rule", "greedy"]) == 0

    assert f"ties to the lower cost, then the lottery with seed {SEED!r}" in capsys.readouterr().out


def test_samen_pb_tie_break_and_seed_options_override_the_file(announced_file, capsys):
    assert (
        main(["pb", str(announced_file), "--rule", "greedy", "--tie-break", "lottery", "--seed", "Lotto 1", "--json"])
        == 0
    )

    assert lottery_first("Lotto 1", "9", "10") == "9"  # where the file's rule gives 10, the cheaper
    assert json.loads(capsys.readouterr().out)["winners"] == ["9"]


def test_samen_pb_refuses_a_tie_break_it_cannot_apply(announced_file, capsys):
    assert main(["pb", str(announced_file), "--tie-break", "jury"]) == 2

    assert "unknown tie-break 'jury'" in capsys.readouterr().err
