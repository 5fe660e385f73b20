from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from samen.accounts import eid, privacy, services, verification
from samen.accounts.forms import CensusForm, ProfileForm, VerifyForm
from samen.common.http import safe_next


@login_required
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST":
        if form.is_valid():
            services.update_profile(user=request.user, **form.cleaned_data)
            messages.success(request, _("Your profile is saved."))
            return redirect("profile")
        return render(request, "accounts/profile.html", {"form": form}, status=422)
    return render(request, "accounts/profile.html", {"form": form})


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=gettext_lazy("Your password, to confirm"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        if not self.user.check_password(self.cleaned_data["password"]):
            raise forms.ValidationError(_("This is not your password."), code="wrong_password")
        return self.cleaned_data["password"]


def privacy_notice(request):
    return render(request, "accounts/privacy.html")


@login_required
def data(request):
    return render(request, "accounts/privacy_account.html", {"form": DeleteAccountForm(user=request.user)})


@require_POST
@login_required
def export(request):
    response = HttpResponse(privacy.export_zip(request.user), content_type="application/zip")
    response["Content-Disposition"] = 'attachment; filename="samen-my-data.zip"'
    return response


@require_POST
@login_required
def delete(request):
    form = DeleteAccountForm(request.POST, user=request.user)
    if not form.is_valid():
        return render(request, "accounts/privacy_account.html", {"form": form}, status=422)
    user = request.user
    logout(request)
    privacy.delete_account(user=user)
    messages.success(request, _("Your account is deleted. Thank you for having taken part."))
    return redirect("processes:list")


@login_required
def verify(request):
    """A resident proves they are one real resident entitled to sign, with the census list (or the eID)."""
    form = VerifyForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                verification.verify_with_census(user=request.user, **form.cleaned_data)
                messages.success(request, _("Your account is verified: you can sign initiatives."))
                return redirect(safe_next(request, request.GET.get("next"), reverse("profile")))
            except ValidationError as refusal:
                form.add_error(None, refusal)
        status = 422
    context = {"form": form, "verified": verification.is_verified(request.user), "eid_button": eid.button_label()}
    return render(request, "accounts/verify.html", context, status=status)


EID_RETURN = "samen.eid.return"  # where to go back to, and in which language, once the provider answers


@require_GET
@login_required
def eid_start(request):
    """Send the resident to the eID / itsme provider. The callback URL is always in the default language, so that
    the provider knows one redirect URI; the resident's language comes back through the session."""
    if not eid.is_configured():
        raise Http404
    next_url = safe_next(request, request.GET.get("next"), "")
    request.session[EID_RETURN] = {"next": next_url, "language": translation.get_language()}
    with translation.override(settings.LANGUAGE_CODE):
        callback = request.build_absolute_uri(reverse("eid_callback"))
    try:
        return eid.redirect_to_provider(request, redirect_uri=callback)
    except ValidationError as refusal:
        return _eid_refused(request, refusal)


@require_GET
@login_required
def eid_callback(request):
    """The provider sends the resident back here: verify the account with the national number it vouches for."""
    if not eid.is_configured():
        raise Http404
    back = request.session.pop(EID_RETURN, {})
    with translation.override(back.get("language") or translation.get_language()):
        try:
            national_number, born_on = eid.identity_from_callback(request)
            verification.verify_with_eid(user=request.user, national_number=national_number, born_on=born_on)
        except ValidationError as refusal:
            return _eid_refused(request, refusal)
        messages.success(request, _("Your account is verified: you can sign initiatives."))
        return redirect(safe_next(request, back.get("next"), reverse("profile")))


def _eid_refused(request, refusal: ValidationError):
    context = {
        "form": VerifyForm(),
        "verified": verification.is_verified(request.user),
        "eid_button": eid.button_label(),
        "eid_refusal": refusal.messages[0],
    }
    return render(request, "accounts/verify.html", context, status=422)


@login_required
def census(request):
    if not request.user.has_perm("accounts.upload_census"):
        raise PermissionDenied
    form = CensusForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                uploaded = verification.upload_census(
                    municipality_nis=form.cleaned_data["municipality_nis"],
                    uploader=request.user,
                    text=form.cleaned_data["census"],
                )
                messages.success(request, _("The list is in: %(rows)s residents.") % {"rows": uploaded.rows})
                return redirect("census")
            except ValidationError as refusal:
                form.add_error("census", refusal)
        status = 422
    return render(request, "accounts/census.html", {"form": form}, status=status)
