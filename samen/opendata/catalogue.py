"""The DCAT-AP 3 catalogue of the open-data downloads and of the JSON API (a data service), built from the manifest
that the last build wrote: the Region's portal harvests it in Turtle or JSON-LD."""

from django.conf import settings
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, SKOS, XSD

from samen.opendata.build import file_url, read_manifest

SPDX = Namespace("http://spdx.org/rdf/terms#")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
FILE_TYPE = Namespace("http://publications.europa.eu/resource/authority/file-type/")
DATA_THEME = Namespace("http://publications.europa.eu/resource/authority/data-theme/")
LANGUAGES = ("nl", "fr", "en")
CATALOGUE_TEXT = {
    "title": {
        "nl": "Open data van het participatieplatform",
        "fr": "Données ouvertes de la plateforme de participation",
        "en": "Open data of the participation platform",
    },
    "description": {
        "nl": "De openbare gegevens van Samen: trajecten, ideeën, indicatoren, uitslagen, anonieme stembiljetten, "
        "lotingen en burgerinitiatieven; en de JSON-API.",
        "fr": "Les données publiques de Samen : processus, idées, indicateurs, résultats, bulletins anonymes, "
        "tirages au sort et initiatives citoyennes ; et l'API JSON.",
        "en": "Samen's public data: processes, ideas, indicators, results, anonymous ballots, lotteries and "
        "citizens' initiatives; and the JSON API.",
    },
}
API_TEXT = {
    "title": {"nl": "Samen JSON-API", "fr": "API JSON de Samen", "en": "Samen JSON API"},
    "description": {
        "nl": "Alleen-lezen JSON-API (OpenAPI 3) van de openbare gegevens.",
        "fr": "API JSON en lecture seule (OpenAPI 3) des données publiques.",
        "en": "Read-only JSON API (OpenAPI 3) of the public data.",
    },
}


def _site(path: str) -> URIRef:
    return URIRef(settings.SITE_URL + path)


def _texts(graph: Graph, subject, texts: dict[str, dict[str, str]]) -> None:
    for key, predicate in (("title", DCTERMS.title), ("description", DCTERMS.description)):
        for language in LANGUAGES:
            if texts[key].get(language):
                graph.add((subject, predicate, Literal(texts[key][language], lang=language)))


def graph() -> Graph:
    """The catalogue as an RDF graph; without a build yet, the catalogue and the API alone."""
    manifest = read_manifest() or {"datasets": []}
    g = Graph()
    for prefix, namespace in (("dcat", DCAT), ("dct", DCTERMS), ("foaf", FOAF), ("spdx", SPDX), ("vcard", VCARD)):
        g.bind(prefix, namespace)
    catalogue = _site("/opendata/catalog")
    g.add((catalogue, RDF.type, DCAT.Catalog))
    _texts(g, catalogue, CATALOGUE_TEXT)
    homepage = _site("/en/open-data/")
    g.add((homepage, RDF.type, FOAF.Document))
    g.add((catalogue, FOAF.homepage, homepage))

    publisher = _site("/opendata/catalog#publisher")
    g.add((publisher, RDF.type, FOAF.Agent))
    g.add((publisher, FOAF.name, Literal(settings.SAMEN_OPEN_DATA_PUBLISHER)))
    g.add((catalogue, DCTERMS.publisher, publisher))
    contact = _site("/opendata/catalog#contact")
    g.add((contact, RDF.type, VCARD.Organization))
    g.add((contact, RDF.type, VCARD.Kind))
    g.add((contact, VCARD.fn, Literal(settings.SAMEN_OPEN_DATA_PUBLISHER)))
    g.add((contact, VCARD.hasEmail, URIRef(f"mailto:{settings.SAMEN_OPEN_DATA_CONTACT}")))
    theme = DATA_THEME.GOVE
    g.add((theme, RDF.type, SKOS.Concept))
    g.add((theme, SKOS.prefLabel, Literal("Government and public sector", lang="en")))

    api = _site("/api/v1/")
    g.add((api, RDF.type, DCAT.DataService))
    _texts(g, api, API_TEXT)
    g.add((api, DCAT.endpointURL, api))
    g.add((api, DCAT.endpointDescription, _site("/api/v1/openapi.json")))
    g.add((api, DCTERMS.publisher, publisher))
    g.add((api, DCAT.contactPoint, contact))
    g.add((catalogue, DCAT.service, api))

    for entry in manifest["datasets"]:
        dataset = _site(f"/opendata/catalog#{entry['slug']}")
        g.add((catalogue, DCAT.dataset, dataset))
        g.add((api, DCAT.servesDataset, dataset))
        g.add((dataset, RDF.type, DCAT.Dataset))
        _texts(g, dataset, entry)
        g.add((dataset, DCTERMS.publisher, publisher))
        g.add((dataset, DCAT.contactPoint, contact))
        g.add((dataset, DCAT.theme, theme))
        g.add((dataset, DCTERMS.modified, Literal(entry["modified"], datatype=XSD.dateTime)))
        licence = URIRef(entry["licence"])
        g.add((licence, RDF.type, DCTERMS.LicenseDocument))
        for file in entry["files"]:
            distribution = _site(f"/opendata/catalog#{entry['slug']}-{file.get('name') or file['format'].lower()}")
            url = file_url(file)
            url = URIRef(url) if url.startswith("http") else _site(url)
            g.add((dataset, DCAT.distribution, distribution))
            g.add((distribution, RDF.type, DCAT.Distribution))
            kind = f"{file['name']}, {file['format']}" if file.get("name") else file["format"]
            g.add((distribution, DCTERMS.title, Literal(f"{entry['title']['en']} ({kind})", lang="en")))
            g.add((distribution, DCAT.accessURL, url))
            g.add((distribution, DCAT.downloadURL, url))
            file_type = FILE_TYPE[file["format"]]
            g.add((file_type, RDF.type, DCTERMS.MediaTypeOrExtent))
            g.add((distribution, DCTERMS.format, file_type))
            media_type = URIRef(f"https://www.iana.org/assignments/media-types/{file['media_type']}")
            g.add((media_type, RDF.type, DCTERMS.MediaType))
            g.add((distribution, DCAT.mediaType, media_type))
            g.add((distribution, DCTERMS.license, licence))
            g.add((distribution, DCTERMS.modified, Literal(file["modified"], datatype=XSD.dateTime)))
            g.add((distribution, DCAT.byteSize, Literal(file["size"], datatype=XSD.nonNegativeInteger)))
            checksum = BNode()
            g.add((distribution, SPDX.checksum, checksum))
            g.add((checksum, RDF.type, SPDX.Checksum))
            g.add((checksum, SPDX.algorithm, SPDX.checksumAlgorithm_sha256))
            g.add((SPDX.checksumAlgorithm_sha256, RDF.type, SPDX.ChecksumAlgorithm))
            g.add((checksum, SPDX.checksumValue, Literal(file["sha256"], datatype=XSD.hexBinary)))
    return g
