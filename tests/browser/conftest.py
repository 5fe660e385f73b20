"""Real Chromium (Debian's package) driven by Playwright against pytest-django's live server."""

import os
import re
import time
from pathlib import Path

import pytest

from tests.factories import totp_code

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "browser" in item.nodeid.split("::")[0]:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("SAMEN_REQUIRE_BROWSER"):
            pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium")
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield chromium
        chromium.close()


def _page(browser, *, javascript: bool, site_scripts: bool = True):
    """A fresh context with the site's Content-Security-Policy in force; a violation fails the test.

    Without `site_scripts`, the browser runs JavaScript but the site's own scripts are refused: the page is what a
    visitor without JavaScript sees (the policy allows no inline script, so every script is a file), and axe-core,
    which needs JavaScript, can still check it."""
    context = browser.new_context(java_script_enabled=javascript, locale="en-GB")
    context.set_default_timeout(10_000)
    if not site_scripts:
        context.route("**/static/**/*.js", lambda route: route.abort())
        context.route("**/sw.js", lambda route: route.abort())
    # axe-core is served as if from the site itself, so the policy (scripts from 'self' only) still holds.
    context.route("**/__axe__.js", lambda route: route.fulfill(path=AXE, content_type="application/javascript"))
    page = context.new_page()
    violations = []
    page.on("console", lambda message: "Content Security Policy" in message.text and violations.append(message.text))
    return context, page, violations


@pytest.fixture
def page(browser):
    context, page, csp_violations = _page(browser, javascript=True)
    yield page
    context.close()
    assert csp_violations == []


@pytest.fixture
def new_page(browser):
    """More people at once: each call opens a separate browser context (its own cookies)."""
    opened = []

    def open_page():
        context, page, violations = _page(browser, javascript=True)
        opened.append((context, violations))
        return page

    yield open_page
    for context, violations in opened:
        context.close()
        assert violations == []


@pytest.fixture
def page_without_js(browser):
    context, page, csp_violations = _page(browser, javascript=False)
    yield page
    context.close()
    assert csp_violations == []


NAVIGATING = ("reading 'appendChild'", "Execution context was destroyed", "axe is not defined")


def _axe(page) -> dict:
    """Run axe once the page has loaded; a click that navigates may still be replacing the document when a test
    asks, so an attempt that meets the old or the half-built document waits for the new one and tries again."""
    from playwright.sync_api import Error as PlaywrightError

    for attempt in range(5):
        page.wait_for_load_state("load")
        try:
            page.add_script_tag(url="/".join(page.url.split("/")[:3]) + "/__axe__.js")
            return page.evaluate(
                "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})",
                ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"],
            )
        except PlaywrightError as error:
            if attempt == 4 or not any(sign in str(error) for sign in NAVIGATING):
                raise
            page.wait_for_timeout(200)
    raise AssertionError("unreachable")


def assert_accessible(page) -> None:
    """axe-core on the current page: no serious or critical violation of WCAG 2.1 A/AA."""
    result = _axe(page)
    problems = [
        (violation["id"], violation["impact"], [node["target"] for node in violation["nodes"]][:3])
        for violation in result["violations"]
        if violation["impact"] in {"serious", "critical"}
    ]
    assert problems == [], f"{page.url}: {problems}"


def sign_in(page, base, email, password="a-good-password-42", *, totp_secret: str | None = None) -> None:
    """Sign in through the form; the account's preferred language decides where it lands. Staff type their
    authenticator's code: the factory's secret unless another (the demo's) is given."""
    page.goto(f"{base}/en/account/login/")
    page.locator("#id_login").fill(email)
    page.locator("#id_password").fill(password)
    page.locator("main button[type=submit]").click()
    page.wait_for_url(re.compile(r"/(nl|fr|en)/$|/account/2fa/authenticate/$"))
    if page.url.endswith("/account/2fa/authenticate/"):
        for _attempt in range(2):
            code = fresh_totp_code(email, totp_secret)  # may wait for the next 30 seconds: not while navigating
            with page.expect_navigation():
                _type_code(page, code)
            # Still asked: on a loaded machine the code's 30 seconds ended before the server read it. The next one.
            if not page.url.endswith("/account/2fa/authenticate/"):
                break
        page.wait_for_url(re.compile(r"/(nl|fr|en)/$"))


_codes_typed = set()


def fresh_totp_code(email, secret: str | None = None) -> str:
    """Staff are asked for their authenticator app's code (the factory's secret). A code is accepted once: a second
    sign-in of the same account within the same 30 seconds waits for the next code."""
    if (email, int(time.time()) // 30) in _codes_typed or time.time() % 30 > 28:  # used, or about to change
        time.sleep(30 - time.time() % 30 + 0.1)
    _codes_typed.add((email, int(time.time()) // 30))
    return totp_code() if secret is None else totp_code(secret)


def _type_code(page, code: str) -> None:
    page.get_by_label("Code").fill(code)
    page.locator("main button[type=submit]").first.click()


def type_totp_code(page, email, secret: str | None = None) -> None:
    _type_code(page, fresh_totp_code(email, secret))
