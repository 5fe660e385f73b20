"""A participatory budget in Chromium: a resident proposes, City staff review, a resident votes with a live total."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from samen.budgets.models import Budget, Proposal
from tests.browser.conftest import assert_accessible, sign_in
from tests.factories import PhaseFactory, ProcessFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_propose_review_and_vote(page, new_page, live_server):
    base = live_server.url
    today = timezone.localdate()
    process = ProcessFactory(slug="marolles", scope="neighbourhood", neighbourhood_code=8, voters="")  # open voting
    for kind, first, last in (
        ("proposal_submission", -1, 1),
        ("feasibility_review", 2, 4),
        ("budget_ballot", 5, 7),
    ):
        PhaseFactory(process=process, kind=kind, first_day=today + timedelta(first), last_day=today + timedelta(last))
    budget = Budget.objects.create(process=process, amount=50_000)
    Proposal.objects.create(
        budget=budget, title_nl="Bomen", title_fr="Des arbres", estimated_cost=40_000, author=UserFactory()
    )
    UserFactory(email="resident@example.org", preferred_language="en")
    UserFactory(email="manager@example.org", preferred_language="en", role="process_manager")

    sign_in(page, base, "resident@example.org")
    page.goto(f"{base}/en/processes/marolles/")
    page.get_by_role("link", name="Propose a project").click()
    assert_accessible(page)
    page.get_by_label("Title (French)").fill("Une fontaine à boire")
    page.get_by_label("Description (French)").fill("Pour les enfants du square.")
    page.get_by_label("Estimated cost (euros)").fill("900000")
    page.get_by_role("button", name="Send my proposal").click()
    assert page.get_by_role("alert").is_visible()  # more than the whole budget: refused, explained
    page.get_by_label("Estimated cost (euros)").fill("8000")
    page.get_by_role("button", name="Send my proposal").click()
    page.get_by_text("Your proposal is in.").wait_for()

    with time_machine.travel(timezone.now() + timedelta(days=3), tick=True):
        staff = new_page()
        sign_in(staff, base, "manager@example.org")
        for title, dutch, cost in (
            ("Une fontaine à boire", "Een drinkfontein", "9000"),
            ("Des arbres", "Bomen", "40000"),
        ):
            staff.goto(f"{base}/en/processes/marolles/budget/")
            staff.get_by_role("link", name=title).click()
            staff.get_by_role("link", name="Review feasibility").click()
            assert_accessible(staff)
            staff.get_by_label("Feasible: it goes on the ballot").check()
            staff.get_by_label("Cost confirmed by the City (euros)").fill(cost)
            staff.get_by_label("Title (Dutch)").fill(dutch)
            staff.get_by_label("Description (Dutch)").fill("Voor de buurt.")
            staff.get_by_label("Description (French)").fill("Pour le quartier.")
            staff.get_by_role("button", name="Publish the review").click()
            staff.get_by_text("The review is published.").wait_for()

    with time_machine.travel(timezone.now() + timedelta(days=6), tick=True):
        page.goto(f"{base}/en/processes/marolles/")
        page.get_by_role("link", name="Choose projects").click()
        assert_accessible(page)
        page.get_by_label("Des arbres").check()
        page.get_by_text("Left: 10,000").wait_for()  # the live total, recomputed by the server on each change
        page.get_by_label("Une fontaine à boire").check()
        page.get_by_text("Left: 1,000").wait_for()
        page.get_by_role("button", name="Cast my ballot").click()
        page.get_by_text("Your ballot is saved.").wait_for()
        assert page.get_by_label("Des arbres").is_checked()

    with time_machine.travel(timezone.now() + timedelta(days=9), tick=True):
        page.goto(f"{base}/en/processes/marolles/")
        page.get_by_role("link", name="Result of the budget vote").click()
        assert_accessible(page)
        assert page.locator("tr.winner").count() == 2
        assert page.get_by_text("You paid 40,000").is_visible()
