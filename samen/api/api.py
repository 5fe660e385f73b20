"""The public read-only JSON API, version 1 (issue 17, 3a): published processes with their phases and themes, the
visible ideas of a process and their published comments, the City's dashboard; and, from their own modules, what the
process kinds publish (votes.py, budgets.py, lotteries.py, initiatives.py). Its OpenAPI 3 schema is at
/api/v1/openapi.json; no docs page (it would load Swagger from a CDN, which the CSP forbids)."""

from typing import Literal

from django.conf import settings
from django.db.models import Prefetch, Q
from django.utils.translation import gettext as _
from ninja.errors import HttpError, ValidationError

from samen.api import budgets, initiatives, lotteries, votes
from samen.api import schemas as s
from samen.api.errors import translated_validation_errors
from samen.api.openapi import API
from samen.api.shared import MAX_LIMIT, MAX_OFFSET
from samen.api.shared import check_limit as _limit
from samen.api.shared import page as _page
from samen.api.shared import site as _site
from samen.city.models import Domain, Indicator, IndicatorValue
from samen.common.geography import municipalities, neighbourhoods
from samen.ideas.models import Comment, Idea, Visibility
from samen.ideas.queries import filtered_ideas, ideas_for_page, ordered_idea_ids
from samen.processes.models import Phase, Process, Theme

api = API(
    title="Samen",
    version="1",
    description="Public, read-only data of Samen. The licence of the data is named at /api/v1/.",
    urls_namespace="api-v1",
    docs_url=None,
    openapi_url="/openapi.json",
    page_bounds={"limit": (1, MAX_LIMIT), "offset": (0, MAX_OFFSET)},  # every list's, checked by _limit
)
api.add_router("", votes.router)
api.add_router("", budgets.router)
api.add_router("", lotteries.router)
api.add_router("", initiatives.router)
api.add_exception_handler(ValidationError, translated_validation_errors)


@api.get("/", response=s.Index, summary="What this API offers, and the licence of its data", tags=["about"])
def index(request):
    return {
        "licence": settings.SAMEN_OPEN_DATA_LICENCE,
        "openapi": request.build_absolute_uri("openapi.json"),
        "processes": request.build_absolute_uri("processes"),
        "domains": request.build_absolute_uri("city/domains"),
        "indicators": request.build_absolute_uri("city/indicators"),
        "votes": request.build_absolute_uri("votes"),
        "budgets": request.build_absolute_uri("budgets"),
        "lotteries": request.build_absolute_uri("lotteries"),
        "initiatives": request.build_absolute_uri("initiatives"),
        "projects": request.build_absolute_uri("city/projects"),
        "meetings": request.build_absolute_uri("meetings"),
        "consultations": request.build_absolute_uri("consultations"),
    }


def _neighbourhood(code: int | None) -> int | None:
    if code is not None and code not in neighbourhoods():
        raise HttpError(422, _("There is no neighbourhood with this code."))
    return code


def _process_out(process: Process) -> dict:
    return {
        "slug": process.slug,
        "title": s.texts(process, "title"),
        "description": s.texts(process, "description"),
        "status": process.status,
        "scope": process.scope,
        "municipality_nis": process.municipality_nis or None,
        "neighbourhood_code": process.neighbourhood_code,
        "topics": list(process.topics or []),
        "themes": [{"slug": theme.slug, "name": s.texts(theme, "name")} for theme in process.themes.all()],
        "phases": [
            {"kind": p.kind, "title": s.texts(p, "title"), "first_day": p.first_day, "last_day": p.last_day}
            for p in process.phases.all()
        ],
        "created_at": process.created_at,
        "url": _site(process),
    }


def _public_processes():
    return Process.objects.filter(status=Process.Status.PUBLISHED)


def _published_process(slug: str) -> Process:
    process = _public_processes().filter(slug=slug).first()
    if process is None:
        raise HttpError(404, _("There is no published process with this address."))
    return process


@api.get("/processes", response=s.ProcessPage, summary="Published processes", tags=["processes"])
def processes(
    request,
    scope: Literal["region", "municipality", "neighbourhood"] | None = None,
    municipality: str | None = None,
    neighbourhood: int | None = None,
    status: Literal["published"] | None = None,
    limit: int = 20,
    offset: int = 0,
):
    limit = _limit(limit, offset)
    rows = _public_processes()
    if scope:
        rows = rows.filter(scope=scope)
    if municipality:
        if municipality not in municipalities():
            raise HttpError(422, _("There is no municipality with this code."))
        rows = rows.filter(municipality_nis=municipality)
    if (code := _neighbourhood(neighbourhood)) is not None:
        rows = rows.filter(neighbourhood_code=code)
    count = rows.count()
    page = rows.order_by("-created_at", "-pk").prefetch_related(
        Prefetch("themes", queryset=Theme.objects.order_by("position", "pk")),
        Prefetch("phases", queryset=Phase.objects.order_by("first_day", "pk")),
    )[offset : offset + limit]
    return _page(request, count, limit, offset, [_process_out(p) for p in page])


@api.get("/processes/{slug}", response=s.ProcessOut, summary="One published process", tags=["processes"])
def process(request, slug: str):
    found = (
        _public_processes()
        .filter(slug=slug)
        .prefetch_related(
            Prefetch("themes", queryset=Theme.objects.order_by("position", "pk")),
            Prefetch("phases", queryset=Phase.objects.order_by("first_day", "pk")),
        )
        .first()
    )
    if found is None:
        raise HttpError(404, _("There is no published process with this address."))
    return _process_out(found)


def _idea_out(idea: Idea, process_slug: str) -> dict:
    return {
        "id": idea.pk,
        "process": process_slug,
        "theme": idea.theme.slug,
        "title": idea.title,
        "text": idea.body,
        "language": idea.language,
        "latitude": idea.latitude,
        "longitude": idea.longitude,
        "neighbourhood_code": idea.neighbourhood_code,
        "municipality_nis": idea.municipality_nis or None,
        "created_at": idea.created_at,
        "support_count": idea.support_count,
        "comment_count": idea.comment_count,
        "assisted": idea.assisted,
        "url": _site(idea),
    }


@api.get("/processes/{slug}/ideas", response=s.IdeaPage, summary="The visible ideas of a process", tags=["ideas"])
def ideas(
    request,
    slug: str,
    theme: str = "",
    neighbourhood: int | None = None,
    limit: int = 20,
    offset: int = 0,
):
    """Newest first, as the process's list shows them; the same rule decides which ideas anyone may see."""
    limit = _limit(limit, offset)
    found = _published_process(slug)
    code = _neighbourhood(neighbourhood)
    count = filtered_ideas(found, theme_slug=theme, neighbourhood_code=code).count()
    ids = list(ordered_idea_ids(found, theme_slug=theme, neighbourhood_code=code)[offset : offset + limit])
    return _page(request, count, limit, offset, [_idea_out(i, found.slug) for i in ideas_for_page(ids)])


def _visible_idea(pk: int) -> Idea:
    idea = (
        Idea.objects.filter(pk=pk, visibility=Visibility.PUBLISHED, process__status=Process.Status.PUBLISHED)
        .select_related("process")
        .first()
    )
    if idea is None:
        raise HttpError(404, _("There is no visible idea with this number."))
    return idea


@api.get("/ideas/{pk}", response=s.IdeaOut, summary="One visible idea", tags=["ideas"])
def idea(request, pk: int):
    found = _visible_idea(pk)
    (full,) = ideas_for_page([found.pk])
    return _idea_out(full, found.process.slug)


@api.get("/ideas/{pk}/comments", response=s.CommentPage, summary="The published comments of an idea", tags=["ideas"])
def comments(request, pk: int, limit: int = 50, offset: int = 0):
    """Oldest first; a reply names the comment it answers (`parent`)."""
    limit = _limit(limit, offset)
    found = _visible_idea(pk)
    rows = Comment.objects.filter(idea=found, visibility=Visibility.PUBLISHED).filter(
        Q(parent__isnull=True) | Q(parent__visibility=Visibility.PUBLISHED)
    )
    count = rows.count()
    page = rows.order_by("created_at", "pk").only("pk", "idea_id", "parent_id", "body", "language", "created_at")
    results = [
        {
            "id": c.pk,
            "idea": c.idea_id,
            "parent": c.parent_id,
            "text": c.body,
            "language": c.language,
            "created_at": c.created_at,
        }
        for c in page[offset : offset + limit]
    ]
    return _page(request, count, limit, offset, results)


@api.get("/city/domains", response=s.DomainPage, summary="The City strategy's domains and foundations", tags=["city"])
def domains(request, limit: int = 50, offset: int = 0):
    limit = _limit(limit, offset)
    rows = Domain.objects.order_by("foundation", "position", "pk")
    count = rows.count()
    results = [
        {"slug": d.slug, "name": s.texts(d, "name"), "foundation": d.foundation, "position": d.position}
        for d in rows[offset : offset + limit]
    ]
    return _page(request, count, limit, offset, results)


def _indicator_out(indicator: Indicator) -> dict:
    def number(value):
        return float(value) if value is not None else None

    return {
        "slug": indicator.slug,
        "domain": indicator.domain.slug,
        "objective": s.texts(indicator.objective, "title") if indicator.objective else None,
        "name": s.texts(indicator, "name"),
        "unit": indicator.unit,
        "direction": indicator.direction,
        "baseline_value": number(indicator.baseline_value),
        "baseline_date": indicator.baseline_date,
        "target_value": number(indicator.target_value),
        "target_date": indicator.target_date,
        "source": indicator.source,
        "source_url": indicator.source_url,
        "kind": indicator.kind,
        "values": [{"date": v.date, "value": float(v.value)} for v in indicator.values.all()],
        "url": _site(indicator),
    }


def _indicators():
    return Indicator.objects.select_related("domain", "objective").prefetch_related(
        Prefetch("values", queryset=IndicatorValue.objects.only("indicator_id", "date", "value").order_by("date"))
    )


@api.get("/city/indicators", response=s.IndicatorPage, summary="Indicators with their values", tags=["city"])
def indicators(request, domain: str = "", limit: int = 20, offset: int = 0):
    limit = _limit(limit, offset)
    rows = _indicators()
    if domain:
        if not Domain.objects.filter(slug=domain).exists():
            raise HttpError(422, _("There is no domain with this address."))
        rows = rows.filter(domain__slug=domain)
    count = rows.count()
    page = rows.order_by("domain__foundation", "domain__position", "domain_id", "position", "pk")
    return _page(request, count, limit, offset, [_indicator_out(i) for i in page[offset : offset + limit]])


@api.get("/city/indicators/{slug}", response=s.IndicatorOut, summary="One indicator with its values", tags=["city"])
def indicator(request, slug: str):
    found = _indicators().filter(slug=slug).first()
    if found is None:
        raise HttpError(404, _("There is no indicator with this address."))
    return _indicator_out(found)


api.add_router("", "samen.api.projects.router")  # the City's projects: in projects.py, with their schemas
api.add_router("", "samen.api.meetings.router")
api.add_router("", "samen.api.consultations.router")
api.add_router("", "samen.api.debates.router")
