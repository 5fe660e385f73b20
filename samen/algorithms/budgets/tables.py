"""The election as Equal Shares counts it: whole-number money, supporters grouped by what they paid for, and the
caches every run of a count shares (docs/architecture.md, "Participatory-budget counts are exact").

`Tables` is made once per count; `Groups` is one project's supporters grouped by the funded projects they support,
cached in the tables (pricing.py makes them, in pure Python or in numpy); `Spent` is one run's memo of what each
pattern of funded projects has cost a voter.
"""

import functools
import itertools
import math
from array import array
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from itertools import chain, compress, repeat
from operator import attrgetter, is_

from samen.algorithms.budgets.election import COST, Election, Money, PackedBallots, check_tie_order, grouped

PRICINGS = ("auto", "python", "numpy")
VECTOR_BALLOTS, VECTOR_FROM = 10_000, 64  # "auto": numpy from this many ballots, for projects with this many groups
CACHE_LIMIT = 50_000  # groups kept before the cache starts again


@dataclass(slots=True, eq=False)
class Groups:
    """A project's supporters grouped by the funded projects they support, in one state of a run.

    Group i is `voters[i]` voters whose funded projects are `patterns[i]` (cost utilities: a bit mask; points: the
    (project, points) pairs), each with utility `utilities[i]` for the project (None with cost utilities: all the
    same). `order` is the groups' last sorted order (pricing.py sorts from it: budgets move little from one run to
    the next, and Timsort is linear on sorted runs). Groups formed in numpy (vector.py) keep their distinct rows
    (`rows`) and those rows as tagged bytes with their voters (`tagged`, `weights`); their patterns are then made on
    first use (`Tables.patterns`).
    """

    patterns: list | None
    voters: list[int]
    utilities: list | None
    order: list[int]
    rows: object = None  # vector.py: the groups' masked ballots, one row of 64-bit words each (a numpy array)
    tagged: object = None  # vector.py: those rows' bytes, each tagged with its position (an index into its sums)
    weights: object = None  # vector.py: the groups' voters, as floats


class Spent(dict):
    """What each pattern of funded projects has cost a voter so far in one run: the sum of their prices."""

    def __init__(self, prices: list | dict, members: Callable[[int], tuple[int, ...]]) -> None:
        super().__init__({0: 0, (): 0})
        self.prices = prices
        self.members = members  # cost utilities: the projects in a pattern (a bit mask)
        self.vector = None  # vector.py: the table of the prices' sums, valid for the funded projects in `covers`
        self.covers = 0

    def of(self, patterns: list) -> list:
        values = list(map(self.get, patterns))
        if None in values:
            missing = list(compress(range(len(values)), map(is_, values, repeat(None))))
            price = self.prices.__getitem__
            if isinstance(patterns[0], int):
                new = [sum(map(price, self.members(patterns[index]))) for index in missing]
            else:
                new = [sum(price(project) * points for project, points in patterns[index]) for index in missing]
            self.update(zip([patterns[index] for index in missing], new, strict=True))
            for index, value in zip(missing, new, strict=True):
                values[index] = value
        return values


class Tables:
    """The election in whole numbers, shared by every run of Equal Shares on it.

    Projects are numbered in the tie-break order (0 wins ties). Money is counted in units of 1/(voters x the
    decimals' denominator), so costs, the budget and every voter's share (budget / voters + whole Add1 steps) are
    integers. With cost utilities each supporter is the bit mask of the projects it approved; with points, its
    (project, points) pairs. A project's supporters are grouped by the funded projects they support (`Groups`,
    made by `pricing.classes`): voters with the same pattern have the same budget, and the groups depend only on
    what is funded, so they are cached here.

    `pricing` says how pricing.py groups and prices: "python", "numpy" (cost utilities only: with points it is
    pure Python), or "auto", numpy for elections of at least VECTOR_BALLOTS ballots (importing numpy takes ~0.1 s),
    for projects with at least VECTOR_FROM groups. `vector_from` is the result: numpy pricing from that many groups
    (grouping in numpy for every project then), or None for pure Python.
    """

    def __init__(
        self, election: Election, utility: str, tie_order: Sequence[str] | None, *, pricing: str = "auto"
    ) -> None:
        if pricing not in PRICINGS:
            raise ValueError(f"unknown pricing {pricing!r}: expected {', '.join(PRICINGS)}")
        self.ids = check_tie_order(election, tie_order)
        rank = {project_id: index for index, project_id in enumerate(self.ids)}
        costs = [election.project(project_id).cost for project_id in self.ids]
        denominators = (Fraction(cost).denominator for cost in [election.budget, *costs])
        self.scale = max(len(election.ballots), 1) * math.lcm(*denominators)
        self.costs = [int(cost * self.scale) for cost in costs]
        self.budget = int(election.budget * self.scale)
        self.cost_mode = utility == COST
        count = len(self.ids)
        self.rank = rank
        # cost utilities: the distinct ballots, their projects' numbers one ballot after the other (ballot k's are
        # ballot_projects[ballot_start[k]:ballot_start[k + 1]]), and each one's voters
        self.ballot_start, self.ballot_projects, self.voters = array("i", [0]), array("i"), []
        self.points: list[list[tuple[tuple, Money, int]]] = [[] for _ in range(count)]  # (ballot, points, voters)
        self.weight = [0] * count  # the supporters' total utility (cost utilities: their number)
        if self.cost_mode and isinstance(election.ballots, PackedBallots):  # read in C: grouped and checked there
            packed = election.ballots
            numbers = [rank[project_id] for project_id in packed.ids]
            self.ballot_start, self.voters = packed.start, packed.voters.tolist()
            self.ballot_projects = array("i", map(numbers.__getitem__, packed.members))
            votes = dict(zip(packed.ids, packed.votes, strict=True))
        elif self.cost_mode:  # identical ballots once (in their order: Equal Shares does not mind), checked in bulk
            counts = Counter(map(attrgetter("projects"), election.ballots))
            if sum(map(len, map(set, counts))) != sum(map(len, counts)) or not rank.keys() >= set(
                chain.from_iterable(counts)
            ):
                grouped(election, utility)  # raises, naming the ballot
            self.named, self.voters = list(counts), list(counts.values())
            self.ballot_start.extend(itertools.accumulate(map(len, self.named)))
            self.ballot_projects = array("i", map(rank.__getitem__, chain.from_iterable(self.named)))
            votes = Counter(chain.from_iterable(map(attrgetter("projects"), election.ballots)))
        if self.cost_mode:
            self.weight = [
                votes[project_id] if cost else 0 for project_id, cost in zip(self.ids, self.costs, strict=True)
            ]
        for named, voters in grouped(election, utility).items() if not self.cost_mode else ():
            ballot = tuple(sorted((rank[project_id], value) for project_id, value in named))
            for index, value in ballot:
                self.points[index].append((ballot, value, voters))
                self.weight[index] += voters * value
        self.free = [i for i in range(count) if self.weight[i] and not self.costs[i]]
        self.norm = self.costs if self.cost_mode else [1] * count  # price per supporter / norm = pabutools' price
        self.floor = [  # the lowest price possible, when every supporter can pay its part
            Fraction(c, w * n) if w and c else None for c, w, n in zip(self.costs, self.weight, self.norm, strict=True)
        ]
        self.cache: dict[tuple[int, int], Groups] = {}  # by (project, funded projects' bit mask)
        self.bits: dict[int, tuple[int, ...]] = {}
        numpy = pricing == "numpy" or (pricing == "auto" and len(election.ballots) >= VECTOR_BALLOTS)
        self.vector_from = (1 if pricing == "numpy" else VECTOR_FROM) if numpy and self.cost_mode else None
        self.rows: dict[int, tuple] = {}  # vector.py: each project's supporters' distinct ballots

    @functools.cached_property
    def named(self) -> list[tuple[str, ...]]:
        """Cost utilities: the distinct ballots' project ids (made on first use after the compiled reader)."""
        ids, start, members = self.ids, self.ballot_start, self.ballot_projects
        return [tuple(map(ids.__getitem__, members[start[k] : start[k + 1]])) for k in range(len(self.voters))]

    @functools.cached_property
    def ballots(self) -> list[tuple[list[int], int]]:
        """Cost utilities: each distinct ballot's projects that cost something (their numbers), and its voters."""
        costs, start, members = self.costs, self.ballot_start, self.ballot_projects
        return [
            ([index for index in members[start[k] : start[k + 1]] if costs[index]], voters)
            for k, voters in enumerate(self.voters)
        ]

    @functools.cached_property
    def masks(self) -> list[list[int]]:
        """Cost utilities: each project's supporters, one bit mask of the projects it approved per voter (made on
        first use: the compiled count does not need them)."""
        masks: list[list[int]] = [[] for _ in self.ids]
        for indices, voters in self.ballots:
            mask = sum(1 << index for index in indices)
            for index in indices:
                masks[index].extend([mask] * voters)
        return masks

    def members(self, pattern: int) -> tuple[int, ...]:
        found = self.bits.get(pattern)
        if found is None:
            found = self.bits[pattern] = tuple(i for i in range(pattern.bit_length()) if pattern >> i & 1)
        return found

    def patterns(self, found: Groups) -> list:
        """The groups' patterns; made on first use from the rows when the groups were formed in numpy (vector.py)."""
        if found.patterns is None:
            found.patterns = [int.from_bytes(row.tobytes(), "little") for row in found.rows]
        return found.patterns

    def group(self, project: int, funded: int) -> Groups:
        """The project's supporters grouped by their funded projects, in pure Python (not cached: see `keep`)."""
        if self.cost_mode:
            counts = Counter(map(funded.__and__, self.masks[project]))
            return Groups(list(counts), list(counts.values()), None, list(range(len(counts))))
        weights: Counter = Counter()
        for ballot, value, voters in self.points[project]:
            weights[value, tuple(item for item in ballot if funded >> item[0] & 1)] += voters
        patterns = [pattern for _, pattern in weights]
        return Groups(patterns, list(weights.values()), [value for value, _ in weights], list(range(len(patterns))))

    def keep(self, project: int, funded: int, found: Groups) -> Groups:
        """Cache a project's groups in one state (the cache starts again past CACHE_LIMIT entries)."""
        if len(self.cache) > CACHE_LIMIT:
            self.cache.clear()
        self.cache[project, funded] = found
        return found
