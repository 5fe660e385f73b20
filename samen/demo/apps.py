from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The Brussels demo: every app's story, told through the services. The top layer: no app imports it."""

    name = "samen.demo"
    label = "demo"
    verbose_name = _("Demo")
