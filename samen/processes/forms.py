from django import forms
from django.utils.translation import gettext_lazy as _

from samen.ideas.queries import SORTS
from samen.processes.geography import neighbourhood_choices


class IdeaFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    neighbourhood = forms.TypedChoiceField(
        label=_("Neighbourhood"),
        choices=lambda: [("", _("All neighbourhoods")), *neighbourhood_choices()],
        coerce=int,
        empty_value=None,
        required=False,
    )
    sort = forms.ChoiceField(
        label=_("Order"),
        required=False,
        choices=[
            ("newest", _("Newest first")),
            ("most_supported", _("Most supported")),
            ("random", _("Random")),
        ],
    )

    def __init__(self, *args, process, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [("", _("All themes"))] + [(t.slug, t.name) for t in process.themes.all()]

    @staticmethod
    def defaults() -> dict:
        return {"q": "", "theme": "", "neighbourhood": None, "sort": SORTS[0]}
