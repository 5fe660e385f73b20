"""Every write on a consultation goes through here: a manager's questionnaire checked against its rules, a
resident's response, a paper response typed in by staff, a response a facilitator enters for a resident met in
person (samen/assisted), a moderator's review of a free-text answer."""

from datetime import date
from fractions import Fraction
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samen.accounts.verification import checked_national_number, person_digest, vote_pseudonym
from samen.algorithms import questionnaire as rules_of
from samen.algorithms.questionnaire import answers as codes
from samen.assisted import services as assisted
from samen.assisted.models import Action
from samen.common import phrases
from samen.common.services import claim_ballot, require_perm
from samen.consultations import queries
from samen.consultations.models import Question, Questionnaire, Response, TextReview
from samen.processes.eligibility import lock_voter, voter_key, why_not_eligible_person


def _definition_message(error: rules_of.DefinitionError) -> str:
    """A broken definition in words, for the manager who saves it."""
    messages = {
        "empty_key": _("Every question needs a key."),
        "repeated_question": _("Two questions have the key “%(key)s”: give each its own."),
        "too_few_options": _("Question “%(key)s” needs at least two options."),
        "repeated_option": _("Question “%(key)s” lists an option key twice."),
        "options_not_allowed": _("Question “%(key)s” is not a choice or a ranking: remove its options."),
        "bad_max_choices": _("Question “%(key)s”: the number of choices allowed must be at least 1."),
        "bad_top": _("Question “%(key)s”: rank at least one option, and no more than it has."),
        "bad_scale": _("Question “%(key)s” needs a lowest and a highest value, the lowest below the highest."),
        "bad_max_length": _("Question “%(key)s” needs a maximum number of characters of at least 1."),
        "bad_area": _("Question “%(key)s” needs an area on the map."),
        "condition_cycle": _("Question “%(key)s” cannot be shown on a condition on itself."),
        "condition_on_later_question": _(
            "Question “%(key)s” can only be shown on a condition on a question asked before it."
        ),
        "unknown_condition_question": _(
            "Question “%(key)s” is shown on a condition on a question that does not exist."
        ),
        "condition_not_on_a_choice": _(
            "Question “%(key)s” can only be shown on a condition on a choice or a ranking question."
        ),
        "unknown_condition_option": _(
            "Question “%(key)s” is shown on a condition on an option that does not exist: it would never be shown."
        ),
    }
    return messages.get(error.code, _("Question “%(key)s” cannot be answered as defined.")) % {"key": error.question}


def check_definition(questions: list[Question]) -> rules_of.Questionnaire:
    """The questions as the questionnaire's rules read them, or a ValidationError in words naming the question."""
    try:
        return queries.definition_of(questions)
    except rules_of.DefinitionError as error:
        raise ValidationError(_definition_message(error), code=error.code) from None


def answer_message(question: Question, code: str) -> str:
    """A refused answer in words (the codes of samen.algorithms.questionnaire.answers)."""
    if code == codes.REQUIRED_MISSING:
        return _("Answer this question: it is required.")
    if code == codes.NOT_AN_OPTION:
        return _("Choose among the options offered.")
    if code == codes.RANKING_REPEATS:
        return _("Give each option a different place.")
    if code == codes.REPEATED_CHOICE:
        return _("Choose each option once only.")
    if code in {codes.TOO_MANY_CHOICES, codes.RANKING_INCOMPLETE} and question.kind == Question.Kind.RANKING:
        count = question.as_rule().ranked
        return ngettext(
            "Give a place to exactly %(count)d option.", "Give a place to exactly %(count)d options.", count
        ) % {"count": count}
    if code == codes.TOO_MANY_CHOICES:
        count = question.max_choices or len(question.options)
        return ngettext("Choose at most %(count)d option.", "Choose at most %(count)d options.", count) % {
            "count": count
        }
    if code == codes.OUT_OF_SCALE:
        return _("Choose a value from %(low)s to %(high)s.") % {"low": question.scale_min, "high": question.scale_max}
    if code == codes.TOO_LONG:
        count = question.max_length or 0
        return ngettext("Write at most %(count)d character.", "Write at most %(count)d characters.", count) % {
            "count": count
        }
    if code == codes.OUTSIDE_THE_AREA:
        return str(phrases.outside_region)
    if code == codes.WRONG_TYPE and question.kind == Question.Kind.MAP_POINT:
        return _("Give both the latitude and the longitude of the point.")
    if code == codes.UNKNOWN_QUESTION:
        return _("This question is not part of the questionnaire.")
    return _("This answer is not in the expected form.")


def _jsonable(value: Any) -> Any:
    """A cleaned answer as stored: tuples as lists, a map point as {"longitude", "latitude"} in degrees."""
    if isinstance(value, tuple) and len(value) == 2 and all(isinstance(part, Fraction) for part in value):
        return {"longitude": float(value[0]), "latitude": float(value[1])}
    if isinstance(value, tuple):
        return list(value)
    return value


def checked_answers(questionnaire: Questionnaire, raw_answers: dict[str, Any]) -> dict[str, Any]:
    """The answers to the questions shown, cleaned; or a ValidationError whose error_dict maps each refused question's
    key to its message. Answers to a question whose condition is not met are dropped, not refused."""
    questions = queries.questions_of(questionnaire)
    result = rules_of.validate(check_definition(questions), raw_answers)
    if not result.valid:
        by_key = {question.key: question for question in questions}
        raise ValidationError(
            {
                key: ValidationError(
                    answer_message(by_key[key], code) if key in by_key else answer_message(Question(), code), code=code
                )
                for key, code in result.errors.items()
            }
        )
    return {key: _jsonable(value) for key, value in result.answers.items()}


def _forget_changed_reviews(response: Response, before: dict[str, Any]) -> None:
    """A free-text answer that changed waits for a moderator again."""
    changed = [key for key, value in before.items() if response.answers.get(key) != value]
    response.text_reviews.filter(question_key__in=changed).delete()


def submit_response(*, questionnaire: Questionnaire, user, raw_answers: dict[str, Any]) -> Response:
    """Save or replace the person's one response; until the phase ends they may change it. A second account of the
    same verified person changes the same response (common.services.claim_ballot), never adds one."""
    require_perm(user, "consultations.answer", questionnaire.process)
    answers = checked_answers(questionnaire, raw_answers)
    key = voter_key(user, f"consultation:{questionnaire.pk}")

    def online_only(response: Response) -> None:
        if response.paper_reference:
            raise ValidationError(
                _("Your answers were entered on paper: they count as they are and cannot be changed online."),
                code="answered_on_paper",
            )
        if response.consent_id and response.voter_id is None:
            raise ValidationError(
                _(
                    "A facilitator entered your answers with you. To change them online, first take them over on "
                    "“My participation”."
                ),
                code="answered_with_facilitator",
            )

    with transaction.atomic():
        lock_voter(user)
        response = claim_ballot(Response, vote={"questionnaire": questionnaire}, voter=user, key=key, check=online_only)
        before = dict(response.answers)
        response.answers = answers
        response.save(update_fields=["answers", "updated_at"])
        _forget_changed_reviews(response, before)
    return response


def enter_paper_response(
    *,
    questionnaire: Questionnaire,
    staff,
    paper_reference: str,
    national_number: str,
    born_on: date | None,
    raw_answers: dict[str, Any],
) -> Response:
    """Staff type in a paper response with the person's identity, checked on the census list like a resident's: the
    row keeps who entered it, the sheet's number (which counts once) and the person's pseudonym in this consultation,
    so that a person answers once, online or on paper. The national number itself is not kept."""
    process = questionnaire.process
    require_perm(staff, "consultations.enter_paper_responses", process)
    reference = paper_reference.strip()
    if not reference:
        raise ValidationError(_("Give the number written on the paper questionnaire."), code="no_paper_reference")
    answers = checked_answers(questionnaire, raw_answers)
    digits, born = checked_national_number(national_number, born_on)
    digest = person_digest(digits, born)
    reason = why_not_eligible_person(process, digest=digest, born_on=born)
    if reason:
        raise ValidationError(reason, code="not_eligible")
    key = vote_pseudonym(digest, f"consultation:{questionnaire.pk}")
    try:
        with transaction.atomic():
            return Response.objects.create(
                questionnaire=questionnaire, entered_by=staff, paper_reference=reference, voter_key=key, answers=answers
            )
    except IntegrityError:
        if Response.objects.filter(questionnaire=questionnaire, voter_key=key).exists():
            raise ValidationError(
                _("This person has already answered, online or on paper: this paper response does not count."),
                code="already_answered",
            ) from None
        raise ValidationError(
            _("Paper response %(reference)s has already been entered.") % {"reference": reference},
            code="paper_response_entered",
        ) from None


def enter_assisted_response(
    *, questionnaire: Questionnaire, facilitator, consent: assisted.ConsentGiven, raw_answers: dict[str, Any]
) -> Response:
    """A facilitator enters the answers of a resident met in person, with their consent recorded, under the same
    rules as online: on the census list and eligible, and one response per person (online, on paper or assisted:
    the person's pseudonym in this consultation is unique). The consent and the response are saved together or not
    at all."""
    process = questionnaire.process
    require_perm(facilitator, "consultations.enter_assisted_responses", process)
    assisted.require_consent(consent)
    answers = checked_answers(questionnaire, raw_answers)
    digest, born = assisted.identify(consent)
    reason = why_not_eligible_person(process, digest=digest, born_on=born)
    if reason:
        raise ValidationError(reason, code="not_eligible")
    key = vote_pseudonym(digest, f"consultation:{questionnaire.pk}")
    try:
        with transaction.atomic():
            given = assisted.record_consent(
                facilitator=facilitator,
                digest=digest,
                action=Action.QUESTIONNAIRE_RESPONSE,
                process=process,
                given=consent,
            )
            return Response.objects.create(
                questionnaire=questionnaire, entered_by=facilitator, voter_key=key, answers=answers, consent=given
            )
    except IntegrityError:
        raise ValidationError(
            _("This person has already answered, online, on paper or with a facilitator: these answers do not count."),
            code="already_answered",
        ) from None


def review_text_answer(*, response: Response, question_key: str, moderator, approve: bool) -> TextReview:
    """List a free-text answer in public, or keep it out of the list; a later decision replaces the earlier one."""
    require_perm(moderator, "consultations.moderate_answers", response.questionnaire.process)
    question = response.questionnaire.questions.filter(key=question_key).first()
    if question is None or question.kind not in queries.TEXT_KINDS or not response.answers.get(question_key):
        raise ValidationError(_("There is no such text answer."), code="no_text_answer")
    decision = TextReview.Decision.APPROVED if approve else TextReview.Decision.HIDDEN
    review, _created = TextReview.objects.update_or_create(
        response=response, question_key=question_key, defaults={"decision": decision, "reviewed_by": moderator}
    )
    return review
