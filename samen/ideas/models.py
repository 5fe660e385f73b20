from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from samen.processes.geography import (
    municipalities,
    municipality_choices,
    neighbourhood_choices,
    neighbourhoods,
)

TITLE_MAX = 140
BODY_MAX = 5000
COMMENT_MAX = 2000


class Idea(models.Model):
    """A resident's idea, in the author's own language, under one theme of one process."""

    process = models.ForeignKey("processes.Process", on_delete=models.CASCADE, related_name="ideas")
    # RESTRICT: a theme in use cannot be deleted alone, but deleting its process takes both.
    theme = models.ForeignKey("processes.Theme", on_delete=models.RESTRICT, related_name="ideas")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="ideas")
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
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
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
    def neighbourhood(self):
        return neighbourhoods().get(self.neighbourhood_code)

    @property
    def municipality(self):
        return municipalities().get(self.municipality_nis)


class Comment(models.Model):
    """A comment on an idea, or a reply to one (replies go one level deep)."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="comments")
    parent = models.ForeignKey("self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="comments")
    body = models.TextField(_("comment"), max_length=COMMENT_MAX)
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.body[:60]

    def get_absolute_url(self):
        return f"{self.idea.get_absolute_url()}#comment-{self.pk}"

    @property
    def process(self):
        return self.idea.process


class Support(models.Model):
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="supports")
    resident = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="supports")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("support")
        verbose_name_plural = _("supports")
        constraints = [models.UniqueConstraint(fields=["idea", "resident"], name="support_one_per_resident")]

    def __str__(self):
        return f"{self.resident} → {self.idea}"


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
