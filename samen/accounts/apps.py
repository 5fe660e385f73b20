from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "samen.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from samen.accounts import second_factor  # noqa: F401 - connects its signal receivers
        from samen.accounts.models import User

        post_save.connect(_name_may_have_changed, sender=User, dispatch_uid="page_cache_user_saved")
        post_delete.connect(_account_deleted, sender=User, dispatch_uid="page_cache_user_deleted")


def _name_may_have_changed(sender, instance, created, update_fields=None, **kwargs):
    """Ideas are signed with their author's name on every idea list: a new name makes stored pages stale. A new
    account has written nothing yet, and a sign-in saves only `last_login`."""
    if not created and (update_fields is None or {"display_name", "email"} & set(update_fields)):
        from samen.common import page_cache

        page_cache.site_changed()


def _account_deleted(sender, instance, **kwargs):
    """The deleted account's ideas are now signed "deleted account"; its supports went with it."""
    from samen.common import page_cache

    page_cache.site_changed()
