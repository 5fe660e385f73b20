"""The anonymous CSV export: one row per response and a column per question, and nothing that tells who answered
or when."""

import csv
import io
import re
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from samen.consultations import services
from samen.consultations.models import Response
from tests.consultations.conftest import ANSWERS, consultation_at
from tests.factories import UserFactory
from tests.initiatives.conftest import Census

pytestmark = pytest.mark.django_db


def _rows(client, questionnaire) -> list[list[str]]:
    response = client.get(reverse("consultations:export", args=[questionnaire.process.slug]))
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_the_export_holds_every_response_and_no_personal_data(client):
    questionnaire = consultation_at("open", voters="any")
    administrator = UserFactory(role="administrator", is_staff=True)
    census = Census(administrator)
    nadia = census.verified(
        born=date(1985, 3, 14), id=900_001, email="nadia.el-idrissi@example.org", display_name="Nadia El Idrissi"
    )
    jan = census.verified(
        born=date(1990, 6, 2), id=900_002, email="jan.peeters@example.org", display_name="Jan Peeters"
    )
    manager = UserFactory(id=900_003, role="process_manager", is_staff=True, display_name="Sofie Staff")
    paper_number, paper_born = census.add(date(1950, 11, 30))
    services.submit_response(questionnaire=questionnaire, user=nadia, raw_answers=ANSWERS)
    services.submit_response(
        questionnaire=questionnaire,
        user=jan,
        raw_answers={"cycling": "no", "remarks": "Call me, Jan, on 0470 12 34 56"},
    )
    services.enter_paper_response(
        questionnaire=questionnaire,
        staff=manager,
        paper_reference="SHEET-4711",
        national_number=paper_number,
        born_on=paper_born,
        raw_answers={"cycling": "yes", "safety": 2},
    )
    yesterday = timezone.localdate() - timedelta(days=1)
    questionnaire.process.phases.update(first_day=yesterday - timedelta(days=10), last_day=yesterday)
    personal = {"900001", "900002", "900003", "SHEET-4711", paper_number, "1950-11-30", "0470 12 34 56"}
    for user in (nadia, jan, manager):
        personal |= {user.email, user.display_name}
    for response in Response.objects.all():
        personal |= {response.voter_key, response.created_at.isoformat(), response.updated_at.isoformat()}
        personal |= {str(response.created_at.date()), str(response.updated_at.date())}

    header, *rows = _rows(client, questionnaire)

    assert header == [
        "response",
        "paper",
        "assisted",
        "cycling",
        "routes",
        "priorities",
        "safety",
        "name_it",
        "remarks",
        "danger_latitude",
        "danger_longitude",
    ]
    assert len(rows) == 3
    assert sorted(row[1] for row in rows) == ["no", "no", "yes"]
    assert [row[2] for row in rows] == ["no", "no", "no"]
    leaks = [cell for row in rows for cell in row for value in personal if value and value in cell]
    times = [cell for row in rows for cell in row if re.search(r"\d\d:\d\d", cell)]
    assert (leaks, times) == ([], [])


def test_an_approved_text_is_exported_and_one_waiting_for_review_is_not(client, moderator):
    questionnaire = consultation_at("open")
    services.submit_response(questionnaire=questionnaire, user=UserFactory(), raw_answers=ANSWERS)
    waiting = services.submit_response(
        questionnaire=questionnaire, user=UserFactory(), raw_answers={"cycling": "no", "remarks": "Not yet read"}
    )
    services.review_text_answer(
        response=Response.objects.exclude(pk=waiting.pk).get(),
        question_key="remarks",
        moderator=moderator,
        approve=True,
    )
    yesterday = timezone.localdate() - timedelta(days=1)
    questionnaire.process.phases.update(first_day=yesterday - timedelta(days=10), last_day=yesterday)

    _header, *rows = _rows(client, questionnaire)

    assert sorted(row[8] for row in rows) == ["", "More light under the bridge."]


def test_the_export_waits_for_the_end_of_the_consultation(client, resident, open_consultation):
    client.force_login(resident)

    response = client.get(reverse("consultations:export", args=[open_consultation.process.slug]))

    assert response.status_code == 404


def test_a_response_entered_with_a_facilitator_is_marked_and_nothing_tells_who(client):
    from samen.assisted.services import ConsentGiven

    questionnaire = consultation_at("open", voters="any")
    administrator = UserFactory(role="administrator", is_staff=True)
    census = Census(administrator)
    facilitator = UserFactory(role="facilitator", display_name="Karim (EPN Laeken)")
    number, born = census.add(date(1950, 6, 2))
    services.submit_response(
        questionnaire=questionnaire, user=census.verified(born=date(1985, 3, 14)), raw_answers=ANSWERS
    )
    services.enter_assisted_response(
        questionnaire=questionnaire,
        facilitator=facilitator,
        consent=ConsentGiven(
            national_number=number, born_on=born, place="EPN Laeken", agreed_to="Agreed.", resident_name="Fatima B."
        ),
        raw_answers={"cycling": "no"},
    )
    yesterday = timezone.localdate() - timedelta(days=1)
    questionnaire.process.phases.update(first_day=yesterday - timedelta(days=10), last_day=yesterday)

    _header, *rows = _rows(client, questionnaire)

    assert sorted((row[2], row[3]) for row in rows) == [("no", "yes"), ("yes", "no")]
    personal = {number, "Fatima", "Karim", "EPN Laeken", "1950-06-02"}
    assert [cell for row in rows for cell in row for value in personal if value in cell] == []
