"""An indicator's page lists the City projects serving it, with their status, in one query however many."""

import pytest
from django.urls import reverse

from tests.city.conftest import make_indicator
from tests.city.test_project_list import make_project

pytestmark = pytest.mark.django_db


def test_the_indicator_page_lists_the_projects_serving_it_with_their_status(client, indicator):
    make_project("bus-lanes", status="ongoing").indicators.add(indicator)
    make_project("tram-stop", status="completed").indicators.add(indicator)
    make_project("elsewhere")

    page = client.get(reverse("city:indicator", kwargs={"slug": indicator.slug})).content.decode()

    section = page.split('<h2 id="projects-title">Projects serving this indicator</h2>', 1)[1].split("</section>")[0]
    assert section.count("<li>") == 2
    assert '<a href="/en/projects/bus-lanes/" lang="en">Bus lanes</a>' in section
    assert "Ongoing" in section
    assert '<a href="/en/projects/tram-stop/" lang="en">Tram stop</a>' in section
    assert "Completed" in section
    assert "elsewhere" not in section.lower()


def test_an_indicator_without_projects_says_so(client, indicator):
    page = client.get(reverse("city:indicator", kwargs={"slug": indicator.slug})).content.decode()

    assert "No City project is linked to this indicator yet." in page


@pytest.mark.parametrize("count", [1, 3])
def test_the_indicator_page_takes_the_same_queries_for_one_or_three_projects(client, count, django_assert_num_queries):
    indicator = make_indicator("bus-trips")
    for number in range(count):
        make_project(f"p{number}").indicators.add(indicator)

    with django_assert_num_queries(3):  # the indicator with its domain and objective, its values, its projects
        response = client.get(reverse("city:indicator", kwargs={"slug": "bus-trips"}))

    assert response.content.decode().count('class="utrecht-status-badge utrecht-status-badge--neutral">New<') == count
