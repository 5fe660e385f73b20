"""Citizens' initiatives in the API: the public ones (past the admissibility check) with their clock and how many
signatures stand; never who signed."""

from typing import Literal

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from ninja import Router
from ninja.errors import HttpError

from samen.api import schemas as s
from samen.api.shared import check_limit, page, site
from samen.common.geography import municipalities
from samen.initiatives import queries as initiative_queries
from samen.initiatives.models import Initiative, TimelineEvent

router = Router()


def _initiatives():
    return (
        initiative_queries.with_counts()
        .exclude(status__in=initiative_queries.PRIVATE)
        .prefetch_related(Prefetch("events", queryset=TimelineEvent.objects.order_by("day", "pk")))
    )


def _initiative_out(initiative: Initiative) -> dict:
    state = initiative_queries.state_of(initiative)
    kind = initiative.kind
    return {
        "id": initiative.pk,
        "title": s.texts(initiative, "title"),
        "text": s.texts(initiative, "text"),
        "reasons": s.texts(initiative, "reasons"),
        "kind": {
            "name": s.texts(kind, "name"),
            "municipality_nis": kind.municipality_nis,
            "threshold": kind.threshold,
            "collection_months": kind.collection_months,
            "council_months": kind.council_months,
        },
        "status": initiative.status,
        "stage": str(state.stage),
        "signatures": state.signatures,
        "threshold": state.threshold,
        "collection_starts": initiative.collection_starts,
        "collection_ends": initiative.collection_ends,
        "transmitted_on": initiative.transmitted_on,
        "council_deadline": state.deadline,
        "days_left": state.days_left,
        "overdue": state.overdue,
        "decision": initiative.decision,
        "votes_for": initiative.votes_for,
        "votes_against": initiative.votes_against,
        "abstentions": initiative.abstentions,
        "decided_on": initiative.decided_on,
        "minutes_url": initiative.minutes_url,
        "events": [
            {"kind": e.kind, "day": e.day, "title": s.texts(e, "title"), "link": e.link}
            for e in initiative.events.all()
        ],
        "url": site(initiative),
    }


@router.get("/initiatives", response=s.InitiativePage, summary="Public citizens' initiatives", tags=["initiatives"])
def initiatives(
    request,
    status: Literal["collecting", "failed", "transmitted", "decided"] | None = None,
    municipality: str | None = None,
    limit: int = 20,
    offset: int = 0,
):
    """Every initiative past its admissibility check, newest first: where it stands on the council's clock and how
    many signatures stand (a count; never who signed)."""
    limit = check_limit(limit, offset)
    rows = _initiatives()
    if status:
        rows = rows.filter(status=status)
    if municipality:
        if municipality not in municipalities():
            raise HttpError(422, _("There is no municipality with this code."))
        rows = rows.filter(kind__municipality_nis=municipality)
    count = rows.count()
    found = rows.order_by("-created_at", "-pk")[offset : offset + limit]
    return page(request, count, limit, offset, [_initiative_out(i) for i in found])


@router.get(
    "/initiatives/{pk}", response=s.InitiativeOut, summary="One public citizens' initiative", tags=["initiatives"]
)
def initiative(request, pk: int):
    found = _initiatives().filter(pk=pk).first()
    if found is None:
        raise HttpError(404, _("There is no public initiative with this number."))
    return _initiative_out(found)
