"""A lottery over panels whose expected counts per type are a given point, found by walking across faces.

The walk (Carathéodory's theorem, made constructive): from the point p, on the smallest face of the relaxation that
holds it, take a panel v on that face and go on from p away from v as far as the relaxation allows,
p' = p + a (p - v). The step stops on a bound that p did not meet, so p' lies on a smaller face, and
p = (p' + a v) / (1 + a) shares p's weight between v and p'. After at most as many steps as the face has dimensions,
the point is a panel. The walk prefers panels whose rows differ from p's by less than one seat, so that steps end on
counts rather than on rows, which keeps the faces easy to find panels on.

A step can leave the panels' hull (p' in the relaxation, but no lottery over panels): the walk then meets a face with
no panel on it. It steps back to an earlier point and writes that one as a lottery by column generation over the
counts its face leaves free (`finish`), further back when that fails; from the start, a failure proves that the
target is no lottery over panels at all.
"""

from dataclasses import dataclass, field

import highspy
import numpy as np

from samen.algorithms.sortition.faces import TIGHT, Face, FaceProgram, PanelSearch, whole
from samen.algorithms.sortition.feasibility import INF, SECONDS, indices, solver
from samen.algorithms.sortition.relaxation import Relaxation

GAP = 1e-9  # a panel must beat the master's bound by this much to join it
BACK = (64, 256)  # how far the walk steps back for `finish`, one after the other; then from the start
BUDGET = 10  # integer programs one `finish` may call before the walk steps further back (from the start: no limit)
MARGINS = (0,)
ROUNDS = 10_000  # column generation rounds of one `finish` before it gives up

Lottery = list[tuple[float, tuple[int, ...]]]


@dataclass
class Decomposition:
    """The lottery when one was found, else None; and every panel met on the way (to seed a slower method)."""

    lottery: Lottery | None
    panels: list[tuple[int, ...]] = field(default_factory=list)


def _panel(counts: np.ndarray) -> tuple[int, ...]:
    return tuple(int(count) for count in np.round(counts))


class _Walk:
    """The walk's state: the point and its remaining weight, which rows and counts are held on a bound and since which
    step, the panels taken with their weights, and the points of the start and of the last steps (to step back to)."""

    def __init__(self, relaxation: Relaxation, target: np.ndarray, search: PanelSearch) -> None:
        self.relaxation, self.search = relaxation, search
        sizes, low, high = relaxation.sizes, relaxation.low, relaxation.high
        activity = relaxation.activity(target)
        self.row_side = np.where(np.abs(activity - low) <= TIGHT, -1, np.where(np.abs(activity - high) <= TIGHT, 1, 0))
        self.col_side = np.where(target <= TIGHT, -1, np.where(target >= sizes - TIGHT, 1, 0))
        self.row_since = np.zeros(len(relaxation.rows), dtype=np.int64)
        self.col_since = np.zeros(relaxation.types, dtype=np.int64)
        self.point = self._held(target)
        self.weight = 1.0
        self.taken: Lottery = []
        self.points: dict[int, tuple[np.ndarray, float]] = {}

    def face(self, step: int) -> Face:
        """The face the point was on at `step`: the bounds held by then."""
        relaxation = self.relaxation
        rows = (self.row_side != 0) & (self.row_since <= step)
        row_value = np.where(self.row_side == -1, relaxation.low, relaxation.high)
        cols = (self.col_side != 0) & (self.col_since <= step)
        col_value = np.where(self.col_side == -1, 0.0, relaxation.sizes)
        return Face(
            np.where(rows, row_value, relaxation.low),
            np.where(rows, row_value, relaxation.high),
            np.where(cols, col_value, 0.0),
            np.where(cols, col_value, relaxation.sizes),
        )

    def run(self) -> bool:
        """Walk until the point is a panel (True) or its face holds no panel (False)."""
        near = None
        while True:
            step = len(self.taken)
            self.points[step] = (self.point, self.weight)
            if step - BACK[-1] - 1 > 0:
                self.points.pop(step - BACK[-1] - 1, None)
            if whole(self.point):
                self.taken.append((self.weight, _panel(self.point)))
                return True
            face = self.face(step)
            found = None
            for margin in MARGINS:
                found = self.search.find(self._rounding(face, margin), near, hard=False)
                if found is not None:
                    break
            near = self.search.find(face, near) if found is None else found
            if near is None or not face.holds(self.relaxation, near):
                return False
            self._step(near, step)

    def _rounding(self, face: Face, margin: int) -> Face:
        """The face with each row's bounds narrowed to the whole numbers next to the point's activity."""
        activity = self.relaxation.activity(self.point)
        low = np.maximum(face.row_low, np.floor(activity + TIGHT) - margin)
        high = np.minimum(face.row_high, np.ceil(activity - TIGHT) + margin)
        return Face(low, np.maximum(low, high), face.col_low, face.col_high)

    def _step(self, panel: np.ndarray, step: int) -> None:
        """Go on from the point away from the panel up to the first bound, which is held from then on."""
        relaxation, point, sizes = self.relaxation, self.point, self.relaxation.sizes
        direction = point - panel
        activity, change = relaxation.activity(point), relaxation.activity(direction)
        with np.errstate(divide="ignore", invalid="ignore"):
            row_room = np.where(
                change > 1e-12,
                np.maximum(relaxation.high - activity, 0) / change,
                np.where(change < -1e-12, np.minimum(relaxation.low - activity, 0) / change, INF),
            )
            col_room = np.where(
                direction > 1e-12, (sizes - point) / direction, np.where(direction < -1e-12, -point / direction, INF)
            )
        row_room[self.row_side != 0] = INF
        col_room[self.col_side != 0] = INF
        length = min(row_room.min(), col_room.min())
        self.taken.append((self.weight * length / (1 + length), _panel(panel)))
        self.weight /= 1 + length
        reached = row_room <= length + 1e-15
        self.row_side[reached] = np.where(change[reached] > 0, 1, -1)
        self.row_since[reached] = step + 1
        reached = col_room <= length + 1e-15
        self.col_side[reached] = np.where(direction[reached] > 0, 1, -1)
        self.col_since[reached] = step + 1
        self.point = self._held(point + length * direction)

    def _held(self, point: np.ndarray) -> np.ndarray:
        """The point with its held counts exactly on their bounds."""
        sizes = self.relaxation.sizes
        return np.clip(np.where(self.col_side == -1, 0.0, np.where(self.col_side == 1, sizes, point)), 0, sizes)


def decompose(relaxation: Relaxation, target: np.ndarray, *, time_limit: float = SECONDS) -> Decomposition:
    """A lottery over panels whose expected counts are `target` (within the LP tolerance), if one is found; the
    search is seeded, so the same target gives the same lottery. An integer program that reaches `time_limit`
    seconds raises SolverTimeLimit."""
    search = PanelSearch(relaxation, np.random.default_rng(0), time_limit)
    walk = _Walk(relaxation, target, search)
    if walk.run():
        return Decomposition(walk.taken, [panel for _, panel in walk.taken])
    last, seen = len(walk.taken), {panel: None for _, panel in walk.taken}
    for start in [last - back for back in BACK if last - back > 0] + [0]:
        point, weight = walk.points[start]
        face = walk.face(start)
        seeds = [panel for panel in seen if face.holds(relaxation, np.array(panel, dtype=float))]
        found = finish(FaceProgram(search, face), point, seeds, seen, budget=BUDGET if start else None)
        if found is not None:
            return Decomposition(walk.taken[:start] + [(weight * share, panel) for share, panel in found], list(seen))
    return Decomposition(None, list(seen))


def finish(
    program: FaceProgram, point: np.ndarray, seeds: list[tuple[int, ...]], seen: dict, *, budget: int | None
) -> Lottery | None:
    """Weights on panels of the face whose expected counts are `point`, by column generation; None when that is
    proven impossible, or when the pricing needed more than `budget` integer programs. Every panel found joins
    `seen`.

    The master LP maximises t such that the lottery gives every free count at least t times the point's (the
    panels' free counts add up to the point's, so t = 1 is the lottery sought); its duals weigh the counts, and a
    panel of the face that weighs more than the master's bound joins it. When none does, t < 1 is optimal.
    """
    free, rows = program.free, len(program.free)
    highs = solver(
        primal_feasibility_tolerance=1e-10, dual_feasibility_tolerance=1e-10, presolve="off", simplex_strategy=4
    )
    lower, upper = np.append(np.zeros(rows), -INF), np.append(np.full(rows, INF), 1.0)  # the weights add up to 1
    highs.addRows(rows + 1, lower, upper, 0, indices([]), indices([]), np.array([]))
    highs.addCol(1.0, 0.0, 1.0, rows, indices(range(rows)), -point[free])
    highs.changeObjectiveSense(highspy.ObjSense.kMaximize)
    panels: list[tuple[int, ...]] = []

    def add(panel: tuple[int, ...]) -> None:
        counts = np.array(panel, dtype=float)[free]
        used = np.flatnonzero(counts)
        highs.addCol(0.0, 0.0, INF, len(used) + 1, indices([*used, rows]), np.append(counts[used], 1.0))
        panels.append(panel)
        seen.setdefault(panel, None)

    for panel in dict.fromkeys(seeds):
        add(panel)
    for _ in range(ROUNDS):
        highs.run()
        if highs.getModelStatus() != highspy.HighsModelStatus.kOptimal:
            return None
        solution = highs.getSolution()
        if solution.col_value[0] >= 1 - GAP:
            return [(share, panel) for share, panel in zip(solution.col_value[1:], panels, strict=True) if share > 0]
        if budget is not None and program.integer_programs >= budget:
            return None
        better = program.better(-np.array(solution.row_dual[:rows]), solution.row_dual[rows] + GAP)
        fresh = [panel for panel in dict.fromkeys(map(_panel, better or [])) if panel not in set(panels)]
        if not fresh:
            return None
        for panel in fresh:
            add(panel)
    return None
