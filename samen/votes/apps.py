from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VotesConfig(AppConfig):
    name = "samen.votes"
    label = "votes"
    verbose_name = _("Jury, shortlist and vote")

    def ready(self):
        from samen.common.media import delete_files_with_rows
        from samen.votes.models import ProgressUpdate

        delete_files_with_rows(ProgressUpdate, "photo")
