from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from samen.accounts import services
from samen.accounts.models import User
from samen.processes.forms import NeighbourhoodField


def _neighbourhood_field() -> NeighbourhoodField:
    return NeighbourhoodField(
        label=_("Home neighbourhood"),
        empty_label=_("I'd rather not say"),
        help_text=_("Helps show you what happens near you. Only you and the moderators see it."),
    )


class SignupForm(forms.Form):
    """Extra fields on allauth's sign-up form; allauth calls `signup` once the account exists."""

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
