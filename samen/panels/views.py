"""The lottery's public page and files, the manager's steps, the volunteer's answer, and the council's page."""

import csv
import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import formats
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRefresh

from samen.common import clock
from samen.common.http import INVALID, require
from samen.common.text import spreadsheet_safe
from samen.panels import queries, services
from samen.panels.features import category_label, value_label
from samen.panels.forms import (
    DecisionForm,
    NominationForm,
    QuotaForm,
    RegisterForm,
    SeedAnnouncementForm,
    SeedForm,
    VolunteerForm,
)
from samen.panels.models import Council, Lottery, Nomination, Seat
from samen.processes import page
from samen.processes.views import get_visible_process


def _lottery(request, slug) -> Lottery:
    lottery = queries.lottery_of(get_visible_process(request, slug))
    if lottery is None:
        raise Http404
    return lottery


def _panel(lottery: Lottery) -> list[dict]:
    """The drawn members as they agreed to be shown: a first name and a neighbourhood, or neither."""
    drawn = lottery.volunteers.filter(selected=True).select_related("invitation").order_by("first_name", "pk")
    return [
        {"name": v.first_name if v.show_name else "", "neighbourhood": v.neighbourhood if v.show_name else None}
        for v in drawn
    ]


def _percent(probability: float) -> str:
    return formats.number_format(round(probability * 100, 1), decimal_pos=1)


def lottery_page(request, slug):
    lottery = _lottery(request, slug)
    mine = lottery.volunteers.filter(user=request.user).first() if request.user.is_authenticated else None
    quotas = [
        (category_label(q.category), value_label(q.category, q.value), q.minimum, q.maximum)
        for q in lottery.quotas.all()
    ]
    context = {
        "lottery": lottery,
        "process": lottery.process,
        "mine": mine,
        "volunteers": lottery.volunteers.count(),
        "panel": _panel(lottery) if lottery.drawn_at else [],
        "quotas": quotas if lottery.pool_frozen_at else [],
        "recount": queries.recount_command(lottery) if lottery.drawn_at else "",
        "min_percent": _percent(lottery.outcome["min_probability"]) if lottery.outcome else None,
        "percent": _percent(mine.probability) if mine and mine.probability is not None else None,
        "may_answer": request.user.has_perm("panels.volunteer", lottery.process) and mine is None,
        "may_manage": request.user.has_perm("panels.manage_lottery", lottery.process),
    }
    return render(request, "panels/lottery.html", context)


@login_required
def volunteer(request, slug):
    lottery = _lottery(request, slug)
    require(request, "panels.volunteer", lottery.process)
    form = VolunteerForm(request.POST or None, initial={"code": request.GET.get("code", "")})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.register_volunteer(
                    lottery=lottery,
                    user=request.user,
                    code=form.cleaned_data["code"],
                    first_name=form.cleaned_data["first_name"],
                    features=form.features(),
                    consent=form.cleaned_data["consent"],
                    show_name=form.cleaned_data["show_name"],
                )
                messages.success(request, _("Thank you: you are in the draw. You will find the result here."))
                return redirect(lottery)
            except ValidationError as refusal:
                form.add_error(None, refusal)
        status = INVALID
    context = {"lottery": lottery, "process": lottery.process, "form": form}
    return render(request, "panels/volunteer.html", context, status=status)


def _manage_context(lottery: Lottery, **forms) -> dict:
    job = lottery.jobs.first()  # the latest freeze or draw asked for: queued, running, done or failed
    return {
        "lottery": lottery,
        "process": lottery.process,
        "register_rows": lottery.register.count(),
        "volunteers": lottery.volunteers.count(),
        "registration_ended": queries.registration_has_ended(lottery),
        "register_form": forms.get("register_form") or RegisterForm(),
        "seed_form": forms.get("seed_form") or SeedForm(),
        "announcement_form": forms.get("announcement_form") or SeedAnnouncementForm(),
        "invitation_seed_form": forms.get("invitation_seed_form") or SeedForm(),
        "has_quotas": lottery.quotas.exists(),
        "job": job,
        "job_lost": job is not None and job.lost(clock.now()),
    }


def _manager_lottery(request, slug) -> Lottery:
    lottery = _lottery(request, slug)
    require(request, "panels.manage_lottery", lottery.process)
    return lottery


def _step(request, lottery, action, done: str):
    """Run one step of the manager's page; a refusal re-renders the page with the reason and status 422."""
    try:
        action()
    except ValidationError as refusal:
        messages.error(request, " ".join(refusal.messages))
        return render(request, "panels/manage.html", _manage_context(lottery), status=INVALID)
    messages.success(request, done)
    return redirect("panels:manage", slug=lottery.process.slug)


@login_required
def manage(request, slug):
    lottery = _manager_lottery(request, slug)
    context = _manage_context(lottery)
    if request.htmx and request.htmx.target == "lottery-job":
        job = context["job"]
        if job is None or not job.active or context["job_lost"]:
            return HttpResponseClientRefresh()  # the job ended: the whole page changes (files, forms, the panel)
        return render(request, "panels/manage.html#job", context)
    return render(request, "panels/manage.html", context)


@require_POST
@login_required
def upload_register(request, slug):
    lottery = _manager_lottery(request, slug)
    form = RegisterForm(request.POST, request.FILES)
    if not form.is_valid():
        return render(request, "panels/manage.html", _manage_context(lottery, register_form=form), status=INVALID)
    try:
        rows = services.upload_register(lottery=lottery, manager=request.user, text=form.cleaned_data["register"])
    except ValidationError as refusal:
        form.add_error("register", refusal)
        return render(request, "panels/manage.html", _manage_context(lottery, register_form=form), status=INVALID)
    messages.success(request, _("The register extract is in: %(rows)s residents.") % {"rows": rows})
    return redirect("panels:manage", slug=slug)


@require_POST
@login_required
def announce_invitation_seed(request, slug):
    lottery = _manager_lottery(request, slug)
    form = SeedAnnouncementForm(request.POST)
    if form.is_valid():
        try:
            services.announce_invitation_seed(
                lottery=lottery,
                manager=request.user,
                source=form.source(),
                known_on=form.cleaned_data["invitation_seed_known_on"],
            )
        except ValidationError as refusal:
            form.add_error(None, refusal)
        else:
            messages.success(request, _("The invitations' seed is announced on the lottery's public page."))
            return redirect("panels:manage", slug=slug)
    context = _manage_context(lottery, announcement_form=form)
    return render(request, "panels/manage.html", context, status=INVALID)


@require_POST
@login_required
def draw_invitations(request, slug):
    lottery = _manager_lottery(request, slug)
    form = SeedForm(request.POST)
    if not form.is_valid():
        context = _manage_context(lottery, invitation_seed_form=form)
        return render(request, "panels/manage.html", context, status=INVALID)
    return _step(
        request,
        lottery,
        lambda: services.draw_invitations(lottery=lottery, manager=request.user, seed=form.cleaned_data["seed"]),
        _("The invitations are drawn. Download the letters; the other register rows were erased."),
    )


@login_required
def letters(request, slug):
    """Addresses and codes for the invitation letters: for the manager only, never published."""
    lottery = _manager_lottery(request, slug)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    writer = csv.writer(response, lineterminator="\r\n")  # RFC 4180: a carriage return in a cell is then quoted
    writer.writerow(["register_id", "address", "neighbourhood", "code"])
    for entry in lottery.register.exclude(code=None).order_by("register_id"):
        row = [
            spreadsheet_safe(entry.register_id),
            spreadsheet_safe(entry.address),
            entry.neighbourhood_code,
            entry.code,
        ]
        writer.writerow(row)
    response["Content-Disposition"] = f'attachment; filename="{slug}-letters.csv"'
    return response


@login_required
def quotas(request, slug):
    lottery = _manager_lottery(request, slug)
    current = {(q.category, q.value): (q.minimum, q.maximum) for q in lottery.quotas.all()}
    form = QuotaForm(
        request.POST or None,
        values=queries.quota_values(lottery),
        initial_bounds=current or queries.suggested_quotas(lottery),
        k=lottery.panel_size,
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.set_quotas(lottery=lottery, manager=request.user, bounds=form.bounds())
                messages.success(request, _("The quotas are saved."))
                return redirect("panels:manage", slug=slug)
            except ValidationError as refusal:
                form.add_error(None, refusal)
        status = INVALID
    context = {"lottery": lottery, "process": lottery.process, "form": form, "suggested": not current}
    return render(request, "panels/quotas.html", context, status=status)


def _queue(request, lottery, start):
    """Record the manager's request and queue it for the task worker; the manage page then shows how it goes."""
    try:
        job, created = start()
    except ValidationError as refusal:
        messages.error(request, " ".join(refusal.messages))
        return render(request, "panels/manage.html", _manage_context(lottery), status=INVALID)
    if created:
        messages.success(
            request, _("%(job)s is queued: this page shows how it goes.") % {"job": job.get_kind_display()}
        )
    else:
        messages.info(request, _("%(job)s is already under way.") % {"job": job.get_kind_display()})
    return redirect("panels:manage", slug=lottery.process.slug)


@require_POST
@login_required
def freeze(request, slug):
    lottery = _manager_lottery(request, slug)
    return _queue(
        request,
        lottery,
        lambda: services.request_freeze(lottery=lottery, manager=request.user, language=request.LANGUAGE_CODE),
    )


@require_POST
@login_required
def draw(request, slug):
    lottery = _manager_lottery(request, slug)
    form = SeedForm(request.POST)
    if not form.is_valid():
        return render(request, "panels/manage.html", _manage_context(lottery, seed_form=form), status=INVALID)
    return _queue(
        request,
        lottery,
        lambda: services.request_draw(
            lottery=lottery, manager=request.user, seed=form.cleaned_data["seed"], language=request.LANGUAGE_CODE
        ),
    )


def _public_file(lottery: Lottery, *, drawn: bool = False) -> None:
    if not lottery.pool_frozen_at or (drawn and not lottery.drawn_at):
        raise Http404


def pool_file(request, slug):
    lottery = _lottery(request, slug)
    _public_file(lottery)
    response = HttpResponse(queries.pool_csv(lottery), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slug}-pool.csv"'
    return response


def quotas_file(request, slug):
    lottery = _lottery(request, slug)
    _public_file(lottery)
    response = HttpResponse(queries.quotas_csv(lottery), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slug}-quotas.csv"'
    return response


def draw_file(request, slug):
    lottery = _lottery(request, slug)
    _public_file(lottery, drawn=True)
    response = HttpResponse(json.dumps(lottery.outcome, indent=1), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="{slug}-draw.json"'
    return response


def council_page(request, slug):
    council = get_object_or_404(Council.objects.select_related("lottery__process"), slug=slug)
    if council.lottery and not request.user.has_perm("processes.view_process", council.lottery.process):
        raise Http404
    seat = queries.seat_of(council, request.user)
    context = {
        "council": council,
        "members": queries.council_members(council),
        "budgets": queries.council_budgets(council),
        "delegates": council.nominations.filter(status=Nomination.Status.APPROVED),
        "pending": council.nominations.filter(status=Nomination.Status.NOMINATED),
        "seat": seat,
        "may_decide": request.user.has_perm("panels.decide_nomination", council),
        "decision_form": DecisionForm(),
        "sections": page.sections("council", request, council),  # its meetings and their minutes
    }
    return render(request, "panels/council.html", context)


@login_required
def nominate(request, slug):
    council = get_object_or_404(Council, slug=slug)
    require(request, "panels.nominate_delegate", council)
    form = NominationForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.nominate_delegate(council=council, user=request.user, **form.cleaned_data)
                messages.success(request, _("The nomination is in; a manager of the council will decide on it."))
                return redirect(council)
            except ValidationError as refusal:
                form.add_error(None, refusal)
        status = INVALID
    return render(request, "panels/nominate.html", {"council": council, "form": form}, status=status)


@require_POST
@login_required
def decide(request, slug, pk):
    nomination = get_object_or_404(Nomination, pk=pk, council__slug=slug)
    require(request, "panels.decide_nomination", nomination.council)
    form = DecisionForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Choose to approve or to refuse."), code="choice")
        services.decide_nomination(
            nomination=nomination,
            manager=request.user,
            approve=form.cleaned_data["approve"],
            reason=form.cleaned_data["reason"],
        )
    except ValidationError as refusal:
        messages.error(request, " ".join(refusal.messages))
        return redirect(nomination.council)
    messages.success(request, _("The decision is recorded."))
    return redirect(nomination.council)


@require_POST
@login_required
def resign(request, slug, pk):
    seat = get_object_or_404(Seat.objects.select_related("volunteer", "council"), pk=pk, council__slug=slug)
    require(request, "panels.resign_seat", seat)
    try:
        services.resign_seat(seat=seat, member=request.user)
    except ValidationError as refusal:
        messages.error(request, " ".join(refusal.messages))
        return redirect(seat.council)
    messages.success(request, _("You have left the council. Thank you for your work."))
    return redirect(seat.council)


@require_POST
@login_required
def answer(request, slug, pk):
    seat = get_object_or_404(Seat.objects.select_related("volunteer", "council"), pk=pk, council__slug=slug)
    require(request, "panels.answer_offer", seat)
    accept = request.POST.get("accept") == "yes"
    try:
        services.answer_offer(seat=seat, volunteer_user=request.user, accept=accept)
    except ValidationError as refusal:
        messages.error(request, " ".join(refusal.messages))
        return redirect(seat.council)
    messages.success(request, _("Welcome to the council.") if accept else _("Your answer is recorded."))
    return redirect(seat.council)
