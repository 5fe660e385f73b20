from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CityConfig(AppConfig):
    """The City's strategy: domains, objectives, indicators, and the City's projects with their timelines."""

    name = "samen.city"
    label = "city"
    verbose_name = _("The City's strategy")

    def ready(self):
        from samen.city.models import Project, ProjectUpdate
        from samen.common import page_cache
        from samen.common.media import delete_files_with_rows
        from samen.processes.page import Part, contribute

        # The process page links what became of its decisions: the City projects it gave rise to.
        contribute(Part(name="city", template="city/process_links.html", slot="links", order=30, context=_links))
        page_cache.watch(Project, lambda project: project.process_id)
        delete_files_with_rows(ProjectUpdate, "photo")


def _links(request, process) -> dict:
    from samen.city.models import Project

    return {
        "city_projects": Project.objects.filter(process=process).count(),
        "may_manage_projects": request.user.has_perm("city.manage_projects"),
    }
