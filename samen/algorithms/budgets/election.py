"""A participatory-budgeting election as plain data: projects with exact costs, ballots, the budget.

Money is `int` or `Fraction`, never `float`: a cost of 1794579.57 is read as 179457957/100, so every rule compares
exact amounts. The rules (greedy.py, equal_shares.py) read an election; only pabulib.py and the web services make one.
Equal Shares counts it in whole numbers (tables.py).
"""

from array import array
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from itertools import chain
from operator import attrgetter

from samen.algorithms.ties import natural_key

Money = int | Fraction
VOTE_TYPES = ("approval", "choose-1", "cumulative", "scoring", "ordinal")
WITH_POINTS = ("cumulative", "scoring")
COST, POINTS = "cost", "points"
UTILITIES = (COST, POINTS)


def exact(value: Money | str) -> Money:
    """An exact amount from an int, a Fraction or a decimal text ("1794579.57"); an int when it is whole."""
    amount = Fraction(value)
    return amount.numerator if amount.denominator == 1 else amount


@dataclass(frozen=True)
class Project:
    id: str
    cost: Money
    name: str = ""
    extra: Mapping[str, str] = field(default_factory=dict)  # other columns (category, votes, selected, ...)


@dataclass(frozen=True)
class Ballot:
    voter_id: str
    projects: tuple[str, ...]  # in the ballot's order (best first for an ordinal ballot)
    points: tuple[Money, ...] = ()  # for cumulative and scoring ballots: the points given to each project, in order
    extra: Mapping[str, str] = field(default_factory=dict)  # other columns (age, sex, voting_method, ...)


class PackedBallots(Sequence[Ballot]):
    """A city's ballots as the compiled reader leaves them (pabulib.py, _votes.c): each distinct ballot once, as its
    projects' numbers, and each ballot's line in the file; a `Ballot` is made only when asked for, so counting
    60,000 ballots makes no 60,000 objects. Equal to any sequence of the same ballots."""

    def __init__(self, data: bytes, found: tuple[bytes, ...], ids: Sequence[str], columns: Sequence[tuple[int, str]]):
        self.data, self.ids, self.columns = data, tuple(ids), tuple(columns)
        self.lines, self.kind, self.start, self.members, self.voters, self.votes = (
            array(code, raw) for code, raw in zip("qiiiqq", found, strict=True)
        )

    def __len__(self) -> int:
        return len(self.lines)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple(map(self.__getitem__, range(*index.indices(len(self)))))
        start = self.lines[index]
        end = self.data.find(b"\n", start)
        row = self.data[start : None if end < 0 else end].decode().removesuffix("\r").split(";")
        kind = self.kind[index]
        projects = tuple(map(self.ids.__getitem__, self.members[self.start[kind] : self.start[kind + 1]]))
        return Ballot(row[0], projects, (), {column: row[at] for at, column in self.columns})

    def __iter__(self) -> Iterator[Ballot]:
        return map(self.__getitem__, range(len(self)))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and len(self) == len(other) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]


@dataclass(frozen=True)
class Election:
    budget: Money
    projects: tuple[Project, ...]
    ballots: Sequence[Ballot]  # a tuple, or PackedBallots from the compiled reader (pabulib.py)
    vote_type: str = "approval"
    meta: Mapping[str, str] = field(default_factory=dict)  # the file's META lines, kept for the export

    def project(self, project_id: str) -> Project:
        for project in self.projects:
            if project.id == project_id:
                return project
        raise KeyError(project_id)

    def ballot(self, voter_id: str) -> Ballot:
        for ballot in self.ballots:
            if ballot.voter_id == voter_id:
                return ballot
        raise KeyError(voter_id)


@dataclass(frozen=True)
class Round:
    """One Equal Shares round: the project funded and its price in money per unit of utility (per supporter with
    cost utilities, per point with points utilities). Each supporter paid the price times their utility, or all they
    had left if less, so a voter's payments follow from the rounds alone (explain.py)."""

    project: str
    price: Money


@dataclass(frozen=True)
class Outcome:
    rule: str  # greedy, mes, mes-add1 or mes-add1-greedy
    utility: str
    winners: tuple[str, ...]  # in the order the rule selected them
    cost: Money
    budget: Money
    tie_order: tuple[str, ...]  # the announced tie-break: earlier wins
    share: Money | None = None  # each voter's share in the Equal Shares run that decided (None for greedy)
    rounds: tuple[Round, ...] = ()  # that run's rounds, in order
    completed: tuple[str, ...] = ()  # the projects the greedy completion added after the rounds

    @property
    def leftover(self) -> Money:
        return self.budget - self.cost


def default_tie_order(election: Election) -> tuple[str, ...]:
    """When no order is announced: the smaller project id, numbers compared as numbers ("214" before "1109")."""
    return tuple(sorted((project.id for project in election.projects), key=natural_key))


def check_tie_order(election: Election, tie_order: Sequence[str] | None) -> tuple[str, ...]:
    """The announced tie-break as a priority list of every project id, each once (earlier wins a tie)."""
    if tie_order is None:
        return default_tie_order(election)
    order = tuple(tie_order)
    if sorted(order) != sorted(project.id for project in election.projects):
        raise ValueError("the tie-break order must list every project id exactly once")
    return order


def ballot_utilities(election: Election, ballot: Ballot, utility: str) -> dict[str, Money]:
    """One ballot as {project id: utility}: see `ballot_groups`."""
    return ballot_groups(Election(election.budget, election.projects, (ballot,), election.vote_type), utility)[0][0]


def grouped(election: Election, utility: str) -> dict[frozenset, int]:
    """Identical ballots counted once: the projects named (cost utilities) or the (project, points) pairs with
    positive points (points utilities), each with its number of voters, every ballot checked.

    Grouping comes first because real elections repeat ballots (Wieliczka: 6,586 ballots, 1,190 distinct); each
    distinct ballot is then checked once: known projects, none twice, one number of points per project, none < 0.
    """
    if utility not in UTILITIES:
        raise ValueError(f"unknown utility {utility!r}: expected {' or '.join(UTILITIES)}")
    if utility == POINTS and election.vote_type not in WITH_POINTS:
        raise ValueError(f"points utilities need a cumulative or scoring election, not {election.vote_type}")
    projects_of = map(attrgetter("projects"), election.ballots)
    counts = Counter(
        projects_of if utility == COST else zip(projects_of, map(attrgetter("points"), election.ballots), strict=True)
    )
    known = {project.id for project in election.projects}
    merged: dict[frozenset, int] = {}
    if utility == COST:  # checked all at once (a city's 60,000 ballots): no project twice, every project known
        keys = list(map(frozenset, counts))
        if sum(map(len, keys)) == sum(map(len, counts)) and known.issuperset(chain.from_iterable(keys)):
            for key, weight in zip(keys, counts.values(), strict=True):
                merged[key] = merged.get(key, 0) + weight
            return merged
    for key, weight in counts.items():
        projects, points = (key, ()) if utility == COST else key
        named = frozenset(projects)
        if len(named) != len(projects) or not named <= known:
            voter = next(b.voter_id for b in election.ballots if b.projects == projects)
            unknown = sorted(named - known)
            raise ValueError(
                f"ballot {voter} names {unknown[0]!r}, which is not a project"
                if unknown
                else f"ballot {voter} names a project twice"
            )
        if utility == POINTS:
            if len(points) != len(projects) or any(value < 0 for value in points):
                voter = next(b.voter_id for b in election.ballots if b.projects == projects)
                raise ValueError(f"ballot {voter} needs one non-negative number of points per project")
            named = frozenset(pair for pair in zip(projects, points, strict=True) if pair[1])
        merged[named] = merged.get(named, 0) + weight
    return merged


def ballot_groups(election: Election, utility: str) -> list[tuple[dict[str, Money], int]]:
    """The grouped ballots as {project id: utility} with their number of voters (see `grouped`).

    With cost utilities a ballot counts as approval of every project it names (cumulative and ordinal ballots too)
    and a project is worth its cost to its supporters; with points utilities it is worth the points given. A utility
    of 0 is no support (pabutools' Cost_Sat and Additive_Cardinal_Sat).
    """
    costs = {project.id: project.cost for project in election.projects}
    if utility == COST:
        return [
            ({p: costs[p] for p in named if costs[p]}, weight) for named, weight in grouped(election, utility).items()
        ]
    return [(dict(named), weight) for named, weight in grouped(election, utility).items()]
