"""The manager's conclusion is told to whoever posted an argument or a comment in the debate: once each, in their
language, through the task worker; not to outsiders, to the manager, nor to a deleted account."""

import pytest
from django.core import mail

from samen.debates import services
from samen.debates.models import DebateComment
from samen.notifications.services import set_rhythm
from tests.debates.conftest import make_argument
from tests.factories import UserFactory
from tests.notifications.conftest import run_worker

pytestmark = pytest.mark.django_db

CONCLUSION = {"nl": "Het plein wordt autovrij op zondag.", "fr": "La place sera piétonne le dimanche."}


def _close(debate, manager, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.close_debate(debate=debate, by=manager, conclusion=CONCLUSION)
    run_worker()


def test_who_argued_or_commented_hears_of_the_conclusion_once_in_their_language(
    debate, manager, django_capture_on_commit_callbacks
):
    arguer = UserFactory(email="arguer@example.org", preferred_language="en")
    commenter = UserFactory(email="commenter@example.org", preferred_language="fr")
    outsider = UserFactory(email="outsider@example.org", preferred_language="en")
    make_argument(debate, author=arguer)
    make_argument(debate, author=arguer, side="against", text="The buses must pass.")
    DebateComment.objects.create(debate=debate, author=arguer, body="And the market?", language="en")
    DebateComment.objects.create(debate=debate, author=commenter, body="Oui.", language="fr")
    make_argument(debate, author=manager)  # the manager closing it needs no notice

    _close(debate, manager, django_capture_on_commit_callbacks)

    assert sorted(message.to[0] for message in mail.outbox) == ["arguer@example.org", "commenter@example.org"]
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects["arguer@example.org"] == (
        "[Samen] The debate “La place Bockstael doit-elle devenir piétonne ?” is closed: read its conclusion"
    )
    english = next(message for message in mail.outbox if message.to == ["arguer@example.org"])
    assert f"http://127.0.0.1:8000/en/processes/{debate.process.slug}/debates/{debate.pk}/#conclusion" in english.body
    assert outsider.email not in [address for message in mail.outbox for address in message.to]


def test_a_deleted_account_is_skipped(debate, manager, django_capture_on_commit_callbacks):
    gone = UserFactory(email="gone@example.org")
    staying = UserFactory(email="staying@example.org")
    make_argument(debate, author=gone)
    make_argument(debate, author=staying)
    gone.delete()

    _close(debate, manager, django_capture_on_commit_callbacks)

    assert [message.to for message in mail.outbox] == [["staying@example.org"]]


def test_who_chose_a_daily_digest_for_replies_gets_the_conclusion_there(
    debate, manager, django_capture_on_commit_callbacks
):
    arguer = UserFactory(email="arguer@example.org")
    set_rhythm(user=arguer, kind="replies", rhythm="daily")
    make_argument(debate, author=arguer)

    _close(debate, manager, django_capture_on_commit_callbacks)

    assert mail.outbox == []
    assert list(arguer.pending_notices.values_list("event", "object_id")) == [("debates.conclusion", debate.pk)]
