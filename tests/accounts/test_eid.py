"""Verification with the Belgian eID / itsme through OpenID Connect, against a real provider: devtools/oidc_provider
runs as a second server for the session, with its own SQLite file. Nothing of the protocol is mocked."""

import os
import socket
import subprocess
import sys
import time
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from samen.accounts.models import Verification
from samen.accounts.verification import upload_census
from tests.factories import UserFactory

ROOT = Path(__file__).resolve().parents[2]
CLIENT_ID, CLIENT_SECRET = "samen-tests", "samen-tests-secret"
STARTS_WITHIN_SECONDS = 60
HTTP_TIMEOUT_SECONDS = 10
# Invented residents of the City of Brussels (NIS 21004); Amina is also a citizen of the provider, Bram is not here.
CENSUS = "national_number,birth_date,postcode\n93051822361,1993-05-18,1000\n00012556777,2000-01-25,1020\n"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _start_provider(data_dir: Path, callback: str) -> tuple[subprocess.Popen, str]:
    """Start the provider on a free port and wait (bounded) until it serves its discovery document."""
    port = _free_port()
    environment = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_"))}
    command = [sys.executable, "-m", "devtools.oidc_provider", "--port", str(port), "--data-dir", str(data_dir)]
    command += ["--client-id", CLIENT_ID, "--client-secret", CLIENT_SECRET, "--redirect-uri", callback]
    log = data_dir / f"provider-{port}.log"
    with log.open("w") as output:
        process = subprocess.Popen(  # noqa: S603 - our own provider with fixed arguments
            command, cwd=ROOT, env=environment, stdout=output, stderr=subprocess.STDOUT
        )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + STARTS_WITHIN_SECONDS
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if requests.get(f"{base}/o/.well-known/openid-configuration", timeout=1).ok:
                return process, base
        except requests.ConnectionError:
            pass
        time.sleep(0.2)
    _stop(process)
    raise RuntimeError(f"The OpenID Connect provider did not start:\n{log.read_text()}")


def _stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="session")
def provider(tmp_path_factory):
    """The provider's address; a port taken between the probe and the start gets a second and third chance."""
    with translation.override(settings.LANGUAGE_CODE):
        callback = f"http://testserver{reverse('eid_callback')}"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NO_PROXY", "127.0.0.1,localhost")
        for attempt in range(3):
            try:
                process, base = _start_provider(tmp_path_factory.mktemp("oidc-provider"), callback)
                break
            except RuntimeError:
                if attempt == 2:
                    raise
        try:
            yield base
        finally:
            _stop(process)


@pytest.fixture
def eid(settings, provider):
    settings.SAMEN_EID_DISCOVERY_URL = f"{provider}/o/.well-known/openid-configuration"
    settings.SAMEN_EID_CLIENT_ID = CLIENT_ID
    settings.SAMEN_EID_CLIENT_SECRET = CLIENT_SECRET
    return provider


@pytest.fixture
def census(db):
    administrator = UserFactory(role="administrator", is_staff=True)
    return upload_census(municipality_nis="21004", uploader=administrator, text=CENSUS)


class _FormInputs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.values = {}

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "input" and attributes.get("type") == "hidden":
            self.values[attributes["name"]] = attributes.get("value") or ""


def _at_provider(authorize_url: str, username: str, *, allow: bool = True) -> str:
    """What a browser does at the provider: sign in as the citizen, answer the consent page, and come back with the
    query string of the redirect to Samen."""
    browser = requests.Session()
    login = browser.get(authorize_url, timeout=HTTP_TIMEOUT_SECONDS)
    consent = browser.post(
        login.url,
        {"username": username, "password": "citizen", "csrfmiddlewaretoken": browser.cookies["csrftoken"]},
        timeout=HTTP_TIMEOUT_SECONDS,
    )
    form = _FormInputs()
    form.feed(consent.text)
    answer = form.values | ({"allow": "Authorize"} if allow else {})
    back = browser.post(consent.url, answer, allow_redirects=False, timeout=HTTP_TIMEOUT_SECONDS)
    assert back.status_code == 302, consent.text
    return urlsplit(back.headers["Location"]).query


def _verify_with_eid(client, user, username: str, *, allow: bool = True, state: str | None = None):
    client.force_login(user)
    start = client.get(reverse("eid_start"))
    query = parse_qs(_at_provider(start["Location"], username, allow=allow))
    if state is not None:
        query["state"] = [state]
    return client.get(reverse("eid_callback"), {key: values[0] for key, values in query.items()})


def test_the_verify_page_sends_the_resident_to_the_provider(client, resident, eid):
    client.force_login(resident)

    page = client.get(reverse("verify"))
    start = client.get(reverse("eid_start"))

    assert "Verify with eID or itsme" in page.content.decode()
    assert start.status_code == 302
    assert start["Location"].startswith(f"{eid}/o/authorize/?")
    assert parse_qs(urlsplit(start["Location"]).query)["scope"] == ["openid profile egovNRN"]


def test_a_citizen_on_a_census_list_verifies_their_account_with_the_eid(client, resident, census, eid):
    response = _verify_with_eid(client, resident, "amina")

    assert (response.status_code, response["Location"]) == (302, reverse("profile"))
    verification = Verification.objects.get(user=resident)
    assert (verification.method, verification.municipality_nis, verification.born_on) == (
        "eid",
        "21004",
        date(1993, 5, 18),
    )
    assert "93051822361" not in verification.digest


def test_a_citizen_on_no_census_list_is_verified_without_a_municipality(client, resident, census, eid):
    _verify_with_eid(client, resident, "bram")

    verification = Verification.objects.get(user=resident)
    assert (verification.method, verification.municipality_nis, verification.born_on) == ("eid", "", date(1985, 7, 30))


@pytest.mark.parametrize(
    ("next_url", "back_to"),
    [("/en/initiatives/", "/en/initiatives/"), ("https://evil.example/", "/en/account/profile/")],
)
def test_the_resident_goes_back_where_they_came_from_on_this_site_only(
    client, resident, census, eid, next_url, back_to
):
    client.force_login(resident)
    start = client.get(reverse("eid_start"), {"next": next_url})
    query = parse_qs(_at_provider(start["Location"], "amina"))

    response = client.get(reverse("eid_callback"), {key: values[0] for key, values in query.items()})

    assert response["Location"] == back_to


def test_a_dutch_speaking_resident_comes_back_in_dutch_through_the_single_callback_url(client, resident, census, eid):
    client.force_login(resident)
    with translation.override("nl"):
        start = client.get(reverse("eid_start"))
    query = parse_qs(_at_provider(start["Location"], "amina"))

    response = client.get(reverse("eid_callback"), {key: values[0] for key, values in query.items()})

    assert parse_qs(urlsplit(start["Location"]).query)["redirect_uri"] == [
        f"http://testserver{reverse('eid_callback')}"
    ]
    assert response["Location"] == "/nl/account/profile/"


def test_a_second_account_of_the_same_citizen_is_refused(client, resident, outsider, census, eid):
    _verify_with_eid(client, resident, "amina")

    response = _verify_with_eid(client, outsider, "amina")

    assert response.status_code == 422
    assert "You have already verified another account." in response.content.decode()
    assert list(Verification.objects.values_list("user", flat=True)) == [resident.pk]


def test_a_citizen_whose_national_number_is_missing_gets_a_clear_message(client, resident, eid):
    response = _verify_with_eid(client, resident, "chloe")

    assert response.status_code == 422
    assert "The eID service did not tell us your national number" in response.content.decode()
    assert not Verification.objects.exists()


def test_a_tampered_state_is_refused(client, resident, eid):
    response = _verify_with_eid(client, resident, "amina", state="tampered")

    assert response.status_code == 422
    assert "This eID sign-in was not started from this page, or it has expired." in response.content.decode()
    assert not Verification.objects.exists()


def test_a_citizen_who_cancels_at_the_provider_is_not_verified(client, resident, eid):
    response = _verify_with_eid(client, resident, "amina", allow=False)

    assert response.status_code == 422
    assert "You stopped the eID sign-in" in response.content.decode()
    assert not Verification.objects.exists()


def test_a_provider_that_does_not_answer_gives_a_message_not_an_error(client, resident, settings):
    settings.SAMEN_EID_DISCOVERY_URL = f"http://127.0.0.1:{_free_port()}/o/.well-known/openid-configuration"
    client.force_login(resident)

    response = client.get(reverse("eid_start"))

    assert response.status_code == 422
    assert "The eID service does not answer as expected." in response.content.decode()


def test_without_a_discovery_url_there_is_no_button_and_the_views_answer_404(client, resident, settings):
    settings.SAMEN_EID_DISCOVERY_URL = ""
    settings.SAMEN_EID_LABEL = "Verify with FAS"
    client.force_login(resident)

    page = client.get(reverse("verify"))
    start = client.get(reverse("eid_start"))
    callback = client.get(reverse("eid_callback"), {"code": "x", "state": "y"})

    assert "Verify with FAS" not in page.content.decode()
    assert reverse("eid_start") not in page.content.decode()
    assert (start.status_code, callback.status_code) == (404, 404)


def test_the_eid_views_need_a_signed_in_resident(client, eid):
    response = client.get(reverse("eid_start"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
