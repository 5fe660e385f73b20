"""One e-mail written in its recipient's language: a background task has no request to take the language from."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation


def absolute(path: str) -> str:
    """A link that works from an e-mail client."""
    return settings.SITE_URL + path


_silenced: ContextVar[bool] = ContextVar("samen_notifications_silenced", default=False)


@contextmanager
def silenced() -> Iterator[None]:
    """Load content without mailing anyone (the demo's past comments are not news)."""
    token = _silenced.set(True)
    try:
        yield
    finally:
        _silenced.reset(token)


def is_silenced() -> bool:
    """True inside `silenced()`: an app's `announce_…` queues no e-mail."""
    return _silenced.get()


def mail_in_language(
    *,
    recipient,
    subject: Callable[[], str],
    template: str,
    context: Callable[[], dict],
    headers: Callable[[], dict] | None = None,
) -> None:
    """Build the subject, the context and the headers (callables, so that texts and links come in the recipient's
    language, e.g. /nl/... URLs) and render the body in `recipient.preferred_language`."""
    with translation.override(recipient.preferred_language):
        body = render_to_string(template, context() | {"recipient": recipient})
        title = subject()
        extra = headers() if headers else {}
    EmailMessage(
        subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + title, body=body, to=[recipient.email], headers=extra
    ).send()
