import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from samen.ideas import moderation, services
from samen.ideas.models import Follow, Visibility
from samen.ideas.notifications import unsubscribe_token
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _run_worker():
    """Run what is queued through the worker's own code, minus its loop (which closes the test's connection)."""
    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    while (task_result := DBTaskResult.objects.ready().first()) is not None:
        task_result.claim("test-worker")
        worker.run_task(task_result)


@pytest.fixture
def followers(idea):
    dutch = UserFactory(email="jan@example.org", display_name="Jan", preferred_language="nl")
    french = UserFactory(email="sophie@example.org", display_name="Sophie", preferred_language="fr")
    for person in (dutch, french):
        Follow.objects.create(idea=idea, follower=person)
    return dutch, french


def test_a_comment_is_mailed_by_the_worker_not_in_the_request(
    client, idea, followers, outsider, django_capture_on_commit_callbacks
):
    client.force_login(outsider)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("ideas:comment", args=[idea.pk]), {"body": "Count me in.", "language": "en"})
    sent_during_request = len(mail.outbox)
    queued = DBTaskResult.objects.count()
    _run_worker()

    assert (sent_during_request, queued) == (0, 1)
    # The followers, and the idea's author (lucas): a comment on one's idea is a reply to it.
    assert sorted(message.to[0] for message in mail.outbox) == [
        "jan@example.org",
        "lucas@example.org",
        "sophie@example.org",
    ]


def test_each_follower_reads_the_mail_in_their_language(idea, followers, outsider, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.add_comment(idea=idea, author=outsider, body="Count me in.", language="en")
    _run_worker()

    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects["jan@example.org"] == f"[Samen] Nieuwe reactie op “{idea.title}”"
    assert subjects["sophie@example.org"] == f"[Samen] Nouveau commentaire sur « {idea.title} »"
    assert "Count me in." in mail.outbox[0].body


def test_the_author_of_the_comment_gets_no_mail_about_it(idea, resident, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.add_comment(idea=idea, author=resident, body="Any news?", language="en")
    _run_worker()

    assert mail.outbox == []


def test_a_premoderated_comment_is_mailed_only_once_approved(
    idea, followers, outsider, moderator, django_capture_on_commit_callbacks
):
    idea.process.premoderation = True
    idea.process.save()
    with django_capture_on_commit_callbacks(execute=True):
        comment = services.add_comment(idea=idea, author=outsider, body="Wait for it", language="en")
    _run_worker()
    before = len(mail.outbox)

    with django_capture_on_commit_callbacks(execute=True):
        moderation.approve_content(moderator=moderator, content=comment)
    _run_worker()

    assert before == 0
    assert sorted(message.to[0] for message in mail.outbox) == [
        "jan@example.org",
        "lucas@example.org",
        "sophie@example.org",
    ]


def _unsubscribe_path(message) -> str:
    link = re.search(r"http://\S+/unsubscribe/\S+/", message.body).group(0)
    return link.split("http://127.0.0.1:8000", 1)[1]


@pytest.fixture
def mail_to_jan(idea, followers, outsider, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.add_comment(idea=idea, author=outsider, body="Hello", language="en")
    _run_worker()
    return next(m for m in mail.outbox if m.to == ["jan@example.org"])


@pytest.fixture
def jan_unsubscribe_url(idea, followers):
    """Jan's link, in English for the assertions (his e-mails link to /nl/)."""
    return reverse("ideas:unsubscribe", args=[unsubscribe_token(Follow.objects.get(idea=idea, follower=followers[0]))])


def test_opening_the_link_in_the_mail_only_asks_to_confirm(client, idea, followers, mail_to_jan):
    dutch, _french = followers

    response = client.get(_unsubscribe_path(mail_to_jan))

    assert response.status_code == 200
    assert 'name="action" value="unfollow"' in response.content.decode()
    assert Follow.objects.filter(idea=idea, follower=dutch).exists()


def test_the_confirmation_page_asks_with_a_button(client, idea, followers, jan_unsubscribe_url):
    response = client.get(jan_unsubscribe_url)

    assert "Stop following this idea?" in response.content.decode()
    assert "Stop following</button>" in response.content.decode()


def test_the_button_on_the_confirmation_page_stops_following(client, idea, followers, jan_unsubscribe_url):
    response = client.post(jan_unsubscribe_url, {"action": "unfollow"})

    assert response.status_code == 200
    assert "You no longer follow this idea" in response.content.decode()
    assert list(Follow.objects.filter(idea=idea).values_list("follower__email", flat=True)) == ["sophie@example.org"]


def test_the_mail_clients_one_click_unsubscribe_stops_following(client, idea, followers, mail_to_jan):
    dutch, _french = followers
    list_unsubscribe = mail_to_jan.extra_headers["List-Unsubscribe"].strip("<>")

    response = client.post(
        list_unsubscribe.split("http://127.0.0.1:8000", 1)[1],
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 200
    assert mail_to_jan.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert not Follow.objects.filter(idea=idea, follower=dutch).exists()


def test_following_again_from_the_unsubscribe_page(client, idea, followers, jan_unsubscribe_url):
    dutch, _french = followers
    client.post(jan_unsubscribe_url)

    client.post(jan_unsubscribe_url, {"action": "follow"})

    assert Follow.objects.filter(idea=idea, follower=dutch).exists()


def test_a_forged_unsubscribe_link_is_refused_with_a_message(client, idea, followers):
    response = client.post(reverse("ideas:unsubscribe", args=["eyJpZGVhIjoxfQ:forged:signature"]))

    assert response.status_code == 400
    assert "This link is not valid" in response.content.decode()
    assert Follow.objects.filter(idea=idea).count() == 2


@pytest.mark.parametrize("method", ["get", "post"])
def test_an_unsubscribe_link_expires_after_ninety_days(client, idea, followers, jan_unsubscribe_url, method):
    dutch, _french = followers

    with time_machine.travel(timezone.now() + timedelta(days=91)):
        response = getattr(client, method)(jan_unsubscribe_url)

    assert response.status_code == 400
    assert "This link has expired: the links in our e-mails work for 90 days." in response.content.decode()
    assert Follow.objects.filter(idea=idea, follower=dutch).exists()


@pytest.mark.django_db(transaction=True)
def test_the_real_worker_command_sends_what_is_queued(open_process, resident, outsider):
    from django.core.management import call_command

    from tests.factories import IdeaFactory

    idea = IdeaFactory(process=open_process, theme=open_process.themes.first(), author=resident)
    Follow.objects.create(idea=idea, follower=resident)
    services.add_comment(idea=idea, author=outsider, body="Committed for real", language="en")

    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)

    assert [message.to for message in mail.outbox] == [["lucas@example.org"]]
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


def test_followers_hear_when_the_ideas_status_changes_in_their_language(
    idea, followers, moderator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        moderation.hide_content(moderator=moderator, content=idea, reason="Off topic.")
    _run_worker()

    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects == {
        "jan@example.org": f"[Samen] “{idea.title}” is nu: Verborgen door een moderator",
        "sophie@example.org": f"[Samen] « {idea.title} » est maintenant : Masqué par un modérateur",
    }


def test_a_status_that_changed_again_before_sending_is_not_announced(
    idea, followers, moderator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        moderation.hide_content(moderator=moderator, content=idea, reason="Spam?")
        moderation.restore_content(moderator=moderator, content=idea, reason="Not spam.")
    _run_worker()

    with translation.override("nl"):
        published_nl = str(Visibility.PUBLISHED.label)
    with translation.override("fr"):
        published_fr = str(Visibility.PUBLISHED.label)
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects == {
        "jan@example.org": f"[Samen] “{idea.title}” is nu: {published_nl}",
        "sophie@example.org": f"[Samen] « {idea.title} » est maintenant : {published_fr}",
    }
