"""What every endpoint of the API shares: the bounds of a page, the envelope of a list, links to the site."""

from datetime import datetime

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from ninja.errors import HttpError

from samen.processes.models import Phase, Process

MAX_LIMIT = 100


def check_limit(limit: int, offset: int) -> int:
    if not 1 <= limit <= MAX_LIMIT:
        raise HttpError(422, _("Ask for between 1 and %(max)d items.") % {"max": MAX_LIMIT})
    if offset < 0:
        raise HttpError(422, _("The offset cannot be negative."))
    return limit


def page(request, count: int, limit: int, offset: int, results: list) -> dict:
    """The envelope of every list: count, links to the next and previous pages, results."""

    def link(at: int) -> str:
        query = request.GET.copy()
        query["limit"], query["offset"] = limit, at
        return request.build_absolute_uri(f"{request.path}?{urlencode(sorted(query.items()))}")

    return {
        "count": count,
        "next": link(offset + limit) if offset + limit < count else None,
        "previous": link(max(0, offset - limit)) if offset > 0 else None,
        "results": results,
    }


def site(obj=None, *, path: str = "") -> str:
    """The object's page on the site, in the site's default language: an answer does not vary with the asker's."""
    with translation.override(settings.LANGUAGE_CODE):
        return settings.SITE_URL + (obj.get_absolute_url() if obj is not None else path)


def site_url(name: str, **kwargs) -> str:
    """A named page of the site, in the site's default language."""
    with translation.override(settings.LANGUAGE_CODE):
        return settings.SITE_URL + reverse(name, kwargs=kwargs)


def last_modified(request, *moments: datetime | None) -> None:
    """Name when the answer last changed (http.py sends it as Last-Modified and answers If-Modified-Since): only
    for answers that nothing undated can change."""
    known = [moment for moment in moments if moment is not None]
    if known:
        request.api_last_modified = max(known)


ANYONE = AnonymousUser()  # the API answers the same to everyone: what an anonymous visitor of the site may see
PHASES = Prefetch("process__phases", queryset=Phase.objects.order_by("first_day", "pk"))


def slice_of(rows: list, limit: int, offset: int) -> list:
    return rows[offset : offset + limit]


def phase_days(process: Process, kind: str) -> tuple:
    """The first and last day of the process's phase of this kind, from its prefetched phases; (None, None)."""
    phase = next((p for p in process.phases.all() if p.kind == kind), None)
    return (phase.first_day, phase.last_day) if phase else (None, None)
