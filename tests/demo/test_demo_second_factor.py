"""The demo's staff accounts sign in with a second factor too: a fixed secret that `seed_demo` prints, and a
laptop-only command that prints the current code."""

import re

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth import SESSION_KEY
from django.core.management import CommandError, call_command
from django.urls import reverse

from samen.demo.loader import load_demo
from samen.demo.processes import DEMO_PASSWORD, DEMO_TOTP_SECRET
from tests.factories import totp_code

pytestmark = pytest.mark.django_db

STAFF = [
    "admin@demo.samen.brussels",
    "facilitator@demo.samen.brussels",
    "manager@demo.samen.brussels",
    "moderator@demo.samen.brussels",
]


def test_the_demo_staff_accounts_have_an_authenticator_app_and_residents_none():
    load_demo(slugs=[])

    with_app = Authenticator.objects.filter(type=Authenticator.Type.TOTP).values_list("user__email", flat=True)

    assert sorted(with_app) == STAFF


def test_the_demo_manager_signs_in_with_a_code_from_the_demo_secret(client):
    load_demo(slugs=[])
    client.post(reverse("account_login"), {"login": "manager@demo.samen.brussels", "password": DEMO_PASSWORD})

    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(DEMO_TOTP_SECRET)})

    assert response.status_code == 302
    assert SESSION_KEY in client.session


def test_demo_totp_code_prints_the_current_code_on_a_laptop(capsys, settings):
    settings.DEBUG = True
    load_demo(slugs=[])

    call_command("demo_totp_code", "moderator@demo.samen.brussels")

    printed = re.match(r"(\d{6}) ", capsys.readouterr().out).group(1)
    assert printed == totp_code(DEMO_TOTP_SECRET)


@pytest.mark.parametrize(
    ("debug", "email", "refusal"),
    [
        (False, "manager@demo.samen.brussels", "laptop demo only"),
        (True, "someone@example.org", "Only demo accounts"),
        (True, "amina@demo.samen.brussels", "has no authenticator app"),
    ],
)
def test_demo_totp_code_refuses_in_production_and_for_other_accounts(settings, debug, email, refusal):
    settings.DEBUG = debug
    load_demo(slugs=[])

    with pytest.raises(CommandError, match=refusal):
        call_command("demo_totp_code", email)
