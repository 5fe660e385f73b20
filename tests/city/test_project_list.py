"""The list of the City's projects and the map over it: the same filters, the projects with a place on the map,
in a number of queries that does not grow with the projects."""

import pytest
from django.urls import reverse

from samen.city.models import Domain, Project

pytestmark = pytest.mark.django_db

SQUARE = {
    "type": "Polygon",
    "coordinates": [[[4.35, 50.84], [4.356, 50.84], [4.356, 50.844], [4.35, 50.844], [4.35, 50.84]]],
}


def make_project(slug: str, *, domain: str = "moving", **fields) -> Project:
    defaults = {
        "title_en": slug.replace("-", " ").capitalize(),
        "title_nl": f"NL {slug}",
        "title_fr": f"FR {slug}",
        "description_nl": "Beschrijving.",
        "description_fr": "Description.",
    }
    return Project.objects.create(slug=slug, domain=Domain.objects.get(slug=domain), **(defaults | fields))


def _map_data(client, **query) -> dict:
    return client.get(reverse("city:projects_geojson"), query).json()


def test_the_map_shows_points_and_areas_and_leaves_out_the_projects_without_a_place(client):
    make_project("tram-stop", latitude=50.85, longitude=4.35)
    make_project("green-square", area=SQUARE, status="ongoing")
    make_project("open-data-portal")

    data = _map_data(client)

    assert [(f["id"], f["geometry"]["type"]) for f in data["features"]] == [
        ("green-square", "Polygon"),
        ("tram-stop", "Point"),
    ]
    square = data["features"][0]["properties"]
    assert square == {
        "title": "Green square",
        "lang": "en",
        "url": "/en/projects/green-square/",
        "status": "ongoing",
        "status_label": "Ongoing",
        "domain": "A city on the move",
    }


def test_the_map_follows_the_lists_filters(client):
    make_project("tram-stop", latitude=50.85, longitude=4.35)
    make_project("bike-lane", latitude=50.84, longitude=4.36, status="completed")
    make_project("trees", domain="healthy", latitude=50.83, longitude=4.37)

    assert [f["id"] for f in _map_data(client, domain="moving")["features"]] == ["bike-lane", "tram-stop"]
    assert [f["id"] for f in _map_data(client, domain="moving", status="completed")["features"]] == ["bike-lane"]


def test_the_page_says_how_many_projects_have_a_place_and_asks_the_map_for_the_same_filters(client):
    make_project("tram-stop", latitude=50.85, longitude=4.35)
    make_project("open-data-portal")
    make_project("trees", domain="healthy", latitude=50.83, longitude=4.37)

    page = client.get(reverse("city:projects"), {"domain": "moving", "page": "1"}).content.decode()

    assert 'data-points="/en/projects/map.geojson?domain=moving"' in page
    assert "The map shows the projects of the list that have a place: 1 of 2." in page


def test_without_a_project_with_a_place_there_is_no_map(client):
    make_project("open-data-portal")

    page = client.get(reverse("city:projects")).content.decode()

    assert 'id="projects-map"' not in page
    assert "open data portal" in page.lower()


@pytest.mark.parametrize("count", [1, 3])
def test_the_list_takes_the_same_queries_for_one_or_three_projects(client, count, django_assert_num_queries):
    for number in range(count):
        make_project(f"p{number}", latitude=50.85, longitude=4.35 + number / 100)

    # the domain filter's check, the count, the page, its places, the projects with a place, the domains
    with django_assert_num_queries(6):
        response = client.get(reverse("city:projects"), {"domain": "moving"})

    assert response.status_code == 200
    assert response.content.decode().count('class="card"') == count


@pytest.mark.parametrize("count", [1, 3])
def test_the_map_data_take_the_same_queries_for_one_or_three_projects(client, count, django_assert_num_queries):
    for number in range(count):
        make_project(f"p{number}", area=SQUARE)

    with django_assert_num_queries(2):  # the domain filter's check, the projects with their domains
        data = _map_data(client, domain="moving")

    assert len(data["features"]) == count
