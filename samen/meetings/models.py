"""A meeting (of a process, a neighbourhood council or the platform) and the registrations for it."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from translated_fields import TranslatedField

from samen.common.translation import official_fallback

# What a calendar client must see again when it changes: the SEQUENCE goes up (RFC 5545, 3.8.7.4).
CALENDAR_FIELDS = (
    "title_nl",
    "title_fr",
    "title_en",
    "agenda_nl",
    "agenda_fr",
    "agenda_en",
    "starts_at",
    "ends_at",
    "address",
    "latitude",
    "longitude",
    "online_link",
    "cancelled",
)


class Meeting(models.Model):
    process = models.ForeignKey(
        "processes.Process",
        on_delete=models.CASCADE,
        related_name="meetings",
        null=True,
        blank=True,
        verbose_name=_("process"),
    )
    council = models.ForeignKey(
        "panels.Council",
        on_delete=models.CASCADE,
        related_name="meetings",
        null=True,
        blank=True,
        verbose_name=_("neighbourhood council"),
    )
    title = TranslatedField(models.CharField(_("title"), max_length=200, blank=True), attrgetter=official_fallback)
    agenda = TranslatedField(models.TextField(_("agenda"), blank=True), attrgetter=official_fallback)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    address = models.CharField(_("address"), max_length=300, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    online_link = models.URLField(_("online link"), blank=True)
    step_free = models.BooleanField(_("step-free access"), default=False)
    interpretation = models.CharField(
        _("interpretation"),
        max_length=200,
        blank=True,
        help_text=_("For example: Dutch and French, Belgian Sign Language."),
    )
    childcare = models.BooleanField(_("childcare"), default=False)
    capacity = models.PositiveIntegerField(
        _("places"), null=True, blank=True, help_text=_("Leave empty for a meeting without registration.")
    )
    verified_only = models.BooleanField(
        _("only verified residents may register"),
        default=False,
        help_text=_("Residents who verified their account, as for a vote; others may still come if places are left."),
    )
    minutes = TranslatedField(models.TextField(_("minutes"), blank=True), attrgetter=official_fallback)
    decisions = TranslatedField(models.TextField(_("decisions"), blank=True), attrgetter=official_fallback)
    minutes_published_at = models.DateTimeField(_("minutes published at"), null=True, blank=True, editable=False)
    cancelled = models.BooleanField(_("cancelled"), default=False)
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(default=0, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                name="meeting_has_nl_and_fr_title_and_agenda",
                condition=~Q(title_nl="") & ~Q(title_fr="") & ~Q(agenda_nl="") & ~Q(agenda_fr=""),
                violation_error_message=_("A meeting needs a title and an agenda in Dutch and in French."),
            ),
            models.CheckConstraint(
                name="meeting_ends_after_it_starts",
                condition=Q(ends_at__gt=models.F("starts_at")),
                violation_error_message=_("A meeting cannot end before it starts."),
            ),
            models.CheckConstraint(
                name="meeting_has_a_place_or_a_link",
                condition=~Q(address="") | ~Q(online_link=""),
                violation_error_message=_("A meeting needs an address, an online link, or both."),
            ),
            models.CheckConstraint(
                name="published_minutes_in_nl_and_fr",
                condition=Q(minutes_published_at__isnull=True)
                | (
                    ~Q(minutes_nl="")
                    & ~Q(minutes_fr="")
                    & (Q(decisions_nl="", decisions_fr="") | (~Q(decisions_nl="") & ~Q(decisions_fr="")))
                ),
                violation_error_message=_(
                    "Published minutes are in Dutch and in French, and so are the decisions, if any."
                ),
            ),
            models.CheckConstraint(
                name="meeting_of_a_process_or_a_council",
                condition=Q(process__isnull=True) | Q(council__isnull=True),
                violation_error_message=_("A meeting belongs to a process or to a council, not both."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("meetings:meeting", kwargs={"pk": self.pk})

    @property
    def has_registration(self) -> bool:
        return self.capacity is not None

    @property
    def minutes_published(self) -> bool:
        return self.minutes_published_at is not None

    @property
    def map_url(self) -> str:
        if self.latitude is not None and self.longitude is not None:
            return (
                "https://www.openstreetmap.org/?mlat="
                f"{self.latitude:.6f}&mlon={self.longitude:.6f}#map=18/{self.latitude:.6f}/{self.longitude:.6f}"
            )
        return ""


class Registration(models.Model):
    class Status(models.TextChoices):
        REGISTERED = "registered", _("Registered")
        WAITING = "waiting", _("On the waiting list")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="registrations")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="meeting_registrations")
    status = models.CharField(max_length=10, choices=Status.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    position = models.PositiveIntegerField(help_text="Arrival order within the meeting: the waiting list's order.")

    class Meta:
        ordering = ["meeting", "position"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="one_registration_per_person"),
            models.UniqueConstraint(fields=["meeting", "position"], name="one_registration_per_position"),
        ]

    def __str__(self):
        return f"{self.person_id} @ {self.meeting_id}: {self.status}"
