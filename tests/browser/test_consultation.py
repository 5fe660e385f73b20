"""A consultation in Chromium: a resident answers the questionnaire, is told what is missing, changes the answers,
and reads the results with their charts once the consultation has ended."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from tests.browser.conftest import assert_accessible, sign_in
from tests.consultations.conftest import consultation_at
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_answer_change_and_read_the_results(page, live_server):
    base = live_server.url
    questionnaire = consultation_at("open")
    slug = questionnaire.process.slug
    UserFactory(email="resident@example.org", preferred_language="en")

    sign_in(page, base, "resident@example.org")
    page.goto(f"{base}/en/processes/{slug}/")
    page.get_by_role("link", name="Answer the questionnaire").click()
    assert_accessible(page)
    page.get_by_label("A name for the new route").fill("Green line")
    page.get_by_role("button", name="Send my answers").click()
    assert page.get_by_role("alert").is_visible()  # the required first question: refused, explained
    assert page.get_by_label("A name for the new route").input_value() == "Green line"
    assert_accessible(page)
    page.get_by_label("Yes", exact=True).check()
    page.get_by_label("Along the canal").check()
    page.get_by_label("Cycle lanes").select_option("1")
    page.get_by_label("Bicycle parking").select_option("2")
    page.get_by_label("Street lights").select_option("3")
    page.locator("[data-point-map]").click()  # the map fills the two number fields (typed without JavaScript)
    assert page.get_by_label("Latitude").input_value().startswith("50.")
    assert page.get_by_label("Longitude").input_value().startswith("4.")
    page.get_by_role("button", name="Send my answers").click()
    page.get_by_text("Your answers are saved.").wait_for()
    page.get_by_label("No", exact=True).check()
    page.get_by_role("button", name="Change my answers").click()
    page.get_by_text("Your answers are saved.").wait_for()
    assert page.get_by_label("No", exact=True).is_checked()

    with time_machine.travel(timezone.now() + timedelta(days=7), tick=True):
        page.goto(f"{base}/en/processes/{slug}/consultation/results/")
        page.get_by_text("1 response was counted.").wait_for()
        assert page.locator("svg.bar-chart").count() == 4  # the choices, the ranking and the scale
        assert_accessible(page)


def test_answer_without_javascript_typing_the_point(page_without_js, live_server):
    """A cheap phone with scripts off: every question is a plain field, the map point two number fields."""
    page = page_without_js
    base = live_server.url
    questionnaire = consultation_at("open")
    slug = questionnaire.process.slug
    UserFactory(email="offline@example.org", preferred_language="en")

    sign_in(page, base, "offline@example.org")
    page.goto(f"{base}/en/processes/{slug}/consultation/")
    assert page.locator("[data-point-map] .leaflet-container").count() == 0  # no map drawn: the fields are the way
    page.get_by_label("Yes", exact=True).check()
    page.get_by_label("Cycle lanes").select_option("1")
    page.get_by_label("Bicycle parking").select_option("2")
    page.get_by_label("Street lights").select_option("3")
    page.get_by_label("Latitude").fill("50.8467")
    page.get_by_label("Longitude").fill("4.3525")
    page.get_by_role("button", name="Send my answers").click()

    page.get_by_text("Your answers are saved.").wait_for()
    response = questionnaire.responses.get()
    assert response.answers["cycling"] == "yes"
    assert response.answers["danger"] == {"longitude": 4.3525, "latitude": 50.8467}
