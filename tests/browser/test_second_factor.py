"""A new process manager sets up an authenticator app at the first sign-in, keeps the recovery codes, and signs in
with a code the next time; every page of the way passes axe, under the site's Content-Security-Policy."""

import re

import pytest

from tests.browser.conftest import assert_accessible, type_totp_code
from tests.factories import UserFactory, totp_code

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a-good-password-42"


def test_a_manager_sets_up_an_authenticator_app_then_signs_in_with_a_code(page, live_server):
    base = live_server.url
    UserFactory(email="new-manager@example.org", preferred_language="en", role="process_manager", second_factor=False)

    page.goto(f"{base}/en/account/login/")
    page.locator("#id_login").fill("new-manager@example.org")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url(re.compile(r"/account/reauthenticate/"))
    assert page.get_by_text("set up an authenticator app first").is_visible()
    assert_accessible(page)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main button[type=submit]").click()

    page.wait_for_url(re.compile(r"/account/2fa/totp/activate/$"))
    assert page.get_by_role("img", name=re.compile("QR code")).is_visible()
    assert_accessible(page)
    secret = page.locator("#authenticator_secret").inner_text()
    page.get_by_label("Authenticator code").fill(totp_code(secret))
    page.locator("main button[type=submit]").click()

    page.wait_for_url(re.compile(r"/account/2fa/recovery-codes/$"))
    codes = page.get_by_label("Unused codes").input_value().split()
    assert len(codes) == 10
    assert_accessible(page)
    page.goto(f"{base}/en/account/2fa/")
    assert_accessible(page)

    page.get_by_role("button", name="Sign out").click()
    page.goto(f"{base}/en/account/login/")
    page.locator("#id_login").fill("new-manager@example.org")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url(re.compile(r"/account/2fa/authenticate/$"))
    assert_accessible(page)
    page.get_by_label("Code").fill(codes[0])
    page.locator("main button[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/en/$"))
    page.goto(f"{base}/en/account/2fa/totp/deactivate/")
    assert_accessible(page)


def test_the_code_step_works_without_javascript(page_without_js, live_server):
    base = live_server.url
    UserFactory(email="mod@example.org", preferred_language="en", role="moderator")

    page_without_js.goto(f"{base}/en/account/login/")
    page_without_js.locator("#id_login").fill("mod@example.org")
    page_without_js.locator("#id_password").fill(PASSWORD)
    page_without_js.locator("main button[type=submit]").click()
    page_without_js.wait_for_url(re.compile(r"/account/2fa/authenticate/$"))
    type_totp_code(page_without_js, "mod@example.org")

    page_without_js.wait_for_url(re.compile(r"/en/$"))
    assert page_without_js.get_by_role("link", name="Moderation").is_visible()
