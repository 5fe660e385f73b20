"""The price of one project in one state of an Equal Shares run, in floats with proven error bounds or exactly.

Exactness (docs/architecture.md): a float price comes with a bound on its error, and `Uncertain` is raised where
the floats cannot prove which supporters pay all they have; the run is then redone in exact rationals. Large
elections price in numpy (vector.py): the same sums, with the same bounds.
"""

from bisect import bisect_right
from collections.abc import Callable
from fractions import Fraction
from itertools import accumulate, compress, repeat
from operator import is_, itemgetter, mul, sub

from samen.algorithms.budgets.election import Money, Tables

EPS = 2.0**-52  # twice a float's relative rounding


class Uncertain(Exception):
    """Floats cannot tell which way a comparison goes: redo the run in exact arithmetic."""


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


def price(tables: Tables, project: int, funded: int, spent: Spent, t: Money, error: tuple | None) -> tuple | None:
    """The lowest price per unit of utility at which the supporters can pay the cost: (price, error bound, error
    mass it adds, shape), or None if all they have is not enough.

    The groups are sorted by budget per utility; the price x solves sum(min(budget, x * utility)) = cost on the
    segment where the first group that can pay in full sits. With floats (`error` given) every step is bounded: the
    total error on the supporters' budgets (mass), on any one budget (drift + fresh), and each rounding.
    """
    found = tables.classes(project, funded)
    voters, utilities = found[1], found[2]
    if error is not None and utilities is None and len(voters) >= tables.vector_from:
        from samen.algorithms.budgets.vector import vector_price

        return vector_price(tables, project, funded, found, spent, t, error)
    patterns, order = tables.patterns(found), found[3]
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
    order = found[3] = sorted(order, key=ratios.__getitem__)
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


def bounded(x: float, cost: int, split: tuple, ratio, noise: float, error: tuple, shape: tuple) -> tuple:
    """The float price with its error bound, once proven to sit between the groups that pay all they have (ratio
    below `low`) and those that pay it in full; `Uncertain` where a group's budget is too close to it to tell."""
    low, rich, units = split
    _, drift, fresh = error
    rounding = (2 * low + 6) * EPS * cost + 2 * EPS * x * rich
    e = 2 * (noise + rounding) / rich + 1e-300
    if (low and ratio[low - 1] > x - e - drift - fresh) or x + e > ratio[low]:
        raise Uncertain
    return x, e, 2 * (units * fresh + rounding), shape
