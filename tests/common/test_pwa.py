"""Installable on a phone (issue 16): a manifest with icons, a service worker that keeps only the shell and an
offline page in the visitor's language, and pages that still work without JavaScript."""

import json

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_every_page_links_the_manifest_whose_icons_exist(client):
    page = client.get("/en/").content.decode()
    manifest = client.get(reverse("manifest"))

    assert f'<link rel="manifest" href="{reverse("manifest")}">' in page
    assert manifest["Content-Type"] == "application/manifest+json"
    data = json.loads(manifest.content)
    assert data["start_url"] == "/"
    assert data["display"] == "standalone"
    sizes = {icon["sizes"] for icon in data["icons"]}
    assert {"192x192", "512x512"} <= sizes
    for icon in data["icons"]:
        assert finders.find(icon["src"].removeprefix("/static/")), icon["src"]


def test_the_service_worker_answers_for_the_whole_site_and_keeps_no_page(client):
    response = client.get(reverse("service_worker"))
    body = response.content.decode()

    assert response["Content-Type"].startswith("text/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    assert "no-cache" in response["Cache-Control"]
    assert '"/static/samen/site.css"' in body
    for language in ("nl", "fr", "en"):
        assert f'"{language}": "/{language}/offline/"' in body
    # Navigations go to the network; only the shell's files and the offline pages are ever stored.
    assert "fetch(request).catch(" in body


@pytest.mark.parametrize(
    ("language", "title"), [("nl", "U bent offline"), ("fr", "Vous êtes hors ligne"), ("en", "You are offline")]
)
def test_the_offline_page_speaks_each_language(client, language, title):
    response = client.get(f"/{language}/offline/")

    assert response.status_code == 200
    assert title in response.content.decode()


def test_the_shell_keeps_the_design_systems_stylesheets_so_the_offline_page_looks_the_same(client):
    body = client.get(reverse("service_worker")).content.decode()

    assert '"/static/vendor/utrecht/components.css", "/static/samen/theme.css", "/static/samen/site.css"' in body
