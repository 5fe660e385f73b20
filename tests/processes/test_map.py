import gzip
import json

import pytest

from tests.factories import IdeaFactory

pytestmark = pytest.mark.django_db


def _features(client, process, **filters):
    return client.get(f"/en/processes/{process.slug}/ideas.geojson", filters).json()["features"]


def test_the_map_data_holds_located_public_ideas_only(client, open_process):
    theme = open_process.themes.first()
    placed = IdeaFactory(process=open_process, theme=theme, title="Placed", latitude=50.8776, longitude=4.348912)
    IdeaFactory(process=open_process, theme=theme, title="Nowhere")
    IdeaFactory(process=open_process, theme=theme, title="Hidden", latitude=50.85, longitude=4.35, visibility="hidden")

    features = _features(client, open_process)

    assert features == [
        {
            "type": "Feature",
            "id": placed.pk,
            "geometry": {"type": "Point", "coordinates": [4.34891, 50.8776]},
            "properties": {"title": "Placed"},
        }
    ]


def test_the_map_follows_the_lists_filters(client, open_process):
    mobility, green = open_process.themes.all()
    IdeaFactory(process=open_process, theme=mobility, title="Bike lanes", latitude=50.85, longitude=4.35)
    IdeaFactory(process=open_process, theme=green, title="Trees", latitude=50.86, longitude=4.36)

    by_theme = _features(client, open_process, theme=green.slug)
    by_search = _features(client, open_process, q="bike")

    assert [f["properties"]["title"] for f in by_theme] == ["Trees"]
    assert [f["properties"]["title"] for f in by_search] == ["Bike lanes"]


def test_map_queries_do_not_grow_with_the_ideas(client, open_process, django_assert_num_queries):
    theme = open_process.themes.first()
    IdeaFactory(process=open_process, theme=theme, latitude=50.85, longitude=4.35)
    with django_assert_num_queries(5) as one:
        client.get(f"/en/processes/{open_process.slug}/ideas.geojson")

    IdeaFactory.create_batch(30, process=open_process, theme=theme, latitude=50.85, longitude=4.35)
    with django_assert_num_queries(len(one.captured_queries)):
        client.get(f"/en/processes/{open_process.slug}/ideas.geojson")


def test_a_draft_process_has_no_map_data(client, open_process):
    open_process.status = "draft"
    open_process.save()

    assert client.get(f"/en/processes/{open_process.slug}/ideas.geojson").status_code == 404


def test_the_neighbourhood_boundaries_are_served_as_a_static_file(client):
    from django.contrib.staticfiles import finders

    assert finders.find("geo/neighbourhoods.geojson").endswith("data/brussels/neighbourhoods.geojson")


def test_the_map_is_served_from_the_cache_until_an_idea_changes(client, open_process, django_assert_num_queries):
    theme = open_process.themes.first()
    first = IdeaFactory(process=open_process, theme=theme, title="First", latitude=50.85, longitude=4.35)
    client.get(f"/en/processes/{open_process.slug}/ideas.geojson")

    with django_assert_num_queries(4):  # process, phases, themes and the ideas' stamp; no points query
        cached = _features(client, open_process)
    first.title = "First, renamed"
    first.save()
    renamed = _features(client, open_process)

    assert [f["properties"]["title"] for f in cached] == ["First"]
    assert [f["properties"]["title"] for f in renamed] == ["First, renamed"]


def test_the_map_answers_gzip_to_clients_that_accept_it(client, open_process):
    IdeaFactory(process=open_process, theme=open_process.themes.first(), latitude=50.85, longitude=4.35)

    response = client.get(f"/en/processes/{open_process.slug}/ideas.geojson", HTTP_ACCEPT_ENCODING="gzip, br")

    assert response["Content-Encoding"] == "gzip"
    assert response["Content-Type"] == "application/geo+json"
    assert json.loads(gzip.decompress(response.content))["type"] == "FeatureCollection"
