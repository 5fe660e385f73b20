from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BudgetsConfig(AppConfig):
    name = "samen.budgets"
    label = "budgets"
    verbose_name = _("Participatory budgets")

    def ready(self):
        from samen.assisted.registry import offer
        from samen.budgets.assisted import KIND
        from samen.budgets.models import Budget, BudgetResult
        from samen.budgets.queries import kept_ballots, participants, recent_outcomes
        from samen.common import page_cache
        from samen.processes.page import Part, contribute, count_participants_with, report_outcomes_with

        count_participants_with("budgets", participants, kept_ballots=kept_ballots)
        report_outcomes_with("budgets", recent_outcomes)
        offer(KIND)  # facilitators enter budget ballots for residents met in person
        # The process page links the proposals, the ballot and the result.
        contribute(
            Part(name="budgets", template="budgets/process_links.html", slot="links", order=20, related=("budget",))
        )

        # The process page links the budget and, once counted, its result.
        page_cache.watch(Budget, lambda budget: budget.process_id)
        page_cache.watch(BudgetResult, page_cache.process_through("budget"))
