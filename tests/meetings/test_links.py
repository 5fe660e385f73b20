"""Where meetings show beyond their calendars: a council's page (its next meetings, its past minutes), a process's
follow-up page and process page (the published minutes), and the site's navigation (the calendar)."""

from datetime import date

import pytest
from django.urls import reverse

from samen.common import clock
from samen.panels.models import Council
from samen.processes import page, queries
from samen.processes.models import Process
from tests.factories import ProcessFactory
from tests.meetings.conftest import make_meeting

pytestmark = pytest.mark.django_db


def _council(slug: str) -> Council:
    return Council.objects.create(
        slug=slug,
        name_nl=f"Wijkraad {slug}",
        name_fr=f"Conseil de quartier {slug}",
        drawn_seats=10,
        delegate_seats=5,
        term_start=date(2026, 1, 1),
        term_end=date(2028, 1, 1),
    )


def _minutes(**fields):
    return make_meeting(
        in_days=-10,
        minutes_nl="Het verslag.",
        minutes_fr="Le compte rendu.",
        minutes_published_at=clock.now(),
        **fields,
    )


def test_a_council_page_shows_its_next_meetings_and_links_its_past_minutes(client):
    laeken, other = _council("laeken"), _council("haren")
    coming = make_meeting(in_days=5, council=laeken, title_en="Laeken in spring")
    past = _minutes(council=laeken, title_en="Laeken in winter")
    make_meeting(in_days=-20, council=laeken, title_en="Laeken without minutes")
    make_meeting(in_days=5, council=other, title_en="Haren evening")

    page = client.get(reverse("panels:council", args=["laeken"])).content.decode()

    assert coming.get_absolute_url() in page
    assert f"{past.get_absolute_url()}#minutes" in page
    assert "Laeken without minutes" not in page
    assert "Haren evening" not in page
    assert reverse("meetings:council_calendar", args=["laeken"]) in page


def test_the_follow_up_page_links_the_published_minutes_of_the_process_meetings_only(client):
    process, other = ProcessFactory(), ProcessFactory()
    published = _minutes(process=process, title_en="Kick-off evening")
    make_meeting(in_days=-5, process=process, minutes_nl="Concept", minutes_fr="Brouillon", title_en="Draft minutes")
    _minutes(process=other, title_en="Another process's evening")

    page = client.get(reverse("city:follow_up", args=[process.slug])).content.decode()

    assert f"{published.get_absolute_url()}#minutes" in page
    assert "Draft minutes" not in page
    assert "Another process&#x27;s evening" not in page
    assert "Another process's evening" not in page


def test_the_process_page_links_the_published_minutes(client):
    process = ProcessFactory()
    make_meeting(process=process)
    before = client.get(process.get_absolute_url()).content.decode()
    _minutes(process=process)

    after = client.get(process.get_absolute_url()).content.decode()

    assert "Minutes and decisions" not in before
    assert "Minutes and decisions: 1 meeting" in after
    assert reverse("city:follow_up", args=[process.slug]) + "#minutes" in after


def test_the_navigation_links_the_calendar(client):
    page = client.get(reverse("processes:list")).content.decode()

    assert f'<li><a href="{reverse("meetings:calendar")}">Calendar</a></li>' in page


def test_the_home_page_lists_meetings_whose_decisions_are_published(client):
    decided = _minutes(title_en="Evening with decisions", decisions_nl="Een bank.", decisions_fr="Un banc.")
    _minutes(title_en="Evening without decisions")
    hidden = _minutes(
        title_en="Draft process evening",
        decisions_nl="Ja.",
        decisions_fr="Oui.",
        process=ProcessFactory(status="draft"),
    )

    page = client.get(reverse("processes:list")).content.decode()

    assert f"{decided.get_absolute_url()}#decisions" in page
    assert "Evening without decisions" not in page
    assert hidden.get_absolute_url() not in page


def test_the_meetings_and_minutes_counted_with_the_process_match_a_count_of_their_own():
    process = ProcessFactory()
    make_meeting(process=process)
    _minutes(process=process)
    _minutes(process=ProcessFactory())
    read_with_counts = Process.objects.annotate(
        **{f"counted_{row.key}": queries.rows_of(row) for row in page.counted_rows()}
    ).get(pk=process.pk)
    read_alone = Process.objects.get(pk=process.pk)

    with_counts = [queries.counted(read_with_counts, name) for name in ("meetings", "meetings_minutes")]
    alone = [queries.counted(read_alone, name) for name in ("meetings", "meetings_minutes")]

    assert with_counts == alone == [2, 1]
