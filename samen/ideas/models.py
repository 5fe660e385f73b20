from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from samen.common import clock
from samen.common.geography import (
    municipalities,
    municipality_choices,
    neighbourhood_choices,
    neighbourhoods,
)
from samen.common.markdown import render_markdown

TITLE_MAX = 140
BODY_MAX = 5000
COMMENT_MAX = 2000
REASON_MAX = 500


class Visibility(models.TextChoices):
    """Who sees an idea or a comment: everyone, or (pending, hidden) only its author and the moderators."""

    PUBLISHED = "published", _("Published")
    PENDING = "pending", _("Waiting for a moderator")
    HIDDEN = "hidden", _("Hidden by a moderator")


def _visibility_field():
    return models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLISHED, db_index=True
    )


def _reason_field():
    return models.CharField(_("moderator's reason"), max_length=REASON_MAX, blank=True)


class Idea(models.Model):
    """A resident's idea, in the author's own language, under one theme of one process."""

    process = models.ForeignKey("processes.Process", on_delete=models.CASCADE, related_name="ideas")
    # RESTRICT: a theme in use cannot be deleted alone, but deleting its process takes both.
    theme = models.ForeignKey("processes.Theme", on_delete=models.RESTRICT, related_name="ideas")
    # SET_NULL: when an account is deleted its ideas stay, signed "deleted account".
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="ideas"
    )
    # An idea a facilitator entered for a resident met in person (samen/assisted): the resident's consent, kept for
    # the audit (PROTECT: the audit row cannot go while its idea stands), and who typed it in. Its author stays NULL
    # until the verified resident takes it over; its page says "Posted with a facilitator", never a name.
    consent = models.OneToOneField(
        "assisted.Consent", on_delete=models.PROTECT, null=True, blank=True, related_name="idea"
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    title = models.CharField(_("title"), max_length=TITLE_MAX)
    body = models.TextField(_("text"), max_length=BODY_MAX)
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    neighbourhood_code = models.PositiveSmallIntegerField(
        _("neighbourhood"), choices=neighbourhood_choices, null=True, blank=True, db_index=True
    )
    municipality_nis = models.CharField(
        _("municipality"), max_length=5, choices=municipality_choices, blank=True, default="", db_index=True
    )
    image = models.ImageField(_("image"), upload_to="ideas/%Y/%m/", blank=True)
    visibility = _visibility_field()
    moderation_reason = _reason_field()
    # The title's multilingual sentence vector (ideas/similarity.py), for "similar ideas" hints.
    title_vector = models.BinaryField(null=True, blank=True, editable=False)
    # PostgreSQL only: title and text, accent-blind, stemmed in the idea's language. A trigger writes it on every
    # insert and on every change of the words (migration 0008); on SQLite it stays empty.
    search_vector = SearchVectorField(null=True, editable=False)
    created_at = models.DateTimeField(
        default=clock.now, editable=False, db_index=True
    )  # the Brussels clock: the demo replays a post on its day
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("idea")
        verbose_name_plural = _("ideas")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                name="idea_location_is_a_whole_point",
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__isnull=False, longitude__isnull=False),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("ideas:detail", kwargs={"pk": self.pk})

    @property
    def assisted(self) -> bool:
        """Entered by a facilitator for a resident met in person (and so counted apart), even once taken over."""
        return self.consent_id is not None

    @property
    def neighbourhood(self):
        return neighbourhoods().get(self.neighbourhood_code)

    @property
    def municipality(self):
        return municipalities().get(self.municipality_nis)


class Comment(models.Model):
    """A comment on an idea, or a reply to one (replies go one level deep)."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="comments")
    parent = models.ForeignKey("self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="comments"
    )
    # A comment a facilitator entered for a resident met in person (samen/assisted), as for an idea.
    consent = models.OneToOneField(
        "assisted.Consent", on_delete=models.PROTECT, null=True, blank=True, related_name="comment"
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    body = models.TextField(_("comment"), max_length=COMMENT_MAX)
    # The body as its page shows it (Markdown made sanitised HTML), written with the body (`set_body`): rendering
    # every comment of a page at each view cost more than the rest of the page. A change to what Markdown may
    # produce (samen/common/markdown.py) needs a data migration that renders every comment again.
    body_html = models.TextField(editable=False, blank=True)
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    visibility = _visibility_field()
    moderation_reason = _reason_field()
    created_at = models.DateTimeField(default=clock.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]
        indexes = [
            # An idea's threads in their order (queries.thread_page, page_of_comment); with who may see each row,
            # so that counting and skipping 10,000 comments reads the index alone.
            models.Index(
                fields=["idea", "parent", "created_at", "id", "visibility", "author"], name="comment_thread_order"
            ),
        ]

    def __str__(self):
        return self.body[:60]

    def get_absolute_url(self):
        """The idea's page that shows this comment (threads come in pages), scrolled to it."""
        return f"{self.idea.get_absolute_url()}?comment={self.pk}#comment-{self.pk}"

    def set_body(self, text: str) -> None:
        self.body = text
        self.body_html = render_markdown(text)

    @property
    def process(self):
        return self.idea.process

    @property
    def assisted(self) -> bool:
        return self.consent_id is not None


class Support(models.Model):
    """One person's support of an idea: online from their account, or entered by a facilitator who met them, with
    their consent (samen/assisted). A verified person's support keeps their pseudonym in this idea's supports (never
    their identity), so that one person supports once whatever their accounts, and it stays when the account goes."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="supports")
    # NULL: entered by a facilitator and not yet taken over, or of an account since deleted (kept with its key)
    resident = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="supports"
    )
    # accounts.verification.vote_pseudonym(person, "support:<idea pk>"); NULL for an account never verified
    supporter_key = models.CharField(max_length=64, null=True, blank=True, editable=False)  # noqa: DJ001 (NULL: no key)
    # A support a facilitator entered for a resident met in person: who entered it and the resident's consent.
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    consent = models.OneToOneField(
        "assisted.Consent", on_delete=models.PROTECT, null=True, blank=True, related_name="support"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("support")
        verbose_name_plural = _("supports")
        constraints = [
            models.UniqueConstraint(fields=["idea", "resident"], name="support_one_per_resident"),
            models.UniqueConstraint(
                fields=["idea", "supporter_key"],
                condition=Q(supporter_key__isnull=False),
                name="support_one_per_person",
            ),
        ]

    def __str__(self):
        return f"{self.resident or self.supporter_key} → {self.idea}"


class Follow(models.Model):
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="follows")
    follower = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        constraints = [models.UniqueConstraint(fields=["idea", "follower"], name="follow_one_per_person")]

    def __str__(self):
        return f"{self.follower} → {self.idea}"


def _one_target():
    return Q(idea__isnull=False, comment__isnull=True) | Q(idea__isnull=True, comment__isnull=False)


class Flag(models.Model):
    """Someone reports an idea or a comment to the moderators; one flag per person and per content."""

    class Reason(models.TextChoices):
        SPAM = "spam", _("Spam or advertising")
        ABUSE = "abuse", _("Insulting, hateful or threatening")
        PERSONAL_DATA = "personal_data", _("Reveals someone's personal data")
        OFF_TOPIC = "off_topic", _("Not about this process")
        OTHER = "other", _("Something else")

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, null=True, blank=True, related_name="flags")
    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, null=True, blank=True, related_name="flags")
    flagger = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="flags")
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    note = models.CharField(_("details"), max_length=REASON_MAX, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("flag")
        verbose_name_plural = _("flags")
        constraints = [
            models.CheckConstraint(name="flag_targets_one_content", condition=_one_target()),
            models.UniqueConstraint(
                fields=["idea", "flagger"], condition=Q(idea__isnull=False), name="flag_idea_once_per_person"
            ),
            models.UniqueConstraint(
                fields=["comment", "flagger"], condition=Q(comment__isnull=False), name="flag_comment_once_per_person"
            ),
        ]

    def __str__(self):
        return f"{self.get_reason_display()}: {self.idea or self.comment}"


class ModerationAction(models.Model):
    """The append-only log: what a moderator did, to what, and why. Rows are never changed or deleted."""

    class Kind(models.TextChoices):
        HIDE = "hide", _("Hidden")
        RESTORE = "restore", _("Restored")
        APPROVE = "approve", _("Approved")
        EDIT = "edit", _("Edited")

    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="moderation_actions"
    )
    kind = models.CharField(_("action"), max_length=10, choices=Kind.choices)
    idea = models.ForeignKey(Idea, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    comment = models.ForeignKey(Comment, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    # A copy of what was moderated, so the log still reads when the content is later deleted.
    excerpt = models.CharField(_("content"), max_length=200)
    reason = models.CharField(_("reason"), max_length=REASON_MAX, blank=True)  # an edit asks for none
    # A moderator's edit of someone's words keeps the words it replaced (an idea: title, blank line, text).
    previous_text = models.TextField(_("text before the edit"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("moderation action")
        verbose_name_plural = _("moderation log")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.excerpt}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("The moderation log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("The moderation log is append-only.")
