"""The price of one project in one state of an Equal Shares run, in floats with proven error bounds or exactly.

Exactness (docs/architecture.md): a float price comes with a bound on its error, and `Uncertain` is raised where
the floats cannot prove which supporters pay all they have; the run is then redone in exact rationals (bounds.py).
The tables say whether to group and price in pure Python or in numpy (vector.py: the same sums, with the same
bounds; `Tables.vector_from`, from the count's `pricing` argument).
"""

from bisect import bisect_right
from fractions import Fraction
from itertools import accumulate, repeat
from operator import itemgetter, mul, sub

from samen.algorithms.budgets.bounds import EPS, Uncertain, bounded
from samen.algorithms.budgets.election import Money
from samen.algorithms.budgets.tables import Groups, Spent, Tables


def _vector():
    """vector.py, imported on first use, not at the top: numpy takes ~0.1 s to import, and only the counts that
    group and price in numpy (`Tables.vector_from`) should pay it."""
    from samen.algorithms.budgets import vector

    return vector


def classes(tables: Tables, project: int, funded: int) -> Groups:
    """A project's supporters grouped by their funded projects (`tables.Groups`), cached in `tables`: in numpy
    where the tables price in numpy (`Tables.vector_from`), else in pure Python (`Tables.group`)."""
    found = tables.cache.get((project, funded))
    if found is None:
        if tables.vector_from is None:
            found = tables.group(project, funded)
        else:
            found = _vector().vector_classes(tables, project, funded)
        tables.keep(project, funded, found)
    return found


def price(tables: Tables, project: int, funded: int, spent: Spent, t: Money, error: tuple | None) -> tuple | None:
    """The lowest price per unit of utility at which the supporters can pay the cost: (price, error bound, error
    mass it adds, shape), or None if all they have is not enough.

    The groups are sorted by budget per utility; the price x solves sum(min(budget, x * utility)) = cost on the
    segment where the first group that can pay in full sits. With floats (`error` given) every step is bounded: the
    total error on the supporters' budgets (mass), on any one budget (drift + fresh), and each rounding.
    """
    found = tables.cache.get((project, funded)) or classes(tables, project, funded)
    voters, utilities = found.voters, found.utilities
    if error is not None and utilities is None and tables.vector_from is not None and len(voters) >= tables.vector_from:
        return _vector().vector_price(tables, project, funded, found, spent, t, error)
    patterns, order = tables.patterns(found), found.order
    cost, exact = tables.costs[project], error is None
    budgets = list(map(sub, repeat(t), spent.of(patterns)))
    total = sum(map(mul, voters, map(max, budgets, repeat(0))))
    mass, _, fresh = error or (0, 0, 0)
    noise = mass + tables.weight[project] * fresh  # bounds the sum over supporters of |float - exact budget|
    slack = 0.0 if exact else noise + 4 * (len(budgets) + 3) * EPS * total
    if total + slack < cost:
        return None
    if total - slack < cost:
        raise Uncertain
    ratios = budgets if utilities is None else [b / u for b, u in zip(budgets, utilities, strict=True)]
    order = found.order = sorted(order, key=ratios.__getitem__)
    pick = itemgetter(*order) if len(order) > 1 else lambda values: (values[order[0]],)
    ratio = list(pick(ratios))
    depleted = bisect_right(ratio, 0)  # nothing left: they pay nothing more
    ratio[:depleted] = [0] * depleted
    budgets = ratio if utilities is None else [0] * depleted + list(pick(budgets))[depleted:]
    weights = pick(voters)
    paid = list(accumulate(map(mul, weights, budgets)))
    units = list(accumulate(weights if utilities is None else map(mul, weights, pick(utilities))))
    low, high = depleted, len(order) - 1
    while low < high:
        mid = (low + high) // 2
        if (paid[mid - 1] if mid else 0) + ratio[mid] * (units[-1] - (units[mid - 1] if mid else 0)) >= cost:
            high = mid
        else:
            low = mid + 1
    before, rich = (paid[low - 1], units[-1] - units[low - 1]) if low else (0, units[-1])
    x = Fraction(cost - before) / rich if exact else (cost - before) / rich
    shape = (order, depleted, low, rich)
    if exact:
        return x, 0, 0, shape
    return bounded(x, cost, (low, rich, units[-1]), ratio, noise, error, shape)
