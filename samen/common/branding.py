"""Branding is configuration, not code: each deployment (the City, the Region) sets its organisation's name, logo,
two colours and footer links in the admin (common.models.Branding); pages read them here, from the cache."""

import contextlib

from django.core.cache import cache

from samen.common.models import BRANDING_CACHE_KEY, Branding


def current() -> Branding:
    """The deployment's branding with its footer links, read once from the database and then from the cache."""
    try:
        branding = cache.get(BRANDING_CACHE_KEY)
    except Exception:  # whatever the backend raises (Redis down): read the database instead
        branding = Branding.load()
        branding.footer_links  # noqa: B018 (read now)
        return branding
    if branding is None:
        branding = Branding.load()
        branding.footer_links  # noqa: B018 (read now, stored with it)
        with contextlib.suppress(Exception):
            cache.set(BRANDING_CACHE_KEY, branding, None)
    return branding


def stylesheet(branding) -> str:
    return f".samen-theme{{--samen-primary:{branding.primary_colour};--samen-accent:{branding.accent_colour}}}\n"
