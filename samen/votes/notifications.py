"""Notices of a vote: a winning idea's progress to its followers (its author follows it from the start); the
shortlist published (the vote is coming) and the result published, to whoever took part in the process."""

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from samen.accounts.models import User
from samen.common.mail import absolute, is_silenced
from samen.notifications.delivery import Notice, notify
from samen.notifications.models import Kind
from samen.processes.queries import participant_accounts
from samen.votes import queries
from samen.votes.models import Shortlist


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


NOTICES = {"votes.shortlist": shortlist_notice, "votes.result": result_notice}
