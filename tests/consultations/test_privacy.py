"""A resident's responses in their data export and on "My participation"; after the account is deleted the response
stays, anonymous."""

import pytest
from django.urls import reverse

from samen.common.privacy import personal_data
from samen.consultations import services
from samen.consultations.models import Response
from tests.consultations.conftest import ANSWERS

pytestmark = pytest.mark.django_db


def test_the_data_export_holds_my_answers(resident, open_consultation):
    services.submit_response(questionnaire=open_consultation, user=resident, raw_answers={"cycling": "no"})

    exported = personal_data(resident)["consultation_responses"]

    assert [(row["process"], row["answers"]) for row in exported] == [
        (open_consultation.process.slug, {"cycling": "no"})
    ]


def test_my_participation_shows_the_consultation_and_until_when_i_can_change_my_answers(
    client, resident, open_consultation
):
    services.submit_response(questionnaire=open_consultation, user=resident, raw_answers=ANSWERS)
    client.force_login(resident)

    page = client.get(reverse("my_participation")).content.decode()

    assert "Consultations I answered" in page
    assert "You can change your answers" in page
    assert reverse("consultations:answer", args=[open_consultation.process.slug]) in page


def test_a_deleted_account_leaves_its_response_counted_without_a_name(resident, open_consultation):
    services.submit_response(questionnaire=open_consultation, user=resident, raw_answers=ANSWERS)

    resident.delete()

    assert list(Response.objects.values_list("voter", "answers")) == [(None, ANSWERS)]
