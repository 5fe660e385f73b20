"""The City's projects on a map: those of the list that have a place (a point or an area), as GeoJSON for the map
drawn over the list. A project of the whole City, or without a place yet, is in the list only."""

from django.db.models import Q
from django.utils.http import urlencode

from samen.city.queries import ProjectFilters
from samen.common.translation import localized

PLACED = Q(latitude__isnull=False) | Q(area__isnull=False)


def placed(projects):
    """The projects (a queryset) that have a place to show."""
    return projects.filter(PLACED)


def query_of(filters: ProjectFilters) -> str:
    """The filters as the address of the map's data asks for them: the map shows what the list shows."""
    chosen = {"domain": filters.domain, "status": filters.status, "neighbourhood": filters.neighbourhood or ""}
    return urlencode({name: value for name, value in chosen.items() if value})


def as_geojson(projects) -> dict:
    """A feature per project with a place: its area as drawn, else its point; with its title, page and status."""
    features = []
    for project in placed(projects).prefetch_related(None):
        features.append(
            {
                "type": "Feature",
                "id": project.slug,
                "geometry": project.geometry,
                "properties": {
                    "title": str(project.title),
                    "lang": localized(project, "title").language,
                    "url": project.get_absolute_url(),
                    "status": project.status,
                    "status_label": str(project.get_status_display()),
                    "domain": str(project.domain.name),
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}
