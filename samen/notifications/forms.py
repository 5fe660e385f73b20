from django import forms
from django.utils.translation import gettext_lazy as _

from samen.common.geography import neighbourhood_choices
from samen.common.topics import topic_choices
from samen.notifications.models import Kind, Rhythm


class PreferencesForm(forms.Form):
    """One radio group of rhythms per kind, and the neighbourhoods and topics whose new processes to hear of."""

    def __init__(self, *args, rhythms: dict[str, str], neighbourhood_codes: list[int], topics: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        for kind in Kind:
            self.fields[kind.value] = forms.ChoiceField(
                label=kind.label, choices=Rhythm.choices, widget=forms.RadioSelect, initial=rhythms[kind.value]
            )
        self.fields["neighbourhoods"] = forms.TypedMultipleChoiceField(
            label=_("Neighbourhoods whose new processes you want to hear of"),
            help_text=_("Processes for the whole Region are announced to everyone who chose a rhythm above."),
            choices=neighbourhood_choices,
            coerce=int,
            required=False,
            widget=forms.CheckboxSelectMultiple,
            initial=neighbourhood_codes,
        )
        self.fields["topics"] = forms.MultipleChoiceField(
            label=_("Topics whose new processes you want to hear of, wherever they are"),
            choices=topic_choices,
            required=False,
            widget=forms.CheckboxSelectMultiple,
            initial=topics,
        )

    def rhythms(self) -> dict[str, str]:
        return {kind.value: self.cleaned_data[kind.value] for kind in Kind}
