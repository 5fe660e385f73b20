"""The processes by place, for the map page: a list grouped by municipality and neighbourhood (what everyone reads,
with or without JavaScript) and the same as GeoJSON for the map drawn over it."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from samen.common.geography import (
    Municipality,
    Neighbourhood,
    municipalities,
    municipality_outline,
    neighbourhood_outline,
    neighbourhoods,
    region_outline,
)
from samen.processes import queries
from samen.processes.models import Process


@dataclass(frozen=True)
class Entry:
    process: Process
    now: str  # "Vote until 16 July", or what comes next


@dataclass
class Place:
    """A municipality: its own processes, then its neighbourhoods' (those with a process), by name."""

    municipality: Municipality
    entries: list[Entry] = field(default_factory=list)
    neighbourhoods: dict[int, tuple[Neighbourhood, list[Entry]]] = field(default_factory=dict)
    home: bool = False  # the signed-in resident's municipality: listed first

    @property
    def neighbourhoods_by_name(self) -> list[tuple[Neighbourhood, list[Entry]]]:
        return sorted(self.neighbourhoods.values(), key=lambda item: item[0].name)


@dataclass
class ByPlace:
    region: list[Entry]
    places: list[Place]


def by_place(processes, *, home: int | None = None) -> ByPlace:
    """The processes open now or to come (those that have ended are not "what is happening"), grouped by where
    they take place; the signed-in resident's municipality (from `home`, their neighbourhood) first."""
    region, places = [], {}
    home_municipality = neighbourhoods()[home].municipality_nis if home in neighbourhoods() else None
    for process in processes:
        now = queries.now_in_plain_words(process)
        if now.stage == 2:
            continue
        entry = Entry(process, now.text)
        neighbourhood = process.neighbourhood
        if process.scope == Process.Scope.NEIGHBOURHOOD and neighbourhood is not None:
            place = _place(places, neighbourhood.municipality_nis)
            place.neighbourhoods.setdefault(neighbourhood.code, (neighbourhood, []))[1].append(entry)
        elif process.scope == Process.Scope.MUNICIPALITY and process.municipality_nis in municipalities():
            _place(places, process.municipality_nis).entries.append(entry)
        else:
            region.append(entry)
    for place in places.values():
        place.home = place.municipality.nis == home_municipality
    ordered = sorted(places.values(), key=lambda place: (not place.home, place.municipality.name))
    return ByPlace(region, ordered)


def _place(places: dict[str, Place], nis: str) -> Place:
    if nis not in places:
        places[nis] = Place(municipalities()[nis])
    return places[nis]


def _listed(entries: list[Entry]) -> list[dict]:
    return [
        {"title": str(entry.process.title), "url": entry.process.get_absolute_url(), "now": entry.now}
        for entry in entries
    ]


def as_geojson(grouped: ByPlace) -> dict:
    """The region (its outline, always: where the rest lies), each municipality with processes of its own and each
    neighbourhood with processes (their outlines), with their processes' titles, addresses and what is happening."""
    features = [_feature("region", "region", region_outline(), _("The Brussels-Capital Region"), grouped.region)]
    for place in grouped.places:
        if place.entries:
            features.append(
                _feature(
                    f"municipality-{place.municipality.nis}",
                    "municipality",
                    municipality_outline(place.municipality.nis),
                    _("%(municipality)s, the whole municipality") % {"municipality": place.municipality.name},
                    place.entries,
                )
            )
        for neighbourhood, entries in place.neighbourhoods_by_name:
            features.append(
                _feature(
                    f"neighbourhood-{neighbourhood.code}",
                    "neighbourhood",
                    neighbourhood_outline(neighbourhood.code),
                    f"{neighbourhood.name} ({place.municipality.name})",
                    entries,
                )
            )
    return {"type": "FeatureCollection", "features": features}


def _feature(identifier: str, kind: str, geometry: dict, name: str, entries: list[Entry]) -> dict:
    return {
        "type": "Feature",
        "id": identifier,
        "geometry": geometry,
        "properties": {"kind": kind, "name": name, "processes": _listed(entries)},
    }
