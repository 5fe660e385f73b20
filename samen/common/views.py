from django.db import connection
from django.http import HttpResponse
from django.shortcuts import render


def health(request):
    """For the load balancer: 200 when the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")


def too_many_attempts(request, exception=None):
    """django-ratelimit's answer when a limit is reached: 429 with a translated page, nothing done."""
    return render(request, "429.html", status=429)
