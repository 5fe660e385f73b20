"""Consultations in the API: the questionnaires of published processes and, once the consultation has ended, their
results as the results page shows them, with exact shares as "p/q" text (the figures `samen questionnaire tally`
recounts from the open data). Never a respondent: only counts, and the free-text answers a moderator listed."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.errors import HttpError

from samen.algorithms import questionnaire as rules_of
from samen.api.schemas import Page, Texts, texts
from samen.api.shared import ANYONE, PHASES, check_limit, page, phase_days, site_url
from samen.consultations import queries, services
from samen.consultations.models import Questionnaire
from samen.processes.models import Process

router = Router(tags=["consultations"])


class ConsultationOut(Schema):
    process: str
    title: Texts
    introduction: Texts
    first_day: dt.date | None
    last_day: dt.date | None
    results_public: bool
    url: str
    results_url: str | None


class ConsultationPage(Page):
    results: list[ConsultationOut]


class QuestionResultOut(Schema):
    key: str
    type: str
    text: Texts
    seen: int  # respondents shown the question (its condition met)
    answered: int
    counts: dict[str, int] | None  # choices and rankings: option -> respondents choosing (placing) it
    shares: dict[str, str | None] | None  # counts / seen, exact
    first_places: dict[str, int] | None  # rankings
    borda: dict[str, int] | None  # rankings
    distribution: dict[str, int] | None  # scales: value -> answers
    mean: str | None  # scales, exact
    points: int | None  # map questions: how many points were placed
    texts: list[str] | None  # free-text questions: the answers a moderator listed in public


class ConsultationResultOut(Schema):
    process: str
    responses: int
    paper_responses: int
    questions: list[QuestionResultOut]
    csv_url: str


def _questionnaires():
    return (
        Questionnaire.objects.filter(process__status=Process.Status.PUBLISHED)
        .select_related("process")
        .prefetch_related(PHASES)
    )


def _consultation_out(questionnaire: Questionnaire) -> dict:
    process = questionnaire.process
    first_day, last_day = phase_days(process, queries.CONSULTATION)
    public = ANYONE.has_perm("consultations.view_results", process)
    return {
        "process": process.slug,
        "title": texts(process, "title"),
        "introduction": texts(questionnaire, "intro"),
        "first_day": first_day,
        "last_day": last_day,
        "results_public": public,
        "url": site_url("consultations:answer", slug=process.slug),
        "results_url": site_url("consultations:results", slug=process.slug) if public else None,
    }


@router.get("/consultations", response=ConsultationPage, summary="The consultations of published processes")
def consultations(request, limit: int = 20, offset: int = 0):
    """The latest consultation first."""
    limit = check_limit(limit, offset)
    rows = _questionnaires()
    count = rows.count()
    ordered = rows.order_by("-process__created_at", "-pk")[offset : offset + limit]
    return page(request, count, limit, offset, [_consultation_out(q) for q in ordered])


def _fraction(value) -> str | None:
    return None if value is None else str(value)


def _question_out(question, counted: rules_of.QuestionTally, listed: list[str]) -> dict:
    return {
        "key": question.key,
        "type": str(question.kind),
        "text": texts(question, "text"),
        "seen": counted.seen,
        "answered": counted.answered,
        "counts": dict(counted.counts) if counted.counts is not None else None,
        "shares": {k: _fraction(v) for k, v in counted.shares.items()} if counted.shares is not None else None,
        "first_places": dict(counted.first_places) if counted.first_places is not None else None,
        "borda": dict(counted.borda) if counted.borda is not None else None,
        "distribution": {str(k): v for k, v in counted.distribution.items()}
        if counted.distribution is not None
        else None,
        "mean": _fraction(counted.mean),
        "points": len(counted.points) if counted.points is not None else None,
        "texts": listed if question.kind in queries.TEXT_KINDS else None,
    }


@router.get(
    "/consultations/{slug}/results",
    response=ConsultationResultOut,
    summary="A consultation's results, once the consultation has ended",
)
def results(request, slug: str):
    questionnaire = _questionnaires().filter(process__slug=slug).first()
    if questionnaire is None:
        raise HttpError(404, _("There is no consultation in a published process with this address."))
    if not ANYONE.has_perm("consultations.view_results", questionnaire.process):
        raise HttpError(404, _("The results of this consultation are public once it has ended."))
    questions = queries.questions_of(questionnaire)
    try:
        definition = services.check_definition(questions)
    except ValidationError:
        raise HttpError(404, _("The results of this consultation are public once it has ended.")) from None
    tally, paper, _assisted = queries.results_of(questionnaire, definition)
    listed = queries.approved_texts(questionnaire)
    by_key = {question.key: question for question in questions}
    return {
        "process": slug,
        "responses": tally.responses,
        "paper_responses": paper,
        "questions": [_question_out(by_key[q.key], q, listed.get(q.key, [])) for q in tally.questions],
        "csv_url": site_url("consultations:export", slug=slug),
    }
