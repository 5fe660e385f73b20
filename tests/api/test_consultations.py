"""/api/v1/consultations: the questionnaires of published processes, and their results once the consultation has
ended, the same figures as the results page with exact shares; never a respondent."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from samen.consultations import services
from samen.processes.models import Phase, Process
from tests.consultations.conftest import ANSWERS, consultation_at
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LIST, RESULTS = "/api/v1/consultations", "/api/v1/consultations/{slug}/results"


def _ended_with_answers(moderator):
    questionnaire = consultation_at("open")
    alice = UserFactory(email="alice.answers@example.org", display_name="Alice Answers")
    services.submit_response(questionnaire=questionnaire, user=alice, raw_answers=ANSWERS)
    other = services.submit_response(
        questionnaire=questionnaire,
        user=UserFactory(),
        raw_answers={"cycling": "no", "safety": 1, "name_it": "Canal ride", "remarks": "Call Alice on 0470 12"},
    )
    services.review_text_answer(response=other, question_key="name_it", moderator=moderator, approve=True)
    services.submit_response(questionnaire=questionnaire, user=UserFactory(), raw_answers={"cycling": "yes"})
    today = timezone.localdate()
    Phase.objects.filter(process=questionnaire.process).update(
        first_day=today - timedelta(20), last_day=today - timedelta(1)
    )
    return questionnaire


def test_the_list_gives_the_consultations_of_published_processes_and_whether_results_are_public(client, check):
    running = consultation_at("open")
    ended = consultation_at("ended")
    draft = consultation_at("ended")
    Process.objects.filter(pk=draft.process_id).update(status=Process.Status.DRAFT)

    data = check(client.get(LIST), LIST)

    assert data["count"] == 2
    by_slug = {c["process"]: c for c in data["results"]}
    assert set(by_slug) == {running.process.slug, ended.process.slug}
    assert (by_slug[running.process.slug]["results_public"], by_slug[running.process.slug]["results_url"]) == (
        False,
        None,
    )
    assert by_slug[ended.process.slug]["results_public"] is True
    assert by_slug[ended.process.slug]["results_url"].endswith(f"/processes/{ended.process.slug}/consultation/results/")
    assert by_slug[ended.process.slug]["introduction"]["nl"] == "Fietsen in Laken"
    assert by_slug[ended.process.slug]["last_day"] == (timezone.localdate() - timedelta(1)).isoformat()


def test_the_results_are_the_results_pages_figures_with_exact_shares(client, check, moderator):
    questionnaire = _ended_with_answers(moderator)
    slug = questionnaire.process.slug

    response = client.get(RESULTS.format(slug=slug))

    data = check(response, RESULTS)
    page = client.get(reverse("consultations:results", args=[slug])).context
    assert data["responses"] == page["responses"] == 3
    by_key = {q["key"]: q for q in data["questions"]}
    for shown in page["questions"]:
        assert (by_key[shown["question"].key]["seen"], by_key[shown["question"].key]["answered"]) == (
            shown["seen"],
            shown["answered"],
        )
    assert by_key["cycling"]["counts"] == {"yes": 2, "no": 1}
    assert by_key["cycling"]["shares"] == {"yes": "2/3", "no": "1/3"}
    assert by_key["routes"]["seen"] == 2
    assert by_key["safety"]["mean"] == "5/2"
    assert by_key["safety"]["distribution"] == {"1": 1, "2": 0, "3": 0, "4": 1, "5": 0}
    assert by_key["priorities"]["borda"] == {"lanes": 2, "parking": 0, "lights": 1}
    assert by_key["danger"]["points"] == 1
    assert by_key["name_it"]["texts"] == ["Canal ride"]  # listed by a moderator; "Green line" waits
    body = response.content.decode()
    for personal in ("alice.answers@example.org", "Alice Answers", "Call Alice", "Green line"):
        assert personal not in body


def test_the_results_are_hidden_until_the_consultation_ends(client, resident):
    running = consultation_at("open")
    services.submit_response(questionnaire=running, user=resident, raw_answers=ANSWERS)

    response = client.get(RESULTS.format(slug=running.process.slug))

    assert response.status_code == 404
    assert response.json()["detail"] == "The results of this consultation are public once it has ended."


def test_a_draft_process_or_an_unknown_address_is_a_404(client):
    draft = consultation_at("ended")
    Process.objects.filter(pk=draft.process_id).update(status=Process.Status.DRAFT)

    assert client.get(RESULTS.format(slug=draft.process.slug)).status_code == 404
    assert client.get(RESULTS.format(slug="no-such-consultation")).status_code == 404


def test_the_list_is_paged_within_bounds(client, check):
    for _ in range(3):
        consultation_at("ended")

    data = check(client.get(LIST, {"limit": 2}), LIST)

    assert (data["count"], len(data["results"]), data["previous"]) == (3, 2, None)
    assert data["next"].endswith("limit=2&offset=2")
    assert client.get(LIST, {"limit": 0}).status_code == 422


@pytest.mark.parametrize("consultations", [1, 3])
def test_the_list_asks_the_database_the_same_number_of_times_for_one_or_three(
    client, django_assert_num_queries, consultations
):
    for _ in range(consultations):
        consultation_at("ended")

    with django_assert_num_queries(3):
        assert client.get(LIST).status_code == 200
