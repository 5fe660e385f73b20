"""The City's strategy: its domains and foundations, objectives per domain, indicators and their values over time,
and the population table that participation indicators are measured against."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from translated_fields import TranslatedField

from samen.common.geography import neighbourhood_choices
from samen.common.translation import official_fallback


class Domain(models.Model):
    """One of the strategy's domains (an open and solidary city, …) or one of its foundations (data, …)."""

    slug = models.SlugField(_("address"), max_length=60, unique=True)
    name = TranslatedField(models.CharField(_("name"), max_length=120, blank=True), attrgetter=official_fallback)
    foundation = models.BooleanField(
        _("foundation"), default=False, help_text=_("A foundation that serves every domain, not a domain itself.")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("domain")
        verbose_name_plural = _("domains")
        ordering = ["foundation", "position", "pk"]

    def __str__(self):
        return self.name or self.slug


class Objective(models.Model):
    domain = models.ForeignKey(Domain, on_delete=models.PROTECT, related_name="objectives", verbose_name=_("domain"))
    title = TranslatedField(models.CharField(_("title"), max_length=200, blank=True), attrgetter=official_fallback)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")
        ordering = ["domain", "position", "pk"]
        constraints = [
            models.CheckConstraint(name="objective_has_nl_and_fr_title", condition=~Q(title_nl="") & ~Q(title_fr=""))
        ]

    def __str__(self):
        return self.title


class Indicator(models.Model):
    class Direction(models.TextChoices):
        HIGHER = "higher", _("Higher is better")
        LOWER = "lower", _("Lower is better")

    class Kind(models.TextChoices):
        ENTERED = "entered", _("Entered by staff")
        IMPORTED = "imported", _("Imported from a file")
        COMPUTED = "computed", _("Computed by the platform")

    slug = models.SlugField(_("address"), max_length=80, unique=True)
    domain = models.ForeignKey(Domain, on_delete=models.PROTECT, related_name="indicators", verbose_name=_("domain"))
    objective = models.ForeignKey(
        Objective,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="indicators",
        verbose_name=_("objective"),
    )
    name = TranslatedField(models.CharField(_("name"), max_length=200, blank=True), attrgetter=official_fallback)
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    direction = models.CharField(_("direction"), max_length=6, choices=Direction.choices, default=Direction.HIGHER)
    baseline_value = models.DecimalField(_("baseline"), max_digits=14, decimal_places=3, null=True, blank=True)
    baseline_date = models.DateField(_("date of the baseline"), null=True, blank=True)
    target_value = models.DecimalField(_("target"), max_digits=14, decimal_places=3, null=True, blank=True)
    target_date = models.DateField(_("date of the target"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)
    source_url = models.URLField(_("address of the source"), blank=True)
    note = models.TextField(_("note"), blank=True)
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, default=Kind.ENTERED)
    # For a computed indicator: the key of its computation in city/computed.py.
    code = models.CharField(_("computation"), max_length=60, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["domain", "position", "pk"]
        constraints = [
            models.CheckConstraint(name="indicator_has_nl_and_fr_name", condition=~Q(name_nl="") & ~Q(name_fr="")),
            models.CheckConstraint(
                name="computed_indicator_has_a_computation", condition=~Q(kind="computed") | ~Q(code="")
            ),
            models.UniqueConstraint(fields=["code"], condition=~Q(code=""), name="one_indicator_per_computation"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("city:indicator", kwargs={"slug": self.slug})

    def clean(self):
        if self.objective_id and self.domain_id and self.objective.domain_id != self.domain_id:
            raise ValidationError({"objective": _("The objective belongs to another domain.")})


class IndicatorValue(models.Model):
    """One measurement of an indicator; a computed one may carry its breakdown (per neighbourhood)."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    date = models.DateField(_("date"))
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=3)
    note = models.CharField(_("note"), max_length=300, blank=True)
    breakdown = models.JSONField(default=dict, blank=True)  # {"20": 12.5, …} per neighbourhood code

    class Meta:
        verbose_name = _("value")
        verbose_name_plural = _("values")
        ordering = ["indicator", "date"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "date"], name="one_indicator_value_per_date"),
        ]

    def __str__(self):
        return f"{self.indicator}: {self.value} ({self.date})"


class PopulationTable(models.Model):
    """How many people live in each neighbourhood, by age band and gender, as the City uploads it; the newest one
    is what participation is compared with."""

    title = models.CharField(_("title"), max_length=200)
    source = models.CharField(_("source"), max_length=300, blank=True)
    licence = models.CharField(_("licence"), max_length=120, blank=True)
    invented = models.BooleanField(_("invented"), default=False, help_text=_("Made up for the demo: not real data."))
    reference_date = models.DateField(_("reference date"))
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("population table")
        verbose_name_plural = _("population tables")
        ordering = ["-reference_date", "-pk"]

    def __str__(self):
        return self.title


class PopulationCount(models.Model):
    table = models.ForeignKey(PopulationTable, on_delete=models.CASCADE, related_name="counts")
    neighbourhood_code = models.PositiveSmallIntegerField(_("neighbourhood"), choices=neighbourhood_choices)
    age_band = models.CharField(_("age band"), max_length=10)  # "16-24", "65+"
    gender = models.CharField(_("gender"), max_length=10)  # "woman", "man", "x"
    count = models.PositiveIntegerField(_("residents"))

    class Meta:
        verbose_name = _("population count")
        verbose_name_plural = _("population counts")
        constraints = [
            models.UniqueConstraint(
                fields=["table", "neighbourhood_code", "age_band", "gender"], name="one_population_count_per_group"
            ),
        ]

    def __str__(self):
        return f"{self.neighbourhood_code} {self.age_band} {self.gender}: {self.count}"


class ImportJob(models.Model):
    """A CSV file of indicator values that staff uploaded; the worker reads it line by line and reports each
    refused line with its number and reason. It names nobody: the app holds no personal data."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    language = models.CharField(max_length=2, default="fr")
    content = models.TextField()
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.QUEUED)
    total_lines = models.PositiveIntegerField(default=0)
    lines_done = models.PositiveIntegerField(default=0)
    saved = models.PositiveIntegerField(default=0)
    refused = models.JSONField(default=list, blank=True)  # [[line number, reason], …] in the requester's language
    requested_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("import of values")
        verbose_name_plural = _("imports of values")
        ordering = ["-requested_at"]

    def __str__(self):
        return f"{self.requested_at:%Y-%m-%d %H:%M} ({self.get_status_display()})"

    ACTIVE = (Status.QUEUED, Status.RUNNING)
    LOST_AFTER = timedelta(hours=1)

    def lost(self, now) -> bool:
        """Still queued or running an hour after the upload: the worker is down or died on it. Uploading the file
        again is safe: lines already saved are refused as duplicates, the others are saved."""
        return self.status in self.ACTIVE and now - self.requested_at > self.LOST_AFTER

    @property
    def percent(self) -> int:
        return self.lines_done * 100 // self.total_lines if self.total_lines else 0
