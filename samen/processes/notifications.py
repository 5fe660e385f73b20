"""A new process published: a notice to the residents who chose to hear of new processes in its place or about one
of its topics."""

from django.utils.translation import gettext as _

from samen.common.mail import absolute, is_silenced
from samen.notifications.delivery import Notice, notify
from samen.notifications.models import Kind
from samen.notifications.queries import interested_in_place
from samen.processes.models import Process


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


NOTICES = {"processes.published": published_notice}
