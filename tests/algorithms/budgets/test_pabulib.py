import hashlib
import io
import json
from fractions import Fraction
from pathlib import Path

import pytest

from samen.algorithms.budgets import (
    Ballot,
    Election,
    PabulibError,
    Project,
    count,
    money_text,
    pabulib_text,
    parse_pabulib,
    read_pabulib,
)

DATA = Path(__file__).resolve().parents[3] / "data" / "pabulib"
EXPECTED = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))["elections"]

SMALL = """META
key;value
description;"Buurtbudget; test"
country;Belgium
unit;Brussel
instance;2026
num_projects;3
num_votes;3
budget;100.50
vote_type;cumulative
rule;equalshares/add1
PROJECTS
project_id;cost;name;category
1;60;"Een ""groen"" plein";nature,greenery
2;40.25;Fietsenstalling;mobility
10;0;Gratis;
VOTES
voter_id;vote;points;age
a;1,2;3,7;34
b;2;10;
c;;;61
"""


def read(text: str) -> Election:
    return read_pabulib(io.StringIO(text, newline=""))


def test_the_repository_copies_are_byte_exact():
    for name, expected in EXPECTED.items():
        assert hashlib.sha256((DATA / name).read_bytes()).hexdigest() == expected["sha256"], name


def test_a_small_file_is_read_exactly():
    election = read(SMALL)

    assert election.budget == Fraction(201, 2)
    assert election.vote_type == "cumulative"
    assert election.meta["description"] == "Buurtbudget; test"
    assert election.projects == (
        Project("1", 60, 'Een "groen" plein', {"category": "nature,greenery"}),
        Project("2", Fraction(161, 4), "Fietsenstalling", {"category": "mobility"}),
        Project("10", 0, "Gratis", {"category": ""}),
    )
    assert election.ballots == (
        Ballot("a", ("1", "2"), (3, 7), {"age": "34"}),
        Ballot("b", ("2",), (10,), {"age": ""}),
        Ballot("c", (), (), {"age": "61"}),
    )


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_crlf_and_lf_files_read_the_same(newline):
    assert read(SMALL.replace("\n", newline)) == read(SMALL)


def test_a_mixed_line_ending_file_is_read_whole():
    """Wieliczka's file ends its lines in CRLF, except the last one (LF)."""
    with (DATA / "Poland_Wieliczka_2023_Green_Budget.pb").open(encoding="utf-8-sig", newline="") as lines:
        election = read_pabulib(lines)

    assert (len(election.projects), len(election.ballots), election.budget) == (64, 6586, 1000000)
    assert election.ballots[-1].voter_id == "6586"


def test_writing_then_reading_gives_the_same_election_and_the_same_result():
    with (DATA / "Poland_Krakow_2024_Czyzyny.pb").open(encoding="utf-8-sig", newline="") as lines:
        election = read_pabulib(lines)

    again = parse_pabulib(pabulib_text(election))

    assert again == election
    assert election.budget == Fraction(179457957, 100)
    assert count(again, rule="mes-add1-greedy") == count(election, rule="mes-add1-greedy")


def test_a_hand_made_election_survives_the_round_trip():
    election = Election(
        Fraction(1, 3),
        (Project("x;1", Fraction(1, 8), 'quote " and ; semicolon'), Project("y", 1)),
        (Ballot("v1", ("x;1",), (Fraction(5, 2),)), Ballot("v2", ("y", "x;1"), (1, 2))),
        "scoring",
    )

    again = parse_pabulib(pabulib_text(election))

    assert (again.budget, again.projects, again.ballots) == (election.budget, election.projects, election.ballots)
    assert again.meta["budget"] == "1/3"


HEADER = "META\nkey;value\nbudget;100\nvote_type;approval\n"
PROJECTS = "PROJECTS\nproject_id;cost\n1;60\n2;40\n"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("", 1, "the file ends without a META section"),
        ("PROJECTS\nproject_id;cost\n", 1, "found the PROJECTS section where META was expected"),
        (HEADER + "VOTES\nvoter_id;vote\n", 5, "found the VOTES section where PROJECTS was expected"),
        (HEADER + PROJECTS, 8, "the file ends without a VOTES section"),
        (HEADER + PROJECTS + "VOTES\n", 9, "the VOTES section has no header line"),
        ("META\nkey;value\nvote_type;approval\nPROJECTS\n", 4, "META has no budget"),
        ("META\nkey;value\nbudget;lots\nvote_type;approval\nPROJECTS\n", 3, "budget 'lots' is not a non-negative"),
        ("META\nkey;value\nbudget;10\nvote_type;dots\nPROJECTS\n", 4, "unknown vote_type 'dots'"),
        (HEADER + "PROJECTS\nproject_id;cost\n1;-60\n", 7, "the cost of project 1 '-60' is not a non-negative"),
        (HEADER + "PROJECTS\nproject_id;cost\n1;60 PLN\n", 7, "the cost of project 1 '60 PLN'"),
        (HEADER + "PROJECTS\nproject_id;cost\n1;60\n1;40\n", 8, "project id '1' already on line 7"),
        (HEADER + "PROJECTS\nproject_id;cost;name\n1;60\n", 7, "expected 3 columns (project_id;cost;name), found 2"),
        (HEADER + "PROJECTS\nid;cost\n", 6, "the PROJECTS header must start with project_id;cost"),
        (HEADER + PROJECTS + "VOTES\nvoter_id;vote\na;1\nb;1,3\n", 12, "voter b votes for '3', which is not a project"),
        (HEADER + PROJECTS + "VOTES\nvoter_id;vote\na;1,1\n", 11, "voter a names a project twice"),
        (HEADER + PROJECTS + "VOTES\nvoter_id;vote\na;1\na;2\n", 12, "voter id 'a' already on line 11"),
        (HEADER + PROJECTS + "VOTES\nvoter_id;vote\na;1;extra\n", 11, "expected 2 columns (voter_id;vote), found 3"),
        (HEADER + PROJECTS + 'VOTES\nvoter_id;vote\na;"1\n', 11, "not valid CSV"),
        (HEADER.replace("approval", "cumulative") + PROJECTS + "VOTES\nvoter_id;vote\n", 10, "needs a points column"),
        (
            HEADER.replace("approval", "cumulative") + PROJECTS + "VOTES\nvoter_id;vote;points\na;1,2;3\n",
            11,
            "voter a gives 1 points for 2 projects",
        ),
        (HEADER.replace("approval", "choose-1") + PROJECTS + "VOTES\nvoter_id;vote\na;1,2\n", 11, "chooses 2"),
        ("votes come first\n", 1, "expected the META section first"),
        (HEADER + PROJECTS + "VOTES\nvoter_id;vote\na;1\nb;1,3\nc;1;x\n", 12, "voter b votes for '3'"),  # the first
        (HEADER + PROJECTS + "VOTES\nvoter_id;vote\na;1,1\nMETA\n", 11, "voter a names a project twice"),
        (HEADER + PROJECTS + "VOTES\nvoter_id;vote\na;1\nMETA\n", 12, "found the META section after VOTES"),
        (HEADER + PROJECTS + "VOTES\nvoter_id;vote\na;1\nb;2,1,1\nc;3\n", 12, "voter b names a project twice"),
    ],
)
def test_a_malformed_file_names_its_line(text, line, message):
    with pytest.raises(PabulibError) as error:
        read(text)

    assert error.value.line == line
    assert message in error.value.reason
    assert str(error.value).startswith(f"line {line}: ")
    assert isinstance(error.value, ValueError)


@pytest.mark.parametrize(
    "votes",
    [
        "a;1,2\nb;2\nc;\n\n",  # plain: split on ";" directly
        "a ; 1, 2\nb;2 \n c;\n",  # spaces around fields and commas: the csv reader and stripping
        'a;"1,2"\r\nb;2\r\nc;\r\n',  # quotes and carriage returns
        "a;1 ,2\nb;\u00a02\nc;\n",  # a space before a comma, a no-break space
    ],
)
def test_every_way_of_writing_the_votes_reads_the_same_ballots(votes):
    election = read(HEADER + PROJECTS + "VOTES\nvoter_id;vote\n" + votes)

    assert election.ballots == (Ballot("a", ("1", "2")), Ballot("b", ("2",)), Ballot("c", ()))
    assert read_pabulib((HEADER + PROJECTS + "VOTES\nvoter_id;vote\n" + votes).splitlines(True)) == election


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (1500, "1500"),
        (0, "0"),
        (Fraction(179457957, 100), "1794579.57"),
        (Fraction(1, 8), "0.125"),
        (Fraction(7, 80), "0.0875"),
        (Fraction(1, 3), "1/3"),
        (Fraction(1, 6), "1/6"),
        (Fraction(3, 2**40), "0." + str(3 * 5**40).rjust(40, "0")),  # 3 / 2^40 = 3 x 5^40 / 10^40
        (Fraction(3, 2**41), f"3/{2**41}"),
    ],
)
def test_an_amount_is_written_as_a_decimal_when_one_is_exact_in_up_to_40_digits(amount, text):
    assert money_text(amount) == text
