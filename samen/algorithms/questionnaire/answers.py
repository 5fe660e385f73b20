"""One response checked against its questionnaire: which questions it showed, what each answer is worth.

Questions are read in order, so a condition always looks at an answer already checked: a question is shown when it
has no condition, or when the question its condition names was shown and its cleaned answer is, or includes, the
option. An answer to a hidden question is dropped without an error, and a hidden required question is not required.
An answer that is refused counts as no answer for the conditions after it.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

from samen.algorithms.questionnaire.definition import Kind, Question, Questionnaire

# The codes the web layer translates; a refused answer gets exactly one.
REQUIRED_MISSING = "required_missing"
WRONG_TYPE = "wrong_type"  # e.g. a list where one option is expected, text where a number is
NOT_AN_OPTION = "not_an_option"
REPEATED_CHOICE = "repeated_choice"
TOO_MANY_CHOICES = "too_many_choices"
RANKING_INCOMPLETE = "ranking_incomplete"
RANKING_REPEATS = "ranking_repeats"
OUT_OF_SCALE = "out_of_scale"
TOO_LONG = "too_long"
OUTSIDE_THE_AREA = "outside_the_area"
UNKNOWN_QUESTION = "unknown_question"

Answer = str | tuple[str, ...] | int | tuple[Fraction, Fraction]


@dataclass(frozen=True)
class Result:
    answers: Mapping[str, Answer]  # the cleaned answers to the shown questions, in the questionnaire's order
    errors: Mapping[str, str]  # question key -> code
    shown: tuple[str, ...]  # the keys of the questions this response showed

    @property
    def valid(self) -> bool:
        return not self.errors


class _Refused(Exception):
    def __init__(self, code: str) -> None:
        self.code = code


def _is_missing(value: Any) -> bool:
    return value is None or (isinstance(value, str | list | tuple | dict) and not value)


def _keys(value: Any) -> list[str]:
    if not isinstance(value, list | tuple) or not all(isinstance(item, str) for item in value):
        raise _Refused(WRONG_TYPE)
    return list(value)


def _choices(question: Question, value: Any) -> tuple[str, ...]:
    chosen = _keys(value)
    if any(choice not in question.options for choice in chosen):
        raise _Refused(NOT_AN_OPTION)
    if len(set(chosen)) != len(chosen):
        raise _Refused(REPEATED_CHOICE)
    if question.max_choices is not None and len(chosen) > question.max_choices:
        raise _Refused(TOO_MANY_CHOICES)
    return tuple(option for option in question.options if option in chosen)  # the definition's order


def _ranking(question: Question, value: Any) -> tuple[str, ...]:
    order = _keys(value)
    if any(option not in question.options for option in order):
        raise _Refused(NOT_AN_OPTION)
    if len(set(order)) != len(order):
        raise _Refused(RANKING_REPEATS)
    if len(order) > question.ranked:
        raise _Refused(TOO_MANY_CHOICES)
    if len(order) < question.ranked:
        raise _Refused(RANKING_INCOMPLETE)
    return tuple(order)


def _coordinate(value: Any) -> Fraction:
    """A float is read as the decimal it is written as (JSON), a Decimal (a web form's) or a Fraction as it is."""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal | Fraction):
        raise _Refused(WRONG_TYPE)
    if isinstance(value, float | Decimal) and not math.isfinite(value):
        raise _Refused(WRONG_TYPE)
    return Fraction(str(value)) if isinstance(value, float) else Fraction(value)


def _point(question: Question, value: Any) -> tuple[Fraction, Fraction]:
    """A point is {"longitude": x, "latitude": y} in WGS 84 degrees."""
    if not isinstance(value, Mapping) or set(value) != {"longitude", "latitude"}:
        raise _Refused(WRONG_TYPE)
    point = (_coordinate(value["longitude"]), _coordinate(value["latitude"]))
    if question.area is None or not question.area.contains(*point):
        raise _Refused(OUTSIDE_THE_AREA)
    return point


def _clean(question: Question, value: Any) -> Answer:
    kind = question.kind
    if kind == Kind.SINGLE_CHOICE:
        if not isinstance(value, str):
            raise _Refused(WRONG_TYPE)
        if value not in question.options:
            raise _Refused(NOT_AN_OPTION)
        return value
    if kind == Kind.MULTIPLE_CHOICE:
        return _choices(question, value)
    if kind == Kind.RANKING:
        return _ranking(question, value)
    if kind == Kind.SCALE:
        if isinstance(value, bool) or not isinstance(value, int):
            raise _Refused(WRONG_TYPE)
        if not question.minimum <= value <= question.maximum:
            raise _Refused(OUT_OF_SCALE)
        return value
    if kind == Kind.MAP_POINT:
        return _point(question, value)
    if not isinstance(value, str):
        raise _Refused(WRONG_TYPE)
    if len(value) > question.max_length:
        raise _Refused(TOO_LONG)
    return value


def _cleaned_text(value: Any) -> Any:
    """Surrounding white space is no part of a text answer, and white space alone is no answer."""
    return value.strip() if isinstance(value, str) else value


def is_shown(question: Question, shown: Collection[str], answers: Mapping[str, Answer]) -> bool:
    """Whether `question` is shown, given the questions shown before it and their cleaned answers."""
    condition = question.condition
    if condition is None:
        return True
    if condition.question not in shown:
        return False
    answer = answers.get(condition.question)
    return answer == condition.option if isinstance(answer, str) else condition.option in (answer or ())


def validate(questionnaire: Questionnaire, answers: Mapping[str, Any]) -> Result:
    """Check one response: the cleaned answers to the shown questions, and a code for each refused answer.

    An answer is absent when its key is missing or it is None, "" (or white space), [] or {}. A key that names no
    question is refused as unknown_question.
    """
    cleaned: dict[str, Answer] = {}
    errors: dict[str, str] = {}
    shown: dict[str, None] = {}  # ordered, and quick to ask
    for question in questionnaire.questions:
        if not is_shown(question, shown.keys(), cleaned):
            continue
        shown[question.key] = None
        value = _cleaned_text(answers.get(question.key))
        if _is_missing(value):
            if question.required:
                errors[question.key] = REQUIRED_MISSING
            continue
        try:
            cleaned[question.key] = _clean(question, value)
        except _Refused as refusal:
            errors[question.key] = refusal.code
    for key in answers:
        if key not in questionnaire.by_key:
            errors[key] = UNKNOWN_QUESTION
    return Result(answers=cleaned, errors=errors, shown=tuple(shown))
