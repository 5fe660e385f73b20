"""Forms check shape; the services check the rules (phase, budget, costs, official languages)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from samen.assisted.forms import ConsentForm
from samen.common.forms import NeighbourhoodField
from samen.common.money import euros

LANGUAGES = (("nl", _("Dutch")), ("fr", _("French")), ("en", _("English (optional)")))


def _texts(form, name: str) -> dict[str, str]:
    return {code: form.cleaned_data.get(f"{name}_{code}", "") for code, _label in LANGUAGES}


class ProposalForm(forms.Form):
    estimated_cost = forms.IntegerField(
        label=_("Estimated cost (euros)"), min_value=1, help_text=_("A whole number of euros, VAT included.")
    )
    association = forms.CharField(label=_("On behalf of an association (optional)"), required=False, max_length=120)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code, language in LANGUAGES[:2]:
            self.fields[f"title_{code}"] = forms.CharField(
                label=_("Title (%(language)s)") % {"language": language}, required=False, max_length=140
            )
            self.fields[f"description_{code}"] = forms.CharField(
                label=_("Description (%(language)s)") % {"language": language},
                required=False,
                max_length=5000,
                widget=forms.Textarea(attrs={"rows": 5}),
                help_text=_("Write in Dutch or in French; the City adds the other language."),
            )
        self.fields["neighbourhood_code"] = NeighbourhoodField(
            empty_label=_("No particular neighbourhood"), label=_("Neighbourhood (optional)")
        )
        self.order_fields(["title_nl", "description_nl", "title_fr", "description_fr", "estimated_cost"])

    def texts(self, name: str) -> dict[str, str]:
        return _texts(self, name)


class ReviewForm(forms.Form):
    feasible = forms.TypedChoiceField(
        label=_("Decision"),
        choices=[("yes", _("Feasible: it goes on the ballot")), ("no", _("Not feasible"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    cost = forms.IntegerField(label=_("Cost confirmed by the City (euros)"), min_value=1, required=False)

    def __init__(self, *args, proposal, **kwargs):
        initial = {
            f"{name}_{code}": getattr(proposal, f"{name}_{code}")
            for name in ("title", "description", "review_reason")
            for code, _l in LANGUAGES
        }
        initial |= {"cost": proposal.cost or proposal.estimated_cost}
        super().__init__(*args, initial=initial, **kwargs)
        for name, label, widget in (
            ("title", _("Title"), forms.TextInput),
            ("description", _("Description"), forms.Textarea(attrs={"rows": 4})),
            ("review_reason", _("Public reason"), forms.Textarea(attrs={"rows": 3})),
        ):
            for code, language in LANGUAGES:
                self.fields[f"{name}_{code}"] = forms.CharField(
                    label=f"{label} ({language})", required=False, widget=widget, max_length=5000
                )

    def texts(self, name: str) -> dict[str, str]:
        return _texts(self, name)


class BudgetBallotForm(forms.Form):
    def __init__(self, *args, proposals, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["projects"] = forms.MultipleChoiceField(
            label=_("Your projects"),
            choices=[(str(p.pk), f"{p.title} ({euros(p.cost)})") for p in proposals],
            widget=forms.CheckboxSelectMultiple,
            required=False,
        )

    def proposal_ids(self) -> list[int]:
        return [int(value) for value in self.cleaned_data["projects"]]


class PaperBallotForm(BudgetBallotForm):
    paper_reference = forms.CharField(label=_("Number written on the paper ballot"), max_length=40)
    national_number = forms.CharField(
        label=_("Voter's national register number"),
        max_length=20,
        help_text=_(
            "From the voter's identity card. It is never stored as such: it only makes sure a person votes once."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
    )
    born_on = forms.DateField(label=_("Voter's date of birth"), widget=forms.DateInput(attrs={"type": "date"}))


class AssistedBallotForm(ConsentForm):
    """A facilitator enters a resident's ballot: who the resident is, their consent, and their choice."""

    def __init__(self, *args, proposals, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["projects"] = forms.MultipleChoiceField(
            label=_("The resident's projects"),
            choices=[(str(p.pk), f"{p.title} ({euros(p.cost)})") for p in proposals],
            widget=forms.CheckboxSelectMultiple,
            required=False,
        )

    def proposal_ids(self) -> list[int]:
        return [int(value) for value in self.cleaned_data["projects"]]
