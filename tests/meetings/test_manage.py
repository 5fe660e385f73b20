"""The managers' pages outside the admin: plan a meeting in Brussels time, change it (more places move the waiting
up, fewer than registered are refused), call it off (everyone registered or waiting is told), publish its minutes
in Dutch and French; bad input comes back with its reasons and nothing saved; residents are refused."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.urls import reverse

from samen.common import clock
from samen.meetings import services
from samen.meetings.forms import MeetingForm
from samen.meetings.models import Meeting, Registration
from samen.panels.models import Council
from tests.factories import UserFactory
from tests.ideas.test_notifications import _run_worker
from tests.meetings.conftest import make_meeting

pytestmark = pytest.mark.django_db

BRUSSELS = ZoneInfo("Europe/Brussels")


def _form(**fields) -> dict:
    return {
        "title_nl": "Wijkraad Laken",
        "title_fr": "Conseil de quartier Laeken",
        "agenda_nl": "1. Het Bockstaelplein",
        "agenda_fr": "1. La place Bockstael",
        "starts_at": "2027-03-04T19:00",
        "ends_at": "2027-03-04T21:00",
        "address": "Place Émile Bockstael 1, 1020 Laeken",
        "latitude": "50.8768",
        "longitude": "4.3497",
        "capacity": "25",
        "step_free": "on",
        "interpretation": "",
        "online_link": "",
        **fields,
    }


def _council() -> Council:
    return Council.objects.create(
        slug="laeken",
        name_nl="Wijkraad Laken",
        name_fr="Conseil de quartier Laeken",
        drawn_seats=10,
        delegate_seats=5,
        term_start=datetime(2026, 1, 1).date(),
        term_end=datetime(2028, 1, 1).date(),
    )


def _fill(meeting: Meeting, count: int, status: str = "registered", start: int = 1) -> list:
    people = [UserFactory(email=f"{status}{start + i}@example.org") for i in range(count)]
    for i, person in enumerate(people):
        Registration.objects.create(meeting=meeting, person=person, status=status, position=start + i)
    return people


def test_a_manager_plans_a_council_meeting_in_brussels_time(client, manager):
    council = _council()
    client.force_login(manager)

    page = client.get(reverse("meetings:new") + "?council=laeken")
    response = client.post(reverse("meetings:new"), _form(council=str(council.pk)))

    assert page.context["form"].initial["council"] == council
    meeting = Meeting.objects.get()
    assert response["Location"] == meeting.get_absolute_url()
    assert meeting.council == council
    assert meeting.starts_at == datetime(2027, 3, 4, 19, 0, tzinfo=BRUSSELS)
    assert (meeting.capacity, meeting.step_free, meeting.childcare) == (25, True, False)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"ends_at": "2027-03-04T18:00"}, "The meeting must end after it starts."),
        ({"address": "", "online_link": ""}, "A meeting needs an address, an online link, or both."),
        ({"title_fr": ""}, "This field is required."),
        ({"latitude": ""}, "Give both the latitude and the longitude of the map point, or neither."),
        ({"latitude": "48.85", "longitude": "2.35"}, "This location is outside the Brussels-Capital Region."),
        ({"starts_at": "4 March, 7 pm"}, "Enter a valid date/time."),
        ({"process": "", "council": "", "capacity": "-3"}, "Ensure this value is greater than or equal to 0."),
        ({"capacity": "1" + "0" * 30}, "Ensure this value is less than or equal to"),
        ({"online_link": "javascript:alert(1)"}, "Enter a valid URL."),
    ],
)
def test_bad_input_comes_back_with_its_reason_and_nothing_is_saved(client, manager, fields, message):
    client.force_login(manager)

    response = client.post(reverse("meetings:new"), _form(**fields))

    assert response.status_code == 422
    assert message in response.content.decode()
    assert 'class="utrecht-alert utrecht-alert--error error-summary"' in response.content.decode()
    assert Meeting.objects.count() == 0


def test_a_meeting_of_a_process_and_a_council_at_once_is_refused(client, manager, open_process):
    council = _council()
    client.force_login(manager)

    response = client.post(reverse("meetings:new"), _form(process=str(open_process.pk), council=str(council.pk)))

    assert response.status_code == 422
    assert "A meeting belongs to a process or to a council, not both." in response.content.decode()
    assert Meeting.objects.count() == 0


def test_fewer_places_than_registered_are_refused_and_nothing_changes(client, manager):
    meeting = make_meeting(capacity=3)
    _fill(meeting, 3)
    client.force_login(manager)

    response = client.post(reverse("meetings:edit", args=[meeting.pk]), _form(capacity="2", title_nl="Nieuw"))

    assert response.status_code == 422
    assert "3 people are already registered: the meeting needs at least that many places." in response.content.decode()
    meeting.refresh_from_db()
    assert (meeting.capacity, meeting.title_nl, meeting.sequence) == (3, "Wijkvergadering Laken", 0)


def test_more_places_move_the_first_waiting_up_and_tell_them(client, manager, django_capture_on_commit_callbacks):
    meeting = make_meeting(capacity=1)
    _fill(meeting, 1)
    _fill(meeting, 3, status="waiting", start=2)
    client.force_login(manager)
    fields = _form(capacity="3")
    fields["starts_at"] = meeting.starts_at.astimezone(BRUSSELS).strftime("%Y-%m-%dT%H:%M")
    fields["ends_at"] = meeting.ends_at.astimezone(BRUSSELS).strftime("%Y-%m-%dT%H:%M")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("meetings:edit", args=[meeting.pk]), fields)
    _run_worker()

    assert response.status_code == 302
    statuses = list(meeting.registrations.order_by("position").values_list("person__email", "status"))
    assert statuses == [
        ("registered1@example.org", "registered"),
        ("waiting2@example.org", "registered"),
        ("waiting3@example.org", "registered"),
        ("waiting4@example.org", "waiting"),
    ]
    assert sorted(message.to[0] for message in mail.outbox) == ["waiting2@example.org", "waiting3@example.org"]


def test_a_moved_meeting_gets_a_new_calendar_sequence(client, manager):
    meeting = make_meeting()
    client.force_login(manager)

    client.post(reverse("meetings:edit", args=[meeting.pk]), _form())

    meeting.refresh_from_db()
    assert (meeting.starts_at, meeting.sequence) == (datetime(2027, 3, 4, 19, 0, tzinfo=BRUSSELS), 1)


def test_calling_a_meeting_off_tells_everyone_registered_or_waiting(
    client, manager, django_capture_on_commit_callbacks
):
    meeting = make_meeting(capacity=1)
    _fill(meeting, 1)
    _fill(meeting, 1, status="waiting", start=2)
    client.force_login(manager)

    asked = client.get(reverse("meetings:cancel_meeting", args=[meeting.pk]))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("meetings:cancel_meeting", args=[meeting.pk]), follow=True)
    _run_worker()

    assert "2 people registered or waiting will be told by e-mail." in asked.content.decode()
    assert "This meeting is cancelled." in response.content.decode()
    meeting.refresh_from_db()
    assert (meeting.cancelled, meeting.sequence) == (True, 1)
    assert sorted(message.to[0] for message in mail.outbox) == ["registered1@example.org", "waiting2@example.org"]
    assert "Réunion de quartier Laeken" in mail.outbox[0].subject  # in the registrant's language (French)


def test_a_past_meeting_cannot_be_called_off(client, manager):
    meeting = make_meeting(in_days=-2)
    client.force_login(manager)

    response = client.post(reverse("meetings:cancel_meeting", args=[meeting.pk]))

    assert response.status_code == 422
    assert "This meeting has already taken place." in response.content.decode()
    assert Meeting.objects.get(pk=meeting.pk).cancelled is False


def test_minutes_are_published_in_dutch_and_french_and_show_on_the_page(client, manager):
    meeting = make_meeting(in_days=-2)
    client.force_login(manager)

    response = client.post(
        reverse("meetings:minutes", args=[meeting.pk]),
        {
            "minutes_nl": "Dertig bewoners kwamen.",
            "minutes_fr": "Trente habitants sont venus.",
            "decisions_nl": "Een nieuwe bank.",
            "decisions_fr": "Un nouveau banc.",
        },
    )
    french = client.get(meeting.get_absolute_url().replace("/en/", "/fr/")).content.decode()

    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.minutes_published_at <= clock.now()
    assert "Trente habitants sont venus." in french
    assert "Un nouveau banc." in french


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"minutes_fr": ""}, "This field is required."),
        ({"decisions_fr": ""}, "Write the decisions in Dutch and in French, or neither."),
    ],
)
def test_minutes_in_one_language_only_are_refused(client, manager, fields, message):
    meeting = make_meeting(in_days=-2)
    client.force_login(manager)
    texts = {"minutes_nl": "PV", "minutes_fr": "PV", "decisions_nl": "Besluit", "decisions_fr": "Décision"}

    response = client.post(reverse("meetings:minutes", args=[meeting.pk]), texts | fields)

    assert response.status_code == 422
    assert message in response.content.decode()
    meeting.refresh_from_db()
    assert (meeting.minutes_published_at, meeting.minutes_nl) == (None, "")


def test_minutes_of_a_meeting_still_to_come_are_refused(client, manager):
    meeting = make_meeting(in_days=3)
    client.force_login(manager)

    response = client.post(reverse("meetings:minutes", args=[meeting.pk]), {"minutes_nl": "PV", "minutes_fr": "PV"})

    assert response.status_code == 422
    assert "Minutes are published once the meeting has taken place." in response.content.decode()
    assert Meeting.objects.get(pk=meeting.pk).minutes_published_at is None


def test_the_manager_sees_who_registered_and_a_resident_does_not(client, manager, resident):
    meeting = make_meeting(capacity=1)
    services.register(meeting=meeting, person=UserFactory(display_name="Amina Benali"))
    services.register(meeting=meeting, person=UserFactory(display_name="Jan Peeters"))
    client.force_login(resident)
    seen_by_resident = client.get(meeting.get_absolute_url()).content.decode()
    client.force_login(manager)

    seen_by_manager = client.get(meeting.get_absolute_url()).content.decode()

    assert "Amina Benali" in seen_by_manager
    assert "Jan Peeters — waiting list, number 1" in seen_by_manager
    assert reverse("meetings:edit", args=[meeting.pk]) in seen_by_manager
    assert "Amina Benali" not in seen_by_resident
    assert "Jan Peeters" not in seen_by_resident
    assert reverse("meetings:edit", args=[meeting.pk]) not in seen_by_resident


def test_the_calendar_offers_a_manager_to_plan_a_meeting_of_the_council(client, manager, resident):
    _council()
    url = reverse("meetings:council_calendar", args=["laeken"])
    client.force_login(resident)
    for_resident = client.get(url).content.decode()
    client.force_login(manager)

    for_manager = client.get(url).content.decode()

    assert reverse("meetings:new") + "?council=laeken" in for_manager
    assert reverse("meetings:new") not in for_resident


def test_a_resident_is_refused_on_every_managers_page_and_nothing_changes(client, resident):
    meeting = make_meeting(in_days=-1)
    client.force_login(resident)
    pages = [
        reverse("meetings:new"),
        reverse("meetings:edit", args=[meeting.pk]),
        reverse("meetings:cancel_meeting", args=[meeting.pk]),
        reverse("meetings:minutes", args=[meeting.pk]),
    ]

    got = [client.get(url).status_code for url in pages]
    posted = [client.post(url, _form(minutes_nl="PV", minutes_fr="PV")).status_code for url in pages]

    assert got == [403] * 4
    assert posted == [403] * 4
    assert list(Meeting.objects.values_list("title_nl", "cancelled", "minutes_nl")) == [
        ("Wijkvergadering Laken", False, "")
    ]


def test_minutes_published_while_a_manager_edits_the_meeting_are_kept(manager):
    meeting = make_meeting(in_days=-1)
    stale = Meeting.objects.get(pk=meeting.pk)  # what the edit form was built on
    services.publish_minutes(
        meeting=Meeting.objects.get(pk=meeting.pk), minutes={"nl": "Verslag", "fr": "PV"}, decisions={}, by=manager
    )
    form = MeetingForm(_form(title_nl="Wijkraad Laken, verplaatst"), instance=stale)
    assert form.is_valid(), form.errors

    services.save_meeting(meeting=form.instance, by=manager, fields=form.changed_data)

    meeting.refresh_from_db()
    assert (meeting.title_nl, meeting.minutes_nl, meeting.minutes_fr, meeting.minutes_published) == (
        "Wijkraad Laken, verplaatst",
        "Verslag",
        "PV",
        True,
    )
    # The edit moved the meeting: calendars see the change.
    assert (meeting.starts_at, meeting.sequence) == (datetime(2027, 3, 4, 19, 0, tzinfo=BRUSSELS), 1)


def test_an_edit_saved_while_a_manager_writes_the_minutes_is_kept(client, manager):
    meeting = make_meeting(in_days=-1)
    stale = Meeting.objects.get(pk=meeting.pk)  # what the minutes page was built on
    client.force_login(manager)
    client.post(reverse("meetings:edit", args=[meeting.pk]), _form(title_nl="Wijkraad Laken, verplaatst"))

    services.publish_minutes(meeting=stale, minutes={"nl": "Verslag", "fr": "PV"}, decisions={}, by=manager)

    meeting.refresh_from_db()
    assert (meeting.title_nl, meeting.minutes_nl, meeting.sequence) == ("Wijkraad Laken, verplaatst", "Verslag", 1)


def test_an_edit_from_a_page_opened_before_the_meeting_was_called_off_does_not_restore_it(manager):
    meeting = make_meeting()
    form = MeetingForm(_form(interpretation="Nederlands en Frans"), instance=Meeting.objects.get(pk=meeting.pk))
    services.cancel_meeting(meeting=meeting, by=manager)
    assert form.is_valid(), form.errors

    services.save_meeting(meeting=form.instance, by=manager, fields=form.changed_data)

    meeting.refresh_from_db()
    assert (meeting.cancelled, meeting.interpretation) == (True, "Nederlands en Frans")
