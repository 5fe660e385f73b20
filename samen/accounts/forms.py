from django import forms
from django.conf import settings
from django.core import signing
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from samen.accounts import services
from samen.accounts.models import User
from samen.common.forms import NeighbourhoodField
from samen.common.geography import municipality_choices


def _neighbourhood_field() -> NeighbourhoodField:
    return NeighbourhoodField(
        label=_("Home neighbourhood"),
        empty_label=_("I'd rather not say"),
        help_text=_("Helps show you what happens near you. Only you and the moderators see it."),
    )


class TrapInput(forms.TextInput):
    """A field people never see nor reach with the keyboard; scripts that fill every field fill it."""

    template_name = "accounts/widgets/trap.html"


SIGNUP_SALT = "samen.accounts.signup-started"


class SignupForm(forms.Form):
    """Extra fields on allauth's sign-up form; allauth calls `signup` once the account exists.

    Bulk sign-ups are refused without a visual puzzle: a hidden field must stay empty and the form must have
    been open a few seconds (settings.SAMEN_SIGNUP_MIN_SECONDS). allauth also limits sign-ups per address.
    """

    website = forms.CharField(label="", required=False, widget=TrapInput(attrs={"title": _("Leave this field empty")}))
    started = forms.CharField(widget=forms.HiddenInput)

    display_name = forms.CharField(
        label=_("Display name"),
        max_length=60,
        help_text=_("Shown next to what you post. It need not be your real name."),
    )
    neighbourhood_code = _neighbourhood_field()
    preferred_language = forms.ChoiceField(label=_("Preferred language"), choices=settings.LANGUAGES)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["preferred_language"].initial = (get_language() or "fr")[:2]
        self.fields["started"].initial = signing.dumps(timezone.now().timestamp(), salt=SIGNUP_SALT)

    def clean(self):
        data = super().clean()
        refused = forms.ValidationError(
            _("We could not accept this sign-up. Please fill in the form again."), code="bulk_signup"
        )
        if data.get("website"):
            raise refused
        try:
            started = signing.loads(data.get("started", ""), salt=SIGNUP_SALT, max_age=24 * 3600)
        except signing.BadSignature:
            raise refused from None
        if timezone.now().timestamp() - started < settings.SAMEN_SIGNUP_MIN_SECONDS:
            raise refused
        return data

    def signup(self, request, user):
        services.update_profile(
            user=user,
            display_name=self.cleaned_data["display_name"],
            neighbourhood_code=self.cleaned_data["neighbourhood_code"],
            preferred_language=self.cleaned_data["preferred_language"],
        )


class ProfileForm(forms.ModelForm):
    neighbourhood_code = _neighbourhood_field()

    class Meta:
        model = User
        fields = ["display_name", "neighbourhood_code", "preferred_language"]


class IdentityForm(forms.Form):
    national_number = forms.CharField(
        label=_("National register number"),
        max_length=20,
        help_text=_("11 digits, on the back of your identity card (YY.MM.DD-XXX.XX). It is never stored as such."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
    )
    born_on = forms.DateField(
        label=_("Date of birth"), widget=forms.DateInput(attrs={"type": "date", "autocomplete": "bday"})
    )


class LetterCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code from the letter"),
        max_length=20,
        help_text=_("Ten letters and digits, as printed on the letter (for example ABCDE-23456)."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autocapitalize": "characters"}),
    )


class DocumentForm(IdentityForm):
    document_number = forms.CharField(
        label=_("Identity card number"),
        max_length=20,
        help_text=_("On the front of your card, for example 592-1234567-89."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )


class CensusForm(forms.Form):
    municipality_nis = forms.ChoiceField(label=_("Municipality"), choices=municipality_choices)
    census = forms.FileField(
        label=_("List of residents entitled to sign (CSV)"),
        help_text=_(
            "Columns national_number, birth_date (YYYY-MM-DD), postcode, and where the extract has them name, address "
            "(lines separated by |) for the letters, document_number. Only keyed hashes and sealed addresses are kept."
        ),
    )

    def clean_census(self):
        try:
            return self.cleaned_data["census"].read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise forms.ValidationError(_("The file is not UTF-8 text."), code="encoding") from None
