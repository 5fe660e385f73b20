"""Each rhythm, through the task worker: at once, a daily or a weekly digest, never."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from samen.ideas import moderation
from samen.notifications.delivery import send_digest
from samen.notifications.models import Pending
from tests.factories import UserFactory
from tests.notifications.conftest import outbox_to, run_worker

pytestmark = pytest.mark.django_db

MONDAY = datetime(2026, 11, 30, 7, 0, tzinfo=ZoneInfo("Europe/Brussels"))
TUESDAY = datetime(2026, 12, 1, 7, 0, tzinfo=ZoneInfo("Europe/Brussels"))


def to_followers(idea) -> list:
    """The mails but the idea author's (who hears of each comment on their idea as a reply)."""
    return [message for message in mail.outbox if message.to != [idea.author.email]]


def daily_run() -> None:
    call_command("notifications_daily", verbosity=0)
    run_worker()


@pytest.mark.parametrize(
    ("language", "subject"),
    [("nl", "[Samen] Nieuwe reactie op “{title}”"), ("fr", "[Samen] Nouveau commentaire sur « {title} »")],
)
def test_at_once_sends_one_mail_in_the_residents_language(idea, following, comment_on, language, subject):
    person = following(UserFactory(email="reader@example.org", preferred_language=language), "at_once")

    comment_on(idea)

    assert [message.subject for message in outbox_to(person.email)] == [subject.format(title=idea.title)]
    assert f"http://127.0.0.1:8000/{language}/ideas/{idea.pk}/" in outbox_to(person.email)[0].body


def test_a_daily_digest_gathers_the_days_notices_into_one_mail_in_the_residents_language(
    idea, jan, following, comment_on
):
    following(jan, "daily")
    comment_on(idea, "First")
    comment_on(idea, "Second")
    before_the_digest = outbox_to(jan.email)

    daily_run()

    assert before_the_digest == []
    digests = outbox_to(jan.email)
    assert len(digests) == 1
    assert digests[0].body.count(f"Nieuwe reactie op “{idea.title}”") == 2
    assert f"http://127.0.0.1:8000/nl/ideas/{idea.pk}/" in digests[0].body
    assert Pending.objects.count() == 0


def test_a_weekly_digest_waits_for_its_weekday(idea, sophie, following, comment_on):
    following(sophie, "weekly")
    comment_on(idea)

    with time_machine.travel(TUESDAY):
        daily_run()
    on_tuesday = len(outbox_to(sophie.email))
    with time_machine.travel(MONDAY):
        daily_run()

    assert on_tuesday == 0
    digests = outbox_to(sophie.email)
    assert len(digests) == 1
    assert f"Nouveau commentaire sur « {idea.title} »" in digests[0].body


def test_a_daily_digest_leaves_the_weekly_ones_waiting(idea, jan, sophie, following, comment_on):
    following(jan, "daily")
    following(sophie, "weekly")
    comment_on(idea)

    with time_machine.travel(TUESDAY):
        daily_run()

    assert [message.to for message in to_followers(idea)] == [[jan.email]]
    assert list(Pending.objects.values_list("user__email", flat=True)) == [sophie.email]


def test_never_sends_nothing_and_keeps_nothing(idea, jan, sophie, following, comment_on):
    following(jan, "never")
    following(sophie)

    comment_on(idea)
    daily_run()

    assert [message.to for message in to_followers(idea)] == [[sophie.email]]
    assert Pending.objects.count() == 0


def test_running_the_daily_command_twice_sends_each_digest_once(idea, jan, following, comment_on):
    following(jan, "daily")
    comment_on(idea)

    daily_run()
    daily_run()

    assert len(outbox_to(jan.email)) == 1


def test_two_workers_taking_the_same_digest_send_it_once(idea, jan, following, comment_on):
    following(jan, "daily")
    comment_on(idea)

    sent = [send_digest(jan.pk, "daily"), send_digest(jan.pk, "daily")]

    assert sent == [1, 0]
    assert len(outbox_to(jan.email)) == 1


def test_a_comment_hidden_before_the_digest_is_left_out_of_it(idea, jan, following, comment_on, moderator):
    following(jan, "daily")
    hidden = comment_on(idea, "Spam")
    moderation.hide_content(moderator=moderator, content=hidden, reason="Spam.")

    daily_run()

    assert outbox_to(jan.email) == []


def test_a_deactivated_account_gets_nothing_at_once_nor_in_a_digest(idea, jan, sophie, following, comment_on):
    following(jan, "daily")
    following(sophie)
    comment_on(idea)
    jan.is_active = sophie.is_active = False
    jan.save()
    sophie.save()

    comment_on(idea, "Later")
    daily_run()

    assert [message.to for message in to_followers(idea)] == [[sophie.email]]  # the first comment, before she left


def test_a_deleted_account_leaves_nothing_waiting(idea, jan, following, comment_on):
    following(jan, "weekly")
    comment_on(idea)

    jan.delete()
    with time_machine.travel(MONDAY):
        daily_run()

    assert Pending.objects.count() == 0
    assert to_followers(idea) == []
