"""A questionnaire's results, per question, from its checked responses.

Every share is of the respondents who saw the question (its condition was met), as an exact fraction; the web
layer rounds it for display. A ranking is counted with Borda points: among m options, the option placed i-th (from
1) gets m - i points, and an option a top-N ranking leaves out gets 0, as if all of them shared the last places.
Text answers are only counted here: the web layer lists them after moderation.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from samen.algorithms.questionnaire.answers import validate
from samen.algorithms.questionnaire.definition import CHOICE_KINDS, TEXT_KINDS, Kind, Question, Questionnaire


class ResponseError(ValueError):
    """A response the count cannot accept; `response` is its 1-based number, `errors` question key -> code (the
    key "" when the response is not an object at all)."""

    def __init__(self, response: int, errors: Mapping[str, str]) -> None:
        listed = ", ".join(f"{key}: {code}" if key else code for key, code in errors.items())
        super().__init__(f"response {response} is refused ({listed})")
        self.response = response
        self.errors = dict(errors)


@dataclass(frozen=True)
class QuestionTally:
    key: str
    kind: Kind
    seen: int  # respondents shown the question
    answered: int
    counts: Mapping[str, int] | None = None  # choices: option -> respondents choosing (ranking: placing) it
    shares: Mapping[str, Fraction | None] | None = None  # choices: counts / seen (None when nobody saw it)
    first_places: Mapping[str, int] | None = None  # ranking
    borda: Mapping[str, int] | None = None  # ranking
    distribution: Mapping[int, int] | None = None  # scale: every value from min to max -> answers
    mean: Fraction | None = None  # scale, None without answers
    points: tuple[tuple[Fraction, Fraction], ...] | None = None  # map: (longitude, latitude) in response order


@dataclass(frozen=True)
class Tally:
    responses: int
    questions: tuple[QuestionTally, ...]


def _share(count: int, seen: int) -> Fraction | None:
    return Fraction(count, seen) if seen else None


def _question_tally(question: Question, seen: int, answers: list[Any]) -> QuestionTally:
    base = {"key": question.key, "kind": question.kind, "seen": seen, "answered": len(answers)}
    if question.kind in CHOICE_KINDS:
        counts = dict.fromkeys(question.options, 0)
        for answer in answers:
            for option in (answer,) if isinstance(answer, str) else answer:
                counts[option] += 1
        shares = {option: _share(count, seen) for option, count in counts.items()}
        if question.kind != Kind.RANKING:
            return QuestionTally(**base, counts=counts, shares=shares)
        first_places = dict.fromkeys(question.options, 0)
        borda = dict.fromkeys(question.options, 0)
        for order in answers:
            first_places[order[0]] += 1
            for place, option in enumerate(order, start=1):
                borda[option] += len(question.options) - place
        return QuestionTally(**base, counts=counts, shares=shares, first_places=first_places, borda=borda)
    if question.kind == Kind.SCALE:
        distribution = dict.fromkeys(range(question.minimum, question.maximum + 1), 0)
        for value in answers:
            distribution[value] += 1
        mean = Fraction(sum(answers), len(answers)) if answers else None
        return QuestionTally(**base, distribution=distribution, mean=mean)
    if question.kind == Kind.MAP_POINT:
        return QuestionTally(**base, points=tuple(answers))
    assert question.kind in TEXT_KINDS  # noqa: S101 - define() admits no other kind
    return QuestionTally(**base)


def tally(questionnaire: Questionnaire, responses: Iterable[Mapping[str, Any]]) -> Tally:
    """Count the responses; any refused response stops the count (ResponseError), as a published file must be clean."""
    seen = dict.fromkeys(questionnaire.by_key, 0)
    answers: dict[str, list[Any]] = {key: [] for key in questionnaire.by_key}
    number = 0
    for number, response in enumerate(responses, start=1):
        if not isinstance(response, Mapping):
            raise ResponseError(number, {"": "wrong_type"})  # not an object: no question to name
        result = validate(questionnaire, response)
        if not result.valid:
            raise ResponseError(number, result.errors)
        for key in result.shown:
            seen[key] += 1
        for key, answer in result.answers.items():
            answers[key].append(answer)
    questions = tuple(_question_tally(q, seen[q.key], answers[q.key]) for q in questionnaire.questions)
    return Tally(responses=number, questions=questions)


def _fraction(value: Fraction | None) -> str | None:
    return None if value is None else str(value)


def tally_json(result: Tally) -> dict:
    """The results as published and printed by `samen questionnaire tally`: fractions as "p/q" text."""
    questions = []
    for question in result.questions:
        data: dict[str, Any] = {
            "key": question.key,
            "type": str(question.kind),
            "seen": question.seen,
            "answered": question.answered,
        }
        if question.counts is not None:
            data["counts"] = dict(question.counts)
            data["shares"] = {option: _fraction(share) for option, share in question.shares.items()}
        if question.borda is not None:
            data["first_places"] = dict(question.first_places)
            data["borda"] = dict(question.borda)
        if question.distribution is not None:
            data["distribution"] = {str(value): count for value, count in question.distribution.items()}
            data["mean"] = _fraction(question.mean)
        if question.points is not None:
            data["points"] = [{"longitude": str(lon), "latitude": str(lat)} for lon, lat in question.points]
        questions.append(data)
    return {"responses": result.responses, "questions": questions}
