"""Installed on a phone, the site shows its offline page (in the page's language) when the network is gone, and
keeps no page it served (issue 16)."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_without_network_a_page_gives_the_offline_page_in_its_language(page, live_server):
    page.goto(f"{live_server.url}/fr/")
    page.evaluate("navigator.serviceWorker.ready")  # installed and active: the shell is stored
    page.reload()  # the page is now one the service worker answers for
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    cached = page.evaluate(
        "caches.keys().then(keys => Promise.all(keys.map(key => caches.open(key).then(c => c.keys()))))"
        ".then(lists => lists.flat().map(request => new URL(request.url).pathname))"
    )

    page.context.set_offline(True)
    try:
        page.goto(f"{live_server.url}/fr/initiatives/")
        text = page.content()
    finally:
        page.context.set_offline(False)

    assert "Vous êtes hors ligne" in text
    assert "/fr/offline/" in cached
    assert "/fr/" not in cached
    assert "/fr/initiatives/" not in cached
