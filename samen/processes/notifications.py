"""A new process published: a notice to the residents who chose to hear of new processes in its place or about one
of its topics."""

from django.utils import formats
from django.utils.translation import gettext as _

from samen.accounts.models import User
from samen.common import clock
from samen.common.mail import absolute, is_silenced
from samen.notifications.delivery import Notice, notify, notify_once
from samen.notifications.models import Kind
from samen.notifications.queries import interested_in_place
from samen.processes.models import Phase, Process
from samen.processes.phases import VOTING
from samen.processes.queries import participant_accounts


def announce_published(process: Process) -> None:
    if is_silenced():  # the demo loading its past: not news
        return
    people = interested_in_place(
        municipality_nis=process.municipality_nis, neighbourhood_code=process.neighbourhood_code, topics=process.topics
    )
    notify(people, kind=Kind.NEW_PROCESSES, event="processes.published", object_id=process.pk)


def published_notice(process_id: int, _detail: str, _recipient) -> Notice | None:
    process = Process.objects.filter(pk=process_id, status=Process.Status.PUBLISHED).first()
    if process is None:
        return None
    return Notice(
        subject=_("A new process: “%(title)s”") % {"title": process.title},
        url=absolute(process.get_absolute_url()),
        template="notifications/email/notice.txt",
    )


def announce_votes_opening() -> int:
    """Every vote or budget ballot whose phase opens today, told to who took part in its process (their ideas,
    comments, supports, earlier ballots), once. Run by `notifications_daily`; returns how many were told now."""
    today = clock.today()
    opening = Phase.objects.filter(first_day=today, process__status=Process.Status.PUBLISHED).select_related("process")
    told = 0
    for phase in opening:
        if phase.allows & VOTING:
            people = User.objects.filter(pk__in=participant_accounts(phase.process_id))
            told += notify_once(people, kind=Kind.PROCESS_NEWS, event="processes.vote_opened", object_id=phase.pk)
    return told


def vote_opened_notice(phase_id: int, _detail: str, _recipient) -> Notice | None:
    phase = (
        Phase.objects.filter(pk=phase_id, process__status=Process.Status.PUBLISHED).select_related("process").first()
    )
    if phase is None:
        return None
    return Notice(
        subject=_("The vote on “%(title)s” is open until %(last_day)s")
        % {"title": phase.process.title, "last_day": formats.date_format(phase.last_day, "j F Y")},
        url=absolute(phase.process.get_absolute_url()),
        template="notifications/email/notice.txt",
    )


NOTICES = {"processes.published": published_notice, "processes.vote_opened": vote_opened_notice}
DAILY = [announce_votes_opening]
