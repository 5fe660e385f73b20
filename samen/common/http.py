"""What every app's views answer the same way: a refusal of rights (403), and a form understood but refused."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils.http import url_has_allowed_host_and_scheme

from samen.common import phrases

INVALID = 422  # the form was understood but refused: it comes back with its errors (htmx swaps 422, see base.html)


def require(request, permission: str, obj=None) -> None:
    """403 with the reason in words unless the user holds `permission` (on `obj`): the same rule the service checks."""
    if not request.user.has_perm(permission, obj):
        raise PermissionDenied(phrases.not_allowed)


def client_ip(request) -> str:
    """The visitor's address for attempt limits: behind SAMEN_TRUSTED_PROXIES reverse proxies, the address the
    outermost trusted proxy saw (X-Forwarded-For read from the right, so a client cannot choose it); else the peer's."""
    trusted = settings.ALLAUTH_TRUSTED_PROXY_COUNT
    forwarded = [part.strip() for part in request.headers.get("x-forwarded-for", "").split(",") if part.strip()]
    if trusted and len(forwarded) >= trusted:
        return forwarded[-trusted]
    return request.META.get("REMOTE_ADDR") or "0.0.0.0"  # noqa: S104 - a bucket for a peer without an address


def safe_next(request, url: str | None, default: str) -> str:
    """`url` when it stays on this site (a relative path, or this host over the same scheme), else `default`: a
    link that sends a resident to `?next=https://elsewhere` after verifying must not become a phishing relay."""
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return default
