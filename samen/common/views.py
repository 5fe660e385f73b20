from django.db import connection
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from samen.common import branding


def health(request):
    """For the load balancer: 200 when the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")


def too_many_attempts(request, exception=None):
    """django-ratelimit's answer when a limit is reached: 429 with a translated page, nothing done."""
    return render(request, "429.html", status=429)


@require_safe
def branding_stylesheet(request, version: int):
    """The deployment's two brand colours as CSS custom properties: a stylesheet, since the CSP refuses inline
    styles. Its address carries the branding's version, so the current one is cached for a year and a change is
    fetched at once; an old version's address gets the current colours, not cached."""
    current = branding.current()
    response = HttpResponse(branding.stylesheet(current), content_type="text/css; charset=utf-8")
    if version == current.version:
        patch_cache_control(response, public=True, max_age=365 * 24 * 3600, immutable=True)
    else:
        patch_cache_control(response, no_cache=True)
    return response
