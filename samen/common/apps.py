from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _

from samen.common.text import fold


def _register_sqlite_functions(sender, connection, **kwargs):
    """SQLite has no unaccent(): give it ours, so search folds accents there as PostgreSQL does."""
    if connection.vendor == "sqlite":
        connection.connection.create_function("samen_fold", 1, fold, deterministic=True)


class CommonConfig(AppConfig):
    name = "samen.common"
    label = "common"
    verbose_name = _("Common")

    def ready(self):
        connection_created.connect(_register_sqlite_functions, dispatch_uid="samen_sqlite_functions")
