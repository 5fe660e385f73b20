"""The questionnaire (answered without JavaScript), paper responses, the moderation of free-text answers, the
results with their charts and the anonymous CSV export."""

import csv
import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import formats
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samen.assisted import queries as assisted_queries
from samen.common import phrases
from samen.common.http import INVALID, require
from samen.consultations import charts, published, queries, services
from samen.consultations.forms import AssistedResponseForm, PaperResponseForm, QuestionnaireForm, label_of
from samen.consultations.models import Questionnaire, Response
from samen.processes.eligibility import why_not_eligible
from samen.processes.views import get_visible_process


def _questionnaire(request, slug) -> Questionnaire:
    process = get_visible_process(request, slug)
    questionnaire = queries.questionnaire_of(process)
    if questionnaire is None:
        raise Http404
    return questionnaire


def _blocks(form, questions) -> list[dict]:
    """Each question with its number, its fields and, for a question shown on a condition, the note that says when
    to answer it (without JavaScript every question is on the page)."""
    numbers = {question.key: number for number, question in enumerate(questions, start=1)}
    by_key = {question.key: question for question in questions}
    blocks = []
    for question in questions:
        note = ""
        if question.condition_question in by_key:
            note = _("Answer only if you answered “%(option)s” to question %(number)s.") % {
                "option": by_key[question.condition_question].option_label(question.condition_option),
                "number": numbers[question.condition_question],
            }
        fields = form.fields_of(question)
        blocks.append(
            {
                "question": question,
                "number": numbers[question.key],
                "label": label_of(question, numbers[question.key]),
                "fields": fields,
                "grouped": len(fields) > 1,
                "note": note,
                "errors": [error for field in fields for error in field.errors],
            }
        )
    return blocks


def _has_map(questions) -> bool:
    """Leaflet loads only on a questionnaire that asks for a point on the map."""
    return any(question.kind == question.Kind.MAP_POINT for question in questions)


def _submit(form, save) -> bool:
    """Save through `save(raw_answers)`; on a refusal, the messages go on the form, per question where they can."""
    if not form.is_valid():
        return False
    try:
        save(form.raw_answers())
    except ValidationError as refusal:
        if hasattr(refusal, "error_dict"):
            form.add_answer_errors(refusal)
        else:
            form.add_error(None, refusal)
        return False
    return True


def answer(request, slug):
    """The questionnaire on one page; a signed-in resident answers it, and changes the answers until the phase ends."""
    questionnaire = _questionnaire(request, slug)
    process = questionnaire.process
    questions = queries.questions_of(questionnaire)
    mine = queries.response_of(questionnaire, request.user)
    # Answers a facilitator entered for this person, not yet taken over: the page links the take-over instead.
    entered = None
    if mine is None and request.user.is_authenticated:
        entered = assisted_queries.waiting_to_be_taken_over(
            questionnaire.responses.all(), request.user, vote=f"consultation:{questionnaire.pk}"
        )
    form = QuestionnaireForm(request.POST or None, questions=questions, answers=mine.answers if mine else None)
    status = 200
    if request.method == "POST":
        if not request.user.is_authenticated:
            raise PermissionDenied(phrases.not_allowed)
        require(request, "consultations.answer", process)

        def save(raw_answers):
            services.submit_response(questionnaire=questionnaire, user=request.user, raw_answers=raw_answers)

        # With answers waiting to be taken over, the service would refuse: the page says why, and links the take-over.
        if entered is None and _submit(form, save):
            until = queries.open_until(questionnaire)
            messages.success(
                request,
                _("Your answers are saved. You can change them until %(until)s.")
                % {"until": formats.date_format(until, "DATETIME_FORMAT")},
            )
            return redirect("consultations:answer", slug=slug)
        status = INVALID
    can_answer = request.user.has_perm("consultations.answer", process)
    context = {
        "questionnaire": questionnaire,
        "process": process,
        "form": form,
        "blocks": _blocks(form, questions),
        "has_map": _has_map(questions),
        "mine": mine,
        "entered": entered,
        "can_answer": can_answer,
        "until": queries.open_until(questionnaire),
        "not_eligible": why_not_eligible(process, request.user)
        if request.user.is_authenticated and not can_answer and queries.open_until(questionnaire)
        else None,
    }
    return render(request, "consultations/answer.html", context, status=status)


@login_required
def paper_response(request, slug):
    questionnaire = _questionnaire(request, slug)
    require(request, "consultations.enter_paper_responses", questionnaire.process)
    questions = queries.questions_of(questionnaire)
    form = PaperResponseForm(request.POST or None, questions=questions)
    status = 200
    if request.method == "POST":

        def save(raw_answers):
            services.enter_paper_response(
                questionnaire=questionnaire,
                staff=request.user,
                paper_reference=form.cleaned_data["paper_reference"],
                national_number=form.cleaned_data["national_number"],
                born_on=form.cleaned_data["born_on"],
                raw_answers=raw_answers,
            )

        if _submit(form, save):
            messages.success(
                request,
                _("Paper response %(reference)s is entered.") % {"reference": form.cleaned_data["paper_reference"]},
            )
            return redirect("consultations:paper_response", slug=slug)
        status = INVALID
    context = {
        "questionnaire": questionnaire,
        "process": questionnaire.process,
        "form": form,
        "blocks": _blocks(form, questions),
        "has_map": _has_map(questions),
        "entered": queries.paper_responses(questionnaire),
    }
    return render(request, "consultations/paper_response.html", context, status=status)


def agreement(questionnaire: Questionnaire) -> str:
    """The sentence the resident agrees to, in the language of the page the facilitator shows them."""
    return _(
        "The resident agreed that I enter their answers to the questionnaire of “%(process)s” for them, as they gave "
        "them, and that they count as their one response."
    ) % {"process": questionnaire.process.title}


@login_required
def assisted_response(request, slug):
    """A facilitator enters the answers of a resident met in person, with their consent (samen/assisted)."""
    questionnaire = _questionnaire(request, slug)
    require(request, "consultations.enter_assisted_responses", questionnaire.process)
    questions = queries.questions_of(questionnaire)
    form = AssistedResponseForm(request.POST or None, questions=questions, agreement=agreement(questionnaire))
    form.initial["place"] = assisted_queries.last_place(request.user)
    status = 200
    if request.method == "POST":

        def save(raw_answers):
            services.enter_assisted_response(
                questionnaire=questionnaire, facilitator=request.user, consent=form.given(), raw_answers=raw_answers
            )

        if _submit(form, save):
            messages.success(request, _("The resident's answers are entered, with their consent."))
            return redirect("consultations:assisted", slug=slug)
        status = INVALID
    context = {
        "questionnaire": questionnaire,
        "process": questionnaire.process,
        "form": form,
        "blocks": _blocks(form, questions),
        "has_map": _has_map(questions),
        "assisted_count": queries.assisted_response_count(questionnaire),
    }
    return render(request, "consultations/assisted_response.html", context, status=status)


@login_required
def moderation(request, slug):
    questionnaire = _questionnaire(request, slug)
    require(request, "consultations.moderate_answers", questionnaire.process)
    rows = queries.text_answers(questionnaire, queries.questions_of(questionnaire))
    context = {"questionnaire": questionnaire, "process": questionnaire.process, "rows": rows}
    return render(request, "consultations/moderation.html", context)


@require_POST
@login_required
def review(request, slug):
    questionnaire = _questionnaire(request, slug)
    require(request, "consultations.moderate_answers", questionnaire.process)
    number = request.POST.get("response", "")
    if not number.isdigit():
        raise Http404
    response = get_object_or_404(Response, pk=number, questionnaire=questionnaire)
    try:
        services.review_text_answer(
            response=response,
            question_key=request.POST.get("question", ""),
            moderator=request.user,
            approve=request.POST.get("decision") == "approve",
        )
    except ValidationError as refusal:
        messages.error(request, refusal.messages[0])
        return redirect("consultations:moderation", slug=slug)
    messages.success(request, _("The decision is saved."))
    return redirect("consultations:moderation", slug=slug)


def _counted(request, slug):
    questionnaire = _questionnaire(request, slug)
    if not request.user.has_perm("consultations.view_results", questionnaire.process):
        raise Http404  # not yet: the results are public once the consultation has ended
    questions = queries.questions_of(questionnaire)
    try:
        definition = services.check_definition(questions)
    except ValidationError:
        raise Http404 from None  # a questionnaire still being written has no results
    return questionnaire, questions, definition


def results(request, slug):
    """Per question: counts and shares with a bar chart and its data table, and the free-text answers listed."""
    questionnaire, questions, definition = _counted(request, slug)
    tally, paper, assisted = queries.results_of(questionnaire, definition)
    texts = queries.approved_texts(questionnaire)
    by_key = {question.key: question for question in questions}
    context = {
        "questionnaire": questionnaire,
        "process": questionnaire.process,
        "responses": tally.responses,
        "paper": paper,
        "assisted": assisted,
        "questions": [
            charts.summary(by_key[counts.key], counts, texts.get(counts.key, [])) for counts in tally.questions
        ],
    }
    return render(request, "consultations/results.html", context)


def export(request, slug):
    """The anonymous responses: one row per response, a column per question, whether it came on paper or was entered
    with a facilitator, and nothing that tells who answered or when (no account, name, pseudonym, sheet number or
    time)."""
    questionnaire, questions, definition = _counted(request, slug)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(published.response_columns(questions))
    writer.writerows(published.response_rows(questionnaire, questions, definition))
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{questionnaire.process.slug}-responses.csv"'
    return response
