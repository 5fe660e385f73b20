"""Meetings in the API: those the public calendar shows (of the platform, of a council, of a published process),
with where, when, how to join and how accessible they are; never who registered."""

import datetime as dt

from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from ninja.errors import HttpError

from samen.api.schemas import Page, Texts, texts
from samen.api.shared import ANYONE, check_limit, page, site, site_url
from samen.meetings import queries
from samen.meetings.models import Meeting

router = Router(tags=["meetings"])
BIGGEST_ID = 2**63  # past the database's integers: no such meeting, rather than an error


class AccessibilityOut(Schema):
    step_free: bool
    interpretation: str
    childcare: bool


class MeetingOut(Schema):
    id: int
    title: Texts
    agenda: Texts
    starts_at: dt.datetime
    ends_at: dt.datetime
    venue: str  # the meeting place's street address, "" for a meeting online only
    latitude: float | None
    longitude: float | None
    online_link: str
    accessibility: AccessibilityOut
    cancelled: bool
    process: str | None  # the process's address (slug)
    council: str | None  # the neighbourhood council's address (slug)
    url: str
    ics_url: str


class MeetingPage(Page):
    results: list[MeetingOut]


def _meeting_out(meeting: Meeting) -> dict:
    return {
        "id": meeting.pk,
        "title": texts(meeting, "title"),
        "agenda": texts(meeting, "agenda"),
        "starts_at": meeting.starts_at,
        "ends_at": meeting.ends_at,
        "venue": meeting.address,
        "latitude": meeting.latitude,
        "longitude": meeting.longitude,
        "online_link": meeting.online_link,
        "accessibility": {
            "step_free": meeting.step_free,
            "interpretation": meeting.interpretation,
            "childcare": meeting.childcare,
        },
        "cancelled": meeting.cancelled,
        "process": meeting.process.slug if meeting.process else None,
        "council": meeting.council.slug if meeting.council else None,
        "url": site(meeting),
        "ics_url": site_url("meetings:meeting_ics", pk=meeting.pk),
    }


@router.get("/meetings", response=MeetingPage, summary="Public meetings")
def meetings(
    request,
    starts_from: dt.date | None = Query(None, alias="from"),  # noqa: B008 (ninja's way to name a parameter)
    until: dt.date | None = Query(None, alias="to"),  # noqa: B008
    limit: int = 20,
    offset: int = 0,
):
    """Soonest first; `from` keeps the meetings that end on or after that day, `to` those that start on or before it
    (days in Brussels)."""
    limit = check_limit(limit, offset)
    if starts_from and until and until < starts_from:
        raise HttpError(422, _("The end of the period cannot come before its start."))
    rows = queries.visible(ANYONE)
    if starts_from:
        rows = rows.filter(ends_at__date__gte=starts_from)
    if until:
        rows = rows.filter(starts_at__date__lte=until)
    count = rows.count()
    ordered = rows.order_by("starts_at", "pk")[offset : offset + limit]
    return page(request, count, limit, offset, [_meeting_out(m) for m in ordered])


@router.get("/meetings/{pk}", response=MeetingOut, summary="One public meeting")
def meeting(request, pk: int):
    found = queries.visible(ANYONE).filter(pk=pk).first() if 0 < pk < BIGGEST_ID else None
    if found is None:
        raise HttpError(404, _("There is no public meeting with this number."))
    return _meeting_out(found)
