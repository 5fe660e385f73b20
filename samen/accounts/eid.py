"""The Belgian eID or itsme, through an OpenID Connect provider: the federal FAS/CSAM in production, the one in
devtools/ on a laptop and in the tests.

Authlib speaks the protocol (discovery, state, nonce, PKCE, the ID token's signature and claims); this module only
turns what the provider vouches for into a national number, and every failure into a translated refusal.
"""

from datetime import date
from functools import lru_cache

import requests
from authlib.common.errors import AuthlibBaseError
from authlib.integrations.django_client import OAuth, OAuthError
from authlib.integrations.django_client.apps import DjangoOAuth2App
from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.utils.translation import gettext as _
from joserfc.errors import JoseError

TIMEOUT_SECONDS = 10  # each call to the provider; a resident waits in front of the page
PROTOCOL_ERRORS = (requests.RequestException, AuthlibBaseError, JoseError, RuntimeError, KeyError)


def is_configured() -> bool:
    return bool(settings.SAMEN_EID_DISCOVERY_URL)


def button_label() -> str:
    """The text of the verify page's button, or "" when the eID is not configured (no button)."""
    if not is_configured():
        return ""
    return settings.SAMEN_EID_LABEL or _("Verify with eID or itsme")


def redirect_to_provider(request, *, redirect_uri: str) -> HttpResponseRedirect:
    """Send the resident to the provider; Authlib keeps the state, the nonce and the PKCE verifier in the session."""
    try:
        return _client().authorize_redirect(request, redirect_uri)
    except PROTOCOL_ERRORS:
        raise _unavailable() from None


def identity_from_callback(request) -> tuple[str, date | None]:
    """The national number the provider vouches for (from the ID token, else from userinfo) and the birth date
    if it gives one. Refused with a translated message when the sign-in did not go through."""
    client = _client()
    try:
        token = client.authorize_access_token(request)
    except OAuthError as error:
        raise _refusal(error.error) from None
    except PROTOCOL_ERRORS:
        raise _unavailable() from None
    claims = dict(token.get("userinfo") or {})
    claim = settings.SAMEN_EID_NATIONAL_NUMBER_CLAIM
    if not claims.get(claim):
        try:
            claims.update(client.userinfo(token=token))
        except PROTOCOL_ERRORS:
            raise _unavailable() from None
    national_number = claims.get(claim)
    if not national_number or not isinstance(national_number, str):
        raise ValidationError(
            _(
                "The eID service did not tell us your national number, so your account is not verified. "
                "Allow it to share your national register number, or verify with the census list below."
            ),
            code="eid_no_national_number",
        )
    return national_number, _birth_date(claims.get("birthdate"))


def _refusal(error: str) -> ValidationError:
    if error == "access_denied":
        return ValidationError(
            _("You stopped the eID sign-in, so your account is not verified. You can try again at any time."),
            code="eid_denied",
        )
    if error == "mismatching_state":
        return ValidationError(
            _("This eID sign-in was not started from this page, or it has expired. Please start again."),
            code="eid_state",
        )
    return ValidationError(
        _("The eID sign-in did not succeed (%(error)s). Please start again."),
        code="eid_failed",
        params={"error": error},
    )


def _unavailable() -> ValidationError:
    return ValidationError(
        _("The eID service does not answer as expected. Please try again later, or verify with the census list."),
        code="eid_unavailable",
    )


def _birth_date(value) -> date | None:
    """OpenID Connect's `birthdate` (YYYY-MM-DD), when given; the national number carries one anyway."""
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _client() -> DjangoOAuth2App:
    return _registered_client(
        settings.SAMEN_EID_DISCOVERY_URL,
        settings.SAMEN_EID_CLIENT_ID,
        settings.SAMEN_EID_CLIENT_SECRET,
        settings.SAMEN_EID_SCOPES,
    )


@lru_cache(maxsize=4)
def _registered_client(discovery_url: str, client_id: str, client_secret: str, scopes: str) -> DjangoOAuth2App:
    """One client per configuration, read at call time: the discovery document and the keys are fetched once."""
    return OAuth().register(
        "eid",
        server_metadata_url=discovery_url,
        client_id=client_id,
        client_secret=client_secret,
        client_kwargs={"scope": scopes, "code_challenge_method": "S256", "default_timeout": TIMEOUT_SECONDS},
    )
