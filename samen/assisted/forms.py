"""The consent form every kind's assisted form extends: who the resident is, where, and what they agreed to."""

from django import forms
from django.utils.translation import gettext_lazy as _

from samen.assisted.services import ConsentGiven


class ConsentForm(forms.Form):
    national_number = forms.CharField(
        label=_("Resident's national register number"),
        max_length=20,
        help_text=_("From the resident's identity card. It is never stored: it only makes sure a person counts once."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
    )
    born_on = forms.DateField(label=_("Resident's date of birth"), widget=forms.DateInput(attrs={"type": "date"}))
    resident_name = forms.CharField(
        label=_("Resident's name (optional)"),
        max_length=120,
        required=False,
        help_text=_("As the resident gives it, for the audit."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    place = forms.CharField(
        label=_("Where you met the resident"),
        max_length=200,
        help_text=_("For example: Espace public numérique, Laeken."),
    )
    agreed = forms.BooleanField(required=False)  # its label is the sentence the resident agrees to

    def __init__(self, *args, agreement: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.agreement = str(agreement)
        self.fields["agreed"].label = self.agreement

    def given(self) -> ConsentGiven:
        data = self.cleaned_data
        return ConsentGiven(
            national_number=data["national_number"],
            born_on=data["born_on"],
            place=data["place"],
            agreed_to=self.agreement if data["agreed"] else "",
            resident_name=data["resident_name"],
        )
