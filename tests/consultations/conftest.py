"""A consultation in Laeken at each step (answers open, ended, to come), with a question of every type."""

from datetime import timedelta

import pytest
from django.utils import timezone

from samen.consultations.models import Question, Questionnaire
from tests.factories import PhaseFactory, ProcessFactory

STAGES = {"open": (-5, 5), "ended": (-20, -1), "future": (5, 20)}  # days from today of the consultation phase


def _options(*pairs) -> list[dict]:
    return [
        {"key": key, "label_nl": f"{label} (nl)", "label_fr": f"{label} (fr)", "label_en": label}
        for key, label in pairs
    ]


QUESTIONS = [
    {
        "key": "cycling",
        "kind": Question.Kind.SINGLE_CHOICE,
        "text_en": "Do you cycle to work?",
        "required": True,
        "options": _options(("yes", "Yes"), ("no", "No")),
    },
    {
        "key": "routes",
        "kind": Question.Kind.MULTIPLE_CHOICE,
        "text_en": "Which routes do you take?",
        "options": _options(("canal", "Along the canal"), ("park", "Through the park"), ("centre", "Via the centre")),
        "max_choices": 2,
        "condition_question": "cycling",
        "condition_option": "yes",
    },
    {
        "key": "priorities",
        "kind": Question.Kind.RANKING,
        "text_en": "Rank these improvements",
        "options": _options(("lanes", "Cycle lanes"), ("parking", "Bicycle parking"), ("lights", "Street lights")),
    },
    {
        "key": "safety",
        "kind": Question.Kind.SCALE,
        "text_en": "How safe do you feel?",
        "scale_min": 1,
        "scale_max": 5,
        "min_label_nl": "Onveilig",
        "min_label_fr": "Pas sûr",
        "min_label_en": "Unsafe",
        "max_label_nl": "Veilig",
        "max_label_fr": "Sûr",
        "max_label_en": "Safe",
    },
    {"key": "name_it", "kind": Question.Kind.SHORT_TEXT, "text_en": "A name for the new route", "max_length": 40},
    {"key": "remarks", "kind": Question.Kind.LONG_TEXT, "text_en": "Anything else?", "max_length": 2000},
    {"key": "danger", "kind": Question.Kind.MAP_POINT, "text_en": "Where is the most dangerous crossing?"},
]

# A complete response: every question answered.
ANSWERS = {
    "cycling": "yes",
    "routes": ["canal", "park"],
    "priorities": ["lanes", "lights", "parking"],
    "safety": 4,
    "name_it": "Green line",
    "remarks": "More light under the bridge.",
    "danger": {"latitude": 50.87, "longitude": 4.35},
}


def consultation_at(stage: str, *, voters: str = "") -> Questionnaire:
    """Open to any signed-in account unless `voters` asks for verified residents (Laeken, City of Brussels)."""
    today = timezone.localdate()
    process = ProcessFactory(scope="neighbourhood", neighbourhood_code=20, voters=voters)
    first, last = STAGES[stage]
    PhaseFactory(
        process=process, kind="consultation", first_day=today + timedelta(first), last_day=today + timedelta(last)
    )
    questionnaire = Questionnaire.objects.create(
        process=process, intro_nl="Fietsen in Laken", intro_fr="Le vélo à Laeken", intro_en="Cycling in Laeken"
    )
    for position, fields in enumerate(QUESTIONS):
        text = fields["text_en"]
        Question.objects.create(
            questionnaire=questionnaire, position=position, text_nl=f"{text} (nl)", text_fr=f"{text} (fr)", **fields
        )
    return questionnaire


@pytest.fixture
def open_consultation(db):
    return consultation_at("open")


@pytest.fixture
def ended_consultation(db):
    return consultation_at("ended")
