import hashlib
from fractions import Fraction

import pytest

from samen.algorithms.ties import COST, JURY, LOTTERY, TieBreak, TieStep, break_tie, lottery_key, natural_key

SEED = "Lotto 2020-06-20: 3 11 19 27 33 41"
OTHER_SEED = "Lotto 2020-06-27: 2 8 15 23 30 44"


def sha(seed: str, candidate: str) -> str:
    return hashlib.sha256(f"{seed}:{candidate}".encode()).hexdigest()


def test_natural_key_sorts_numeric_ids_as_numbers_and_the_rest_as_text():
    assert sorted(["12", "7", "b", "100", "a", "9"], key=natural_key) == ["7", "9", "12", "100", "a", "b"]


def test_natural_key_keeps_leading_zeros_apart_and_refuses_unicode_digits_as_numbers():
    assert sorted(["7", "007", "²"], key=natural_key) == ["007", "7", "²"]


def test_the_lottery_key_is_the_sha256_of_seed_colon_candidate():
    assert lottery_key("x", "12") == hashlib.sha256(b"x:12").hexdigest()
    # Copied from `printf 'x:12' | sha256sum`, so a change of format cannot go unnoticed.
    assert lottery_key("x", "12") == "e16c8f9271f1bc728d668a96e548fedb6da230ac3cb15f5b0a813020695e46e9"


def test_a_two_way_tie_is_decided_by_the_higher_jury_score_without_a_lottery():
    tie_break = TieBreak(seed=SEED, jury_scores={"12": Fraction(37, 5), "7": Fraction(31, 5)})

    order, steps = break_tie(["7", "12"], tie_break)

    assert order == ("12", "7")
    assert steps == (TieStep(method=JURY, values=(("12", "37/5"), ("7", "31/5"))),)


def test_equal_jury_scores_go_to_the_lottery_and_the_smaller_key_goes_first():
    tie_break = TieBreak(seed=SEED, jury_scores={"5": Fraction(5), "6": Fraction(5)})

    order, steps = break_tie(["5", "6"], tie_break)

    expected = tuple(sorted(["5", "6"], key=lambda c: sha(SEED, c)))
    assert order == expected
    assert steps == (
        TieStep(method=JURY, values=(("5", "5"), ("6", "5"))),
        TieStep(method=LOTTERY, values=tuple((c, sha(SEED, c)) for c in expected)),
    )


def test_a_three_way_tie_uses_the_lottery_only_among_those_the_jury_left_tied():
    tie_break = TieBreak(seed=SEED, jury_scores={"4": Fraction(6), "5": Fraction(5), "6": Fraction(5)})

    order, steps = break_tie(["6", "5", "4"], tie_break)

    rest = sorted(["5", "6"], key=lambda c: sha(SEED, c))
    assert order == ("4", *rest)
    assert steps[0] == TieStep(method=JURY, values=(("4", "6"), ("5", "5"), ("6", "5")))
    assert steps[1] == TieStep(method=LOTTERY, values=tuple((c, sha(SEED, c)) for c in rest))


def test_the_lottery_runs_separately_within_each_group_the_jury_left_tied():
    scores = {"1": Fraction(8), "2": Fraction(8), "3": Fraction(5), "4": Fraction(5)}

    order, steps = break_tie(["1", "2", "3", "4"], TieBreak(seed=SEED, jury_scores=scores))

    high = sorted(["1", "2"], key=lambda c: sha(SEED, c))
    low = sorted(["3", "4"], key=lambda c: sha(SEED, c))
    assert order == (*high, *low)
    assert [c for c, _ in steps[1].values] == [*high, *low]


def test_an_idea_without_a_jury_score_counts_as_zero():
    order, steps = break_tie(["9", "3"], TieBreak(seed=SEED, jury_scores={"3": Fraction(1, 3)}))

    assert order == ("3", "9")
    assert steps[0].values == (("3", "1/3"), ("9", "0"))


def test_a_three_way_tie_by_lottery_alone_follows_the_hashes():
    order, steps = break_tie(["1", "2", "3"], TieBreak(steps=(LOTTERY,), seed=SEED))

    # By hand from sha256sum: 3 -> 20d4891f..., 2 -> 5e17d300..., 1 -> e4ab1778...
    assert order == ("3", "2", "1")
    assert [key[:8] for _, key in steps[0].values] == ["20d4891f", "5e17d300", "e4ab1778"]
    assert len(steps) == 1


def test_the_same_seed_gives_the_same_order_and_another_seed_can_change_it():
    lottery_only = TieBreak(steps=(LOTTERY,), seed=SEED)

    first, _ = break_tie(["1", "2", "3"], lottery_only)
    again, _ = break_tie(["3", "1", "2"], lottery_only)
    other, _ = break_tie(["1", "2", "3"], TieBreak(steps=(LOTTERY,), seed=OTHER_SEED))

    assert first == again == tuple(sorted("123", key=lambda c: sha(SEED, c)))
    assert other == tuple(sorted("123", key=lambda c: sha(OTHER_SEED, c)))
    assert other != first


def test_the_lottery_ends_the_rule_even_when_only_the_jury_was_announced():
    order, steps = break_tie(["5", "6"], TieBreak(steps=(JURY,), seed=SEED, jury_scores={}))

    assert order == tuple(sorted(["5", "6"], key=lambda c: sha(SEED, c)))
    assert [step.method for step in steps] == [JURY, LOTTERY]


def test_a_lottery_first_makes_the_jury_step_unneeded():
    _order, steps = break_tie(["5", "6"], TieBreak(steps=(LOTTERY, JURY), seed=SEED))

    assert [step.method for step in steps] == [LOTTERY]


def test_a_single_candidate_needs_no_step():
    assert break_tie(["5"], TieBreak(seed=SEED)) == (("5",), ())


def test_an_unknown_step_is_refused():
    with pytest.raises(ValueError, match="unknown tie-break step 'dice'"):
        break_tie(["1", "2"], TieBreak(steps=(JURY, "dice"), seed=SEED))


def test_a_step_listed_twice_is_refused():
    with pytest.raises(ValueError, match="listed twice"):
        break_tie(["1", "2"], TieBreak(steps=(JURY, JURY), seed=SEED))


def test_an_announced_lottery_needs_a_seed():
    with pytest.raises(ValueError, match="needs a seed"):
        break_tie(["1", "2"], TieBreak(steps=(JURY, LOTTERY), seed="", jury_scores={"1": Fraction(2)}))


def test_an_implicit_lottery_needs_a_seed_when_the_jury_leaves_a_tie():
    jury_only = TieBreak(steps=(JURY,), jury_scores={"1": Fraction(2), "2": Fraction(1)})

    assert break_tie(["1", "2"], jury_only)[0] == ("1", "2")
    with pytest.raises(ValueError, match=r"\['3', '4'\] are still tied"):
        break_tie(["3", "4"], jury_only)


def test_a_candidate_twice_in_a_tie_is_refused():
    with pytest.raises(ValueError, match="appears twice"):
        break_tie(["1", "1"], TieBreak(seed=SEED))


def test_the_lower_cost_wins_a_tie_without_a_lottery():
    tie_break = TieBreak(steps=(COST, LOTTERY), seed=SEED, costs={"9": 30_000, "10": 20_000})

    order, steps = break_tie(["9", "10"], tie_break)

    assert order == ("10", "9")
    assert steps == (TieStep(method=COST, values=(("10", "20000"), ("9", "30000"))),)


def test_equal_costs_go_to_the_lottery():
    tie_break = TieBreak(steps=(COST, LOTTERY), seed=SEED, costs={"9": 20_000, "10": 20_000})

    order, steps = break_tie(["9", "10"], tie_break)

    expected = tuple(sorted(["9", "10"], key=lambda c: sha(SEED, c)))
    assert order == expected
    assert [step.method for step in steps] == [COST, LOTTERY]


def test_a_lowest_cost_tie_break_without_costs_is_refused_before_any_count():
    with pytest.raises(ValueError, match="needs the candidates' costs"):
        TieBreak(steps=(COST, LOTTERY), seed=SEED).validate()
