"""The VOTES section read in C (_votes.c) against its reference, the Python reader.

Where the compiled core was built, `read_pabulib` hands the VOTES section to it; it declines whatever it cannot
prove it reads as the Python reader does, and the Python reader then reads it. Either way the election, and any
error with its line, must be the same as the Python reader's alone.
"""

import io
import random

import pytest

from samen.algorithms.budgets import PabulibError, parse_pabulib, read_pabulib
from samen.algorithms.budgets.election import PackedBallots
from samen.algorithms.budgets.tables import Tables

from .test_oracle import DATA, EXPECTED

pabulib = pytest.importorskip("samen.algorithms.budgets.pabulib")
pytestmark = pytest.mark.skipif(pabulib._mes is None, reason="the compiled core was not built")

HEAD = "META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;60\n2;40\nó;20\n10;0\n"


def both(text: str):
    """What each reader makes of the text: the election, or the error's line and reason."""
    found = []
    for compiled in (True, False):
        try:
            found.append(parse_pabulib(text, compiled=compiled))
        except PabulibError as error:
            found.append((error.line, error.reason))
    return found


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_both_readers_read_every_shared_file_alike(name):
    with (DATA / name).open(encoding="utf-8-sig", newline="") as lines:
        fast = read_pabulib(lines)
    with (DATA / name).open(encoding="utf-8-sig", newline="") as lines:
        reference = read_pabulib(lines, compiled=False)

    assert fast == reference
    assert tuple(fast.ballots) == reference.ballots
    assert isinstance(fast.ballots, PackedBallots) == (fast.vote_type not in ("cumulative", "scoring", "choose-1"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_count_sees_the_same_distinct_ballots_from_both_readers(name):
    fast, reference = (parse_pabulib((DATA / name).read_text(encoding="utf-8-sig"), compiled=c) for c in (True, False))

    tables, expected = Tables(fast, "cost", None), Tables(reference, "cost", None)

    assert (tables.named, tables.voters, tables.weight) == (expected.named, expected.voters, expected.weight)
    assert (tables.ballot_start, tables.ballot_projects) == (expected.ballot_start, expected.ballot_projects)


@pytest.mark.parametrize(
    "votes",
    [
        "voter_id;vote\na;1,2\nb;2\nc;\n",
        "voter_id;vote\r\na;1,2\r\nb;2\r\nc;\r\n",  # CRLF
        "voter_id;vote\r\na;1,2\r\nb;2\nc;",  # mixed endings, no newline at the end
        "voter_id;vote;age;sex\na;1,2;34;F\nb;ó;;M\nc;;61;\n",  # more columns, some empty
        "voter_id;vote;points;cost\na;1,2;3,7;100\nb;2;1;40\n",  # points and cost columns in an approval vote
        'voter_id;vote;name\na;1,2;"Anna; Maria"\nb;2;Jan\n',  # quotes
        'voter_id;vote;name\na;1,2;"Anna"\nb;2;"Jan ""J"" K"\n',
        'voter_id;vote;name\na;"1,2";x\n',
        "voter_id;vote\na ; 1, 2\nb;2 \n c;\n",  # spaces around fields and commas
        "voter_id;vote\na;1 , 2\nb;\u00a02\nc;2\u3000\nd;1,\u20002\n",  # spaces and wide spaces
        "voter_id;vote\na;1,2\n\n;\nb;2\n\n",  # empty lines and a line of empty fields
        "voter_id;vote\na;1,2,\n",  # an empty project
        "voter_id;vote\na;1,,2\n",
        "voter_id;vote\na;1,3\n",  # not a project
        "voter_id;vote\na;2,1,2\n",  # a project twice
        "voter_id;vote\na;1\na;2\n",  # a voter twice
        "voter_id;vote\n;1\n",  # no voter id
        "voter_id;vote\na;1;x\n",  # a field too many
        "voter_id;vote\na;1\nVOTES\n",  # a section after VOTES
        "voter_id;vote\na;1\rb;2\n",  # a lone carriage return ends a line for the csv reader
        "voter_id;vote;age\na;1;3\r4\n",
        "voter_id;vote\na;1\0\n",
    ],
)
def test_both_readers_agree_on_written_votes(votes):
    fast, reference = both(HEAD + "VOTES\n" + votes)

    assert fast == reference


def test_a_byte_order_mark_is_read_alike():
    text = "\ufeff" + HEAD + "VOTES\nvoter_id;vote\na;1,2\nb;ó\n"

    fast, reference = both(text)

    assert fast == reference
    assert isinstance(fast.ballots, PackedBallots)
    assert [ballot.projects for ballot in fast.ballots] == [("1", "2"), ("ó",)]


PIECES = ["1", "2", "ó", "10", "3", ",", ",", ";", ";", " ", "\n", "\n", "\r\n", "\r", '"', "\u00a0", "a", "b", "c", ""]


@pytest.mark.parametrize("seed", range(300))
def test_both_readers_agree_on_random_votes(seed):
    rng = random.Random(seed)
    lines = []
    for number in range(rng.randint(1, 8)):
        vote = ",".join(rng.sample(["1", "2", "ó", "10"], rng.randint(0, 4)))
        line = f"v{rng.randint(0, 3) if rng.random() < 0.05 else number};{vote};{rng.randint(10, 90)}"
        if rng.random() < 0.12:  # something unusual inserted somewhere
            at = rng.randint(0, len(line))
            line = line[:at] + rng.choice(PIECES) + line[at:]
        lines.append(line)
    text = HEAD + "VOTES\nvoter_id;vote;age\n" + rng.choice(["\n", "\r\n"]).join(lines) + rng.choice(["", "\n"])

    fast, reference = both(text)

    assert fast == reference


def test_the_lazy_ballots_behave_as_a_tuple():
    election = read_pabulib(io.StringIO(HEAD + "VOTES\nvoter_id;vote;age\na;1,2;34\nb;2;\nc;;61\n", newline=""))

    ballots = election.ballots

    assert isinstance(ballots, PackedBallots)
    assert (len(ballots), ballots[-1].voter_id, [b.voter_id for b in ballots[1:]]) == (3, "c", ["b", "c"])
    assert ballots[0].extra == {"age": "34"}
    assert election.ballot("b").projects == ("2",)
