"""The City's projects: the map over the list follows its filters, takes no keyboard stop, and stays out of the way
without JavaScript, where the list and its filters work alone; a project's page and an indicator's page (its chart,
table and projects) with JavaScript on and off; axe-core on each, at 320 px too."""

from datetime import date

import pytest

from samen.city.models import Domain, Project
from samen.city.strategy import load_domains
from tests.browser.conftest import assert_accessible
from tests.city.conftest import make_indicator
from tests.city.test_project_list import SQUARE, make_project

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def domains():
    """The strategy's domains, which a migration loads and a transactional test's flush removes."""
    load_domains(Domain)


def _projects():
    make_project("tram-stop", title_en="A new tram stop", latitude=50.85, longitude=4.35, status="ongoing")
    make_project("bike-lane", title_en="A bike lane", latitude=50.84, longitude=4.36)
    make_project("green-square", domain="healthy", title_en="A green square", area=SQUARE)
    make_project("open-data", domain="healthy", title_en="Open data for all")  # no place: the list only


def test_the_map_shows_the_listed_projects_with_a_place_and_follows_the_filters(page, live_server):
    _projects()
    requested = []
    page.on("request", lambda request: requested.append(request.url))

    page.goto(f"{live_server.url}/en/projects/")
    page.locator("#projects-map[data-shown='3']").wait_for()
    shapes = page.locator("#projects-map path.leaflet-interactive").count()
    help_text = page.locator("#projects-map-help").text_content()
    assert_accessible(page)
    page.locator("#projects-map path.leaflet-interactive").first.click()
    popup = page.locator(".leaflet-popup-content a")
    popup.wait_for()
    popup_target = popup.get_attribute("href")

    page.get_by_label("Domain").select_option("healthy")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url("**/projects/?domain=healthy*")
    page.locator("#projects-map[data-shown='1']").wait_for()
    listed = page.locator(".project-list h2").all_text_contents()

    assert any("leaflet.js" in url for url in requested)
    assert shapes == 3
    assert "3 of 4" in " ".join(help_text.split())
    assert popup_target.startswith("/en/projects/")
    assert listed == ["A green square", "Open data for all"]
    assert page.locator("#projects-map path.leaflet-interactive").count() == 1


def test_the_keyboard_walks_past_the_map(page, live_server):
    _projects()
    page.goto(f"{live_server.url}/en/projects/")
    page.locator("#projects-map[data-shown='3']").wait_for()

    page.locator("#filter-domain").focus()
    reached = []
    for _ in range(4):  # the two other filters, the button, then the first project of the list
        page.keyboard.press("Tab")
        reached.append(
            page.evaluate(
                "document.activeElement.closest('#projects-map') ? 'map' : document.activeElement.textContent.trim()"
            )
        )

    assert "map" not in reached
    assert reached[-1] == "A green square"


def test_without_javascript_the_list_and_its_filters_work_and_the_map_stays_hidden(page_without_js, live_server):
    _projects()
    requested = []
    page_without_js.on("request", lambda request: requested.append(request.url))

    page_without_js.goto(f"{live_server.url}/en/projects/")
    hidden = page_without_js.locator("#projects-map").is_hidden()
    page_without_js.get_by_label("Status").select_option("ongoing")
    page_without_js.get_by_role("button", name="Show").click()
    page_without_js.wait_for_url("**/projects/?*status=ongoing*")

    assert hidden
    assert page_without_js.locator(".project-list h2").all_text_contents() == ["A new tram stop"]
    assert page_without_js.get_by_text("1 project", exact=True).is_visible()
    assert not any("leaflet" in url for url in requested)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_the_projects_a_project_and_an_indicator_pass_axe_at_320_px(browser, live_server, javascript):
    from tests.browser.conftest import _page

    _projects()
    indicator = make_indicator("bus-trips", values=[(date(2022, 1, 1), 110), (date(2024, 1, 1), 160)])
    indicator.projects.add(*Project.objects.filter(slug__in=["tram-stop", "bike-lane"]))
    context, page, csp_violations = _page(browser, javascript=True, site_scripts=javascript)
    found = {}
    for width in (320, 1280):
        page.set_viewport_size({"width": width, "height": 800})
        for path in ("/en/projects/", "/en/projects/green-square/", "/en/dashboard/indicators/bus-trips/"):
            page.goto(live_server.url + path)
            if javascript and path == "/en/projects/":
                page.locator("#projects-map[data-shown='3']").wait_for()
            assert_accessible(page)
            found[(path, width)] = page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0

    page.goto(f"{live_server.url}/en/dashboard/indicators/bus-trips/")
    chart = page.locator("figure.chart-figure svg").is_visible()
    table = page.get_by_role("table", name="Values (trips)").is_visible()
    serving = page.locator(".serving-projects a").all_text_contents()
    context.close()

    assert found == dict.fromkeys(found, True)
    assert chart
    assert table
    assert sorted(serving) == ["A bike lane", "A new tram stop"]
    assert csp_violations == []


def test_the_projects_page_weighs_less_than_150_kb_on_first_load_the_map_excluded(browser, live_server):
    """As the main pages (test_weight_and_keyboard.py): the map (Leaflet, its tiles, the map's scripts and data)
    aside, which only a visitor with JavaScript loads, after the list."""
    from tests.browser.test_weight_and_keyboard import BUDGET

    for number in range(30):
        make_project(f"project-{number}", latitude=50.84 + number / 1000, longitude=4.35, description_en="Text. " * 80)
    context = browser.new_context()  # an empty cache: a first visit
    page = context.new_page()
    page.goto(f"{live_server.url}/en/projects/", wait_until="load")
    page.locator("#projects-map[data-shown='30']").wait_for()  # every project with a place, not just the page's 25
    weight = page.evaluate(
        r"""() => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
                 .filter(entry => !/vendor\/leaflet\/|map\.js|map\.geojson|tile/.test(entry.name))
                 .reduce((total, entry) => total + entry.transferSize, 0)"""
    )
    context.close()

    assert weight < BUDGET, weight
