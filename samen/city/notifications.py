"""Notices of the City's projects: each update of a project to its followers (follows), in their language, through
the task worker; every mail carries a signed link to stop following that project only."""

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django_tasks import task

from samen.city.models import ProjectFollow, ProjectUpdate
from samen.common.mail import absolute, is_silenced
from samen.notifications.delivery import Notice, deliver
from samen.notifications.models import Kind
from samen.notifications.tokens import read_link, sign_link

UNSUBSCRIBE_SALT = "samen.city.unfollow"


def unfollow_token(follow: ProjectFollow) -> str:
    return sign_link(UNSUBSCRIBE_SALT, {"project": follow.project_id, "follower": follow.follower_id})


def read_unfollow_token(token: str) -> dict:
    """The project and follower a link was made for (see notifications.tokens.read_link)."""
    return read_link(UNSUBSCRIBE_SALT, token)


def unfollow_url(project_id: int, recipient) -> str:
    follow = ProjectFollow.objects.filter(project_id=project_id, follower=recipient).first()
    return absolute(reverse("city:project_unfollow", args=[unfollow_token(follow)])) if follow else ""


def announce_update(update: ProjectUpdate) -> None:
    """Queue the e-mails once the update is committed; never send inside the request."""
    if not is_silenced():
        transaction.on_commit(lambda: send_update_notifications.enqueue(update.pk))


@task()
def send_update_notifications(update_id: int) -> int:
    """Returns how many e-mails went out at once (digests keep the rest)."""
    update = ProjectUpdate.objects.filter(pk=update_id).first()
    if update is None:
        return 0
    follows = ProjectFollow.objects.filter(project_id=update.project_id).select_related("follower")
    return deliver([follow.follower for follow in follows], kind=Kind.FOLLOWS, event="city.update", object_id=update.pk)


def update_notice(update_id: int, _detail: str, recipient) -> Notice | None:
    update = ProjectUpdate.objects.select_related("project").filter(pk=update_id).first()
    if update is None:
        return None
    unfollow = unfollow_url(update.project_id, recipient)
    url = absolute(update.get_absolute_url())
    return Notice(
        subject=_("News of “%(title)s”: %(status)s")
        % {"title": update.project.title, "status": update.get_status_display()},
        url=url,
        template="city/email/update.txt",
        context={
            "update": update,
            "project": update.project,
            "follower": recipient,
            "project_url": url,
            "unfollow_url": unfollow,
        },
        unsubscribe_url=unfollow,
    )


NOTICES = {"city.update": update_notice}
