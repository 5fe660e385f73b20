"""The questionnaire page without JavaScript, its refusals, the results with their charts and the moderation of
free-text answers."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from samen.consultations import services
from samen.consultations.models import Response, TextReview
from samen.processes.models import Process
from tests.consultations.conftest import ANSWERS, consultation_at
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

FORM = {  # ANSWERS as the page sends them
    "q_cycling": "yes",
    "q_routes": ["canal", "park"],
    "q_priorities__lanes": "1",
    "q_priorities__parking": "3",
    "q_priorities__lights": "2",
    "q_safety": "4",
    "q_name_it": "Green line",
    "q_remarks": "More light under the bridge.",
    "q_danger__latitude": "50.87",
    "q_danger__longitude": "4.35",
}


def _url(name, questionnaire):
    return reverse(f"consultations:{name}", args=[questionnaire.process.slug])


def test_the_form_shows_every_type_of_question_and_the_condition_in_words(client, resident, open_consultation):
    client.force_login(resident)

    page = client.get(_url("answer", open_consultation)).content.decode()

    assert "1. Do you cycle to work? (required)" in page
    assert 'type="radio" name="q_cycling" value="yes"' in page
    assert 'type="checkbox" name="q_routes" value="canal"' in page
    assert "Answer only if you answered “Yes” to question 1." in page
    assert '<select name="q_priorities__lights"' in page
    assert 'type="radio" name="q_safety" value="5"' in page
    assert "1: Unsafe · 5: Safe" in page
    assert '<textarea name="q_remarks"' in page
    assert 'name="q_danger__latitude"' in page
    assert 'name="q_danger__longitude"' in page
    assert "Send my answers" in page


def test_answers_sent_from_the_page_are_saved_and_shown_again_to_change(client, resident, open_consultation):
    client.force_login(resident)

    response = client.post(_url("answer", open_consultation), FORM, follow=True)

    assert response.redirect_chain[0][1] == 302
    assert Response.objects.get().answers == ANSWERS
    page = response.content.decode()
    assert "Your answers are saved. You can change them until" in page
    assert "Change my answers" in page
    assert 'value="Green line"' in page


def test_a_required_question_left_empty_comes_back_with_the_answers_kept_and_nothing_saved(
    client, resident, open_consultation
):
    client.force_login(resident)

    response = client.post(_url("answer", open_consultation), FORM | {"q_cycling": ""})

    assert response.status_code == 422
    page = response.content.decode()
    assert "Please correct the following" in page
    assert "Answer this question: it is required." in page
    assert 'value="Green line"' in page
    assert Response.objects.count() == 0


def test_two_options_in_one_place_of_a_ranking_are_refused(client, resident, open_consultation):
    client.force_login(resident)

    response = client.post(_url("answer", open_consultation), FORM | {"q_priorities__lights": "1"})

    assert response.status_code == 422
    assert "Give each option a different place." in response.content.decode()
    assert Response.objects.count() == 0


def test_a_visitor_who_is_not_signed_in_cannot_answer(client, open_consultation):
    response = client.post(_url("answer", open_consultation), FORM)

    assert response.status_code == 403
    assert Response.objects.count() == 0


def test_an_unverified_account_cannot_answer_a_consultation_for_verified_residents(client, outsider):
    questionnaire = consultation_at("open", voters=Process.Voters.CENSUS)
    client.force_login(outsider)

    page = client.get(_url("answer", questionnaire)).content.decode()
    response = client.post(_url("answer", questionnaire), FORM)

    assert "Send my answers" not in page
    assert response.status_code == 403
    assert Response.objects.count() == 0


def test_the_results_wait_for_the_end_of_the_consultation_but_managers_see_them(client, resident, manager):
    questionnaire = consultation_at("open")
    client.force_login(resident)
    refused = client.get(_url("results", questionnaire))
    client.force_login(manager)

    shown = client.get(_url("results", questionnaire))

    assert (refused.status_code, shown.status_code) == (404, 200)


def _answered(questionnaire, answers_list):
    """Responses given while the consultation ran, then the consultation ended."""
    for answers in answers_list:
        services.submit_response(questionnaire=questionnaire, user=UserFactory(), raw_answers=answers)
    yesterday = timezone.localdate() - timedelta(days=1)
    questionnaire.process.phases.update(first_day=yesterday - timedelta(days=10), last_day=yesterday)


def test_the_results_show_counts_shares_a_chart_and_its_table(client, open_consultation):
    _answered(open_consultation, [ANSWERS, {"cycling": "no"}, {"cycling": "yes", "routes": ["centre"]}])

    page = client.get(_url("results", open_consultation)).content.decode()

    assert "3 responses were counted." in page
    assert '<svg class="bar-chart" role="img"' in page
    assert '<title id="chart-cycling">' in page
    assert '<tr><td>Yes</td><td class="numeric">2</td><td class="numeric">66.7 %</td></tr>' in page
    assert '<tr><td>Through the park</td><td class="numeric">1</td><td class="numeric">50.0 %</td></tr>' in page


def test_free_text_answers_are_listed_only_once_a_moderator_approved_them(client, moderator, open_consultation):
    _answered(open_consultation, [ANSWERS, {"cycling": "no", "remarks": "My neighbour Jan Peeters is noisy."}])
    listed, kept_out = Response.objects.order_by("pk")
    client.force_login(moderator)
    client.post(
        _url("review", open_consultation), {"response": listed.pk, "question": "remarks", "decision": "approve"}
    )
    client.post(_url("review", open_consultation), {"response": kept_out.pk, "question": "remarks", "decision": "hide"})
    client.logout()

    page = client.get(_url("results", open_consultation)).content.decode()

    assert "More light under the bridge." in page
    assert "Jan Peeters" not in page


def test_a_resident_cannot_moderate_and_nothing_is_saved(client, resident, open_consultation):
    answered = services.submit_response(questionnaire=open_consultation, user=resident, raw_answers=ANSWERS)

    response = client.post(
        _url("review", open_consultation), {"response": answered.pk, "question": "remarks", "decision": "approve"}
    )
    client.force_login(resident)
    page = client.get(_url("moderation", open_consultation))
    posted = client.post(
        _url("review", open_consultation), {"response": answered.pk, "question": "remarks", "decision": "approve"}
    )

    assert response.status_code == 302  # to sign in
    assert (page.status_code, posted.status_code) == (403, 403)
    assert TextReview.objects.count() == 0


def test_a_resident_cannot_enter_paper_responses(client, resident, open_consultation):
    client.force_login(resident)

    page = client.get(_url("paper_response", open_consultation))

    assert page.status_code == 403


def test_the_process_page_links_the_questionnaire(client, resident, open_consultation):
    client.force_login(resident)

    page = client.get(open_consultation.process.get_absolute_url()).content.decode()

    assert _url("answer", open_consultation) in page
    assert "Answer the questionnaire" in page


@pytest.mark.parametrize(
    "forged",
    [
        {"q_cycling": "maybe"},
        {"q_cycling": "yes", "q_safety": "99"},
        {"q_cycling": "yes", "q_priorities__lanes": "7"},
        {"q_cycling": "yes", "q_danger__latitude": "north", "q_danger__longitude": "4.35"},
    ],
)
def test_forged_answers_come_back_refused_and_nothing_is_saved(client, resident, open_consultation, forged):
    client.force_login(resident)

    response = client.post(_url("answer", open_consultation), forged)

    assert response.status_code == 422
    assert "Please correct the following" in response.content.decode()
    assert Response.objects.count() == 0


def test_a_forged_review_is_a_404_not_an_error(client, moderator, open_consultation):
    client.force_login(moderator)

    response = client.post(_url("review", open_consultation), {"response": "1 OR 1=1", "question": "remarks"})

    assert response.status_code == 404
    assert TextReview.objects.count() == 0


def test_only_half_a_map_point_is_refused_in_words(client, resident, open_consultation):
    client.force_login(resident)

    response = client.post(_url("answer", open_consultation), {"q_cycling": "yes", "q_danger__latitude": "50.85"})

    assert response.status_code == 422
    assert "Give both the latitude and the longitude of the point." in response.content.decode()
