"""The DCAT-AP 3 catalogue the Region's portal harvests: valid against the official SHACL shapes, the same graph in
Turtle and in JSON-LD, at language-neutral addresses."""

import json
from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCAT, DCTERMS, RDF, SH

from samen.opendata.build import build

pytestmark = pytest.mark.django_db

SHAPES = Path(__file__).resolve().parents[2] / "data" / "standards" / "dcat-ap-3.0.1" / "dcat-ap-SHACL.ttl"
SITE = "http://127.0.0.1:8000"


def official_shapes() -> Graph:
    """The official shapes, minus the two sh:property links of the data-service shape to property shapes that the
    file never defines (SEMICeu/DCAT-AP issue 448): pySHACL refuses to load them. They constrain nothing."""
    shapes = Graph().parse(SHAPES, format="turtle")
    dangling = [(s, p) for s, p in shapes.subject_objects(SH.property) if (p, SH.path, None) not in shapes]
    assert len(dangling) == 2
    for shape, prop in dangling:
        shapes.remove((shape, SH.property, prop))
    return shapes


def harvest(client) -> tuple[Graph, Graph]:
    turtle = client.get("/opendata/catalog.ttl")
    jsonld = client.get("/opendata/catalog.jsonld")
    assert turtle["Content-Type"] == "text/turtle; charset=utf-8"
    assert jsonld["Content-Type"] == "application/ld+json; charset=utf-8"
    json.loads(jsonld.content)
    return (
        Graph().parse(data=turtle.content.decode(), format="turtle"),
        Graph().parse(data=jsonld.content.decode(), format="json-ld"),
    )


def test_both_serialisations_are_the_same_graph_and_conform_to_dcat_ap_3(client, public_data):
    build()
    from_turtle, from_jsonld = harvest(client)

    assert isomorphic(from_turtle, from_jsonld)
    conforms, _, report = validate(from_turtle, shacl_graph=official_shapes())
    assert conforms, report


def test_an_empty_catalogue_before_the_first_build_conforms_too(client, public_data):
    graph, _ = harvest(client)

    conforms, _, report = validate(graph, shacl_graph=official_shapes())
    assert conforms, report
    assert list(graph.subjects(RDF.type, DCAT.Dataset)) == []


def test_each_file_is_a_distribution_with_its_url_size_checksum_and_licence(client, public_data):
    manifest = build()
    graph, _ = harvest(client)

    ideas = URIRef(f"{SITE}/opendata/catalog#ideas")
    assert {str(t) for t in graph.objects(ideas, DCTERMS.title)} == {"Ideeën", "Idées", "Ideas"}
    assert {t.language for t in graph.objects(ideas, DCTERMS.title)} == {"nl", "fr", "en"}
    zip_file = manifest["datasets"][1]["files"][0]
    distribution = URIRef(f"{SITE}/opendata/catalog#ideas-csv")
    assert (ideas, DCAT.distribution, distribution) in graph
    assert graph.value(distribution, DCAT.downloadURL) == URIRef(f"{SITE}/media/opendata/ideas.zip")
    assert graph.value(distribution, DCAT.byteSize).toPython() == zip_file["size"]
    assert graph.value(distribution, DCAT.mediaType) == URIRef(
        "https://www.iana.org/assignments/media-types/application/zip"
    )
    assert graph.value(distribution, DCTERMS.license) == URIRef("http://creativecommons.org/publicdomain/zero/1.0/")
    checksum = graph.value(distribution, URIRef("http://spdx.org/rdf/terms#checksum"))
    assert str(graph.value(checksum, URIRef("http://spdx.org/rdf/terms#checksumValue"))) == zip_file["sha256"]


def test_the_api_is_a_data_service_of_the_catalogue(client, public_data):
    build()
    graph, _ = harvest(client)

    api = URIRef(f"{SITE}/api/v1/")
    assert (api, RDF.type, DCAT.DataService) in graph
    assert graph.value(api, DCAT.endpointURL) == api
    assert graph.value(api, DCAT.endpointDescription) == URIRef(f"{SITE}/api/v1/openapi.json")
    assert (URIRef(f"{SITE}/opendata/catalog"), DCAT.service, api) in graph
    assert Literal("Samen JSON API", lang="en") in set(graph.objects(api, DCTERMS.title))


def test_a_harvester_asking_again_without_a_new_build_gets_not_modified(client, public_data):
    build()
    first = client.get("/opendata/catalog.ttl")

    again = client.get("/opendata/catalog.ttl", headers={"if-modified-since": first["Last-Modified"]})

    assert again.status_code == 304
