"""LEXIMIN selection (Flanigan, Gölz, Gupta, Hennig, Procaccia, Nature 2021) over types of people, on HiGHS.

Among all lotteries over panels that meet the quotas, LEXIMIN makes the least likely person as likely as possible,
then the next least likely, and so on.

First the quotas' linear relaxation (`relaxation.py`): every panel is one of its points, so its LEXIMIN, a few
linear programs, bounds every level from above. `decomposition.decompose` then looks for a lottery over panels with
exactly those expected counts; when there is one, it is the LEXIMIN over panels, each level proven by the
relaxation's duals, and no integer program had to prove anything. With volunteers nearly all of a type of their own
this is what happens (issue 14): 400 volunteers in about a second.

Otherwise, column generation level by level: the master LP chooses probabilities for the panels found so far; its
duals weigh the types of people, and the pricing integer program finds the panel of largest weight, which joins the
master while it beats the master's bound. When no panel does, the level is optimal: the types whose dual weight is
positive cannot get more (complementary slackness) and are fixed there, and the next level starts.

Everything runs over types of interchangeable people, and each type's probability is spread equally over its
members at the end (`draw.spread`), which is what keeps a 2,000-person pool to three variables.
"""

from collections.abc import Sequence

import highspy
import numpy as np

from samen.algorithms.sortition.decomposition import decompose
from samen.algorithms.sortition.draw import Distribution, spread
from samen.algorithms.sortition.faces import TIGHT
from samen.algorithms.sortition.feasibility import (
    INF,
    SECONDS,
    InfeasibleQuotas,
    PanelProgram,
    check_feasibility,
    indices,
    solver,
)
from samen.algorithms.sortition.pool import Person, check_instance, group_types, id_key
from samen.algorithms.sortition.quotas import Quota
from samen.algorithms.sortition.relaxation import Relaxation

GAP = 1e-9  # a panel must beat the master's bound by this much to join: below it, the level is optimal
FIX = 1e-9  # a type whose dual weight exceeds this cannot rise above the level's value
SLACK = 1e-9  # fixed types keep their value up to this (10x the LP tolerance), so the master stays feasible
DUST = 1e-12  # panels the final LP gives less than this are rounding noise, not part of the lottery
MATCH = 1e-7  # the walk's lottery may miss the relaxation's LEXIMIN counts by this much, no more


class _Master:
    """max z such that each unfixed type gets at least z, each fixed type its value, over the panels found so far."""

    def __init__(self, sizes: Sequence[int], selectable: Sequence[int]) -> None:
        self.sizes = sizes
        self.row = {t: r for r, t in enumerate(selectable)}
        self.panels: list[tuple[int, ...]] = []
        self.known: set[tuple[int, ...]] = set()
        self.weights: list[float] = []
        self.fixed: dict[int, float] = {}
        self.highs = highs = solver(
            primal_feasibility_tolerance=1e-10, dual_feasibility_tolerance=1e-10, presolve="off", simplex_strategy=4
        )
        rows = len(selectable)
        lower, upper = np.array([0.0] * rows + [1.0]), np.array([INF] * rows + [1.0])
        highs.addRows(rows + 1, lower, upper, 0, indices([]), indices([]), np.array([]))
        highs.addCol(1.0, 0.0, 1.0, rows, indices(range(rows)), -np.ones(rows))
        highs.changeObjectiveSense(highspy.ObjSense.kMaximize)

    def add(self, panel: tuple[int, ...]) -> None:
        entries = [(self.row[t], count / self.sizes[t]) for t, count in enumerate(panel) if count and t in self.row]
        entries.append((len(self.row), 1.0))
        self.highs.addCol(
            0.0, 0.0, INF, len(entries), indices([r for r, _ in entries]), np.array([a for _, a in entries])
        )
        self.panels.append(panel)
        self.known.add(panel)

    def solve(self) -> tuple[float, dict[int, float], float]:
        """The level's value, the dual weight of each type (per seat of that type) and the bound a panel must beat."""
        self.highs.run()
        status = self.highs.getModelStatus()
        if status != highspy.HighsModelStatus.kOptimal and self.fixed:
            for t, value in self.fixed.items():  # numerical trouble: give the fixed levels a little more room, once
                self.highs.changeRowBounds(self.row[t], value - 100 * SLACK, INF)
            self.highs.run()
            status = self.highs.getModelStatus()
        if status != highspy.HighsModelStatus.kOptimal:
            raise ArithmeticError(f"the LEXIMIN master LP ended with {self.highs.modelStatusToString(status)}")
        solution = self.highs.getSolution()
        self.weights = list(solution.col_value[1:])
        duals = {t: -solution.row_dual[r] for t, r in self.row.items()}
        return solution.col_value[0], duals, solution.row_dual[len(self.row)]

    def fix(self, t: int, value: float) -> None:
        self.fixed[t] = value
        self.highs.changeCoeff(self.row[t], 0, 0.0)
        self.highs.changeRowBounds(self.row[t], value - SLACK, INF)


def _price(program: PanelProgram, master: _Master, duals: dict[int, float], bound: float) -> tuple[int, ...] | None:
    """A panel whose types' dual weights exceed the bound, or None when there is none: the level is then optimal."""
    weights = [duals.get(t, 0.0) / size for t, size in enumerate(master.sizes)]
    panel = program.best(weights, bound + GAP)
    return None if panel is None or panel in master.known else panel


def leximin_over_types(
    program: PanelProgram, sizes: Sequence[int], panels: Sequence[tuple[int, ...]], selectable: Sequence[int]
) -> list[tuple[float, tuple[int, ...]]]:
    """LEXIMIN probabilities over panels of counts per type, starting from panels that seat every selectable type."""
    master = _Master(sizes, selectable)
    for panel in panels:
        master.add(panel)
    unfixed = set(selectable)
    while unfixed:
        while True:
            value, duals, bound = master.solve()
            panel = _price(program, master, duals, bound)
            if panel is None:
                break
            master.add(panel)
        tight = {t for t in unfixed if duals[t] > FIX} or {max(unfixed, key=lambda t: (duals[t], -t))}
        for t in sorted(tight):
            master.fix(t, value)
        unfixed -= tight
    return [(weight, panel) for weight, panel in zip(master.weights, master.panels, strict=True) if weight > DUST]


def _over_types(
    program: PanelProgram, relaxation: Relaxation, time_limit: float
) -> tuple[list[tuple[float, tuple[int, ...]]], set[int]]:
    """LEXIMIN over panels of counts per type, and the types no panel can seat.

    The relaxation's LEXIMIN first, which bounds every level from above: when the walk writes it as a lottery over
    panels, that lottery is the LEXIMIN (and no integer program was needed to prove a level). Otherwise, column
    generation level by level, seeded with the panels the walk met.
    """
    target = relaxation.leximin()
    if target is None:
        return [], set()
    decomposition = decompose(relaxation, target, time_limit=time_limit)
    if decomposition.lottery is not None and _matches(decomposition.lottery, target):
        return decomposition.lottery, {t for t in range(relaxation.types) if target[t] <= TIGHT}
    covered = program.cover()
    if covered is None:
        return [], set()
    panels, left_out = covered
    selectable = [t for t in range(relaxation.types) if t not in left_out]
    return leximin_over_types(program, program.sizes, [*panels, *decomposition.panels], selectable), left_out


def _matches(lottery: list[tuple[float, tuple[int, ...]]], target: np.ndarray) -> bool:
    """Whether the lottery's expected counts are the target's, within what the walk's rounding can explain."""
    expected = sum((weight * np.array(panel, dtype=float) for weight, panel in lottery), np.zeros(len(target)))
    return bool(np.max(np.abs(expected - target)) <= MATCH)


def leximin_distribution(
    people: Sequence[Person],
    quotas: Sequence[Quota],
    k: int,
    *,
    households: bool = False,
    time_limit: float = SECONDS,
) -> Distribution:
    """The LEXIMIN lottery over panels of k people meeting the quotas (at most one per address with households).

    Raises InfeasibleQuotas when no panel meets the quotas, and SolverTimeLimit when an integer program the
    computation needs reaches `time_limit` seconds before it answers.
    """
    check_instance(people, quotas, k)
    types = group_types(people, quotas, households=households)
    program = PanelProgram(types, quotas, k, time_limit=time_limit)
    type_panels, left_out = _over_types(program, Relaxation(program.sizes, program.rows), time_limit)
    if not type_panels:
        raise InfeasibleQuotas(check_feasibility(people, quotas, k, households=households))
    type_panels = [(weight, panel) for weight, panel in type_panels if weight > DUST]
    weighted, exact = spread(types.members, type_panels)
    probabilities = {person: float(exact[person]) for person in sorted(exact, key=id_key)}
    unselectable = tuple(sorted((i for t in left_out for i in types.members[t]), key=id_key))
    return Distribution("leximin", k, weighted, probabilities, unselectable)
