"""Forms check shape; the services check the rules (phase, jury, shortlist, official languages)."""

from django import forms
from django.utils.translation import gettext_lazy as _

LANGUAGES = (("nl", _("Dutch")), ("fr", _("French")), ("en", _("English (optional)")))


class ReviewForm(forms.Form):
    """One score per criterion, a comment, or a declared conflict of interest (then no score)."""

    conflict_of_interest = forms.BooleanField(
        label=_("I have a conflict of interest with this idea and will not score it"), required=False
    )
    comment = forms.CharField(
        label=_("Your comment for the jury"), widget=forms.Textarea, required=False, max_length=2000
    )

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for criterion in self.criteria:
            self.fields[f"criterion_{criterion.pk}"] = forms.IntegerField(
                label=criterion.name,
                help_text=_("From 0 to %(scale)s. Weight: %(weight)s.")
                % {"scale": criterion.scale, "weight": criterion.weight},
                min_value=0,
                max_value=criterion.scale,
                required=False,
            )
        self.order_fields([f"criterion_{c.pk}" for c in self.criteria] + ["comment", "conflict_of_interest"])

    def clean(self):
        data = super().clean()
        if not data.get("conflict_of_interest"):
            for criterion in self.criteria:
                name = f"criterion_{criterion.pk}"
                if data.get(name) is None and name not in self.errors:
                    self.add_error(name, _("Give a score, or declare a conflict of interest."))
        return data

    def scores(self) -> dict[int, int]:
        return {
            c.pk: self.cleaned_data[f"criterion_{c.pk}"]
            for c in self.criteria
            if not self.cleaned_data.get("conflict_of_interest")
        }


class ShortlistSizeForm(forms.Form):
    size = forms.IntegerField(label=_("How many ideas go on the shortlist?"), min_value=1, max_value=50)


class TextsForm(forms.Form):
    """A text in each language; which official language is missing is the service's to say."""

    def __init__(self, *args, name: str, label: str, max_length: int = 2000, **kwargs):
        super().__init__(*args, **kwargs)
        self.name = name
        for code, language in LANGUAGES:
            self.fields[f"{name}_{code}"] = forms.CharField(
                label=f"{label} ({language})",
                widget=forms.Textarea(attrs={"rows": 3}),
                required=False,
                max_length=max_length,
            )

    def texts(self) -> dict[str, str]:
        return {code: self.cleaned_data.get(f"{self.name}_{code}", "") for code, _label in LANGUAGES}


class BallotForm(forms.Form):
    def __init__(self, *args, entries, max_choices: int, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(str(entry.idea_id), entry.idea.title) for entry in entries]
        if max_choices == 1:
            self.fields["ideas"] = forms.ChoiceField(label=_("Your choice"), choices=choices, widget=forms.RadioSelect)
        else:
            self.fields["ideas"] = forms.MultipleChoiceField(
                label=_("Your choices (up to %(count)s)") % {"count": max_choices},
                choices=choices,
                widget=forms.CheckboxSelectMultiple,
            )

    def idea_ids(self) -> list[int]:
        chosen = self.cleaned_data["ideas"]
        return [int(value) for value in ([chosen] if isinstance(chosen, str) else chosen)]
