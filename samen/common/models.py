import contextlib

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from translated_fields import TranslatedField

from samen.common import page_cache
from samen.common.colours import validate_brand_colour
from samen.common.translation import localized, official_fallback, official_field_errors

# Brussels: the Region's name and colours, what a deployment shows until its administrator changes them.
DEFAULT_NAME = {
    "nl": "Brussels Hoofdstedelijk Gewest",
    "fr": "Région de Bruxelles-Capitale",
    "en": "Brussels-Capital Region",
}
DEFAULT_PRIMARY = "#0b4f9c"
DEFAULT_ACCENT = "#0f6e5a"
BRANDING_CACHE_KEY = "branding"


def forget() -> None:
    """After a change: every worker reads the new branding, and no stored page keeps the old one."""
    with contextlib.suppress(Exception):  # Redis down: nothing is being served from it either
        cache.delete(BRANDING_CACHE_KEY)
    page_cache.site_changed()


class Branding(models.Model):
    """One row: the organisation running this deployment, as its pages show it. Edited in the admin by staff."""

    name = TranslatedField(
        models.CharField(_("organisation name"), max_length=120, blank=True), attrgetter=official_fallback
    )
    logo = models.ImageField(
        _("logo"), upload_to="branding/", blank=True, help_text=_("Shown on a white background in the page header.")
    )
    logo_alt = TranslatedField(
        models.CharField(
            _("description of the logo"),
            max_length=200,
            blank=True,
            help_text=_("What the logo says, for people who cannot see it."),
        ),
        attrgetter=official_fallback,
    )
    primary_colour = models.CharField(
        _("primary colour"),
        max_length=7,
        default=DEFAULT_PRIMARY,
        validators=[validate_brand_colour],
        help_text=_("Header and buttons, behind white text; #rrggbb."),
    )
    accent_colour = models.CharField(
        _("accent colour"),
        max_length=7,
        default=DEFAULT_ACCENT,
        validators=[validate_brand_colour],
        help_text=_("The current step and the cards' edge; #rrggbb."),
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("branding")
        verbose_name_plural = _("branding")
        constraints = [models.CheckConstraint(condition=models.Q(pk=1), name="branding_single_row")]

    def __str__(self):
        return str(_("Branding"))

    def save(self, *args, **kwargs):
        updating = not self._state.adding
        if updating:
            self.version = models.F("version") + 1
        super().save(*args, **kwargs)
        if updating:
            self.refresh_from_db(fields=["version"])
        forget()

    def clean(self):
        if self.logo:
            errors = official_field_errors(self, "logo_alt", required=True)
            if errors:
                raise ValidationError(errors)

    @classmethod
    def load(cls) -> "Branding":
        """The row (its migration creates it), or the Brussels defaults unsaved if someone deleted it: a read
        never writes."""
        return cls.objects.filter(pk=1).first() or cls.defaults()

    @classmethod
    def defaults(cls) -> "Branding":
        return cls(pk=1, **{f"name_{language}": text for language, text in DEFAULT_NAME.items()})

    @property
    def stylesheet_url(self) -> str:
        return reverse("branding_stylesheet", kwargs={"version": self.version})

    @property
    def footer_links(self):
        if not hasattr(self, "cached_links"):
            self.cached_links = [] if self._state.adding else list(self.links.all())
        return self.cached_links


class FooterLink(models.Model):
    branding = models.ForeignKey(Branding, on_delete=models.CASCADE, related_name="links")
    label = TranslatedField(models.CharField(_("label"), max_length=100, blank=True), attrgetter=official_fallback)
    url = models.URLField(_("address"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("footer link")
        verbose_name_plural = _("footer links")

    def __str__(self):
        return self.label

    @property
    def lang(self) -> str:
        return localized(self, "label").language

    def clean(self):
        errors = official_field_errors(self, "label", required=True)
        if errors:
            raise ValidationError(errors)
