"""Forms check the shape of what is typed; the services check the rules."""

from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from samen.initiatives.models import Initiative, InitiativeKind, TimelineEvent
from samen.initiatives.services import PaperLine

LANGUAGES = (("nl", _("Dutch")), ("fr", _("French")), ("en", _("English")))


class InitiativeForm(forms.Form):
    """Title, text and reasons in Dutch and/or French (both are needed before submission), English optional."""

    kind = forms.ModelChoiceField(label=_("Right of initiative"), queryset=InitiativeKind.objects.all())

    def __init__(self, *args, with_kind: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not with_kind:
            del self.fields["kind"]
        for name, label, widget in (
            ("title", _("Title"), forms.TextInput),
            ("text", _("Text put to the council's vote"), forms.Textarea),
            ("reasons", _("Reasons"), forms.Textarea),
        ):
            for code, language in LANGUAGES:
                self.fields[f"{name}_{code}"] = forms.CharField(
                    label=f"{label} ({language})",
                    required=False,
                    max_length=200 if name == "title" else 20000,
                    widget=widget,
                )

    def texts(self, name: str) -> dict[str, str]:
        return {code: self.cleaned_data[f"{name}_{code}"] for code, _language in LANGUAGES}


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("Their e-mail address"))


class ReviewForm(forms.Form):
    admit = forms.TypedChoiceField(
        label=_("Admissibility"),
        choices=[("yes", _("Admissible: open the signature collection")), ("no", _("Return to the promoters"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(label=_("Reasons (required to return it)"), required=False, widget=forms.Textarea)


class PaperSheetForm(forms.Form):
    reference = forms.CharField(label=_("Sheet number"), max_length=40)
    lines = forms.CharField(
        label=_("Lines of the sheet"),
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("One signature per line: national number; birth date (YYYY-MM-DD); name."),
    )

    def clean_lines(self) -> list[PaperLine]:
        lines = []
        for number, text in enumerate(self.cleaned_data["lines"].splitlines(), start=1):
            if not text.strip():
                continue
            cells = [cell.strip() for cell in text.split(";")]
            if len(cells) != 3:
                raise forms.ValidationError(
                    _("Line %(line)s: expected national number; birth date; name."),
                    code="line_shape",
                    params={"line": number},
                )
            try:
                born = date.fromisoformat(cells[1])
            except ValueError:
                raise forms.ValidationError(
                    _("Line %(line)s: the birth date is not YYYY-MM-DD."), code="line_date", params={"line": number}
                ) from None
            lines.append(PaperLine(cells[0], born, cells[2]))
        return lines


class EventForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=TimelineEvent.Kind.choices)
    day = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    title_nl = forms.CharField(label=_("Title (Dutch)"), max_length=200)
    title_fr = forms.CharField(label=_("Title (French)"), max_length=200)
    link = forms.URLField(label=_("Link"), required=False, assume_scheme="https")


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), choices=Initiative.Decision.choices)
    decided_on = forms.DateField(label=_("Date of the vote"), widget=forms.DateInput(attrs={"type": "date"}))
    votes_for = forms.IntegerField(label=_("Votes for"), min_value=0, max_value=200, required=False)
    votes_against = forms.IntegerField(label=_("Votes against"), min_value=0, max_value=200, required=False)
    abstentions = forms.IntegerField(label=_("Abstentions"), min_value=0, max_value=200, required=False)
    minutes_url = forms.URLField(label=_("Minutes (link)"), required=False, assume_scheme="https")
