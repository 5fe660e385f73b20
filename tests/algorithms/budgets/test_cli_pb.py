import json
from pathlib import Path

import pytest

from samen.algorithms.cli import main

DATA = Path(__file__).resolve().parents[3] / "data" / "pabulib"
ASSEN = DATA / "Netherlands_Assen_2024.pb"
ASSEN_VOTER = "vote01006bcf-62b6-435d-a0de-2966c3e75249"  # approved 1, 2, 6, 9 and 13

SMALL = """META
key;value
budget;100
vote_type;approval
currency;EUR
PROJECTS
project_id;cost;name
A;60;Park
B;40;Bancs
C;40;Compost
VOTES
voter_id;vote
"""
# Solved by hand in __init__.py (majority_and_minority): greedy A, B; Equal Shares A, C, 10 paid by each.
SMALL += "".join(f"{n};A,B\n" for n in range(1, 7)) + "".join(f"{n};C\n" for n in range(7, 11))


@pytest.fixture
def small(tmp_path):
    path = tmp_path / "small.pb"
    path.write_text(SMALL, encoding="utf-8")
    return path


def test_samen_pb_prints_the_winners_in_order_the_cost_and_the_leftover(small, capsys):
    assert main(["pb", str(small), "--rule", "mes"]) == 0

    assert capsys.readouterr().out == (
        "small.pb: 10 ballots, 3 projects, budget 100 EUR\n"
        "rule mes (Equal Shares), cost utilities, ties to the smaller project id\n"
        "each voter's share: 10 EUR (the budget / 10)\n"
        "  1. A  60 EUR  Park\n"
        "  2. C  40 EUR  Compost\n"
        "2 projects selected: total cost 100 EUR, leftover 0 EUR\n"
    )


def test_samen_pb_greedy_lets_the_majority_take_all(small, capsys):
    assert main(["pb", str(small), "--rule", "greedy", "--json"]) == 0

    assert json.loads(capsys.readouterr().out) == {
        "rule": "greedy",
        "utility": "cost",
        "winners": ["A", "B"],
        "cost": "100",
        "budget": "100",
        "leftover": "0",
        "share": None,
        "rounds": [],
        "completed": [],
        "tie_order": ["A", "B", "C"],
    }


def test_samen_pb_json_for_the_default_rule_on_a_real_file(capsys):
    assert main(["pb", str(ASSEN), "--json"]) == 0

    outcome = json.loads(capsys.readouterr().out)
    assert outcome["rule"] == "mes-add1-greedy"
    # The winners of expected.json (pabutools); 2 and 11 tie, and 2 < 11 as numbers (pabutools compares text).
    assert outcome["winners"] == ["3", "9", "2", "11", "13", "14", "5", "6", "12", "7"]
    assert (outcome["cost"], outcome["budget"], outcome["leftover"]) == ("88700", "100000", "11300")
    assert outcome["completed"] == ["7"]
    assert outcome["share"] == "42703/21"  # 100000/84 + 843: Add1 raised each share by 843 euros


def test_samen_pb_explains_how_a_voters_share_was_spent(small, capsys):
    assert main(["pb", str(small), "--rule", "mes", "--explain", "1"]) == 0

    assert capsys.readouterr().out.endswith(
        "voter 1: a share of 10 EUR\n"
        "  paid 10 EUR towards A (cost 60 EUR)\n"
        "  spent 10 EUR, left 0 EUR\n"
        "  not funded: B (cost 40 EUR): its supporters had 0 EUR left together, less than its cost\n"
    )


def test_samen_pb_explains_a_real_voter_with_the_greedy_completion(capsys):
    assert main(["pb", str(ASSEN), "--explain", ASSEN_VOTER, "--json"]) == 0

    explanation = json.loads(capsys.readouterr().out)["explanation"]
    assert [payment["project"] for payment in explanation["payments"]] == ["9", "2", "13", "6"]
    assert explanation["left"] == "0"
    (unfunded,) = explanation["not_funded"]
    assert unfunded["project"] == "1"
    assert unfunded["left_at_turn"] == "23300"  # greedy's turn came with 23,300 left, and project 1 costs 40,000


def test_samen_pb_with_points_utilities(capsys):
    name = DATA / "Poland_Czestochowa_2024_Podjasnogorska.pb"

    assert main(["pb", str(name), "--rule", "mes", "--utility", "points", "--json"]) == 0

    assert json.loads(capsys.readouterr().out)["winners"] == ["348", "611", "639", "662", "148", "720"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (SMALL.replace("A;60;Park", "A;sixty;Park"), ":8: the cost of project A 'sixty' is not a non-negative number"),
        (SMALL.replace("1;A,B", "1;A,Z"), ":13: voter 1 votes for 'Z', which is not a project"),
        (SMALL.replace("B;40;Bancs", "B;40"), ":9: expected 3 columns (project_id;cost;name), found 2"),
        (SMALL.split("VOTES")[0], ":10: the file ends without a VOTES section"),
    ],
)
def test_samen_pb_names_the_line_of_a_malformed_file_and_exits_2(tmp_path, capsys, text, message):
    path = tmp_path / "bad.pb"
    path.write_text(text, encoding="utf-8")

    assert main(["pb", str(path)]) == 2

    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"samen pb: {path}{message}" in captured.err


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--explain", "nobody"], "no voter 'nobody'"),
        (["--utility", "points"], "points utilities need a cumulative or scoring election"),
    ],
)
def test_samen_pb_refuses_an_impossible_request_with_exit_2(small, capsys, extra, message):
    assert main(["pb", str(small), *extra]) == 2
    assert message in capsys.readouterr().err


def test_samen_pb_says_which_file_is_missing(tmp_path, capsys):
    assert main(["pb", str(tmp_path / "none.pb")]) == 2
    assert f"{tmp_path / 'none.pb'}: No such file or directory" in capsys.readouterr().err
