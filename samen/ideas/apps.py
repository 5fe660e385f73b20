from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IdeasConfig(AppConfig):
    name = "samen.ideas"
    label = "ideas"
    verbose_name = _("Ideas")

    def ready(self):
        from samen.common.media import delete_files_with_rows
        from samen.ideas.models import Idea

        delete_files_with_rows(Idea, "image")
