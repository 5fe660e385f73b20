"""Answering a consultation through the services: one response per person, changeable until the phase ends,
refused whole when an answer is wrong."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from samen.consultations import services
from samen.consultations.models import Question, Response
from tests.consultations.conftest import ANSWERS, consultation_at

pytestmark = pytest.mark.django_db


def test_a_resident_answers_and_the_cleaned_answers_are_kept(resident, open_consultation):
    response = services.submit_response(questionnaire=open_consultation, user=resident, raw_answers=ANSWERS)

    response.refresh_from_db()
    assert response.answers == ANSWERS
    assert response.voter == resident


def test_answering_again_changes_the_one_response(resident, open_consultation):
    services.submit_response(questionnaire=open_consultation, user=resident, raw_answers=ANSWERS)

    services.submit_response(questionnaire=open_consultation, user=resident, raw_answers={"cycling": "no"})

    assert list(Response.objects.values_list("answers", flat=True)) == [{"cycling": "no"}]


def test_answers_to_a_question_whose_condition_is_not_met_are_dropped(resident, open_consultation):
    response = services.submit_response(
        questionnaire=open_consultation, user=resident, raw_answers={"cycling": "no", "routes": ["canal"]}
    )

    assert response.answers == {"cycling": "no"}


def test_a_required_question_left_empty_is_refused_and_nothing_is_saved(resident, open_consultation):
    with pytest.raises(ValidationError) as refused:
        services.submit_response(questionnaire=open_consultation, user=resident, raw_answers={"safety": 3})

    assert refused.value.message_dict == {"cycling": ["Answer this question: it is required."]}
    assert Response.objects.count() == 0


def test_a_changed_response_with_a_wrong_answer_keeps_the_earlier_one(resident, open_consultation):
    services.submit_response(questionnaire=open_consultation, user=resident, raw_answers=ANSWERS)

    with pytest.raises(ValidationError) as refused:
        services.submit_response(
            questionnaire=open_consultation, user=resident, raw_answers={"cycling": "yes", "safety": 9}
        )

    assert refused.value.message_dict == {"safety": ["Choose a value from 1 to 5."]}
    assert Response.objects.get().answers == ANSWERS


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({"cycling": "maybe"}, "Choose among the options offered."),
        ({"cycling": "yes", "routes": ["canal", "park", "centre"]}, "Choose at most 2 options."),
        ({"cycling": "yes", "priorities": ["lanes"]}, "Give a place to exactly 3 options."),
        ({"cycling": "yes", "name_it": "x" * 41}, "Write at most 40 characters."),
        (
            {"cycling": "yes", "danger": {"latitude": 48.85, "longitude": 2.35}},
            "This location is outside the Brussels-Capital Region. Choose a place inside the Region.",
        ),
    ],
)
def test_each_type_of_wrong_answer_is_refused_in_words(resident, open_consultation, answers, message):
    key = next(key for key in answers if key != "cycling" or len(answers) == 1)

    with pytest.raises(ValidationError) as refused:
        services.submit_response(questionnaire=open_consultation, user=resident, raw_answers=answers)

    assert refused.value.message_dict == {key: [message]}
    assert Response.objects.count() == 0


def test_nobody_answers_once_the_consultation_has_ended(resident, ended_consultation):
    with pytest.raises(PermissionDenied):
        services.submit_response(questionnaire=ended_consultation, user=resident, raw_answers=ANSWERS)

    assert Response.objects.count() == 0


def test_a_condition_that_hides_a_required_question_is_refused_in_words(open_consultation):
    questions = list(open_consultation.questions.all())
    questions[1].required, questions[1].condition_option = True, "often"

    with pytest.raises(ValidationError) as refused:
        services.check_definition(questions)

    assert refused.value.messages == [
        "Question “routes” is shown on a condition on an option that does not exist: it would never be shown."
    ]


def test_a_scale_without_ends_is_refused_in_words(db):
    questionnaire = consultation_at("future")
    questions = list(questionnaire.questions.all())
    questions[3].scale_max = None

    with pytest.raises(ValidationError) as refused:
        services.check_definition(questions)

    assert refused.value.messages == [
        "Question “safety” needs a lowest and a highest value, the lowest below the highest."
    ]
    assert questions[3].kind == Question.Kind.SCALE
