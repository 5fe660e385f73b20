"""A poster per process and its shared link (issue 16): one A4 PDF with the process in Dutch and French and a QR
code to its page; Open Graph metadata so that a shared link shows the process."""

import pytest
from django.urls import reverse
from django.utils import formats, translation

from samen.processes.models import Process
from samen.processes.poster import poster_texts, poster_url

pytestmark = pytest.mark.django_db


def test_the_poster_is_a_pdf_linked_from_the_process_page(client, open_process):
    page = client.get(open_process.get_absolute_url()).content.decode()
    response = client.get(reverse("processes:poster", args=[open_process.slug]))

    assert reverse("processes:poster", args=[open_process.slug]) in page
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_the_poster_speaks_dutch_and_french_and_says_until_when(open_process):
    Process.objects.filter(pk=open_process.pk).update(title_nl="Groen in Laken", title_fr="Vert à Laeken")
    open_process.refresh_from_db()

    dutch, french = poster_texts(open_process, "nl"), poster_texts(open_process, "fr")

    assert dutch[0] == "Groen in Laken"
    assert french[0] == "Vert à Laeken"
    assert dutch[1].startswith("Ideeën indienen tot ")
    assert french[1].startswith("Déposez vos idées jusqu'au ")


def test_the_qr_code_opens_the_process_in_the_phones_language(client, open_process, settings):
    settings.SITE_URL = "https://samen.example"
    address = poster_url(open_process)

    path = address.removeprefix("https://samen.example")
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="nl")

    assert address == f"https://samen.example/processes/{open_process.slug}/"
    assert response.status_code == 302
    assert response["Location"] == f"/nl/processes/{open_process.slug}/"


def test_a_draft_has_no_poster_for_the_public(client):
    from tests.factories import ProcessFactory

    draft = ProcessFactory(status="draft")

    assert client.get(reverse("processes:poster", args=[draft.slug])).status_code == 404


def test_a_shared_link_to_a_process_shows_its_title_and_what_is_open(client, open_process, settings):
    settings.SITE_URL = "https://samen.example"
    page = client.get(open_process.get_absolute_url()).content.decode()

    assert f'<meta property="og:title" content="{open_process.title}">' in page
    assert '<meta property="og:description" content="You can post ideas, comment on them and support them until' in page
    assert f'<meta property="og:url" content="https://samen.example{open_process.get_absolute_url()}">' in page
    assert '<meta property="og:image" content="https://samen.example/static/samen/icon-512.png">' in page


def test_the_poster_gives_the_last_day_of_the_phase_as_the_card_does(open_process):
    last_day = open_process.phases.get().last_day

    with translation.override("en"):
        expected = formats.date_format(last_day, "j F Y")

    assert poster_texts(open_process, "en")[1] == f"Post ideas until {expected}"
