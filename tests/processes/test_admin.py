"""Who may vote and when are announced before a vote opens; after that, the admin shows them but cannot change
them, while texts can still be corrected and later phases still planned."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from samen.processes.models import Process
from tests.factories import PhaseFactory, ProcessFactory

pytestmark = pytest.mark.django_db

LOCKED_PHASE = "A vote has opened: a phase that has started keeps its kind and its dates."
LOCKED_DELETE = "A vote has opened: a phase that has started cannot be deleted."
TOO_EARLY = "A vote has opened: a new phase can start tomorrow at the earliest."


def _day(offset: int):
    return timezone.localdate() + timedelta(days=offset)


def process_with_vote(vote_opens_in: int, kind: str = "shortlist_vote") -> Process:
    """A process for verified residents aged 16 or more: ideas collected, then a vote opening in `vote_opens_in`
    days (negative: it has opened)."""
    process = ProcessFactory(voters=Process.Voters.VERIFIED, minimum_age=16)
    PhaseFactory(process=process, kind="idea_collection", first_day=_day(-30), last_day=_day(vote_opens_in - 5))
    PhaseFactory(process=process, kind=kind, first_day=_day(vote_opens_in), last_day=_day(vote_opens_in + 10))
    return process


def _form(process: Process, *, phases: list[dict] | None = None, **overrides) -> dict:
    data = {
        "slug": process.slug,
        "status": process.status,
        "title_nl": process.title_nl,
        "title_fr": process.title_fr,
        "title_en": process.title_en,
        "description_nl": "",
        "description_fr": "",
        "description_en": "",
        "scope": process.scope,
        "municipality_nis": process.municipality_nis,
        "neighbourhood_code": "",
        "voters": process.voters,
        "minimum_age": process.minimum_age,
        "themes-TOTAL_FORMS": "0",
        "themes-INITIAL_FORMS": "0",
    }
    rows = phases if phases is not None else _phase_rows(process)
    initial = sum(1 for row in rows if row.get("id"))
    data |= {"phases-TOTAL_FORMS": str(len(rows)), "phases-INITIAL_FORMS": str(initial)}
    for index, row in enumerate(rows):
        for name, value in row.items():
            data[f"phases-{index}-{name}"] = value
        data[f"phases-{index}-process"] = process.pk
    return data | overrides


def _phase_rows(process: Process) -> list[dict]:
    return [
        {"id": phase.pk, "kind": phase.kind, "first_day": phase.first_day, "last_day": phase.last_day}
        for phase in process.phases.order_by("first_day")
    ]


def _post(client, process, data):
    return client.post(reverse("admin:processes_process_change", args=[process.pk]), data)


def _timeline(process) -> list[tuple]:
    return list(process.phases.order_by("first_day").values_list("kind", "first_day", "last_day"))


def test_the_electorate_can_change_before_the_vote_opens(client, manager):
    process = process_with_vote(vote_opens_in=3)
    client.force_login(manager)

    response = _post(client, process, _form(process, voters=Process.Voters.EID, minimum_age=18))

    process.refresh_from_db()
    assert response.status_code == 302
    assert (process.voters, process.minimum_age) == (Process.Voters.EID, 18)


@pytest.mark.parametrize("kind", ["shortlist_vote", "budget_ballot"])
def test_the_electorate_cannot_change_once_a_vote_has_opened(client, manager, kind):
    process = process_with_vote(vote_opens_in=-1, kind=kind)
    client.force_login(manager)

    _post(client, process, _form(process, voters=Process.Voters.SIGNED_IN, minimum_age=0, title_en="Renamed"))

    process.refresh_from_db()
    assert (process.voters, process.minimum_age) == (Process.Voters.VERIFIED, 16)
    assert process.title_en == "Renamed"


def test_the_admin_shows_the_electorate_without_a_field_to_change_it_once_the_vote_has_opened(client, manager):
    process = process_with_vote(vote_opens_in=-1)
    client.force_login(manager)

    page = client.get(reverse("admin:processes_process_change", args=[process.pk])).content.decode()

    assert 'name="voters"' not in page
    assert 'name="minimum_age"' not in page
    assert "Verified residents (a letter, the identity card or the eID)" in page


def test_a_phase_can_be_moved_before_the_vote_opens(client, manager):
    process = process_with_vote(vote_opens_in=3)
    rows = _phase_rows(process)
    rows[0]["last_day"] = _day(0)
    client.force_login(manager)

    response = _post(client, process, _form(process, phases=rows))

    assert response.status_code == 302
    assert _timeline(process)[0] == ("idea_collection", _day(-30), _day(0))


def test_the_running_vote_cannot_be_extended_or_shortened(client, manager):
    process = process_with_vote(vote_opens_in=-1)
    before = _timeline(process)
    rows = _phase_rows(process)
    rows[1]["last_day"] = _day(30)
    client.force_login(manager)

    response = _post(client, process, _form(process, phases=rows))

    assert response.status_code == 200
    assert response.context["inline_admin_formsets"][1].formset.errors[1] == {"last_day": [LOCKED_PHASE]}
    assert _timeline(process) == before


def test_a_past_phase_cannot_be_redated_or_deleted_once_the_vote_has_opened(client, manager):
    process = process_with_vote(vote_opens_in=-1)
    before = _timeline(process)
    rows = _phase_rows(process)
    rows[0]["first_day"] = _day(-40)
    rows[1]["DELETE"] = "on"
    client.force_login(manager)

    response = _post(client, process, _form(process, phases=rows))

    errors = response.context["inline_admin_formsets"][1].formset.errors
    assert (errors[0], errors[1]) == ({"first_day": [LOCKED_PHASE]}, {"DELETE": [LOCKED_DELETE]})
    assert _timeline(process) == before


def test_a_phase_starting_before_now_cannot_be_added_once_the_vote_has_opened(client, manager):
    process = process_with_vote(vote_opens_in=-1)
    before = _timeline(process)
    rows = [*_phase_rows(process), {"kind": "information", "first_day": _day(0), "last_day": _day(0)}]
    client.force_login(manager)

    response = _post(client, process, _form(process, phases=rows))

    assert response.context["inline_admin_formsets"][1].formset.errors[2] == {"first_day": [TOO_EARLY]}
    assert _timeline(process) == before


def test_a_later_phase_can_still_be_planned_once_the_vote_has_opened(client, manager):
    process = process_with_vote(vote_opens_in=-1)
    rows = [*_phase_rows(process), {"kind": "follow_up", "first_day": _day(20), "last_day": _day(200)}]
    client.force_login(manager)

    response = _post(client, process, _form(process, phases=rows))

    assert response.status_code == 302
    assert _timeline(process)[-1] == ("follow_up", _day(20), _day(200))


def test_a_resident_cannot_change_a_process_in_the_admin(client, resident):
    process = process_with_vote(vote_opens_in=3)
    client.force_login(resident)

    response = _post(client, process, _form(process, minimum_age=0))

    process.refresh_from_db()
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    assert process.minimum_age == 16
