"""The signed, dated link in every notice that stops its kind of e-mail without signing in."""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse

from samen.common.mail import absolute

SALT = "samen.notifications.unsubscribe"


def unsubscribe_token(user, kinds: list[str]) -> str:
    """Dated, so that a link found in an old mailbox stops working after SAMEN_UNSUBSCRIBE_DAYS."""
    return signing.TimestampSigner(salt=SALT).sign_object({"user": user.pk, "kinds": sorted(kinds)})


def read_unsubscribe_token(token: str) -> dict:
    """{"user": pk, "kinds": [...]}; raises signing.SignatureExpired for an old link, signing.BadSignature for a
    forged or broken one."""
    signer = signing.TimestampSigner(salt=SALT)
    return signer.unsign_object(token, max_age=timedelta(days=settings.SAMEN_UNSUBSCRIBE_DAYS))


def unsubscribe_url(user, kinds: list[str]) -> str:
    """Absolute, in the active language (the recipient's, inside a mail)."""
    return absolute(reverse("notifications:unsubscribe", args=[unsubscribe_token(user, kinds)]))
