"""Personal data never leaves through the API (issue 17, point 3): every field of every schema it answers with is
traced to the model field it comes from, and none is, or leads to, a person."""

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model

from samen.city.models import Domain, Indicator, IndicatorValue, Project, ProjectUpdate
from samen.ideas.models import Comment, Idea
from samen.processes.models import Phase, Process, Theme

PERSONAL_MODELS = {
    get_user_model(),
    *(
        apps.get_model("accounts", name)
        for name in (
            "CensusList",
            "CensusEntry",
            "Verification",
            "VerificationTransfer",
            "VerificationLetter",
            "VerificationAttempt",
        )
    ),
    apps.get_model("initiatives", "Signature"),
    apps.get_model("initiatives", "Promoter"),
}
PERSONAL_NAMES = {
    "author",
    "resident",
    "user",
    "email",
    "e_mail",
    "first_name",
    "last_name",
    "display_name",
    "name_of",
    "national_number",
    "birth_date",
    "date_of_birth",
    "address",
    "street",
    "phone",
    "password",
    "digest",
    "voter_key",
    "follower",
    "flagger",
    "moderator",
    "ip",
    "signature",
    "census",
    "verification",
}
# Where each schema's fields come from: the model, and the model field of each API field (None: computed from
# other public fields, such as a link or a count).
SOURCES = {
    "Index": (None, {"licence": None, "openapi": None, "processes": None, "domains": None, "indicators": None}),
    "Texts": (None, {"nl": None, "fr": None, "en": None}),
    "ProcessOut": (Process, {"themes": "themes", "phases": "phases", "url": None}),
    "ThemeOut": (Theme, {}),
    "PhaseOut": (Phase, {}),
    "IdeaOut": (
        Idea,
        {"id": "id", "text": "body", "support_count": "supports", "comment_count": "comments", "url": None},
    ),
    "CommentOut": (Comment, {"text": "body"}),
    "DomainOut": (Domain, {}),
    "IndicatorOut": (Indicator, {"values": "values", "url": None}),
    "ValueOut": (IndicatorValue, {}),
}
PAGES = {"ProcessPage", "IdeaPage", "CommentPage", "DomainPage", "IndicatorPage"}  # count, links and results


@pytest.fixture
def components(client, db):
    return client.get("/api/v1/openapi.json").json()["components"]["schemas"]


# The City's projects (samen/api/projects.py): never an update's author nor a follower.
SOURCES |= {
    "CityProjectOut": (
        Project,
        {"neighbourhood_codes": "places", "origin": None, "indicators": "indicators", "url": None},
    ),
    "CityProjectDetailOut": (
        Project,
        {
            "neighbourhood_codes": "places",
            "origin": None,
            "indicators": "indicators",
            "updates": "updates",
            "url": None,
        },
    ),
    "ProjectOriginOut": (Project, {}),
    "GeometryOut": (Project, {"type": "area", "coordinates": "area"}),
    "ProjectUpdateOut": (ProjectUpdate, {}),
}
PAGES |= {"CityProjectPage"}


def test_every_schema_has_a_known_source(components):
    assert set(components) - PAGES == set(SOURCES)


def test_no_field_name_of_any_schema_names_personal_data(components):
    names = {name for schema in components.values() for name in schema.get("properties", {})}
    assert names, "the walk found no field at all"
    assert names & PERSONAL_NAMES == set()


def test_no_field_of_any_schema_comes_from_a_personal_model(components):
    for name, (model, renamed) in SOURCES.items():
        assert model not in PERSONAL_MODELS
        if model is None:
            assert set(components[name]["properties"]) == set(renamed), name
            continue
        for field_name in components[name]["properties"]:
            source = renamed.get(field_name, field_name)
            if source is None:
                continue
            translated = f"{source}_nl"  # a text in three languages: its Dutch column stands for the three
            if not any(f.name == source for f in model._meta.get_fields()):
                source = translated
            field = model._meta.get_field(source)  # a field the schema names but the model lacks fails here
            assert not (field.is_relation and field.related_model in PERSONAL_MODELS), f"{name}.{field_name}"


def test_the_pages_hold_only_counts_links_and_results(components):
    for name in PAGES:
        assert set(components[name]["properties"]) == {"count", "next", "previous", "results"}


def test_a_published_idea_shows_no_trace_of_its_author(client, published):
    author = published.ideas.get(title="Benches in the park").author
    body = client.get("/api/v1/processes/parks/ideas").content.decode()
    assert "Benches in the park" in body
    assert author.email not in body
    assert author.display_name not in body
