from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    """Meetings of a process, a neighbourhood council or the platform: registration with a waiting list, calendars
    and their iCalendar feeds, the day-before reminder."""

    name = "samen.meetings"
    label = "meetings"
    verbose_name = _("Meetings")

    def ready(self):
        from samen.common import page_cache
        from samen.meetings.models import Meeting
        from samen.processes.page import Part, contribute

        # The process page links its calendar once the process has meetings.
        contribute(
            Part(
                name="meetings",
                template="meetings/process_links.html",
                slot="links",
                order=40,
                context=_links,
                counted=("meetings",),
            )
        )
        page_cache.watch(Meeting, lambda meeting: meeting.process_id)


def _links(request, process) -> dict:
    from samen.processes.queries import counted

    return {"process_meetings": counted(process, "meetings")}
