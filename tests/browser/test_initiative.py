"""A citizens' initiative in Chromium: a resident verifies and signs, City staff type in paper and record the vote.

A resident on the census verifies their account with their national number and identity card; without JavaScript
they sign a collecting initiative and withdraw; City staff type in a paper sheet with one mistyped line; and, once
an initiative is before the council, they record the council's decision.
"""

import re
from datetime import date, datetime, time

import pytest
import time_machine
from django.utils import timezone
from playwright.sync_api import expect

from samen.demo.identities import invented_document_number
from samen.initiatives import services
from samen.initiatives.models import Initiative
from tests.browser.conftest import assert_accessible, sign_in
from tests.factories import UserFactory
from tests.initiatives.conftest import CITY, Census, initiative_at

pytestmark = pytest.mark.django_db(transaction=True)


def dotted(number: str) -> str:
    """A national number as printed on the identity card: YY.MM.DD-XXX.XX."""
    return f"{number[0:2]}.{number[2:4]}.{number[4:6]}-{number[6:9]}.{number[9:11]}"


@pytest.fixture
def midday():
    """Noon in Brussels today: the initiatives' clock counts days in UTC, which is a day behind Brussels shortly after
    midnight; at noon both agree, so the vote's date typed as "today" is today for the app too."""
    noon = datetime.combine(timezone.localdate(), time(12), tzinfo=timezone.get_current_timezone())
    with time_machine.travel(noon, tick=True):
        yield


def test_verify_sign_paper_sheet_and_decision(midday, page, page_without_js, new_page, live_server, manager):
    base = live_server.url
    census = Census(UserFactory(role="administrator", is_staff=True))
    kind = services.create_kind(
        name={"nl": "Burgerinitiatief Stad Brussel", "fr": "Initiative citoyenne Ville de Bruxelles"},
        municipality_nis=CITY,
        threshold=3,
        committee_size=2,
        secretariat_email="conseil@bruxelles.example",
    )
    collecting = initiative_at("collecting", kind=kind, census=census, manager=manager)
    transmitted = initiative_at("transmitted", kind=kind, census=census, manager=manager)
    number, born = census.add(date(1993, 5, 18))
    resident = UserFactory(email="resident@example.org", preferred_language="en")
    collecting_page = f"{base}/en/initiatives/{collecting.pk}/"

    # 1. The resident verifies their account with the numbers on their identity card and their birth date.
    sign_in(page, base, "resident@example.org")
    page.goto(f"{base}/en/account/verify/")
    assert_accessible(page)
    card = page.locator("form").filter(has=page.get_by_role("button", name="Verify with my card"))
    card.get_by_label("National register number").fill(dotted(number))
    card.get_by_label("Date of birth").fill(born.isoformat())
    card.get_by_label("Identity card number").fill(invented_document_number(number))
    card.get_by_role("button", name="Verify with my card").click()
    page.get_by_text("Your account is verified: you can sign initiatives").wait_for()
    resident.refresh_from_db()
    assert resident.verification.municipality_nis == CITY

    # 2. Without JavaScript, they sign the collecting initiative, see the count, and withdraw.
    sign_in(page_without_js, base, "resident@example.org")
    page_without_js.goto(collecting_page)
    expect(page_without_js.get_by_text("0 signatures of 3 needed")).to_be_visible()
    page_without_js.get_by_role("button", name="Sign this initiative").click()
    page_without_js.get_by_text("You have signed this initiative.").wait_for()
    expect(page_without_js.get_by_text("1 signature of 3 needed")).to_be_visible()
    expect(page_without_js.get_by_role("button", name="Sign this initiative")).to_have_count(0)
    page_without_js.get_by_role("button", name="Withdraw my signature").click()
    page_without_js.get_by_text("Your signature is withdrawn.").wait_for()
    expect(page_without_js.get_by_text("0 signatures of 3 needed")).to_be_visible()
    expect(page_without_js.get_by_role("button", name="Sign this initiative")).to_be_visible()

    # 3. City staff type in a paper sheet: one good line, one national number mistyped.
    paper_signer, paper_born = census.add(date(1971, 11, 2))
    mistyped = paper_signer[:-1] + str((int(paper_signer[-1]) + 1) % 10)
    staff = new_page()  # City staff on their own computer
    sign_in(staff, base, manager.email)
    staff.goto(collecting_page)
    assert_accessible(staff)
    staff.get_by_role("link", name="Type in paper signatures").click()
    staff.wait_for_url(re.compile(rf"/en/initiatives/{collecting.pk}/paper/$"))
    staff.get_by_label("Sheet number").fill("P-001")
    staff.get_by_label("Lines of the sheet").fill(
        f"{dotted(paper_signer)}; {paper_born.isoformat()}; Jan Peeters\n"
        f"{mistyped}; {paper_born.isoformat()}; Marie Dubois\n"
    )
    staff.get_by_role("button", name="Enter this sheet").click()
    staff.get_by_text("Sheet P-001: 1 signatures counted, 1 lines refused.").wait_for()
    expect(staff.get_by_text("line 2 (Marie Dubois): This national number is not valid")).to_be_visible()
    assert_accessible(staff)
    staff.goto(collecting_page)
    expect(staff.get_by_text("1 signature of 3 needed")).to_be_visible()

    # 4. Before the council: the countdown, then the council's decision recorded by City staff.
    today = timezone.localdate()
    staff.goto(f"{base}/en/initiatives/{transmitted.pk}/")
    expect(staff.get_by_text(re.compile(r"Before the council: \d+ days? left to vote"))).to_be_visible()
    assert_accessible(staff)
    decision = staff.get_by_role("group", name="The council's decision")
    decision.get_by_label("Decision").select_option(label="Adopted")
    decision.get_by_label("Date of the vote").fill(today.isoformat())
    decision.get_by_label("Votes for").fill("31")
    decision.get_by_label("Votes against").fill("12")
    decision.get_by_label("Abstentions").fill("2")
    decision.get_by_role("button", name="Record the decision").click()
    staff.get_by_text("The council's decision is recorded; the signatories are told.").wait_for()
    expect(staff.get_by_text(re.compile(r"Decided by the council on .+: Adopted\."))).to_be_visible()
    expect(staff.get_by_text("(31 for, 12 against, 2 abstentions)", exact=False)).to_be_visible()
    assert_accessible(staff)
    transmitted.refresh_from_db()
    assert (transmitted.status, transmitted.decision, transmitted.decided_on) == (
        Initiative.Status.DECIDED,
        Initiative.Decision.ADOPTED,
        today,
    )
