"""The council's clock: transmission at the threshold, reminders, overdue, the decision, and erasure after it."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from samen.algorithms.initiatives import add_months
from samen.common import clock
from samen.initiatives import services
from samen.initiatives.models import Initiative, RejectedLine
from samen.notifications.models import Pending
from samen.notifications.services import set_rhythm
from tests.ideas.test_notifications import _run_worker

pytestmark = pytest.mark.django_db


def test_reaching_the_threshold_transmits_the_initiative_when_the_collection_ends(transmitted):
    assert transmitted.status == Initiative.Status.TRANSMITTED
    assert transmitted.transmitted_on == timezone.localdate()
    assert transmitted.signature_count == 3
    assert services.deadline_of(transmitted) == add_months(timezone.localdate(), 12)


def test_a_collection_that_ends_below_the_threshold_closes_without_the_council(collecting, census):
    services.sign(initiative=collecting, user=census.verified())

    report = services.run_daily(collecting.collection_ends + timedelta(days=1))

    collecting.refresh_from_db()
    assert report.failed == [collecting.pk]
    assert (collecting.status, collecting.signature_count) == (Initiative.Status.FAILED, 1)


def test_the_secretariat_is_reminded_six_three_and_one_month_before_and_once_only(
    transmitted, django_capture_on_commit_callbacks
):
    deadline = services.deadline_of(transmitted)
    days = [add_months(deadline, -6), add_months(deadline, -6), add_months(deadline, -3), add_months(deadline, -1)]

    with django_capture_on_commit_callbacks(execute=True):
        reports = [services.run_daily(day).reminders for day in days]
    _run_worker()

    assert reports == [[(transmitted.pk, "6")], [], [(transmitted.pk, "3")], [(transmitted.pk, "1")]]
    assert {message.to[0] for message in mail.outbox} == {"conseil@bruxelles.example"}
    assert len(mail.outbox) == 6  # in French and in Dutch, three times


def test_after_the_deadline_the_initiative_is_overdue_and_promoters_and_signatories_are_told(
    client, transmitted, django_capture_on_commit_callbacks
):
    late = services.deadline_of(transmitted) + timedelta(days=1)

    with django_capture_on_commit_callbacks(execute=True):
        report = services.run_daily(late)
    _run_worker()

    assert (transmitted.pk, "overdue") in report.reminders
    assert services.is_overdue(transmitted, late)
    assert len(mail.outbox) == 5  # two promoters, three online signatories


def test_the_councils_decision_closes_the_initiative_and_signatories_are_told(
    transmitted, manager, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        decided = services.record_decision(
            initiative=transmitted,
            staff=manager,
            decision="amended",
            decided_on=timezone.localdate(),
            votes_for=30,
            votes_against=9,
            abstentions=2,
            minutes_url="https://www.bruxelles.be/conseil-communal",
        )
    _run_worker()

    assert (decided.status, decided.decision, decided.votes_for) == ("decided", "amended", 30)
    assert len(mail.outbox) == 5
    assert "https://www.bruxelles.be/conseil-communal" in mail.outbox[0].body


def test_a_signatory_who_chose_a_weekly_digest_reads_the_decision_there(
    transmitted, manager, django_capture_on_commit_callbacks
):
    signatory = transmitted.signatures.filter(user__isnull=False).first().user
    set_rhythm(user=signatory, kind="follows", rhythm="weekly")

    with django_capture_on_commit_callbacks(execute=True):
        services.record_decision(
            initiative=transmitted, staff=manager, decision="adopted", decided_on=timezone.localdate()
        )
    _run_worker()

    assert len(mail.outbox) == 4
    assert [message.to for message in mail.outbox if message.to == [signatory.email]] == []
    assert list(Pending.objects.values_list("user", "event", "detail")) == [
        (signatory.pk, "initiatives.news", "decision")
    ]


def test_a_decision_cannot_be_dated_in_the_future(transmitted, manager):
    with pytest.raises(ValidationError) as refusal:
        services.record_decision(
            initiative=transmitted, staff=manager, decision="adopted", decided_on=clock.today() + timedelta(days=3)
        )

    assert refusal.value.code == "decision_date"


def test_signatories_data_are_erased_six_months_after_the_decision_leaving_the_count(transmitted, manager):
    services.record_decision(
        initiative=transmitted, staff=manager, decision="rejected", decided_on=timezone.localdate()
    )
    erasure_day = add_months(timezone.localdate(), 6)

    before = services.run_daily(erasure_day - timedelta(days=1)).erased
    with clock.replaying(timezone.now() + timedelta(days=200)):
        call_command("initiatives_daily", verbosity=0)

    transmitted.refresh_from_db()
    assert before == []
    assert transmitted.signatures.count() == 0
    assert RejectedLine.objects.filter(sheet__initiative=transmitted).count() == 0
    assert transmitted.personal_data_erased_at is not None
    assert services.count(transmitted) == 3


def test_a_vote_dated_today_in_brussels_is_recorded_just_after_midnight(transmitted, manager):
    from datetime import datetime, time
    from zoneinfo import ZoneInfo

    just_after_midnight = datetime.combine(timezone.localdate(), time(0, 30), tzinfo=ZoneInfo("Europe/Brussels"))

    with clock.replaying(just_after_midnight):  # 23:30 or 22:30 the day before in UTC
        decided = services.record_decision(
            initiative=transmitted, staff=manager, decision="adopted", decided_on=just_after_midnight.date()
        )

    assert decided.decided_on == timezone.localdate()


def test_the_councils_decision_shows_among_the_home_pages_recent_decisions(client, transmitted, manager):
    services.record_decision(
        initiative=transmitted, staff=manager, decision="adopted", decided_on=clock.today(), votes_for=31
    )

    section = client.get("/en/").content.decode().split("Recent results and decisions", 1)[1]

    assert str(transmitted.title) in section
    assert "The council decided: Adopted." in section
