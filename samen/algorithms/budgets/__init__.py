"""Participatory budgets: the pabulib format, the greedy rule and the Method of Equal Shares, with explanations.

What the web application calls (plain data in, plain data out, no Django):

    election = read_pabulib(lines)                  # or Election(budget, projects, ballots, vote_type, meta)
    order = announced_order(election, tie_break)    # the announced tie-break (or the file's META), as a priority list
    outcome = count(election, rule="mes-add1-greedy", utility="cost", tie_order=order)
    ties = decided_ties(election, outcome, tie_break)
    explanation = explain_voter(election, outcome, voter_id)
    write_pabulib(election, out)                    # the open export, readable by `samen pb` and pabutools
"""

from collections.abc import Sequence

from samen.algorithms.budgets.election import COST, POINTS, Ballot, Election, Money, Outcome, Project, Round
from samen.algorithms.budgets.equal_shares import equal_shares
from samen.algorithms.budgets.explain import Payment, Unfunded, VoterExplanation, explain_voter, supporters_left
from samen.algorithms.budgets.greedy import greedy
from samen.algorithms.budgets.pabulib import (
    PabulibError,
    money_text,
    pabulib_text,
    parse_pabulib,
    read_pabulib,
    write_pabulib,
)
from samen.algorithms.budgets.tiebreak import BudgetTie, announced_order, decided_ties, tie_break_of

RULES = ("greedy", "mes", "mes-add1", "mes-add1-greedy")

__all__ = [
    "COST",
    "POINTS",
    "RULES",
    "Ballot",
    "BudgetTie",
    "Election",
    "Money",
    "Outcome",
    "PabulibError",
    "Payment",
    "Project",
    "Round",
    "Unfunded",
    "VoterExplanation",
    "announced_order",
    "count",
    "decided_ties",
    "equal_shares",
    "explain_voter",
    "greedy",
    "money_text",
    "outcome_json",
    "pabulib_text",
    "parse_pabulib",
    "read_pabulib",
    "supporters_left",
    "tie_break_of",
    "write_pabulib",
]


def count(
    election: Election, *, rule: str = "mes-add1-greedy", utility: str = COST, tie_order: Sequence[str] | None = None
) -> Outcome:
    """The outcome of a rule by its published name; `tie_order` lists every project id, the tie winner first
    (default: the smaller id, numbers compared as numbers)."""
    if rule == "greedy":
        return greedy(election, utility=utility, tie_order=tie_order)
    if rule not in RULES:
        raise ValueError(f"unknown rule {rule!r}: expected one of {', '.join(RULES)}")
    return equal_shares(election, utility=utility, completion=rule.removeprefix("mes").lstrip("-"), tie_order=tie_order)


def outcome_json(outcome: Outcome) -> dict:
    """The outcome as JSON-ready data; amounts are exact decimal (or fraction) strings, never floats."""
    return {
        "rule": outcome.rule,
        "utility": outcome.utility,
        "winners": list(outcome.winners),
        "cost": money_text(outcome.cost),
        "budget": money_text(outcome.budget),
        "leftover": money_text(outcome.leftover),
        "share": None if outcome.share is None else money_text(outcome.share),
        "rounds": [{"project": r.project, "price": money_text(r.price)} for r in outcome.rounds],
        "completed": list(outcome.completed),
        "tie_order": list(outcome.tie_order),
    }
