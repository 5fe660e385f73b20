"""E-mails to the people who follow an idea, sent by the task worker in each follower's own language."""

from datetime import timedelta
from functools import cache

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django_tasks import task

from samen.accounts.models import User
from samen.common.mail import absolute, is_silenced, mail_in_language
from samen.ideas.models import Comment, Follow, Idea, Visibility

UNSUBSCRIBE_SALT = "samen.ideas.unsubscribe"


def unsubscribe_token(follow: Follow) -> str:
    """Dated, so that a link found in an old mailbox stops working after SAMEN_UNSUBSCRIBE_DAYS."""
    signer = signing.TimestampSigner(salt=UNSUBSCRIBE_SALT)
    return signer.sign_object({"idea": follow.idea_id, "follower": follow.follower_id})


def read_unsubscribe_token(token: str) -> dict:
    """The idea and follower a link was made for; raises signing.SignatureExpired for an old link and
    signing.BadSignature for a forged or broken one."""
    signer = signing.TimestampSigner(salt=UNSUBSCRIBE_SALT)
    return signer.unsign_object(token, max_age=timedelta(days=settings.SAMEN_UNSUBSCRIBE_DAYS))


def announce_comment(comment: Comment) -> None:
    """Queue the e-mails once the comment is committed and public; never send inside the request."""
    if comment.visibility == Visibility.PUBLISHED and not is_silenced():
        transaction.on_commit(lambda: send_comment_notifications.enqueue(comment.pk))


def announce_status(idea: Idea) -> None:
    """Queue e-mails to the idea's followers about its new status (published, waiting, hidden...)."""
    if not is_silenced():
        status = idea.visibility
        transaction.on_commit(lambda: send_status_notifications.enqueue(idea.pk, status))


@task()
def send_comment_notifications(comment_id: int) -> int:
    """Tell every follower of the idea but the comment's author; returns how many e-mails went out."""
    comment = Comment.objects.select_related("idea", "author").filter(pk=comment_id).first()
    if comment is None or comment.visibility != Visibility.PUBLISHED:
        return 0
    follows = Follow.objects.filter(idea=comment.idea, follower__is_active=True).exclude(follower=comment.author)
    return mail_followers(
        follows,
        idea=comment.idea,
        link=comment.get_absolute_url(),
        subject=lambda: _("New comment on “%(title)s”") % {"title": comment.idea.title},
        template="ideas/email/new_comment.txt",
        context={"comment": comment},
    )


@task()
def send_status_notifications(idea_id: int, status: str) -> int:
    """Tell every follower that the idea's status changed; skipped if it changed again since (a later task tells)."""
    idea = Idea.objects.filter(pk=idea_id).first()
    if idea is None or idea.visibility != status:
        return 0
    return mail_followers(
        Follow.objects.filter(idea=idea, follower__is_active=True),
        idea=idea,
        link=idea.get_absolute_url(),
        subject=lambda: (
            _("“%(title)s” is now: %(status)s") % {"title": idea.title, "status": idea.get_visibility_display()}
        ),
        template="ideas/email/status_changed.txt",
        context={},
    )


def mail_followers(follows, *, idea: Idea, link: str, subject, template: str, context: dict) -> int:
    """One e-mail per follower, written in the follower's language, with a one-click way to stop following."""
    sent = 0
    for follow in follows.select_related("follower"):
        follower: User = follow.follower

        @cache  # made once, inside the follower's language: the body's link and the header's are the same
        def unsubscribe(follow=follow) -> str:
            return absolute(reverse("ideas:unsubscribe", args=[unsubscribe_token(follow)]))

        mail_in_language(
            recipient=follower,
            subject=subject,
            template=template,
            context=lambda follower=follower, unsubscribe=unsubscribe: (
                context
                | {"follower": follower, "idea": idea, "idea_url": absolute(link), "unsubscribe_url": unsubscribe()}
            ),
            headers=lambda unsubscribe=unsubscribe: {
                "List-Unsubscribe": f"<{unsubscribe()}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )
        sent += 1
    return sent
