"""The Method of Equal Shares (Peters and Skowron), alone or completed as equalshares.net does, exactly as pabutools.

Each voter gets an equal share of the budget. Each round funds the project whose supporters can pay for it at the
lowest price per unit of utility, each paying that price times their utility or all they have left if less; ties go
to the project first in the announced order. It stops when no project's supporters can pay for it. "Add1" raises
every share by 1 (euro, zloty) and counts again until the outcome is exhaustive or overspends (then the outcome before
is kept); the greedy completion then fills what is left by votes.

Exactness (docs/architecture.md): money is in whole units (tables.py). A run computes in floats and carries proven
bounds on their error; a decision closer than its bounds is settled in exact rationals, or the run is redone in them.
Speed (docs/performance.md): prices are computed lazily from proven lower bounds (pricing.py; in numpy for large
elections or where `pricing` asks, vector.py), and Add1 runs at nearby shares share most of their work: budgets
only grow with the share, so rival bounds proven at a higher share hold below it, and the first rounds two runs
provably share are copied into the runs between them with interpolated prices.

With cost utilities the count runs in a compiled core where it was built (_mes.c, `counting_path()`): the same
decisions, proven the same way, each Add1 run from scratch at C speed; where its floats cannot prove a decision it
returns None and the pure-Python count below decides (docs/architecture.md). The pure-Python count is the
reference the tests compare the core with.
"""

import math
from array import array
from collections.abc import Sequence
from fractions import Fraction

from samen.algorithms.budgets.bounds import EPS, Uncertain
from samen.algorithms.budgets.election import COST, Election, Outcome, Round
from samen.algorithms.budgets.greedy import greedy_fill
from samen.algorithms.budgets.pricing import classes, price
from samen.algorithms.budgets.tables import Spent, Tables

try:  # the compiled count (_mes.c), built by `pip install -e .`; without it, the pure-Python count below
    from samen.algorithms.budgets import _mes
except ImportError:  # pragma: no cover - only where the C extension did not build
    _mes = None

FLOAT_LIMIT = 2**50  # beyond this, whole units are not exact floats: count in rationals
INF = math.inf


def counting_path() -> str:
    """Which code counts Equal Shares with cost utilities here: "compiled" (_mes.c) or "python"."""
    return "python" if _mes is None else "compiled"


class _Trace:
    """One run: what it funded, at what price, and what a neighbouring run needs to reuse it."""

    def __init__(self, t: int, exact: bool, spent: Spent) -> None:
        self.t, self.exact, self.cost, self.spent = t, exact, 0, spent
        self.order: list[int] = []  # the funded projects, in order
        self.prices: list = []  # their prices per unit of utility, in whole money units (floats unless exact)
        self.margins: list[float] = []  # a bound on each price's float error
        self.rho_hi: list = []  # each winner's price per unit of cost, and proven upper and lower bounds on it
        self.rho_lo: list = []
        self.shapes: list[tuple] = []  # each winner's supporters: (had nothing, paid all they had, weight of others)
        self.lower: list[list] = []  # each round: every rival's proven lower bound (INF: funded or unaffordable)
        self.info: list[dict] = []  # each round: the projects priced in that round's state, and their bounds
        self.errors: list[tuple | None] = []  # each round: the float error bounds (mass, drift, fresh)
        self.common: dict[int, int] = {}  # runs below, by share: how many first rounds all runs in between share


def _shape(shape: tuple) -> tuple:
    order, depleted, low, rich = shape if len(shape) == 4 else (None, 0, 0, 0)
    return shape if order is None else (frozenset(order[:depleted]), frozenset(order[depleted:low]), rich)


def _sure(shape: tuple) -> bool:
    """Every supporter can pay in full: the price is exactly the floor, cost / total utility."""
    return shape[2] == 0 if len(shape) == 4 else not (shape[0] or shape[1])


def _bounded(tables: Tables, project: int, found: tuple | None, exact: bool) -> tuple | None:
    """(upper bound, lower bound, project, *found) on the price per unit of cost, pabutools' "affordability"."""
    if found is None:
        return None
    rho = found[0] / tables.norm[project]
    margin = 0 if exact else found[1] / tables.norm[project] + 4 * EPS * rho
    return (rho + margin, rho - margin, project, *found)


def run(tables: Tables, t: int, exact: bool, upper: _Trace | None = None, lower: _Trace | None = None) -> _Trace:
    """One run of Equal Shares at share t (whole units), following `upper`, a run at a higher share, if given.

    The first rounds that every run between `lower` and upper has in common are taken from them (`_interpolate`).
    While this run has funded what upper funded at no lower price (`_dominated`), no voter has more money here, so
    upper's rival bounds hold here too: upper's winner is priced here, and if it beats them it wins without pricing
    the rivals. Where that fails the run goes on lazily; if upper ended, this run ends too.
    """
    exact = exact or not tables.cost_mode or t + max(tables.costs, default=0) > FLOAT_LIMIT
    prices: list = [0] * len(tables.ids)
    spent = Spent(prices, tables.members)
    trace = _Trace(t, exact, spent)
    following = upper is not None
    bounds = [INF if f is None or i in tables.free else float(f) * (1 - 4 * EPS) for i, f in enumerate(tables.floor)]
    mass, drift = (0.0, 0.0) if exact or upper is None or lower is None else _interpolate(tables, trace, lower, upper)
    funded = sum(1 << winner for winner in trace.order)
    for winner in trace.order:
        bounds[winner] = INF
    alive = {i for i, bound in enumerate(bounds) if bound < INF}
    while True:
        number = len(trace.order)
        error = None if exact else (mass, drift, 4 * (number + 2) * EPS * t)
        trace.errors.append(error)
        trace.info.append({})
        best = None
        if upper is not None and following:
            if number == len(upper.order):
                return trace
            guess, rivals = upper.order[number], upper.lower[number]
            best = _bounded(tables, guess, price(tables, guess, funded, spent, t, error), exact)
            weak = [i for i, v in enumerate(rivals) if v < best[0] or (v == best[0] and i < guess)] if best else []
            if best is None or not all(_beaten(tables, upper, number, p, best) for p in weak):
                bounds = list(map(max, bounds, rivals))  # both are proven bounds here
                bounds[guess] = INF if best is None else best[1]
                alive = {i for i, bound in enumerate(bounds) if bound < INF}
                trace.info[-1][guess] = best
                best = None
            else:
                trace.lower.append(list(rivals))
        if best is None:
            best = _lazy_round(tables, trace, alive, bounds, funded, error)
            if best is None:
                return trace
            trace.lower.append([INF if i == best[2] else v for i, v in enumerate(bounds)])
            following = upper is not None and _dominated(trace, upper, best)
        hi, lo, winner, x, e, added, shape = best
        alive.discard(winner)
        bounds[winner], prices[winner] = INF, x
        funded |= 1 << winner
        mass, drift = mass + added, drift + e
        trace.order.append(winner)
        trace.prices.append(x)
        trace.margins.append(e)
        trace.rho_hi.append(hi)
        trace.rho_lo.append(lo)
        trace.shapes.append(_shape(shape))
        trace.cost += tables.costs[winner]


def _fixed(shape: tuple) -> int | None:
    """If no supporter with money pays all it has, the price is exactly cost / this weight (None otherwise)."""
    if len(shape) == 4:
        return shape[3] if shape[1] == shape[2] else None
    return None if shape[1] else shape[2]


def _dominated(trace: _Trace, upper: _Trace, best: tuple) -> bool:
    """Whether upper's bounds hold again after this round: both runs have funded the same projects, and each cost
    this run at least as much per unit of utility, so no voter has more money here than there."""
    number = len(trace.order)
    if number >= len(upper.order) or {best[2], *trace.order} != set(upper.order[: number + 1]):
        return False
    rounds = zip(trace.order, trace.prices, trace.margins, trace.shapes, strict=True)
    here = {p: (x - e, _fixed(shape)) for p, x, e, shape in rounds}
    here[best[2]] = (best[3] - best[4], _fixed(best[6]))
    for p, x, e, shape in zip(upper.order, upper.prices, upper.margins, upper.shapes, strict=True):
        if p in here:
            low, weight = here[p]
            exact = weight is not None and _fixed(shape) is not None
            if not (_fixed(shape) >= weight if exact else low >= x + e):
                return False
    return True


def _lazy_round(tables: Tables, trace: _Trace, alive: set, bounds: list, funded: int, error: tuple | None):
    """Price projects in order of their lower bounds until none left unpriced could beat the best priced."""
    candidates, bound = [], INF
    for project in sorted(alive, key=bounds.__getitem__):
        if bounds[project] > bound:
            break
        found = _bounded(tables, project, price(tables, project, funded, trace.spent, trace.t, error), trace.exact)
        trace.info[-1][project] = found
        if found is None:
            alive.discard(project)
            bounds[project] = INF
            continue
        bounds[project] = found[1]
        candidates.append(found)
        bound = min(bound, found[0])
    if not candidates:
        return None
    best = min(candidates)  # exact: by (price, rank); floats: the smallest upper bound, checked below
    close = [best] + [other for other in candidates if other is not best and other[1] <= best[0]]
    if len(close) == 1 or trace.exact:
        return best
    if all(_sure(c[6]) for c in close):  # all at their floor price: compare the floors exactly
        return min(close, key=lambda c: (tables.floor[c[2]], c[2]))
    settled = dict(zip(trace.order, exact_prices(tables, trace), strict=True))  # a near tie: settle it exactly
    exact_spent = Spent(settled, tables.members)
    rho = {c[2]: price(tables, c[2], funded, exact_spent, trace.t, None)[0] / tables.norm[c[2]] for c in close}
    return min(close, key=lambda c: (rho[c[2]], c[2]))


def _rival(tables: Tables, trace: _Trace, number: int, project: int) -> tuple | bool | None:
    """A project's bounds in round `number` of a finished run (its state is kept for this): None if unaffordable,
    False if floats cannot tell. The lower bound it proves holds for the later rounds too (budgets only shrink)."""
    info = trace.info[number]
    if project not in info:
        funded = sum(1 << i for i in trace.order[:number])
        try:
            found = price(tables, project, funded, trace.spent, trace.t, trace.errors[number])
            info[project] = _bounded(tables, project, found, trace.exact)
        except Uncertain:
            info[project] = False
        value = INF if info[project] is None else info[project] and info[project][1]
        for later in trace.lower[number:]:
            later[project] = max(later[project], value)
    return info[project]


def _beaten(tables: Tables, trace: _Trace, number: int, rival: int, best: tuple) -> bool:
    """Whether `rival`, whose bound in round `number` of `trace` is too weak, surely loses to `best` there: when
    best's price is its floor, a rival with a higher floor (or the same, later in the tie order) loses; otherwise the
    rival is priced in that round's state."""
    winner, shape = best[2], best[6]
    if _sure(shape) and (tables.floor[rival], rival) > (tables.floor[winner], winner):
        return True
    found = _rival(tables, trace, number, rival)
    value = INF if found is None else found and found[1]
    return found is not False and (value > best[0] or (value == best[0] and rival > winner))


def exact_prices(tables: Tables, trace: _Trace) -> list[Fraction]:
    """The winners' prices in exact rationals, from the groups each round proved to pay all they had."""
    if trace.exact:
        return list(trace.prices)
    prices: dict[int, Fraction] = {}
    funded = 0
    for number, winner in enumerate(trace.order):
        found = classes(tables, winner, funded)
        patterns, voters = tables.patterns(found), found.voters
        _, poor, rich = trace.shapes[number]
        paid = sum(voters[i] * (trace.t - sum(prices[f] for f in tables.members(patterns[i]))) for i in poor)
        prices[winner] = Fraction(tables.costs[winner] - paid, rich)
        funded |= 1 << winner
    return [prices[winner] for winner in trace.order]


def _run(tables: Tables, t: int, upper: _Trace | None = None, lower: _Trace | None = None) -> _Trace:
    try:
        return run(tables, t, False, upper, lower)
    except Uncertain:
        return run(tables, t, True, upper)


def _common(tables: Tables, low: _Trace, high: _Trace) -> int:
    """How many first rounds every run at a share between low.t and high.t has in common, the same groups paying
    all they have at both ends: the first test of `_agree` (w's price at low.t beats every rival's bound at high.t).

    Then those groups pay all they have all along (budgets grow with the share, prices fall), so every budget and
    price of these rounds is affine in the share."""
    for number, winner in enumerate(low.order):
        if number >= len(high.order) or high.order[number] != winner or low.shapes[number] != high.shapes[number]:
            return number
        best = (low.rho_hi[number], None, winner, None, None, None, low.shapes[number])
        rivals = high.lower[number]
        weak = [i for i, v in enumerate(rivals) if v < best[0] or (v == best[0] and i < winner)]
        if not all(_beaten(tables, high, number, rival, best) for rival in weak):
            return number
    return len(low.order)


def _interpolate(tables: Tables, trace: _Trace, low: _Trace, high: _Trace) -> tuple[float, float]:
    """Fill the rounds `trace` has in common with float runs at shares around it (`_common`), without pricing: each
    price is interpolated between its two ends. Its error is at most the larger of theirs, plus the rounding of the
    interpolation; each supporter's budget moves by at most that (mass and drift, returned)."""
    mass = drift = 0.0
    if low.exact or high.exact:
        return mass, drift
    if low.t not in high.common:
        high.common[low.t] = _common(tables, low, high)
    share = (trace.t - low.t) / (high.t - low.t)
    for number in range(high.common[low.t]):
        winner, at_low, at_high = low.order[number], low.prices[number], high.prices[number]
        x = at_low + (at_high - at_low) * share
        e = max(low.margins[number], high.margins[number]) + 4 * EPS * max(at_low, at_high)
        rho, norm = x / tables.norm[winner], tables.norm[winner]
        trace.errors.append((mass, drift, 4 * (number + 2) * EPS * trace.t))
        trace.info.append({})
        trace.lower.append(list(high.lower[number]))
        trace.order.append(winner)
        trace.prices.append(x)
        trace.margins.append(e)
        trace.rho_hi.append(rho + e / norm + 4 * EPS * rho)
        trace.rho_lo.append(rho - e / norm - 4 * EPS * rho)
        trace.shapes.append(low.shapes[number])
        trace.cost += tables.costs[winner]
        trace.spent.prices[winner] = x
        mass, drift = mass + tables.weight[winner] * e, drift + e
    return mass, drift


def _agree(tables: Tables, low: _Trace, high: _Trace) -> bool:
    """Whether every run at a share between low.t and high.t funds the same projects in the same order.

    Round r is common if both runs fund the same w, and every rival's bound in the high run is above w's price in
    the low run (or equal, for a rival later in the tie order): in between, w costs at most that, each rival at least.
    Else, while every price so far is affine in the share (the same groups paid all they had at both ends), a rival
    whose shape is also the same at both ends, and dearer than w at both, is dearer all along.
    """
    affine = True
    for number, winner in enumerate(low.order):
        if number >= len(high.order) or high.order[number] != winner:
            return False
        best = (low.rho_hi[number], None, winner, None, None, None, low.shapes[number])
        affine = affine and low.shapes[number] == high.shapes[number]
        rivals = high.lower[number]
        for rival in [i for i, v in enumerate(rivals) if v < best[0] or (v == best[0] and i < winner)]:
            if _beaten(tables, high, number, rival, best):
                continue
            at_low, at_high = _rival(tables, low, number, rival), _rival(tables, high, number, rival)
            if not (affine and at_low and at_high and _shape(at_low[6]) == _shape(at_high[6])):
                return False
            if not (at_low[1] > low.rho_hi[number] and at_high[1] > high.rho_hi[number]):
                return False
    return len(high.order) == len(low.order)


def _stop(tables: Tables, trace: _Trace) -> str:
    """pabutools' Add1 test: stop when the outcome overspends, or when no other supported project would fit."""
    if trace.cost > tables.budget:
        return "overspends"
    others = (c for i, c in enumerate(tables.costs) if tables.weight[i] and c and i not in trace.order)
    return "exhaustive" if all(trace.cost + c > tables.budget for c in others) else ""


def _add1(tables: Tables, voters: int) -> _Trace:
    """Raise every share by one unit until the outcome is exhaustive (keep it) or overspends (keep the one before).

    Shares are resolved in order. A run `reach` units ahead comes first: if it agrees with the last resolved run
    (`_agree`), every share in between funds the same projects and is skipped. Otherwise runs are computed downwards
    every 2 units, each following the one above, and each stretch is resolved upwards by bisection.
    """
    step, spacing, reach = tables.scale, 2, 16
    low = _run(tables, tables.budget // voters)
    if _stop(tables, low):
        return low
    above: list[_Trace] = []  # runs at higher shares, the nearest last
    while True:
        if not above:
            far = _run(tables, low.t + reach * step)
            if _agree(tables, low, far):
                low, reach = far, reach * 2
                continue
            above, reach = [far], max(16, reach // 2)
            while above[-1].t - low.t > spacing * step:
                above.append(_run(tables, above[-1].t - spacing * step, above[-1], low))
        high = above[-1]
        if _agree(tables, low, high):
            low = above.pop()
        elif high.t - low.t == step:
            stop = _stop(tables, above.pop())
            if stop:
                return low if stop == "overspends" else high
            low = high
        else:
            above.append(_run(tables, low.t + (high.t - low.t) // step // 2 * step, high, low))


def equal_shares(
    election: Election,
    *,
    utility: str = COST,
    completion: str = "",
    tie_order: Sequence[str] | None = None,
    pricing: str = "auto",
) -> Outcome:
    """Equal Shares alone (completion ""), with Add1 ("add1"), or with Add1 then the greedy fill ("add1-greedy").

    `pricing` is how the pure-Python count prices ("auto", "python" or "numpy": see `Tables`); the outcome is the
    same whichever it is."""
    if completion not in ("", "add1", "add1-greedy"):
        raise ValueError(f"unknown completion {completion!r}: expected add1 or add1-greedy")
    return _outcome(election, utility, completion, tie_order, compiled=_mes is not None, pricing=pricing)


def _outcome(
    election: Election,
    utility: str,
    completion: str,
    tie_order: Sequence[str] | None,
    *,
    compiled: bool,
    pricing: str = "auto",
) -> Outcome:
    """`equal_shares`, counted by the compiled core where it can prove every decision (cost utilities), else (or
    if `compiled` is false: the reference the tests compare it with) in pure Python."""
    tables = Tables(election, utility, tie_order, pricing=pricing)
    voters = len(election.ballots)
    found = _compiled(tables, voters, bool(completion)) if compiled and voters and tables.cost_mode else None
    if found is None:
        trace = (
            _Trace(0, True, Spent([], tables.members))
            if not voters
            else _add1(tables, voters)
            if completion
            else _run(tables, tables.budget // voters)
        )
        found = trace.t, trace.order, exact_prices(tables, trace)
    t, order, prices = found
    unit = Fraction(1, tables.scale)
    rounds = [Round(tables.ids[i], Fraction(0)) for i in tables.free] if voters else []
    rounds += [Round(tables.ids[i], x * unit) for i, x in zip(order, prices, strict=True)]
    winners = [r.project for r in rounds]
    total = {
        project_id: weight * (cost if tables.cost_mode else 1)
        for project_id, weight, cost in zip(
            tables.ids, tables.weight, (p.cost for p in map(election.project, tables.ids)), strict=True
        )
    }
    completed = greedy_fill(election, utility, tables.ids, winners, total) if completion == "add1-greedy" else []
    return Outcome(
        "-".join(["mes", completion]).rstrip("-"),
        utility,
        (*winners, *completed),
        sum(election.project(project_id).cost for project_id in [*winners, *completed]),
        election.budget,
        tables.ids,
        share=t * unit if voters else None,
        rounds=tuple(rounds),
        completed=tuple(completed),
    )


def _compiled(tables: Tables, voters: int, add1: bool) -> tuple[int, list[int], list[Fraction]] | None:
    """The decisive run's share, winners and exact prices from the compiled core (_mes.c), or None where its floats
    cannot prove a decision (or the money is too large for them): then the pure-Python count decides.

    The core returns, for each round, the groups that paid all they had while they still had money, and the number
    of voters who paid the price in full; each price is then exact: (cost - what those groups had) / those voters,
    a group's budget being the share minus the exact prices of the projects it paid for before (never below 0)."""
    if tables.budget // voters + max(tables.costs, default=0) > FLOAT_LIMIT or tables.budget >= 2**62:
        return None
    start, members = tables.ballot_start, tables.ballot_projects
    found = _mes.count(
        array("q", tables.costs),
        start,
        members,
        array("q", tables.voters),
        tables.budget // voters,
        tables.scale,
        tables.budget,
        add1,
    )
    if found is None:
        return None
    t, order = found["t"], found["order"]
    # exact prices over a common denominator: integer sums are much faster than Fraction sums
    counts = tables.voters
    prices: list[Fraction] = []
    paid_before: dict[int, int] = {}  # each funded project's price so far (by number), times `common`
    common = 1
    for number, winner in enumerate(order):
        have = t * common
        paid = 0
        for group in found["poor"][number]:
            left = have - sum([paid_before[p] for p in members[start[group] : start[group + 1]] if p in paid_before])
            if left > 0:
                paid += counts[group] * left
        x = Fraction(tables.costs[winner] * common - paid, found["rich"][number] * common)
        prices.append(x)
        factor = x.denominator // math.gcd(common, x.denominator)
        if factor > 1:
            common *= factor
            paid_before = {p: value * factor for p, value in paid_before.items()}
        paid_before[winner] = x.numerator * (common // x.denominator)
    return t, order, prices
