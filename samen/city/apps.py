from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CityConfig(AppConfig):
    """The City's strategy: domains, objectives, indicators (City projects will join it)."""

    name = "samen.city"
    label = "city"
    verbose_name = _("The City's strategy")
