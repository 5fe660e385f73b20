"""Flag, hide, restore and pre-moderation, as residents and moderators see them in Chromium."""

import re

import pytest

from samen.ideas.models import ModerationAction
from tests.browser.conftest import assert_accessible, sign_in
from tests.conftest import process_in
from tests.factories import IdeaFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_flag_hide_and_restore(new_page, page, live_server):
    base = live_server.url
    process = process_in("open")
    author = UserFactory(email="author@example.org", preferred_language="en")
    UserFactory(email="neighbour@example.org", preferred_language="en")
    UserFactory(email="mod@example.org", preferred_language="en", role="moderator")
    idea = IdeaFactory(process=process, theme=process.themes.first(), author=author, title="Buy cheap watches here")

    sign_in(page, base, "neighbour@example.org")
    page.goto(f"{base}/en/ideas/{idea.pk}/")
    page.get_by_text("Report to the moderators").click()
    page.get_by_label("Spam or advertising").check()
    page.get_by_role("button", name="Send the report").click()
    page.get_by_text("Thank you. A moderator will look at it.").wait_for()

    moderator = new_page()
    sign_in(moderator, base, "mod@example.org")
    moderator.get_by_role("link", name="Moderation", exact=True).click()
    assert_accessible(moderator)
    assert moderator.get_by_text("1 open flag").is_visible()
    moderator.get_by_label("Reason (the author reads it)").fill("Advertising is not an idea.")
    moderator.get_by_role("button", name="Hide").click()
    moderator.get_by_text("Done. The decision is in the moderation log.").wait_for()

    page.goto(f"{base}/en/processes/{process.slug}/")
    assert page.get_by_text("Buy cheap watches here").count() == 0

    writer = new_page()
    sign_in(writer, base, "author@example.org")
    writer.goto(f"{base}/en/ideas/{idea.pk}/")
    assert writer.get_by_text("Reason: Advertising is not an idea.").is_visible()
    assert_accessible(writer)

    moderator.goto(f"{base}/en/ideas/{idea.pk}/")
    moderator.get_by_label("Reason (the author reads it)").fill("The author explained it is a repair café.")
    moderator.get_by_role("button", name="Restore").click()
    moderator.goto(f"{base}/en/moderation/log/")
    assert_accessible(moderator)

    page.goto(f"{base}/en/processes/{process.slug}/")
    assert page.get_by_role("link", name="Buy cheap watches here").is_visible()
    assert list(ModerationAction.objects.order_by("pk").values_list("kind", flat=True)) == ["hide", "restore"]


def test_premoderation_shows_a_new_idea_only_once_approved(new_page, page, live_server):
    base = live_server.url
    process = process_in("open")
    process.premoderation = True
    process.save()
    UserFactory(email="author@example.org", preferred_language="en")
    UserFactory(email="mod@example.org", preferred_language="en", role="moderator")

    sign_in(page, base, "author@example.org")
    page.goto(f"{base}/en/processes/{process.slug}/ideas/new/")
    page.get_by_role("textbox", name="Title").fill("A bench for the bus stop")
    page.get_by_role("textbox", name="Your idea").fill("Many elderly people wait there.")
    page.get_by_label(process.themes.first().name_en).check()
    page.get_by_role("button", name="Publish my idea").click()
    page.wait_for_url(re.compile(r"/en/ideas/\d+/$"))
    assert page.get_by_text("Only you and the moderators see it until a moderator approves it.").is_visible()
    idea_url = page.url

    visitor = new_page()
    assert visitor.goto(idea_url).status == 404

    moderator = new_page()
    sign_in(moderator, base, "mod@example.org")
    moderator.goto(f"{base}/en/moderation/")
    moderator.get_by_role("button", name="Approve").click()
    moderator.get_by_text("Done. The decision is in the moderation log.").wait_for()

    assert visitor.goto(idea_url).status == 200
    assert visitor.get_by_role("heading", name="A bench for the bus stop").is_visible()
