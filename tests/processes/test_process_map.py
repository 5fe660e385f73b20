"""The processes by place: a list grouped by municipality and neighbourhood (the page without JavaScript, and the
accessible way in) and the same as GeoJSON for the map; the home links to it and loads no map itself."""

import pytest
from django.urls import reverse

from samen.common.geography import neighbourhoods
from samen.processes.models import Process
from tests.conftest import process_in
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LAEKEN = 20  # a neighbourhood of the City of Brussels (21004)
IXELLES = "21009"


def _placed(phase: str, title: str, **place) -> Process:
    process = process_in(phase)
    Process.objects.filter(pk=process.pk).update(title_en=title, **place)
    return Process.objects.get(pk=process.pk)


@pytest.fixture
def places(db):
    return {
        "region": _placed("open", "Clean air for the region"),
        "municipality": _placed("future", "Ixelles squares", scope="municipality", municipality_nis=IXELLES),
        "neighbourhood": _placed("open", "Laeken park", scope="neighbourhood", neighbourhood_code=LAEKEN),
        "ended": _placed("past", "An old call in Laeken", scope="neighbourhood", neighbourhood_code=LAEKEN),
    }


def _section(page: str, heading: str) -> str:
    return page.split(heading, 1)[1].split("</section>", 1)[0]


def test_the_list_groups_open_and_coming_processes_by_municipality_and_neighbourhood(client, places):
    page = client.get(reverse("processes:map")).content.decode()

    region = _section(page, 'id="region-title"')
    ixelles = _section(page, f'id="municipality-{IXELLES}"')
    brussels = _section(page, 'id="municipality-21004"')
    assert "Clean air for the region" in region
    assert "The whole municipality" in ixelles
    assert f'href="{places["municipality"].get_absolute_url()}"' in ixelles
    assert "Laeken park" in brussels
    assert f"<h3>{neighbourhoods()[LAEKEN].name}</h3>" in brussels
    assert "An old call in Laeken" not in page  # ended: not what is happening


def test_the_signed_in_residents_municipality_comes_first(client, places):
    client.force_login(UserFactory(neighbourhood_code=LAEKEN))

    page = client.get(reverse("processes:map")).content.decode()

    assert page.index('id="municipality-21004"') < page.index(f'id="municipality-{IXELLES}"')
    assert "Where you live" in _section(page, 'id="municipality-21004"')
    assert "Where you live" not in _section(page, f'id="municipality-{IXELLES}"')


def test_drafts_are_on_the_map_for_process_managers_only(client, places, manager):
    Process.objects.filter(pk=places["neighbourhood"].pk).update(status="draft")

    anonymous = client.get(reverse("processes:map")).content.decode()
    client.force_login(manager)
    managing = client.get(reverse("processes:map")).content.decode()

    assert "Laeken park" not in anonymous
    assert "Laeken park" in managing


def test_the_map_data_outlines_each_place_with_its_processes_and_lists_the_regions(client, places):
    response = client.get(reverse("processes:map_data"))
    data = response.json()

    assert response["Content-Type"] == "application/geo+json"
    assert [feature["id"] for feature in data["features"]] == [
        "region",
        f"neighbourhood-{LAEKEN}",
        f"municipality-{IXELLES}",
    ]
    region, laeken = data["features"][:2]
    assert laeken["geometry"]["type"] in {"Polygon", "MultiPolygon"}
    assert laeken["properties"]["kind"] == "neighbourhood"
    assert laeken["properties"]["processes"] == [
        {
            "title": "Laeken park",
            "url": places["neighbourhood"].get_absolute_url(),
            "now": laeken["properties"]["processes"][0]["now"],
        }
    ]
    assert laeken["properties"]["processes"][0]["now"].startswith("Post ideas until ")
    assert [entry["title"] for entry in region["properties"]["processes"]] == ["Clean air for the region"]
    assert len(response.content) < 20_000  # three outlines, simplified


def test_the_map_data_is_in_the_visitors_language(client, places):
    data = client.get(reverse("processes:map_data").replace("/en/", "/nl/")).json()

    assert data["features"][2]["properties"]["name"].startswith("Elsene, ")  # Ixelles in Dutch


def test_the_home_links_the_map_and_loads_no_map_itself(client, places):
    page = client.get(reverse("processes:list")).content.decode()

    assert f'href="{reverse("processes:map")}"' in page
    assert "leaflet" not in page
    assert "processes-map" not in page
