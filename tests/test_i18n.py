from pathlib import Path

import polib
import pytest
from django.utils import translation
from django.utils.translation import gettext

from tests.factories import IdeaFactory, ProcessFactory

LOCALE = Path(__file__).resolve().parents[1] / "locale"


@pytest.mark.parametrize("language", ["nl", "fr"])
def test_the_catalogue_is_complete_with_no_empty_or_fuzzy_message(language):
    catalogue = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))

    missing = [entry.msgid for entry in catalogue if not entry.translated() and not entry.obsolete]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]

    assert len(catalogue) > 100
    assert (missing, fuzzy) == ([], [])


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_the_compiled_catalogue_matches_its_source(language):
    source = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    compiled = polib.mofile(str(LOCALE / language / "LC_MESSAGES" / "django.mo"))

    def pairs(catalogue):
        return {(e.msgctxt, e.msgid, e.msgstr, tuple(sorted(e.msgstr_plural.items()))) for e in catalogue if e.msgid}

    assert pairs(compiled) == {p for p in pairs(source) if p[2] or any(text for _n, text in p[3])}


@pytest.mark.django_db  # the 404 page under the redirect shows the deployment's branding (common/branding.py)
@pytest.mark.parametrize(("accept", "prefix"), [("nl-BE,nl;q=0.9", "/nl/"), ("fr-BE", "/fr/"), ("en-GB", "/en/")])
def test_the_bare_address_redirects_by_accept_language(client, accept, prefix):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)

    assert response.status_code == 302
    assert response["Location"] == prefix


@pytest.mark.django_db
def test_the_language_switcher_keeps_the_current_page(client):
    process = ProcessFactory(slug="quartier-nord")

    response = client.post("/fr/i18n/setlang/", {"language": "nl", "next": "/fr/processes/quartier-nord/?sort=newest"})

    assert response.status_code == 302
    assert response["Location"] == "/nl/processes/quartier-nord/?sort=newest"
    assert client.get(response["Location"]).context["process"] == process


@pytest.mark.django_db
def test_pages_speak_the_language_of_their_address(client):
    process = ProcessFactory(title_nl="Noordwijk", title_fr="Quartier Nord", title_en="North district")

    dutch = client.get(f"/nl/processes/{process.slug}/").content.decode()
    french = client.get(f"/fr/processes/{process.slug}/").content.decode()

    with translation.override("nl"):
        dutch_heading = gettext("What you can do now")
    with translation.override("fr"):
        french_heading = gettext("What you can do now")
    assert "What you can do now" not in {dutch_heading, french_heading}
    assert '<html lang="nl">' in dutch
    assert '<h1 lang="nl">Noordwijk</h1>' in dutch
    assert dutch_heading in dutch
    assert '<html lang="fr">' in french
    assert '<h1 lang="fr">Quartier Nord</h1>' in french
    assert french_heading in french


@pytest.mark.django_db
def test_an_official_text_missing_in_english_falls_back_to_french_and_says_so(client):
    process = ProcessFactory(title_nl="Noordwijk", title_fr="Quartier Nord", title_en="")

    page = client.get(f"/en/processes/{process.slug}/").content.decode()

    assert '<h1 lang="fr">Quartier Nord</h1>' in page


@pytest.mark.django_db
def test_an_idea_is_shown_in_its_authors_language(client):
    idea = IdeaFactory(title="Meer bankjes op het Bockstaelplein", language="nl")

    with translation.override("fr"):
        page = client.get(idea.get_absolute_url()).content.decode()

    assert '<article class="idea" lang="nl">' in page
