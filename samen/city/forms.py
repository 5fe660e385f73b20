from django import forms
from django.utils.translation import gettext_lazy as _

from samen.city.models import Project

MAX_UPLOAD = 5 * 1024 * 1024


class ValueForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    value = forms.DecimalField(label=_("Value"), max_digits=14, decimal_places=3)
    note = forms.CharField(label=_("Note (optional)"), max_length=300, required=False)


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "UTF-8, with a first line naming the columns indicator, date and value, and optionally note. "
            "Dates as YYYY-MM-DD; the indicator by the last part of its page's address, after /dashboard/indicators/."
        ),
    )

    def clean_file(self) -> str:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(_("The file is larger than 5 MB."), code="too_large")
        try:
            return upload.read().decode("utf-8")
        except UnicodeDecodeError:
            raise forms.ValidationError(
                _("The file is not UTF-8 text: save it as CSV UTF-8."), code="not_utf8"
            ) from None


LANGUAGES = (("nl", _("Dutch")), ("fr", _("French")), ("en", _("English (optional)")))


class ProjectUpdateForm(forms.Form):
    """A step of a project's timeline as staff type it: a status, what happened in each language, a link, a photo."""

    status = forms.ChoiceField(label=_("Status"), choices=Project.Status.choices)
    link = forms.URLField(label=_("Link (optional)"), required=False, assume_scheme="https")
    photo = forms.ImageField(label=_("Photo (optional)"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code, language in LANGUAGES:
            self.fields[f"text_{code}"] = forms.CharField(
                label=_("What happened (%(language)s)") % {"language": language},
                help_text=_("For an abandoned project, say why."),
                widget=forms.Textarea(attrs={"rows": 4}),
                required=False,
                max_length=5000,
            )

    def texts(self) -> dict[str, str]:
        return {code: self.cleaned_data.get(f"text_{code}", "") for code, _label in LANGUAGES}


class ProjectForm(forms.ModelForm):
    """A new City project: typed by staff, or proposed from a winning idea or a funded proposal (pre-filled)."""

    class Meta:
        model = Project
        fields = [
            "title_nl",
            "title_fr",
            "title_en",
            "description_nl",
            "description_fr",
            "description_en",
            "domain",
            "department",
            "starts_on",
            "ends_on",
            "budget_planned",
            "latitude",
            "longitude",
        ]
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}),
            "ends_on": forms.DateInput(attrs={"type": "date"}),
            "description_nl": forms.Textarea(attrs={"rows": 5}),
            "description_fr": forms.Textarea(attrs={"rows": 5}),
            "description_en": forms.Textarea(attrs={"rows": 5}),
        }
        labels = {
            "title_nl": _("Title (Dutch)"),
            "title_fr": _("Title (French)"),
            "title_en": _("Title (English, optional)"),
            "description_nl": _("Description (Dutch)"),
            "description_fr": _("Description (French)"),
            "description_en": _("Description (English, optional)"),
        }
