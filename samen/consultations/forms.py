"""The questionnaire as a web form: one or more fields per question. Forms check shape (a number is a number); the
questionnaire's rules (samen.algorithms.questionnaire, through the services) check everything else."""

from decimal import Decimal

from django import forms
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from samen.assisted.forms import ConsentForm
from samen.consultations.models import Question

Kind = Question.Kind


def field_name(question: Question, part: str = "") -> str:
    return f"q_{question.key}__{part}" if part else f"q_{question.key}"


def _choices(question: Question) -> list[tuple[str, str]]:
    return [(key, question.option_label(key)) for key in question.option_keys]


def _fields_of(question: Question) -> dict[str, forms.Field]:
    """The fields of one question; they are all optional here: whether an answer is required depends on the
    answers before it (its condition), which the questionnaire's rules decide."""
    if question.kind == Kind.SINGLE_CHOICE:
        return {field_name(question): forms.ChoiceField(choices=_choices(question), widget=forms.RadioSelect)}
    if question.kind == Kind.MULTIPLE_CHOICE:
        return {
            field_name(question): forms.MultipleChoiceField(
                choices=_choices(question), widget=forms.CheckboxSelectMultiple
            )
        }
    if question.kind == Kind.RANKING:
        places = [("", "-"), *((str(place), str(place)) for place in range(1, len(question.option_keys) + 1))]
        return {
            field_name(question, key): forms.TypedChoiceField(label=label, choices=places, coerce=int, empty_value=None)
            for key, label in _choices(question)
        }
    if question.kind == Kind.SCALE:
        values = range(question.scale_min or 0, (question.scale_max or 0) + 1)
        return {
            field_name(question): forms.TypedChoiceField(
                choices=[(str(value), str(value)) for value in values],
                coerce=int,
                empty_value=None,
                widget=forms.RadioSelect,
            )
        }
    if question.kind in {Kind.SHORT_TEXT, Kind.LONG_TEXT}:
        widget = forms.Textarea(attrs={"rows": 5}) if question.kind == Kind.LONG_TEXT else forms.TextInput
        return {field_name(question): forms.CharField(widget=widget)}
    return {
        field_name(question, "latitude"): forms.DecimalField(
            label=_("Latitude"), max_digits=9, decimal_places=6, min_value=Decimal(-90), max_value=Decimal(90)
        ),
        field_name(question, "longitude"): forms.DecimalField(
            label=_("Longitude"), max_digits=9, decimal_places=6, min_value=Decimal(-180), max_value=Decimal(180)
        ),
    }


def label_of(question: Question, number: int) -> str:
    params = {"number": number, "question": question.text}
    if question.required:
        return _("%(number)s. %(question)s (required)") % params
    return _("%(number)s. %(question)s") % params


def initial_of(question: Question, answer) -> dict:
    """A stored answer as the form's initial values, so that a resident sees and changes what they answered."""
    if answer is None:
        return {}
    if question.kind == Kind.RANKING:
        return {field_name(question, key): place for place, key in enumerate(answer, start=1)}
    if question.kind == Kind.MAP_POINT:
        return {
            field_name(question, "latitude"): answer["latitude"],
            field_name(question, "longitude"): answer["longitude"],
        }
    return {field_name(question): answer}


class QuestionnaireForm(forms.Form):
    def __init__(self, *args, questions: list[Question], answers: dict | None = None, **kwargs):
        initial = {}
        for question in questions:
            initial |= initial_of(question, (answers or {}).get(question.key))
        super().__init__(*args, initial=initial, label_suffix="", **kwargs)
        self.questions = questions
        for number, question in enumerate(questions, start=1):
            for name, field in _fields_of(question).items():
                field.required = False
                if field.label is None:
                    field.label = label_of(question, number)
                    field.help_text = escape(question.help)
                self.fields[name] = field

    def fields_of(self, question: Question) -> list:
        return [self[name] for name in _fields_of(question)]

    def raw_answers(self) -> dict:
        """The answers as the questionnaire's rules read them (a ranking as its options in order of place)."""
        data = self.cleaned_data
        answers = {}
        for question in self.questions:
            if question.kind == Kind.RANKING:
                places = {key: data.get(field_name(question, key)) for key in question.option_keys}
                ranked = sorted((place, key) for key, place in places.items() if place is not None)
                order = [key for _place, key in ranked]
                if len({place for place, _key in ranked}) != len(ranked):
                    order.append(order[0])  # two options in one place: a repeat, which the rules refuse
                answers[question.key] = order
            elif question.kind == Kind.MAP_POINT:
                point = {part: data.get(field_name(question, part)) for part in ("latitude", "longitude")}
                given = {part: value for part, value in point.items() if value is not None}
                answers[question.key] = given  # {} is no answer; one of the two alone is refused
            else:
                answers[question.key] = data.get(field_name(question))
        return answers

    def add_answer_errors(self, refusal) -> None:
        """Each refused answer's message on the question's first field (the error summary links to it)."""
        by_key = {question.key: question for question in self.questions}
        for key, errors in refusal.error_dict.items():
            question = by_key.get(key)
            name = next(iter(_fields_of(question))) if question else None
            for error in errors:
                self.add_error(name, error)


class PaperResponseForm(QuestionnaireForm):
    paper_reference = forms.CharField(label=_("Number written on the paper questionnaire"), max_length=40)
    national_number = forms.CharField(
        label=_("Respondent's national register number"),
        max_length=20,
        help_text=_(
            "From the respondent's identity card. It is never stored as such: it only makes sure a person answers once."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
    )
    born_on = forms.DateField(label=_("Respondent's date of birth"), widget=forms.DateInput(attrs={"type": "date"}))


class AssistedResponseForm(QuestionnaireForm, ConsentForm):
    """A facilitator enters a resident's answers: who the resident is, their consent, and the questionnaire."""
