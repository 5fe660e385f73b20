from fractions import Fraction

import pytest

from samen.algorithms.jury import Criterion, JuryAggregate, Review, aggregate

# Impact counts twice as much as feasibility and is scored on 0..10; feasibility on 0..5.
CRITERIA = [Criterion(key="impact", weight=2, scale=10), Criterion(key="feasibility", weight=1, scale=5)]


def review(juror: str, idea: str, impact: int, feasibility: int) -> Review:
    return Review(juror=juror, idea=idea, scores={"impact": impact, "feasibility": feasibility})


def test_paper_example_weighted_per_review_then_averaged_over_jurors():
    # By hand, score = 10 * (2 * impact / 10 + 1 * feasibility / 5) / 3:
    #   idea 12: ann 8,4 -> 10 * (16/10 + 4/5) / 3 = 8;     bob 6,3 -> 10 * (12/10 + 3/5) / 3 = 6;   mean 7
    #   idea 7:  ann 7,2 -> 10 * (14/10 + 2/5) / 3 = 6;     bob 9,5 -> 10 * (18/10 + 1) / 3 = 28/3;  mean 23/3
    #   idea 3:  ann 5,1 -> 10 * (10/10 + 1/5) / 3 = 4 (bob had a conflict of interest: no review)
    reviews = [
        review("ann", "12", 8, 4),
        review("bob", "12", 6, 3),
        review("ann", "7", 7, 2),
        review("bob", "7", 9, 5),
        review("ann", "3", 5, 1),
    ]

    assert aggregate(CRITERIA, reviews) == [
        JuryAggregate(idea="7", score=Fraction(23, 3), jurors=2),
        JuryAggregate(idea="12", score=Fraction(7), jurors=2),
        JuryAggregate(idea="3", score=Fraction(4), jurors=1),
    ]


def test_scores_stay_exact_fractions():
    # 10 * (2 * 1/10 + 1 * 1/5) / 3 = 10 * (2/5) / 3 = 4/3, which no float holds exactly.
    [result] = aggregate(CRITERIA, [review("ann", "1", 1, 1)])

    assert result.score == Fraction(4, 3)
    assert isinstance(result.score, Fraction)


def test_full_marks_give_ten_and_none_give_zero():
    results = aggregate(CRITERIA, [review("ann", "1", 10, 5), review("ann", "2", 0, 0)])

    assert [(r.idea, r.score) for r in results] == [("1", Fraction(10)), ("2", Fraction(0))]


def test_equal_scores_rank_more_jurors_first_then_ids_in_natural_order():
    reviews = [
        review("ann", "10", 5, 0),  # 10 * (1) / 3 = 10/3
        review("ann", "9", 5, 0),  # 10/3
        review("ann", "100", 5, 0),  # 10/3, but from two jurors:
        review("bob", "100", 5, 0),
    ]

    assert [(r.idea, r.jurors) for r in aggregate(CRITERIA, reviews)] == [("100", 2), ("9", 1), ("10", 1)]


def test_ideas_without_any_review_are_not_listed():
    assert aggregate(CRITERIA, []) == []


@pytest.mark.parametrize(
    ("scores", "message"),
    [
        ({"impact": 8}, "juror 'ann' on idea '12': no score for criterion 'feasibility'"),
        ({"impact": 8, "feasibility": 4, "beauty": 3}, "juror 'ann' on idea '12': unknown criterion 'beauty'"),
        ({"impact": 11, "feasibility": 4}, r"juror 'ann' on idea '12': score 11 for criterion 'impact' .* 0\.\.10"),
        ({"impact": 8, "feasibility": -1}, r"score -1 for criterion 'feasibility' is not a whole number in 0\.\.5"),
        ({"impact": 7.5, "feasibility": 4}, "score 7.5 for criterion 'impact'"),
    ],
)
def test_a_missing_unknown_or_out_of_range_score_is_refused_naming_juror_idea_and_criterion(scores, message):
    with pytest.raises(ValueError, match=message):
        aggregate(CRITERIA, [Review(juror="ann", idea="12", scores=scores)])


def test_a_juror_reviewing_the_same_idea_twice_is_refused():
    with pytest.raises(ValueError, match="juror 'ann' reviewed idea '12' twice"):
        aggregate(CRITERIA, [review("ann", "12", 8, 4), review("ann", "12", 6, 3)])


@pytest.mark.parametrize(
    ("criteria", "message"),
    [
        ([], "at least one criterion"),
        ([Criterion("impact", 0, 10)], "criterion 'impact' needs a positive whole weight"),
        ([Criterion("impact", 1, 0)], "criterion 'impact' needs a positive whole scale"),
        ([Criterion("impact", 1, 10), Criterion("impact", 2, 5)], "criterion 'impact' is listed twice"),
    ],
)
def test_invalid_criteria_are_refused(criteria, message):
    with pytest.raises(ValueError, match=message):
        aggregate(criteria, [])
