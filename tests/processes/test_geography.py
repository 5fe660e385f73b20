import json

import pytest
import shapely

from samen.common.geography import (
    is_in_region,
    municipalities,
    municipality_outline,
    neighbourhood_at,
    neighbourhood_outline,
    neighbourhoods,
)

# Spot checks from data/brussels/SOURCES.md
LANDMARKS = [
    ("Grand-Place", 4.35236, 50.84673, 1, "21004"),
    ("Place Flagey", 4.37190, 50.82740, 37, "21009"),
    ("Atomium", 4.34160, 50.89490, 74, "21004"),
    ("Place Colignon", 4.37740, 50.86710, 23, "21015"),
]


@pytest.mark.parametrize(("name", "longitude", "latitude", "code", "nis"), LANDMARKS)
def test_landmarks_fall_in_their_neighbourhood_and_municipality(name, longitude, latitude, code, nis):
    found = neighbourhood_at(longitude=longitude, latitude=latitude)

    assert (found.code, found.municipality_nis) == (code, nis)


def test_the_region_holds_the_grand_place_but_not_leuven_or_paris():
    assert is_in_region(longitude=4.35236, latitude=50.84673)
    assert not is_in_region(longitude=4.7005, latitude=50.8798)  # Leuven
    assert not is_in_region(longitude=2.3522, latitude=48.8566)  # Paris


def test_the_reference_data_has_19_municipalities_and_145_neighbourhoods():
    assert len(municipalities()) == 19
    assert len(neighbourhoods()) == 145


def test_names_follow_the_active_language(settings):
    from django.utils import translation

    with translation.override("nl"):
        dutch = neighbourhoods()[20].name
    with translation.override("fr"):
        french = neighbourhoods()[20].name

    assert (dutch, french) == ("Oud Laken Oost", "Vieux Laeken Est")


def test_capitalised_official_names_are_shown_in_title_case():
    from samen.common.geography import _readable

    assert [_readable(name) for name in ("SAINT-JOSSE CENTRE", "VAL D'OR", "PARC DE LA WOLUWE")] == [
        "Saint-Josse Centre",
        "Val d'Or",
        "Parc de la Woluwe",
    ]


def test_the_maps_outlines_of_all_neighbourhoods_weigh_under_100_kb_and_keep_each_landmark_inside():
    outlines = {code: neighbourhood_outline(code) for code in neighbourhoods()}
    size = len(json.dumps(list(outlines.values()), separators=(",", ":")))

    assert size < 100_000
    for _name, longitude, latitude, code, nis in LANDMARKS:
        point = shapely.Point(longitude, latitude)
        assert shapely.geometry.shape(outlines[code]).contains(point)
        assert shapely.geometry.shape(municipality_outline(nis)).contains(point)
