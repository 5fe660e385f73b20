"""A questionnaire's definition: its questions, their types and limits, and the conditions that show them.

A definition is checked once, when it is built (`define`), so answering and counting never meet a broken one. Texts
(question wording, option labels, a scale's end labels) are the web layer's, in every language: here a question and
each of its options have only a stable key.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from fractions import Fraction
from numbers import Rational
from typing import Any


class Kind(StrEnum):
    SINGLE_CHOICE = "single_choice"
    MULTIPLE_CHOICE = "multiple_choice"
    RANKING = "ranking"
    SCALE = "scale"
    SHORT_TEXT = "short_text"
    LONG_TEXT = "long_text"
    MAP_POINT = "map_point"


CHOICE_KINDS = frozenset({Kind.SINGLE_CHOICE, Kind.MULTIPLE_CHOICE, Kind.RANKING})
TEXT_KINDS = frozenset({Kind.SHORT_TEXT, Kind.LONG_TEXT})


class DefinitionError(ValueError):
    """A questionnaire that cannot be answered as defined; `code` names the rule, `question` the question's key."""

    def __init__(self, question: str, code: str, message: str) -> None:
        super().__init__(f"question {question!r}: {message}")
        self.question = question
        self.code = code


@dataclass(frozen=True)
class Condition:
    """Show the question only if the answer to `question` is, or includes, the option `option`."""

    question: str
    option: str


@dataclass(frozen=True)
class Area:
    """A bounding box in WGS 84 degrees, edges included; exact numbers, so a point on the edge is inside."""

    west: Fraction
    south: Fraction
    east: Fraction
    north: Fraction

    def contains(self, longitude: Fraction, latitude: Fraction) -> bool:
        return self.west <= longitude <= self.east and self.south <= latitude <= self.north


@dataclass(frozen=True)
class Question:
    key: str
    kind: Kind
    required: bool = False
    options: tuple[str, ...] = ()  # the choice kinds: stable option keys, in the order shown
    max_choices: int | None = None  # multiple choice: at most this many options (None: all)
    top: int | None = None  # ranking: rank the first `top` options (None: rank them all)
    minimum: int | None = None  # scale: the lowest value, its end labelled by the web layer
    maximum: int | None = None  # scale: the highest value
    max_length: int | None = None  # texts: characters
    area: Area | None = None  # map point: where a point may be
    condition: Condition | None = None

    @property
    def ranked(self) -> int:
        """How many options a ranking orders: its `top`, or all of them."""
        return self.top if self.top is not None else len(self.options)


@dataclass(frozen=True)
class Questionnaire:
    """Checked when built (`_check`), so validating and counting never meet a broken definition."""

    questions: tuple[Question, ...]
    by_key: Mapping[str, Question] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "questions", tuple(self.questions))
        _check(self.questions)
        object.__setattr__(self, "by_key", {question.key: question for question in self.questions})


def _refuse_limits(question: Question) -> None:
    key, kind = question.key, question.kind
    if kind in CHOICE_KINDS:
        if len(question.options) < 2:
            raise DefinitionError(key, "too_few_options", "a choice needs at least two options")
        if len(set(question.options)) != len(question.options):
            raise DefinitionError(key, "repeated_option", "an option key is listed twice")
    elif question.options:
        raise DefinitionError(key, "options_not_allowed", f"a {kind} question has no options")
    if kind == Kind.MULTIPLE_CHOICE and question.max_choices is not None and question.max_choices < 1:
        raise DefinitionError(key, "bad_max_choices", "max_choices must be at least 1")
    if kind == Kind.RANKING and question.top is not None and not 1 <= question.top <= len(question.options):
        raise DefinitionError(key, "bad_top", f"top must be between 1 and the {len(question.options)} options")
    if kind == Kind.SCALE and (
        question.minimum is None or question.maximum is None or question.minimum >= question.maximum
    ):
        raise DefinitionError(key, "bad_scale", "a scale needs integer ends, minimum below maximum")
    if kind in TEXT_KINDS and (question.max_length is None or question.max_length < 1):
        raise DefinitionError(key, "bad_max_length", "a text question needs a max_length of at least 1")
    if kind == Kind.MAP_POINT:
        area = question.area
        if area is None or not (area.west < area.east and area.south < area.north):
            raise DefinitionError(key, "bad_area", "a map question needs an area with west < east, south < north")


def _refuse_condition(question: Question, earlier: Mapping[str, Question], keys: set[str]) -> None:
    """A condition may only look back: on itself it is a cycle, on a later question it could form one."""
    condition = question.condition
    if condition is None:
        return
    if condition.question == question.key:
        raise DefinitionError(question.key, "condition_cycle", "its condition is on itself")
    if condition.question not in earlier:
        if condition.question in keys:
            raise DefinitionError(
                question.key, "condition_on_later_question", f"its condition is on {condition.question!r}, asked later"
            )
        raise DefinitionError(question.key, "unknown_condition_question", f"no question {condition.question!r}")
    shown_if = earlier[condition.question]
    if shown_if.kind not in CHOICE_KINDS:
        raise DefinitionError(
            question.key, "condition_not_on_a_choice", f"its condition is on the {shown_if.kind} {shown_if.key!r}"
        )
    if condition.option not in shown_if.options:
        # For a required question this is the condition that hides it for good: the only way a condition can
        # never be met, since every option of an earlier choice question can be chosen (see docs/architecture.md).
        raise DefinitionError(
            question.key, "unknown_condition_option", f"{shown_if.key!r} has no option {condition.option!r}"
        )


def _check(questions: tuple[Question, ...]) -> None:
    keys = {question.key for question in questions}
    earlier: dict[str, Question] = {}
    for question in questions:
        if not question.key:
            raise DefinitionError(question.key, "empty_key", "a question needs a key")
        if question.key in earlier:
            raise DefinitionError(question.key, "repeated_question", "the key is used twice")
        _refuse_limits(question)
        _refuse_condition(question, earlier, keys)
        earlier[question.key] = question


def define(questions: Iterable[Question]) -> Questionnaire:
    """Check a questionnaire's definition and return it; raise DefinitionError naming the first wrong question."""
    return Questionnaire(tuple(questions))


def _number(value: Any, where: str) -> Fraction:
    if isinstance(value, bool) or not isinstance(value, int | float | str | Rational):
        raise ValueError(f"{where}: expected a number, got {value!r}")
    try:
        return Fraction(str(value)) if isinstance(value, float) else Fraction(value)
    except (ValueError, ZeroDivisionError):
        raise ValueError(f"{where}: expected a number, got {value!r}") from None


def _integer(value: Any, where: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{where}: expected an integer, got {value!r}")
    return value


def question_from_json(data: Mapping[str, Any]) -> Question:
    """One question from its published JSON object (the keys of `Question`, `type` for its kind)."""
    if not isinstance(data, Mapping):
        raise ValueError(f"expected a question object, got {data!r}")
    key = data.get("key")
    if not isinstance(key, str):
        raise ValueError(f"a question's key must be text, got {key!r}")
    try:
        kind = Kind(data.get("type"))
    except ValueError:
        raise ValueError(f"question {key!r}: unknown type {data.get('type')!r}") from None
    options = data.get("options", [])
    if not isinstance(options, Sequence) or isinstance(options, str) or not all(isinstance(o, str) for o in options):
        raise ValueError(f"question {key!r}: options must be a list of keys")
    condition = data.get("condition")
    if condition is not None:
        if not isinstance(condition, Mapping) or not all(
            isinstance(condition.get(part), str) for part in ("question", "option")
        ):
            raise ValueError(f"question {key!r}: a condition is {{'question': KEY, 'option': KEY}}")
        condition = Condition(condition["question"], condition["option"])
    required = data.get("required", False)
    if not isinstance(required, bool):
        raise ValueError(f"question {key!r}: required is true or false, not {required!r}")
    area = data.get("area")
    if area is not None:
        if not isinstance(area, Mapping):
            raise ValueError(f"question {key!r}: an area is {{'west', 'south', 'east', 'north'}}")
        area = Area(
            *(_number(area.get(edge), f"question {key!r}, {edge}") for edge in ("west", "south", "east", "north"))
        )
    return Question(
        key=key,
        kind=kind,
        required=required,
        options=tuple(options),
        max_choices=_integer(data.get("max_choices"), f"question {key!r}, max_choices"),
        top=_integer(data.get("top"), f"question {key!r}, top"),
        minimum=_integer(data.get("min"), f"question {key!r}, min"),
        maximum=_integer(data.get("max"), f"question {key!r}, max"),
        max_length=_integer(data.get("max_length"), f"question {key!r}, max_length"),
        area=area,
        condition=condition,
    )


def from_json(data: Any) -> Questionnaire:
    """A questionnaire from its published JSON: {"questions": [...]}; ValueError (or DefinitionError) when wrong."""
    if not isinstance(data, Mapping) or not isinstance(data.get("questions"), list):
        raise ValueError('expected {"questions": [...]}')
    return define(question_from_json(question) for question in data["questions"])
