"""Notices about ideas: a comment to the idea's author, to the author of the comment it answers (replies) and to the
idea's followers (follows); an idea's new status to its followers. Sent through `samen.notifications`, which follows
each person's rhythm and writes in their language."""

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django_tasks import task

from samen.common.mail import absolute, is_silenced
from samen.ideas.models import Comment, Follow, Idea, Visibility
from samen.notifications.delivery import Notice, deliver, rhythms
from samen.notifications.models import Kind, Rhythm
from samen.notifications.tokens import read_link, sign_link

UNSUBSCRIBE_SALT = "samen.ideas.unsubscribe"


def unsubscribe_token(follow: Follow) -> str:
    return sign_link(UNSUBSCRIBE_SALT, {"idea": follow.idea_id, "follower": follow.follower_id})


def read_unsubscribe_token(token: str) -> dict:
    """The idea and follower a link was made for (see notifications.tokens.read_link)."""
    return read_link(UNSUBSCRIBE_SALT, token)


def unfollow_url(idea: Idea, recipient) -> str:
    """The narrower way out of a follower's e-mail: stop following this idea only ("" for who does not follow)."""
    follow = Follow.objects.filter(idea=idea, follower=recipient).first()
    return absolute(reverse("ideas:unsubscribe", args=[unsubscribe_token(follow)])) if follow else ""


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
    """Each person hears of the comment once: as the author of the comment it answers or of the idea (replies), or as
    a follower; never its own author. Returns how many e-mails went out at once."""
    comment = Comment.objects.select_related("idea__author", "parent__author", "author").filter(pk=comment_id).first()
    if comment is None or comment.visibility != Visibility.PUBLISHED:
        return 0
    told = {comment.author_id}
    sent = 0
    addressees = [
        (addressee, detail)
        for addressee, detail in (
            (comment.parent and comment.parent.author, "your_comment"),
            (comment.idea.author, "your_idea"),
        )
        if addressee is not None
    ]
    replies = rhythms([addressee.pk for addressee, _detail in addressees], Kind.REPLIES)
    for addressee, detail in addressees:
        # Who stopped replies but follows the idea still hears of it as a follower.
        if addressee.pk not in told and replies[addressee.pk] != Rhythm.NEVER:
            told.add(addressee.pk)
            sent += deliver([addressee], kind=Kind.REPLIES, event="ideas.comment", object_id=comment.pk, detail=detail)
    followers = [follow.follower for follow in Follow.objects.filter(idea=comment.idea).select_related("follower")]
    return sent + deliver(
        [person for person in followers if person.pk not in told],
        kind=Kind.FOLLOWS,
        event="ideas.comment",
        object_id=comment.pk,
    )


@task()
def send_status_notifications(idea_id: int, status: str) -> int:
    """Tell every follower that the idea's status changed; skipped if it changed again since (a later task tells)."""
    followers = [follow.follower for follow in Follow.objects.filter(idea_id=idea_id).select_related("follower")]
    return deliver(followers, kind=Kind.FOLLOWS, event="ideas.status", object_id=idea_id, detail=status)


def comment_notice(comment_id: int, detail: str, recipient) -> Notice | None:
    comment = Comment.objects.select_related("idea", "author").filter(pk=comment_id).first()
    if comment is None or comment.visibility != Visibility.PUBLISHED:
        return None
    title = {"title": comment.idea.title}
    if detail == "your_comment":
        subject = _("A reply to your comment on “%(title)s”") % title
    elif detail == "your_idea":
        subject = _("New comment on your idea “%(title)s”") % title
    else:
        subject = _("New comment on “%(title)s”") % title
    unfollow = unfollow_url(comment.idea, recipient)
    return Notice(
        subject=subject,
        url=absolute(comment.get_absolute_url()),
        template="ideas/email/new_comment.txt",
        context={
            "comment": comment,
            "idea": comment.idea,
            "follower": recipient,
            "detail": detail,
            "idea_url": absolute(comment.get_absolute_url()),
            "unsubscribe_url": unfollow,
        },
        unsubscribe_url=unfollow,
    )


def status_notice(idea_id: int, status: str, recipient) -> Notice | None:
    idea = Idea.objects.filter(pk=idea_id).first()
    if idea is None or idea.visibility != status:
        return None
    unfollow = unfollow_url(idea, recipient)
    return Notice(
        subject=_("“%(title)s” is now: %(status)s") % {"title": idea.title, "status": idea.get_visibility_display()},
        url=absolute(idea.get_absolute_url()),
        template="ideas/email/status_changed.txt",
        context={
            "idea": idea,
            "follower": recipient,
            "idea_url": absolute(idea.get_absolute_url()),
            "unsubscribe_url": unfollow,
        },
        unsubscribe_url=unfollow,
    )


NOTICES = {"ideas.comment": comment_notice, "ideas.status": status_notice}
