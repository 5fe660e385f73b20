"""The public dashboard and an indicator's page: what they show, in how many queries."""

from datetime import date

import pytest
from django.urls import reverse

from tests.city.conftest import make_indicator

pytestmark = pytest.mark.django_db


def test_the_dashboard_counts_each_domains_indicators_on_track_off_track_and_without_data(client):
    make_indicator("on", values=[(date(2024, 1, 1), 190)])
    make_indicator("off", values=[(date(2024, 1, 1), 101)])
    make_indicator("empty")
    make_indicator("elsewhere", domain="healthy", values=[(date(2024, 1, 1), 190)])

    page = client.get(reverse("city:dashboard")).content.decode()

    moving = page.split('id="domain-moving"', 1)[1].split("</section>", 1)[0]
    assert "On track: 1 · Off track: 1 · No data: 1" in moving
    healthy = page.split('id="domain-healthy"', 1)[1].split("</section>", 1)[0]
    assert "On track: 1 · Off track: 0 · No data: 0" in healthy


def test_the_dashboard_says_what_on_track_means(client):
    page = client.get(reverse("city:dashboard")).content.decode()

    assert "straight line from the baseline to" in page
    assert "Foundations" in page


def test_the_dashboard_shows_the_domains_in_the_language_of_the_address(client):
    page = client.get("/nl/dashboard/").content.decode()

    assert "Een stad in beweging" in page


def test_the_indicator_page_draws_the_chart_lists_the_values_and_gives_the_gap_and_source(client, indicator):
    page = client.get(reverse("city:indicator", kwargs={"slug": "bus-trips"})).content.decode()

    assert page.count("<svg") == 1
    chart = page.split("<svg", 1)[1].split("</svg>", 1)[0]
    assert "style=" not in chart
    assert "<title>1 January 2024: 160</title>" in chart
    assert ">2020</text>" in chart
    assert ">2030</text>" in chart
    table = page.split('<caption id="values-caption">', 1)[1].split("</table>", 1)[0]
    assert '<td>1 January 2022</td><td class="numeric">110</td>' in table
    assert '<td>1 January 2024</td><td class="numeric">160</td>' in table
    assert "40 trips still to go" in page
    assert "City strategy 2030 §3.2.5" in page
    assert "on track" in page


def test_an_unknown_indicator_is_404(client):
    assert client.get(reverse("city:indicator", kwargs={"slug": "nothing"})).status_code == 404


@pytest.mark.parametrize("count", [1, 3])
def test_the_dashboard_takes_the_same_queries_for_one_or_three_indicators(client, count, django_assert_num_queries):
    for number in range(count):
        make_indicator(f"i{number}", values=[(date(2024, 1, 1), 150), (date(2025, 1, 1), 160)])

    with django_assert_num_queries(3):  # domains, their indicators, the indicators' values
        response = client.get(reverse("city:dashboard"))

    assert response.status_code == 200


@pytest.mark.parametrize("count", [1, 3])
def test_the_indicator_page_takes_the_same_queries_for_one_or_three_values_and_indicators(
    client, count, django_assert_num_queries
):
    for number in range(count):
        make_indicator(f"i{number}", values=[(date(2021 + year, 1, 1), 150 + year) for year in range(count)])

    with django_assert_num_queries(3):  # the indicator with its domain and objective, its values, its projects
        response = client.get(reverse("city:indicator", kwargs={"slug": "i0"}))

    assert response.status_code == 200


def test_the_indicator_page_shows_its_name_in_the_language_of_the_address(client, indicator):
    page = client.get("/fr/dashboard/indicators/bus-trips/").content.decode()

    assert '<h1 lang="fr">FR bus-trips</h1>' in page
    assert "160" in page


def test_a_computed_indicator_shows_its_breakdown_by_neighbourhood(client):
    found = make_indicator("people", values=[(date(2026, 1, 1), 3)])
    found.values.update(breakdown={"20": "2.000", "44": "1.000"})

    page = client.get(found.get_absolute_url()).content.decode()

    table = page.split('<caption id="breakdown-caption">', 1)[1].split("</table>", 1)[0]
    assert '<td class="numeric">2</td>' in table
    assert '<td class="numeric">1</td>' in table
