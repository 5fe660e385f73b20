from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BudgetsConfig(AppConfig):
    name = "samen.budgets"
    label = "budgets"
    verbose_name = _("Participatory budgets")

    def ready(self):
        from samen.budgets.models import ProgressUpdate
        from samen.common.media import delete_files_with_rows

        delete_files_with_rows(ProgressUpdate, "photo")
