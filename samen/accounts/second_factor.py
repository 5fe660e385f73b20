"""Staff sign in with a second factor (allauth.mfa: an authenticator app, or a recovery code).

allauth asks for the code at sign-in once an account has an authenticator; this module makes sure every staff
account has one: until then, a staff member may only set it up, change language or sign out.
"""

import base64
import hashlib
import hmac
import os

from allauth.mfa.models import Authenticator
from allauth.mfa.signals import authenticator_removed
from allauth.mfa.totp.internal.auth import TOTP
from allauth.mfa.utils import is_mfa_enabled
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.signals import user_logged_in
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.dispatch import receiver
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _

from samen.accounts.models import User

# Facilitators type residents' national numbers: their accounts are guarded like staff's.
SECOND_FACTOR_ROLES = {
    User.Role.MODERATOR,
    User.Role.PROCESS_MANAGER,
    User.Role.ADMINISTRATOR,
    User.Role.FACILITATOR,
}
# Pages a staff member without a second factor still reaches (besides allauth's own `mfa_…` pages); allauth adds
# an app only to an account whose e-mail addresses are confirmed, hence the e-mail pages.
OPEN_PAGES = {
    "account_logout",
    "account_reauthenticate",
    "account_email",
    "account_confirm_email",
    "set_language",
    "health",
    "branding_stylesheet",  # the deployment's colours, as static as a stylesheet (a redirect would renew the secret)
}
# Set in the session once this session has seen the account's authenticator: no query on every request.
SESSION_KEY = "samen_second_factor"


def needs_second_factor(user) -> bool:
    """Moderators, process managers, administrators, and anyone who reaches the admin site."""
    return user.is_authenticated and (user.role in SECOND_FACTOR_ROLES or user.is_staff or user.is_superuser)


def has_second_factor(user) -> bool:
    return is_mfa_enabled(user, [Authenticator.Type.TOTP])


def set_up_authenticator_app(*, user: User, secret: str) -> Authenticator:
    """An authenticator app with a known secret, without the QR code step: for the demo's staff accounts."""
    return TOTP.activate(user, secret).instance


def reset_second_factor(*, user: User) -> int:
    """For a lost phone: delete the account's authenticator app and recovery codes; the account sets up a new
    app at its next sign-in. Returns how many authenticators were deleted."""
    with transaction.atomic():
        deleted, _by_model = Authenticator.objects.filter(user=user).delete()
    return deleted


@receiver(user_logged_in)
def remember_second_factor(sender, request, user, **kwargs):
    if needs_second_factor(user) and has_second_factor(user):
        request.session[SESSION_KEY] = True


@receiver(authenticator_removed)
def forget_second_factor(sender, request, **kwargs):
    request.session.pop(SESSION_KEY, None)


class StaffSecondFactorMiddleware:
    """A staff member without an authenticator app is sent to set one up (GET) or refused (any other method)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not settings.SAMEN_STAFF_MFA or not needs_second_factor(request.user) or _is_open(request):
            return None
        if request.session.get(SESSION_KEY):
            return None
        if has_second_factor(request.user):
            request.session[SESSION_KEY] = True
            return None
        message = _("As a member of staff, you sign in with a second factor: set up an authenticator app first.")
        if request.method in {"GET", "HEAD"}:
            messages.warning(request, message)
            return redirect("mfa_activate_totp")
        raise PermissionDenied(message)


def _is_open(request) -> bool:
    name = request.resolver_match.url_name or ""
    return (
        name in OPEN_PAGES
        or name.startswith("mfa_")
        or request.path.startswith((settings.STATIC_URL, settings.MEDIA_URL))
    )


def admin_login(request):
    """The admin site's own sign-in form would skip the second factor: send everyone through allauth's."""
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, require_https=request.is_secure()):
        next_url = reverse("admin:index")
    if request.user.is_authenticated:
        if not request.user.is_staff:
            raise PermissionDenied  # signed in, yet not allowed on the admin site
        return redirect(next_url)
    return redirect(f"{reverse('account_login')}?{urlencode({'next': next_url})}")


# Authenticator secrets (the TOTP key, the recovery codes' seed) are sealed with AES-GCM before they are stored, so
# that a copy of the database alone (a leaked backup) does not let anyone make a staff member's codes. The key is
# derived from SAMEN_VERIFICATION_KEY, which lives in the environment, not in the database.
SEALED_PREFIX = "aesgcm1:"


def _secret_key() -> bytes:
    return hmac.new(settings.SAMEN_VERIFICATION_KEY.encode(), b"samen|mfa-secret", hashlib.sha256).digest()


def seal_secret(text: str) -> str:
    if text.startswith(SEALED_PREFIX):
        return text
    nonce = os.urandom(12)
    sealed = AESGCM(_secret_key()).encrypt(nonce, text.encode(), SEALED_PREFIX.encode())
    return SEALED_PREFIX + base64.b64encode(nonce + sealed).decode()


def open_secret(stored: str) -> str:
    """The clear secret; a secret stored before sealing began is read as it is (the migration seals them all)."""
    if not stored.startswith(SEALED_PREFIX):
        return stored
    raw = base64.b64decode(stored[len(SEALED_PREFIX) :])
    return AESGCM(_secret_key()).decrypt(raw[:12], raw[12:], SEALED_PREFIX.encode()).decode()
