"""From ideas to decisions: a jury scores, publishes a shortlist, residents vote, winners are counted and followed up.

Everything hangs on one `Shortlist` per process: its jury, its criteria, its entries, its ballots and its result.
"""

from fractions import Fraction

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from translated_fields import TranslatedField

from samen.common.translation import official_fallback, official_field_errors


class TieBreak(models.TextChoices):
    JURY_THEN_LOTTERY = "jury,lottery", _("Jury score, then a public lottery")
    LOTTERY = "lottery", _("A public lottery")


class Shortlist(models.Model):
    """The jury's shortlist of a process and the rules of the vote on it, announced before the vote opens."""

    process = models.OneToOneField("processes.Process", on_delete=models.CASCADE, related_name="shortlist")
    size = models.PositiveSmallIntegerField(_("shortlist size"), default=5)
    winners = models.PositiveSmallIntegerField(_("number of winners"), default=2)
    max_choices = models.PositiveSmallIntegerField(
        _("ideas per ballot"), default=1, help_text=_("1: each resident chooses one idea; more: up to that many.")
    )
    hide_running_counts = models.BooleanField(
        _("hide the counts until the vote ends"),
        default=True,
        help_text=_("So that early results do not steer later voters."),
    )
    tie_break = models.CharField(
        _("tie-break"), max_length=20, choices=TieBreak.choices, default=TieBreak.JURY_THEN_LOTTERY
    )
    lottery_seed = models.CharField(
        _("lottery seed"),
        max_length=200,
        help_text=_("Announced before the vote opens, for example the numbers of a future public draw."),
    )
    published_at = models.DateTimeField(_("published on"), null=True, blank=True)

    class Meta:
        verbose_name = _("shortlist and vote")
        verbose_name_plural = _("shortlists and votes")
        constraints = [
            models.CheckConstraint(
                name="shortlist_has_room_for_its_winners",
                condition=Q(winners__gte=1, max_choices__gte=1, size__gte=models.F("winners")),
                violation_error_message=_("There must be at least one winner, and no more winners than ideas."),
            )
        ]

    def __str__(self):
        return str(self.process)

    @property
    def is_published(self) -> bool:
        return self.published_at is not None


class JuryMember(models.Model):
    shortlist = models.ForeignKey(Shortlist, on_delete=models.CASCADE, related_name="jury")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="juries")

    class Meta:
        verbose_name = _("jury member")
        verbose_name_plural = _("jury members")
        constraints = [models.UniqueConstraint(fields=["shortlist", "member"], name="jury_member_appointed_once")]

    def __str__(self):
        return str(self.member)


class Criterion(models.Model):
    shortlist = models.ForeignKey(Shortlist, on_delete=models.CASCADE, related_name="criteria")
    name = TranslatedField(models.CharField(_("name"), max_length=100, blank=True), attrgetter=official_fallback)
    description = TranslatedField(
        models.CharField(_("description"), max_length=300, blank=True), attrgetter=official_fallback
    )
    weight = models.PositiveSmallIntegerField(_("weight"), default=1)
    scale = models.PositiveSmallIntegerField(_("highest score"), default=5, help_text=_("Scores go from 0 to this."))
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(
                name="criterion_has_a_weight_and_a_scale",
                condition=Q(weight__gte=1, scale__gte=1),
                violation_error_message=_("A criterion needs a weight and a highest score of at least 1."),
            ),
            models.CheckConstraint(
                name="criterion_named_in_nl_and_fr",
                condition=~Q(name_nl="") & ~Q(name_fr=""),
                violation_error_message=_("A criterion needs a name in Dutch and in French."),
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        errors = official_field_errors(self, "name", required=True) | official_field_errors(self, "description")
        if errors:
            raise ValidationError(errors)


class Review(models.Model):
    """One juror's private scores and comment on one idea, or their declared conflict of interest."""

    shortlist = models.ForeignKey(Shortlist, on_delete=models.CASCADE, related_name="reviews")
    idea = models.ForeignKey("ideas.Idea", on_delete=models.CASCADE, related_name="reviews")
    juror = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reviews")
    conflict_of_interest = models.BooleanField(_("I have a conflict of interest"), default=False)
    comment = models.TextField(_("comment"), max_length=2000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("jury review")
        verbose_name_plural = _("jury reviews")
        constraints = [models.UniqueConstraint(fields=["idea", "juror"], name="review_once_per_juror_and_idea")]

    def __str__(self):
        return f"{self.juror} on {self.idea}"


class Score(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="scores")
    value = models.PositiveSmallIntegerField(_("score"))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["review", "criterion"], name="score_once_per_criterion")]

    def __str__(self):
        return f"{self.criterion}: {self.value}"


class Entry(models.Model):
    """A shortlisted idea with the jury's motivation and its aggregate score, public once the shortlist is."""

    shortlist = models.ForeignKey(Shortlist, on_delete=models.CASCADE, related_name="entries")
    # RESTRICT: a shortlisted idea cannot be deleted alone (the vote needs it), but deleting its process takes both.
    idea = models.ForeignKey("ideas.Idea", on_delete=models.RESTRICT, related_name="shortlistings")
    position = models.PositiveSmallIntegerField()
    jury_score = models.CharField(max_length=40, help_text="Exact fraction, e.g. 37/5, out of 10.")
    jurors = models.PositiveSmallIntegerField()
    motivation = TranslatedField(
        models.TextField(_("jury's motivation"), max_length=2000, blank=True), attrgetter=official_fallback
    )

    class Meta:
        verbose_name = _("shortlisted idea")
        verbose_name_plural = _("shortlisted ideas")
        ordering = ["position"]
        constraints = [models.UniqueConstraint(fields=["shortlist", "idea"], name="idea_shortlisted_once")]

    def __str__(self):
        return str(self.idea)

    @property
    def jury_score_fraction(self) -> Fraction:
        return Fraction(self.jury_score)

    @property
    def jury_score_display(self) -> str:
        return f"{float(self.jury_score_fraction):.2f}"


class Ballot(models.Model):
    """One person's ballot; they may change it until the vote ends. It stays, anonymous, if they leave, with the
    person's pseudonym in this vote (never their identity), so that a new account of theirs changes it."""

    shortlist = models.ForeignKey(Shortlist, on_delete=models.CASCADE, related_name="ballots")
    voter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="ballots"
    )
    # accounts.verification.vote_pseudonym(person, "shortlist:<pk>"); NULL for an unverified account (many may vote)
    voter_key = models.CharField(max_length=64, null=True, blank=True, editable=False)  # noqa: DJ001 (NULL: no key)
    entries = models.ManyToManyField(Entry, related_name="ballots")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["shortlist", "voter"], name="one_ballot_per_voter"),
            models.UniqueConstraint(
                fields=["shortlist", "voter_key"],
                condition=Q(voter_key__isnull=False),
                name="one_ballot_per_person",
            ),
        ]

    def __str__(self):
        return f"Ballot {self.pk}"


class Result(models.Model):
    """The count, made once when the vote has ended, with the explanation of every tie (algorithms/approval.py)."""

    shortlist = models.OneToOneField(Shortlist, on_delete=models.CASCADE, related_name="result")
    outcome = models.JSONField()
    counted_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"Result of {self.shortlist}"
