"""My participation: my ideas and what became of them, the ideas I support and follow. See common/participation.py."""

from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samen.common.participation import Entry, Section
from samen.ideas.models import Follow, Idea, Support, Visibility
from samen.processes.phases import SUPPORT
from samen.processes.queries import open_until


def _idea_status(idea: Idea) -> str:
    if idea.visibility == Visibility.PENDING:
        return _("Waiting for a moderator.")
    if idea.visibility == Visibility.HIDDEN:
        return _("Hidden by a moderator: %(reason)s") % {"reason": idea.moderation_reason or "-"}
    supports = ngettext("%(count)s support", "%(count)s supports", idea.supports_n) % {"count": idea.supports_n}
    comments = ngettext("%(count)s comment", "%(count)s comments", idea.comments_n) % {"count": idea.comments_n}
    return f"{_('Published')}: {supports}, {comments}."


def sections(user) -> list[Section]:
    ideas = (
        Idea.objects.filter(author=user)
        .select_related("process")
        .prefetch_related("process__phases")
        .annotate(
            supports_n=Count("supports", distinct=True),
            comments_n=Count("comments", filter=Q(comments__visibility=Visibility.PUBLISHED), distinct=True),
        )
        .order_by("-created_at", "-pk")
    )
    supports = (
        Support.objects.filter(resident=user)
        .select_related("idea__process")
        .prefetch_related("idea__process__phases")
        .order_by("-created_at", "-pk")
    )
    follows = Follow.objects.filter(follower=user).select_related("idea").order_by("-pk")
    return [
        Section(
            _("My ideas"),
            [
                Entry(
                    title=idea.title,
                    url=idea.get_absolute_url(),
                    status=_idea_status(idea),
                    title_language=idea.language,
                )
                for idea in ideas
            ],
        ),
        Section(
            _("Ideas I support"),
            [
                Entry(
                    title=support.idea.title,
                    url=support.idea.get_absolute_url(),
                    next_step=_("You can withdraw your support")
                    if (until := open_until(support.idea.process, SUPPORT))
                    else "",
                    until=until,
                    title_language=support.idea.language,
                )
                for support in supports
            ],
        ),
        Section(
            _("Ideas I follow"),
            [
                Entry(
                    title=follow.idea.title,
                    url=follow.idea.get_absolute_url(),
                    status=_("You get an e-mail for each new comment and each update."),
                    title_language=follow.idea.language,
                )
                for follow in follows
            ],
        ),
    ]
