from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    name = "samen.consultations"
    label = "consultations"
    verbose_name = _("Consultations")

    def ready(self):
        from samen.assisted.registry import offer
        from samen.common import page_cache
        from samen.consultations.assisted import KIND
        from samen.consultations.models import Questionnaire
        from samen.consultations.queries import kept_ballots, participants
        from samen.processes.page import Part, contribute, count_participants_with

        count_participants_with("consultations", participants, kept_ballots=kept_ballots)
        offer(KIND)  # facilitators enter questionnaire responses for residents met in person

        # The process page links the questionnaire, its results and, for staff, paper responses and moderation.
        contribute(
            Part(
                name="consultations",
                template="consultations/process_links.html",
                slot="links",
                order=25,
                related=("questionnaire",),
            )
        )
        page_cache.watch(Questionnaire, lambda questionnaire: questionnaire.process_id)
