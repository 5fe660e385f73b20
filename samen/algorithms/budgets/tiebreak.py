"""A budget's announced tie-break: how the .pb file carries it, the order it gives, and the ties it decided.

Greedy compares projects by votes per euro, Equal Shares by price; when two are equal, the order announced before
the ballot opened decides: the lower cost, then the seeded lottery of ties.py, or the lottery alone. The open export
writes that rule in its META section (`tie_break;cost,lottery` and `tie_break_seed;...`: pabulib allows extra keys),
so that `samen pb` applies it when it reads the file. A file without it ties to the smaller project id, numbers
compared as numbers.
"""

import itertools
from collections.abc import Mapping
from dataclasses import dataclass, replace
from fractions import Fraction

from samen.algorithms.budgets.election import COST, Election, Money, Outcome, ballot_groups, default_tie_order
from samen.algorithms.budgets.greedy import density, greedy_order, totals
from samen.algorithms.ties import COST as LOWEST_COST
from samen.algorithms.ties import LOTTERY, TieBreak, break_tie

STEPS_KEY, SEED_KEY = "tie_break", "tie_break_seed"
BUDGET_STEPS = (LOWEST_COST, LOTTERY)
SHARES, VOTES = "shares", "votes"  # the stage of a tie: an Equal Shares round, or greedy by votes
ORDER = "order"  # a tie decided by an order given as such (no rule announced: the smaller id)


def budget_tie_break(steps: str, seed: str) -> TieBreak:
    """The rule from its published text ("cost,lottery"), refused if a budget cannot use it."""
    parsed = tuple(step.strip() for step in steps.split(",") if step.strip())
    unknown = [step for step in parsed if step not in BUDGET_STEPS]
    if not parsed or unknown:
        raise ValueError(f"unknown tie-break {steps!r}: expected steps among {', '.join(BUDGET_STEPS)}")
    if not seed:
        raise ValueError("a budget's tie-break ends with a lottery, which needs a seed")
    return TieBreak(steps=parsed, seed=seed)


def tie_break_of(meta: Mapping[str, str]) -> TieBreak | None:
    """The rule a .pb file announces in its META section, or None."""
    if STEPS_KEY not in meta:
        return None
    return budget_tie_break(meta[STEPS_KEY], meta.get(SEED_KEY, ""))


def tie_break_meta(tie_break: TieBreak) -> dict[str, str]:
    return {STEPS_KEY: ",".join(tie_break.steps), SEED_KEY: tie_break.seed}


def tie_break_text(tie_break: TieBreak) -> str:
    """The rule in words, as `samen pb` prints it."""
    lottery = f"the lottery with seed {tie_break.seed!r}"
    return f"the lower cost, then {lottery}" if LOWEST_COST in tie_break.steps else lottery


def with_costs(election: Election, tie_break: TieBreak) -> TieBreak:
    return replace(tie_break, costs={project.id: project.cost for project in election.projects})


def announced_order(election: Election, tie_break: TieBreak | None = None) -> tuple[str, ...]:
    """Every project id, the winner of any tie first: by `tie_break`, else the one the file announces, else by id."""
    tie_break = tie_break or tie_break_of(election.meta)
    if tie_break is None:
        return default_tie_order(election)
    order, _ = break_tie([project.id for project in election.projects], with_costs(election, tie_break))
    return order


@dataclass(frozen=True)
class BudgetTie:
    stage: str  # SHARES (a round of Equal Shares) or VOTES (greedy by votes, or the completion)
    projects: tuple[str, ...]  # the tied projects, in the order the tie-break put them
    method: str  # what put the first ahead of the second: COST, LOTTERY, or ORDER when no rule was announced
    decisive: bool  # a tied project was left unfunded that another order could have funded


def _price(cost: Money, supporters: list[tuple[Fraction, Money, int]]) -> Fraction | None:
    """The lowest price per unit of utility at which supporters (budget, utility, voters) pay `cost` together."""
    paid, weight = Fraction(0), sum(utility * voters for _, utility, voters in supporters)
    for budget, utility, voters in sorted(supporters, key=lambda s: s[0] / s[1]):
        price = (cost - paid) / weight
        if price * utility <= budget:
            return price
        paid += voters * budget
        weight -= voters * utility
    return None


def _share_ties(election: Election, outcome: Outcome) -> list[tuple[str, list[str]]]:
    """Each Equal Shares round whose winner another project matched at the same price: (stage, tied projects)."""
    costs = {project.id: project.cost for project in election.projects}
    norm = costs if outcome.utility == COST else dict.fromkeys(costs, 1)
    groups = [
        (dict.fromkeys(chosen, 1) if outcome.utility == COST else chosen, voters, Fraction(outcome.share or 0))
        for chosen, voters in ballot_groups(election, outcome.utility)
    ]
    budgets = [share for _, _, share in groups]
    funded: set[str] = set()
    ties = []
    for round_ in outcome.rounds:
        funded.add(round_.project)
        if costs[round_.project]:
            best = Fraction(round_.price) / norm[round_.project]
            tied = [round_.project]
            for project_id in costs.keys() - funded:
                supporters = [
                    (budgets[i], utilities[project_id], voters)
                    for i, (utilities, voters, _) in enumerate(groups)
                    if project_id in utilities
                ]
                price = _price(costs[project_id], supporters) if supporters and costs[project_id] else None
                if price is not None and price / norm[project_id] == best:
                    tied.append(project_id)
            if len(tied) > 1:
                ties.append((SHARES, tied))
        for i, (utilities, _, _) in enumerate(groups):
            if round_.project in utilities:
                budgets[i] -= min(budgets[i], round_.price * utilities[round_.project])
    return ties


def _vote_ties(election: Election, outcome: Outcome) -> list[tuple[str, list[str]]]:
    """Each group of projects greedy met with the same votes per euro, that another order could have funded."""
    chosen = [round_.project for round_ in outcome.rounds] if outcome.share is not None else []
    costs = {project.id: project.cost for project in election.projects}
    total = totals(election, outcome.utility)
    left = outcome.budget - sum(costs[p] for p in chosen)
    ties = []
    order = greedy_order(election, outcome.utility, outcome.tie_order, chosen, total)
    for _, group in itertools.groupby(order, key=lambda p: density(total[p], costs[p])):
        tied, at_start = list(group), left
        for project_id in tied:
            if costs[project_id] <= left:
                left -= costs[project_id]
        if len(tied) > 1:
            ties.append((VOTES, tied, any(p not in outcome.winners and costs[p] <= at_start for p in tied)))
    return ties


def decided_ties(election: Election, outcome: Outcome, tie_break: TieBreak | None = None) -> tuple[BudgetTie, ...]:
    """The ties the announced order decided in this outcome, recomputed exactly from the outcome (like explain.py).

    A tie is two or more projects the rule could not tell apart when it chose: the same price in an Equal Shares
    round, or the same votes per euro in the greedy pass. Ties in the Add1 runs that were not kept are not shown.
    """
    rank = {project_id: index for index, project_id in enumerate(outcome.tie_order)}
    costs = {project.id: project.cost for project in election.projects}
    found = []
    if outcome.share is not None:
        found += [
            (stage, tied, any(p not in outcome.winners for p in tied)) for stage, tied in _share_ties(election, outcome)
        ]
    if outcome.rule in ("greedy", "mes-add1-greedy"):
        found += _vote_ties(election, outcome)
    ties = []
    for stage, tied, decisive in found:
        ordered = tuple(sorted(tied, key=rank.__getitem__))
        if tie_break is None:
            method = ORDER
        elif LOWEST_COST in tie_break.steps and costs[ordered[0]] != costs[ordered[1]]:
            method = LOWEST_COST
        else:
            method = LOTTERY
        ties.append(BudgetTie(stage, ordered, method, decisive))
    return tuple(ties)
