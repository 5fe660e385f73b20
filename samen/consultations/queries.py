"""Shared reads for consultations: the questionnaire and its rules, a person's response, the counted responses and
the free-text answers a moderator has listed."""

from django.db.models import QuerySet

from samen.algorithms import questionnaire as rules_of
from samen.consultations.models import Question, Questionnaire, Response, TextReview
from samen.processes import queries as process_queries
from samen.processes.page import taking_part
from samen.processes.phases import ANSWER

CONSULTATION = "consultation"  # the phase kind
TEXT_KINDS = {Question.Kind.SHORT_TEXT, Question.Kind.LONG_TEXT}


def questionnaire_of(process) -> Questionnaire | None:
    try:
        return process.questionnaire
    except Questionnaire.DoesNotExist:
        return None


def questions_of(questionnaire: Questionnaire) -> list[Question]:
    return list(questionnaire.questions.all())


def definition_of(questions: list[Question]) -> rules_of.Questionnaire:
    """The questionnaire as its rules read it; DefinitionError when the questions cannot be answered as defined."""
    return rules_of.define(question.as_rule() for question in questions)


def response_of(questionnaire: Questionnaire, user) -> Response | None:
    if not user.is_authenticated:
        return None
    return Response.objects.filter(questionnaire=questionnaire, voter=user).first()


def answering_has_ended(questionnaire: Questionnaire) -> bool:
    return process_queries.phase_has_ended(questionnaire.process, CONSULTATION)


def open_until(questionnaire: Questionnaire):
    return process_queries.open_until(questionnaire.process, ANSWER)


def counted_answers(
    questionnaire: Questionnaire, definition: rules_of.Questionnaire
) -> list[tuple[int, bool, bool, dict]]:
    """Every response that fits the questionnaire as it stands: (its id, on paper, entered with a facilitator, its
    answers), ordered by content so that the order says nothing about who answered when."""
    rows = questionnaire.responses.values_list("pk", "paper_reference", "consent_id", "answers")
    kept = [
        (pk, bool(paper), consent is not None, answers)
        for pk, paper, consent, answers in rows
        if rules_of.validate(definition, answers).valid
    ]
    return sorted(kept, key=lambda row: (repr(sorted(row[3].items())), row[1], row[2], row[0]))


def assisted_response_count(questionnaire: Questionnaire) -> int:
    return questionnaire.responses.filter(consent__isnull=False).count()


def results_of(questionnaire: Questionnaire, definition: rules_of.Questionnaire) -> tuple[rules_of.Tally, int, int]:
    """The count of the counted responses, how many of them came on paper and how many were entered with a
    facilitator: the results page's and the API's."""
    counted = counted_answers(questionnaire, definition)
    tally = rules_of.tally(definition, [answers for _pk, _paper, _assisted, answers in counted])
    return tally, sum(paper for _pk, paper, _a, _answers in counted), sum(a for _pk, _p, a, _answers in counted)


def reviews_of(questionnaire: Questionnaire) -> QuerySet[TextReview]:
    return TextReview.objects.filter(response__questionnaire=questionnaire)


def approved_texts(questionnaire: Questionnaire) -> dict[str, list[str]]:
    """Question key -> the free-text answers a moderator listed in public, by content."""
    approved = set(
        reviews_of(questionnaire)
        .filter(decision=TextReview.Decision.APPROVED)
        .values_list("response_id", "question_key")
    )
    texts: dict[str, list[str]] = {}
    for pk, answers in questionnaire.responses.values_list("pk", "answers"):
        for key, value in answers.items():
            if (pk, key) in approved and isinstance(value, str):
                texts.setdefault(key, []).append(value)
    return {key: sorted(values) for key, values in texts.items()}


def text_answers(questionnaire: Questionnaire, questions: list[Question]) -> list[dict]:
    """For moderators: every free-text answer with its review (None: waiting), the waiting ones first."""
    text_keys = [question.key for question in questions if question.kind in TEXT_KINDS]
    decisions = {(review.response_id, review.question_key): review.decision for review in reviews_of(questionnaire)}
    by_key = {question.key: question for question in questions}
    rows = [
        {
            "response": pk,
            "question": by_key[key],
            "text": answers[key],
            "decision": decisions.get((pk, key)),
        }
        for pk, answers in questionnaire.responses.order_by("pk").values_list("pk", "answers")
        for key in text_keys
        if isinstance(answers.get(key), str) and answers[key]
    ]
    return sorted(rows, key=lambda row: row["decision"] is not None)


def paper_responses(questionnaire: Questionnaire) -> list[Response]:
    """The audit trail of paper responses: who typed in which sheet, when."""
    return list(
        questionnaire.responses.exclude(paper_reference="").select_related("entered_by").order_by("-created_at")
    )


def participants(process_ids: list[int]):
    """(process, account) for whoever answered (for the process's card); (process, pseudonym) for a response kept
    without an account (on paper, or of an account since deleted)."""
    responses = Response.objects.filter(questionnaire__process_id__in=process_ids)
    return [
        taking_part(responses.filter(voter__isnull=False), process="questionnaire__process_id", account="voter_id"),
        taking_part(
            responses.filter(voter__isnull=True, voter_key__isnull=False),
            process="questionnaire__process_id",
            key="voter_key",
        ),
    ]


def kept_ballots(process_ids: list[int]):
    """(process, consultation, pseudonym) of the responses kept without an account."""
    for process_id, questionnaire_id, key in Response.objects.filter(
        questionnaire__process_id__in=process_ids, voter__isnull=True, voter_key__isnull=False
    ).values_list("questionnaire__process_id", "questionnaire_id", "voter_key"):
        yield process_id, f"consultation:{questionnaire_id}", key
