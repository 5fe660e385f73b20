from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IdeasConfig(AppConfig):
    name = "samen.ideas"
    label = "ideas"
    verbose_name = _("Ideas")

    def ready(self):
        from samen.assisted.registry import offer
        from samen.common import page_cache
        from samen.common.media import delete_files_with_rows
        from samen.ideas.assisted import COMMENTS, IDEAS
        from samen.ideas.assisted_supports import KIND as ASSISTED_SUPPORTS
        from samen.ideas.models import Comment, Idea, Support
        from samen.ideas.process_page import IDEA_LIST
        from samen.ideas.queries import kept_supports, participants
        from samen.processes.page import Part, contribute, count_participants_with

        contribute(IDEA_LIST)
        count_participants_with("ideas", participants, kept_ballots=kept_supports)
        offer(ASSISTED_SUPPORTS)  # facilitators enter supports for residents met in person
        offer(IDEAS)  # facilitators post ideas and comments for residents met in person
        offer(COMMENTS)
        contribute(Part(name="post-idea", template="ideas/process_links.html", slot="links", order=0))

        delete_files_with_rows(Idea, "image")
        # The idea list shows each idea's title, theme, place, author, supports and comments.
        page_cache.watch(Idea, lambda idea: idea.process_id)
        page_cache.watch(Comment, page_cache.process_through("idea"))
        # services.withdraw_support raises the generation itself: a delete receiver costs the toggle a query.
        page_cache.watch(Support, page_cache.process_through("idea"), deletes=False)
