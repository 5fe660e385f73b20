"""Brand colours: #rrggbb, dark enough to carry white text and to be text on white (WCAG 2.1 AA)."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

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
