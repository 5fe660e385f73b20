from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "samen.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from samen.accounts import second_factor  # noqa: F401 - connects its signal receivers
