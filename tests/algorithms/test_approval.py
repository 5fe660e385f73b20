import hashlib
from fractions import Fraction

import pytest

from samen.algorithms.approval import BallotError, Outcome, Tie, count
from samen.algorithms.ties import JURY, LOTTERY, TieBreak, TieStep

SEED = "Lotto 2020-06-20: 3 11 19 27 33 41"
CANDIDATES = ["1", "2", "3", "4", "5"]
JURY_SCORES = {"1": Fraction(31, 5), "2": Fraction(8), "3": Fraction(37, 5), "4": Fraction(6), "5": Fraction(5)}
RULE = TieBreak(seed=SEED, jury_scores=JURY_SCORES)

# Six approval ballots, up to three ideas each. Counted by hand:
#   idea 1: ballots 1, 2, 4 = 3     idea 2: ballots 1, 2, 3, 6 = 4     idea 3: ballots 1, 4, 6 = 3
#   idea 4: ballots 3, 5 = 2        idea 5: ballot 4 = 1
APPROVAL = [{"1", "2", "3"}, {"1", "2"}, {"2", "4"}, {"1", "3", "5"}, {"4"}, {"2", "3"}]


def sha(seed: str, candidate: str) -> str:
    return hashlib.sha256(f"{seed}:{candidate}".encode()).hexdigest()


def test_paper_example_approval_ballots_with_a_tie_for_the_last_seat_decided_by_jury_score():
    outcome = count(APPROVAL, CANDIDATES, winners=2, max_choices=3, tie_break=RULE)

    assert outcome == Outcome(
        tallies={"1": 3, "2": 4, "3": 3, "4": 2, "5": 1},
        ranking=("2", "3", "1", "4", "5"),
        winners=("2", "3"),
        ties=(
            Tie(
                votes=3,
                candidates=("3", "1"),
                steps=(TieStep(method=JURY, values=(("3", "37/5"), ("1", "31/5"))),),
                decisive=True,
            ),
        ),
        ballots=6,
    )


def test_single_choice_with_no_tie():
    # Idea 2: 3 votes, idea 1: 2, idea 3: 1; ideas 4 and 5 get none and tie at 0, below the cut.
    ballots = [["2"], ["1"], ["2"], ["3"], ["2"], ["1"]]

    outcome = count(ballots, CANDIDATES, winners=1, max_choices=1, tie_break=RULE)

    assert outcome.winners == ("2",)
    assert outcome.ranking[:3] == ("2", "1", "3")
    assert outcome.tallies == {"1": 2, "2": 3, "3": 1, "4": 0, "5": 0}
    assert [(tie.votes, tie.candidates, tie.decisive) for tie in outcome.ties] == [(0, ("4", "5"), False)]


def test_a_tie_below_the_winners_cut_is_explained_but_not_decisive():
    # Idea 2: 4 votes wins alone; ideas 1 and 3 tie at 3 votes for second place, which wins nothing.
    outcome = count(APPROVAL, CANDIDATES, winners=1, max_choices=3, tie_break=RULE)

    assert outcome.winners == ("2",)
    assert outcome.ties[0].candidates == ("3", "1")
    assert outcome.ties[0].decisive is False


def test_a_tie_entirely_among_the_winners_is_not_decisive():
    outcome = count(APPROVAL, CANDIDATES, winners=3, max_choices=3, tie_break=RULE)

    assert outcome.winners == ("2", "3", "1")
    assert outcome.ties[0].decisive is False


def test_a_three_way_tie_with_equal_jury_scores_goes_to_the_lottery():
    # Ideas 1, 2 and 3 get 2 votes each; the jury gave 1 a 7 and both 2 and 3 a 5: the lottery orders 2 and 3.
    ballots = [{"1", "2"}, {"2", "3"}, {"3", "1"}]
    rule = TieBreak(seed=SEED, jury_scores={"1": Fraction(7), "2": Fraction(5), "3": Fraction(5)})

    outcome = count(ballots, ["1", "2", "3"], winners=2, max_choices=2, tie_break=rule)

    lottery = sorted(["2", "3"], key=lambda c: sha(SEED, c))
    assert lottery == ["3", "2"]  # by hand: sha256("...:3") starts 20d4891f, sha256("...:2") starts 5e17d300
    assert outcome.ranking == ("1", "3", "2")
    assert outcome.winners == ("1", "3")
    [tie] = outcome.ties
    assert tie.votes == 2
    assert tie.decisive is True
    assert tie.steps == (
        TieStep(method=JURY, values=(("1", "7"), ("2", "5"), ("3", "5"))),
        TieStep(method=LOTTERY, values=(("3", sha(SEED, "3")), ("2", sha(SEED, "2")))),
    )


def test_a_lottery_with_another_seed_can_give_another_winner():
    ballots = [{"5"}, {"6"}]
    equal = {"5": Fraction(5), "6": Fraction(5)}

    first = count(ballots, ["5", "6"], winners=1, max_choices=1, tie_break=TieBreak(seed=SEED, jury_scores=equal))
    again = count(ballots[::-1], ["6", "5"], winners=1, max_choices=1, tie_break=TieBreak(seed=SEED, jury_scores=equal))
    other_seed = TieBreak(seed="Lotto 2020-06-27: 2 8 15 23 30 44", jury_scores=equal)
    other = count(ballots, ["5", "6"], winners=1, max_choices=1, tie_break=other_seed)

    assert first.winners == again.winners == (min(["5", "6"], key=lambda c: sha(SEED, c)),) == ("5",)
    assert other.winners == (min(["5", "6"], key=lambda c: sha(other_seed.seed, c)),) == ("6",)


def test_no_ballots_leaves_every_idea_at_zero_and_the_tie_break_orders_them_all():
    outcome = count([], ["1", "2", "3"], winners=1, max_choices=1, tie_break=RULE)

    assert outcome.ballots == 0
    assert outcome.tallies == {"1": 0, "2": 0, "3": 0}
    assert outcome.ranking == ("2", "3", "1")  # jury scores 8 > 37/5 > 31/5
    assert outcome.ties[0].decisive is True


@pytest.mark.parametrize(
    ("ballots", "message"),
    [
        ([{"1"}, {"9"}], "ballot 2 names '9', which is not a candidate"),
        ([{"1"}, ["2", "2"]], "ballot 2 names '2' twice"),
        ([{"1"}, {"2"}, set()], "ballot 3 names no candidate"),
        ([{"1", "2", "3", "4"}], "ballot 1 names 4 candidates, more than the 3 allowed"),
        (["12"], "ballot 1 is the text '12'"),
    ],
)
def test_an_invalid_ballot_stops_the_count_naming_its_number(ballots, message):
    with pytest.raises(BallotError, match=message) as refusal:
        count(ballots, CANDIDATES, winners=2, max_choices=3, tie_break=RULE)

    assert isinstance(refusal.value, ValueError)
    assert refusal.value.ballot == int(message.split()[1])


@pytest.mark.parametrize("winners", [0, 6])
def test_winners_must_be_between_one_and_the_number_of_candidates(winners):
    with pytest.raises(ValueError, match=f"winners must be between 1 and the 5 candidates, not {winners}"):
        count([], CANDIDATES, winners=winners, max_choices=1, tie_break=RULE)


def test_max_choices_must_be_at_least_one():
    with pytest.raises(ValueError, match="max_choices must be at least 1"):
        count([], CANDIDATES, winners=1, max_choices=0, tie_break=RULE)


def test_a_candidate_listed_twice_is_refused():
    with pytest.raises(ValueError, match="listed twice"):
        count([], ["1", "1"], winners=1, max_choices=1, tie_break=RULE)


def test_an_invalid_tie_break_is_refused_before_any_tie_happens():
    with pytest.raises(ValueError, match="needs a seed"):
        count([{"1"}], ["1", "2"], winners=1, max_choices=1, tie_break=TieBreak(seed=""))
    with pytest.raises(ValueError, match="unknown tie-break step"):
        count([{"1"}], ["1", "2"], winners=1, max_choices=1, tie_break=TieBreak(steps=("coin",), seed=SEED))
