"""Equal Shares in numpy, for city-wide elections whose projects have hundreds of supporter groups.

The groups are those of `pricing.classes` (`tables.Groups`): a project's supporters' distinct ballots, masked to
the funded projects, sorted, equal rows together. A price is computed as `pricing.price` computes it with floats,
with the same error bounds: each group's spent money is a sum of its funded projects' prices (added up over the
bytes of its pattern, from a table of the sums for each byte's 8 projects: a sum of non-negative terms has the same
error bound in any order), the groups are sorted by budget, what the groups below a candidate split pay is a
running sum in that order (np.cumsum is sequential, like itertools.accumulate), and the split is read from the same
test for every candidate at once; `bounds.bounded` then proves it, or raises `Uncertain`.
"""

from collections import Counter

import numpy as np

from samen.algorithms.budgets.bounds import EPS, Uncertain, bounded
from samen.algorithms.budgets.tables import Groups, Spent, Tables

WORD = np.dtype("<u8")  # 64 projects of a ballot, the first in the lowest bit (as int.to_bytes(..., "little"))
BITS = np.unpackbits(np.arange(256, dtype=np.uint8)[:, None], axis=1, bitorder="little").astype(np.float64)


def vector_classes(tables: Tables, project: int, funded: int) -> Groups:
    """`Tables.group` in numpy. The patterns (Python ints) are made only when a group is read in pure Python
    (`Tables.patterns`); the rows are kept as bytes tagged with their position (byte + 256 x position: an index
    into `_sums`)."""
    rows, counts = _ballots(tables, project)
    words = rows.shape[1]
    keys = rows & np.frombuffer(funded.to_bytes(8 * words, "little"), WORD)
    order = np.lexsort(keys.T[::-1]) if words > 1 else np.argsort(keys[:, 0], kind="stable")
    keys = keys[order]
    new = np.ones(len(keys), bool)
    new[1:] = (keys[1:] != keys[:-1]).any(axis=1)
    groups = keys[new]
    voters = np.add.reduceat(counts[order], np.flatnonzero(new))
    width = (len(tables.ids) + 7) // 8
    packed = groups.view(np.uint8).reshape(len(groups), 8 * words)[:, :width]
    tagged = packed + np.arange(0, 256 * width, 256, dtype=np.uint16)
    count = voters.astype(np.int64).tolist()
    return Groups(None, count, None, list(range(len(groups))), rows=groups, tagged=tagged, weights=voters)


def _ballots(tables: Tables, project: int) -> tuple[np.ndarray, np.ndarray]:
    """The project's supporters' distinct ballots as rows of 64-bit words, and their voters; kept in `tables`."""
    found = tables.rows.get(project)
    if found is None:
        counts = Counter(tables.masks[project])
        words = max(1, (len(tables.ids) + 63) // 64)
        raw = b"".join(mask.to_bytes(8 * words, "little") for mask in counts)
        rows = np.frombuffer(raw, WORD).reshape(len(counts), words)
        found = tables.rows[project] = (rows, np.array(list(counts.values()), np.float64))
    return found


def _sums(prices: list, width: int) -> np.ndarray:
    """For each byte position and each of the 256 bytes, the sum of the prices of the 8 projects the byte holds."""
    padded = np.zeros(8 * width)
    padded[: len(prices)] = prices
    return (padded.reshape(width, 8) @ BITS.T).ravel()


def vector_price(tables: Tables, project: int, funded: int, found: Groups, spent: Spent, t: int, error: tuple):
    """`pricing.price` with cost utilities and floats, in numpy."""
    tagged, voters = found.tagged, found.weights
    if spent.vector is None or spent.covers & funded != funded:
        spent.vector, spent.covers = _sums(spent.prices, tagged.shape[1]), funded
    budgets = t - np.take(spent.vector, tagged).sum(axis=1)
    cost = tables.costs[project]
    total = float(voters @ np.maximum(budgets, 0))
    mass, _, fresh = error
    noise = mass + tables.weight[project] * fresh  # bounds the sum over supporters of |float - exact budget|
    slack = noise + 4 * (len(budgets) + 3) * EPS * total
    if total + slack < cost:
        return None
    if total - slack < cost:
        raise Uncertain
    order = np.argsort(budgets, kind="stable")
    ratio = budgets[order]
    depleted = int(np.searchsorted(ratio, 0, side="right"))  # nothing left: they pay nothing more
    ratio[:depleted] = 0
    paying, weights = ratio[depleted:], voters[order[depleted:]]
    before = np.cumsum(np.concatenate(([0.0], weights[:-1] * paying[:-1])))  # what the groups below pay
    rest = np.cumsum(weights[::-1])[::-1]  # the voters from each group up
    enough = np.flatnonzero(before + paying * rest >= cost)
    split = int(enough[0]) if len(enough) else len(paying) - 1
    low, rich = depleted + split, int(rest[split])
    x = (cost - float(before[split])) / rich
    shape = (order[:low].tolist(), depleted, low, rich)
    return bounded(x, cost, (low, rich, tables.weight[project]), ratio, noise, error, shape)
