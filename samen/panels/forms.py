"""Forms check the shape of what is typed; the services check the rules."""

from django import forms
from django.utils.translation import gettext_lazy as _

from samen.panels.features import FEATURES, category_label, value_label
from samen.panels.models import Lottery

MAX_REGISTER_BYTES = 20 * 1024 * 1024
LANGUAGES = (("nl", _("Dutch")), ("fr", _("French")), ("en", _("English (optional)")))


class RegisterForm(forms.Form):
    register = forms.FileField(
        label=_("Register extract (CSV)"),
        help_text=_(
            "Columns id, address and neighbourhood (monitoring code); optional gender and age_band. "
            "It is never published; rows not invited are erased when the invitations are drawn."
        ),
    )

    def clean_register(self):
        upload = self.cleaned_data["register"]
        if upload.size > MAX_REGISTER_BYTES:
            raise forms.ValidationError(_("The file is larger than 20 MB."), code="too_large")
        try:
            return upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise forms.ValidationError(_("The file is not UTF-8 text."), code="encoding") from None


class VolunteerForm(forms.Form):
    code = forms.CharField(label=_("Invitation code"), max_length=30, help_text=_("It is printed on your letter."))
    first_name = forms.CharField(label=_("First name"), max_length=60)
    consent = forms.BooleanField(
        label=_(
            "I agree to take part in the draw, and that Samen keeps my answers until the end of the panel's term "
            "to draw it and to fill a seat left empty."
        ),
        required=False,
    )
    show_name = forms.BooleanField(
        label=_("If I am drawn, my first name and neighbourhood may be shown on the panel's public page."),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, feature in FEATURES.items():
            if feature.declared:
                self.fields[name] = forms.ChoiceField(
                    label=feature.label,
                    choices=[("", "—"), *feature.values.items()],
                    help_text=_("Used only to balance the panel; published without your name."),
                )

    def features(self) -> dict[str, str]:
        return {name: self.cleaned_data.get(name, "") for name, feature in FEATURES.items() if feature.declared}


class QuotaForm(forms.Form):
    """One pair of bounds per (category, value); the field names are min-<category>-<value>, max-<…>."""

    def __init__(self, *args, values: dict[str, list[str]], initial_bounds: dict, k: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = []
        for category, category_values in values.items():
            for value in category_values:
                low, high = initial_bounds.get((category, value), (0, k))
                names = (f"min-{category}-{value}", f"max-{category}-{value}")
                label = f"{category_label(category)}: {value_label(category, value)}"
                for name, initial, text in ((names[0], low, _("at least")), (names[1], high, _("at most"))):
                    self.fields[name] = forms.IntegerField(
                        label=f"{label} ({text})", min_value=0, max_value=k, initial=initial
                    )
                self.rows.append((category, value, label, self[names[0]], self[names[1]]))

    def bounds(self) -> dict[tuple[str, str], tuple[int, int]]:
        return {
            (category, value): (
                self.cleaned_data[f"min-{category}-{value}"],
                self.cleaned_data[f"max-{category}-{value}"],
            )
            for category, value, *_ in self.rows
        }


class SeedForm(forms.Form):
    seed = forms.CharField(
        label=_("The announced seed"),
        max_length=200,
        help_text=_("Exactly as it was published, e.g. 7-12-23-31-38-44."),
    )


class SeedAnnouncementForm(forms.ModelForm):
    """Where the invitations' seed will come from, in the columns the panel's own announcement uses."""

    class Meta:
        model = Lottery
        fields = [
            "invitation_seed_announcement_nl",
            "invitation_seed_announcement_fr",
            "invitation_seed_announcement_en",
            "invitation_seed_known_on",
        ]
        widgets = {
            "invitation_seed_known_on": forms.DateInput(attrs={"type": "date"}),
            **{f"invitation_seed_announcement_{code}": forms.Textarea(attrs={"rows": 2}) for code, _label in LANGUAGES},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["invitation_seed_known_on"].required = True
        for code, label in LANGUAGES:
            field = self.fields[f"invitation_seed_announcement_{code}"]
            field.label, field.help_text = label, ""
        self.fields["invitation_seed_known_on"].help_text = _(
            "The day the seed becomes known, after today: the invitations are drawn from then on."
        )

    def source(self) -> dict[str, str]:
        return {code: self.cleaned_data[f"invitation_seed_announcement_{code}"] for code, _label in LANGUAGES}


class NominationForm(forms.Form):
    association = forms.CharField(label=_("Association or neighbourhood committee"), max_length=120)
    delegate_name = forms.CharField(label=_("Delegate's name"), max_length=120)
    statement = forms.CharField(label=_("Why this delegate"), max_length=2000, required=False, widget=forms.Textarea)


class DecisionForm(forms.Form):
    approve = forms.TypedChoiceField(
        choices=[("yes", _("Approve")), ("no", _("Refuse"))], coerce=lambda value: value == "yes"
    )
    reason = forms.CharField(label=_("Reason (required to refuse)"), max_length=1000, required=False)
