"""Notices of a vote: a winning idea's progress to its followers (its author follows it from the start); the
shortlist published (the vote is coming) and the result published, to whoever took part in the process."""

from django.db import transaction
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django_tasks import task

from samen.accounts.models import User
from samen.common.mail import absolute, is_silenced
from samen.ideas.models import Follow
from samen.ideas.notifications import unfollow_url
from samen.notifications.delivery import Notice, deliver, notify
from samen.notifications.models import Kind
from samen.processes.queries import participant_accounts
from samen.votes import queries
from samen.votes.models import ProgressUpdate, Shortlist


def announce_progress(update: ProgressUpdate) -> None:
    if not is_silenced():
        transaction.on_commit(lambda: send_progress_notifications.enqueue(update.pk))


def _participants(process_id: int):
    return User.objects.filter(pk__in=participant_accounts(process_id))


def announce_shortlist(shortlist: Shortlist) -> None:
    if is_silenced():  # the demo loading its past: not news
        return
    notify(_participants(shortlist.process_id), kind=Kind.PROCESS_NEWS, event="votes.shortlist", object_id=shortlist.pk)


def announce_result(shortlist: Shortlist) -> None:
    if is_silenced():  # the demo loading its past: not news
        return
    notify(_participants(shortlist.process_id), kind=Kind.PROCESS_NEWS, event="votes.result", object_id=shortlist.pk)


@task()
def send_progress_notifications(update_id: int) -> int:
    update = ProgressUpdate.objects.filter(pk=update_id).first()
    if update is None:
        return 0
    followers = [follow.follower for follow in Follow.objects.filter(idea_id=update.idea_id).select_related("follower")]
    return deliver(followers, kind=Kind.FOLLOWS, event="votes.progress", object_id=update.pk)


def progress_notice(update_id: int, _detail: str, recipient) -> Notice | None:
    update = ProgressUpdate.objects.select_related("idea").filter(pk=update_id).first()
    if update is None:
        return None
    unfollow = unfollow_url(update.idea, recipient)
    return Notice(
        subject=_("News of “%(title)s”: %(status)s")
        % {"title": update.idea.title, "status": update.get_status_display()},
        url=absolute(update.get_absolute_url()),
        template="votes/email/progress.txt",
        context={
            "update": update,
            "idea": update.idea,
            "follower": recipient,
            "idea_url": absolute(update.get_absolute_url()),
            "unsubscribe_url": unfollow,
        },
        unsubscribe_url=unfollow,
    )


def shortlist_notice(shortlist_id: int, _detail: str, _recipient) -> Notice | None:
    shortlist = Shortlist.objects.select_related("process").filter(pk=shortlist_id).first()
    if shortlist is None or not shortlist.is_published:
        return None
    phase = queries.vote_phase(shortlist)
    if phase is None:
        return None
    return Notice(
        subject=_("The shortlist of “%(title)s” is published: vote from %(first_day)s to %(last_day)s")
        % {
            "title": shortlist.process.title,
            "first_day": date_format(phase.first_day, "j F Y"),
            "last_day": date_format(phase.last_day, "j F Y"),
        },
        url=absolute(reverse("votes:shortlist", kwargs={"slug": shortlist.process.slug})),
        template="notifications/email/notice.txt",
    )


def result_notice(shortlist_id: int, _detail: str, _recipient) -> Notice | None:
    shortlist = Shortlist.objects.select_related("process").filter(pk=shortlist_id).first()
    if shortlist is None:
        return None
    return Notice(
        subject=_("The result of the vote on “%(title)s” is published") % {"title": shortlist.process.title},
        url=absolute(reverse("votes:results", kwargs={"slug": shortlist.process.slug})),
        template="notifications/email/notice.txt",
    )


NOTICES = {"votes.progress": progress_notice, "votes.shortlist": shortlist_notice, "votes.result": result_notice}
