"""Faces of the relaxation, and panels on them: some rows held at one bound, some counts held at 0 or at the size.

`PanelSearch.find` looks for a panel on a face: first a local search that moves a nearby panel onto the face by
adding, removing and swapping people (no solver), then a vertex of the face's linear program, rounded and moved the
same way, and last the integer program. `FaceProgram` is the linear and integer program of one face over the counts
it leaves free, for the pricing of `decomposition.finish`: the best panel of the face for given weights.
"""

from dataclasses import dataclass

import highspy
import numpy as np

from samen.algorithms.sortition.feasibility import INF, answered, indices, solver
from samen.algorithms.sortition.relaxation import Relaxation

WHOLE = 1e-7  # a count this close to a whole number is that number
TIGHT = 1e-9  # a count or row this close to a bound is on it
MOVES = 20  # moves of the local search before it gives up
VERTICES = 2  # vertices of the face tried before the integer program
NODES = 10_000  # branch-and-bound nodes an integer program may use: past them, the search has found nothing (the
# solvers need 1 to 5 on the generated pools); a limit in work, not in time, so that the result never depends on
# the machine's speed


@dataclass
class Face:
    """Bounds of the rows and of the counts; a row (or count) held on the face has equal bounds."""

    row_low: np.ndarray
    row_high: np.ndarray
    col_low: np.ndarray
    col_high: np.ndarray

    def free(self) -> np.ndarray:
        return np.flatnonzero(self.col_low < self.col_high)

    def holds(self, relaxation: Relaxation, counts: np.ndarray) -> bool:
        activity = relaxation.activity(counts)
        return bool(
            np.all(counts >= self.col_low)
            and np.all(counts <= self.col_high)
            and np.all(activity >= self.row_low - TIGHT)
            and np.all(activity <= self.row_high + TIGHT)
        )


def whole(counts: np.ndarray) -> bool:
    return bool(np.all(np.abs(counts - np.round(counts)) <= WHOLE))


def _program(relaxation: Relaxation, face: Face, free: np.ndarray, **options: float | str | bool) -> highspy._Highs:
    """A HiGHS model over the face's free counts (maximising); the held counts are constants in the row bounds."""
    held = face.col_low.copy()
    held[free] = 0.0
    fixed = relaxation.activity(held)
    position = {int(t): c for c, t in enumerate(free)}
    highs = solver(**options)
    for t in free:
        highs.addCol(0.0, float(face.col_low[t]), float(face.col_high[t]), 0, indices([]), np.array([]))
    for r, (members, _, _) in enumerate(relaxation.rows):
        columns = [position[t] for t in members if t in position]
        low, high = face.row_low[r] - fixed[r], face.row_high[r] - fixed[r]
        highs.addRow(float(low), float(high), len(columns), indices(columns), np.ones(len(columns)))
    highs.changeObjectiveSense(highspy.ObjSense.kMaximize)
    return highs


def _integral(highs: highspy._Highs) -> None:
    count = highs.getNumCol()
    highs.changeColsIntegrality(count, indices(range(count)), np.array([highspy.HighsVarType.kInteger] * count))


class PanelSearch:
    """Panels on faces of one relaxation; the search order depends on `rng`, so a seeded rng repeats it exactly."""

    def __init__(self, relaxation: Relaxation, rng: np.random.Generator, time_limit: float) -> None:
        self.relaxation, self.rng, self.time_limit = relaxation, rng, time_limit
        everything = Face(relaxation.low, relaxation.high, np.zeros(relaxation.types), relaxation.sizes)
        every = np.arange(relaxation.types)
        self.lp = _program(relaxation, everything, every, presolve="off")
        self.mip = _program(relaxation, everything, every, mip_rel_gap=INF, mip_max_nodes=NODES, time_limit=time_limit)
        _integral(self.mip)

    def find(self, face: Face, near: np.ndarray | None, *, hard: bool = True) -> np.ndarray | None:
        """A panel on the face, preferably close to `near`; None when none was found (or none exists). The integer
        program is the last resort, and only if `hard`."""
        if near is not None and (moved := self.move(face, near)) is not None:
            return moved
        count = self.relaxation.types
        self._bound(self.lp, face)
        for attempt in range(VERTICES):
            objective = self.rng.random(count) + (count * near if near is not None and attempt == 0 else 0.0)
            vertex = self._solve(self.lp, objective)
            if vertex is None:
                return None  # the face is empty
            panel = np.round(vertex) if whole(vertex) else self.move(face, np.round(vertex))
            if panel is not None and face.holds(self.relaxation, panel):
                return panel
        if not hard:
            return None
        self._bound(self.mip, face)
        panel = self._solve(self.mip, self.rng.random(count))
        answered(self.mip, "it found a panel on a face of the walk")
        return None if panel is None else np.round(panel)

    def move(self, face: Face, start: np.ndarray) -> np.ndarray | None:
        """Local search from `start` to a panel on the face: each move (add one person, remove one, or swap one for
        another) lowers the rows' total excess most; ties go to the rng's order. None if it stalls."""
        relaxation = self.relaxation
        groups = relaxation.groups  # the row of each type in each group, or the padding row one past the end
        low, high = np.append(face.row_low, -INF), np.append(face.row_high, INF)
        counts = np.clip(start, face.col_low, face.col_high)
        activity = np.append(relaxation.activity(counts), 0.0)
        noise = 1e-3 * self.rng.random(relaxation.types)
        for _ in range(MOVES):
            excess = np.maximum(low - activity, 0) + np.maximum(activity - high, 0)
            if not excess.any():
                return counts
            # how each row's excess changes with one more, or one fewer, of its people seated
            up = np.maximum(low - activity - 1, 0) + np.maximum(activity + 1 - high, 0) - excess
            down = np.maximum(low - activity + 1, 0) + np.maximum(activity - 1 - high, 0) - excess
            addable, seated = counts < face.col_high, counts > face.col_low
            add = np.where(addable, up[groups].sum(axis=0) + noise, INF)
            remove = np.where(seated, down[groups].sum(axis=0) + noise, INF)
            moves = [(add.min(), None, int(add.argmin())), (remove.min(), int(remove.argmin()), None)]
            # a swap that lowers the excess lowers it in a row short of people (and seats someone of that row) or in
            # a row with too many (and unseats someone of it): only those pairs are worth weighing
            short = (activity < low)[groups].any(axis=0)
            crowded = (activity > high)[groups].any(axis=0)
            for out, into in (
                (np.flatnonzero(seated), np.flatnonzero(addable & short)),
                (np.flatnonzero(seated & crowded), np.flatnonzero(addable)),
            ):
                if len(out) and len(into):
                    swap = self._swaps(out, into, remove, add, up + down)
                    a, b = np.unravel_index(int(swap.argmin()), swap.shape)
                    moves.append((swap[a, b], int(out[a]), int(into[b])))
            value, out, into = min(moves, key=lambda move: move[0])
            if value >= -0.5:  # the excess changes by whole numbers; the noise only breaks ties
                return None
            if out is not None:
                counts[out] -= 1
                activity[groups[:, out]] -= 1
            if into is not None:
                counts[into] += 1
                activity[groups[:, into]] += 1
        return None

    def _swaps(
        self, out: np.ndarray, into: np.ndarray, remove: np.ndarray, add: np.ndarray, both: np.ndarray
    ) -> np.ndarray:
        """The change of the rows' excess for each swap out -> into: a row holding both people does not change, so
        its two terms (`both`) are taken back; swapping someone for themselves is no move."""
        swap = remove[out][:, None] + add[into][None, :]
        for rows in self.relaxation.groups:
            if both[rows[out]].any():
                swap -= np.where(rows[into][None, :] == rows[out][:, None], both[rows[out]][:, None], 0.0)
        swap[out[:, None] == into[None, :]] = INF
        return swap

    def _bound(self, highs: highspy._Highs, face: Face) -> None:
        rows, count = len(face.row_low), len(face.col_low)
        highs.changeRowsBounds(rows, indices(range(rows)), face.row_low, face.row_high)
        highs.changeColsBounds(count, indices(range(count)), face.col_low, face.col_high)

    def _solve(self, highs: highspy._Highs, objective: np.ndarray) -> np.ndarray | None:
        count = len(objective)
        highs.changeColsCost(count, indices(range(count)), objective)
        highs.run()
        if highs.getInfo().primal_solution_status != 2:  # no feasible point
            return None
        return np.array(highs.getSolution().col_value)


class FaceProgram:
    """The panels of one face that weigh most, for weights on its free counts (the pricing of column generation)."""

    def __init__(self, search: PanelSearch, face: Face) -> None:
        self.search, self.face = search, face
        self.free = face.free()
        self.lp = _program(search.relaxation, face, self.free, presolve="off")
        self.mip = _program(
            search.relaxation,
            face,
            self.free,
            mip_rel_gap=1e-9,
            mip_max_nodes=NODES,
            mip_improving_solution_save=True,
            time_limit=search.time_limit,
        )
        _integral(self.mip)
        self.integer_programs = 0

    def better(self, weights: np.ndarray, beat: float) -> list[np.ndarray] | None:
        """Panels of the face whose free counts, weighed, exceed `beat`; [] is a proof that there are none, None says
        the integer program reached its node limit without an answer. The linear program's bound first (often a
        proof already), then its vertex (whole, or moved onto the face by the local search), then a rounding dive,
        and last the integer program, whose improving solutions all join."""
        count = len(self.free)
        self.lp.changeColsCost(count, indices(range(count)), weights)
        self.lp.run()
        if self.lp.getModelStatus() != highspy.HighsModelStatus.kOptimal:
            return []  # an empty face
        if self.lp.getInfo().objective_function_value <= beat:
            return []
        values = np.array(self.lp.getSolution().col_value)
        vertex = self._counts(values)
        panel = vertex if self.face.holds(self.search.relaxation, vertex) else self.search.move(self.face, vertex)
        if panel is not None and float((weights * panel[self.free]).sum()) > beat:
            return [panel]
        if (dived := self._dive(values, beat)) is not None:
            return [dived]
        self.integer_programs += 1
        self.mip.changeColsCost(count, indices(range(count)), weights)
        self.mip.run()
        answered(self.mip, "it found the best panel of a face")
        found = [self._counts(np.array(solution.col_value)) for solution in self.mip.getSavedMipSolutions()]
        found = [panel for panel in found if float((weights * panel[self.free]).sum()) > beat]
        status = self.mip.getModelStatus()
        if found or status in (highspy.HighsModelStatus.kOptimal, highspy.HighsModelStatus.kInfeasible):
            return found
        return None

    def _dive(self, values: np.ndarray, beat: float) -> np.ndarray | None:
        """Round the linear program's solution one count at a time, the least fractional first, solving again in
        between, while its bound still beats `beat`: a panel that does, or None."""
        fixed: list[int] = []
        try:
            while True:
                fraction = np.abs(values - np.round(values))
                if fraction.max() <= WHOLE:
                    counts = self._counts(values)
                    return counts if self.face.holds(self.search.relaxation, counts) else None
                c = int(np.where(fraction > WHOLE, fraction, INF).argmin())
                fixed.append(c)
                self.lp.changeColBounds(c, float(np.round(values[c])), float(np.round(values[c])))
                self.lp.run()
                if self.lp.getModelStatus() != highspy.HighsModelStatus.kOptimal:
                    return None
                if self.lp.getInfo().objective_function_value <= beat:
                    return None
                values = np.array(self.lp.getSolution().col_value)
        finally:
            for c in fixed:
                t = self.free[c]
                self.lp.changeColBounds(c, float(self.face.col_low[t]), float(self.face.col_high[t]))

    def _counts(self, values: np.ndarray) -> np.ndarray:
        counts = self.face.col_low.copy()
        counts[self.free] = np.round(values)
        return counts
