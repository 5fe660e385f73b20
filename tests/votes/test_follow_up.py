"""Managers report what became of each winning idea; its followers read the news in their own language."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from samen.ideas.models import Follow
from samen.votes import services
from samen.votes.models import Ballot, ProgressUpdate
from tests.factories import UserFactory
from tests.ideas.test_notifications import _run_worker
from tests.votes.conftest import ideas_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def winner(ended_shortlist):
    first = ideas_of(ended_shortlist)[0]
    Ballot.objects.create(shortlist=ended_shortlist, voter=UserFactory()).entries.set(
        ended_shortlist.entries.filter(idea=first)
    )
    services.count_votes(shortlist=ended_shortlist)
    return first


def test_a_manager_reports_progress_and_followers_are_mailed_in_their_language(
    client, winner, manager, django_capture_on_commit_callbacks
):
    Follow.objects.create(idea=winner, follower=UserFactory(email="jan@example.org", preferred_language="nl"))
    client.force_login(manager)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("votes:progress_new", args=[winner.process.slug, winner.pk]),
            {"status": "in_progress", "text_nl": "De bouw is begonnen.", "text_fr": "Le chantier a commencé."},
        )
    _run_worker()

    assert response.status_code == 302
    assert [message.to for message in mail.outbox] == [["jan@example.org"]]
    assert "De bouw is begonnen." in mail.outbox[0].body
    assert "In uitvoering" in mail.outbox[0].subject


def test_an_update_without_french_is_refused_and_says_so(client, winner, manager):
    client.force_login(manager)

    response = client.post(
        reverse("votes:progress_new", args=[winner.process.slug, winner.pk]),
        {"status": "planned", "text_nl": "Gepland.", "text_en": "Planned."},
    )

    assert response.status_code == 422
    assert "The update is missing in: French." in response.content.decode()
    assert ProgressUpdate.objects.count() == 0


def test_progress_is_reported_for_winners_only(ended_shortlist, winner, manager):
    loser = ideas_of(ended_shortlist)[3]  # not even shortlisted

    with pytest.raises(ValidationError) as refusal:
        services.post_progress(idea=loser, author=manager, status="planned", text={"nl": "x", "fr": "x"})

    assert refusal.value.code == "not_a_winner"


def test_the_follow_up_page_lists_every_winner_with_its_news(client, winner, manager):
    services.post_progress(
        idea=winner, author=manager, status="delivered", text={"nl": "Klaar.", "fr": "Terminé.", "en": "Done."}
    )

    page = client.get(reverse("votes:follow_up", args=[winner.process.slug])).content.decode()

    assert winner.title in page
    assert "Done." in page
