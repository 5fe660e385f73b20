"""Choosing one's e-mails, and the page an unsubscribe link opens, in a real browser."""

import pytest

from samen.notifications.models import Rhythm
from samen.notifications.queries import chosen_neighbourhood_codes, chosen_topics, rhythm_of
from samen.notifications.tokens import unsubscribe_token
from tests.browser.conftest import assert_accessible, sign_in
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_resident_chooses_a_weekly_digest_and_a_neighbourhood(page, live_server):
    base = live_server.url
    resident = UserFactory(email="reader@example.org", preferred_language="en")
    sign_in(page, base, resident.email)

    page.goto(f"{base}/en/account/profile/")
    page.get_by_role("link", name="E-mails you receive").click()
    assert_accessible(page)
    page.get_by_role("group", name="News of what I follow").get_by_label("In a weekly digest").check()
    page.get_by_role("group", name="New processes in the neighbourhoods and on the topics I chose").get_by_label(
        "In a daily digest"
    ).check()
    page.get_by_label("Vieux Laeken Est").check()
    page.get_by_label("Mobility, parking and road safety").check()
    page.get_by_role("button", name="Save").click()

    assert page.get_by_text("Your choices are saved.").is_visible()
    assert rhythm_of(resident, "follows") == Rhythm.WEEKLY
    assert chosen_neighbourhood_codes(resident) == [20]
    assert chosen_topics(resident) == ["moving"]


def test_the_unsubscribe_page_asks_then_stops(page, live_server):
    resident = UserFactory(email="reader@example.org", preferred_language="fr")

    page.goto(f"{live_server.url}/fr/account/notifications/stop/{unsubscribe_token(resident, ['follows'])}/")
    assert_accessible(page)
    page.locator("main button[type=submit]").click()

    assert rhythm_of(resident, "follows") == Rhythm.NEVER
    assert_accessible(page)
