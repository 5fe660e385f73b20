"""/api/v1/: outside the language prefixes, every view wrapped with the API's shared HTTP behaviour (http.py)."""

from django.urls import re_path

from samen.api.api import api
from samen.api.http import not_found, public_api

patterns, app_name, namespace = api.urls
for pattern in patterns:
    pattern.callback = public_api(pattern.callback)
urlpatterns = [*patterns, re_path(r"^(?P<rest>.*)$", not_found)]
