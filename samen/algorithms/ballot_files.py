"""The published CSV files of a vote, written by the web export and read by `samen count`: one module, one format.

Ballots: header `ballot,choices`, one row per ballot numbered 1..n, the chosen ids separated by single spaces in
natural order. Rows are sorted by their choices, so their order says nothing about when or by whom a ballot was cast.
Shortlist: header `idea,jury_score,title`, the jury score as an exact fraction (`37/5`, `8`).
"""

import csv
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from fractions import Fraction
from typing import TextIO

from samen.algorithms.ties import natural_key

BALLOTS_HEADER = ["ballot", "choices"]
SHORTLIST_HEADER = ["idea", "jury_score", "title"]


class BallotFileError(ValueError):
    """A malformed published file; `line` is the 1-based line in the file, `reason` the problem without it."""

    def __init__(self, line: int, reason: str) -> None:
        super().__init__(f"line {line}: {reason}")
        self.line = line
        self.reason = reason


@dataclass(frozen=True)
class BallotRow:
    ballot: int  # the number in the file, 1..n
    line: int  # where it stands in the file, to point at it when the count refuses it
    choices: frozenset[str]


def _check_id(text: str) -> str:
    """Ids are joined by spaces in the ballots file, so one with a space (or none at all) could not be read back."""
    if not text or text != "".join(text.split()):
        raise ValueError(f"candidate id {text!r} is empty or contains white space")
    return text


def _rows(lines: Iterable[str], header: list[str]) -> Iterator[tuple[int, list[str]]]:
    """Each data row with its line number, after checking the header and the number of columns."""
    reader = csv.reader(lines, strict=True)
    try:
        first = next(reader, None)
        if first != header:
            raise BallotFileError(1, f"expected the header {','.join(header)!r}, found {','.join(first or [])!r}")
        for row in reader:
            if not row:
                continue  # a blank line, not a row
            if len(row) != len(header):
                raise BallotFileError(
                    reader.line_num, f"expected {len(header)} columns ({','.join(header)}), found {len(row)}"
                )
            yield reader.line_num, row
    except csv.Error as error:
        raise BallotFileError(reader.line_num, f"not valid CSV: {error}") from None


def write_ballots(ballots: Iterable[Collection[str]], out: TextIO) -> None:
    """Write every ballot, sorted by its choices: the file is the same whatever order the ballots were cast in."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(BALLOTS_HEADER)
    for number, choices in numbered_ballots(ballots):
        writer.writerow([number, " ".join(choices)])


def numbered_ballots(ballots: Iterable[Collection[str]]) -> list[tuple[int, list[str]]]:
    """Every ballot's choices, sorted, with its number from 1, the ballots in the order of their choices: what the
    published file holds, line by line."""
    chosen = [sorted((_check_id(choice) for choice in ballot), key=natural_key) for ballot in ballots]
    chosen.sort(key=lambda choices: [natural_key(choice) for choice in choices])
    return list(enumerate(chosen, start=1))


def read_ballot_rows(lines: TextIO) -> list[BallotRow]:
    """Every ballot with its number and line, in ballot-number order; the numbers must run 1..n, each once."""
    rows: dict[int, BallotRow] = {}
    for line, (number_text, choices_text) in _rows(lines, BALLOTS_HEADER):
        if not number_text.isascii() or not number_text.isdigit() or int(number_text) < 1:
            raise BallotFileError(line, f"ballot number {number_text!r} is not a whole number from 1")
        number = int(number_text)
        if number in rows:
            raise BallotFileError(line, f"ballot {number} already appears on line {rows[number].line}")
        choices = choices_text.split(" ") if choices_text else []
        if "" in choices:
            raise BallotFileError(line, f"empty id in choices {choices_text!r}: separate ids by single spaces")
        if len(set(choices)) != len(choices):
            twice = next(choice for choice in choices if choices.count(choice) > 1)
            raise BallotFileError(line, f"ballot {number} names {twice!r} twice")
        rows[number] = BallotRow(ballot=number, line=line, choices=frozenset(choices))
    for number, row in rows.items():
        if number > len(rows):
            raise BallotFileError(row.line, f"ballot {number} in a file of {len(rows)} ballots: numbers run 1..n")
    return [rows[number] for number in sorted(rows)]


def read_ballots(lines: TextIO) -> list[frozenset[str]]:
    """The ballots as sets of chosen ids, ballot 1 first: what `approval.count` reads."""
    return [row.choices for row in read_ballot_rows(lines)]


def write_shortlist(rows: Iterable[tuple[str, Fraction, str]], out: TextIO) -> None:
    """Write the shortlist in the order given, each jury score exact (`37/5`), never rounded."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(SHORTLIST_HEADER)
    for idea, score, title in rows:
        writer.writerow([_check_id(idea), str(Fraction(score)), title])


def read_shortlist(lines: TextIO) -> list[tuple[str, Fraction, str]]:
    """The shortlisted ideas in file order, with their exact jury score and title."""
    shortlist: list[tuple[str, Fraction, str]] = []
    seen: dict[str, int] = {}
    for line, (idea, score_text, title) in _rows(lines, SHORTLIST_HEADER):
        if not idea or idea != "".join(idea.split()):
            raise BallotFileError(line, f"idea id {idea!r} is empty or contains white space")
        if idea in seen:
            raise BallotFileError(line, f"idea {idea} already appears on line {seen[idea]}")
        seen[idea] = line
        try:
            score = Fraction(score_text)
        except (ValueError, ZeroDivisionError):
            raise BallotFileError(line, f"jury score {score_text!r} is not a number like 37/5 or 8") from None
        shortlist.append((idea, score, title))
    return shortlist
