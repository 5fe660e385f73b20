"""The City's dashboard: the public pages (per domain, one indicator) and staff's pages to enter and import values."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from samen.city import queries, services
from samen.city.chart import Dated, line_chart
from samen.city.forms import ImportForm, ValueForm
from samen.city.models import ImportJob, Indicator
from samen.city.tasks import import_job
from samen.common import clock
from samen.common.geography import neighbourhoods
from samen.common.http import INVALID, require

INLINE_LINES = 500  # a file up to this many lines is imported in the request; a longer one on the task worker


def dashboard(request):
    summaries = queries.dashboard()
    return render(
        request,
        "city/dashboard.html",
        {
            "domains": [summary for summary in summaries if not summary.domain.foundation],
            "foundations": [summary for summary in summaries if summary.domain.foundation],
            "may_manage": request.user.has_perm("city.manage_indicators"),
        },
    )


def _chart(standing: queries.Standing):
    """The dashed line starts where the verdict's does: the stated baseline (on the first value's date when it has
    none), else the first value."""
    indicator = standing.indicator
    first = standing.values[0] if standing.values else None
    baseline = Dated(first.date, first.value) if first else None
    if indicator.baseline_value is not None and (indicator.baseline_date or first):
        baseline = Dated(indicator.baseline_date or first.date, indicator.baseline_value)
    target = None
    if indicator.target_value is not None and indicator.target_date is not None:
        target = Dated(indicator.target_date, indicator.target_value)
    return line_chart(
        values=[Dated(value.date, value.value) for value in standing.values],
        baseline=baseline,
        target=target,
        title=indicator.name,
        unit=indicator.unit,
    )


def indicator(request, slug):
    found = queries.indicator_for_page(slug)
    standing = queries.standing_of(found)
    latest = standing.latest
    places = neighbourhoods()
    breakdown = [
        (places[int(code)].name if int(code) in places else code, value)
        for code, value in (latest.breakdown.items() if latest else [])
    ]
    return render(
        request,
        "city/indicator.html",
        {
            "indicator": found,
            "standing": standing,
            "chart": _chart(standing),
            "breakdown": sorted(breakdown),
            "may_manage": request.user.has_perm("city.manage_indicators", found),
        },
    )


@login_required
def add_value(request, slug):
    found = get_object_or_404(Indicator, slug=slug)
    require(request, "city.manage_indicators", found)
    form = ValueForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.record_value(
                    indicator=found, staff=request.user, on=data["date"], value=data["value"], note=data["note"]
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The value is saved."))
                return redirect(found)
        return render(request, "city/add_value.html", {"indicator": found, "form": form}, status=INVALID)
    return render(request, "city/add_value.html", {"indicator": found, "form": form})


@login_required
def import_values(request):
    require(request, "city.manage_indicators")
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                job = services.start_import(
                    staff=request.user, content=form.cleaned_data["file"], language=get_language()
                )
            except ValidationError as error:
                form.add_error("file", error)
            else:
                if job.total_lines <= INLINE_LINES:
                    services.run_import(job)
                else:
                    transaction.on_commit(lambda: import_job.enqueue(job.pk))
                return redirect("city:import_job", pk=job.pk)
        return render(request, "city/import.html", {"form": form}, status=INVALID)
    return render(request, "city/import.html", {"form": form, "jobs": ImportJob.objects.defer("content")[:5]})


@login_required
def import_report(request, pk):
    require(request, "city.manage_indicators")
    job = get_object_or_404(ImportJob.objects.defer("content"), pk=pk)
    lost = job.lost(clock.now())
    running = job.status in ImportJob.ACTIVE and not lost
    return render(request, "city/import_job.html", {"job": job, "lost": lost, "running": running})
