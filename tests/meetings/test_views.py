"""A meeting's page (Brussels time, place, accessibility, register and cancel with plain forms), the calendars,
and the process page's link to its calendar."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from samen.common import clock
from samen.meetings.models import Meeting, Registration
from samen.panels.models import Council
from tests.factories import ProcessFactory, UserFactory
from tests.meetings.conftest import make_meeting
from tests.permission_objects import Census

pytestmark = pytest.mark.django_db

BRUSSELS = ZoneInfo("Europe/Brussels")


def test_the_page_shows_the_time_in_brussels_the_map_the_agenda_and_the_accessibility(client):
    meeting = make_meeting(
        in_days=30,
        step_free=True,
        interpretation="Belgian Sign Language",
        minutes_fr="Le PV.",
        minutes_nl="Het PV.",
        minutes_published_at=clock.now(),
    )
    meeting.starts_at = datetime(2027, 1, 14, 18, 30, tzinfo=BRUSSELS)
    meeting.ends_at = datetime(2027, 1, 14, 20, 0, tzinfo=BRUSSELS)
    meeting.save()

    page = client.get(reverse("meetings:meeting", args=[meeting.pk])).content.decode()

    assert "Thursday 14 January 2027, 18:30" in page
    assert "https://www.openstreetmap.org/?mlat=50.876800&amp;mlon=4.349700" in page
    assert "La place Bockstael" in page
    assert "Step-free access" in page
    assert "Belgian Sign Language" in page
    assert "No childcare" in page
    assert "Le PV." in page


def test_a_resident_registers_then_cancels_with_plain_forms(client, resident):
    meeting = make_meeting(capacity=1)
    client.force_login(resident)

    registered = client.post(reverse("meetings:register", args=[meeting.pk]), follow=True)
    mine = list(Registration.objects.filter(meeting=meeting).values_list("person", "status"))
    cancelled = client.post(reverse("meetings:cancel", args=[meeting.pk]), follow=True)

    assert mine == [(resident.pk, "registered")]
    assert "You are registered. A reminder comes by e-mail the day before." in registered.content.decode()
    assert "Your registration is cancelled." in cancelled.content.decode()
    assert Registration.objects.filter(meeting=meeting).count() == 0


def test_a_full_meeting_puts_the_resident_on_the_waiting_list(client, resident):
    meeting = make_meeting(capacity=1)
    Registration.objects.create(meeting=meeting, person=UserFactory(), status="registered", position=1)
    client.force_login(resident)

    page = client.get(reverse("meetings:meeting", args=[meeting.pk])).content.decode()
    response = client.post(reverse("meetings:register", args=[meeting.pk]), follow=True)

    assert "Join the waiting list" in page
    assert "you are on the waiting list" in response.content.decode()
    assert Registration.objects.get(meeting=meeting, person=resident).status == "waiting"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"in_days": -1}, "This meeting has already taken place."),
        ({"cancelled": True}, "This meeting is cancelled."),
        ({"capacity": None}, "This meeting needs no registration: just come."),
    ],
)
def test_a_refused_registration_answers_422_with_the_reason(client, resident, fields, message):
    meeting = make_meeting(**fields)
    client.force_login(resident)

    response = client.post(reverse("meetings:register", args=[meeting.pk]))

    assert response.status_code == 422
    assert message in response.content.decode()
    assert Registration.objects.count() == 0


def test_a_second_registration_answers_422(client, resident):
    meeting = make_meeting()
    client.force_login(resident)
    client.post(reverse("meetings:register", args=[meeting.pk]))

    response = client.post(reverse("meetings:register", args=[meeting.pk]))

    assert response.status_code == 422
    assert "You are already registered for this meeting." in response.content.decode()
    assert Registration.objects.count() == 1


def test_registering_asks_to_sign_in_and_a_get_changes_nothing(client, resident):
    meeting = make_meeting()

    anonymous = client.post(reverse("meetings:register", args=[meeting.pk]))
    client.force_login(resident)
    got = client.get(reverse("meetings:register", args=[meeting.pk]))

    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("account_login"))
    assert got.status_code == 405
    assert Registration.objects.count() == 0


def test_the_calendar_lists_the_coming_meetings_soonest_first_then_the_past_ones(client):
    later = make_meeting(in_days=9, title_en="Later")
    sooner = make_meeting(in_days=2, title_en="Sooner")
    past = make_meeting(in_days=-3, title_en="Past")

    page = client.get(reverse("meetings:calendar")).content.decode()

    assert page.index("Sooner") < page.index("Later") < page.index("Past meetings") < page.index(">Past<")
    assert reverse("meetings:calendar_ics") in page
    assert {sooner.pk, later.pk, past.pk} == set(Meeting.objects.values_list("pk", flat=True))


def test_a_council_calendar_shows_its_meetings_only(client):
    council = Council.objects.create(
        slug="laeken",
        name_nl="Wijkraad Laken",
        name_fr="Conseil de quartier Laeken",
        drawn_seats=10,
        delegate_seats=5,
        term_start=date(2026, 1, 1),
        term_end=date(2028, 1, 1),
    )
    make_meeting(council=council, title_en="Council evening")
    make_meeting(title_en="Platform evening")

    page = client.get(reverse("meetings:council_calendar", args=[council.slug])).content.decode()

    assert "Council evening" in page
    assert "Platform evening" not in page


def test_the_process_page_links_its_calendar_once_it_has_meetings(client):
    process = ProcessFactory()
    url = reverse("meetings:process_calendar", args=[process.slug])

    before = client.get(process.get_absolute_url()).content.decode()
    make_meeting(process=process)
    after = client.get(process.get_absolute_url()).content.decode()

    assert url not in before
    assert url in after
    assert "The calendar: 1 meeting" in after


def test_an_outsider_is_refused_on_every_write_of_a_meeting(client, outsider):
    meeting = make_meeting()
    client.force_login(outsider)
    admin = [
        reverse("admin:meetings_meeting_add"),
        reverse("admin:meetings_meeting_change", args=[meeting.pk]),
        reverse("admin:meetings_meeting_delete", args=[meeting.pk]),
    ]

    answers = [client.post(url, {"title_en": "Taken over"}).status_code for url in admin]
    staff = UserFactory(is_staff=True)
    client.force_login(staff)
    staff_answers = [client.post(url, {"title_en": "Taken over"}).status_code for url in admin]

    assert answers == [302, 302, 302]  # to the admin's sign-in: not staff
    assert staff_answers == [403, 403, 403]
    assert list(Meeting.objects.values_list("title_en", flat=True)) == ["Laeken neighbourhood meeting"]


def test_a_manager_creates_a_meeting_in_the_admin(client, manager):
    client.force_login(manager)
    form = {
        "title_nl": "Vergadering",
        "title_fr": "Réunion",
        "agenda_nl": "Agenda",
        "agenda_fr": "Ordre du jour",
        "starts_at_0": "2027-02-01",
        "starts_at_1": "19:00",
        "ends_at_0": "2027-02-01",
        "ends_at_1": "21:00",
        "online_link": "https://meet.example.org/samen",
        "capacity": "30",
        "registrations-TOTAL_FORMS": "0",
        "registrations-INITIAL_FORMS": "0",
    }

    response = client.post(reverse("admin:meetings_meeting_add"), form)

    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert (meeting.title_fr, meeting.capacity, meeting.sequence) == ("Réunion", 30, 0)
    assert meeting.starts_at == datetime(2027, 2, 1, 19, 0, tzinfo=BRUSSELS)


def test_a_meeting_for_verified_residents_refuses_an_unverified_account_and_says_why(client, resident):
    meeting = make_meeting(verified_only=True)
    client.force_login(resident)

    page = client.get(reverse("meetings:meeting", args=[meeting.pk])).content.decode()
    response = client.post(reverse("meetings:register", args=[meeting.pk]))

    assert "Only residents who verified their account may register for this meeting." in page
    assert reverse("verify") in page
    assert response.status_code == 403
    assert "Only residents who verified their account may register for this meeting." in response.content.decode()
    assert Registration.objects.count() == 0


def test_a_verified_resident_registers_for_a_meeting_for_verified_residents(client):
    meeting = make_meeting(verified_only=True)
    verified = Census().verified()
    client.force_login(verified)

    response = client.post(reverse("meetings:register", args=[meeting.pk]))

    assert response.status_code == 302
    assert list(Registration.objects.values_list("person", "status")) == [(verified.pk, "registered")]
