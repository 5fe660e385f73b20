"""Read and write the pabulib format (.pb), the open format of participatory-budgeting data (pabulib.org/format).

A file has three sections in this order, each a line `META`, `PROJECTS` or `VOTES` followed by its column header:
`key;value` lines, then `project_id;cost;...`, then `voter_id;vote;...`. Fields are separated by `;` and quoted as
in CSV; lines end with CRLF or LF (Wieliczka's file mixes both). Amounts are read exactly (`1794579.57` becomes
179457957/100). A malformed file raises `PabulibError` naming the line, so `samen pb` can point at it.
"""

import csv
import io
import itertools
import re
from collections.abc import Iterable, Iterator
from fractions import Fraction
from operator import attrgetter, itemgetter, methodcaller
from typing import TextIO

from samen.algorithms.budgets.election import (
    VOTE_TYPES,
    WITH_POINTS,
    Ballot,
    Election,
    Money,
    PackedBallots,
    Project,
    exact,
)

try:  # the VOTES section read in C (_votes.c, in the compiled core); without it, or where it declines, in Python
    from samen.algorithms.budgets import _mes
except ImportError:  # pragma: no cover - only where the C extension did not build
    _mes = None

SECTIONS = ("meta", "projects", "votes")
HEADERS = {"meta": ("key", "value"), "projects": ("project_id", "cost"), "votes": ("voter_id", "vote")}
_NUMBER = re.compile(r"[0-9]+(?:[.,][0-9]+)?(?:/[0-9]+)?")


class PabulibError(ValueError):
    """A malformed .pb file; `line` is the 1-based line of the file, `reason` the problem without it."""

    def __init__(self, line: int, reason: str) -> None:
        super().__init__(f"line {line}: {reason}")
        self.line = line
        self.reason = reason


def _amount(text: str, line: int, what: str) -> Money:
    """A non-negative exact amount: digits with an optional decimal point or comma, or a fraction like 1/3."""
    if not _NUMBER.fullmatch(text) or text.endswith("/0"):
        raise PabulibError(line, f"{what} {text!r} is not a non-negative number like 1500 or 1794579.57")
    return exact(text.replace(",", "."))


class _Reader:
    """One pass over the rows; each section's rows are checked against its header as they come."""

    def __init__(self, compiled: bool) -> None:
        self.compiled = compiled and _mes is not None
        self.section = ""
        self.header: list[str] | None = None
        self.meta: dict[str, str] = {}
        self.meta_lines: dict[str, int] = {}
        self.projects: dict[str, Project] = {}
        self.project_lines: dict[str, int] = {}
        self.ballots: list[Ballot] = []
        self.voter_lines: dict[str, int] = {}
        self.budget: Money = 0
        self.vote_type = ""
        self.points_at = 0
        self.extra_columns: list[tuple[int, str]] = []

    def start(self, name: str, line: int) -> None:
        if self.section and self.header is None:
            raise PabulibError(line, f"the {self.section.upper()} section has no header line")
        if self.section == SECTIONS[-1]:
            raise PabulibError(line, f"found the {name.upper()} section after VOTES, the last section")
        expected = self.next_section()
        if name != expected:
            raise PabulibError(line, f"found the {name.upper()} section where {expected.upper()} was expected")
        if name == "projects":
            self.close_meta(line)
        self.section, self.header = name, None

    def next_section(self) -> str:
        return SECTIONS[SECTIONS.index(self.section) + 1] if self.section else SECTIONS[0]

    def close_meta(self, line: int) -> None:
        for key in ("budget", "vote_type"):
            if key not in self.meta:
                raise PabulibError(line, f"META has no {key}")
        self.budget = _amount(self.meta["budget"], self.meta_lines["budget"], "budget")
        self.vote_type = self.meta["vote_type"]
        if self.vote_type not in VOTE_TYPES:
            raise PabulibError(self.meta_lines["vote_type"], f"unknown vote_type {self.vote_type!r}")

    def set_header(self, row: list[str], line: int) -> None:
        required = HEADERS[self.section]
        if tuple(row[: len(required)]) != required or len(set(row)) != len(row):
            raise PabulibError(line, f"the {self.section.upper()} header must start with {';'.join(required)}")
        if self.section == "votes":
            if self.vote_type in WITH_POINTS and "points" not in row:
                raise PabulibError(line, f"a {self.vote_type} file needs a points column")
            self.points_at = row.index("points") if self.vote_type in WITH_POINTS else 0
            self.extra_columns = [
                (index, column) for index, column in enumerate(row) if index > 1 and column != "points"
            ]
        self.header = row

    def add(self, header: list[str], row: list[str], line: int) -> None:
        if len(row) != len(header):
            raise PabulibError(line, f"expected {len(header)} columns ({';'.join(header)}), found {len(row)}")
        if self.section == "meta":
            self.meta[row[0]] = row[1]
            self.meta_lines[row[0]] = line
        elif self.section == "projects":
            self.add_project(dict(zip(header, row, strict=True)), line)
        else:
            self.add_ballot(row, line)

    def add_project(self, fields: dict[str, str], line: int) -> None:
        project_id = fields.pop("project_id")
        if not project_id or project_id in self.projects:
            where = f" already on line {self.project_lines[project_id]}" if project_id else " empty"
            raise PabulibError(line, f"project id {project_id!r}{where}")
        cost = _amount(fields.pop("cost"), line, f"the cost of project {project_id}")
        self.projects[project_id] = Project(project_id, cost, fields.pop("name", ""), fields)
        self.project_lines[project_id] = line

    def add_ballot(self, row: list[str], line: int) -> None:
        """The hot loop of a city-wide file (Warszawa: 61,668 ballots), so it reads by position and checks in bulk."""
        voter_id, vote = row[0], row[1]
        if not voter_id or voter_id in self.voter_lines:
            where = f" already on line {self.voter_lines[voter_id]}" if voter_id else " empty"
            raise PabulibError(line, f"voter id {voter_id!r}{where}")
        self.voter_lines[voter_id] = line
        projects = tuple(map(str.strip, vote.split(","))) if vote else ()
        if not self.projects.keys() >= set(projects) or len(set(projects)) != len(projects):
            unknown = [project_id for project_id in projects if project_id not in self.projects]
            if unknown:
                raise PabulibError(line, f"voter {voter_id} votes for {unknown[0]!r}, which is not a project")
            raise PabulibError(line, f"voter {voter_id} names a project twice")
        if self.vote_type == "choose-1" and len(projects) > 1:
            raise PabulibError(line, f"voter {voter_id} chooses {len(projects)} projects in a choose-1 vote")
        points: tuple[Money, ...] = ()
        if self.points_at:
            texts = row[self.points_at].split(",") if projects else []
            if len(texts) != len(projects):
                raise PabulibError(line, f"voter {voter_id} gives {len(texts)} points for {len(projects)} projects")
            points = tuple(_amount(text.strip(), line, f"the points of voter {voter_id}") for text in texts)
        extra = {column: row[index] for index, column in self.extra_columns} if self.extra_columns else {}
        self.ballots.append(Ballot(voter_id, projects, points, extra))

    def votes(self, rows: Iterable[tuple[int, list[str]]], stripped: bool) -> None:
        """The rest of the VOTES section, (line, fields) after the header: `add_ballot` inlined for the usual row
        (approval-like ballots of the header's width), the hot loop of a city-wide file, its projects checked all
        at once at the end (or before any other error, so that the first error in the file is the one told); any
        other row takes the general path, which checks it. `stripped`: no project in a vote has spaces around it."""
        header, lines, append = self.header, self.voter_lines, self.ballots.append
        width, general = len(header), self.points_at or self.vote_type == "choose-1"
        names = tuple(column for _, column in self.extra_columns)
        pick = itemgetter(*(index for index, _ in self.extra_columns)) if names else None
        split = str.split if stripped else lambda vote, comma: list(map(str.strip, vote.split(comma)))
        checked = len(self.ballots)
        for line, row in rows:
            if general or len(row) != width or not row[0] or row[0] in lines:
                if not any(row):
                    continue
                try:
                    if len(row) == 1 and row[0].lower() in SECTIONS:
                        self.start(row[0].lower(), line)
                    self.add(header, row, line)
                except PabulibError:
                    self.check_ballots(checked)
                    raise
                self.check_ballots(checked)
                checked = len(self.ballots)
                continue
            voter_id, vote = row[0], row[1]
            lines[voter_id] = line
            extra = dict(zip(names, pick(row) if len(names) > 1 else (pick(row),), strict=True)) if names else {}
            append(Ballot(voter_id, tuple(split(vote, ",")) if vote else (), (), extra))
        self.check_ballots(checked)

    def packed(self, text: str) -> bool:
        """Read the rest of the VOTES section in C (_votes.c) where the ballots have no points and nothing else to
        check (not choose-1); False where it declines (quotes, spaces around a field, anything it cannot prove it
        reads as the Python reader does): then the Python reader reads it, and tells what is wrong."""
        if not self.compiled or self.points_at or self.vote_type == "choose-1" or self.ballots:
            return False
        data = text.encode()
        found = _mes.read_votes(data, list(self.projects), len(self.header))
        if found is None:
            return False
        self.ballots = PackedBallots(data, found, self.projects, self.extra_columns)
        return True

    def check_ballots(self, first: int) -> None:
        """The ballots from `first` on: every project known, none twice (`add_ballot`'s checks, all at once)."""
        ballots = self.ballots[first:]
        named = list(map(attrgetter("projects"), ballots))
        if sum(map(len, map(set, named))) == sum(map(len, named)) and self.projects.keys() >= set(
            itertools.chain.from_iterable(named)
        ):
            return
        for ballot in ballots:
            projects, line = ballot.projects, self.voter_lines[ballot.voter_id]
            unknown = [project_id for project_id in projects if project_id not in self.projects]
            if unknown:
                raise PabulibError(line, f"voter {ballot.voter_id} votes for {unknown[0]!r}, which is not a project")
            if len(set(projects)) != len(projects):
                raise PabulibError(line, f"voter {ballot.voter_id} names a project twice")

    def election(self, last_line: int) -> Election:
        if self.section and self.header is None:
            raise PabulibError(max(last_line, 1), f"the {self.section.upper()} section has no header line")
        if self.section != "votes":
            raise PabulibError(max(last_line, 1), f"the file ends without a {self.next_section().upper()} section")
        ballots = self.ballots if isinstance(self.ballots, PackedBallots) else tuple(self.ballots)
        return Election(self.budget, tuple(self.projects.values()), ballots, self.vote_type, self.meta)


def _vote_rows(
    reader, lines: TextIO | Iterable[str], state: _Reader
) -> tuple[Iterator[tuple[int, list[str]]], bool] | None:
    """The rows after the VOTES header with their line numbers. When the rest of the file has no quotes, no
    carriage returns and no spaces around a field (a city's 60,000 ballots, usually), each line is split on `;`
    directly, which gives what the csv reader and the stripping of each field give, faster; and if no comma has a
    space beside it, a vote's projects need no stripping either (the second value returned). None: the compiled
    reader has read them first (`_Reader.packed`)."""
    if iter(lines) is lines:  # a file or a StringIO: the csv reader has read up to the header, no further
        read = getattr(lines, "read", None)
        text = read() if read else "".join(lines)
        if state.packed(text):
            return None
        line = reader.line_num
        if _plain(text):
            rows = zip(itertools.count(line + 1), map(methodcaller("split", ";"), text.split("\n")))
            return rows, not (", " in text or " ," in text)
        return _csv_rows(csv.reader(io.StringIO(text, newline=""), delimiter=";", strict=True), line), False
    return _csv_rows(reader, 0), False


def _csv_rows(reader, offset: int) -> Iterator[tuple[int, list[str]]]:
    try:
        for raw in reader:
            yield offset + reader.line_num, list(map(str.strip, raw))
    except csv.Error as error:
        raise PabulibError(offset + reader.line_num, f"not valid CSV: {error}") from None


# what the csv reader or the stripping of fields would change: quotes, carriage returns, NUL, whitespace other than
# the space (str.strip's), and a space next to a field's end
_SLOW_TEXT = re.compile(
    '["\\r\\0\\t\\x0b\\x0c\\x1c-\\x1f\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]'
)
_SPACED = (" ;", "; ", " \n", "\n ")


def _plain(text: str) -> bool:
    return not (
        _SLOW_TEXT.search(text) or text.startswith(" ") or text.endswith(" ") or any(map(text.__contains__, _SPACED))
    )


def read_pabulib(lines: TextIO | Iterable[str], *, compiled: bool = True) -> Election:
    """The election in a .pb file; open it with `newline=""` (and `encoding="utf-8-sig"`) so that line numbers and
    quoted fields come out right whatever the line endings. `compiled=False`: read it all in Python, the reference
    the tests compare the compiled reader with."""
    reader = csv.reader(lines, delimiter=";", strict=True)
    state = _Reader(compiled)
    try:
        for raw in reader:
            row = list(map(str.strip, raw))
            if not any(row):
                continue
            if len(row) == 1 and row[0].lower() in SECTIONS:
                state.start(row[0].lower(), reader.line_num)
            elif not state.section:
                raise PabulibError(reader.line_num, "expected the META section first")
            elif state.header is None:
                state.set_header(row, reader.line_num)
                if state.section == "votes":
                    rows = _vote_rows(reader, lines, state)
                    if rows is not None:
                        state.votes(*rows)
            else:
                state.add(state.header, row, reader.line_num)
    except csv.Error as error:
        raise PabulibError(reader.line_num, f"not valid CSV: {error}") from None
    return state.election(reader.line_num)


def parse_pabulib(text: str, *, compiled: bool = True) -> Election:
    return read_pabulib(io.StringIO(text.removeprefix("\ufeff"), newline=""), compiled=compiled)


def money_text(amount: Money) -> str:
    """An amount as the file writes it: `1500`, `1794579.57`, or a fraction `1/3` when no decimal is exact."""
    amount = Fraction(amount)
    rest, twos, fives = amount.denominator, 0, 0  # a decimal is exact when the denominator is 2^a 5^b: max(a, b) digits
    while rest % 2 == 0:
        rest, twos = rest // 2, twos + 1
    while rest % 5 == 0:
        rest, fives = rest // 5, fives + 1
    digits = max(twos, fives)
    if rest != 1 or digits > 40:
        return f"{amount.numerator}/{amount.denominator}"
    if digits == 0:
        return str(amount.numerator)
    scaled = f"{int(amount * 10**digits):0{digits + 1}d}"
    return f"{scaled[:-digits]}.{scaled[-digits:]}"


def _columns(rows: Iterable[dict[str, str]], first: list[str]) -> list[str]:
    columns = list(first)
    for row in rows:
        columns.extend(key for key in row if key not in columns)
    return columns


def write_pabulib(election: Election, out: TextIO) -> None:
    """Write the election so that `read_pabulib` (and pabutools) read back the same projects, ballots and budget."""
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    meta = dict(election.meta)
    meta.update(
        num_projects=str(len(election.projects)),
        num_votes=str(len(election.ballots)),
        budget=money_text(election.budget),
        vote_type=election.vote_type,
    )
    writer.writerows([["META"], ["key", "value"], *meta.items(), ["PROJECTS"]])
    named = ["name"] if any(project.name for project in election.projects) else []
    columns = _columns((project.extra for project in election.projects), ["project_id", "cost", *named])
    writer.writerow(columns)
    for project in election.projects:
        fields = {"project_id": project.id, "cost": money_text(project.cost), "name": project.name, **project.extra}
        writer.writerow([fields.get(column, "") for column in columns])
    points = ["points"] if election.vote_type in WITH_POINTS else []
    columns = _columns((ballot.extra for ballot in election.ballots), ["voter_id", "vote", *points])
    writer.writerows([["VOTES"], columns])
    for ballot in election.ballots:
        fields = {"voter_id": ballot.voter_id, "vote": ",".join(ballot.projects), **ballot.extra}
        fields["points"] = ",".join(money_text(value) for value in ballot.points)
        writer.writerow([fields.get(column, "") for column in columns])


def pabulib_text(election: Election) -> str:
    out = io.StringIO()
    write_pabulib(election, out)
    return out.getvalue()
