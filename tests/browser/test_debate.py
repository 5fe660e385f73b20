"""A debate in Chromium: a process manager puts a question, residents post an argument and support another's (with
JavaScript and without), and the manager closes it with a conclusion in Dutch and French; axe checks every page."""

import re

import pytest

from samen.debates.models import Argument, ArgumentSupport, Debate
from tests.browser.conftest import assert_accessible, sign_in
from tests.debates.conftest import make_argument
from tests.factories import PhaseFactory, ProcessFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

SUPPORT = re.compile(r"^Support \(")


def test_put_argue_support_and_close(page, page_without_js, new_page, live_server):
    base = live_server.url
    process = ProcessFactory(slug="bockstael", voters="")  # open to any signed-in account: these are not verified
    PhaseFactory(process=process)
    UserFactory(email="manager@example.org", preferred_language="en", role="process_manager", is_staff=True)
    UserFactory(email="resident@example.org", preferred_language="en")
    UserFactory(email="offline@example.org", preferred_language="en")

    # 1. The manager puts the question, in Dutch and French (a missing French version is named).
    staff = new_page()
    sign_in(staff, base, "manager@example.org")
    staff.goto(f"{base}/en/processes/bockstael/")
    staff.get_by_role("link", name="Put a question to debate").click()
    assert_accessible(staff)
    staff.get_by_label("Question (Dutch)").fill("Moet het Bockstaelplein autovrij worden?")
    staff.get_by_role("button", name="Open the debate").click()
    assert staff.get_by_role("alert").is_visible()
    assert_accessible(staff)
    staff.get_by_label("Question (French)").fill("La place Bockstael doit-elle devenir piétonne ?")
    staff.get_by_role("button", name="Open the debate").click()
    staff.get_by_text("The debate is open.").wait_for()
    debate = Debate.objects.get()
    theirs = make_argument(debate, side="for", text="More room for the market.")

    # 2. A resident, with JavaScript, finds it from the process page, argues against and supports an argument for.
    sign_in(page, base, "resident@example.org")
    page.goto(f"{base}/en/processes/bockstael/")
    page.get_by_role("link", name="Debates: 1 question for and against").click()
    assert_accessible(page)
    page.get_by_role("link", name="La place Bockstael doit-elle devenir piétonne ?").click()
    assert_accessible(page)
    page.get_by_role("button", name="Post my argument").click()  # nothing chosen: explained
    assert page.get_by_role("alert").is_visible()
    page.get_by_role("radio", name="Against").check()
    page.get_by_role("textbox", name="Your argument").fill("The buses must keep passing.")
    page.get_by_role("button", name="Post my argument").click()
    page.get_by_text("Your argument is posted.").wait_for()
    card = page.locator(f"#argument-{theirs.pk}")
    card.get_by_role("button", name=SUPPORT).click()  # htmx swaps the card alone
    card.get_by_role("button", name=re.compile("^Withdraw my support")).wait_for()
    assert card.get_by_text("1 support").is_visible()
    assert not page.url.endswith(f"#argument-{theirs.pk}")  # no page load: the redirect would have added it
    assert_accessible(page)

    # 3. Another resident, without JavaScript, does the same with the plain forms.
    sign_in(page_without_js, base, "offline@example.org")
    page_without_js.goto(debate_url := f"{base}/en/processes/bockstael/debates/{debate.pk}/")
    page_without_js.get_by_role("radio", name="For", exact=True).check()
    page_without_js.get_by_role("textbox", name="Your argument").fill("Children could play there.")
    page_without_js.get_by_role("button", name="Post my argument").click()
    page_without_js.get_by_text("Your argument is posted.").wait_for()
    page_without_js.locator(f"#argument-{theirs.pk}").get_by_role("button", name=SUPPORT).click()
    page_without_js.get_by_text("You support this argument.").wait_for()

    assert sorted(Argument.objects.values_list("side", "text")) == [
        ("against", "The buses must keep passing."),
        ("for", "Children could play there."),
        ("for", "More room for the market."),
    ]
    assert ArgumentSupport.objects.filter(argument=theirs).count() == 2

    # 4. The manager closes it with the conclusion in both languages; it shows on top, and no form is left.
    staff.goto(debate_url)
    staff.get_by_role("link", name="Edit the debate").click()
    assert_accessible(staff)
    staff.goto(debate_url)
    staff.get_by_role("link", name="Close it with a conclusion").click()
    staff.get_by_label("Conclusion (Dutch)").fill("Het plein wordt autovrij op zondag.")
    staff.get_by_role("button", name="Close and publish the conclusion").click()
    assert staff.get_by_role("alert").is_visible()
    assert_accessible(staff)
    staff.get_by_label("Conclusion (French)").fill("La place sera piétonne le dimanche.")
    staff.get_by_role("button", name="Close and publish the conclusion").click()
    staff.get_by_text("The debate is closed and its conclusion published.").wait_for()

    page.goto(debate_url)
    page.get_by_role("heading", name="Conclusion").wait_for()
    assert page.get_by_text("La place sera piétonne le dimanche.").is_visible()  # English reads the French first
    assert page.get_by_role("button", name="Post my argument").count() == 0
    assert_accessible(page)
