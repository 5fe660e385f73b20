"""Branding is configuration: an administrator sets the organisation's name, logo, colours and footer links in the
admin, and every page shows them; residents cannot reach that page; a colour too light for white text is refused."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from samen.common.colours import contrast_with_white
from samen.common.models import Branding
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
CHANGE = reverse("admin:common_branding_change", args=[1])


@pytest.fixture
def administrator():
    return UserFactory(email="admin@example.org", is_staff=True, is_superuser=True)


def _form(**overrides):
    data = {
        "name_nl": "Stad Brussel",
        "name_fr": "Ville de Bruxelles",
        "name_en": "City of Brussels",
        "logo_alt_nl": "",
        "logo_alt_fr": "",
        "logo_alt_en": "",
        "primary_colour": "#7a1f2b",
        "accent_colour": "#0b4f9c",
        "links-TOTAL_FORMS": "1",
        "links-INITIAL_FORMS": "0",
        "links-0-label_nl": "Contact",
        "links-0-label_fr": "Contact",
        "links-0-label_en": "Contact us",
        "links-0-url": "https://www.brussel.be/contact",
        "links-0-position": "0",
    }
    return data | overrides


def _png() -> SimpleUploadedFile:
    output = io.BytesIO()
    Image.new("RGB", (40, 20), (11, 79, 156)).save(output, format="PNG")
    return SimpleUploadedFile("logo.png", output.getvalue(), content_type="image/png")


def test_a_new_deployment_shows_the_brussels_region_and_its_colours(client):
    page = client.get("/en/").content.decode()
    stylesheet = client.get(Branding.objects.get().stylesheet_url)

    assert "Brussels-Capital Region" in page
    assert stylesheet.content.decode() == ".samen-theme{--samen-primary:#0b4f9c;--samen-accent:#0f6e5a}\n"


def test_an_administrator_rebrands_the_deployment_and_every_page_shows_it(client, administrator):
    before = Branding.objects.get().stylesheet_url
    client.force_login(administrator)

    response = client.post(CHANGE, _form())
    client.logout()
    page = client.get("/nl/").content.decode()
    after = Branding.objects.get().stylesheet_url

    assert response.status_code == 302
    assert "Stad Brussel" in page
    assert '<a href="https://www.brussel.be/contact" lang="nl">Contact</a>' in page
    assert after != before
    assert f'<link rel="stylesheet" href="{after}">' in page
    assert "--samen-primary:#7a1f2b;" in client.get(after).content.decode()


def test_the_stylesheet_is_cached_for_good_under_its_version_and_never_under_an_old_one(client, administrator):
    old = Branding.objects.get().stylesheet_url
    client.force_login(administrator)
    client.post(CHANGE, _form())
    current = Branding.objects.get().stylesheet_url

    fresh = client.get(current)
    stale = client.get(old)

    assert fresh["Content-Type"] == "text/css; charset=utf-8"
    assert "immutable" in fresh["Cache-Control"]
    assert "no-cache" in stale["Cache-Control"]
    assert stale.content == fresh.content


def test_a_colour_too_light_for_white_text_is_refused_with_a_translated_message(client, administrator):
    client.force_login(administrator)

    response = client.post(CHANGE, _form(primary_colour="#ffcc00"), headers={"accept-language": "en"})

    assert response.status_code == 422
    assert "This colour is too light: its contrast with white is 1.5 to 1" in response.content.decode()
    assert Branding.objects.get().primary_colour == "#0b4f9c"


def test_a_colour_that_is_not_hexadecimal_is_refused(client, administrator):
    client.force_login(administrator)

    response = client.post(CHANGE, _form(accent_colour="navy"))

    assert response.status_code == 422
    assert "Give the colour as # and six hexadecimal digits" in response.content.decode()


def test_an_uploaded_logo_is_cleaned_and_needs_its_description_in_dutch_and_french(client, administrator):
    client.force_login(administrator)

    refused = client.post(CHANGE, _form(logo=_png()))
    accepted = client.post(
        CHANGE, _form(logo=_png(), logo_alt_nl="Logo van de Stad", logo_alt_fr="Logo de la Ville", logo_alt_en="")
    )
    branding = Branding.objects.get()
    page = client.get("/fr/").content.decode()

    assert refused.status_code == 422
    assert accepted.status_code == 302
    assert branding.logo.name.endswith(".jpg")
    assert f'<img class="brand-logo" src="{branding.logo.url}" alt="Logo de la Ville">' in page


def test_a_resident_cannot_reach_the_branding_page(client, resident):
    client.force_login(resident)

    shown = client.get(CHANGE)
    posted = client.post(CHANGE, _form())

    assert shown.status_code == 302
    assert "/admin/login/" in shown["Location"]
    assert posted.status_code == 302
    assert Branding.objects.get().name_en == "Brussels-Capital Region"


def test_a_process_manager_without_the_permission_cannot_change_the_branding(client, manager):
    client.force_login(manager)

    response = client.post(CHANGE, _form())

    assert response.status_code == 403
    assert Branding.objects.get().primary_colour == "#0b4f9c"


def test_contrast_with_white_follows_wcag():
    assert round(contrast_with_white("#ffffff"), 2) == 1.0
    assert round(contrast_with_white("#000000"), 2) == 21.0
    assert round(contrast_with_white("#0b4f9c"), 1) == 8.0


def test_the_installed_app_takes_the_deployments_primary_colour(client, administrator):
    client.force_login(administrator)
    client.post(CHANGE, _form())

    manifest = client.get(reverse("manifest")).json()

    assert manifest["theme_color"] == "#7a1f2b"


def test_a_manager_still_setting_up_the_second_factor_gets_the_stylesheet_not_a_redirect(client):
    newcomer = UserFactory(email="new-manager@example.org", role="process_manager", is_staff=True, second_factor=False)
    client.force_login(newcomer)

    response = client.get(Branding.objects.get().stylesheet_url)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/css; charset=utf-8"
