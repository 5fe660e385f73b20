"""The City's strategy: its domains and foundations, objectives per domain, indicators and their values over time,
the population table that participation indicators are measured against, and the City's projects with their
timeline of updates and their followers."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from translated_fields import TranslatedField

from samen.common import clock
from samen.common.geography import neighbourhood_choices, neighbourhoods, neighbourhoods_touching
from samen.common.translation import official_fallback, official_field_errors


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


class Project(models.Model):
    """A City project: what the strategy plans, or what became of a winning idea, a funded proposal, an initiative or
    a council's advice. Its status moves with its updates; its neighbourhoods follow from its place."""

    class Status(models.TextChoices):
        NEW = "new", _("New")
        ONGOING = "ongoing", _("Ongoing")
        COMPLETED = "completed", _("Completed")
        ABANDONED = "abandoned", _("Abandoned")

    slug = models.SlugField(_("address"), max_length=80, unique=True)
    title = TranslatedField(models.CharField(_("title"), max_length=200, blank=True), attrgetter=official_fallback)
    description = TranslatedField(
        models.TextField(_("description"), max_length=10000, blank=True), attrgetter=official_fallback
    )
    domain = models.ForeignKey(Domain, on_delete=models.PROTECT, related_name="projects", verbose_name=_("domain"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.NEW)
    starts_on = models.DateField(_("start"), null=True, blank=True)
    ends_on = models.DateField(_("planned end"), null=True, blank=True)
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    abandoned_reason = TranslatedField(
        models.TextField(_("why it was abandoned"), max_length=5000, blank=True), attrgetter=official_fallback
    )
    budget_planned = models.DecimalField(
        _("planned budget (€)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    budget_spent = models.DecimalField(_("spent so far (€)"), max_digits=14, decimal_places=2, null=True, blank=True)
    department = models.CharField(_("responsible department"), max_length=200, blank=True)
    # The place: a point, or an area (a GeoJSON geometry); the neighbourhoods are derived from it (ProjectPlace).
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    area = models.JSONField(_("area (GeoJSON geometry)"), null=True, blank=True)
    # The participation that shaped it.
    process = models.ForeignKey(
        "processes.Process",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="city_projects",
        verbose_name=_("participation process"),
    )
    idea = models.OneToOneField(
        "ideas.Idea",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="city_project",
        verbose_name=_("winning idea"),
    )
    proposal = models.OneToOneField(
        "budgets.Proposal",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="city_project",
        verbose_name=_("funded budget proposal"),
    )
    initiative = models.ForeignKey(
        "initiatives.Initiative",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="city_projects",
        verbose_name=_("citizens' initiative"),
    )
    advice_url = models.URLField(_("address of a council's advice"), blank=True)
    indicators = models.ManyToManyField(
        Indicator, blank=True, related_name="projects", verbose_name=_("indicators it serves")
    )
    invented = models.BooleanField(
        _("written for the demo"), default=False, help_text=_("Text written for the demo: not the City's words.")
    )
    created_at = models.DateTimeField(default=clock.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("City project")
        verbose_name_plural = _("City projects")
        ordering = ["domain", "title_fr", "pk"]
        constraints = [
            models.CheckConstraint(name="project_has_nl_and_fr_title", condition=~Q(title_nl="") & ~Q(title_fr="")),
            models.CheckConstraint(
                name="abandoned_project_says_why",
                condition=~Q(status="abandoned") | (~Q(abandoned_reason_nl="") & ~Q(abandoned_reason_fr="")),
            ),
            models.CheckConstraint(
                name="project_budget_not_negative",
                condition=(Q(budget_planned__isnull=True) | Q(budget_planned__gte=0))
                & (Q(budget_spent__isnull=True) | Q(budget_spent__gte=0)),
            ),
            models.CheckConstraint(
                name="project_point_is_whole",
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__isnull=False, longitude__isnull=False),
            ),
        ]

    def __str__(self):
        return self.title

    # What its neighbourhoods follow from: they are derived again only when one of these changes.
    PLACE_FIELDS = ("latitude", "longitude", "area", "process_id")

    def save(self, *args, **kwargs):
        """Saved with the neighbourhoods its place touches (none: a project of the whole City), derived again only
        when its place or its process changed: a status or a budget saved alone leaves them as they are."""
        loaded = getattr(self, "loaded_place", None)
        super().save(*args, **kwargs)
        now = self._place_state()
        if loaded is not None and now == loaded:
            return
        self.loaded_place = now
        codes = self.derived_neighbourhoods() if self.geometry else []
        if not codes and self.process_id and self.process.neighbourhood_code:
            codes = [self.process.neighbourhood_code]
        self.places.exclude(neighbourhood_code__in=codes).delete()
        ProjectPlace.objects.bulk_create(
            [ProjectPlace(project=self, neighbourhood_code=code) for code in codes], ignore_conflicts=True
        )

    def get_absolute_url(self):
        return reverse("city:project", kwargs={"slug": self.slug})

    @classmethod
    def from_db(cls, db, field_names, values):
        project = super().from_db(db, field_names, values)
        project.loaded_place = project._place_state()
        return project

    def _place_state(self) -> tuple | None:
        """The loaded place and process, or None when one of them was not loaded (`only()`, `defer()`)."""
        deferred = self.get_deferred_fields()
        if any(name.removesuffix("_id") in deferred or name in deferred for name in self.PLACE_FIELDS):
            return None
        return tuple(getattr(self, name) for name in self.PLACE_FIELDS)

    @property
    def loaded_process_id(self) -> int | None:
        """The process it belonged to when it was read (a moved project leaves a stale page there too)."""
        loaded = getattr(self, "loaded_place", None)
        return loaded[-1] if loaded else None

    @property
    def geometry(self) -> dict | None:
        """The place as a GeoJSON geometry: the area if drawn, else the point, else None."""
        if self.area:
            return self.area
        if self.latitude is not None:
            return {"type": "Point", "coordinates": [self.longitude, self.latitude]}
        return None

    @property
    def neighbourhood_names(self) -> list[str]:
        """The names of the neighbourhoods it touches (none: the whole City), from its prefetched places."""
        places = neighbourhoods()
        return sorted(places[p.neighbourhood_code].name for p in self.places.all() if p.neighbourhood_code in places)

    def derived_neighbourhoods(self) -> list[int]:
        geometry = self.geometry
        return neighbourhoods_touching(geometry) if geometry else []

    def clean(self):
        errors = official_field_errors(self, "title", required=True)
        errors |= official_field_errors(self, "description", required=True)
        if self.status == self.Status.ABANDONED:
            errors |= {
                key.replace("title", "abandoned_reason"): _("Say why the project was abandoned, in Dutch and French.")
                for key in official_field_errors(self, "abandoned_reason", required=True)
            }
        if self.area:
            try:
                neighbourhoods_touching(self.area)
            except ValueError:
                errors["area"] = _("The area is not a valid GeoJSON geometry.")
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("The planned end comes before the start.")
        if errors:
            raise ValidationError(errors)


class ProjectPlace(models.Model):
    """A neighbourhood a project's place touches: derived on every save of the project, for the filter by
    neighbourhood (a JSON list cannot be searched on SQLite)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="places")
    neighbourhood_code = models.PositiveSmallIntegerField(_("neighbourhood"), choices=neighbourhood_choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["project", "neighbourhood_code"], name="project_place_once"),
        ]

    def __str__(self):
        return f"{self.project}: {self.neighbourhood_code}"


class ProjectUpdate(models.Model):
    """One step of a project's timeline: its status then, what happened (Dutch and French at least), a link and a
    photo. Winning ideas' and funded proposals' progress reports were moved here (migration 0003)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="updates")
    status = models.CharField(_("status"), max_length=10, choices=Project.Status.choices)
    text = TranslatedField(models.TextField(_("text"), max_length=5000, blank=True), attrgetter=official_fallback)
    link = models.URLField(_("link"), blank=True)
    photo = models.ImageField(_("photo"), upload_to="progress/%Y/%m/", blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    published_at = models.DateTimeField(_("published"), default=clock.now, editable=False)
    invented = models.BooleanField(_("written for the demo"), default=False)

    class Meta:
        verbose_name = _("project update")
        verbose_name_plural = _("project updates")
        ordering = ["-published_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                name="project_update_in_nl_and_fr",
                condition=~Q(text_nl="") & ~Q(text_fr=""),
                violation_error_message=_("A progress update needs a text in Dutch and in French."),
            )
        ]

    def __str__(self):
        return f"{self.project}: {self.get_status_display()}"

    def get_absolute_url(self):
        return self.project.get_absolute_url() + f"#update-{self.pk}"

    def clean(self):
        errors = official_field_errors(self, "text", required=True)
        if errors:
            raise ValidationError(errors)


class ProjectFollow(models.Model):
    """A resident told by e-mail of each update of a project (through their notification settings)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="follows")
    follower = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="project_follows")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("follower of a project")
        verbose_name_plural = _("followers of projects")
        constraints = [
            models.UniqueConstraint(fields=["project", "follower"], name="project_followed_once"),
        ]

    def __str__(self):
        return f"{self.follower} → {self.project}"
