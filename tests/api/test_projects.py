"""/api/v1/city/projects: the City's projects as the site lists them, each with its updates and the public part of
the participation that shaped it; never an update's author nor a follower; queries that do not grow with the list."""

import pytest

from samen.city.models import ProjectFollow, ProjectUpdate
from samen.ideas.models import Visibility
from samen.processes.models import Process
from tests.city.conftest import make_indicator
from tests.city.test_project_list import SQUARE, make_project
from tests.factories import IdeaFactory, ProcessFactory

pytestmark = pytest.mark.django_db

LIST, ONE = "/api/v1/city/projects", "/api/v1/city/projects/{slug}"


def _update(project, author, status="ongoing", text="Works started", **fields) -> ProjectUpdate:
    return ProjectUpdate.objects.create(
        project=project,
        author=author,
        status=status,
        text_nl=f"NL {text}",
        text_fr=f"FR {text}",
        text_en=text,
        **fields,
    )


def test_the_list_gives_each_project_with_its_place_budget_and_indicators(client, check):
    indicator = make_indicator("bike-trips")
    lane = make_project("bike-lane", latitude=50.8467, longitude=4.3525, budget_planned=120000, department="Mobility")
    lane.indicators.add(indicator)
    make_project("trees", domain="healthy", area=SQUARE)

    data = check(client.get(LIST), LIST)

    assert data["count"] == 2
    assert [p["slug"] for p in data["results"]] == ["trees", "bike-lane"]  # the site's order: by domain
    bike = data["results"][1]
    assert bike["title"] == {"nl": "NL bike-lane", "fr": "FR bike-lane", "en": "Bike lane"}
    assert (bike["domain"], bike["status"], bike["budget_planned"], bike["department"]) == (
        "moving",
        "new",
        120000.0,
        "Mobility",
    )
    assert (bike["latitude"], bike["longitude"], bike["area"]) == (50.8467, 4.3525, None)
    assert bike["neighbourhood_codes"] == [1]
    assert bike["indicators"] == ["bike-trips"]
    assert bike["url"].endswith("/projects/bike-lane/")
    assert data["results"][0]["area"] == SQUARE


def test_the_list_is_filtered_by_domain_status_and_neighbourhood(client, check):
    make_project("bike-lane", latitude=50.8467, longitude=4.3525, status="ongoing")
    make_project("bus-lane", status="ongoing")
    make_project("tram", status="completed", completed_on="2024-01-01")
    make_project("trees", domain="healthy", latitude=50.8467, longitude=4.3525)

    def slugs(**query):
        return [p["slug"] for p in check(client.get(LIST, query), LIST)["results"]]

    assert slugs(domain="moving") == ["bike-lane", "bus-lane", "tram"]
    assert slugs(domain="moving", status="ongoing") == ["bike-lane", "bus-lane"]
    assert slugs(neighbourhood=1) == ["trees", "bike-lane"]
    assert slugs(domain="healthy", neighbourhood=1) == ["trees"]


def test_unknown_filters_are_refused_with_a_reason(client):
    assert client.get(LIST, {"domain": "nowhere"}).status_code == 422
    assert client.get(LIST, {"neighbourhood": 9999}).status_code == 422
    assert client.get(LIST, {"status": "dreamt"}).status_code == 422
    assert client.get(LIST, {"limit": 0}).status_code == 422


def test_the_list_is_paginated_like_the_other_lists(client, check):
    for number in range(3):
        make_project(f"p{number}")

    data = check(client.get(LIST, {"limit": 2}), LIST)

    assert (data["count"], len(data["results"])) == (3, 2)
    assert data["next"].endswith("/api/v1/city/projects?limit=2&offset=2")
    assert data["previous"] is None


def test_a_project_comes_with_its_updates_newest_first_and_never_their_author(client, check, manager, resident):
    lane = make_project("bike-lane")
    _update(lane, manager, status="new", text="Announced")
    _update(lane, manager, status="ongoing", text="Works started", link="https://example.org/works")
    ProjectFollow.objects.create(project=lane, follower=resident)

    response = client.get(ONE.format(slug="bike-lane"))
    data = check(response, ONE)

    assert [(u["status"], u["text"]["en"], u["link"]) for u in data["updates"]] == [
        ("ongoing", "Works started", "https://example.org/works"),
        ("new", "Announced", ""),
    ]
    assert data["updates"][0]["text"]["fr"] == "FR Works started"
    assert data["updates"][0]["photo"] is None
    body = response.content.decode()
    for person in (manager, resident):
        assert person.email not in body
        assert person.display_name not in body
    assert "follow" not in body


def test_a_project_names_the_public_participation_that_shaped_it(client, check):
    process = ProcessFactory(slug="parks")
    idea = IdeaFactory(process=process, title="Benches")
    make_project("benches", process=process, idea=idea, advice_url="https://example.org/advice")
    secret = ProcessFactory(slug="secret", status=Process.Status.DRAFT)
    make_project("secret-benches", process=secret, idea=IdeaFactory(process=secret))
    hidden = IdeaFactory(process=process, visibility=Visibility.HIDDEN)
    make_project("hidden-idea", process=process, idea=hidden)

    def origin(slug):
        return check(client.get(ONE.format(slug=slug)), ONE)["origin"]

    assert origin("benches") == {
        "process": "parks",
        "idea": idea.pk,
        "proposal": None,
        "initiative": None,
        "advice_url": "https://example.org/advice",
    }
    assert origin("secret-benches") == {
        "process": None,
        "idea": None,
        "proposal": None,
        "initiative": None,
        "advice_url": "",
    }
    assert origin("hidden-idea")["idea"] is None


def test_an_unknown_project_is_a_json_404(client):
    response = client.get(ONE.format(slug="nothing"))

    assert response.status_code == 404
    assert response.json() == {"detail": "There is no City project with this address."}


def test_the_answers_carry_an_etag(client):
    make_project("bike-lane")

    first = client.get(LIST)

    assert client.get(LIST, headers={"if-none-match": first["ETag"]}).status_code == 304


@pytest.mark.parametrize("count", [1, 3])
def test_the_list_takes_the_same_queries_for_one_or_three_projects(client, count, django_assert_num_queries):
    indicator = make_indicator("bike-trips")
    for number in range(count):
        make_project(f"p{number}", latitude=50.8467, longitude=4.3525).indicators.add(indicator)

    with django_assert_num_queries(5):  # the domain's check, the count, the page, its places, its indicators
        response = client.get(LIST, {"domain": "moving"})

    assert response.json()["count"] == count


@pytest.mark.parametrize("count", [1, 3])
def test_a_project_takes_the_same_queries_for_one_or_three_updates(client, count, manager, django_assert_num_queries):
    lane = make_project("bike-lane")
    for number in range(count):
        _update(lane, manager, text=f"Step {number}")

    with django_assert_num_queries(4):  # the project, its places, its indicators, its updates
        response = client.get(ONE.format(slug="bike-lane"))

    assert len(response.json()["updates"]) == count
