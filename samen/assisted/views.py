"""The facilitator's start page, the administrators' audit (with a CSV download) and a resident's take-over."""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samen.assisted import queries, registry, services
from samen.common.http import require


@login_required
def start(request):
    """What a facilitator can enter for a resident now, and what they entered lately."""
    require(request, "assisted.enter_for_resident")
    openings = [(kind, kind.openings(request.user)) for kind in registry.kinds()]
    context = {
        "openings": [(kind, found) for kind, found in openings if found],
        "recent": queries.recorded_by(request.user),
    }
    return render(request, "assisted/start.html", context)


def _facilitator_filter(request) -> int | None:
    value = request.GET.get("facilitator", "")
    return int(value) if value.isdigit() else None


@login_required
def audit(request):
    """Administrators: who entered what, for whom (a short pseudonym and the name the resident gave), when, where."""
    require(request, "assisted.audit")
    chosen = _facilitator_filter(request)
    rows = queries.audit_trail(facilitator_id=chosen)
    if request.GET.get("format") == "csv":
        return _csv(rows)
    context = {"rows": rows, "facilitators": queries.facilitators(), "chosen": chosen}
    return render(request, "assisted/audit.html", context)


def _csv(rows) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="assisted-contributions.csv"'
    writer = csv.writer(response)
    writer.writerow(
        ["entered_at", "facilitator", "action", "what", "resident", "pseudonym", "place", "consent_given_at",
         "agreed_to", "taken_over_at"]
    )  # fmt: skip
    for row in rows:
        consent = row.consent
        writer.writerow(
            [
                consent.created_at.isoformat(),
                consent.facilitator_name,
                consent.action,
                row.what,
                consent.resident_name,
                consent.pseudonym,
                consent.place,
                consent.given_at.isoformat(),
                consent.agreed_to,
                consent.taken_over_at.isoformat() if consent.taken_over_at else "",
            ]
        )
    return response


@login_required
def mine(request):
    """A verified resident sees what facilitators entered for them and takes it over to their account (POST)."""
    if request.method == "POST":
        try:
            report = services.take_over(user=request.user)
        except ValidationError as refusal:
            messages.error(request, refusal.messages[0])
            return redirect("assisted:mine")
        if report.taken:
            messages.success(
                request,
                ngettext(
                    "%(count)s contribution is now your account's: you can change it online.",
                    "%(count)s contributions are now your account's: you can change them online.",
                    report.taken,
                )
                % {"count": report.taken},
            )
        for clash in report.clashes:
            messages.warning(request, clash)
        if not report.taken and not report.clashes:
            messages.info(request, _("There was nothing left to take over."))
        return redirect("assisted:mine")
    rows = queries.entered_for(request.user)
    context = {
        "rows": rows,
        "verified": getattr(request.user, "verification", None) is not None,
        "waiting": [row for row in rows if row.consent.taken_over_by_id != request.user.pk],
    }
    return render(request, "assisted/mine.html", context)
