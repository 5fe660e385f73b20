"""The public API's tests read it as a client would: JSON over GET, checked against its own OpenAPI schema."""

import pytest

from samen.ideas.models import Visibility
from tests.factories import CommentFactory, IdeaFactory, PhaseFactory, ProcessFactory, SupportFactory, ThemeFactory


def matches(value, schema: dict, components: dict, where: str = "$") -> list[str]:
    """The ways `value` breaks `schema` (a subset of JSON Schema: what django-ninja writes), as readable paths."""
    if "$ref" in schema:
        return matches(value, components[schema["$ref"].rpartition("/")[2]], components, where)
    if "anyOf" in schema:
        if any(not matches(value, option, components, where) for option in schema["anyOf"]):
            return []
        return [f"{where}: {value!r} matches none of {schema['anyOf']}"]
    kind = schema.get("type")
    checks = {
        "null": lambda v: v is None,
        "string": lambda v: isinstance(v, str),
        "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
        "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
        "boolean": lambda v: isinstance(v, bool),
        "array": lambda v: isinstance(v, list),
        "object": lambda v: isinstance(v, dict),
    }
    if kind and not checks[kind](value):
        return [f"{where}: {value!r} is not {kind}"]
    errors = []
    if kind == "object":
        properties = schema.get("properties", {})
        errors += [f"{where}: no {name}" for name in schema.get("required", []) if name not in value]
        extra = schema.get("additionalProperties")  # a map: any key, each value of this schema
        if not isinstance(extra, dict):
            errors += [f"{where}: {name} is not in the schema" for name in value if name not in properties]
        for name, item in value.items():
            if name in properties:
                errors += matches(item, properties[name], components, f"{where}.{name}")
            elif isinstance(extra, dict):
                errors += matches(item, extra, components, f"{where}.{name}")
    if kind == "array":
        for index, item in enumerate(value):
            errors += matches(item, schema.get("items", {}), components, f"{where}[{index}]")
    return errors


@pytest.fixture
def openapi(client):
    return client.get("/api/v1/openapi.json").json()


@pytest.fixture
def check(openapi):
    """Assert that a response of `path` (as the schema names it) validates against its 200 schema."""

    def check(response, path: str):
        assert response.status_code == 200, response.content
        schema = openapi["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
        assert matches(response.json(), schema, openapi["components"]["schemas"]) == []
        return response.json()

    return check


@pytest.fixture
def published(db):
    """A published process with two themes, a phase, and in it a published idea with a support and a comment, a
    hidden idea, and a hidden comment."""
    process = ProcessFactory(slug="parks", neighbourhood_code=None)
    PhaseFactory(process=process)
    parks, streets = ThemeFactory(process=process, slug="parks"), ThemeFactory(process=process, slug="streets")
    idea = IdeaFactory(process=process, theme=parks, neighbourhood_code=20, title="Benches in the park")
    SupportFactory(idea=idea)
    CommentFactory(idea=idea, body="Yes, please")
    CommentFactory(idea=idea, body="Insult", visibility=Visibility.HIDDEN)
    IdeaFactory(process=process, theme=streets, title="Something hidden", visibility=Visibility.HIDDEN)
    return process
