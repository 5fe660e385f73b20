from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from samen.ideas.process_page import IDEAS_PER_PAGE
from tests.conftest import process_in
from tests.factories import IdeaFactory, PhaseFactory, ProcessFactory, SupportFactory

pytestmark = pytest.mark.django_db


def _titles(response) -> list[str]:
    return [idea.title for idea in response.context["page"]]


def test_the_process_list_shows_published_processes_only(client):
    ProcessFactory(title_en="Quartier Nord")
    ProcessFactory(title_en="Secret plans", title_nl="", title_fr="", status="draft")

    page = client.get("/en/").content.decode()

    assert "Quartier Nord" in page
    assert "Secret plans" not in page


def test_the_process_page_says_what_one_can_do_and_until_when(client):
    process = ProcessFactory()
    PhaseFactory(process=process, first_day=timezone.localdate() - timedelta(days=1), last_day=timezone.localdate())

    page = client.get(process.get_absolute_url()).content.decode()

    today = timezone.localdate()
    assert "You can post ideas, comment on them and support them until" in page
    assert f"{today.day} {today.strftime('%B')} {today.year}, 23:59" in page


def test_before_the_first_phase_the_page_announces_the_next_one(client):
    process = process_in("future")

    page = client.get(process.get_absolute_url()).content.decode()

    assert "Nothing is open right now. Next: Idea collection, from" in page
    assert "Post an idea" not in page


def test_after_the_last_phase_the_page_says_the_process_has_ended(client, closed_idea):
    page = client.get(closed_idea.process.get_absolute_url()).content.decode()

    assert "This process has ended. Everything posted stays readable." in page
    assert closed_idea.title in page


def test_ideas_filter_by_theme(client, open_process):
    mobility, green = open_process.themes.all()
    IdeaFactory(process=open_process, theme=mobility, title="Bike lanes")
    IdeaFactory(process=open_process, theme=green, title="Trees")

    response = client.get(open_process.get_absolute_url(), {"theme": green.slug})

    assert _titles(response) == ["Trees"]


def test_ideas_filter_by_neighbourhood(client, open_process):
    theme = open_process.themes.first()
    IdeaFactory(process=open_process, theme=theme, title="Flagey market", neighbourhood_code=37)
    IdeaFactory(process=open_process, theme=theme, title="Laeken benches", neighbourhood_code=20)

    response = client.get(open_process.get_absolute_url(), {"neighbourhood": "20"})

    assert _titles(response) == ["Laeken benches"]


def test_search_finds_words_in_title_or_text(client, open_process):
    theme = open_process.themes.first()
    IdeaFactory(process=open_process, theme=theme, title="Market on Sundays", body="Local producers at Flagey.")
    IdeaFactory(process=open_process, theme=theme, title="Bike lanes", body="Safer cycling on the avenue.")
    IdeaFactory(process=open_process, theme=theme, title="Trees", body="Shade for the market square.")

    response = client.get(open_process.get_absolute_url(), {"q": "market"})

    assert sorted(_titles(response)) == ["Market on Sundays", "Trees"]


def test_search_in_french_matches_across_word_forms_on_postgresql(client, open_process):
    from django.db import connection

    theme = open_process.themes.first()
    IdeaFactory(process=open_process, theme=theme, language="fr", title="Des potagers", body="Planter des arbres.")
    IdeaFactory(process=open_process, theme=theme, language="fr", title="Un marché", body="Le dimanche.")

    response = client.get(
        open_process.get_absolute_url(), {"q": "arbre" if connection.vendor == "postgresql" else "arbres"}
    )

    assert _titles(response) == ["Des potagers"]


def test_most_supported_first(client, open_process):
    theme = open_process.themes.first()
    quiet = IdeaFactory(process=open_process, theme=theme, title="Quiet")
    popular = IdeaFactory(process=open_process, theme=theme, title="Popular")
    SupportFactory.create_batch(3, idea=popular)
    SupportFactory(idea=quiet)

    response = client.get(open_process.get_absolute_url(), {"sort": "most_supported"})

    assert _titles(response) == ["Popular", "Quiet"]


def test_newest_first_by_default(client, open_process):
    theme = open_process.themes.first()
    with time_machine.travel(timezone.now() - timedelta(days=2)):
        IdeaFactory(process=open_process, theme=theme, title="Older")
    IdeaFactory(process=open_process, theme=theme, title="Newer")

    assert _titles(client.get(open_process.get_absolute_url())) == ["Newer", "Older"]


def test_the_random_order_stays_the_same_for_one_visitor_across_pages(client, open_process):
    IdeaFactory.create_batch(IDEAS_PER_PAGE + 8, process=open_process, theme=open_process.themes.first())

    first_page = _titles(client.get(open_process.get_absolute_url(), {"sort": "random"}))
    again = _titles(client.get(open_process.get_absolute_url(), {"sort": "random"}))
    second_page = _titles(client.get(open_process.get_absolute_url(), {"sort": "random", "page": 2}))

    assert first_page == again
    assert len(first_page) == IDEAS_PER_PAGE
    assert len(set(first_page) | set(second_page)) == IDEAS_PER_PAGE + 8


def test_pages_hold_twelve_ideas_and_link_to_the_next_keeping_the_filters(client, open_process):
    theme = open_process.themes.first()
    IdeaFactory.create_batch(IDEAS_PER_PAGE + 1, process=open_process, theme=theme)

    response = client.get(open_process.get_absolute_url(), {"theme": theme.slug})

    assert len(_titles(response)) == IDEAS_PER_PAGE
    assert f'href="?theme={theme.slug}&amp;page=2" rel="next"' in response.content.decode()


def test_nonsense_in_the_address_falls_back_to_defaults_not_an_error(client, open_process):
    IdeaFactory(process=open_process, theme=open_process.themes.first())

    response = client.get(open_process.get_absolute_url(), {"sort": "bogus", "neighbourhood": "x", "page": "abc"})

    assert response.status_code == 200
    assert len(_titles(response)) == 1


def test_the_filter_form_with_htmx_returns_only_the_list(client, open_process):
    IdeaFactory(process=open_process, theme=open_process.themes.first(), title="Bike lanes")

    response = client.get(open_process.get_absolute_url(), HTTP_HX_REQUEST="true", HTTP_HX_TARGET="idea-list")

    body = response.content.decode().strip()
    assert body.startswith('<div id="idea-list"')
    assert "Bike lanes" in body
    assert "<html" not in body


def test_process_list_queries_are_the_same_for_one_and_three_processes(client, django_assert_num_queries):
    """The processes, their phases, the participants (one count over the sources: ideas, comments, supports,
    ballots, proposals, budget ballots, volunteers, ballots kept without an account), the recent results and
    decisions (votes, budgets, lotteries, initiatives, meetings): the same whatever the number of processes. The next
    visit reads the counts from the cache."""
    ProcessFactory()
    with django_assert_num_queries(8) as one:
        client.get("/en/")

    ProcessFactory.create_batch(2)  # counted on the next visit
    with django_assert_num_queries(len(one.captured_queries)):
        client.get("/en/")
    with django_assert_num_queries(len(one.captured_queries) - 1):
        client.get("/en/")


def test_search_ignores_accents_and_case(client, open_process):
    theme = open_process.themes.first()
    IdeaFactory(process=open_process, theme=theme, language="fr", title="Une École des devoirs", body="Le mercredi.")
    IdeaFactory(process=open_process, theme=theme, language="fr", title="Un marché", body="Près de l'ÉCOLE.")
    IdeaFactory(process=open_process, theme=theme, language="fr", title="Des arbres", body="Avenue de la Reine.")

    typed_without_accents = client.get(open_process.get_absolute_url(), {"q": "ecole"})
    typed_with_accents = client.get(open_process.get_absolute_url(), {"q": "École"})

    assert sorted(_titles(typed_without_accents)) == ["Un marché", "Une École des devoirs"]
    assert sorted(_titles(typed_with_accents)) == ["Un marché", "Une École des devoirs"]
