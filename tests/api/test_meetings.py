"""/api/v1/meetings: the meetings the public calendar shows, with place, time, link and accessibility; a draft
process's meetings stay out, and so does whoever registered."""

from datetime import timedelta

import pytest

from samen.common import clock
from samen.meetings.models import Registration
from samen.processes.models import Process
from tests.factories import ProcessFactory, UserFactory
from tests.meetings.conftest import make_meeting

pytestmark = pytest.mark.django_db

LIST, ONE = "/api/v1/meetings", "/api/v1/meetings/{pk}"


def test_the_list_gives_public_meetings_soonest_first_and_hides_a_draft_process(client, check):
    later = make_meeting(in_days=10, process=ProcessFactory(slug="bockstael"), step_free=True, interpretation="NGT")
    sooner = make_meeting(in_days=2, address="", online_link="https://meet.example.org/laeken", cancelled=True)
    make_meeting(in_days=5, process=ProcessFactory(slug="secret", status=Process.Status.DRAFT), title_en="Secret")

    data = check(client.get(LIST), LIST)

    assert data["count"] == 2
    assert [m["id"] for m in data["results"]] == [sooner.pk, later.pk]
    online, place = data["results"]
    assert (online["venue"], online["online_link"], online["cancelled"]) == (
        "",
        "https://meet.example.org/laeken",
        True,
    )
    assert place["title"] == {
        "nl": "Wijkvergadering Laken",
        "fr": "Réunion de quartier Laeken",
        "en": "Laeken neighbourhood meeting",
    }
    assert (place["venue"], place["latitude"], place["longitude"]) == (
        "Place Émile Bockstael 1, 1020 Laeken",
        50.8768,
        4.3497,
    )
    assert place["accessibility"] == {"step_free": True, "interpretation": "NGT", "childcare": False}
    assert (place["process"], place["council"]) == ("bockstael", None)
    assert place["url"].endswith(f"/meetings/{later.pk}/")
    assert place["ics_url"].endswith(f"/meetings/{later.pk}/meeting.ics")


def test_from_and_to_keep_the_meetings_of_the_period(client, check):
    make_meeting(in_days=-3, title_en="Past")
    make_meeting(in_days=3, title_en="Soon")
    make_meeting(in_days=30, title_en="Later")
    today = clock.now().date()
    period = {"from": today.isoformat(), "to": (today + timedelta(days=10)).isoformat()}

    data = check(client.get(LIST, period), LIST)

    assert [m["title"]["en"] for m in data["results"]] == ["Soon"]


def test_a_period_ending_before_it_starts_is_refused_in_words(client):
    response = client.get(LIST, {"from": "2026-05-10", "to": "2026-05-01"})

    assert response.status_code == 422
    assert response.json()["detail"] == "The end of the period cannot come before its start."


def test_the_list_is_paged_within_bounds(client, check):
    for days in (1, 2, 3):
        make_meeting(in_days=days)

    data = check(client.get(LIST, {"limit": 2, "offset": 2}), LIST)

    assert (data["count"], len(data["results"]), data["next"]) == (3, 1, None)
    assert data["previous"].endswith("limit=2&offset=0")
    assert client.get(LIST, {"limit": 101}).status_code == 422
    assert client.get(LIST, {"offset": -1}).status_code == 422


def test_one_meeting_names_nobody_who_registered(client, check):
    meeting = make_meeting()
    person = UserFactory(email="rita.registered@example.org", display_name="Rita Registered")
    Registration.objects.create(meeting=meeting, person=person, status="registered", position=1)

    response = client.get(ONE.format(pk=meeting.pk))

    data = check(response, ONE)
    assert data["id"] == meeting.pk
    assert "rita" not in response.content.decode().lower()


def test_an_unknown_meeting_or_one_of_a_draft_process_is_a_404(client):
    hidden = make_meeting(process=ProcessFactory(status=Process.Status.DRAFT))

    assert client.get(ONE.format(pk=hidden.pk)).status_code == 404
    assert client.get(ONE.format(pk=hidden.pk + 1000)).status_code == 404
    assert client.get(ONE.format(pk=2**70)).status_code == 404


@pytest.mark.parametrize("meetings", [1, 3])
def test_the_list_asks_the_database_the_same_number_of_times_for_one_or_three(
    client, django_assert_num_queries, meetings
):
    for days in range(meetings):
        make_meeting(in_days=days + 1, process=ProcessFactory())

    with django_assert_num_queries(2):
        assert client.get(LIST).status_code == 200
