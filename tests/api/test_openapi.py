"""The OpenAPI schema describes every answer, errors included, and is valid OpenAPI: what the contract tests
(scripts/api_contract.sh, schemathesis) hold the running API to."""

import pytest
import schemathesis

from tests.api.conftest import matches

pytestmark = pytest.mark.django_db


def test_the_schema_is_valid_against_the_openapi_specification(openapi):
    schemathesis.openapi.from_dict(openapi).validate()  # raises on the first violation


def test_the_schema_names_every_answer_not_only_the_200(openapi):
    comments = openapi["paths"]["/api/v1/ideas/{pk}/comments"]["get"]
    assert set(comments["responses"]) == {"200", "404", "414", "422", "429"}
    assert "Retry-After" in comments["responses"]["429"]["headers"]
    assert set(openapi["paths"]["/api/v1/processes"]["get"]["responses"]) == {"200", "414", "422", "429"}
    assert set(openapi["paths"]["/api/v1/processes/{slug}"]["get"]["responses"]) == {"200", "404", "414", "429"}
    assert set(openapi["paths"]["/api/v1/"]["get"]["responses"]) == {"200", "414", "429"}


def test_every_list_names_the_bounds_of_its_page(openapi):
    for path, operations in openapi["paths"].items():
        parameters = {p["name"]: p["schema"] for p in operations["get"].get("parameters", [])}
        if "limit" in parameters:
            assert (parameters["limit"]["minimum"], parameters["limit"]["maximum"]) == (1, 100), path
            assert (parameters["offset"]["minimum"], parameters["offset"]["maximum"]) == (0, 1_000_000_000), path


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/api/v1/ideas/999999/comments", "404"),
        ("/api/v1/ideas/999999/comments?limit=101", "422"),  # Samen's message
        ("/api/v1/ideas/999999/comments?limit=many", "422"),  # django-ninja's problem per parameter
    ],
)
def test_an_error_answers_as_the_schema_says(client, openapi, url, status):
    response = client.get(url)
    assert str(response.status_code) == status
    body = openapi["paths"]["/api/v1/ideas/{pk}/comments"]["get"]["responses"][status]["content"]["application/json"]
    assert matches(response.json(), body["schema"], openapi["components"]["schemas"]) == []


def test_each_list_links_to_its_items_and_the_links_lead_to_real_ones(client, openapi):
    from tests.votes.conftest import shortlist_at

    shortlist_at("ended")
    votes = openapi["paths"]["/api/v1/votes"]["get"]["responses"]["200"]["links"]
    assert {link["operationId"] for link in votes.values()} == {
        openapi["paths"]["/api/v1/votes/{slug}"]["get"]["operationId"],
        openapi["paths"]["/api/v1/votes/{slug}/ballots"]["get"]["operationId"],
    }
    (expression,) = {link["parameters"]["slug"] for link in votes.values()}
    field = expression.rsplit("/", 1)[-1]  # $response.body#/results/0/<field>
    first = client.get("/api/v1/votes").json()["results"][0]
    assert client.get(f"/api/v1/votes/{first[field]}").status_code == 200
