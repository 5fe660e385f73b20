"""Installable on a phone (issue 16): the web app manifest, a service worker that keeps only the site's shell (its
stylesheet, script and icons) and an offline page, and nothing else. Pages are never kept: what a resident reads
is always current and nothing personal stays in the browser's cache. Every page still works without JavaScript;
without it there is simply no service worker."""

import json

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control

from samen.common import branding

# Bump when the shell's files change: the new service worker then drops the old cache.
SHELL_VERSION = "2"


def shell_files() -> list[str]:
    return [
        static("vendor/utrecht/components.css"),
        static("samen/theme.css"),
        static("samen/site.css"),
        static("vendor/htmx/htmx.min.js"),
        static("samen/pwa.js"),
        static("samen/favicon.svg"),
        static("samen/icon-192.png"),
    ]


def offline_pages() -> dict[str, str]:
    """The offline page in each language, by its language prefix."""
    pages = {}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            pages[language] = reverse("offline")
    return pages


@cache_control(max_age=3600, public=True)
def manifest(request):
    data = {
        "name": _("Samen: citizen participation in Brussels"),
        "short_name": "Samen",
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": branding.current().primary_colour,
        "lang": translation.get_language(),
        "icons": [
            {"src": static("samen/icon-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": static("samen/icon-512.png"), "sizes": "512x512", "type": "image/png"},
            {"src": static("samen/favicon.svg"), "sizes": "any", "type": "image/svg+xml"},
        ],
    }
    return HttpResponse(json.dumps(data, ensure_ascii=False), content_type="application/manifest+json")


@cache_control(no_cache=True)
def service_worker(request):
    """Served from the root so that it may answer for every page; browsers check it for updates at each visit."""
    body = render_to_string(
        "common/service-worker.js",
        {
            "version": SHELL_VERSION,
            "shell": json.dumps(shell_files()),
            "offline": json.dumps(offline_pages()),
            "default_language": json.dumps(settings.LANGUAGE_CODE),
        },
    )
    response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = "/"
    return response


def offline(request):
    """What the service worker shows when a page cannot be reached."""
    return render(request, "common/offline.html")
