from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from translated_fields import TranslatedField

from samen.algorithms.timeline import Period
from samen.common.geography import municipality_choices, neighbourhood_choices, neighbourhoods
from samen.common.topics import TOPICS
from samen.common.translation import official_fallback, official_field_errors
from samen.processes.phases import PHASE_KINDS, phase_kind_choices


class Process(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    class Scope(models.TextChoices):
        REGION = "region", _("The Brussels-Capital Region")
        MUNICIPALITY = "municipality", _("One municipality")
        NEIGHBOURHOOD = "neighbourhood", _("One neighbourhood")

    slug = models.SlugField(_("address"), max_length=80, unique=True)
    title = TranslatedField(models.CharField(_("title"), max_length=200, blank=True), attrgetter=official_fallback)
    description = TranslatedField(
        models.TextField(_("description"), blank=True, help_text=_("Markdown.")), attrgetter=official_fallback
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    scope = models.CharField(_("scope"), max_length=13, choices=Scope.choices, default=Scope.REGION)
    municipality_nis = models.CharField(
        _("municipality"), max_length=5, choices=municipality_choices, blank=True, default=""
    )
    neighbourhood_code = models.PositiveSmallIntegerField(
        _("neighbourhood"), choices=neighbourhood_choices, null=True, blank=True
    )

    class Voters(models.TextChoices):
        SIGNED_IN = "", _("Anyone signed in")
        VERIFIED = "any", _("Verified residents (a letter, the identity card or the eID)")
        CENSUS = "census", _("Residents verified through the register (a letter or the identity card)")
        EID = "eid", _("Residents verified with the eID or itsme")

    voters = models.CharField(
        _("who may vote"),
        max_length=10,
        choices=Voters.choices,
        blank=True,
        default=Voters.VERIFIED,  # new processes; "anyone signed in" lets one person vote with several accounts
        help_text=_(
            "Ballots and idea supports. Verified residents take part where they live: the process's municipality."
        ),
    )
    minimum_age = models.PositiveSmallIntegerField(_("minimum age to vote"), default=0)
    premoderation = models.BooleanField(
        _("pre-moderation"),
        default=False,
        help_text=_("New ideas and comments wait for a moderator's approval before anyone else sees them."),
    )
    # The picture on the process's card and its shared link; a screen reader reads its description instead.
    cover = models.ImageField(_("cover image"), upload_to="processes/%Y/", blank=True)
    cover_alt = TranslatedField(
        models.CharField(
            _("description of the cover image"),
            max_length=200,
            blank=True,
            help_text=_("What the picture shows, for people who cannot see it. Required with a picture."),
        ),
        attrgetter=official_fallback,
    )
    # The Region-wide topics it is about (common/topics.py), beside its own themes: residents who chose a topic hear
    # of a new process about it (notifications).
    topics = models.JSONField(_("topics"), default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("process")
        verbose_name_plural = _("processes")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                name="published_process_has_nl_and_fr_title",
                condition=Q(status="draft") | (~Q(title_nl="") & ~Q(title_fr="")),
                violation_error_message=_("A published process needs a title in Dutch and in French."),
            ),
            models.CheckConstraint(
                name="process_scope_names_its_place",
                condition=(
                    Q(scope="region", municipality_nis="", neighbourhood_code__isnull=True)
                    | (Q(scope="municipality", neighbourhood_code__isnull=True) & ~Q(municipality_nis=""))
                    | Q(scope="neighbourhood", municipality_nis="", neighbourhood_code__isnull=False)
                ),
                violation_error_message=_(
                    "A municipal process names its municipality, a neighbourhood process its neighbourhood, "
                    "and a regional process neither."
                ),
            ),
        ]

    def __str__(self):
        return self.title or self.slug

    def get_absolute_url(self):
        return reverse("processes:detail", kwargs={"slug": self.slug})

    def clean(self):
        errors = {}
        if self.status == self.Status.PUBLISHED:
            errors |= official_field_errors(self, "title", required=True) | official_field_errors(self, "description")
        if self.cover:
            errors |= official_field_errors(self, "cover_alt", required=True)
        if not isinstance(self.topics, list) or not set(self.topics) <= TOPICS.keys():
            errors["topics"] = _("Choose topics from the list.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def neighbourhood(self):
        return neighbourhoods().get(self.neighbourhood_code)


class Theme(models.Model):
    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="themes")
    slug = models.SlugField(max_length=60)
    name = TranslatedField(models.CharField(_("name"), max_length=100, blank=True), attrgetter=official_fallback)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["position", "pk"]
        constraints = [models.UniqueConstraint(fields=["process", "slug"], name="theme_slug_unique_in_process")]

    def __str__(self):
        return self.name or self.slug


class Phase(models.Model):
    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="phases")
    kind = models.CharField(_("kind"), max_length=30, choices=phase_kind_choices)
    title = TranslatedField(
        models.CharField(_("title"), max_length=120, blank=True, help_text=_("Leave empty to show the kind.")),
        attrgetter=official_fallback,
    )
    first_day = models.DateField(_("first day"))
    last_day = models.DateField(_("last day"), help_text=_("The phase ends at midnight, Brussels time."))

    class Meta:
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        ordering = ["first_day"]
        constraints = [
            models.CheckConstraint(
                name="phase_ends_after_it_starts",
                condition=Q(last_day__gte=models.F("first_day")),
                violation_error_message=_("A phase cannot end before it starts."),
            )
        ]

    def __str__(self):
        return self.display_title

    def clean(self):
        if errors := official_field_errors(self, "title"):
            raise ValidationError(errors)

    @property
    def display_title(self) -> str:
        return self.title or str(PHASE_KINDS[self.kind].label)

    @property
    def period(self) -> Period:
        return Period(self.first_day, self.last_day)

    @property
    def allows(self) -> frozenset[str]:
        return PHASE_KINDS[self.kind].allows
