"""The signed, dated links in notices that stop e-mails without signing in: a whole kind (here), or following one
idea or one City project (their apps' tokens, signed the same way under their own salt)."""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse

from samen.common.mail import absolute

SALT = "samen.notifications.unsubscribe"


def sign_link(salt: str, payload: dict) -> str:
    """Dated, so that a link found in an old mailbox stops working after SAMEN_UNSUBSCRIBE_DAYS."""
    return signing.TimestampSigner(salt=salt).sign_object(payload)


def read_link(salt: str, token: str) -> dict:
    """The payload a link was signed with; raises signing.SignatureExpired for an old link and signing.BadSignature
    for a forged or broken one."""
    signer = signing.TimestampSigner(salt=salt)
    return signer.unsign_object(token, max_age=timedelta(days=settings.SAMEN_UNSUBSCRIBE_DAYS))


def unsubscribe_token(user, kinds: list[str]) -> str:
    return sign_link(SALT, {"user": user.pk, "kinds": sorted(kinds)})


def read_unsubscribe_token(token: str) -> dict:
    """{"user": pk, "kinds": [...]} (see read_link)."""
    return read_link(SALT, token)


def unsubscribe_url(user, kinds: list[str]) -> str:
    """Absolute, in the active language (the recipient's, inside a mail)."""
    return absolute(reverse("notifications:unsubscribe", args=[unsubscribe_token(user, kinds)]))
