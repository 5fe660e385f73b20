import re

import pytest
import time_machine
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from samen.accounts.models import User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _sign_up(client, **overrides):
    data = {
        "started": overrides.get("started") or client.get(reverse("account_signup")).context["form"]["started"].value(),
        "email": "nadia@example.org",
        "password1": "a-long-brussels-password",
        "password2": "a-long-brussels-password",
        "display_name": "Nadia",
        "neighbourhood_code": "20",
        "preferred_language": "nl",
    } | overrides
    return client.post(reverse("account_signup"), data)


def test_signing_up_sends_a_confirmation_and_stores_the_profile(client):
    response = _sign_up(client)

    user = User.objects.get(email="nadia@example.org")
    assert response.status_code == 302
    assert (user.display_name, user.neighbourhood_code, user.preferred_language, user.role) == (
        "Nadia",
        20,
        "nl",
        "resident",
    )
    assert [message.to for message in mail.outbox] == [["nadia@example.org"]]
    assert not EmailAddress.objects.get(user=user).verified


def test_confirming_the_address_signs_in(client):
    _sign_up(client)
    link = re.search(r"https?://\S+/account/confirm-email/\S+/", mail.outbox[0].body).group(0)
    path = link.split("testserver", 1)[1]

    client.post(path)

    assert EmailAddress.objects.get(email="nadia@example.org").verified
    assert client.get(reverse("profile")).status_code == 200


def test_an_unconfirmed_account_cannot_sign_in(client):
    _sign_up(client)
    client.logout()

    response = client.post(
        reverse("account_login"), {"login": "nadia@example.org", "password": "a-long-brussels-password"}
    )

    assert response.status_code == 302
    assert "confirm-email" in response["Location"]
    assert client.get(reverse("profile")).status_code == 302


def test_a_password_shorter_than_twelve_characters_is_refused(client):
    response = _sign_up(client, password1="brussels-23", password2="brussels-23")

    assert response.status_code == 200
    assert "This password is too short. It must contain at least 12 characters." in response.content.decode()
    assert not User.objects.exists()


def test_a_password_of_twelve_characters_is_accepted(client):
    response = _sign_up(client, password1="brussels-234", password2="brussels-234")

    assert response.status_code == 302
    assert User.objects.get().check_password("brussels-234")


def test_an_over_long_display_name_is_refused(client):
    response = _sign_up(client, display_name="x" * 61)

    assert response.status_code == 200
    assert "Ensure this value has at most 60 characters" in response.content.decode()
    assert not User.objects.exists()


def test_a_resident_updates_their_profile(client, resident):
    client.force_login(resident)

    client.post(
        reverse("profile"), {"display_name": "Lucas M.", "neighbourhood_code": "19", "preferred_language": "en"}
    )

    resident.refresh_from_db()
    assert (resident.display_name, resident.neighbourhood_code, resident.preferred_language) == ("Lucas M.", 19, "en")


def test_an_unknown_neighbourhood_is_refused_with_422(client, resident):
    client.force_login(resident)

    response = client.post(
        reverse("profile"), {"display_name": "L", "neighbourhood_code": "9999", "preferred_language": "en"}
    )

    assert response.status_code == 422
    resident.refresh_from_db()
    assert resident.neighbourhood_code == 20


def test_password_reset_sends_a_mail(client, resident):
    client.post(reverse("account_reset_password"), {"email": resident.email})

    assert [message.to for message in mail.outbox] == [[resident.email]]


def test_signing_in_lands_on_the_preferred_language(client):
    UserFactory(email="jan@example.org", preferred_language="nl")

    response = client.post("/en/account/login/", {"login": "jan@example.org", "password": "a-good-password-42"})

    assert response["Location"] == "/nl/"


def test_signing_in_with_a_next_page_keeps_it(client):
    UserFactory(email="jan@example.org", preferred_language="nl")

    response = client.post(
        "/en/account/login/?next=/en/account/profile/", {"login": "jan@example.org", "password": "a-good-password-42"}
    )

    assert response["Location"] == "/en/account/profile/"


def test_a_filled_hidden_field_refuses_the_sign_up(client):
    response = _sign_up(client, website="http://spam.example")

    assert "We could not accept this sign-up." in response.content.decode()
    assert not User.objects.exists()


def test_a_form_sent_within_the_minimum_time_is_refused(client, settings):
    settings.SAMEN_SIGNUP_MIN_SECONDS = 3

    with time_machine.travel("2026-11-24 10:00:00 +0000", tick=False) as clock:
        too_fast = _sign_up(client)
        opened = client.get(reverse("account_signup")).context["form"]["started"].value()
        clock.shift(4)
        in_time = _sign_up(client, started=opened, email="nadia2@example.org")

    assert "We could not accept this sign-up." in too_fast.content.decode()
    assert in_time.status_code == 302
    assert list(User.objects.values_list("email", flat=True)) == ["nadia2@example.org"]


def test_a_forged_start_time_is_refused(client):
    response = _sign_up(client, started="1700000000")

    assert "We could not accept this sign-up." in response.content.decode()
    assert not User.objects.exists()
