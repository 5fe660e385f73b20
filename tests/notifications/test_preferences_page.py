"""/account/notifications/: the signed-in resident's own choices, without JavaScript."""

import pytest
from django.urls import reverse

from samen.notifications.models import ChosenNeighbourhood, Pending, Rhythm
from samen.notifications.queries import chosen_neighbourhood_codes, chosen_topics, rhythm_of
from samen.notifications.services import set_rhythm

pytestmark = pytest.mark.django_db

URL = reverse("notifications:settings")
CHOICES = {"replies": "at_once", "follows": "daily", "process_news": "weekly", "new_processes": "never"}


def test_anonymous_is_sent_to_sign_in(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_the_page_shows_the_defaults_nothing_unasked_for(client, resident):
    client.force_login(resident)

    response = client.get(URL)

    form = response.context["form"]
    assert response.status_code == 200
    assert {name: form[name].initial for name in CHOICES} == {
        "replies": "at_once",
        "follows": "at_once",
        "process_news": "never",
        "new_processes": "never",
    }


def test_saving_choices_for_each_kind_and_neighbourhoods(client, resident):
    client.force_login(resident)

    response = client.post(URL, CHOICES | {"neighbourhoods": ["20", "44"]})

    assert response.status_code == 302
    assert {kind: rhythm_of(resident, kind) for kind in CHOICES} == CHOICES
    assert chosen_neighbourhood_codes(resident) == [20, 44]


def test_a_rhythm_not_offered_is_refused_with_an_error_summary_and_nothing_saved(client, resident):
    client.force_login(resident)

    response = client.post(URL, CHOICES | {"follows": "hourly"})

    assert response.status_code == 422
    assert 'error-summary" role="alert"' in response.content.decode()
    assert rhythm_of(resident, "follows") == Rhythm.AT_ONCE


def test_an_unknown_neighbourhood_is_refused(client, resident):
    client.force_login(resident)

    response = client.post(URL, CHOICES | {"neighbourhoods": ["99999"]})

    assert response.status_code == 422
    assert ChosenNeighbourhood.objects.count() == 0


def test_an_outsider_changes_only_their_own_choices(client, resident, outsider):
    set_rhythm(user=resident, kind="follows", rhythm="weekly")
    client.force_login(outsider)

    client.post(URL, CHOICES | {"follows": "never", "user": str(resident.pk)})

    assert rhythm_of(resident, "follows") == Rhythm.WEEKLY
    assert rhythm_of(outsider, "follows") == Rhythm.NEVER


def test_stopping_a_kind_drops_its_notices_waiting_for_a_digest(client, resident):
    set_rhythm(user=resident, kind="follows", rhythm="weekly")
    Pending.objects.create(user=resident, kind="follows", rhythm="weekly", event="ideas.status", object_id=1)
    client.force_login(resident)

    client.post(URL, CHOICES | {"follows": "never"})

    assert Pending.objects.count() == 0


def test_the_profile_and_my_participation_link_to_the_page(client, resident):
    client.force_login(resident)

    pages = [client.get(reverse("profile")), client.get(reverse("my_participation"))]

    assert [f'href="{URL}"' in page.content.decode() for page in pages] == [True, True]


def test_topics_are_chosen_on_the_page_and_an_unknown_one_is_refused(client, resident):
    client.force_login(resident)

    saved = client.post(URL, CHOICES | {"topics": ["moving", "healthy"]})
    refused = client.post(URL, CHOICES | {"topics": ["astrology"]})

    assert saved.status_code == 302
    assert refused.status_code == 422
    assert chosen_topics(resident) == ["healthy", "moving"]
    assert "Mobility, parking and road safety" in client.get(URL).content.decode()
