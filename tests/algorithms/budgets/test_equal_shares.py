from fractions import Fraction

import pytest

from samen.algorithms.budgets import Round, count, equal_shares, explain_voter, greedy, supporters_left

from . import election, majority_and_minority


def test_equal_shares_gives_the_minority_its_share_where_greedy_does_not():
    outcome = equal_shares(majority_and_minority())

    assert greedy(majority_and_minority()).winners == ("A", "B")
    assert outcome.winners == ("A", "C")
    assert outcome.rounds == (Round("A", 10), Round("C", 10))  # each supporter paid 10
    assert (outcome.share, outcome.cost, outcome.leftover) == (10, 100, 0)


def test_equal_shares_breaks_an_exact_tie_by_the_smaller_id_as_a_number():
    # "10" and "9": same cost, same two supporters, so the same price each round: 9 < 10, "9" first. Budget 100,
    # share 50: "9" costs each 25, then "10" costs each 25 too; both are funded, "9" first.
    tied = election(100, {"10": 50, "9": 50}, [["9", "10"], ["10", "9"]])

    assert equal_shares(tied).winners == ("9", "10")
    assert equal_shares(tied, tie_order=["10", "9"]).winners == ("10", "9")


def test_add1_raises_the_shares_until_the_outcome_is_exhaustive():
    """Budget 90, 3 voters (share 30): voters 1 and 2 approve P (70), voter 3 approves Q (20).

    At share 30, P is out of reach (60 < 70); Q costs voter 3 its 20: outcome {Q}, 70 unspent and P would fit. Add1
    raises the share by 1 until P's supporters have 70: at 35 P is funded first (35 each, 1/2 per unit of cost, below
    Q's 1), then Q: 90 spent, nothing else could fit, so Add1 stops there.
    """
    budget = election(90, {"P": 70, "Q": 20}, [["P"], ["P"], ["Q"]])

    assert equal_shares(budget).winners == ("Q",)
    outcome = equal_shares(budget, completion="add1")
    assert outcome.winners == ("P", "Q")
    assert outcome.share == 35
    assert outcome.rounds == (Round("P", 35), Round("Q", 20))


def test_add1_keeps_the_last_outcome_that_fits_and_greedy_fills_the_rest():
    """Budget 100, 4 voters (share 25): two approve A (60), two approve B (60).

    Up to share 29 neither is affordable (58 < 60): nothing is funded. At 30 both are (A first by the tie-break),
    120 > 100: Add1 overspends, so it keeps the outcome of share 29, nothing. The greedy completion then funds A
    (2 votes, first by the tie-break); B no longer fits.
    """
    budget = election(100, {"A": 60, "B": 60}, [["A"], ["A"], ["B"], ["B"]])

    alone = equal_shares(budget, completion="add1")
    assert (alone.winners, alone.share) == ((), 29)
    completed = equal_shares(budget, completion="add1-greedy")
    assert (completed.winners, completed.completed, completed.cost) == (("A",), ("A",), 60)


def test_points_utilities_use_the_points_as_the_voters_satisfaction():
    """Budget 60, 3 voters (share 20), projects of 30. Points: voter 1 A 5 B 5, voter 2 A 1 B 9, voter 3 C 10.

    Cost utilities: A and B both cost voters 1 and 2 15 each (1/2 per unit of cost; A by the tie-break); then B's
    supporters have 10 left and C's 20, both below 30: {A}.
    Points: B's price per point is 30/14 = 15/7 (voter 1 pays 75/7, voter 2 135/7, both have it); A's would be
    30/6 = 5 per point, but voter 1 cannot pay 25, so it pays its 20 and voter 2 the 10 left: 10 per point. B first;
    then A's supporters have 65/7 + 5/7 = 10 < 30 and C's 20 < 30: {B}.
    """
    cumulative = election(
        60, {"A": 30, "B": 30, "C": 30}, [{"A": 5, "B": 5}, {"A": 1, "B": 9}, {"C": 10}], "cumulative"
    )

    assert equal_shares(cumulative).winners == ("A",)
    points = equal_shares(cumulative, utility="points")
    assert points.winners == ("B",)
    assert points.rounds == (Round("B", Fraction(15, 7)),)
    assert supporters_left(cumulative, points, "A") == 10


def test_points_need_a_cumulative_or_scoring_election():
    with pytest.raises(ValueError, match="points utilities need a cumulative or scoring election"):
        equal_shares(majority_and_minority(), utility="points")


def test_a_voter_sees_what_their_share_paid_for_and_why_a_wish_lost():
    budget = election(100, {"A": 60, "B": 40, "C": 40}, [["A", "B"]] * 6 + [["C"]] * 4)
    outcome = count(budget, rule="mes")

    explanation = explain_voter(budget, outcome, "1")

    assert [(p.project, p.amount) for p in explanation.payments] == [("A", 10)]
    assert (explanation.share, explanation.spent, explanation.left) == (10, 10, 0)
    assert [(u.project, u.cost, u.supporters_left) for u in explanation.unfunded] == [("B", 40, 0)]


def test_every_funded_project_is_paid_exactly_by_its_supporters():
    budget = election(90, {"P": 70, "Q": 20}, [["P"], ["P"], ["Q"]])
    outcome = equal_shares(budget, completion="add1")

    paid = {r.project: Fraction(0) for r in outcome.rounds}
    for ballot in budget.ballots:
        for payment in explain_voter(budget, outcome, ballot.voter_id).payments:
            paid[payment.project] += payment.amount

    assert paid == {"P": 70, "Q": 20}


def test_no_ballots_fund_nothing_by_equal_shares():
    empty = election(100, {"A": 60}, [])

    assert equal_shares(empty, completion="add1").winners == ()
    assert equal_shares(empty, completion="add1-greedy").winners == ("A",)


def test_zero_points_and_free_projects_follow_each_utility():
    """Budget 20, 2 voters (share 10). Voter 1 gives A 0 points and F 3; voter 2 gives A 4. A costs 10, F nothing.

    Cost utilities count every named project as approved: A costs each voter 5. F is worth its cost, 0, to its
    supporters, so Equal Shares ignores it and only the greedy completion adds it. Points utilities: voter 1 does not
    support A (0 points), so voter 2 pays all 10 for its 4 points (2.5 per point); F, free and wanted, comes first.
    """
    budget = election(20, {"A": 10, "F": 0}, [{"A": 0, "F": 3}, {"A": 4}], "cumulative")

    assert equal_shares(budget).rounds == (Round("A", 5),)
    assert equal_shares(budget, completion="add1-greedy").winners == ("A", "F")
    assert equal_shares(budget, utility="points").rounds == (Round("F", 0), Round("A", Fraction(5, 2)))
