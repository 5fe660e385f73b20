"""The panels' linear relaxation: counts per type between 0 and the type's size that need not be whole numbers.

A panel is a whole point of this polytope (its rows: k seats, every quota, at most one per household). Whatever the
relaxation cannot give a type, no lottery over panels can, so its LEXIMIN, computed with a few linear programs and no
integer program, bounds every level from above. When that point is also a lottery over panels
(`decomposition.decompose` finds one), it is the LEXIMIN over panels as well: a lottery that is LEXIMIN among more
lotteries is LEXIMIN among fewer.
"""

from collections.abc import Sequence

import highspy
import numpy as np

from samen.algorithms.sortition.feasibility import INF, indices, solver

FIX = 1e-9  # a type whose dual weight exceeds this cannot rise above the level's value
SLACK = 1e-9  # fixed types may lose this much of their value when the next level's LP is in numerical trouble


def _groups(count: int, rows: Sequence[tuple[Sequence[int], int, int]]) -> np.ndarray:
    """The rows split into groups of rows that share no type (the seats; each category; the households), as an
    array groups x types: the row of each type in each group, or len(rows) where the group has none of its rows."""
    groups: list[np.ndarray] = []
    for r, (members, _, _) in enumerate(rows):
        group = next((group for group in groups if np.all(group[members] == len(rows))), None)
        if group is None:
            group = np.full(count, len(rows), dtype=np.int64)
            groups.append(group)
        group[members] = r
    return np.array(groups, dtype=np.int64).reshape(len(groups), count)


class Relaxation:
    """Rows over counts per type, each between a low and a high bound; the counts between 0 and the types' sizes.

    The incidence is kept as two arrays (the row and the type of each entry), so that the rows' activities are one
    `np.bincount`, never a matrix product (which would start BLAS threads on a busy machine), and as groups of rows
    that share no type (`groups`), so that a local search sees at once which rows two people have in common.
    """

    def __init__(self, sizes: Sequence[int], rows: Sequence[tuple[Sequence[int], int, int]]) -> None:
        self.sizes = np.array(sizes, dtype=float)
        self.rows = [(list(members), low, high) for members, low, high in rows]
        self.low = np.array([low for _, low, _ in rows], dtype=float)
        self.high = np.array([high for _, _, high in rows], dtype=float)
        self.entry_row = np.repeat(np.arange(len(rows)), [len(members) for members, _, _ in rows])
        self.entry_type = np.array([t for members, _, _ in rows for t in members], dtype=np.int64)
        self.groups = _groups(len(sizes), self.rows)

    @property
    def types(self) -> int:
        return len(self.sizes)

    def activity(self, counts: np.ndarray) -> np.ndarray:
        """Each row's sum of the counts of its types."""
        return np.bincount(self.entry_row, counts[self.entry_type], minlength=len(self.rows))

    def leximin(self) -> np.ndarray | None:
        """The counts per type of the relaxation's LEXIMIN point, or None when no point meets the rows.

        Level by level: the largest z that every type not yet fixed reaches as a share of its size; the types whose
        row has a positive dual weight cannot exceed z (complementary slackness) and are fixed there.
        """
        count, rows = self.types, len(self.rows)
        highs = solver(primal_feasibility_tolerance=1e-10, dual_feasibility_tolerance=1e-10, presolve="off")
        for size in self.sizes:
            highs.addCol(0.0, 0.0, float(size), 0, indices([]), np.array([]))
        level = count
        highs.addCol(1.0, 0.0, 1.0, 0, indices([]), np.array([]))
        for members, low, high in self.rows:
            highs.addRow(float(low), float(high), len(members), indices(members), np.ones(len(members)))
        for t, size in enumerate(self.sizes):  # count / size - z >= 0
            highs.addRow(0.0, INF, 2, indices([t, level]), np.array([1.0 / size, -1.0]))
        highs.changeObjectiveSense(highspy.ObjSense.kMaximize)
        unfixed, fixed = set(range(count)), {}
        while True:
            highs.run()
            if highs.getModelStatus() != highspy.HighsModelStatus.kOptimal and fixed:
                for t, value in fixed.items():  # numerical trouble: give the fixed levels a little room, once
                    highs.changeRowBounds(rows + t, value - SLACK, INF)
                highs.run()
            if highs.getModelStatus() != highspy.HighsModelStatus.kOptimal:
                if not fixed:
                    return None
                status = highs.modelStatusToString(highs.getModelStatus())
                raise ArithmeticError(f"the relaxation's LEXIMIN LP ended with {status}")
            solution = highs.getSolution()
            if not unfixed:
                return np.clip(np.array(solution.col_value[:count]), 0.0, self.sizes)
            value = solution.col_value[level]
            weight = {t: -solution.row_dual[rows + t] for t in unfixed}
            stuck = {t for t in unfixed if weight[t] > FIX} or {max(unfixed, key=lambda t: (weight[t], -t))}
            for t in sorted(stuck):
                highs.changeCoeff(rows + t, level, 0.0)
                highs.changeRowBounds(rows + t, value, INF)
                fixed[t] = value
            unfixed -= stuck
