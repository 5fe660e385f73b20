"""The journey of issue 3, in real Chromium: sign up, confirm the e-mail, post an idea with a location,
see it listed, support it and comment on it; once with JavaScript and once without."""

import re

import pytest
from django.core import mail

from samen.ideas.models import Comment, Idea, Support
from tests.browser.conftest import assert_accessible
from tests.conftest import process_in

pytestmark = pytest.mark.django_db(transaction=True)


def _sign_up_and_confirm(page, base, email, *, check=lambda page: None):
    page.goto(f"{base}/en/account/signup/")
    check(page)
    page.get_by_label("Email").fill(email)
    page.locator("#id_password1").fill("a-long-brussels-password")
    page.locator("#id_password2").fill("a-long-brussels-password")
    page.get_by_label("Display name").fill("Nadia")
    page.get_by_label("Home neighbourhood").select_option(label="Vieux Laeken Est")
    page.get_by_label("Preferred language").select_option("en")
    page.get_by_role("button", name="Sign Up").click()
    page.wait_for_url(re.compile(r"/confirm-email/$"))
    link = re.search(r"https?://\S+/account/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    page.goto(link)  # the link names the live server's own host
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_url(re.compile(r"/en/$"))


def _fill_idea(page, process):
    page.get_by_role("textbox", name="Title").fill("Benches on Place Bockstael")
    page.get_by_role("textbox", name="Your idea").fill("Somewhere to **sit** while waiting for the bus.")
    page.get_by_label(process.themes.first().name_en).check()
    page.get_by_label("Language of your text").select_option("en")


def test_journey_with_javascript(page, live_server):
    base = live_server.url
    process = process_in("open")
    process.voters = ""  # any signed-in account supports (the new account is not verified)
    process.save()

    _sign_up_and_confirm(page, base, "nadia@example.org", check=assert_accessible)
    page.goto(f"{base}/en/")
    assert_accessible(page)
    page.get_by_role("link", name=process.title_en).click()
    assert_accessible(page)
    page.get_by_role("link", name="Post an idea").click()
    assert_accessible(page)
    _fill_idea(page, process)
    page.locator("#location-map").click()  # the map's centre is the centre of Brussels
    assert page.get_by_label("Latitude").input_value() != ""
    page.get_by_role("button", name="Publish my idea").click()
    page.wait_for_url(re.compile(r"/en/ideas/\d+/$"))
    assert_accessible(page)

    idea = Idea.objects.get()
    assert idea.municipality_nis == "21004"
    page.goto(f"{base}/en/processes/{process.slug}/")
    assert page.get_by_role("link", name="Benches on Place Bockstael").is_visible()
    page.get_by_role("link", name="Benches on Place Bockstael").click()

    page.evaluate("window.stillTheSamePage = true")  # htmx swaps fragments: no reload may clear this
    page.get_by_role("button", name="Support this idea").click()
    page.get_by_role("button", name="You support this idea (withdraw)").wait_for()
    assert page.get_by_text("1 support", exact=True).is_visible()
    page.get_by_label("Your comment").fill("I would sit there every morning.")
    page.get_by_role("button", name="Send the comment").click()
    page.get_by_text("I would sit there every morning.").wait_for()
    assert page.evaluate("window.stillTheSamePage") is True
    assert_accessible(page)

    assert Support.objects.filter(idea=idea).count() == 1
    assert Comment.objects.get().body == "I would sit there every morning."


def test_journey_without_javascript(page_without_js, live_server):
    page = page_without_js
    base = live_server.url
    process = process_in("open")
    process.voters = ""  # any signed-in account supports (the new account is not verified)
    process.save()

    _sign_up_and_confirm(page, base, "nadia@example.org")
    page.goto(f"{base}/en/processes/{process.slug}/ideas/new/")
    assert page.locator("#location-map").is_hidden()
    _fill_idea(page, process)
    page.get_by_label("Latitude").fill("50.8776")
    page.get_by_label("Longitude").fill("4.3489")
    page.get_by_role("button", name="Publish my idea").click()
    page.wait_for_url(re.compile(r"/en/ideas/\d+/$"))

    idea = Idea.objects.get()
    assert (idea.neighbourhood_code, idea.municipality_nis) == (20, "21004")
    page.goto(f"{base}/en/processes/{process.slug}/")
    page.get_by_role("link", name="Benches on Place Bockstael").click()
    page.get_by_role("button", name="Support this idea").click()
    assert page.get_by_text("1 support", exact=True).is_visible()
    page.get_by_label("Your comment").fill("Sans JavaScript aussi.")
    page.get_by_label("Language").select_option("fr")
    page.get_by_role("button", name="Send the comment").click()
    page.get_by_text("Sans JavaScript aussi.").wait_for()

    assert Support.objects.filter(idea=idea).count() == 1
    assert Comment.objects.get().language == "fr"


def test_similar_ideas_appear_while_typing_a_title(page, live_server):
    from samen.ideas import services
    from tests.browser.conftest import sign_in
    from tests.factories import UserFactory

    process = process_in("open")
    author = UserFactory(email="author@example.org", preferred_language="en")
    twin = services.create_idea(
        process=process,
        author=author,
        theme=process.themes.first(),
        title="Een overdekte fietsenstalling aan het station",
        body="Veilig fietsen stallen.",
        language="nl",
    )
    sign_in(page, live_server.url, "author@example.org")

    page.goto(f"{live_server.url}/en/processes/{process.slug}/ideas/new/")
    page.get_by_role("textbox", name="Title").press_sequentially("Un parking vélo couvert à la gare", delay=20)

    page.get_by_role("link", name=twin.title).wait_for()
    assert page.get_by_text("Ideas like yours already exist.").is_visible()
    assert_accessible(page)
