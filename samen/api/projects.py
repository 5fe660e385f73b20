"""The City's projects in the API (issue 17, 1 and 3a): the list filtered as on the site (domain, status,
neighbourhood) and each project with its timeline of updates and the participation that shaped it. Never a name: an
update's author and a project's followers stay out."""

import datetime as dt
from typing import Literal

from django.conf import settings
from django.db.models import Prefetch
from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.errors import HttpError

from samen.api.schemas import Page, Texts, texts
from samen.api.shared import check_limit, page, site
from samen.city.models import Domain, Indicator, Project, ProjectUpdate
from samen.city.queries import public_origin
from samen.common.geography import neighbourhoods

router = Router(tags=["city"])


class ProjectOriginOut(Schema):
    """The participation that shaped the project, when it is public: a process (its address), a winning idea (its
    number), a funded budget proposal (its number), a citizens' initiative (its number), a council's advice."""

    process: str | None
    idea: int | None
    proposal: int | None
    initiative: int | None
    advice_url: str


class GeometryOut(Schema):
    """A GeoJSON geometry (a Polygon or a MultiPolygon), in longitude and latitude (WGS 84)."""

    type: str
    coordinates: list


class CityProjectOut(Schema):
    slug: str
    title: Texts
    description: Texts
    domain: str
    status: str
    starts_on: dt.date | None
    ends_on: dt.date | None
    completed_on: dt.date | None
    abandoned_reason: Texts
    budget_planned: float | None
    budget_spent: float | None
    department: str
    latitude: float | None
    longitude: float | None
    area: GeometryOut | None
    neighbourhood_codes: list[int]
    origin: ProjectOriginOut
    indicators: list[str]
    invented: bool
    url: str


class ProjectUpdateOut(Schema):
    status: str
    text: Texts
    link: str
    photo: str | None
    published_at: dt.datetime
    invented: bool


class CityProjectDetailOut(CityProjectOut):
    updates: list[ProjectUpdateOut]


class CityProjectPage(Page):
    results: list[CityProjectOut]


def _number(value) -> float | None:
    return float(value) if value is not None else None


def _project_out(project: Project) -> dict:
    return {
        "slug": project.slug,
        "title": texts(project, "title"),
        "description": texts(project, "description"),
        "domain": project.domain.slug,
        "status": project.status,
        "starts_on": project.starts_on,
        "ends_on": project.ends_on,
        "completed_on": project.completed_on,
        "abandoned_reason": texts(project, "abandoned_reason"),
        "budget_planned": _number(project.budget_planned),
        "budget_spent": _number(project.budget_spent),
        "department": project.department,
        "latitude": project.latitude,
        "longitude": project.longitude,
        "area": project.area,
        "neighbourhood_codes": sorted(place.neighbourhood_code for place in project.places.all()),
        "origin": public_origin(project),
        "indicators": [indicator.slug for indicator in project.indicators.all()],
        "invented": project.invented,
        "url": site(project),
    }


def _photo(update: ProjectUpdate) -> str | None:
    if not update.photo:
        return None
    address = update.photo.url
    return address if address.startswith(("http://", "https://")) else settings.SITE_URL + address


def _update_out(update: ProjectUpdate) -> dict:
    return {
        "status": update.status,
        "text": texts(update, "text"),
        "link": update.link,
        "photo": _photo(update),
        "published_at": update.published_at,
        "invented": update.invented,
    }


def _projects():
    return Project.objects.select_related("domain", "process", "idea", "proposal", "initiative").prefetch_related(
        "places", Prefetch("indicators", queryset=Indicator.objects.order_by("pk").only("pk", "slug"))
    )


@router.get("/city/projects", response=CityProjectPage, summary="The City's projects")
def projects(
    request,
    domain: str = "",
    status: Literal["new", "ongoing", "completed", "abandoned"] | None = None,
    neighbourhood: int | None = None,
    limit: int = 20,
    offset: int = 0,
):
    """In the order of the site's list (by domain, then title); a project of the whole City has no neighbourhood."""
    limit = check_limit(limit, offset)
    rows = _projects()
    if domain:
        if not Domain.objects.filter(slug=domain).exists():
            raise HttpError(422, _("There is no domain with this address."))
        rows = rows.filter(domain__slug=domain)
    if status:
        rows = rows.filter(status=status)
    if neighbourhood is not None:
        if neighbourhood not in neighbourhoods():
            raise HttpError(422, _("There is no neighbourhood with this code."))
        rows = rows.filter(places__neighbourhood_code=neighbourhood)
    count = rows.count()
    ordered = rows.order_by("domain__foundation", "domain__position", "title_fr", "pk")
    return page(request, count, limit, offset, [_project_out(p) for p in ordered[offset : offset + limit]])


@router.get("/city/projects/{slug}", response=CityProjectDetailOut, summary="One City project with its updates")
def project(request, slug: str):
    """Its updates newest first, as its page shows them."""
    found = (
        _projects()
        .prefetch_related(Prefetch("updates", queryset=ProjectUpdate.objects.order_by("-published_at", "-pk")))
        .filter(slug=slug)
        .first()
    )
    if found is None:
        raise HttpError(404, _("There is no City project with this address."))
    return _project_out(found) | {"updates": [_update_out(update) for update in found.updates.all()]}
