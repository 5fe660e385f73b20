"""A debate: a question a process manager puts, the arguments for and against that residents post and support, the
comments on it, and the conclusion (Dutch and French) the manager publishes when closing it."""

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from translated_fields import TranslatedField

from samen.common import clock
from samen.common.translation import official_fallback
from samen.ideas.models import Flag, Visibility

QUESTION_MAX = 300
ARGUMENT_MAX = 1000
COMMENT_MAX = 2000
REASON_MAX = 500


class Debate(models.Model):
    process = models.ForeignKey(
        "processes.Process", on_delete=models.CASCADE, related_name="debates", verbose_name=_("process")
    )
    question = TranslatedField(
        models.CharField(_("question"), max_length=QUESTION_MAX, blank=True), attrgetter=official_fallback
    )
    introduction = TranslatedField(models.TextField(_("introduction"), blank=True), attrgetter=official_fallback)
    conclusion = TranslatedField(models.TextField(_("conclusion"), blank=True), attrgetter=official_fallback)
    opened_at = models.DateTimeField(_("opened at"), default=clock.now)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    # SET_NULL: the debate stays when the manager's account goes.
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="debates_created"
    )
    created_at = models.DateTimeField(default=clock.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("debate")
        verbose_name_plural = _("debates")
        ordering = ["-opened_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                name="debate_has_nl_and_fr_question",
                condition=~Q(question_nl="") & ~Q(question_fr=""),
                violation_error_message=_("A debate needs its question in Dutch and in French."),
            ),
            models.CheckConstraint(
                name="closed_debate_has_nl_and_fr_conclusion",
                condition=Q(closed_at__isnull=True) | (~Q(conclusion_nl="") & ~Q(conclusion_fr="")),
                violation_error_message=_("A debate is closed with its conclusion in Dutch and in French."),
            ),
        ]

    def __str__(self):
        return self.question

    def get_absolute_url(self):
        return reverse("debates:debate", kwargs={"slug": self.process.slug, "pk": self.pk})

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None

    @property
    def is_open(self) -> bool:
        return self.closed_at is None and self.opened_at <= clock.now()


class Argument(models.Model):
    """A resident's argument for or against, in their own language; moderated as ideas' comments are."""

    class Side(models.TextChoices):
        FOR = "for", _("For")
        AGAINST = "against", _("Against")

    debate = models.ForeignKey(Debate, on_delete=models.CASCADE, related_name="arguments")
    side = models.CharField(_("side"), max_length=7, choices=Side.choices)
    # SET_NULL: an argument stays, signed "deleted account", when its author's account goes.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="debate_arguments"
    )
    text = models.TextField(_("argument"), max_length=ARGUMENT_MAX, validators=[MaxLengthValidator(ARGUMENT_MAX)])
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLISHED, db_index=True
    )
    moderation_reason = models.CharField(_("moderator's reason"), max_length=REASON_MAX, blank=True)
    created_at = models.DateTimeField(default=clock.now, editable=False)

    class Meta:
        verbose_name = _("argument")
        verbose_name_plural = _("arguments")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.text[:60]

    def get_absolute_url(self):
        return f"{self.debate.get_absolute_url()}#argument-{self.pk}"

    @property
    def process(self):
        return self.debate.process


class ArgumentSupport(models.Model):
    """One person supports an argument once, whatever their account: a verified account's support keeps the
    person's pseudonym for this argument (`processes.eligibility.voter_key(user, "argument:<pk>")`), unique like a
    ballot's; an account never verified (a process open to anyone signed in) supports once as an account.

    CASCADE, not SET NULL with the key as ballots: a support is no ballot to recount, and it goes with the account it
    came from (a person who deletes their account takes their support back). A new account of the same person may
    then support again, which makes one support again, never two."""

    argument = models.ForeignKey(Argument, on_delete=models.CASCADE, related_name="supports")
    resident = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="argument_supports")
    # accounts.verification.vote_pseudonym(person, "argument:<pk>"); NULL for an unverified account
    supporter_key = models.CharField(max_length=64, null=True, blank=True, editable=False)  # noqa: DJ001 (NULL: no key)
    created_at = models.DateTimeField(default=clock.now, editable=False)

    class Meta:
        verbose_name = _("support of an argument")
        verbose_name_plural = _("supports of arguments")
        constraints = [
            models.UniqueConstraint(fields=["argument", "resident"], name="argument_support_one_per_resident"),
            models.UniqueConstraint(
                fields=["argument", "supporter_key"],
                condition=Q(supporter_key__isnull=False),
                name="argument_support_one_per_person",
            ),
        ]

    def __str__(self):
        return f"{self.resident_id} → {self.argument_id}"


class DebateComment(models.Model):
    """A comment on the debate as a whole, in its author's language; moderated as arguments are."""

    debate = models.ForeignKey(Debate, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="debate_comments"
    )
    body = models.TextField(_("comment"), max_length=COMMENT_MAX, validators=[MaxLengthValidator(COMMENT_MAX)])
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLISHED, db_index=True
    )
    moderation_reason = models.CharField(_("moderator's reason"), max_length=REASON_MAX, blank=True)
    created_at = models.DateTimeField(default=clock.now, editable=False)

    class Meta:
        verbose_name = _("comment on a debate")
        verbose_name_plural = _("comments on debates")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.body[:60]

    @property
    def process(self):
        return self.debate.process


class Report(models.Model):
    """Someone reports an argument or a comment to the moderators (the reasons of ideas' flags); once per person and
    content, which the database guards. A moderator's decision on the content resolves its open reports."""

    argument = models.ForeignKey(Argument, on_delete=models.CASCADE, null=True, blank=True, related_name="reports")
    comment = models.ForeignKey(DebateComment, on_delete=models.CASCADE, null=True, blank=True, related_name="reports")
    # CASCADE: a report is the reporter's; when their account goes, a decision still pending loses its reason.
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="debate_reports")
    reason = models.CharField(_("reason"), max_length=20, choices=Flag.Reason.choices)
    note = models.CharField(_("details"), max_length=REASON_MAX, blank=True)
    created_at = models.DateTimeField(default=clock.now, editable=False)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.CheckConstraint(
                name="debate_report_targets_one_content",
                condition=Q(argument__isnull=False, comment__isnull=True)
                | Q(argument__isnull=True, comment__isnull=False),
            ),
            models.UniqueConstraint(
                fields=["argument", "reporter"],
                condition=Q(argument__isnull=False),
                name="debate_report_argument_once_per_person",
            ),
            models.UniqueConstraint(
                fields=["comment", "reporter"],
                condition=Q(comment__isnull=False),
                name="debate_report_comment_once_per_person",
            ),
        ]

    def __str__(self):
        return f"{self.get_reason_display()}: {self.argument or self.comment}"
