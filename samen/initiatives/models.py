"""Citizens' initiatives: a text backed by enough verified residents goes to the municipal council, which must vote
on it within a set time. Signatures count once per person (a unique constraint on the person's keyed hash)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from translated_fields import TranslatedField

from samen.common.geography import municipalities, municipality_choices
from samen.common.translation import official_fallback, official_field_errors


class InitiativeKind(models.Model):
    """The rules of one right of initiative, e.g. the City of Brussels' charter: 2,000 signatures, 12 months."""

    class Verification(models.TextChoices):
        ANY = "any", _("the register (a letter or the identity card) or the eID")
        CENSUS = "census", _("the register (a letter or the identity card)")
        EID = "eid", _("the eID or itsme")

    name = TranslatedField(models.CharField(_("name"), max_length=200, blank=True), attrgetter=official_fallback)
    municipality_nis = models.CharField(_("municipality"), max_length=5, choices=municipality_choices)
    threshold = models.PositiveIntegerField(_("signatures needed"), default=2000)
    committee_size = models.PositiveSmallIntegerField(_("promoters needed"), default=5)
    collection_months = models.PositiveSmallIntegerField(_("months to collect signatures"), default=12)
    council_months = models.PositiveSmallIntegerField(_("months for the council to vote"), default=12)
    minimum_age = models.PositiveSmallIntegerField(_("minimum age to sign"), default=16)
    verification = models.CharField(
        _("verification required"), max_length=10, choices=Verification.choices, default=Verification.ANY
    )
    retention_months = models.PositiveSmallIntegerField(
        _("months before signatories' data are erased"), default=6, help_text=_("Counted from the decision.")
    )
    secretariat_email = models.EmailField(_("council secretariat's e-mail"), blank=True)

    class Meta:
        verbose_name = _("kind of initiative")
        verbose_name_plural = _("kinds of initiative")
        constraints = [
            models.CheckConstraint(
                name="initiative_kind_is_sensible",
                condition=Q(threshold__gte=1, committee_size__gte=1, collection_months__gte=1, council_months__gte=1),
                violation_error_message=_("Thresholds and periods are at least 1."),
            )
        ]

    def __str__(self):
        return self.name

    @property
    def municipality(self):
        return municipalities().get(self.municipality_nis)


class Initiative(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Admissibility check")
        RETURNED = "returned", _("Returned to its promoters")
        COLLECTING = "collecting", _("Collecting signatures")
        FAILED = "failed", _("Closed without enough signatures")
        TRANSMITTED = "transmitted", _("Before the council")
        DECIDED = "decided", _("Decided by the council")

    class Decision(models.TextChoices):
        ADOPTED = "adopted", _("Adopted")
        AMENDED = "amended", _("Adopted with amendments")
        REJECTED = "rejected", _("Rejected")

    kind = models.ForeignKey(InitiativeKind, on_delete=models.PROTECT, related_name="initiatives")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    title = TranslatedField(models.CharField(_("title"), max_length=200, blank=True), attrgetter=official_fallback)
    text = TranslatedField(
        models.TextField(_("text of the initiative"), max_length=20000, blank=True), attrgetter=official_fallback
    )
    reasons = TranslatedField(
        models.TextField(_("reasons"), max_length=20000, blank=True), attrgetter=official_fallback
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    admissibility_reason = models.TextField(_("the City's reasons"), max_length=5000, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    collection_starts = models.DateField(null=True, blank=True)
    collection_ends = models.DateField(null=True, blank=True)
    signature_count = models.PositiveIntegerField(default=0)  # kept when the signatures' data are erased
    transmitted_on = models.DateField(_("transmitted to the council on"), null=True, blank=True)
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices, blank=True)
    votes_for = models.PositiveSmallIntegerField(_("votes for"), null=True, blank=True)
    votes_against = models.PositiveSmallIntegerField(_("votes against"), null=True, blank=True)
    abstentions = models.PositiveSmallIntegerField(_("abstentions"), null=True, blank=True)
    minutes_url = models.URLField(_("minutes"), blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    personal_data_erased_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("citizens' initiative")
        verbose_name_plural = _("citizens' initiatives")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                name="initiative_beyond_draft_has_nl_and_fr",
                condition=Q(status__in=["draft", "returned"])
                | (~Q(title_nl="") & ~Q(title_fr="") & ~Q(text_nl="") & ~Q(text_fr="")),
                violation_error_message=_("An initiative is submitted with its title and text in Dutch and French."),
            ),
            models.CheckConstraint(
                name="decided_initiative_has_its_decision",
                condition=~Q(status="decided") | (~Q(decision="") & Q(decided_on__isnull=False)),
                violation_error_message=_("A decision has its outcome and its date."),
            ),
        ]

    def __str__(self):
        return self.title or str(_("Initiative %(number)s") % {"number": self.pk})

    def get_absolute_url(self):
        return reverse("initiatives:detail", kwargs={"pk": self.pk})

    def clean(self):
        if self.status not in {self.Status.DRAFT, self.Status.RETURNED}:
            errors = official_field_errors(self, "title", required=True) | official_field_errors(
                self, "text", required=True
            )
            if errors:
                raise ValidationError(errors)


class Promoter(models.Model):
    """A member of the initiative's committee: a verified resident who accepted the author's invitation."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="promoters")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="promotions")
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["initiative", "user"], name="promoter_once_per_initiative")]

    def __str__(self):
        return str(self.user)


class PaperSheet(models.Model):
    """A sheet of paper signatures handed in by the promoters and typed in by staff, line by line."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="sheets")
    reference = models.CharField(_("sheet number"), max_length=40)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    entered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["initiative", "reference"], name="sheet_reference_unique")]

    def __str__(self):
        return self.reference


class Signature(models.Model):
    """One person's support, online or on paper, counted once: the person's keyed hash is unique among the
    initiative's signatures that stand (a withdrawn one no longer counts and can be given again)."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="signatures")
    digest = models.CharField(max_length=64)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="signatures"
    )
    sheet = models.ForeignKey(PaperSheet, on_delete=models.CASCADE, null=True, blank=True, related_name="signatures")
    line = models.PositiveIntegerField(null=True, blank=True)
    name = models.CharField(max_length=120, blank=True)  # as written on a paper sheet
    signed_at = models.DateTimeField()
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    # A signature a facilitator entered for a resident met in person (samen/assisted): the resident's consent.
    consent = models.OneToOneField(
        "assisted.Consent", on_delete=models.PROTECT, null=True, blank=True, related_name="signature"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "digest"],
                condition=Q(withdrawn_at__isnull=True),
                name="one_standing_signature_per_person",
            )
        ]

    def __str__(self):
        return f"{self.initiative_id}:{self.digest[:8]}"


class RejectedLine(models.Model):
    """A paper line that did not count, and why: kept for audit until the signatories' data are erased."""

    sheet = models.ForeignKey(PaperSheet, on_delete=models.CASCADE, related_name="rejected_lines")
    line = models.PositiveIntegerField()
    name = models.CharField(max_length=120, blank=True)
    code = models.CharField(max_length=30)
    reason = models.CharField(max_length=300)

    class Meta:
        ordering = ["line"]

    def __str__(self):
        return f"{self.sheet} line {self.line}: {self.code}"


class TimelineEvent(models.Model):
    """A consultation or a council meeting about the initiative, shown on its timeline."""

    class Kind(models.TextChoices):
        CONSULTATION = "consultation", _("Consultation")
        COMMITTEE = "committee", _("Council committee")
        COUNCIL = "council", _("Council meeting")

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    day = models.DateField(_("date"))
    title = TranslatedField(models.CharField(_("title"), max_length=200, blank=True), attrgetter=official_fallback)
    link = models.URLField(_("link"), blank=True)

    class Meta:
        ordering = ["day", "pk"]

    def __str__(self):
        return f"{self.day}: {self.title}"


class Reminder(models.Model):
    """A reminder sent once: to the secretariat 6, 3 and 1 month(s) before the deadline, to everyone when it passes."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=12)  # "6", "3", "1" (months before) or "overdue"
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["initiative", "kind"], name="reminder_sent_once")]

    def __str__(self):
        return f"{self.initiative_id}:{self.kind}"
