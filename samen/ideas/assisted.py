"""Ideas and comments in assisted participation (samen/assisted/registry.py): where a facilitator can post for a
resident now, how the audit names what was posted, and a resident taking their ideas and comments over."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samen.assisted.models import Action
from samen.assisted.registry import AssistedKind, Opening
from samen.ideas.models import Comment, Follow, Idea
from samen.processes.models import Process


def idea_openings(facilitator) -> list[Opening]:
    """One opening per process collecting ideas now. Comments start from an idea's page, where facilitators see a
    link: a list of every idea open to comments would be too long to use."""
    processes = Process.objects.filter(status=Process.Status.PUBLISHED).prefetch_related("phases").order_by("pk")
    return [
        Opening(str(process.title), reverse("ideas:assisted_idea", args=[process.slug]))
        for process in processes
        if facilitator.has_perm("ideas.post_assisted_idea", process)
    ]


def comment_openings(facilitator) -> list[Opening]:
    return []


def describe_ideas(consents) -> dict[int, tuple[str, str]]:
    ideas = Idea.objects.filter(consent__in=consents).only("title", "consent_id")
    return {idea.consent_id: (_("Idea “%(title)s”") % {"title": idea.title}, idea.get_absolute_url()) for idea in ideas}


def describe_comments(consents) -> dict[int, tuple[str, str]]:
    comments = Comment.objects.filter(consent__in=consents).select_related("idea").only("consent_id", "idea__title")
    return {
        comment.consent_id: (
            _("Comment on “%(title)s”") % {"title": comment.idea.title},
            comment.get_absolute_url(),
        )
        for comment in comments
    }


def _hand_over(model, consents, user) -> tuple[list[int], list[str]]:
    """Each post becomes the account's: it is signed with its name, and the resident edits or deletes it online
    under the same rules as their own. They follow the ideas concerned, as after posting online."""
    rows = list(model.objects.select_for_update().filter(consent__in=consents))
    model.objects.filter(pk__in=[row.pk for row in rows]).update(author=user)
    idea_ids = {row.pk if model is Idea else row.idea_id for row in rows}
    followed = set(Follow.objects.filter(follower=user, idea_id__in=idea_ids).values_list("idea_id", flat=True))
    Follow.objects.bulk_create([Follow(idea_id=pk, follower=user) for pk in sorted(idea_ids - followed)])
    return [row.consent_id for row in rows], []


def take_over_ideas(consents, user) -> tuple[list[int], list[str]]:
    return _hand_over(Idea, consents, user)


def take_over_comments(consents, user) -> tuple[list[int], list[str]]:
    return _hand_over(Comment, consents, user)


IDEAS = AssistedKind(
    action=Action.IDEA,
    label=gettext_lazy("Ideas"),
    openings=idea_openings,
    describe=describe_ideas,
    take_over=take_over_ideas,
)
COMMENTS = AssistedKind(
    action=Action.COMMENT,
    label=gettext_lazy("Comments"),
    openings=comment_openings,
    describe=describe_comments,
    take_over=take_over_comments,
)
