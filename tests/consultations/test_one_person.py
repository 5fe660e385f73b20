"""One response per person, online or on paper, not per account: a second account of the same verified person
changes the same response; a paper response and an online one of the same person never both count."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from samen.consultations import services
from samen.consultations.models import Response
from samen.processes import queries as process_queries
from tests.consultations.conftest import ANSWERS, consultation_at
from tests.factories import UserFactory
from tests.initiatives.conftest import Census
from tests.people import moved_verification, sign_up, verify

pytestmark = pytest.mark.django_db


@pytest.fixture
def administrator():
    return UserFactory(role="administrator", is_staff=True)


@pytest.fixture
def census(administrator):
    return Census(administrator)


@pytest.fixture
def person(census):
    return census.add(date(1985, 3, 14))


@pytest.fixture
def verified_consultation():
    """Laeken's consultation for verified residents."""
    return consultation_at("open", voters="any")


def _paper(client, questionnaire, person, sheet="C-017", **answers):
    number, born = person
    return client.post(
        reverse("consultations:paper_response", args=[questionnaire.process.slug]),
        {"paper_reference": sheet, "national_number": number, "born_on": born.isoformat(), **answers},
    )


def test_a_second_account_of_the_same_person_changes_the_same_response(census, administrator, verified_consultation):
    first, second = moved_verification(census, administrator)
    services.submit_response(questionnaire=verified_consultation, user=first, raw_answers=ANSWERS)

    services.submit_response(questionnaire=verified_consultation, user=second, raw_answers={"cycling": "no"})

    response = Response.objects.get()
    assert (response.voter, response.answers) == (second, {"cycling": "no"})


def test_staff_enter_a_paper_response_without_keeping_the_national_number(
    client, manager, person, verified_consultation
):
    client.force_login(manager)

    response = _paper(client, verified_consultation, person, q_cycling="no", q_safety="2")

    assert response.status_code == 302
    entered = Response.objects.get()
    assert (entered.voter, entered.entered_by, entered.paper_reference) == (None, manager, "C-017")
    assert entered.answers == {"cycling": "no", "safety": 2}
    assert person[0] not in str(Response.objects.values().get())


def test_a_paper_response_for_a_person_who_answered_online_is_refused(client, manager, person, verified_consultation):
    voter = sign_up(client, "nadia@example.org")
    verify(client, person)
    client.post(reverse("consultations:answer", args=[verified_consultation.process.slug]), {"q_cycling": "yes"})
    client.force_login(manager)

    response = _paper(client, verified_consultation, person, q_cycling="no")

    assert response.status_code == 422
    assert (
        "This person has already answered, online or on paper: this paper response does not count."
        in response.content.decode()
    )
    kept = Response.objects.get()
    assert (kept.voter, kept.paper_reference, kept.answers) == (voter, "", {"cycling": "yes"})


def test_a_person_whose_paper_response_is_entered_cannot_change_it_online(
    client, manager, person, verified_consultation
):
    client.force_login(manager)
    _paper(client, verified_consultation, person, q_cycling="no")
    resident = sign_up(client, "nadia@example.org")
    verify(client, person)
    resident.refresh_from_db()

    with pytest.raises(ValidationError) as refused:
        services.submit_response(questionnaire=verified_consultation, user=resident, raw_answers=ANSWERS)

    assert refused.value.messages == [
        "Your answers were entered on paper: they count as they are and cannot be changed online."
    ]
    assert list(Response.objects.values_list("answers", flat=True)) == [{"cycling": "no"}]


def test_a_paper_sheet_is_entered_once(client, manager, census, verified_consultation):
    client.force_login(manager)
    _paper(client, verified_consultation, census.add(date(1970, 1, 2)), q_cycling="no")

    response = _paper(client, verified_consultation, census.add(date(1971, 1, 2)), q_cycling="yes")

    assert response.status_code == 422
    assert "Paper response C-017 has already been entered." in response.content.decode()
    assert Response.objects.count() == 1


def test_a_paper_response_with_a_required_question_left_empty_is_refused_and_nothing_saved(
    client, manager, person, verified_consultation
):
    client.force_login(manager)

    response = _paper(client, verified_consultation, person, q_safety="3")

    assert response.status_code == 422
    assert "Answer this question: it is required." in response.content.decode()
    assert Response.objects.count() == 0


def test_the_process_counts_a_person_once_whether_they_answered_online_or_on_paper(
    client, manager, census, person, verified_consultation
):
    sign_up(client, "nadia@example.org")
    verify(client, person)
    client.post(reverse("consultations:answer", args=[verified_consultation.process.slug]), {"q_cycling": "yes"})
    client.force_login(manager)
    _paper(client, verified_consultation, census.add(date(1960, 5, 5)), q_cycling="no")
    _paper(client, verified_consultation, person, sheet="C-018", q_cycling="no")  # refused: she answered online

    counted = process_queries.participants([verified_consultation.process.pk])

    assert counted == {verified_consultation.process.pk: 2}
