"""The OpenAPI schema names every answer an endpoint can give, not only its 200: 404 where the path names an object,
422 where a parameter can be malformed or unknown, 429 everywhere (the rate limit, http.py), each with its JSON body,
and 414 (an address too long for the web server); and the bounds of a list's page (limit, offset) that the views
check. Declared here once, so that every endpoint, a new one too, gets them: the contract tests
(scripts/api_contract.sh) fail on any answer the schema does not describe."""

from ninja import NinjaAPI, Schema
from ninja.openapi.schema import OpenAPISchema

from samen.api.schemas import Error


class Problem(Schema):
    type: str
    loc: list[str | int]
    msg: str


class Invalid(Schema):
    """Samen's message (an unknown filter value, a page out of bounds), or a problem per malformed parameter."""

    detail: str | list[Problem]


def _answer(description: str, schema: type[Schema], **headers: str) -> dict:
    answer = {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema.__name__}"}}},
    }
    if headers:
        answer["headers"] = {
            name.replace("_", "-"): {"description": text, "schema": {"type": "integer"}}
            for name, text in headers.items()
        }
    return answer


def _components(*schemas: type[Schema]) -> dict:
    found = {}
    for schema in schemas:
        definition = schema.model_json_schema(ref_template="#/components/schemas/{model}")
        found.update(definition.pop("$defs", {}))
        found[schema.__name__] = definition
    return found


class API(NinjaAPI):
    def __init__(self, *args, page_bounds: dict[str, tuple[int, int]], **kwargs):
        """page_bounds: the query parameters every list shares, with the smallest and largest value it accepts."""
        self.page_bounds = page_bounds
        super().__init__(*args, **kwargs)

    def get_openapi_schema(self, **kwargs) -> OpenAPISchema:
        schema = super().get_openapi_schema(**kwargs)
        schema.setdefault("components", {}).setdefault("schemas", {}).update(_components(Error, Invalid))
        for operations in schema["paths"].values():
            for operation in operations.values():
                parameters = operation.get("parameters", [])
                for parameter in parameters:
                    if parameter["in"] == "query" and parameter["name"] in self.page_bounds:
                        low, high = self.page_bounds[parameter["name"]]
                        parameter["schema"] |= {"minimum": low, "maximum": high}
                answers = operation["responses"]
                if any(p["in"] == "path" for p in parameters):
                    answers.setdefault("404", _answer("Not found, or not public", Error))
                if any(p["in"] == "query" or p["schema"].get("type") != "string" for p in parameters):
                    answers.setdefault("422", _answer("A parameter is malformed or names nothing", Invalid))
                answers.setdefault(
                    "429", _answer("Too many requests", Error, Retry_After="The seconds to wait before trying again")
                )
                # The web server's, before Samen sees the request (gunicorn: a request line over 4,094 bytes).
                answers.setdefault("414", {"description": "The address is longer than the server accepts"})
        _link_lists_to_their_items(schema)
        return schema


def _item_fields(schema: dict, operation: dict) -> dict:
    """The properties of a list's items (its 200 answer is a page: {count, next, previous, results: [...]})."""
    components = schema["components"]["schemas"]
    ok = operation["responses"].get(200) or operation["responses"].get("200") or {}
    page_ref = ok.get("content", {}).get("application/json", {}).get("schema", {}).get("$ref", "")
    page = components.get(page_ref.rsplit("/", 1)[-1], {})
    item_ref = page.get("properties", {}).get("results", {}).get("items", {}).get("$ref", "")
    return components.get(item_ref.rsplit("/", 1)[-1], {}).get("properties", {})


def _link_lists_to_their_items(schema: dict) -> None:
    """OpenAPI links from each list to the operations on one of its items (/votes -> /votes/{slug}, /votes/{slug}/
    ballots), naming the field of the first item that fills the path parameter: the parameter's own name, or
    `process` for what is addressed by its process (a vote, a budget, a lottery). Clients and the contract tests'
    stateful phase follow them to real items."""
    paths = schema["paths"]
    for list_path, list_operations in paths.items():
        listing = list_operations.get("get")
        fields = _item_fields(schema, listing) if listing else {}
        if not fields:
            continue
        links = {}
        for path, operations in paths.items():
            prefix, _slash, rest = path.partition(list_path + "/{")
            if prefix or not rest:
                continue
            name = rest.split("}", 1)[0]
            field = name if name in fields else "process" if "process" in fields else None
            if field is None or "get" not in operations:
                continue
            target = operations["get"]["operationId"]
            links[target] = {"operationId": target, "parameters": {name: f"$response.body#/results/0/{field}"}}
        if links:
            ok = listing["responses"].get(200) or listing["responses"]["200"]
            ok.setdefault("links", {}).update(links)
