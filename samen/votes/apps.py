from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VotesConfig(AppConfig):
    name = "samen.votes"
    label = "votes"
    verbose_name = _("Jury, shortlist and vote")

    def ready(self):
        from samen.common import page_cache
        from samen.processes.page import Part, contribute, count_participants_with, report_outcomes_with
        from samen.votes.models import Result, Shortlist
        from samen.votes.queries import kept_ballots, participants, recent_outcomes

        count_participants_with("votes", participants, kept_ballots=kept_ballots)
        report_outcomes_with("votes", recent_outcomes)
        # The process page links the jury, the shortlist and the results.
        contribute(
            Part(name="votes", template="votes/process_links.html", slot="links", order=10, related=("shortlist",))
        )

        # The process page links the published shortlist and, once counted, its result.
        page_cache.watch(Shortlist, lambda shortlist: shortlist.process_id)
        page_cache.watch(Result, page_cache.process_through("shortlist"))
