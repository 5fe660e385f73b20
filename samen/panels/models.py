"""Panels drawn by lot in two stages, and the neighbourhood councils they seat.

A `Lottery` belongs to a process: the manager uploads a register extract (`RegisterEntry`, never published), draws
the invitations, invited residents answer as `Volunteer`s, the manager sets the `Quota`s, freezes the pool
(pseudonyms, published files) and draws the panel with the seed announced beforehand. A `Council` seats the panel
(`Seat`) beside associations' delegates (`Nomination`), and fills a drawn seat left empty from the reserve list.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from translated_fields import TranslatedField

from samen.common.geography import neighbourhood_choices, neighbourhoods
from samen.common.translation import official_fallback

MAX_POOL = 100_000  # register rows per lottery: a whole municipality's extract fits


def _seed_announcement(verbose_name):
    """Where a draw's seed will come from, in every language, public before the seed is known."""
    return TranslatedField(
        models.TextField(
            verbose_name,
            max_length=500,
            blank=True,
            help_text=_("Announced before the draw, e.g. the numbers of a public lottery on a given date."),
        ),
        attrgetter=official_fallback,
    )


class Lottery(models.Model):
    """The rules of a civic lottery, announced before anyone is invited, and the state it has reached."""

    process = models.OneToOneField("processes.Process", on_delete=models.CASCADE, related_name="lottery")
    panel_size = models.PositiveSmallIntegerField(_("seats drawn"))
    invitations = models.PositiveIntegerField(_("invitations to send"))
    stratify_invitations = models.BooleanField(
        _("invite each neighbourhood in proportion to its residents"), default=True
    )
    households = models.BooleanField(_("at most one person per address on the panel"), default=True)
    seed_announcement = _seed_announcement(_("how the seed will be chosen"))
    # Counts of the register by (category, value), kept when the register itself is erased: quota suggestions.
    population = models.JSONField(default=dict, blank=True)
    # The invitations' seed is announced like the panel's, on the manage page: once announced, it never changes.
    invitation_seed_announcement = _seed_announcement(_("how the invitations' seed will be chosen"))
    invitation_seed_known_on = models.DateField(_("the invitations' seed is known on"), null=True, blank=True)
    invitation_seed_announced_at = models.DateTimeField(null=True, blank=True)
    # The invitations' seed: with the municipality's register file, an auditor can redo the invitation draw.
    invitation_seed = models.CharField(max_length=200, blank=True)
    invitations_drawn_at = models.DateTimeField(null=True, blank=True)
    pool_frozen_at = models.DateTimeField(null=True, blank=True)
    seed = models.CharField(_("seed"), max_length=200, blank=True)
    drawn_at = models.DateTimeField(null=True, blank=True)
    outcome = models.JSONField(null=True, blank=True)  # the engine's whole output, with pseudonymous ids

    class Meta:
        verbose_name = _("lottery")
        verbose_name_plural = _("lotteries")
        constraints = [
            models.CheckConstraint(
                name="lottery_sizes_are_sensible",
                condition=Q(panel_size__gte=1, invitations__gte=1, invitations__lte=MAX_POOL),
                violation_error_message=_("A lottery draws at least one seat and sends at least one invitation."),
            ),
            models.CheckConstraint(
                name="invitation_seed_announced_in_nl_and_fr_with_its_date",
                condition=Q(invitation_seed_announced_at__isnull=True)
                | (
                    ~Q(invitation_seed_announcement_nl="")
                    & ~Q(invitation_seed_announcement_fr="")
                    & Q(invitation_seed_known_on__isnull=False)
                ),
                violation_error_message=_(
                    "An announced seed says in Dutch and in French where it comes from, and when it is known."
                ),
            ),
            models.CheckConstraint(
                name="lottery_drawn_with_a_seed",
                condition=Q(drawn_at__isnull=True) | ~Q(seed=""),
                violation_error_message=_("A draw needs the seed that was announced."),
            ),
        ]

    def __str__(self):
        return str(self.process)

    def get_absolute_url(self):
        return reverse("panels:lottery", kwargs={"slug": self.process.slug})


# A freeze or a draw still queued or running after this long is taken for lost (its worker stopped): the manager may
# start it again. LEXIMIN on a 2,000-person pool takes tens of seconds; a worker busy with mails adds minutes.
JOB_LOST_AFTER = timedelta(minutes=30)


class LotteryJob(models.Model):
    """A freeze or a draw the manager asked for, run by the task worker (`db_worker`) rather than in the web request,
    which LEXIMIN on a real pool would outlast. One lottery has at most one job queued or running."""

    class Kind(models.TextChoices):
        FREEZE = "freeze", _("Freezing the pool")
        DRAW = "draw", _("Drawing the panel")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    ACTIVE = (Status.QUEUED, Status.RUNNING)

    lottery = models.ForeignKey(Lottery, on_delete=models.CASCADE, related_name="jobs")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    seed = models.CharField(_("seed"), max_length=200, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    language = models.CharField(max_length=10)  # the manager's: a failure is explained to them in it
    requested_at = models.DateTimeField()
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    failure = models.TextField(blank=True)

    class Meta:
        verbose_name = _("lottery job")
        verbose_name_plural = _("lottery jobs")
        ordering = ["-requested_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["lottery"], condition=Q(status__in=["queued", "running"]), name="one_active_job_per_lottery"
            ),
            models.CheckConstraint(
                name="lottery_job_draws_with_a_seed",
                condition=Q(kind="freeze") | ~Q(seed=""),
                violation_error_message=_("A draw needs the seed that was announced."),
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.get_status_display()})"

    @property
    def active(self) -> bool:
        return self.status in self.ACTIVE

    def lost(self, now: datetime) -> bool:
        """Queued or running for longer than any worker takes: it may be started again."""
        return self.active and (self.started_at or self.requested_at) < now - JOB_LOST_AFTER


class RegisterEntry(models.Model):
    """One row of the register extract. Rows not invited are erased when the invitations are drawn."""

    lottery = models.ForeignKey(Lottery, on_delete=models.CASCADE, related_name="register")
    register_id = models.CharField(max_length=64)
    address = models.CharField(max_length=200)
    neighbourhood_code = models.PositiveSmallIntegerField(choices=neighbourhood_choices)
    features = models.JSONField(default=dict, blank=True)  # optional register features, e.g. {"gender": "woman"}
    code = models.CharField(max_length=12, unique=True, null=True, blank=True)  # the invitation code, once invited

    class Meta:
        verbose_name = _("register entry")
        verbose_name_plural = _("register entries")
        constraints = [models.UniqueConstraint(fields=["lottery", "register_id"], name="register_id_unique_in_lottery")]

    def __str__(self):
        return self.register_id

    @property
    def neighbourhood(self):
        return neighbourhoods().get(self.neighbourhood_code)


class Quota(models.Model):
    lottery = models.ForeignKey(Lottery, on_delete=models.CASCADE, related_name="quotas")
    category = models.CharField(max_length=40)
    value = models.CharField(max_length=40)
    minimum = models.PositiveSmallIntegerField(_("at least"))
    maximum = models.PositiveSmallIntegerField(_("at most"))

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["lottery", "category", "value"], name="one_quota_per_value"),
            models.CheckConstraint(
                name="quota_minimum_below_maximum",
                condition=Q(minimum__lte=models.F("maximum")),
                violation_error_message=_("The minimum of a quota cannot exceed its maximum."),
            ),
        ]

    def __str__(self):
        return f"{self.category} {self.value} {self.minimum}..{self.maximum}"


class Volunteer(models.Model):
    """An invited resident who answered: their consent, what they declared, and, after the draw, their chance."""

    lottery = models.ForeignKey(Lottery, on_delete=models.CASCADE, related_name="volunteers")
    # Null once the person deletes their account: the frozen pool keeps its row, with no name left on it.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="volunteering"
    )
    # RESTRICT: a register row cannot go while its volunteer stays, but both go with their lottery.
    invitation = models.OneToOneField(RegisterEntry, on_delete=models.RESTRICT, related_name="volunteer")
    first_name = models.CharField(_("first name"), max_length=60)
    features = models.JSONField(default=dict)  # category -> value, the neighbourhood from the register
    show_name = models.BooleanField(_("my first name and neighbourhood may be shown if I am drawn"), default=False)
    registered_at = models.DateTimeField(auto_now_add=True)
    pseudonym = models.CharField(max_length=12, blank=True)  # its id in the published pool file
    household = models.CharField(max_length=12, blank=True)  # its household's pseudonym there (same address)
    probability = models.FloatField(null=True, blank=True)
    selected = models.BooleanField(default=False)
    reserve_rank = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("volunteer")
        verbose_name_plural = _("volunteers")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["lottery", "user"], name="one_volunteer_per_person_and_lottery"),
            models.UniqueConstraint(
                fields=["lottery", "pseudonym"], condition=~Q(pseudonym=""), name="pseudonym_unique_in_lottery"
            ),
        ]

    def __str__(self):
        return self.pseudonym or self.first_name

    @property
    def neighbourhood(self):
        return self.invitation.neighbourhood


class Council(models.Model):
    """A neighbourhood council: seats drawn by lot and seats for associations' delegates, for a term."""

    slug = models.SlugField(_("address"), max_length=80, unique=True)
    name = TranslatedField(models.CharField(_("name"), max_length=200, blank=True), attrgetter=official_fallback)
    neighbourhood_codes = models.JSONField(_("neighbourhoods"), default=list)
    lottery = models.OneToOneField(Lottery, on_delete=models.SET_NULL, related_name="council", null=True, blank=True)
    drawn_seats = models.PositiveSmallIntegerField(_("seats drawn by lot"))
    delegate_seats = models.PositiveSmallIntegerField(_("seats for associations' delegates"))
    term_start = models.DateField(_("term starts"))
    term_end = models.DateField(_("term ends"))

    class Meta:
        verbose_name = _("neighbourhood council")
        verbose_name_plural = _("neighbourhood councils")
        constraints = [
            models.CheckConstraint(
                name="council_term_ends_after_it_starts",
                condition=Q(term_end__gt=models.F("term_start")),
                violation_error_message=_("A term cannot end before it starts."),
            ),
            models.CheckConstraint(
                name="council_has_nl_and_fr_name",
                condition=~Q(name_nl="") & ~Q(name_fr=""),
                violation_error_message=_("A council needs a name in Dutch and in French."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("panels:council", kwargs={"slug": self.slug})

    @property
    def neighbourhoods(self) -> list:
        known = neighbourhoods()
        return [known[code] for code in self.neighbourhood_codes if code in known]


class Seat(models.Model):
    """A drawn seat held, offered or given up by one volunteer. A seat given up is offered down the reserve list."""

    class Status(models.TextChoices):
        HELD = "held", _("Member")
        OFFERED = "offered", _("Seat offered")
        DECLINED = "declined", _("Declined the seat")
        RESIGNED = "resigned", _("Resigned")

    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="seats")
    volunteer = models.ForeignKey(Volunteer, on_delete=models.CASCADE, related_name="seats")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.HELD)
    since = models.DateField()
    until = models.DateField(null=True, blank=True)
    replaces = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["since", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["council", "volunteer"], name="one_seat_per_volunteer"),
        ]

    def __str__(self):
        return f"{self.volunteer} ({self.get_status_display()})"


class Nomination(models.Model):
    """An association or neighbourhood committee names its delegate; a manager approves or refuses."""

    class Status(models.TextChoices):
        NOMINATED = "nominated", _("Waiting for approval")
        APPROVED = "approved", _("Delegate")
        REFUSED = "refused", _("Refused")

    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="nominations")
    association = models.CharField(_("association or committee"), max_length=120)
    delegate_name = models.CharField(_("delegate's name"), max_length=120)
    statement = models.TextField(_("why this delegate"), max_length=2000, blank=True)
    nominated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="nominations"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NOMINATED)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(_("reason"), max_length=1000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["council", "association"],
                condition=Q(status="approved"),
                name="one_approved_delegate_per_association",
            )
        ]

    def __str__(self):
        return f"{self.delegate_name} ({self.association})"
