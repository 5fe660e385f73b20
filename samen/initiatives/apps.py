from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InitiativesConfig(AppConfig):
    name = "samen.initiatives"
    label = "initiatives"
    verbose_name = _("Citizens' initiatives")

    def ready(self):
        from samen.assisted.registry import offer
        from samen.initiatives.assisted import KIND
        from samen.initiatives.queries import recent_outcomes
        from samen.processes.page import report_outcomes_with

        # The home page's "recent results and decisions" include the council's decisions on initiatives.
        report_outcomes_with("initiatives", recent_outcomes)
        offer(KIND)  # facilitators sign for residents met in person
