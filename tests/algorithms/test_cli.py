import hashlib
import json

import pytest

from samen.algorithms.cli import main


def test_samen_phase_names_the_running_phase(capsys):
    status = main(["phase", "2020-06-05:2020-06-21", "2020-06-22:2020-07-30", "--at", "2020-06-25T10:00+02:00"])

    assert status == 0
    assert capsys.readouterr().out == "phase 2 runs (2020-06-22 to 2020-07-30, until 2020-07-31T00:00:00+02:00)\n"


def test_samen_phase_says_so_when_nothing_runs(capsys):
    status = main(["phase", "2020-06-05:2020-06-21", "--at", "2020-06-21T22:30Z"])

    assert status == 1
    assert capsys.readouterr().out == "no phase runs at that instant\n"


SEED = "Lotto 2020-06-20: 3 11 19 27 33 41"
SHORTLIST_CSV = """idea,jury_score,title
1,31/5,Bancs publics
2,8,"Un parc, pour tous"
3,37/5,Plus d'arbres
4,5,Compost
5,5,Fontaine
"""
# Counted by hand: idea 1: 3 votes, 2: 4, 3: 3, 4: 2, 5: 2.
BALLOTS_CSV = "ballot,choices\n1,1 2 3\n2,1 2\n3,2 4\n4,1 3 5\n5,4\n6,2 3\n7,5\n"


def sha(candidate: str) -> str:
    return hashlib.sha256(f"{SEED}:{candidate}".encode()).hexdigest()


@pytest.fixture
def published(tmp_path):
    (tmp_path / "shortlist.csv").write_text(SHORTLIST_CSV, encoding="utf-8")
    (tmp_path / "ballots.csv").write_text(BALLOTS_CSV, encoding="utf-8")
    return tmp_path


def count_args(folder, *extra: str) -> list[str]:
    return ["count", str(folder / "ballots.csv"), "--shortlist", str(folder / "shortlist.csv"), *extra]


def test_samen_count_prints_the_ranking_the_winners_and_how_each_tie_was_broken(published, capsys):
    status = main(count_args(published, "--winners", "2", "--seed", SEED))

    assert sha("5") < sha("4")  # the lottery puts 5 first: 143396a8... < f2c6990d...
    assert status == 0
    assert capsys.readouterr().out == (
        "7 ballots, 2 winners\n"
        '  1. idea 2 "Un parc, pour tous": 4 votes, winner\n'
        '  2. idea 3 "Plus d\'arbres": 3 votes, winner\n'
        '  3. idea 1 "Bancs publics": 3 votes\n'
        '  4. idea 5 "Fontaine": 2 votes\n'
        '  5. idea 4 "Compost": 2 votes\n'
        "ideas 3 and 1 tied with 3 votes (this tie decided who won): jury score 37/5 > 31/5\n"
        f"ideas 5 and 4 tied with 2 votes: jury score 5 = 5; lottery with seed '{SEED}': "
        f"sha256('{SEED}:5') = {sha('5')} < sha256('{SEED}:4') = {sha('4')}\n"
    )


def test_samen_count_json_gives_the_whole_outcome(published, capsys):
    status = main(count_args(published, "--winners", "2", "--seed", SEED, "--json"))

    assert status == 0
    assert json.loads(capsys.readouterr().out) == {
        "winners": ["2", "3"],
        "ranking": ["2", "3", "1", "5", "4"],
        "tallies": {"1": 3, "2": 4, "3": 3, "4": 2, "5": 2},
        "ballots": 7,
        "ties": [
            {
                "votes": 3,
                "candidates": ["3", "1"],
                "decisive": True,
                "steps": [{"method": "jury", "values": [["3", "37/5"], ["1", "31/5"]]}],
            },
            {
                "votes": 2,
                "candidates": ["5", "4"],
                "decisive": False,
                "steps": [
                    {"method": "jury", "values": [["4", "5"], ["5", "5"]]},
                    {"method": "lottery", "values": [["5", sha("5")], ["4", sha("4")]]},
                ],
            },
        ],
        "tie_break": {"steps": ["jury", "lottery"], "seed": SEED},
    }


def test_samen_count_with_the_lottery_alone(published, capsys):
    status = main(count_args(published, "--winners", "2", "--seed", SEED, "--tie-break", "lottery", "--json"))

    outcome = json.loads(capsys.readouterr().out)
    assert status == 0
    assert outcome["ties"][0]["candidates"] == sorted(["1", "3"], key=sha)
    assert [step["method"] for step in outcome["ties"][0]["steps"]] == ["lottery"]


@pytest.mark.parametrize(
    ("file", "text", "message"),
    [
        ("ballots.csv", "ballot,choices\n1,1 2\n2,3\n2,4\n", "ballots.csv:4: ballot 2 already appears on line 3"),
        ("ballots.csv", "ballot,choices\n1,1 2\n2,9\n", "ballots.csv:3: ballot 2 names '9', which is not a candidate"),
        ("ballots.csv", "ballot,choices\n1,1 2\n\n2,\n", "ballots.csv:4: ballot 2 names no candidate"),
        ("shortlist.csv", "idea,jury_score,title\n1,8,a\n2,high,b\n", "shortlist.csv:3: jury score 'high'"),
        ("shortlist.csv", "idea;jury_score;title\n", "shortlist.csv:1: expected the header"),
    ],
)
def test_samen_count_points_at_the_line_of_a_malformed_file_or_ballot(published, capsys, file, text, message):
    (published / file).write_text(text, encoding="utf-8")

    status = main(count_args(published, "--winners", "1", "--seed", SEED))

    assert status == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"{published / file}:{message.split(':', 1)[1]}" in captured.err


def test_samen_count_refuses_a_ballot_over_the_announced_max_choices(published, capsys):
    status = main(count_args(published, "--winners", "2", "--seed", SEED, "--max-choices", "2"))

    assert status == 2
    assert (
        f"{published / 'ballots.csv'}:2: ballot 1 names 3 candidates, more than the 2 allowed"
        in capsys.readouterr().err
    )


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--winners", "6", "--seed", SEED], "winners must be between 1 and the 5 candidates, not 6"),
        (["--winners", "1"], "a lottery tie-break needs a seed"),
    ],
)
def test_samen_count_refuses_an_impossible_rule_with_exit_2(published, capsys, extra, message):
    assert main(count_args(published, *extra)) == 2
    assert message in capsys.readouterr().err


def test_samen_count_says_which_file_is_missing(tmp_path, capsys):
    assert main(count_args(tmp_path, "--winners", "1", "--seed", SEED)) == 2
    assert f"{tmp_path / 'shortlist.csv'}: No such file or directory" in capsys.readouterr().err


def test_samen_count_refuses_an_unknown_tie_break_step_like_any_bad_argument(published, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(count_args(published, "--winners", "1", "--tie-break", "jury,dice"))

    assert exit_.value.code == 2
    assert "unknown step 'dice'" in capsys.readouterr().err
