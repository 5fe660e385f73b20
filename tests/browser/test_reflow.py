"""Reflow (WCAG 1.4.10): no page scrolls sideways at 320, 768 or 1,280 px, with JavaScript on or off (issue 16).

Long commands, wide tables and long words scroll or wrap inside their own box, never the page. The pages are the
Brussels demo's, one of each kind, seen by a resident signed in (and the sign-in page and the 404 by a visitor), then
the staff's pages seen by the demo's administrator. axe-core runs on each page at 320 px, where a table's scrolling
box must be reachable by keyboard; without JavaScript too, on the page as the server sent it (the site's scripts are
refused, axe-core alone runs).
"""

import pytest
from django.db.models import Count

from samen.demo.loader import load_demo
from samen.demo.processes import DEMO_DOMAIN, DEMO_PASSWORD, DEMO_TOTP_SECRET
from samen.ideas.models import Idea
from samen.initiatives.models import Initiative
from samen.panels.models import Council, Lottery
from tests.browser.conftest import assert_accessible, sign_in

pytestmark = pytest.mark.django_db(transaction=True)

WIDTHS = (320, 768, 1280)
RESIDENT = f"amina@{DEMO_DOMAIN}"


def _pages() -> list[str]:
    """One page of each kind in the demo, with the longest content each kind has."""
    idea = Idea.objects.annotate(comment_count=Count("comments")).order_by("-comment_count", "pk").first()
    drawn = Lottery.objects.filter(drawn_at__isnull=False).select_related("process").first()
    council = Council.objects.first()
    initiative = Initiative.objects.order_by("pk").first()
    return [
        "/en/",
        "/en/map/",
        "/en/processes/vieux-laeken-est/",
        f"/en/ideas/{idea.pk}/",
        "/en/processes/place-bockstael/shortlist/",
        "/en/processes/brussels-hacks-the-crisis/results/",
        "/en/processes/brussels-hacks-the-crisis/follow-up/",
        "/en/processes/laeken-budget/budget/",
        "/en/processes/laeken-budget/budget/ballot/",
        "/en/processes/pentagone-budget/budget/result/",
        f"/en/processes/{drawn.process.slug}/lottery/",
        f"/en/councils/{council.slug}/",
        "/en/initiatives/",
        f"/en/initiatives/{initiative.pk}/",
        "/fr/initiatives/",
        "/en/account/profile/",
        "/en/account/data/",
        "/en/account/verify/",
        "/en/privacy/",
        "/en/dashboard/",
        "/en/dashboard/indicators/participants-per-1000/",  # the chart, its table and 145 neighbourhoods
        "/nl/dashboard/indicators/trips-by-own-car/",
        "/en/projects/",  # the map over the list, the filters
        "/fr/projects/?domain=moving",
        "/en/projects/cycloparking/",  # a project with its updates and the indicator it serves
        "/en/dashboard/indicators/parkride-bicycle-parkings-managed-by-cycloparking/",  # with its project
    ]


def _staff_pages() -> list[str]:
    """The pages only staff see: moderation, the jury's ranking, a lottery's management, an initiative with its
    review form, the verification letters."""
    lottery = Lottery.objects.select_related("process").order_by("pk").first()
    initiative = Initiative.objects.order_by("pk").first()
    return [
        "/en/moderation/",
        "/en/moderation/log/",
        "/en/processes/brussels-hacks-the-crisis/jury/ranking/",
        f"/en/processes/{lottery.process.slug}/lottery/manage/",
        f"/en/initiatives/{initiative.pk}/",  # with the review form only staff see
        "/en/account/letters/",
        "/en/dashboard/import/",
        "/en/dashboard/indicators/trips-by-own-car/add/",
    ]


def _overflow(page) -> int | None:
    """How many pixels the page is wider than the window, or None when it is not."""
    excess = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    return excess if excess > 0 else None


def _sideways(page, base, paths) -> list[tuple[str, int, int]]:
    """Every (path, width, excess) where the page scrolls sideways; axe-core at 320 px."""
    found = []
    for path in paths:
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 800})
            if width == WIDTHS[0]:
                response = page.goto(base + path)
                assert response.status in {200, 404}, (path, response.status)
            excess = _overflow(page)
            if excess:
                found.append((path, width, excess))
            if width == WIDTHS[0]:
                assert_accessible(page)
    return found


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_no_page_scrolls_sideways_at_320_768_or_1280_px(browser, live_server, javascript):
    from tests.browser.conftest import _page

    load_demo(seed=2020)
    paths = _pages()
    base = live_server.url
    context, page, csp_violations = _page(browser, javascript=True, site_scripts=javascript)

    found = _sideways(page, base, ["/en/account/login/", "/en/no-such-page/"])
    sign_in(page, base, RESIDENT, DEMO_PASSWORD)
    found += _sideways(page, base, paths)
    context.close()

    assert found == [], "\n".join(map(str, found))
    assert csp_violations == []


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_no_staff_page_scrolls_sideways_and_each_passes_axe(browser, live_server, javascript):
    from tests.browser.conftest import _page

    load_demo(seed=2020)
    paths = _staff_pages()
    base = live_server.url
    context, page, csp_violations = _page(browser, javascript=True, site_scripts=javascript)
    sign_in(page, base, f"admin@{DEMO_DOMAIN}", DEMO_PASSWORD, totp_secret=DEMO_TOTP_SECRET)

    found = _sideways(page, base, paths)
    context.close()

    assert found == [], "\n".join(map(str, found))
    assert csp_violations == []


def test_a_printed_result_has_its_tables_without_the_navigation_or_forms(page, live_server):
    load_demo(seed=2020)
    sign_in(page, live_server.url, RESIDENT, DEMO_PASSWORD)
    page.goto(f"{live_server.url}/en/processes/pentagone-budget/budget/result/")
    page.emulate_media(media="print")

    assert page.locator(".site-header").is_hidden()
    assert page.locator("form").first.is_hidden()
    assert [table.is_visible() for table in page.locator("table").all()] == [True, True]
    assert page.get_by_role("heading", level=1).is_visible()
