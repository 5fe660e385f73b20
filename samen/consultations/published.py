"""What a consultation publishes once its results are public: the anonymous responses as a table (the CSV export and
the open data share it), and the questionnaire and its responses in the JSON that `samen questionnaire tally` reads,
so that anyone can recount the results page from the two files."""

from typing import Any

from samen.algorithms import questionnaire as rules_of
from samen.consultations import queries
from samen.consultations.models import BRUSSELS, Question, Questionnaire

UNLISTED_TEXT = "*"  # a free-text answer no moderator listed: still counted as answered, its words kept out


def _approved(questionnaire: Questionnaire) -> set[tuple[int, str]]:
    return set(queries.reviews_of(questionnaire).filter(decision="approved").values_list("response_id", "question_key"))


def _cells(question: Question, answer: Any, approved: bool) -> list:
    """One question's cells in the table: no text a moderator has not listed in public."""
    kind = question.Kind
    if question.kind == kind.MAP_POINT:
        return [answer["latitude"], answer["longitude"]] if answer else ["", ""]
    if answer is None:
        return [""]
    if question.kind == kind.MULTIPLE_CHOICE:
        return [";".join(answer)]
    if question.kind == kind.RANKING:
        return [">".join(answer)]
    if question.kind in queries.TEXT_KINDS:
        return [answer if approved else ""]
    return [answer]


def response_columns(questions: list[Question]) -> tuple[str, ...]:
    columns = ["response", "paper", "assisted"]
    for question in questions:
        if question.kind == question.Kind.MAP_POINT:
            columns += [f"{question.key}_latitude", f"{question.key}_longitude"]
        else:
            columns.append(question.key)
    return tuple(columns)


def response_rows(
    questionnaire: Questionnaire, questions: list[Question], definition: rules_of.Questionnaire
) -> list[tuple]:
    """One row per counted response, numbered in an order that says nothing about who answered or when; whether it
    came on paper or with a facilitator; never an account, name, pseudonym, sheet number or time."""
    approved = _approved(questionnaire)
    rows = []
    counted = queries.counted_answers(questionnaire, definition)
    for number, (pk, paper, assisted, answers) in enumerate(counted, start=1):
        row = [number, "yes" if paper else "no", "yes" if assisted else "no"]
        for question in questions:
            row += _cells(question, answers.get(question.key), (pk, question.key) in approved)
        rows.append(tuple(row))
    return rows


def _texts(row, field: str) -> dict[str, str]:
    return {code: getattr(row, f"{field}_{code}") for code in ("nl", "fr", "en")}


def definition_json(questions: list[Question]) -> dict:
    """The questionnaire in the published format of samen.algorithms.questionnaire.from_json, with the wording in
    every language beside it (`text`, `labels`: the recount ignores them)."""
    published = []
    for question in questions:
        data: dict[str, Any] = {
            "key": question.key,
            "type": str(question.kind),
            "required": question.required,
            "text": _texts(question, "text"),
        }
        if question.option_keys:
            data["options"] = list(question.option_keys)
            data["labels"] = {
                option["key"]: {code: option.get(f"label_{code}", "") for code in ("nl", "fr", "en")}
                for option in question.options
            }
        for name, value in (
            ("max_choices", question.max_choices),
            ("top", question.top),
            ("min", question.scale_min),
            ("max", question.scale_max),
            ("max_length", question.max_length),
        ):
            if value is not None:
                data[name] = value
        if question.kind == question.Kind.MAP_POINT:
            data["area"] = {edge: str(getattr(BRUSSELS, edge)) for edge in ("west", "south", "east", "north")}
        if question.condition_question:
            data["condition"] = {"question": question.condition_question, "option": question.condition_option}
        published.append(data)
    return {"questions": published}


def responses_json(questionnaire: Questionnaire, definition: rules_of.Questionnaire) -> list[dict]:
    """The counted responses as `samen questionnaire tally` reads them, in the table's order; a free-text answer
    no moderator listed reads UNLISTED_TEXT, so that it counts as answered and says nothing."""
    approved = _approved(questionnaire)
    text_keys = {question.key for question in definition.questions if question.kind in queries.TEXT_KINDS}
    published = []
    for pk, _paper, _assisted, answers in queries.counted_answers(questionnaire, definition):
        published.append(
            {
                key: (UNLISTED_TEXT if key in text_keys and (pk, key) not in approved else value)
                for key, value in answers.items()
            }
        )
    return published
