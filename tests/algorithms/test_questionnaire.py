import json
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samen.algorithms.cli import main
from samen.algorithms.questionnaire import (
    Area,
    Condition,
    DefinitionError,
    Kind,
    Question,
    Questionnaire,
    ResponseError,
    define,
    from_json,
    tally,
    tally_json,
    validate,
)

# The Place du Jeu de Balle, as the consultation asks about it.
QUESTIONNAIRE_JSON = {
    "questions": [
        {"key": "market", "type": "single_choice", "required": True, "options": ["yes", "no"]},
        {"key": "why", "type": "long_text", "max_length": 200, "condition": {"question": "market", "option": "no"}},
        {"key": "uses", "type": "multiple_choice", "options": ["market", "play", "terrace", "trees"], "max_choices": 2},
        {
            "key": "trees_where",
            "type": "map_point",
            "required": True,
            "area": {"west": 4.340, "south": 50.835, "east": 4.346, "north": 50.838},
            "condition": {"question": "uses", "option": "trees"},
        },
        {"key": "priorities", "type": "ranking", "options": ["benches", "shade", "toilets"], "top": 2},
        {"key": "noise", "type": "scale", "required": True, "min": 1, "max": 5},
        {"key": "name_it", "type": "short_text", "max_length": 40},
    ]
}
# Counted by hand below, in test_tally_counts_the_example_as_by_hand.
RESPONSES = [
    {
        "market": "yes",
        "uses": ["market", "trees"],
        "trees_where": {"longitude": 4.343, "latitude": 50.836},
        "priorities": ["shade", "benches"],
        "noise": 4,
    },
    {
        "market": "no",
        "why": "Too crowded on Sundays",
        "uses": ["play"],
        "priorities": ["toilets", "shade"],
        "noise": 2,
        "name_it": "Vossenplein",
    },
    {
        "market": "yes",
        "uses": ["trees", "terrace"],
        "trees_where": {"longitude": 4.344, "latitude": 50.837},
        "priorities": ["shade", "toilets"],
        "noise": 5,
    },
    {"market": "no", "uses": [], "noise": 2},
]


@pytest.fixture
def questionnaire():
    return from_json(QUESTIONNAIRE_JSON)


def answered(**answers):
    """A valid response with the required answers, changed by `answers`."""
    return {"market": "yes", "noise": 3} | answers


@pytest.mark.parametrize(
    ("answers", "cleaned"),
    [
        ({"market": "no"}, {"market": "no"}),
        ({"uses": ["play", "market"]}, {"uses": ("market", "play")}),
        ({"priorities": ["toilets", "benches"]}, {"priorities": ("toilets", "benches")}),
        ({"noise": 1}, {"noise": 1}),
        ({"noise": 5}, {"noise": 5}),
        ({"name_it": "  Vossenplein "}, {"name_it": "Vossenplein"}),
        ({"name_it": "x" * 40}, {"name_it": "x" * 40}),
        (
            {"uses": ["trees"], "trees_where": {"longitude": 4.340, "latitude": 50.838}},
            {"uses": ("trees",), "trees_where": (Fraction("4.340"), Fraction("50.838"))},
        ),
        (
            {"uses": ["trees"], "trees_where": {"longitude": Decimal("4.3431"), "latitude": Decimal("50.8365")}},
            {"uses": ("trees",), "trees_where": (Fraction("4.3431"), Fraction("50.8365"))},
        ),
    ],
)
def test_a_valid_answer_of_each_type_is_kept_cleaned(questionnaire, answers, cleaned):
    result = validate(questionnaire, answered(**answers))

    assert result.errors == {}
    assert result.valid
    assert result.answers == {"market": "yes", "noise": 3} | cleaned


@pytest.mark.parametrize(
    ("answers", "question", "code"),
    [
        ({"market": "maybe"}, "market", "not_an_option"),
        ({"market": ["yes"]}, "market", "wrong_type"),
        ({"uses": ["market", "play", "trees"]}, "uses", "too_many_choices"),
        ({"uses": ["market", "shops"]}, "uses", "not_an_option"),
        ({"uses": ["play", "play"]}, "uses", "repeated_choice"),
        ({"uses": "play"}, "uses", "wrong_type"),
        ({"priorities": ["shade"]}, "priorities", "ranking_incomplete"),
        ({"priorities": ["shade", "shade"]}, "priorities", "ranking_repeats"),
        ({"priorities": ["shade", "toilets", "benches"]}, "priorities", "too_many_choices"),
        ({"priorities": ["shade", "fountain"]}, "priorities", "not_an_option"),
        ({"noise": 0}, "noise", "out_of_scale"),
        ({"noise": 6}, "noise", "out_of_scale"),
        ({"noise": 2.5}, "noise", "wrong_type"),
        ({"noise": True}, "noise", "wrong_type"),
        ({"noise": None}, "noise", "required_missing"),
        ({"name_it": "x" * 41}, "name_it", "too_long"),
        ({"name_it": 7}, "name_it", "wrong_type"),
        (
            {"uses": ["trees"], "trees_where": {"longitude": 4.35, "latitude": 50.836}},
            "trees_where",
            "outside_the_area",
        ),
        ({"uses": ["trees"], "trees_where": {"longitude": "4.343", "latitude": 50.836}}, "trees_where", "wrong_type"),
        ({"uses": ["trees"], "trees_where": [4.343, 50.836]}, "trees_where", "wrong_type"),
        ({"uses": ["trees"]}, "trees_where", "required_missing"),
        (
            {"uses": ["trees"], "trees_where": {"longitude": Decimal("NaN"), "latitude": 50.836}},
            "trees_where",
            "wrong_type",
        ),
        ({"colour": "red"}, "colour", "unknown_question"),
    ],
)
def test_an_invalid_answer_gets_its_code_and_is_not_kept(questionnaire, answers, question, code):
    result = validate(questionnaire, answered(**answers))

    assert result.errors == {question: code}
    assert not result.valid
    assert question not in result.answers


def test_a_required_question_left_empty_or_blank_is_missing(questionnaire):
    result = validate(questionnaire, {"market": "   ", "why": "not shown"})

    assert result.errors == {"market": "required_missing", "noise": "required_missing"}
    assert result.answers == {}


def test_a_question_is_shown_when_its_condition_is_met(questionnaire):
    result = validate(questionnaire, answered(market="no", why="Too crowded"))

    assert result.answers == {"market": "no", "why": "Too crowded", "noise": 3}
    assert "why" in result.shown


def test_an_answer_to_a_hidden_question_is_dropped_without_an_error(questionnaire):
    result = validate(questionnaire, answered(market="yes", why="Too crowded"))

    assert result.errors == {}
    assert result.answers == {"market": "yes", "noise": 3}
    assert "why" not in result.shown


def test_a_required_question_hidden_by_its_condition_is_not_required(questionnaire):
    result = validate(questionnaire, answered(uses=["play"]))

    assert result.errors == {}
    assert "trees_where" not in result.shown


def test_a_refused_answer_shows_nothing_that_depends_on_it(questionnaire):
    point = {"longitude": 4.343, "latitude": 50.836}

    result = validate(questionnaire, answered(uses=["trees", "play", "market"], trees_where=point))

    assert result.errors == {"uses": "too_many_choices"}
    assert "trees_where" not in result.answers


CHAIN = [
    Question("first", Kind.SINGLE_CHOICE, required=True, options=("a", "b")),
    Question("second", Kind.MULTIPLE_CHOICE, options=("c", "d"), condition=Condition("first", "a")),
    Question("third", Kind.SHORT_TEXT, required=True, max_length=10, condition=Condition("second", "d")),
]


@pytest.mark.parametrize(
    ("answers", "shown", "errors"),
    [
        ({"first": "a", "second": ["d"], "third": "yes"}, ("first", "second", "third"), {}),
        ({"first": "a", "second": ["d"]}, ("first", "second", "third"), {"third": "required_missing"}),
        ({"first": "a", "second": ["c"], "third": "yes"}, ("first", "second"), {}),
        ({"first": "b", "second": ["d"], "third": "yes"}, ("first",), {}),
    ],
)
def test_conditions_chain_a_question_hidden_hides_those_that_depend_on_it(answers, shown, errors):
    result = validate(define(CHAIN), answers)

    assert result.shown == shown
    assert result.errors == errors
    assert set(result.answers) == set(shown) - set(errors)


@pytest.mark.parametrize(
    ("questions", "question", "code"),
    [
        (
            [Question("q1", Kind.SINGLE_CHOICE, options=("a", "b"), condition=Condition("q1", "a"))],
            "q1",
            "condition_cycle",
        ),
        (
            [
                Question("q1", Kind.SINGLE_CHOICE, options=("a", "b"), condition=Condition("q2", "c")),
                Question("q2", Kind.SINGLE_CHOICE, options=("c", "d"), condition=Condition("q1", "a")),
            ],
            "q1",
            "condition_on_later_question",
        ),
        (
            [Question("q1", Kind.SCALE, minimum=1, maximum=5, condition=Condition("q0", "a"))],
            "q1",
            "unknown_condition_question",
        ),
        (
            [
                Question("q1", Kind.SINGLE_CHOICE, options=("yes", "no")),
                Question("q2", Kind.SHORT_TEXT, required=True, max_length=9, condition=Condition("q1", "maybe")),
            ],
            "q2",
            "unknown_condition_option",
        ),
        (
            [
                Question("q1", Kind.SCALE, minimum=1, maximum=5),
                Question("q2", Kind.SHORT_TEXT, max_length=9, condition=Condition("q1", "5")),
            ],
            "q2",
            "condition_not_on_a_choice",
        ),
        ([Question("q1", Kind.SINGLE_CHOICE, options=("only",))], "q1", "too_few_options"),
        ([Question("q1", Kind.SINGLE_CHOICE, options=("a", "a"))], "q1", "repeated_option"),
        ([Question("q1", Kind.SCALE, minimum=1, maximum=5, options=("a", "b"))], "q1", "options_not_allowed"),
        ([Question("q1", Kind.MULTIPLE_CHOICE, options=("a", "b"), max_choices=0)], "q1", "bad_max_choices"),
        ([Question("q1", Kind.RANKING, options=("a", "b"), top=3)], "q1", "bad_top"),
        ([Question("q1", Kind.SCALE, minimum=5, maximum=5)], "q1", "bad_scale"),
        ([Question("q1", Kind.LONG_TEXT)], "q1", "bad_max_length"),
        (
            [Question("q1", Kind.MAP_POINT, area=Area(Fraction(4), Fraction(51), Fraction(5), Fraction(50)))],
            "q1",
            "bad_area",
        ),
        (
            [Question("q1", Kind.SHORT_TEXT, max_length=9), Question("q1", Kind.SHORT_TEXT, max_length=9)],
            "q1",
            "repeated_question",
        ),
    ],
)
def test_a_broken_definition_is_refused_with_a_code(questions, question, code):
    with pytest.raises(DefinitionError) as refusal:
        define(questions)

    assert (refusal.value.question, refusal.value.code) == (question, code)


def test_a_questionnaire_built_directly_is_checked_too():
    with pytest.raises(DefinitionError) as refusal:
        Questionnaire((Question("q1", Kind.RANKING, options=("a", "b"), condition=Condition("q1", "a")),))

    assert refusal.value.code == "condition_cycle"


def test_tally_counts_the_example_as_by_hand(questionnaire):
    result = tally_json(tally(questionnaire, RESPONSES))

    assert result == {
        "responses": 4,
        "questions": [
            {
                "key": "market",
                "type": "single_choice",
                "seen": 4,
                "answered": 4,
                "counts": {"yes": 2, "no": 2},
                "shares": {"yes": "1/2", "no": "1/2"},
            },
            {"key": "why", "type": "long_text", "seen": 2, "answered": 1},
            {
                "key": "uses",
                "type": "multiple_choice",
                "seen": 4,
                "answered": 3,
                "counts": {"market": 1, "play": 1, "terrace": 1, "trees": 2},
                "shares": {"market": "1/4", "play": "1/4", "terrace": "1/4", "trees": "1/2"},
            },
            {
                "key": "trees_where",
                "type": "map_point",
                "seen": 2,
                "answered": 2,
                "points": [
                    {"longitude": "4343/1000", "latitude": "12709/250"},
                    {"longitude": "543/125", "latitude": "50837/1000"},
                ],
            },
            {
                "key": "priorities",
                "type": "ranking",
                "seen": 4,
                "answered": 3,
                "counts": {"benches": 1, "shade": 3, "toilets": 2},
                "shares": {"benches": "1/4", "shade": "3/4", "toilets": "1/2"},
                # 3 options: first place 2 points, second 1, left out 0.
                "first_places": {"benches": 0, "shade": 2, "toilets": 1},
                "borda": {"benches": 1, "shade": 5, "toilets": 3},
            },
            {
                "key": "noise",
                "type": "scale",
                "seen": 4,
                "answered": 4,
                "distribution": {"1": 0, "2": 2, "3": 0, "4": 1, "5": 1},
                "mean": "13/4",
            },
            {"key": "name_it", "type": "short_text", "seen": 4, "answered": 1},
        ],
    }


def test_tally_refuses_an_invalid_response_naming_its_number(questionnaire):
    with pytest.raises(ResponseError) as refusal:
        tally(questionnaire, [*RESPONSES, {"market": "yes", "noise": 9}])

    assert (refusal.value.response, refusal.value.errors) == (5, {"noise": "out_of_scale"})


def test_tally_refuses_a_response_that_is_not_an_object(questionnaire):
    with pytest.raises(ResponseError) as refusal:
        tally(questionnaire, [RESPONSES[0], ["yes", 3]])

    assert str(refusal.value) == "response 2 is refused (wrong_type)"


def test_a_share_is_of_those_who_saw_the_question_and_none_when_nobody_did():
    questions = define(CHAIN)

    result = tally(questions, [{"first": "b"}, {"first": "b"}])

    assert [(q.key, q.seen) for q in result.questions] == [("first", 2), ("second", 0), ("third", 0)]
    assert result.questions[1].shares == {"c": None, "d": None}


@pytest.fixture
def published(tmp_path):
    (tmp_path / "questionnaire.json").write_text(json.dumps(QUESTIONNAIRE_JSON), encoding="utf-8")
    (tmp_path / "responses.json").write_text(json.dumps(RESPONSES), encoding="utf-8")
    return tmp_path


def test_samen_questionnaire_tally_prints_the_published_results(published, capsys, questionnaire):
    status = main(["questionnaire", "tally", str(published / "questionnaire.json"), str(published / "responses.json")])

    assert status == 0
    assert json.loads(capsys.readouterr().out) == tally_json(tally(questionnaire, RESPONSES))


def test_samen_questionnaire_tally_names_the_refused_response(published, capsys):
    (published / "responses.json").write_text(json.dumps([*RESPONSES, {"noise": 3}]), encoding="utf-8")

    status = main(["questionnaire", "tally", str(published / "questionnaire.json"), str(published / "responses.json")])

    assert status == 2
    assert capsys.readouterr().err == (
        f"samen questionnaire: {published / 'responses.json'}: response 5 is refused (market: required_missing)\n"
    )


def test_samen_questionnaire_tally_refuses_a_broken_definition(published, capsys):
    broken = {"questions": [{"key": "q1", "type": "ranking", "options": ["a", "b"], "top": 3}]}
    (published / "questionnaire.json").write_text(json.dumps(broken), encoding="utf-8")

    status = main(["questionnaire", "tally", str(published / "questionnaire.json"), str(published / "responses.json")])

    assert status == 2
    assert capsys.readouterr().err == (
        f"samen questionnaire: {published / 'questionnaire.json'}: question 'q1': top must be between 1 and the 2 "
        "options\n"
    )


ANY_VALUE = (
    st.none()
    | st.booleans()
    | st.integers(-2, 7)
    | st.text(max_size=45)
    | st.sampled_from(["yes", "no", "market", "play", "trees", "shade", "toilets", "benches"])
    | st.lists(st.sampled_from(["market", "play", "trees", "shade", "toilets", "benches", "x"]), max_size=4)
    | st.fixed_dictionaries({"longitude": st.floats(4.33, 4.35), "latitude": st.floats(50.83, 50.84)})
)
KEYS = [question["key"] for question in QUESTIONNAIRE_JSON["questions"]]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(KEYS), ANY_VALUE))
def test_cleaned_answers_are_shown_and_valid_as_they_are(answers):
    questionnaire = from_json(QUESTIONNAIRE_JSON)

    first = validate(questionnaire, answers)
    again = validate(questionnaire, {key: _as_given(value) for key, value in first.answers.items()})

    assert set(first.answers) <= set(first.shown)
    assert set(first.answers) | set(first.errors) <= set(answers) | {"market", "noise", "trees_where"}
    assert again.answers == first.answers
    assert set(again.errors) <= {"market", "noise", "trees_where"} & set(first.errors)


def _as_given(value):
    """A cleaned answer written back as a respondent gives it."""
    if isinstance(value, tuple) and value and isinstance(value[0], Fraction):
        return {"longitude": value[0], "latitude": value[1]}
    return list(value) if isinstance(value, tuple) else value
