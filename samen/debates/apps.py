from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DebatesConfig(AppConfig):
    """Debates of a process: a question, arguments for and against with their supports, comments, a conclusion."""

    name = "samen.debates"
    label = "debates"
    verbose_name = _("Debates")

    def ready(self):
        from samen.common import page_cache
        from samen.debates.models import Debate
        from samen.debates.queries import participants
        from samen.processes.page import Part, contribute, count_participants_with

        count_participants_with("debates", participants)

        # The process page links its debates once it has some.
        contribute(
            Part(
                name="debates",
                template="debates/process_links.html",
                slot="links",
                order=45,
                context=_links,
                counted=("debates",),
            )
        )
        page_cache.watch(Debate, lambda debate: debate.process_id)

        # The moderators' queue (ideas, below debates) links to the debates' own, with how much waits there.
        from samen.debates.queries import waiting_for_moderators
        from samen.ideas.moderation import OtherQueue, add_queue

        add_queue(
            OtherQueue(
                name="debates",
                title=lambda: str(_("Arguments and comments in debates")),
                url_name="debates:moderation",
                waiting=waiting_for_moderators,
            )
        )


def _links(request, process) -> dict:
    from samen.processes.queries import counted

    return {"process_debates": counted(process, "debates")}
