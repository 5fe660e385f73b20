"""The ideas map: nothing loads until it is opened; clusters, the neighbourhood layer and the filters work."""

import pytest

from tests.browser.conftest import assert_accessible
from tests.conftest import process_in
from tests.factories import IdeaFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_map_loads_when_opened_and_follows_the_filters(page, live_server):
    process = process_in("open")
    mobility, green = process.themes.all()
    for index in range(40):
        theme = mobility if index % 4 else green
        IdeaFactory(process=process, theme=theme, latitude=50.83 + index * 0.001, longitude=4.34 + index * 0.001)
    requested = []
    page.on("request", lambda request: requested.append(request.url))

    page.goto(f"{live_server.url}/en/processes/{process.slug}/")
    loaded_before_opening = [url for url in requested if "leaflet" in url or "geojson" in url]
    page.get_by_text("Show the ideas on a map").click()
    page.locator("#ideas-map[data-count='40']").wait_for()
    page.locator(".marker-cluster").first.wait_for()
    page.locator("#ideas-map path.leaflet-interactive").nth(144).wait_for(state="attached")
    assert_accessible(page)

    page.get_by_label("Theme").select_option(green.slug)
    page.locator("#ideas-map[data-count='10']").wait_for()

    assert loaded_before_opening == []


def test_without_javascript_the_map_stays_out_of_the_way(page_without_js, live_server):
    process = process_in("open")
    IdeaFactory(process=process, theme=process.themes.first(), latitude=50.85, longitude=4.35, title="On the map")

    page_without_js.goto(f"{live_server.url}/en/processes/{process.slug}/")

    assert page_without_js.locator("#map-panel").is_hidden()
    assert page_without_js.get_by_role("link", name="On the map").is_visible()


def _processes_in_places():
    from samen.processes.models import Process

    laeken, ixelles = process_in("open"), process_in("future")
    Process.objects.filter(pk=laeken.pk).update(title_en="Laeken park", scope="neighbourhood", neighbourhood_code=20)
    Process.objects.filter(pk=ixelles.pk).update(
        title_en="Ixelles squares", scope="municipality", municipality_nis="21009"
    )


def test_the_processes_map_outlines_their_places_and_the_keyboard_walks_past_it(page, live_server):
    _processes_in_places()
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{live_server.url}/en/")
    home_loaded_leaflet = any("leaflet" in url for url in requested)

    page.get_by_role("link", name="By neighbourhood, on a map").click()
    page.locator("#processes-map[data-shown='2']").wait_for()
    outlines = page.locator("#processes-map path.leaflet-interactive").count()
    assert_accessible(page)
    page.locator("#processes-map path.leaflet-interactive").last.click()
    popup_link = page.locator(".leaflet-popup a", has_text="Laeken park")
    popup_link.wait_for()
    reached = []
    page.locator("h1").focus()
    for _ in range(12):  # past the map's zoom buttons and attribution to the list's links
        page.keyboard.press("Tab")
        reached.append(page.evaluate("document.activeElement.textContent.trim()"))

    assert not home_loaded_leaflet
    assert outlines == 2
    assert "Laeken park" in reached
    assert "Ixelles squares" in reached


def test_without_javascript_the_processes_map_page_is_a_list_by_place(page_without_js, live_server):
    _processes_in_places()

    page_without_js.goto(f"{live_server.url}/en/map/")

    assert page_without_js.locator("#processes-map").is_hidden()
    assert page_without_js.get_by_role("heading", name="Ixelles").is_visible()
    assert page_without_js.get_by_role("link", name="Laeken park").is_visible()
