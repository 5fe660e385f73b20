import io
import re
from fractions import Fraction

import pytest

from samen.algorithms.ballot_files import (
    BallotFileError,
    BallotRow,
    read_ballot_rows,
    read_ballots,
    read_shortlist,
    write_ballots,
    write_shortlist,
)

BALLOTS = [{"12", "7"}, {"3"}, {"7", "100", "12"}, {"12"}, {"3", "7"}]


def written_ballots(ballots) -> str:
    out = io.StringIO()
    write_ballots(ballots, out)
    return out.getvalue()


def test_ballots_are_written_sorted_by_their_choices_in_natural_order():
    assert written_ballots(BALLOTS) == "ballot,choices\n1,3\n2,3 7\n3,7 12\n4,7 12 100\n5,12\n"


def test_the_ballot_file_does_not_depend_on_the_order_the_ballots_were_cast_in():
    shuffled = [BALLOTS[3], BALLOTS[0], BALLOTS[4], BALLOTS[2], BALLOTS[1]]

    assert written_ballots(shuffled) == written_ballots(BALLOTS) == written_ballots(reversed(BALLOTS))


def test_ballots_round_trip():
    published = written_ballots(BALLOTS)

    assert sorted(read_ballots(io.StringIO(published)), key=sorted) == sorted(map(frozenset, BALLOTS), key=sorted)
    assert written_ballots(read_ballots(io.StringIO(published))) == published


def test_ballot_rows_keep_their_number_and_line_in_ballot_order():
    rows = read_ballot_rows(io.StringIO("ballot,choices\n\n2,5\n1,3 4\n"))

    assert rows == [BallotRow(ballot=1, line=4, choices=frozenset({"3", "4"})), BallotRow(2, 3, frozenset({"5"}))]


def test_an_empty_choices_field_is_read_as_an_empty_ballot_for_the_count_to_refuse():
    assert read_ballots(io.StringIO("ballot,choices\n1,\n")) == [frozenset()]


def test_writing_refuses_an_id_that_could_not_be_read_back():
    with pytest.raises(ValueError, match="white space"):
        written_ballots([{"1 2"}])
    with pytest.raises(ValueError, match="empty"):
        written_ballots([{""}])


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("", 1, "expected the header 'ballot,choices'"),
        ("ballot;choices\n1;3\n", 1, "expected the header"),
        ("ballot,choices\n1,3\n2\n", 3, "expected 2 columns (ballot,choices), found 1"),
        ("ballot,choices\n1,3,4\n", 2, "found 3"),
        ("ballot,choices\n1,3\nx,4\n", 3, "ballot number 'x' is not a whole number"),
        ("ballot,choices\n0,3\n", 2, "ballot number '0'"),
        ("ballot,choices\n1,3\n2,4\n1,5\n", 4, "ballot 1 already appears on line 2"),
        ("ballot,choices\n1,3\n3,4\n", 3, "ballot 3 in a file of 2 ballots"),
        ("ballot,choices\n1,3  4\n", 2, "empty id in choices '3  4'"),
        ("ballot,choices\n1, 3\n", 2, "empty id"),
        ("ballot,choices\n1,3 4 3\n", 2, "ballot 1 names '3' twice"),
        ('ballot,choices\n1,"3\n', 2, "not valid CSV"),
    ],
)
def test_a_malformed_ballot_file_is_refused_naming_the_line(text, line, reason):
    with pytest.raises(BallotFileError, match=re.escape(reason)) as refusal:
        read_ballots(io.StringIO(text))

    assert refusal.value.line == line
    assert str(refusal.value).startswith(f"line {line}: ")
    assert isinstance(refusal.value, ValueError)


SHORTLIST = [
    ("12", Fraction(37, 5), "Un parc pour tous"),
    ("7", Fraction(8), 'Bancs, "publics"'),
    ("3", Fraction(0), ""),
]


def test_the_shortlist_is_written_with_exact_jury_scores():
    out = io.StringIO()
    write_shortlist(SHORTLIST, out)

    assert out.getvalue() == 'idea,jury_score,title\n12,37/5,Un parc pour tous\n7,8,"Bancs, ""publics"""\n3,0,\n'


def test_the_shortlist_round_trips_in_its_own_order():
    out = io.StringIO()
    write_shortlist(SHORTLIST, out)

    assert read_shortlist(io.StringIO(out.getvalue())) == SHORTLIST


def test_a_decimal_jury_score_is_read_exactly():
    assert read_shortlist(io.StringIO("idea,jury_score,title\n4,7.4,x\n")) == [("4", Fraction(37, 5), "x")]


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("idea,title\n", 1, "expected the header 'idea,jury_score,title'"),
        ("idea,jury_score,title\n12,37/5\n", 2, "expected 3 columns"),
        ("idea,jury_score,title\n12,37/5,a\n,8,b\n", 3, "idea id '' is empty"),
        ("idea,jury_score,title\n1 2,8,b\n", 2, "contains white space"),
        ("idea,jury_score,title\n12,seven,a\n", 2, "jury score 'seven' is not a number"),
        ("idea,jury_score,title\n12,1/0,a\n", 2, "jury score '1/0'"),
        ("idea,jury_score,title\n12,8,a\n7,6,b\n12,5,c\n", 4, "idea 12 already appears on line 2"),
    ],
)
def test_a_malformed_shortlist_is_refused_naming_the_line(text, line, reason):
    with pytest.raises(BallotFileError, match=re.escape(reason)) as refusal:
        read_shortlist(io.StringIO(text))

    assert refusal.value.line == line
