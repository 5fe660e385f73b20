"""The process page and its idea list come from the page cache for anonymous visitors: never stale, never personal."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from samen.common.clock import now
from samen.processes import services
from tests.conftest import process_in
from tests.factories import IdeaFactory, PhaseFactory, ProcessFactory

pytestmark = pytest.mark.django_db


def _page(client, url, **extra) -> str:
    response = client.get(url, **extra)
    assert response.status_code == 200
    return response.content.decode()


def test_a_second_anonymous_visit_costs_no_query(client, open_process, django_assert_num_queries):
    IdeaFactory.create_batch(3, process=open_process, theme=open_process.themes.first())
    url = open_process.get_absolute_url() + "?page=1"
    first = _page(client, url)

    with django_assert_num_queries(0):
        second = _page(Client(), url)

    assert _without_csrf_tokens(second) == _without_csrf_tokens(first)


def test_filters_pages_and_searches_are_stored_apart(client, open_process):
    mobility, green = open_process.themes.all()
    IdeaFactory(process=open_process, theme=mobility, title="Bike lanes")
    IdeaFactory(process=open_process, theme=green, title="Trees")
    url = open_process.get_absolute_url()
    _page(client, url)

    assert "Bike lanes" not in _page(client, url, query_params={"theme": green.slug})
    assert "Trees" not in _page(client, url, query_params={"q": "bike"})
    assert "Bike lanes" in _page(client, url, query_params={"q": "bike"})


def test_htmx_gets_the_list_alone_and_a_visitor_the_whole_page_for_the_same_address(client, open_process):
    url = open_process.get_absolute_url() + "?theme=green"
    fragment = _page(client, url, headers={"HX-Request": "true", "HX-Target": "idea-list"})
    whole = _page(client, url)

    assert "<html" not in fragment
    assert "<html" in whole


def test_a_phase_that_opens_shows_as_open_at_once(client):
    process = process_in("future")
    opens = timezone.localtime(now()).replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(days=1)
    with time_machine.travel(opens - timedelta(minutes=1), tick=False):
        assert "Nothing is open right now" in _page(client, process.get_absolute_url())
        assert "Nothing is open right now" in _page(client, process.get_absolute_url())
    with time_machine.travel(opens, tick=False):
        page = _page(client, process.get_absolute_url())

    assert "You can post ideas, comment on them and support them until" in page


def test_a_changed_phase_shows_at_once(client, open_process):
    url = open_process.get_absolute_url()
    assert "You can post ideas" in _page(client, url)

    phase = open_process.phases.get()
    phase.last_day = timezone.localdate() - timedelta(days=1)
    phase.first_day = phase.last_day - timedelta(days=3)
    phase.save()

    assert "This process has ended" in _page(client, url)


def test_an_unpublished_process_disappears_at_once(client, open_process):
    url = open_process.get_absolute_url()
    _page(client, url)

    open_process.status = "draft"
    open_process.save(update_fields=["status"])

    assert client.get(url).status_code == 404


def test_a_new_phase_added_through_the_service_shows_at_once(client):
    process = ProcessFactory()
    url = process.get_absolute_url()
    assert "This process has ended" in _page(client, url)

    services.add_phase(
        process=process,
        kind="idea_collection",
        first_day=timezone.localdate() - timedelta(days=1),
        last_day=timezone.localdate() + timedelta(days=1),
    )

    assert "You can post ideas" in _page(client, url)


def test_each_language_has_its_own_page(client, open_process):
    slug = open_process.slug
    english = _page(client, f"/en/processes/{slug}/")
    dutch = _page(client, f"/nl/processes/{slug}/")
    french = _page(client, f"/fr/processes/{slug}/")

    assert '<html lang="en">' in english
    assert '<html lang="nl">' in dutch
    assert '<html lang="fr">' in french
    assert "What you can do now" in english
    assert "Wat u nu kunt doen" in dutch
    assert "Ce que vous pouvez faire maintenant" in french


def _csrf_token(page: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)


def _without_csrf_tokens(page: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page)


def test_the_language_switcher_of_a_stored_page_works_for_every_visitor(open_process):
    url = f"/en/processes/{open_process.slug}/"
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first_page = _page(first, url)
    second_page = _page(second, url)  # from the cache

    assert _csrf_token(second_page) != _csrf_token(first_page)
    for visitor, page in ((first, first_page), (second, second_page)):
        response = visitor.post(
            reverse("set_language"), {"language": "nl", "next": url, "csrfmiddlewaretoken": _csrf_token(page)}
        )
        assert response.status_code == 302
        assert response["Location"] == f"/nl/processes/{open_process.slug}/"


def test_a_signed_in_visitor_never_gets_the_stored_anonymous_page(client, open_process, resident):
    url = open_process.get_absolute_url()
    _page(Client(), url)
    client.force_login(resident)

    page = _page(client, url)

    assert "Sign out" in page
    assert "Sign in" not in page
    assert "Post an idea" in page


def test_one_visitors_personal_parts_never_reach_another(open_process, resident, outsider, moderator):
    url = open_process.get_absolute_url()
    for person in (resident, moderator):
        signed_in = Client()
        signed_in.force_login(person)
        _page(signed_in, url)

    anonymous = _page(Client(), url)
    assert "Sign out" not in anonymous
    assert "Moderation" not in anonymous
    assert "My profile" not in anonymous

    other = Client()
    other.force_login(outsider)
    outsiders_page = _page(other, url)
    assert "Moderation" not in outsiders_page
    assert "Sign out" in outsiders_page


def test_a_message_waiting_for_an_anonymous_visitor_is_shown_to_them_only(client, open_process, resident):
    url = open_process.get_absolute_url()
    _page(Client(), url)
    client.force_login(resident)
    client.post(reverse("account_logout"))  # "You have signed out.", waiting in the session

    mine = _page(client, url)
    anyones = _page(Client(), url)

    assert "You have signed out." in mine
    assert "You have signed out." not in anyones
    assert "You have signed out." not in _page(client, url)  # shown once


def test_a_draft_process_is_never_stored_for_anyone(client, open_process, manager):
    open_process.status = "draft"
    open_process.save(update_fields=["status"])
    staff = Client()
    staff.force_login(manager)
    assert staff.get(open_process.get_absolute_url()).status_code == 200

    assert client.get(open_process.get_absolute_url()).status_code == 404


def test_a_phase_boundary_ends_a_stored_page_even_without_a_write(client, open_process):
    url = open_process.get_absolute_url()
    assert "You can post ideas" in _page(client, url)
    phase = open_process.phases.get()

    with time_machine.travel(phase.period.closes_at(), tick=False):
        assert "This process has ended" in _page(client, url)


def test_a_phase_of_another_process_leaves_this_ones_page_stored(client, open_process, django_assert_num_queries):
    url = open_process.get_absolute_url()
    _page(client, url)
    other = process_in("open")
    PhaseFactory(
        process=other,
        first_day=timezone.localdate() + timedelta(days=30),
        last_day=timezone.localdate() + timedelta(days=40),
    )

    with django_assert_num_queries(0):
        _page(Client(), url)


def test_invented_addresses_are_answered_but_not_stored(client, open_process, django_assert_max_num_queries):
    IdeaFactory(process=open_process, theme=open_process.themes.first(), title="Benches")
    url = open_process.get_absolute_url()
    for query in ({"utm_source": "newsletter"}, {"page": "99"}, {"theme": "no-such-theme"}):
        assert "Benches" in _page(client, url, query_params=query)

        with django_assert_max_num_queries(20) as queries:
            _page(Client(), url, query_params=query)
        assert len(queries) > 0  # rendered again: nothing was stored under that address
