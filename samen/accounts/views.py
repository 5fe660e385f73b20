from functools import wraps
from urllib.parse import quote

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST
from django_ratelimit.decorators import ratelimit

from samen.accounts import eid, letter_files, letters, services, verification
from samen.accounts.forms import CensusForm, DocumentForm, IdentityForm, LetterCodeForm, ProfileForm
from samen.common import clock, participation, privacy
from samen.common.geography import municipality_choices
from samen.common.http import INVALID, client_ip, require, safe_next
from samen.common.views import too_many_attempts


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
def participation_page(request):
    """What the signed-in resident did and what became of it, from every app (`common/participation.py`)."""
    return render(request, "accounts/participation.html", {"sections": participation.sections(request.user)})


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
    services.delete_account(user=user)
    messages.success(request, _("Your account is deleted. Thank you for having taken part."))
    return redirect("processes:list")


def _limited(view):
    """Verification attempts are limited per account and per client address, all forms together; a refused attempt
    is logged like the others and answers 429."""

    @ratelimit(
        group="verify", key="user", rate=lambda *_: settings.SAMEN_VERIFY_RATE_ACCOUNT, method="POST", block=False
    )
    @ratelimit(group="verify", key="ip", rate=lambda *_: settings.SAMEN_VERIFY_RATE_CLIENT, method="POST", block=False)
    @wraps(view)
    def limited(request, *args, **kwargs):
        if getattr(request, "limited", False):
            verification.log_attempt(user=request.user, method="", reason="rate_limited", client=client_ip(request))
            return too_many_attempts(request)
        return view(request, *args, **kwargs)

    return limited


def _safe_next(request) -> str:
    """Only an address on this site is followed after verifying: never an open redirect."""
    return safe_next(request, request.POST.get("next") or request.GET.get("next"), "")


def _verify_page(request, *, status: int = 200, **forms_and_refusals):
    context = {
        "letter_form": IdentityForm(prefix="letter"),
        "code_form": LetterCodeForm(prefix="code"),
        "document_form": DocumentForm(prefix="document"),
        "verified": verification.is_verified(request.user),
        "letter": letters.open_letter(request.user),
        "eid_button": eid.button_label(),
        "next": _safe_next(request),
    } | forms_and_refusals
    return render(request, "accounts/verify.html", context, status=status)


@login_required
def verify(request):
    """A resident proves they are one real resident: by the eID, by a code sent by post to the register's address,
    or by their identity card's number where the register has it."""
    return _verify_page(request)


def _verified(request):
    messages.success(request, _("Your account is verified: you can sign initiatives and vote where it is asked."))
    return redirect(_safe_next(request) or "profile")


def _submit(request, form_class, prefix: str, act, on_success):
    """One verification form: valid input goes to its service; a refusal is shown on the form, answered with 4xx."""
    form = form_class(request.POST, prefix=prefix)
    if form.is_valid():
        try:
            act(user=request.user, client=client_ip(request), **form.cleaned_data)
            return on_success(request)
        except ValidationError as refusal:
            form.add_error(None, refusal)
    return _verify_page(request, status=INVALID, **{f"{prefix}_form": form})


def _letter_requested(request):
    messages.success(
        request, _("Your letter will be printed and posted to your address in the register within a few days.")
    )
    next_url = _safe_next(request)
    return redirect(reverse("verify") + (f"?next={quote(next_url)}" if next_url else ""))


@require_POST
@login_required
@_limited
def verify_letter(request):
    return _submit(request, IdentityForm, "letter", letters.request_letter, _letter_requested)


@require_POST
@login_required
@_limited
def verify_code(request):
    return _submit(request, LetterCodeForm, "code", letters.verify_with_letter, _verified)


@require_POST
@login_required
@_limited
def verify_document(request):
    return _submit(request, DocumentForm, "document", verification.verify_with_document, _verified)


@login_required
def letter_batch(request):
    """Administrators print the day's letters: one ZIP with the PDF and the CSV, made once (the codes are not kept)."""
    require(request, "accounts.print_letters")
    if request.method == "POST":
        printed = letters.print_letters(staff=request.user, municipality_nis=request.POST.get("municipality_nis", ""))
        if not printed:
            messages.info(request, _("No letter is waiting."))
            return redirect("letters")
        response = HttpResponse(letter_files.letters_zip(printed), content_type="application/zip")
        stamp = clock.now().strftime("%Y-%m-%d-%H%M")
        response["Content-Disposition"] = f'attachment; filename="samen-letters-{stamp}.zip"'
        return response
    waiting = letters.letters_waiting().values("municipality_nis").annotate(count=Count("pk"))
    names = dict(municipality_choices())
    rows = [
        {"nis": row["municipality_nis"], "name": names.get(row["municipality_nis"], ""), "count": row["count"]}
        for row in waiting.order_by("municipality_nis")
    ]
    return render(request, "accounts/letters.html", {"rows": rows, "batch": letters.BATCH})


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
            verification.verify_with_eid(
                user=request.user, national_number=national_number, born_on=born_on, client=client_ip(request)
            )
        except ValidationError as refusal:
            return _eid_refused(request, refusal)
        messages.success(request, _("Your account is verified: you can sign initiatives and vote where it is asked."))
        return redirect(safe_next(request, back.get("next"), reverse("profile")))


def _eid_refused(request, refusal: ValidationError):
    return _verify_page(request, status=INVALID, eid_refusal=refusal.messages[0])


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
