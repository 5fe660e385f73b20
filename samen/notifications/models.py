"""What a resident wants to hear about, how often, and the notices waiting for their digest."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from samen.common.geography import neighbourhood_choices
from samen.common.topics import topic_choices


class Kind(models.TextChoices):
    REPLIES = "replies", _("Replies to my ideas and comments")
    FOLLOWS = "follows", _("News of what I follow")
    PROCESS_NEWS = "process_news", _("A vote announced or a result published in a process I took part in")
    NEW_PROCESSES = (
        "new_processes",
        _("New processes in the neighbourhoods and on the topics I chose, and in the whole Region"),
    )


class Rhythm(models.TextChoices):
    AT_ONCE = "at_once", _("At once")
    DAILY = "daily", _("In a daily digest")
    WEEKLY = "weekly", _("In a weekly digest")
    NEVER = "never", _("Never")


# Without a choice of their own: what the resident asked for by writing or following comes at once; news they never
# asked for stays off until they choose it (GDPR: no e-mail that nobody wished for).
DEFAULT_RHYTHMS = {
    Kind.REPLIES: Rhythm.AT_ONCE,
    Kind.FOLLOWS: Rhythm.AT_ONCE,
    Kind.PROCESS_NEWS: Rhythm.NEVER,
    Kind.NEW_PROCESSES: Rhythm.NEVER,
}


class Preference(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notice_preferences")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    rhythm = models.CharField(_("rhythm"), max_length=10, choices=Rhythm.choices)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="one_preference_per_kind")]

    def __str__(self):
        return f"{self.kind}: {self.rhythm}"


class ChosenNeighbourhood(models.Model):
    """A neighbourhood whose new processes the resident wants to hear about."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="chosen_neighbourhoods")
    neighbourhood_code = models.PositiveSmallIntegerField(_("neighbourhood"), choices=neighbourhood_choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "neighbourhood_code"], name="neighbourhood_chosen_once")]

    def __str__(self):
        return str(self.neighbourhood_code)


class ChosenTopic(models.Model):
    """A topic (common/topics.py) whose new processes the resident wants to hear about, wherever they are."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="chosen_topics")
    topic = models.CharField(_("topic"), max_length=40, choices=topic_choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "topic"], name="topic_chosen_once")]

    def __str__(self):
        return self.topic


class Pending(models.Model):
    """A notice waiting for its digest: what it is about, not its text, so that it is written in the recipient's
    language when the digest goes (and not at all if what it was about has gone)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pending_notices")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    rhythm = models.CharField(max_length=10, choices=Rhythm.choices)
    event = models.CharField(max_length=40)  # "ideas.comment": the app's describer in its NOTICES
    object_id = models.PositiveBigIntegerField()
    detail = models.CharField(max_length=40, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "event", "object_id", "detail"], name="pending_notice_once"),
            models.CheckConstraint(name="pending_is_for_a_digest", condition=models.Q(rhythm__in=["daily", "weekly"])),
        ]

    def __str__(self):
        return f"{self.event} {self.object_id} ({self.rhythm})"


class Announcement(models.Model):
    """An event told once to everyone concerned (a vote opening today): the daily job run twice, or on two machines,
    finds the row and tells nobody again."""

    event = models.CharField(max_length=40)
    object_id = models.PositiveBigIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["event", "object_id"], name="announced_once")]

    def __str__(self):
        return f"{self.event} {self.object_id}"
