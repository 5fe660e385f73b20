"""Brussels reference geography (19 municipalities, 145 monitoring neighbourhoods), read once from data/brussels.

These are fixed public reference data, not content: they live in memory rather than in tables, and rows refer to
them by their official codes (NIS code for a municipality, monitoring code for a neighbourhood).
"""

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import shapely
from django.utils.translation import get_language

DATA = Path(__file__).resolve().parents[2] / "data" / "brussels"


SMALL_WORDS = {"de", "du", "des", "la", "le", "les", "et", "van", "het", "en", "sur", "aux"}


@cache
def _readable(official_name: str) -> str:
    """The monitoring publishes names in capitals without accents: "VAL D'OR" reads "Val d'Or"."""

    def word(match: re.Match) -> str:
        text = match.group(0).lower()
        elided = text in {"d", "l"} and official_name[match.end() : match.end() + 1] == "'"
        return text if match.start() and (text in SMALL_WORDS or elided) else text.capitalize()

    return re.sub(r"[^\W\d_]+", word, official_name)


@dataclass(frozen=True)
class Municipality:
    nis: str
    name_fr: str
    name_nl: str

    @property
    def name(self) -> str:
        return self.name_nl if get_language() == "nl" else self.name_fr


@dataclass(frozen=True)
class Neighbourhood:
    code: int
    name_fr: str
    name_nl: str
    municipality_nis: str
    label_point: tuple[float, float]

    @property
    def name(self) -> str:
        return _readable(self.name_nl if get_language() == "nl" else self.name_fr)

    @property
    def municipality(self) -> Municipality:
        return municipalities()[self.municipality_nis]


@cache
def municipalities() -> dict[str, Municipality]:
    rows = json.loads((DATA / "municipalities.json").read_text(encoding="utf-8"))["municipalities"]
    return {row["nis"]: Municipality(row["nis"], row["name_fr"], row["name_nl"]) for row in rows}


@cache
def postal_codes() -> dict[str, frozenset[str]]:
    """Each municipality's postcodes (1040 and 1050 are shared by two municipalities each)."""
    rows = json.loads((DATA / "municipalities.json").read_text(encoding="utf-8"))["municipalities"]
    return {row["nis"]: frozenset(row["postal_codes"]) for row in rows}


@cache
def _neighbourhood_layer() -> tuple[dict[int, Neighbourhood], list[int], shapely.STRtree]:
    features = json.loads((DATA / "neighbourhoods.geojson").read_text(encoding="utf-8"))["features"]
    by_code, codes, shapes = {}, [], []
    for feature in features:
        props = feature["properties"]
        code = int(props["code"])
        by_code[code] = Neighbourhood(
            code, props["name_fr"], props["name_nl"], props["municipality_nis"], tuple(props["label_point"])
        )
        codes.append(code)
        shape = shapely.geometry.shape(feature["geometry"])
        shapely.prepare(shape)
        shapes.append(shape)
    return by_code, codes, shapely.STRtree(shapes)


@cache
def _region():
    feature = json.loads((DATA / "region.geojson").read_text(encoding="utf-8"))["features"][0]
    shape = shapely.geometry.shape(feature["geometry"])
    shapely.prepare(shape)
    return shape


def neighbourhoods() -> dict[int, Neighbourhood]:
    return _neighbourhood_layer()[0]


def neighbourhood_choices() -> list[tuple[int, str]]:
    """Choices for a form or a model field, sorted by name in the active language."""
    return sorted(((n.code, n.name) for n in neighbourhoods().values()), key=lambda choice: choice[1])


def municipality_choices() -> list[tuple[str, str]]:
    return sorted(((m.nis, m.name) for m in municipalities().values()), key=lambda choice: choice[1])


def is_in_region(*, longitude: float, latitude: float) -> bool:
    return _region().covers(shapely.Point(longitude, latitude))


def neighbourhood_at(*, longitude: float, latitude: float) -> Neighbourhood | None:
    """The monitoring neighbourhood containing the point, or None outside them all."""
    by_code, codes, tree = _neighbourhood_layer()
    hits = tree.query(shapely.Point(longitude, latitude), predicate="intersects")
    return by_code[codes[min(hits)]] if len(hits) else None


def neighbourhoods_touching(geometry: dict) -> list[int]:
    """The codes of the monitoring neighbourhoods a GeoJSON geometry (a point, a line, a polygon…) touches, in
    code order; raises ValueError for what is not a valid geometry."""
    try:
        shape = shapely.geometry.shape(geometry)
    except (AttributeError, KeyError, TypeError, IndexError, shapely.errors.GEOSException) as error:
        raise ValueError(str(error)) from error
    if shape.is_empty or not shape.is_valid:
        raise ValueError("not a valid geometry")
    _by_code, codes, tree = _neighbourhood_layer()
    return sorted(codes[hit] for hit in tree.query(shape, predicate="intersects"))


# Outlines for a map of the whole region: coverage simplification keeps neighbours' shared edges shared (no gaps,
# no overlaps) at about 30 m, and five decimals of a degree are about a metre: the 145 outlines weigh 87 KB as JSON
# (19 KB compressed) instead of 290 KB; a map sends only those of places with a process
# (tests/processes/test_geography.py measures them).
OUTLINE_TOLERANCE = 0.0004
OUTLINE_DECIMALS = 5


def _rounded(coordinates):
    if isinstance(coordinates[0], float | int):
        return [round(coordinates[0], OUTLINE_DECIMALS), round(coordinates[1], OUTLINE_DECIMALS)]
    return [_rounded(part) for part in coordinates]


def _geometry(shape) -> dict:
    mapped = shapely.geometry.mapping(shape)
    return {"type": mapped["type"], "coordinates": _rounded(mapped["coordinates"])}


@cache
def _simplified_shapes() -> dict[int, object]:
    _by_code, codes, tree = _neighbourhood_layer()
    simplified = shapely.coverage_simplify(tree.geometries, OUTLINE_TOLERANCE)
    return dict(zip(codes, simplified, strict=True))


@cache
def neighbourhood_outline(code: int) -> dict:
    """The neighbourhood's simplified outline, a GeoJSON geometry (longitude, latitude)."""
    return _geometry(_simplified_shapes()[code])


@cache
def municipality_outline(nis: str) -> dict:
    """The municipality's simplified outline: the union of its neighbourhoods' (those counted in it: a few
    neighbourhoods straddle a municipal boundary, so this is the outline a map needs, not the legal one)."""
    shapes = [shape for code, shape in _simplified_shapes().items() if neighbourhoods()[code].municipality_nis == nis]
    return _geometry(_solid(shapely.union_all(shapes)))


@cache
def region_outline() -> dict:
    """The region's simplified outline: the union of all the neighbourhoods' (which cover it)."""
    return _geometry(_solid(shapely.union_all(list(_simplified_shapes().values()))))


def _solid(shape):
    """A union of simplified neighbourhoods without the specks simplification leaves between them: outer rings only,
    parts of more than about 1,000 m²."""
    parts = getattr(shape, "geoms", [shape])
    return shapely.union_all([shapely.Polygon(part.exterior) for part in parts if part.area > 1e-7])
