"""Registering for a meeting and cancelling: places, the waiting list in arrival order, and the refusals."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError

from samen.meetings import services
from samen.meetings.models import Meeting, Registration
from tests.factories import UserFactory
from tests.ideas.test_notifications import _run_worker
from tests.meetings.conftest import make_meeting

pytestmark = pytest.mark.django_db


def _statuses(meeting):
    return list(meeting.registrations.order_by("position").values_list("person__email", "status"))


def test_registrations_beyond_the_capacity_wait_in_arrival_order():
    meeting = make_meeting(capacity=2)
    people = [UserFactory(email=f"r{i}@example.org") for i in range(4)]

    for person in people:
        services.register(meeting=meeting, person=person)

    assert _statuses(meeting) == [
        ("r0@example.org", "registered"),
        ("r1@example.org", "registered"),
        ("r2@example.org", "waiting"),
        ("r3@example.org", "waiting"),
    ]


def test_a_cancellation_moves_the_first_waiting_up_and_mails_them_through_the_worker(
    django_capture_on_commit_callbacks,
):
    meeting = make_meeting(capacity=1)
    first, second, third = (UserFactory(email=f"p{i}@example.org", preferred_language="nl") for i in range(3))
    for person in (first, second, third):
        services.register(meeting=meeting, person=person)

    with django_capture_on_commit_callbacks(execute=True):
        moved = services.cancel_registration(meeting=meeting, person=first)
    sent_before_the_worker = len(mail.outbox)
    _run_worker()

    assert moved.person == second
    assert _statuses(meeting) == [("p1@example.org", "registered"), ("p2@example.org", "waiting")]
    assert sent_before_the_worker == 0
    assert [message.to for message in mail.outbox] == [["p1@example.org"]]
    assert "Wijkvergadering Laken" in mail.outbox[0].subject
    assert f"/nl/meetings/{meeting.pk}/meeting.ics" in mail.outbox[0].body


def test_leaving_the_waiting_list_moves_nobody_up(django_capture_on_commit_callbacks):
    meeting = make_meeting(capacity=1)
    first, second = UserFactory(), UserFactory()
    services.register(meeting=meeting, person=first)
    services.register(meeting=meeting, person=second)

    with django_capture_on_commit_callbacks(execute=True):
        moved = services.cancel_registration(meeting=meeting, person=second)
    _run_worker()

    assert moved is None
    assert list(meeting.registrations.values_list("status", flat=True)) == ["registered"]
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"in_days": -1}, "past"),
        ({"cancelled": True}, "cancelled"),
        ({"capacity": None}, "no_registration"),
    ],
)
def test_a_past_cancelled_or_open_door_meeting_refuses_registration(fields, code):
    meeting = make_meeting(**fields)

    with pytest.raises(ValidationError) as refused:
        services.register(meeting=meeting, person=UserFactory())

    assert refused.value.code == code
    assert meeting.registrations.count() == 0


def test_a_second_registration_is_refused_and_the_database_refuses_it_too():
    meeting = make_meeting()
    person = UserFactory()
    services.register(meeting=meeting, person=person)

    with pytest.raises(ValidationError) as refused:
        services.register(meeting=meeting, person=person)
    with pytest.raises(IntegrityError):
        Registration.objects.create(meeting=meeting, person=person, status="registered", position=99)

    assert refused.value.code == "already_registered"


def test_cancelling_without_a_registration_is_refused():
    with pytest.raises(ValidationError) as refused:
        services.cancel_registration(meeting=make_meeting(), person=UserFactory())

    assert refused.value.code == "not_registered"


def test_a_change_a_calendar_shows_raises_the_sequence_and_a_registration_does_not(manager):
    meeting = make_meeting()
    uid = meeting.uid

    meeting.starts_at += timedelta(hours=1)
    meeting.ends_at += timedelta(hours=1)
    services.save_meeting(meeting=meeting, by=manager)
    meeting.step_free = True  # not in the calendar: no new sequence
    services.save_meeting(meeting=meeting, by=manager)
    meeting.cancelled = True
    services.save_meeting(meeting=meeting, by=manager)
    services.register(meeting=make_meeting(), person=UserFactory())

    meeting.refresh_from_db()
    assert (meeting.sequence, meeting.uid) == (2, uid)


def test_only_a_manager_saves_a_meeting(resident):
    meeting = make_meeting()
    meeting.title_en = "Changed"

    with pytest.raises(PermissionDenied):
        services.save_meeting(meeting=meeting, by=resident)

    assert Meeting.objects.get(pk=meeting.pk).title_en == "Laeken neighbourhood meeting"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"address": "", "online_link": ""}, "A meeting needs an address, an online link, or both."),
        ({"title_fr": ""}, "A meeting needs a title and an agenda in Dutch and in French."),
        ({"agenda_nl": ""}, "A meeting needs a title and an agenda in Dutch and in French."),
    ],
)
def test_a_meeting_needs_a_place_or_a_link_and_its_texts_in_dutch_and_french(manager, fields, message):
    meeting = make_meeting()
    for name, value in fields.items():
        setattr(meeting, name, value)

    with pytest.raises(ValidationError) as refused:
        services.save_meeting(meeting=meeting, by=manager)

    assert message in refused.value.messages


def test_a_meeting_is_called_off_once(manager):
    meeting = make_meeting()
    services.cancel_meeting(meeting=meeting, by=manager)

    with pytest.raises(ValidationError) as refused:
        services.cancel_meeting(meeting=meeting, by=manager)

    assert refused.value.code == "cancelled"
    assert Meeting.objects.get(pk=meeting.pk).sequence == 1


def test_the_database_refuses_published_minutes_in_one_language_only():
    meeting = make_meeting(in_days=-1, minutes_nl="Het verslag.")

    with pytest.raises(IntegrityError):
        Meeting.objects.filter(pk=meeting.pk).update(minutes_published_at=meeting.starts_at)


def test_correcting_published_minutes_keeps_the_first_publication_date(manager):
    meeting = make_meeting(in_days=-3)
    first = services.publish_minutes(
        meeting=meeting, minutes={"nl": "Verslag", "fr": "PV"}, decisions={}, by=manager
    ).minutes_published_at

    again = services.publish_minutes(
        meeting=meeting, minutes={"nl": "Verslag, verbeterd", "fr": "PV corrigé"}, decisions={}, by=manager
    )

    assert (again.minutes_published_at, again.minutes_fr) == (first, "PV corrigé")


def test_a_resident_cannot_publish_minutes_or_call_a_meeting_off(resident):
    meeting = make_meeting(in_days=-1)

    with pytest.raises(PermissionDenied):
        services.publish_minutes(meeting=meeting, minutes={"nl": "x", "fr": "x"}, decisions={}, by=resident)
    with pytest.raises(PermissionDenied):
        services.cancel_meeting(meeting=make_meeting(), by=resident)

    assert list(Meeting.objects.values_list("minutes_nl", "cancelled")) == [("", False), ("", False)]
