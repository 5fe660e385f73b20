"""Cheap phones and keyboards: first loads stay light, every main page passes axe in three languages,
and the skip link and focus work without a mouse."""

import pytest

from tests.browser.conftest import assert_accessible
from tests.conftest import process_in
from tests.factories import CommentFactory, IdeaFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

BUDGET = 1


def _transferred(page) -> int:
    return page.evaluate(
        """() => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
                 .reduce((total, entry) => total + entry.transferSize, 0)"""
    )


@pytest.fixture
def busy_process():
    process = process_in("open")
    theme = process.themes.first()
    for index in range(30):
        idea = IdeaFactory(
            process=process, theme=theme, title=f"Idea {index} about the neighbourhood", body="A plausible text. " * 40
        )
        CommentFactory(idea=idea, author=UserFactory())
    return process


def test_main_pages_weigh_less_than_150_kb_on_first_load(browser, live_server, busy_process):
    weights = {}
    for name, path in {
        "home": "/en/",
        "process": f"/en/processes/{busy_process.slug}/",
        "idea list": f"/en/processes/{busy_process.slug}/?sort=most_supported&page=2",
    }.items():
        context = browser.new_context()  # an empty cache: a first visit
        page = context.new_page()
        page.goto(live_server.url + path, wait_until="load")
        weights[name] = _transferred(page)
        context.close()

    assert {name: weight < BUDGET for name, weight in weights.items()} == dict.fromkeys(weights, True), weights


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_main_pages_pass_axe_in_each_language(page, live_server, language, busy_process):
    idea = busy_process.ideas.first()
    for path in (
        f"/{language}/",
        f"/{language}/processes/{busy_process.slug}/",
        f"/{language}/ideas/{idea.pk}/",
        f"/{language}/account/signup/",
        f"/{language}/account/login/",
        f"/{language}/privacy/",
    ):
        page.goto(live_server.url + path)
        assert_accessible(page)


def test_the_skip_link_is_the_first_stop_and_leads_to_the_content(page, live_server):
    page.goto(f"{live_server.url}/en/")

    page.keyboard.press("Tab")
    first_stop = page.evaluate("document.activeElement.textContent.trim()")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    page.keyboard.press("Enter")

    assert first_stop == "Skip to the content"
    assert outline == "solid"
    assert page.evaluate("document.activeElement.id") == "main"
