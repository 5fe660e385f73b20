"""What became of a decision (a winning idea, a funded project): the statuses both follow-ups report with."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ProgressStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DELIVERED = "delivered", _("Delivered")
    ABANDONED = "abandoned", _("Abandoned")
