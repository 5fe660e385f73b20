"""Branding is configuration, not code: each deployment (the City, the Region) sets its organisation's name, logo,
two colours and footer links in the admin (common.models.Branding); pages read them here, from the cache."""

import contextlib
import re

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

CACHE_KEY = "branding"
HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
# WCAG 2.1 AA for normal text: the colour carries white text (header, buttons) and is text on white (links).
MINIMUM_CONTRAST = 4.5


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def contrast_with_white(colour: str) -> float:
    """WCAG 2.1's contrast ratio between a #rrggbb colour and white, from 1 to 21."""
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    luminance = 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)
    return 1.05 / (luminance + 0.05)


def validate_brand_colour(value: str) -> None:
    if not HEX.match(value or ""):
        raise ValidationError(
            _("Give the colour as # and six hexadecimal digits, for example #0b4f9c."), code="colour_format"
        )
    ratio = contrast_with_white(value)
    if ratio < MINIMUM_CONTRAST:
        raise ValidationError(
            _(
                "This colour is too light: its contrast with white is %(ratio)s to 1, at least %(minimum)s to 1 is "
                "needed for text to stay legible (WCAG AA). Choose a darker shade."
            ),
            code="colour_contrast",
            params={"ratio": f"{ratio:.1f}", "minimum": MINIMUM_CONTRAST},
        )


def current():
    """The deployment's branding with its footer links, read once from the database and then from the cache."""
    from samen.common.models import Branding

    try:
        branding = cache.get(CACHE_KEY)
    except Exception:  # whatever the backend raises (Redis down): read the database instead
        branding = Branding.load()
        branding.footer_links  # noqa: B018 (read now)
        return branding
    if branding is None:
        branding = Branding.load()
        branding.footer_links  # noqa: B018 (read now, stored with it)
        with contextlib.suppress(Exception):
            cache.set(CACHE_KEY, branding, None)
    return branding


def forget() -> None:
    """After a change: every worker reads the new branding, and no stored page keeps the old one."""
    from samen.common import page_cache

    with contextlib.suppress(Exception):  # Redis down: nothing is being served from it either
        cache.delete(CACHE_KEY)
    page_cache.site_changed()


def stylesheet(branding) -> str:
    return f".samen-theme{{--samen-primary:{branding.primary_colour};--samen-accent:{branding.accent_colour}}}\n"
