from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from samen.accounts import privacy, services, verification
from samen.accounts.forms import CensusForm, ProfileForm, VerifyForm


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
                return redirect(request.GET.get("next") or "profile")
            except ValidationError as refusal:
                form.add_error(None, refusal)
        status = 422
    context = {"form": form, "verified": verification.is_verified(request.user)}
    return render(request, "accounts/verify.html", context, status=status)


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
