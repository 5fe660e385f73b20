"""Tiny elections solved by hand, shared by the rule tests; each docstring gives the count step by step."""

from samen.algorithms.budgets import Ballot, Election, Project


def election(budget, costs: dict, ballots: list, vote_type: str = "approval") -> Election:
    """Ballots are lists of ids (approval) or {id: points} (cumulative); voters are numbered 1, 2, ..."""
    return Election(
        budget,
        tuple(Project(project_id, cost) for project_id, cost in costs.items()),
        tuple(
            Ballot(str(number), tuple(ballot), tuple(ballot.values()) if isinstance(ballot, dict) else ())
            for number, ballot in enumerate(ballots, start=1)
        ),
        vote_type,
    )


def majority_and_minority() -> Election:
    """Budget 100, 10 voters: six approve A (60) and B (40), four approve C (40).

    Greedy: A and B have 6 votes each (tie: A, the smaller id), A costs 60, then B 40: 100 spent, C does not fit.
    Equal Shares: each voter has 10. A and B cost each of their six supporters 10 and 6.67: per unit of cost both
    1/6 (tie: A). A takes the six voters' 10 each. B's supporters have nothing left; C costs its four supporters 10
    each (1/4 per unit of cost), which they have: A and C, the minority gets its fair share.
    """
    return election(100, {"A": 60, "B": 40, "C": 40}, [["A", "B"]] * 6 + [["C"]] * 4)
