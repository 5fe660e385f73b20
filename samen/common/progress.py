"""What became of a decision (a winning idea, a funded project): the statuses both follow-ups report with."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

LANGUAGES = (("nl", _("Dutch")), ("fr", _("French")), ("en", _("English (optional)")))


class ProgressStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DELIVERED = "delivered", _("Delivered")
    ABANDONED = "abandoned", _("Abandoned")


class ProgressForm(forms.Form):
    """A progress update as managers type it: a status, what happened in each language, a link and a photo."""

    status = forms.ChoiceField(label=_("Status"), choices=ProgressStatus.choices)
    link = forms.URLField(label=_("Link (optional)"), required=False, assume_scheme="https")
    photo = forms.ImageField(label=_("Photo (optional)"), required=False)

    def __init__(self, *args, abandoned_help: str, **kwargs):
        super().__init__(*args, **kwargs)
        for code, language in LANGUAGES:
            self.fields[f"text_{code}"] = forms.CharField(
                label=_("What happened (%(language)s)") % {"language": language},
                help_text=abandoned_help,
                widget=forms.Textarea(attrs={"rows": 4}),
                required=False,
                max_length=5000,
            )

    def texts(self) -> dict[str, str]:
        return {code: self.cleaned_data.get(f"text_{code}", "") for code, _label in LANGUAGES}
