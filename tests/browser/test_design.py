"""The design system as a visitor sees it: numbers in result tables line up on the right in figures of one width,
and a deployment's branding colours its pages through its stylesheet (no inline style: the CSP holds)."""

import pytest

from samen.common.models import Branding
from samen.demo.loader import load_demo
from samen.demo.processes import DEMO_DOMAIN, DEMO_PASSWORD
from tests.browser.conftest import assert_accessible, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def _style(page, selector: str, prop: str) -> str:
    return page.eval_on_selector(selector, f"element => getComputedStyle(element).{prop}")


def test_numbers_in_a_result_table_are_right_aligned_in_tabular_figures(page, live_server):
    load_demo(seed=2020)
    sign_in(page, live_server.url, f"amina@{DEMO_DOMAIN}", DEMO_PASSWORD)
    page.goto(f"{live_server.url}/en/processes/pentagone-budget/budget/result/")

    cost = "table.results tbody tr:first-child td:nth-child(3)"
    title = "table.results tbody tr:first-child td:nth-child(2)"

    assert _style(page, cost, "textAlign") in {"end", "right"}
    assert _style(page, cost, "fontVariantNumeric") == "tabular-nums"
    assert _style(page, title, "textAlign") in {"start", "left"}


def test_a_rebranded_deployment_shows_its_colours_and_stays_accessible(page, live_server):
    branding = Branding.load()
    branding.primary_colour = "#7a1f2b"
    branding.name_en = "City of Brussels"
    branding.save()

    page.goto(f"{live_server.url}/en/account/login/")

    assert _style(page, ".site-header", "backgroundColor") == "rgb(122, 31, 43)"
    assert _style(page, "main form button[type=submit]", "backgroundColor") == "rgb(122, 31, 43)"
    assert page.locator(".brand-organisation").inner_text() == "City of Brussels"
    assert_accessible(page)
