"""Assisted participation in Chromium: a facilitator enters a resident's budget ballot with their consent, with
JavaScript and without the site's scripts (axe-core still checks every new page); an administrator reads the audit
and the resident takes their ballot over; a facilitator enters a questionnaire response, with JavaScript and without,
and the resident, sent from the questionnaire to the take-over, takes it over; without JavaScript, a facilitator posts
an idea and a comment."""

import re
from datetime import date

import pytest

from samen.accounts.models import User
from samen.budgets.models import BudgetBallot
from samen.consultations.models import Response
from samen.ideas.models import Comment, Idea
from tests.browser.conftest import _page, assert_accessible, sign_in
from tests.budgets.conftest import budget_at
from tests.conftest import process_in
from tests.consultations.conftest import consultation_at
from tests.factories import UserFactory
from tests.initiatives.conftest import Census

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def page_without_site_scripts(browser):
    """What a visitor without JavaScript sees (the site's scripts refused), with axe-core still able to run."""
    context, page, csp_violations = _page(browser, javascript=True, site_scripts=False)
    yield page
    context.close()
    assert csp_violations == []


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_a_facilitator_enters_a_ballot_with_the_resident_s_consent(
    javascript, page, page_without_site_scripts, new_page, live_server
):
    browser_page = page if javascript else page_without_site_scripts
    base = live_server.url
    budget = budget_at("ballot")
    budget.process.voters = "any"
    budget.process.save()
    census = Census(UserFactory(role=User.Role.ADMINISTRATOR, is_staff=True))
    number, born = census.add(date(1950, 6, 2))
    resident = census.verified(email="fatima@example.org", preferred_language="en")
    resident_number, resident_born = census.people[-1][0], census.people[-1][1]
    UserFactory(email="karim@example.org", preferred_language="en", role=User.Role.FACILITATOR)
    UserFactory(email="root@example.org", preferred_language="en", role=User.Role.ADMINISTRATOR, is_staff=True)

    sign_in(browser_page, base, "karim@example.org")
    browser_page.goto(f"{base}/en/assisted/")
    assert_accessible(browser_page)
    browser_page.get_by_role("link", name=str(budget.process.title_en)).click()
    browser_page.get_by_role("heading", name="Enter a ballot with a resident").wait_for()
    assert_accessible(browser_page)

    for typed_number, typed_born, name in ((number, born, "Mme Janssens"), (resident_number, resident_born, "Fatima")):
        browser_page.get_by_label("Resident's national register number").fill(typed_number)
        browser_page.get_by_label("Resident's date of birth").fill(typed_born.isoformat())
        browser_page.get_by_label("Resident's name (optional)").fill(name)
        browser_page.get_by_label("Where you met the resident").fill("Espace public numérique, Laeken")
        browser_page.get_by_label("A repair stand").check()
        browser_page.get_by_role("button", name="Enter this ballot").click()
        browser_page.get_by_role("alert").wait_for()  # the box is not ticked: refused, explained, nothing saved
        assert "Record the resident's consent" in browser_page.get_by_role("alert").inner_text()
        assert_accessible(browser_page)
        browser_page.get_by_label(re.compile("The resident agreed that I enter their ballot")).check()
        browser_page.get_by_role("button", name="Enter this ballot").click()
        browser_page.get_by_text("The resident's ballot is entered, with their consent.").wait_for()
    assert BudgetBallot.objects.filter(consent__isnull=False).count() == 2

    administrator = new_page()
    sign_in(administrator, base, "root@example.org")
    administrator.goto(f"{base}/en/assisted/audit/")
    administrator.get_by_text("Mme Janssens").wait_for()
    assert_accessible(administrator)

    mine = new_page()
    sign_in(mine, base, resident.email)
    mine.goto(f"{base}/en/account/assisted/")
    assert_accessible(mine)
    mine.get_by_role("button", name="Take them over").click()
    mine.get_by_text("1 contribution is now your account's").wait_for()
    assert BudgetBallot.objects.get(voter=resident).consent.resident_name == "Fatima"


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_a_facilitator_enters_a_questionnaire_response_with_the_resident_s_consent(
    javascript, page, page_without_site_scripts, new_page, live_server
):
    browser_page = page if javascript else page_without_site_scripts
    base = live_server.url
    questionnaire = consultation_at("open", voters="any")
    census = Census(UserFactory(role=User.Role.ADMINISTRATOR, is_staff=True))
    census.add(date(1950, 6, 2))
    resident = census.verified(email="fatima@example.org", preferred_language="en")
    number, born = census.people[-1][0], census.people[-1][1]
    UserFactory(email="karim@example.org", preferred_language="en", role=User.Role.FACILITATOR)

    sign_in(browser_page, base, "karim@example.org")
    browser_page.goto(f"{base}/en/assisted/")
    browser_page.get_by_role("link", name=str(questionnaire.process.title_en)).click()
    browser_page.get_by_role("heading", name="Answer the questionnaire with a resident").wait_for()
    assert_accessible(browser_page)

    browser_page.get_by_label("Resident's national register number").fill(number)
    browser_page.get_by_label("Resident's date of birth").fill(born.isoformat())
    browser_page.get_by_label("Where you met the resident").fill("Espace public numérique, Laeken")
    browser_page.get_by_label("Yes", exact=True).check()
    browser_page.get_by_role("button", name="Enter these answers").click()
    browser_page.get_by_role("alert").wait_for()  # the box is not ticked: refused, explained, answers kept
    assert "Record the resident's consent" in browser_page.get_by_role("alert").inner_text()
    assert browser_page.get_by_label("Yes", exact=True).is_checked()
    assert_accessible(browser_page)
    browser_page.get_by_label(re.compile("The resident agreed that I enter their answers")).check()
    browser_page.get_by_role("button", name="Enter these answers").click()
    browser_page.get_by_text("The resident's answers are entered, with their consent.").wait_for()
    assert Response.objects.get(consent__isnull=False).answers == {"cycling": "yes"}

    # The resident, verified, opens the questionnaire: not an empty form, but where to take their answers over.
    mine = new_page()
    sign_in(mine, base, resident.email)
    mine.goto(f"{base}/en/processes/{questionnaire.process.slug}/consultation/")
    mine.get_by_text("A response was entered for you with a facilitator on").wait_for()
    assert mine.get_by_role("button", name="Send my answers").count() == 0
    assert_accessible(mine)
    mine.get_by_role("link", name="take it over").click()
    mine.get_by_role("button", name="Take them over").click()
    mine.get_by_text("1 contribution is now your account's").wait_for()
    mine.goto(f"{base}/en/processes/{questionnaire.process.slug}/consultation/")
    mine.get_by_role("button", name="Change my answers").wait_for()
    assert mine.get_by_label("Yes", exact=True).is_checked()
    assert Response.objects.get(consent__isnull=False).voter == resident


def test_a_facilitator_posts_an_idea_and_a_comment_for_residents(page_without_site_scripts, live_server):
    browser_page = page_without_site_scripts
    base = live_server.url
    process = process_in("open")
    census = Census(UserFactory(role=User.Role.ADMINISTRATOR, is_staff=True))
    number, born = census.add(date(1950, 6, 2))
    UserFactory(email="karim@example.org", preferred_language="en", role=User.Role.FACILITATOR)

    sign_in(browser_page, base, "karim@example.org")
    browser_page.goto(f"{base}/en/assisted/")
    ideas = browser_page.get_by_role("region", name="Ideas", exact=True)  # beside "Idea supports", "Comments"
    ideas.get_by_role("link", name=str(process.title_en)).click()
    browser_page.get_by_role("heading", name="Post an idea with a resident").wait_for()
    assert_accessible(browser_page)

    browser_page.get_by_label("Resident's national register number").fill(number)
    browser_page.get_by_label("Resident's date of birth").fill(born.isoformat())
    browser_page.get_by_label("Where you met the resident").fill("Espace public numérique, Laeken")
    browser_page.get_by_label("Title").fill("A bench by the canal")
    browser_page.get_by_label("The resident's idea").fill("Older people need to sit down on the way to the market.")
    browser_page.get_by_label("Mobility").check()
    browser_page.get_by_role("button", name="Post this idea").click()
    browser_page.get_by_role("alert").wait_for()  # the box is not ticked: refused, explained, the idea kept
    assert "Record the resident's consent" in browser_page.get_by_role("alert").inner_text()
    assert browser_page.get_by_label("Title").input_value() == "A bench by the canal"
    assert_accessible(browser_page)
    browser_page.get_by_label(re.compile("The resident agreed that I post their idea")).check()
    browser_page.get_by_role("button", name="Post this idea").click()
    browser_page.get_by_text("The resident's idea is posted, with their consent.").wait_for()
    idea = Idea.objects.get(consent__isnull=False)

    browser_page.goto(f"{base}/en/ideas/{idea.pk}/")
    browser_page.get_by_text("Posted with a facilitator").first.wait_for()
    browser_page.get_by_role("link", name="Comment for a resident").click()
    browser_page.get_by_role("heading", name="Comment with a resident").wait_for()
    assert_accessible(browser_page)
    browser_page.get_by_label("Resident's national register number").fill(number)
    browser_page.get_by_label("Resident's date of birth").fill(born.isoformat())
    browser_page.get_by_label("Where you met the resident").fill("Espace public numérique, Laeken")
    browser_page.get_by_label("The resident's comment").fill("And some shade in summer.")
    browser_page.get_by_label(re.compile("The resident agreed that I post their comment")).check()
    browser_page.get_by_role("button", name="Post this comment").click()
    browser_page.get_by_text("The resident's comment is posted, with their consent.").wait_for()
    assert Comment.objects.get(consent__isnull=False).author is None
