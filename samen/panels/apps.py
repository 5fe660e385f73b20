from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PanelsConfig(AppConfig):
    name = "samen.panels"
    label = "panels"
    verbose_name = _("Panels and councils drawn by lot")

    def ready(self):
        from samen.common import page_cache
        from samen.panels.models import Council, Lottery
        from samen.panels.queries import participants, recent_outcomes
        from samen.processes.page import Part, contribute, count_participants_with, report_outcomes_with

        count_participants_with("panels", participants)
        report_outcomes_with("panels", recent_outcomes)
        # The process page links the lottery and the council it seats.
        contribute(
            Part(
                name="panels",
                template="panels/process_links.html",
                slot="links",
                order=30,
                related=("lottery__council",),
            )
        )

        # The process page says whether the panel is drawn and links the council it seats.
        page_cache.watch(Lottery, lambda lottery: lottery.process_id)
        page_cache.watch(Council, page_cache.process_through("lottery"))
