from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProcessesConfig(AppConfig):
    name = "samen.processes"
    label = "processes"
    verbose_name = _("Processes")

    def ready(self):
        from samen.common import page_cache
        from samen.processes.models import Phase, Process, Theme

        # What the process page shows: its title, texts, phases and themes.
        page_cache.watch(Process, lambda process: process.pk)
        page_cache.watch(Phase, lambda phase: phase.process_id)
        page_cache.watch(Theme, lambda theme: theme.process_id)
