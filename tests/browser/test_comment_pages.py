"""A long thread: "More comments" loads the next threads in place with JavaScript, and opens the next page
without it."""

import pytest

from samen.ideas.queries import COMMENTS_PER_PAGE
from tests.browser.conftest import assert_accessible
from tests.conftest import process_in
from tests.factories import CommentFactory, IdeaFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _idea_with_threads(count: int):
    process = process_in("open")
    idea = IdeaFactory(process=process, theme=process.themes.first())
    author = UserFactory()
    for n in range(1, count + 1):
        CommentFactory(idea=idea, author=author, body=f"Thread {n}")
    return idea


def test_more_comments_load_in_place_until_the_last(page, live_server):
    idea = _idea_with_threads(2 * COMMENTS_PER_PAGE + 1)
    page.goto(f"{live_server.url}{idea.get_absolute_url()}")

    page.get_by_role("link", name="More comments").click()
    page.get_by_text(f"Thread {2 * COMMENTS_PER_PAGE}", exact=True).wait_for()
    page.get_by_role("link", name="More comments").click()
    page.get_by_text(f"Thread {2 * COMMENTS_PER_PAGE + 1}", exact=True).wait_for()

    assert page.locator("ol.comments > li[id^='comment-']").count() == 2 * COMMENTS_PER_PAGE + 1
    assert page.get_by_role("link", name="More comments").count() == 0
    assert page.url == f"{live_server.url}{idea.get_absolute_url()}"
    assert_accessible(page)


def test_without_javascript_more_comments_opens_the_next_page(page_without_js, live_server):
    idea = _idea_with_threads(COMMENTS_PER_PAGE + 1)
    page_without_js.goto(f"{live_server.url}{idea.get_absolute_url()}")

    page_without_js.get_by_role("link", name="More comments").click()
    page_without_js.wait_for_url("**?comments=2#comments")

    threads = page_without_js.locator("ol.comments > li[id^='comment-'] > article.comment > div")
    assert threads.all_inner_texts() == [f"Thread {COMMENTS_PER_PAGE + 1}"]
