"""Managers write the questionnaire in the admin, questions inline; a definition its rules refuse is not saved."""

import json

import pytest
from django.urls import reverse

from samen.consultations import services
from samen.consultations.models import Questionnaire
from tests.consultations.conftest import consultation_at
from tests.factories import PhaseFactory, ProcessFactory

pytestmark = pytest.mark.django_db

YES_NO = json.dumps(
    [{"key": "yes", "label_nl": "Ja", "label_fr": "Oui"}, {"key": "no", "label_nl": "Nee", "label_fr": "Non"}]
)


def _question(index: int, **fields) -> dict:
    blank = {
        "position": index,
        "key": "",
        "kind": "",
        "text_nl": "",
        "text_fr": "",
        "text_en": "",
        "help_nl": "",
        "help_fr": "",
        "help_en": "",
        "options": "[]",
        "max_choices": "",
        "top": "",
        "scale_min": "",
        "scale_max": "",
        "min_label_nl": "",
        "min_label_fr": "",
        "min_label_en": "",
        "max_label_nl": "",
        "max_label_fr": "",
        "max_label_en": "",
        "max_length": "",
        "condition_question": "",
        "condition_option": "",
    }
    return {f"questions-{index}-{name}": value for name, value in (blank | fields).items()}


def _form(process, *questions) -> dict:
    data = {
        "process": process.pk,
        "intro_nl": "Inleiding",
        "intro_fr": "Introduction",
        "intro_en": "",
        "questions-TOTAL_FORMS": len(questions),
        "questions-INITIAL_FORMS": 0,
        "questions-MIN_NUM_FORMS": 0,
        "questions-MAX_NUM_FORMS": 1000,
    }
    for question in questions:
        data |= question
    return data


CYCLING = _question(0, key="cycling", kind="single_choice", text_nl="Fietst u?", text_fr="Vous roulez à vélo ?")
CYCLING["questions-0-options"] = YES_NO
CYCLING["questions-0-required"] = "on"


@pytest.fixture
def process():
    created = ProcessFactory()
    PhaseFactory(process=created, kind="consultation")
    return created


def test_a_manager_writes_a_questionnaire_with_a_question_shown_on_a_condition(client, manager, process):
    routes = _question(
        1,
        key="routes",
        kind="long_text",
        text_nl="Welke route?",
        text_fr="Quel trajet ?",
        max_length="500",
        condition_question="cycling",
        condition_option="yes",
    )
    client.force_login(manager)

    response = client.post(reverse("admin:consultations_questionnaire_add"), _form(process, CYCLING, routes))

    assert response.status_code == 302
    assert list(Questionnaire.objects.get().questions.values_list("key", flat=True)) == ["cycling", "routes"]


def test_a_condition_that_hides_a_required_question_for_good_is_refused_in_words(client, manager, process):
    routes = _question(
        1,
        key="routes",
        kind="long_text",
        required="on",
        text_nl="Welke route?",
        text_fr="Quel trajet ?",
        max_length="500",
        condition_question="cycling",
        condition_option="often",
    )
    client.force_login(manager)

    response = client.post(reverse("admin:consultations_questionnaire_add"), _form(process, CYCLING, routes))

    assert response.status_code == 200
    assert (
        "Question “routes” is shown on a condition on an option that does not exist: it would never be shown."
        in response.content.decode()
    )
    assert Questionnaire.objects.count() == 0


def test_a_question_needs_its_text_in_dutch_and_in_french(client, manager, process):
    client.force_login(manager)
    cycling = CYCLING | {"questions-0-text_fr": ""}

    response = client.post(reverse("admin:consultations_questionnaire_add"), _form(process, cycling))

    assert response.status_code == 200
    assert "Write the French version too: Brussels publishes in Dutch and French." in response.content.decode()
    assert Questionnaire.objects.count() == 0


def test_a_resident_cannot_write_a_questionnaire(client, resident, process):
    client.force_login(resident)

    response = client.post(reverse("admin:consultations_questionnaire_add"), _form(process, CYCLING))

    assert response.status_code == 302  # to the admin's sign-in
    assert Questionnaire.objects.count() == 0


def test_once_someone_has_answered_the_questions_cannot_change(client, manager, resident):
    questionnaire = consultation_at("open")
    services.submit_response(questionnaire=questionnaire, user=resident, raw_answers={"cycling": "no"})
    client.force_login(manager)
    url = reverse("admin:consultations_questionnaire_change", args=[questionnaire.pk])

    page = client.get(url).content.decode()
    client.post(url, _form(questionnaire.process, CYCLING | {"questions-0-text_nl": "Gewijzigd"}))

    assert 'name="questions-0-text_nl"' not in page
    assert questionnaire.questions.get(key="cycling").text_nl == "Do you cycle to work? (nl)"
