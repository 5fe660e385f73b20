"""The public open-data page: it lists what the last build wrote, and never builds."""

import pytest
from django.core.files.storage import default_storage

from samen.opendata.build import build
from tests.factories import IdeaFactory

pytestmark = pytest.mark.django_db


def test_the_page_lists_each_dataset_with_its_files_sizes_and_licence(client, public_data):
    manifest = build()

    page = client.get("/en/open-data/")

    assert page.status_code == 200
    html = page.content.decode()
    for title in ("Participation processes", "Ideas", "The City&#x27;s indicators"):
        assert title in html
    for file in (f for dataset in manifest["datasets"] for f in dataset["files"]):
        assert f'href="{default_storage.url(file["path"])}"' in html
    assert "http://creativecommons.org/publicdomain/zero/1.0/" in html
    assert 'href="/opendata/catalog.ttl"' in html


def test_the_page_speaks_the_visitors_language(client, public_data):
    build()

    assert "Participatietrajecten" in client.get("/nl/open-data/").content.decode()
    assert "Processus participatifs" in client.get("/fr/open-data/").content.decode()


def test_before_any_build_the_page_says_so_and_does_not_build(client, public_data):
    page = client.get("/en/open-data/")

    assert page.status_code == 200
    assert "The downloads have not been built yet." in page.content.decode()
    assert not default_storage.exists("opendata/manifest.json")


def test_the_page_and_the_catalogue_are_read_only(client, public_data):
    for url in ("/en/open-data/", "/opendata/catalog.ttl", "/opendata/catalog.jsonld"):
        assert client.post(url).status_code == 405


@pytest.mark.parametrize("ideas", [1, 3])
def test_the_page_reads_the_manifest_not_the_database(client, public_data, ideas, django_assert_num_queries):
    for _ in range(ideas - 1):
        IdeaFactory(process=public_data["process"])
    build()

    with django_assert_num_queries(0):
        assert client.get("/en/open-data/").status_code == 200
