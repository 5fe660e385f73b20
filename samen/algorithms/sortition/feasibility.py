"""Which panels exist: an integer program over types of people (HiGHS), who can sit at all, and why quotas fail.

People with the same feature values (and no housemate in the pool) are interchangeable (`pool.group_types`), so a
panel is a count per type: a pool of 2,000 with 3 types needs 3 integer variables, not 2,000 binaries.
"""

from collections.abc import Sequence
from dataclasses import dataclass

import highspy
import numpy as np

from samen.algorithms.sortition.pool import Person, PoolTypes, check_instance, group_types
from samen.algorithms.sortition.quotas import Quota, SortitionInputError, categories

INF = highspy.kHighsInf
SECONDS = 600.0  # the panels' integer program's time limit; reaching it stops the computation (SolverTimeLimit)


class SolverTimeLimit(RuntimeError):
    """The integer program reached its time limit before it could answer: nothing inexact is ever published.

    A time limit is the one thing that depends on the machine's speed, so reaching it stops the computation rather
    than change its course: the same files always give the same lottery, or this error.
    """


def answered(highs: highspy._Highs, what: str) -> None:
    """Raise SolverTimeLimit when the integer program's last run stopped at its time limit, before `what`."""
    if highs.getModelStatus() == highspy.HighsModelStatus.kTimeLimit:
        _, seconds = highs.getOptionValue("time_limit")
        raise SolverTimeLimit(
            f"the integer program reached its time limit of {seconds:g} s before {what}; nothing was drawn"
        )


ANSWERED = {
    highspy.HighsModelStatus.kOptimal,
    highspy.HighsModelStatus.kObjectiveTarget,
    highspy.HighsModelStatus.kTimeLimit,
}


def solver(**options: float | str) -> highspy._Highs:
    """A silent HiGHS instance; the base class, because `highspy.Highs()` prints a banner on stdout once."""
    highs = highspy._Highs()
    highs.setOptionValue("output_flag", False)
    for name, value in options.items():
        highs.setOptionValue(name, value)
    return highs


def indices(values: Sequence[int]) -> np.ndarray:
    return np.array(values, dtype=np.int32)


def _quota_rows(types: PoolTypes, quotas: Sequence[Quota]) -> list[list[int]]:
    position = {category: index for index, category in enumerate(categories(quotas))}
    return [
        [t for t, vector in enumerate(types.vectors) if vector[position[quota.category]] == quota.value]
        for quota in quotas
    ]


class PanelProgram:
    """Integer program whose solutions are the panels: counts per type summing to k, within every quota.

    Columns 0..T-1 are the counts; columns T..2T-1 are "covered" indicators, used only to find who can sit at all.
    Its LP relaxation is solved first when pricing: often integral already, and when its bound cannot beat the
    target no integer program is needed at all.
    """

    def __init__(self, types: PoolTypes, quotas: Sequence[Quota], k: int, *, time_limit: float = SECONDS) -> None:
        self.sizes = types.sizes
        count = len(self.sizes)
        self.rows = [(list(range(count)), k, k)]
        self.rows += [(members, q.min, q.max) for q, members in zip(quotas, _quota_rows(types, quotas), strict=True)]
        self.rows += [(list(group), 0, 1) for group in types.households]
        self.quota_rows = list(range(1, len(quotas) + 1))
        self.highs = solver(
            mip_rel_gap=1e-9, mip_abs_gap=1e-10, mip_heuristic_run_feasibility_jump=False, time_limit=time_limit
        )
        self.relaxed = solver(presolve="off")
        for highs in (self.highs, self.relaxed):
            for size in [*self.sizes, *[0] * count]:
                highs.addCol(0.0, 0.0, float(size), 0, indices([]), np.array([]))
            for members, low, high in self.rows:
                highs.addRow(float(low), float(high), len(members), indices(members), np.ones(len(members)))
            for t in range(count):
                highs.addRow(-INF, 0.0, 2, indices([count + t, t]), np.array([1.0, -1.0]))
            highs.changeObjectiveSense(highspy.ObjSense.kMaximize)
        self.highs.changeColsIntegrality(
            count, indices(range(count)), np.array([highspy.HighsVarType.kInteger] * count)
        )

    def _run(self, highs: highspy._Highs) -> tuple[int, ...] | None:
        """The panel the solver found (optimal, or the best so far at a target or a time limit), if any."""
        highs.run()
        if highs.getModelStatus() not in ANSWERED or highs.getInfo().primal_solution_status != 2:
            return None
        values = highs.getSolution().col_value
        panel = tuple(round(values[t]) for t in range(len(self.sizes)))
        if any(abs(values[t] - panel[t]) > 1e-7 for t in range(len(self.sizes))) or not self._valid(panel):
            return None
        return panel

    def _valid(self, panel: tuple[int, ...]) -> bool:
        return all(low <= sum(panel[t] for t in members) <= high for members, low, high in self.rows)

    def best(self, weights: Sequence[float], beat: float = -INF) -> tuple[int, ...] | None:
        """The panel with the largest sum of weights per seat if that sum exceeds `beat`, else None."""
        count, costs = len(self.sizes), np.array(weights, dtype=float)
        self.relaxed.changeColsCost(count, indices(range(count)), costs)
        self.relaxed.run()
        if self.relaxed.getModelStatus() != highspy.HighsModelStatus.kOptimal:
            return None
        if self.relaxed.getInfo().objective_function_value <= beat:
            return None
        panel = self._run(self.relaxed) or self._dive(beat)
        if panel is None:
            self.highs.changeColsCost(count, indices(range(count)), costs)
            self.highs.setOptionValue("objective_target", beat)
            panel = self._run(self.highs)
            self.highs.setOptionValue("objective_target", -INF)
            if panel is None or self._weight(weights, panel) <= beat:
                self._answered("it proved that no panel does better than the lottery found so far")
        if panel is None or self._weight(weights, panel) <= beat:
            return None
        return panel

    @staticmethod
    def _weight(weights: Sequence[float], panel: tuple[int, ...]) -> float:
        return sum(w * c for w, c in zip(weights, panel, strict=True))

    def _dive(self, beat: float, steps: int = 12) -> tuple[int, ...] | None:
        """Round the LP relaxation one variable at a time (the least fractional first), re-solving in between: a
        cheap way to an integral panel that beats `beat`; None sends the caller to the integer program."""
        fixed: list[int] = []
        try:
            for _ in range(steps):
                values = self.relaxed.getSolution().col_value
                gaps = [(abs(values[t] - round(values[t])), t) for t in range(len(self.sizes))]
                gaps = [(gap, t) for gap, t in gaps if gap > 1e-7]
                if not gaps:
                    return self._run(self.relaxed)
                _, t = min(gaps)
                fixed.append(t)
                self.relaxed.changeColBounds(t, float(round(values[t])), float(round(values[t])))
                self.relaxed.run()
                if self.relaxed.getModelStatus() != highspy.HighsModelStatus.kOptimal:
                    return None
                if self.relaxed.getInfo().objective_function_value <= beat:
                    return None
            return None
        finally:
            for t in fixed:
                self.relaxed.changeColBounds(t, 0.0, float(self.sizes[t]))

    def cover(self) -> tuple[list[tuple[int, ...]], set[int]] | None:
        """Panels that together seat every type that can sit at all, and the types that cannot; None if no panel."""
        count = len(self.sizes)
        covers = indices(range(count, 2 * count))
        self.highs.changeColsCost(count, covers, np.ones(count))
        self.highs.changeColsCost(count, indices(range(count)), np.zeros(count))
        uncovered, panels = set(range(count)), []
        try:
            while uncovered:
                upper = np.array([1.0 if t in uncovered else 0.0 for t in range(count)])
                self.highs.changeColsBounds(count, covers, np.zeros(count), upper)
                panel = self._run(self.highs)
                self._answered("it found who can sit on a panel")
                if panel is None:
                    return None
                seated = {t for t in uncovered if panel[t] > 0}
                if not seated:
                    break
                panels.append(panel)
                uncovered -= seated
        finally:
            self.highs.changeColsBounds(count, covers, np.zeros(count), np.zeros(count))
            self.highs.changeColsCost(count, covers, np.zeros(count))
        return panels, uncovered

    def feasible(self) -> bool:
        """Whether some panel meets the rows as they stand now (the conflict search moves their bounds)."""
        self.highs.run()
        if self.highs.getInfo().primal_solution_status == 2:
            return True
        self._answered("it found whether any panel meets the quotas")
        return False

    def _answered(self, what: str) -> None:
        answered(self.highs, what)


@dataclass(frozen=True)
class Bound:
    """One side of a quota: "at least min" or "at most max"."""

    quota: Quota
    side: str  # "min" or "max"

    def describe(self) -> str:
        where = f" (line {self.quota.line})" if self.quota.line is not None else ""
        amount = f"at least {self.quota.min}" if self.side == "min" else f"at most {self.quota.max}"
        return f"{self.quota.category} {self.quota.value!r} {amount}{where}"


@dataclass(frozen=True)
class Feasibility:
    """Whether some panel meets the quotas; if not, a smallest set of quota bounds that conflict, and the nearest
    feasible quotas (smallest total change of the bounds; None when even dropping every quota would not help)."""

    feasible: bool
    conflict: tuple[Bound, ...] = ()
    relaxation: tuple[Quota, ...] | None = None  # every quota, with its relaxed bounds
    message: str = ""


class InfeasibleQuotas(SortitionInputError):
    def __init__(self, feasibility: Feasibility) -> None:
        super().__init__(feasibility.message, source="quotas")
        self.feasibility = feasibility


def _conflict(program: PanelProgram, quotas: Sequence[Quota]) -> tuple[Bound, ...]:
    """Deletion filter: drop each bound in turn and keep it dropped while the rest stays infeasible."""
    kept = [Bound(quota, side) for quota in quotas for side in ("min", "max")]
    highs, count = program.highs, len(program.sizes)
    highs.changeColsCost(count, indices(range(count)), np.zeros(count))
    rows = dict(zip(quotas, program.quota_rows, strict=True))

    def apply(bounds: list[Bound]) -> None:
        for quota, row in rows.items():
            sides = {bound.side for bound in bounds if bound.quota == quota}
            highs.changeRowBounds(row, quota.min if "min" in sides else -INF, quota.max if "max" in sides else INF)

    for bound in list(kept):
        trial = [other for other in kept if other != bound]
        apply(trial)
        if not program.feasible():
            kept = trial
    apply([Bound(quota, side) for quota in quotas for side in ("min", "max")])
    return tuple(kept)


def _relaxation(types: PoolTypes, quotas: Sequence[Quota], k: int) -> tuple[Quota, ...] | None:
    """The quotas moved as little as possible (sum of changes to min and max) so that some panel exists."""
    count, rows = len(types.sizes), _quota_rows(types, quotas)
    highs = solver(mip_rel_gap=0.0)
    for size in types.sizes:
        highs.addCol(0.0, 0.0, float(size), 0, indices([]), np.array([]))
    highs.changeColsIntegrality(count, indices(range(count)), np.array([highspy.HighsVarType.kInteger] * count))
    highs.addRow(float(k), float(k), count, indices(range(count)), np.ones(count))
    for group in types.households:
        highs.addRow(-INF, 1.0, len(group), indices(group), np.ones(len(group)))
    for quota, members in zip(quotas, rows, strict=True):
        below, above = highs.getNumCol(), highs.getNumCol() + 1
        highs.addCol(1.0, 0.0, float(quota.min), 0, indices([]), np.array([]))
        highs.addCol(1.0, 0.0, INF, 0, indices([]), np.array([]))
        entries = [*members, below, above]
        highs.addRow(
            float(quota.min),
            float(quota.max),
            len(entries),
            indices(entries),
            np.array([1.0] * len(members) + [1.0, -1.0]),
        )
    highs.run()
    if highs.getModelStatus() != highspy.HighsModelStatus.kOptimal:
        return None
    values = highs.getSolution().col_value
    relaxed = []
    for index, quota in enumerate(quotas):
        lower, upper = round(values[count + 2 * index]), round(values[count + 2 * index + 1])
        relaxed.append(Quota(quota.category, quota.value, quota.min - lower, quota.max + upper, quota.line))
    return tuple(relaxed)


def _explain(
    types: PoolTypes, quotas: Sequence[Quota], k: int, conflict: tuple[Bound, ...], relaxation: tuple[Quota, ...] | None
) -> str:
    names = "; ".join(bound.describe() for bound in conflict) or "no quota (the households alone)"
    text = f"no panel of {k} people meets the quotas; these bounds conflict: {names}"
    sides = {bound.side for bound in conflict}
    if len(conflict) == 1 and sides == {"min"}:
        have = sum(len(types.members[t]) for t in _quota_rows(types, quotas)[list(quotas).index(conflict[0].quota)])
        text += f" (only {have} {'person in the pool has' if have == 1 else 'people in the pool have'} it)"
    elif len({bound.quota.category for bound in conflict}) == 1 and len(sides) == 1 and len(conflict) > 1:
        if sides == {"min"}:
            text += f" (the minimums add up to {sum(b.quota.min for b in conflict)}, more than {k})"
        else:
            text += f" (the maximums add up to {sum(b.quota.max for b in conflict)}, less than {k})"
    if relaxation is None:
        return text + f"; even without quotas no panel of {k} exists (at most one person per household)"
    changes = [
        f"{new.category} {new.value!r} {old.min}..{old.max} -> {new.min}..{new.max}"
        + (f" (line {old.line})" if old.line is not None else "")
        for old, new in zip(quotas, relaxation, strict=True)
        if (old.min, old.max) != (new.min, new.max)
    ]
    return text + f"; nearest feasible quotas (smallest total change): {'; '.join(changes)}"


def check_feasibility(
    people: Sequence[Person], quotas: Sequence[Quota], k: int, *, households: bool = False
) -> Feasibility:
    """Say whether some panel meets the quotas, and if not which bounds conflict and how to relax them."""
    check_instance(people, quotas, k)
    types = group_types(people, quotas, households=households)
    program = PanelProgram(types, quotas, k)
    if program.feasible():
        return Feasibility(True)
    conflict = _conflict(program, quotas)
    relaxation = _relaxation(types, quotas, k)
    return Feasibility(False, conflict, relaxation, _explain(types, quotas, k, conflict, relaxation))
