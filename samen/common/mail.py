"""One e-mail written in its recipient's language: a background task has no request to take the language from."""

from collections.abc import Callable

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation


def absolute(path: str) -> str:
    """A link that works from an e-mail client."""
    return settings.SITE_URL + path


def mail_in_language(*, recipient, subject: Callable[[], str], template: str, context: Callable[[], dict]) -> None:
    """Build the subject and the context (callables, so that texts and links come in the recipient's language, e.g.
    /nl/... URLs) and render the body in `recipient.preferred_language`."""
    with translation.override(recipient.preferred_language):
        body = render_to_string(template, context() | {"recipient": recipient})
        title = subject()
    EmailMessage(subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + title, body=body, to=[recipient.email]).send()
