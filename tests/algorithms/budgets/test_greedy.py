from samen.algorithms.budgets import Outcome, greedy

from . import election, majority_and_minority


def test_greedy_takes_the_most_voted_first_and_the_majority_takes_all():
    outcome = greedy(majority_and_minority())

    assert outcome == Outcome("greedy", "cost", ("A", "B"), 100, 100, ("A", "B", "C"))
    assert outcome.leftover == 0


def test_greedy_skips_a_project_that_no_longer_fits_and_goes_on():
    # Budget 100. By votes: A (5, 60 spent), B (4, 50 > the 40 left: skipped), C (3, 90 spent), D (1, 100 spent).
    outcome = greedy(
        election(
            100,
            {"A": 60, "B": 50, "C": 30, "D": 10},
            [["A", "B", "C", "D"]] + [["A", "B", "C"]] * 2 + [["A", "B"]] + [["A"]],
        )
    )

    assert (outcome.winners, outcome.cost, outcome.leftover) == (("A", "C", "D"), 100, 0)


def test_a_tie_goes_to_the_smaller_id_compared_as_a_number():
    # "10" and "9" both have 2 votes and cost 50, and only one fits: 9 < 10 (as text, "10" would come first).
    tied = election(50, {"10": 50, "9": 50}, [["9", "10"], ["10", "9"]])

    assert greedy(tied).winners == ("9",)


def test_a_tie_follows_the_order_announced_by_the_process():
    tied = election(50, {"9": 50, "10": 50}, [["9", "10"], ["10", "9"]])

    assert greedy(tied, tie_order=["10", "9"]).winners == ("10",)


def test_projects_nobody_chose_come_last_and_are_funded_if_money_remains():
    # As pabutools does: Z has no vote, so the lowest score, but it still fits after A.
    assert greedy(election(100, {"A": 50, "Z": 30}, [["A"]])).winners == ("A", "Z")


def test_points_utilities_rank_by_points_per_unit_of_cost():
    # Budget 60, projects of 30. Votes: A 2, B 2, C 1 -> A, B. Points: A 6, B 14, C 10 -> B, C.
    cumulative = election(
        60, {"A": 30, "B": 30, "C": 30}, [{"A": 5, "B": 5}, {"A": 1, "B": 9}, {"C": 10}], "cumulative"
    )

    assert greedy(cumulative).winners == ("A", "B")
    assert greedy(cumulative, utility="points").winners == ("B", "C")
