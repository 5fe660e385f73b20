"""Uploaded images are checked, turned upright, stripped of their metadata (EXIF, GPS) and resized."""

import io
import uuid

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_UPLOAD_BYTES = 8 * 1024 * 1024
MAX_PIXELS = 40_000_000
MAX_SIDE = 1600
ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP"}


def prepare_image(upload) -> ContentFile:
    """Return a clean JPEG of at most MAX_SIDE pixels a side, or raise a translated ValidationError."""
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("The image is too large: at most %(limit)s."),
            code="image_too_large",
            params={"limit": filesizeformat(MAX_UPLOAD_BYTES)},
        )
    try:
        upload.seek(0)
        with Image.open(upload) as probe:
            image_format = probe.format
            width, height = probe.size
            probe.verify()
        if image_format not in ACCEPTED_FORMATS:
            raise ValidationError(_("Send a JPEG, PNG or WebP image."), code="image_format")
        if width * height > MAX_PIXELS:
            raise ValidationError(_("The image has too many pixels."), code="image_too_large")
        upload.seek(0)
        with Image.open(upload) as image:
            upright = ImageOps.exif_transpose(image)
            upright.thumbnail((MAX_SIDE, MAX_SIDE))
            if upright.mode not in ("RGB", "L"):
                upright = upright.convert("RGBA")
                background = Image.new("RGB", upright.size, (255, 255, 255))
                background.paste(upright, mask=upright.getchannel("A"))
                upright = background
            output = io.BytesIO()
            upright.save(output, format="JPEG", quality=85, optimize=True)  # no exif= : metadata is dropped
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError):
        raise ValidationError(_("This file is not an image we can read."), code="not_an_image") from None
    return ContentFile(output.getvalue(), name=f"{uuid.uuid4().hex}.jpg")
