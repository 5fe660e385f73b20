from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProcessesConfig(AppConfig):
    name = "samen.processes"
    label = "processes"
    verbose_name = _("Processes")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from samen.common import page_cache
        from samen.common.media import delete_files_with_rows, delete_replaced_files
        from samen.processes.models import Phase, Process, Theme

        delete_files_with_rows(Process, "cover")
        delete_replaced_files(Process, "cover")

        # What the process page shows: its title, texts, phases and themes.
        page_cache.watch(Process, lambda process: process.pk)
        page_cache.watch(Phase, lambda phase: phase.process_id)
        # A worker's copy of a process's phases (queries.attach_phases) is kept under their own generation.
        for signal in (post_save, post_delete):
            signal.connect(_phases_changed, sender=Phase, dispatch_uid=f"phases_changed_{signal is post_save}")
        page_cache.watch(Theme, lambda theme: theme.process_id)


def _phases_changed(sender, instance, **kwargs):
    from samen.common import page_cache
    from samen.processes.queries import phases_scope

    page_cache.scope_changed(phases_scope(instance.process_id))
