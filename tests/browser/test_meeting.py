"""A meeting in Chromium: a resident registers and cancels, with JavaScript and without; a manager plans one.

axe-core checks the meeting page, the calendar and the manager's form (empty, then with its errors)."""

import re

import pytest

from samen.meetings.models import Meeting, Registration
from tests.browser.conftest import assert_accessible, sign_in
from tests.factories import UserFactory
from tests.meetings.conftest import make_meeting

pytestmark = pytest.mark.django_db(transaction=True)


def _register_and_cancel(page, base, meeting, email, *, javascript: bool):
    sign_in(page, base, email)
    page.goto(f"{base}/en/meetings/{meeting.pk}/")
    assert page.get_by_text("1 place left").is_visible()
    page.get_by_role("button", name="Register").click()
    page.get_by_text("You are registered. A reminder comes by e-mail the day before.").wait_for()
    assert page.get_by_text("0 places left").is_visible()
    if javascript:  # axe-core runs in the page: not without JavaScript
        assert_accessible(page)
    page.get_by_role("button", name="Cancel my registration").click()
    page.get_by_text("Your registration is cancelled.").wait_for()
    assert page.get_by_role("button", name="Register").is_visible()


def test_a_resident_registers_and_cancels_with_and_without_javascript(page, page_without_js, live_server):
    base = live_server.url
    meeting = make_meeting(capacity=1, title_en="Laeken neighbourhood meeting")
    UserFactory(email="with-js@example.org", preferred_language="en")
    UserFactory(email="without-js@example.org", preferred_language="en")

    page.goto(f"{base}/en/calendar/")
    assert_accessible(page)
    page.get_by_role("link", name="Laeken neighbourhood meeting").click()
    page.wait_for_url(re.compile(rf"/en/meetings/{meeting.pk}/$"))
    assert_accessible(page)
    _register_and_cancel(page, base, meeting, "with-js@example.org", javascript=True)
    _register_and_cancel(page_without_js, base, meeting, "without-js@example.org", javascript=False)

    assert Registration.objects.count() == 0


def test_a_manager_plans_a_meeting_and_is_told_what_is_missing(page, live_server, manager):
    base = live_server.url
    sign_in(page, base, manager.email)

    page.goto(f"{base}/en/calendar/")
    page.get_by_role("link", name="Plan a meeting").click()
    page.wait_for_url(re.compile(r"/en/meetings/new/$"))
    assert_accessible(page)
    page.get_by_label("Title (Dutch)").fill("Wijkvergadering")
    page.get_by_label("Title (French)").fill("Réunion de quartier")
    page.get_by_label("Agenda (Dutch)").fill("1. Het plein")
    page.get_by_label("Agenda (French)").fill("1. La place")
    page.get_by_label("Starts at").fill("2027-03-04T19:00")
    page.get_by_label("Ends at").fill("2027-03-04T18:00")
    page.get_by_role("button", name="Publish the meeting").click()
    page.get_by_text("Please correct the following").wait_for()
    assert page.get_by_text("The meeting must end after it starts.").first.is_visible()
    assert_accessible(page)
    assert Meeting.objects.count() == 0

    page.get_by_label("Ends at").fill("2027-03-04T21:00")
    page.get_by_label("Online link (optional with an address)").fill("https://meet.example.org/laeken")
    page.get_by_role("button", name="Publish the meeting").click()
    page.get_by_text("The meeting is published in the calendar.").wait_for()
    assert_accessible(page)
    assert list(Meeting.objects.values_list("title_fr", "online_link")) == [
        ("Réunion de quartier", "https://meet.example.org/laeken")
    ]
