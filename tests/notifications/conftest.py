import re

import pytest
from django.core import mail
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from samen.ideas import services as idea_services
from samen.ideas.models import Follow
from samen.notifications.services import set_rhythm
from tests.factories import UserFactory


def run_worker() -> None:
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


def site_path(url: str) -> str:
    """A link from an e-mail, as the test client requests it."""
    return url.split("http://127.0.0.1:8000", 1)[1]


def stop_link(message) -> str:
    """The 'stop e-mails of this kind' link in a notice's body."""
    return site_path(re.search(r"http://\S+/account/notifications/stop/\S+/", message.body).group(0))


@pytest.fixture
def jan(db):
    return UserFactory(email="jan@example.org", display_name="Jan", preferred_language="nl")


@pytest.fixture
def sophie(db):
    return UserFactory(email="sophie@example.org", display_name="Sophie", preferred_language="fr")


@pytest.fixture
def comment_on(outsider, django_capture_on_commit_callbacks):
    """Post a comment as the outsider and let the worker do what it would."""

    def post(idea, body="Count me in."):
        with django_capture_on_commit_callbacks(execute=True):
            comment = idea_services.add_comment(idea=idea, author=outsider, body=body, language="en")
        run_worker()
        return comment

    return post


@pytest.fixture
def following(idea):
    """Make people follow the idea, each with a rhythm for the news of what they follow."""

    def follow(person, rhythm=None):
        Follow.objects.create(idea=idea, follower=person)
        if rhythm:
            set_rhythm(user=person, kind="follows", rhythm=rhythm)
        return person

    return follow


def outbox_to(email: str) -> list:
    return [message for message in mail.outbox if message.to == [email]]
