"""E-mails to the people who follow an idea, sent by the task worker in each follower's own language."""

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from samen.accounts.models import User
from samen.ideas.models import Comment, Follow, Visibility

UNSUBSCRIBE_SALT = "samen.ideas.unsubscribe"


def unsubscribe_token(follow: Follow) -> str:
    return signing.dumps({"idea": follow.idea_id, "follower": follow.follower_id}, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token: str) -> dict:
    """The idea and follower a link was made for; raises signing.BadSignature for a forged or broken link."""
    return signing.loads(token, salt=UNSUBSCRIBE_SALT)


def _absolute(path: str) -> str:
    return settings.SITE_URL + path


_silenced: ContextVar[bool] = ContextVar("samen_notifications_silenced", default=False)


@contextmanager
def silenced():
    """Load content without mailing anyone (the demo's past comments are not news)."""
    token = _silenced.set(True)
    try:
        yield
    finally:
        _silenced.reset(token)


def announce_comment(comment: Comment) -> None:
    """Queue the e-mails once the comment is committed and public; never send inside the request."""
    if comment.visibility == Visibility.PUBLISHED and not _silenced.get():
        transaction.on_commit(lambda: send_comment_notifications.enqueue(comment.pk))


@task()
def send_comment_notifications(comment_id: int) -> int:
    """Tell every follower of the idea but the comment's author; returns how many e-mails went out."""
    comment = Comment.objects.select_related("idea", "author").filter(pk=comment_id).first()
    if comment is None or comment.visibility != Visibility.PUBLISHED:
        return 0
    follows = Follow.objects.filter(idea=comment.idea, follower__is_active=True).exclude(follower=comment.author)
    sent = 0
    for follow in follows.select_related("follower"):
        _send(follow, follow.follower, comment)
        sent += 1
    return sent


def _send(follow: Follow, follower: User, comment: Comment) -> None:
    with translation.override(follower.preferred_language):
        unsubscribe = _absolute(reverse("ideas:unsubscribe", args=[unsubscribe_token(follow)]))
        context = {
            "follower": follower,
            "comment": comment,
            "idea": comment.idea,
            "idea_url": _absolute(comment.get_absolute_url()),
            "unsubscribe_url": unsubscribe,
        }
        subject = _("New comment on “%(title)s”") % {"title": comment.idea.title}
        body = render_to_string("ideas/email/new_comment.txt", context)
    message = EmailMessage(
        subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject,
        body=body,
        to=[follower.email],
        headers={"List-Unsubscribe": f"<{unsubscribe}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
    )
    message.send()
