"""The error bounds of Equal Shares' float prices (docs/architecture.md, "Participatory-budget counts are exact").

A float price comes with a proven bound on its error; where the floats cannot prove which supporters pay all they
have, `Uncertain` is raised and the run is redone in exact rationals. Shared by the pure-Python pricing
(pricing.py) and the numpy one (vector.py), which compute the same sums with the same bounds.
"""

EPS = 2.0**-52  # twice a float's relative rounding


class Uncertain(Exception):
    """Floats cannot tell which way a comparison goes: redo the run in exact arithmetic."""


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
