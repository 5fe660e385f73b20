from django.apps import AppConfig
from django.db.models import Q
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
        from samen.meetings.queries import recent_outcomes
        from samen.processes.page import Counted, Part, Section, add_section, contribute, report_outcomes_with

        # The process page links its calendar once the process has meetings, and their published minutes.
        contribute(
            Part(
                name="meetings",
                template="meetings/process_links.html",
                slot="links",
                order=40,
                context=_links,
                counted=(
                    "meetings",
                    Counted("meetings", Q(minutes_published_at__isnull=False), name="meetings_minutes"),
                ),
            )
        )
        # The follow-up page lists the published minutes; a council's page, its next meetings and past minutes.
        add_section("follow_up", Section("meetings", "meetings/follow_up_minutes.html", _follow_up))
        add_section("council", Section("meetings", "meetings/council_meetings.html", _council))
        # The home page's recent results and decisions: the meetings whose decisions are published.
        report_outcomes_with("meetings", recent_outcomes)
        page_cache.watch(Meeting, lambda meeting: meeting.process_id)


def _links(request, process) -> dict:
    from samen.processes.queries import counted

    # Counted with the process as it is read (`Part.counted`): no query of its own.
    return {"process_meetings": counted(process, "meetings"), "process_minutes": counted(process, "meetings_minutes")}


def _follow_up(request, process) -> dict | None:
    from samen.meetings import queries

    published = queries.with_minutes(queries.visible(request.user).filter(process=process))
    return {"meetings": published} if published else None


def _council(request, council) -> dict:
    from samen.meetings import queries

    meetings = queries.visible(request.user).filter(council=council)
    return {"council": council, "coming": queries.coming(meetings, limit=3), "minutes": queries.with_minutes(meetings)}
