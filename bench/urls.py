"""The platform's URLs plus /bench/bare-write/ (one INSERT and nothing else: no session, no CSRF, no rules) and
/bench/bare-read/ (a constant)."""

from django.db import connection
from django.http import HttpResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from samen.urls import urlpatterns as samen_urlpatterns


@csrf_exempt
def bare_write(request):
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO bench_write (resident_id, idea_id) VALUES (%s, %s) ON CONFLICT DO NOTHING",
            [int(request.POST["resident"]), int(request.POST["idea"])],
        )
    return HttpResponse("ok", content_type="text/plain")


def bare_read(request):
    """A constant through the same middleware as every page: the ceiling for a page served from a cache."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/bare-write/", bare_write), path("bench/bare-read/", bare_read), *samen_urlpatterns]
