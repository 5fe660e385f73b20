"""Each endpoint of /api/v1/: its status, fields (validated against the OpenAPI schema), pagination and filters;
drafts and hidden content never appear."""

from datetime import date

import pytest

from samen.ideas.models import Visibility
from samen.processes.models import Process
from tests.city.conftest import make_indicator
from tests.factories import CommentFactory, IdeaFactory, ProcessFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def test_the_schema_is_openapi_3_and_lists_every_endpoint(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["openapi"].startswith("3.")
    assert schema["info"]["version"] == "1"
    assert set(schema["paths"]) == {
        "/api/v1/",
        "/api/v1/processes",
        "/api/v1/processes/{slug}",
        "/api/v1/processes/{slug}/ideas",
        "/api/v1/ideas/{pk}",
        "/api/v1/ideas/{pk}/comments",
        "/api/v1/city/domains",
        "/api/v1/city/projects",
        "/api/v1/city/projects/{slug}",
        "/api/v1/city/indicators",
        "/api/v1/city/indicators/{slug}",
        "/api/v1/votes",
        "/api/v1/votes/{slug}",
        "/api/v1/votes/{slug}/ballots",
        "/api/v1/budgets",
        "/api/v1/budgets/{slug}",
        "/api/v1/budgets/{slug}/ballots",
        "/api/v1/lotteries",
        "/api/v1/lotteries/{slug}",
        "/api/v1/initiatives",
        "/api/v1/initiatives/{pk}",
        "/api/v1/meetings",
        "/api/v1/meetings/{pk}",
        "/api/v1/consultations",
        "/api/v1/consultations/{slug}/results",
        "/api/v1/processes/{slug}/debates",
    }
    assert all(set(operations) == {"get"} for operations in schema["paths"].values())


def test_no_docs_page_that_would_load_a_cdn(client):
    assert client.get("/api/v1/docs").status_code == 404


def test_the_index_names_the_licence_of_the_data(client, check, settings):
    settings.SAMEN_OPEN_DATA_LICENCE = "CC-BY-4.0"
    data = check(client.get("/api/v1/"), "/api/v1/")
    assert data["licence"] == "CC-BY-4.0"
    assert data["openapi"].endswith("/api/v1/openapi.json")


def test_every_address_the_index_names_answers(client, check):
    data = check(client.get("/api/v1/"), "/api/v1/")
    for name, url in data.items():
        if name != "licence":  # the licence's own page, elsewhere
            assert client.get(url).status_code == 200, name


def test_the_api_is_not_under_a_language_prefix(client):
    assert client.get("/nl/api/v1/processes").status_code == 404
    assert client.get("/api/v1/processes").status_code == 200


def test_processes_show_published_ones_with_texts_in_three_languages_themes_and_phases(client, check, published):
    ProcessFactory(slug="secret", status=Process.Status.DRAFT)
    data = check(client.get("/api/v1/processes"), "/api/v1/processes")
    assert data["count"] == 1
    (process,) = data["results"]
    assert process["slug"] == "parks"
    assert set(process["title"]) == {"nl", "fr", "en"}
    assert process["title"]["nl"] == published.title_nl
    assert [theme["slug"] for theme in process["themes"]] == ["parks", "streets"]
    assert process["phases"][0]["kind"] == "idea_collection"
    assert process["url"].endswith(published.get_absolute_url())


def test_a_draft_process_is_not_found(client):
    ProcessFactory(slug="secret", status=Process.Status.DRAFT)
    response = client.get("/api/v1/processes/secret")
    assert response.status_code == 404
    assert response.json()["detail"]
    assert client.get("/api/v1/processes/secret/ideas").status_code == 404


def test_one_process(client, check, published):
    assert check(client.get("/api/v1/processes/parks"), "/api/v1/processes/{slug}")["slug"] == "parks"


def test_processes_are_paginated_newest_first_with_links(client, check):
    for n in range(3):
        ProcessFactory(slug=f"p{n}")
    first = check(client.get("/api/v1/processes?limit=2"), "/api/v1/processes")
    assert first["count"] == 3
    assert [p["slug"] for p in first["results"]] == ["p2", "p1"]
    assert first["previous"] is None
    second = check(client.get(first["next"]), "/api/v1/processes")
    assert [p["slug"] for p in second["results"]] == ["p0"]
    assert second["next"] is None
    assert "offset=0" in second["previous"]


def test_processes_filter_by_scope_and_neighbourhood(client, check):
    ProcessFactory(slug="region")
    ProcessFactory(slug="laeken", scope=Process.Scope.NEIGHBOURHOOD, neighbourhood_code=20)
    by_scope = check(client.get("/api/v1/processes?scope=neighbourhood"), "/api/v1/processes")
    assert [p["slug"] for p in by_scope["results"]] == ["laeken"]
    by_place = check(client.get("/api/v1/processes?neighbourhood=20"), "/api/v1/processes")
    assert [p["slug"] for p in by_place["results"]] == ["laeken"]
    assert check(client.get("/api/v1/processes?status=published"), "/api/v1/processes")["count"] == 2


@pytest.mark.parametrize(
    "query",
    [
        "scope=everywhere",
        "neighbourhood=99999",
        "neighbourhood=abc",
        "status=draft",
        "limit=0",
        "limit=101",
        "offset=-1",
        "offset=99999999999999999999",  # past the database's integers: a 500 before
        "municipality=00000",
    ],
)
def test_a_bad_filter_is_refused_with_json_not_a_500(client, query):
    response = client.get(f"/api/v1/processes?{query}")
    assert response.status_code == 422
    assert "detail" in response.json()


def test_ideas_of_a_process_are_the_visible_ones_with_their_counts(client, check, published):
    data = check(client.get("/api/v1/processes/parks/ideas"), "/api/v1/processes/{slug}/ideas")
    assert data["count"] == 1
    (idea,) = data["results"]
    assert idea["title"] == "Benches in the park"
    assert idea["theme"] == "parks"
    assert idea["support_count"] == 1
    assert idea["comment_count"] == 1
    assert "author" not in idea


def test_ideas_filter_by_theme_and_neighbourhood(client, check, published):
    IdeaFactory(process=published, theme=published.themes.get(slug="streets"), title="Wider pavements")
    by_theme = check(client.get("/api/v1/processes/parks/ideas?theme=streets"), "/api/v1/processes/{slug}/ideas")
    assert [i["title"] for i in by_theme["results"]] == ["Wider pavements"]
    by_place = check(client.get("/api/v1/processes/parks/ideas?neighbourhood=20"), "/api/v1/processes/{slug}/ideas")
    assert [i["title"] for i in by_place["results"]] == ["Benches in the park"]
    assert client.get("/api/v1/processes/parks/ideas?neighbourhood=99999").status_code == 422


def test_a_hidden_or_pending_idea_is_not_found(client, published):
    hidden = published.ideas.get(visibility=Visibility.HIDDEN)
    pending = IdeaFactory(process=published, theme=hidden.theme, visibility=Visibility.PENDING)
    assert client.get(f"/api/v1/ideas/{hidden.pk}").status_code == 404
    assert client.get(f"/api/v1/ideas/{pending.pk}").status_code == 404
    assert client.get(f"/api/v1/ideas/{hidden.pk}/comments").status_code == 404


def test_an_idea_of_a_draft_process_is_not_found(client):
    draft = ProcessFactory(status=Process.Status.DRAFT)
    idea = IdeaFactory(process=draft, theme=ThemeFactory(process=draft))
    assert client.get(f"/api/v1/ideas/{idea.pk}").status_code == 404


def test_one_idea_and_its_published_comments(client, check, published):
    idea = published.ideas.get(visibility=Visibility.PUBLISHED)
    assert check(client.get(f"/api/v1/ideas/{idea.pk}"), "/api/v1/ideas/{pk}")["id"] == idea.pk
    comments = check(client.get(f"/api/v1/ideas/{idea.pk}/comments"), "/api/v1/ideas/{pk}/comments")
    assert [c["text"] for c in comments["results"]] == ["Yes, please"]


def test_a_reply_to_a_hidden_comment_is_not_shown(client, published):
    idea = published.ideas.get(visibility=Visibility.PUBLISHED)
    hidden = idea.comments.get(visibility=Visibility.HIDDEN)
    CommentFactory(idea=idea, parent=hidden, body="Quoting the insult")
    texts = [c["text"] for c in client.get(f"/api/v1/ideas/{idea.pk}/comments").json()["results"]]
    assert texts == ["Yes, please"]


def test_an_unknown_idea_is_a_json_404(client):
    response = client.get("/api/v1/ideas/999999")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")


def test_domains_of_the_dashboard(client, check):
    data = check(client.get("/api/v1/city/domains"), "/api/v1/city/domains")
    assert data["count"] > 0
    assert {"nl", "fr", "en"} == set(data["results"][0]["name"])


def test_indicators_with_their_values_filtered_by_domain(client, check):
    make_indicator("bus-trips", values=[(date(2022, 1, 1), 110), (date(2024, 1, 1), 160)])
    make_indicator("trees", domain="open-solidary")
    data = check(client.get("/api/v1/city/indicators?domain=moving"), "/api/v1/city/indicators")
    (indicator,) = data["results"]
    assert indicator["slug"] == "bus-trips"
    assert indicator["values"] == [{"date": "2022-01-01", "value": 110.0}, {"date": "2024-01-01", "value": 160.0}]
    assert indicator["target_value"] == 200.0
    assert check(client.get("/api/v1/city/indicators"), "/api/v1/city/indicators")["count"] == 2
    assert client.get("/api/v1/city/indicators?domain=nowhere").status_code == 422


def test_one_indicator_and_an_unknown_one(client, check):
    make_indicator("bus-trips")
    assert check(client.get("/api/v1/city/indicators/bus-trips"), "/api/v1/city/indicators/{slug}")["unit"] == "trips"
    assert client.get("/api/v1/city/indicators/nothing").status_code == 404
