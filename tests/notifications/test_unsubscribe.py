"""The link in every notice: a GET asks, a POST (the page's button or the mail client's, RFC 8058) stops the kind."""

from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from samen.notifications.models import Rhythm
from samen.notifications.queries import rhythm_of
from samen.notifications.services import set_rhythm
from samen.notifications.tokens import unsubscribe_token
from tests.notifications.conftest import outbox_to, run_worker, site_path, stop_link

pytestmark = pytest.mark.django_db


@pytest.fixture
def replies_to_lucas(idea, comment_on, resident):
    """A comment on Lucas's idea: he reads it as a reply."""
    comment_on(idea)
    return outbox_to(resident.email)[0]


def test_opening_the_link_only_asks_to_confirm(client, resident, replies_to_lucas):
    response = client.get(stop_link(replies_to_lucas))

    assert response.status_code == 200
    # The link is in Lucas's language (French).
    assert "Arrêter ces e-mails ?" in response.content.decode()
    assert "Réponses à mes idées et commentaires" in response.content.decode()
    assert rhythm_of(resident, "replies") == Rhythm.AT_ONCE


def test_the_button_on_the_page_stops_the_kind(client, resident, replies_to_lucas):
    response = client.post(stop_link(replies_to_lucas))

    assert response.status_code == 200
    assert "Vous ne recevrez plus ces e-mails" in response.content.decode()
    assert rhythm_of(resident, "replies") == Rhythm.NEVER
    assert rhythm_of(resident, "follows") == Rhythm.AT_ONCE


def test_the_mail_clients_one_click_unsubscribe_stops_the_kind(client, resident, replies_to_lucas):
    link = replies_to_lucas.extra_headers["List-Unsubscribe"].strip("<>")

    response = client.post(
        site_path(link), "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )

    assert response.status_code == 200
    assert replies_to_lucas.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert rhythm_of(resident, "replies") == Rhythm.NEVER


def test_after_unsubscribing_the_next_reply_is_not_mailed(client, idea, comment_on, resident, replies_to_lucas):
    client.post(stop_link(replies_to_lucas))

    comment_on(idea, "Another one")

    assert len(outbox_to(resident.email)) == 1


def test_a_forged_link_is_refused_with_a_message_and_changes_nothing(client, resident):
    response = client.post(reverse("notifications:unsubscribe", args=["eyJ1c2VyIjoxfQ:forged:signature"]))

    assert response.status_code == 400
    assert "This link is not valid" in response.content.decode()
    assert rhythm_of(resident, "replies") == Rhythm.AT_ONCE


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_link_expires_after_ninety_days(client, resident, method):
    url = reverse("notifications:unsubscribe", args=[unsubscribe_token(resident, ["replies"])])

    with time_machine.travel(timezone.now() + timedelta(days=91)):
        response = getattr(client, method)(url)

    assert response.status_code == 400
    assert "This link has expired: the links in our e-mails work for 90 days." in response.content.decode()
    assert rhythm_of(resident, "replies") == Rhythm.AT_ONCE


def test_the_refusal_is_in_the_language_of_the_page(client, resident):
    response = client.get(reverse("notifications:unsubscribe", args=["broken"]).replace("/en/", "/fr/", 1))

    assert response.status_code == 400
    assert 'lang="fr"' in response.content.decode()


def test_a_followers_mail_offers_to_unfollow_the_idea_and_to_stop_the_kind(client, idea, jan, following, comment_on):
    following(jan)

    comment_on(idea)
    message = outbox_to(jan.email)[0]

    assert "/unsubscribe/" in message.extra_headers["List-Unsubscribe"]  # the narrower way: this idea only
    assert stop_link(message).startswith("/nl/account/notifications/stop/")


def test_a_link_of_a_closed_account_is_refused(client, resident):
    url = reverse("notifications:unsubscribe", args=[unsubscribe_token(resident, ["replies"])])
    resident.is_active = False
    resident.save()

    response = client.post(url)

    assert response.status_code == 400
    assert "its account is closed" in response.content.decode()


def test_a_digests_one_click_unsubscribe_stops_the_kinds_it_gathers(client, idea, jan, following, comment_on):
    following(jan, "daily")
    set_rhythm(user=jan, kind="replies", rhythm="weekly")
    comment_on(idea)
    call_command("notifications_daily", verbosity=0)
    run_worker()
    digest = outbox_to(jan.email)[0]

    client.post(
        site_path(digest.extra_headers["List-Unsubscribe"].strip("<>")),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )

    assert (rhythm_of(jan, "follows"), rhythm_of(jan, "replies")) == (Rhythm.NEVER, Rhythm.WEEKLY)
