from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CityConfig(AppConfig):
    """The City's strategy: domains, objectives, indicators, and the City's projects with their timelines."""

    name = "samen.city"
    label = "city"
    verbose_name = _("The City's strategy")

    def ready(self):
        from django.db.models.signals import post_save

        from samen.city.models import Project, ProjectUpdate
        from samen.common import page_cache
        from samen.common.media import delete_files_with_rows
        from samen.processes.page import Part, contribute

        # The process page links what became of its decisions: the City projects it gave rise to.
        contribute(
            Part(
                name="city",
                template="city/process_links.html",
                slot="links",
                order=30,
                context=_links,
                counted=("city_projects",),
            )
        )
        page_cache.watch(Project, lambda project: project.process_id)
        # A project moved to another process: the page of the one it left is stale too.
        post_save.connect(_left_process, sender=Project, dispatch_uid="city_project_left_process")
        delete_files_with_rows(ProjectUpdate, "photo")


def _left_process(sender, instance, **kwargs):
    from samen.common import page_cache

    if instance.loaded_process_id not in (None, instance.process_id):
        page_cache.process_changed(instance.loaded_process_id)


def _links(request, process) -> dict:
    from samen.processes.queries import counted

    return {
        "city_projects": counted(process, "city_projects"),
        "may_manage_projects": request.user.has_perm("city.manage_projects"),
    }
