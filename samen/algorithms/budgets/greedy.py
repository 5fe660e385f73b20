"""The greedy rule by votes: the usual participatory-budgeting count, and the completion after Equal Shares.

Projects are taken in order of satisfaction per unit of cost (with cost utilities: the number of votes; with points
utilities: points per unit of cost), ties in the announced order, and each one is funded if it still fits in what is
left; one that no longer fits is skipped, and smaller ones after it may still fit. This is pabutools'
greedy_utilitarian_welfare, including its treatment of projects nobody chose (they come last, and are funded if
money remains) and of free projects someone chose (first).
"""

import math
from collections.abc import Sequence
from fractions import Fraction

from samen.algorithms.budgets.election import COST, Election, Money, Outcome, ballot_groups, check_tie_order


def totals(election: Election, utility: str) -> dict[str, Money]:
    """Each project's total utility: its number of votes times its cost, or its total points."""
    found: dict[str, Money] = dict.fromkeys((project.id for project in election.projects), 0)
    for chosen, voters in ballot_groups(election, utility):
        for project_id, value in chosen.items():
            found[project_id] += voters * value
    return found


def greedy_order(
    election: Election, utility: str, tie_order: Sequence[str], chosen: Sequence[str], total: dict | None = None
) -> list[str]:
    """The projects not yet `chosen`, in the order the greedy rule considers them: by total utility per unit of
    cost, a free project someone wants first, one nobody wants last (pabutools' satisfaction density)."""
    total = totals(election, utility) if total is None else total
    costs = {project.id: project.cost for project in election.projects}
    rank = {project_id: index for index, project_id in enumerate(tie_order)}
    return sorted(set(rank) - set(chosen), key=lambda p: (-density(total[p], costs[p]), rank[p]))


def density(total: Money, cost: Money) -> Fraction | float:
    """Satisfaction per unit of cost: what the greedy rule compares (equal densities are a tie)."""
    if not total:
        return Fraction(0)
    return Fraction(total, cost) if cost else math.inf


def greedy_fill(
    election: Election, utility: str, tie_order: Sequence[str], chosen: Sequence[str], total: dict | None = None
) -> list[str]:
    """The projects the greedy rule adds, in order, to those already `chosen`."""
    left = election.budget - sum(election.project(project_id).cost for project_id in chosen)
    added: list[str] = []
    for project_id in greedy_order(election, utility, tie_order, chosen, total):
        cost = election.project(project_id).cost
        if cost <= left:
            added.append(project_id)
            left -= cost
    return added


def greedy(election: Election, *, utility: str = COST, tie_order: Sequence[str] | None = None) -> Outcome:
    order = check_tie_order(election, tie_order)
    winners = tuple(greedy_fill(election, utility, order, ()))
    cost = sum(election.project(project_id).cost for project_id in winners)
    return Outcome("greedy", utility, winners, cost, election.budget, order)
