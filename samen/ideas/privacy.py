"""Ideas' personal data: what a person posted, supported, followed and reported, a moderator's decisions, and the
supports a facilitator entered.
See `samen.common.privacy`."""

from pathlib import PurePosixPath

from samen.common.privacy import when
from samen.ideas.models import Comment, Flag, Follow, Idea, ModerationAction, Support

COVERS = (Idea, Comment, Support, Follow, Flag, ModerationAction)


def _image_name(idea: Idea) -> str:
    return f"images/{PurePosixPath(idea.image.name).name}"


def export(user) -> dict:
    ideas = Idea.objects.filter(author=user).select_related("process", "theme").order_by("pk")
    return {
        "ideas": [
            {
                "id": idea.pk,
                "process": idea.process.slug,
                "theme": idea.theme.slug,
                "title": idea.title,
                "text": idea.body,
                "language": idea.language,
                "latitude": idea.latitude,
                "longitude": idea.longitude,
                "neighbourhood_code": idea.neighbourhood_code,
                "image": _image_name(idea) if idea.image else None,
                "visibility": idea.visibility,
                "moderation_reason": idea.moderation_reason,
                "created": when(idea.created_at),
            }
            for idea in ideas
        ],
        "comments": [
            {**row, "created_at": when(row["created_at"])}
            for row in Comment.objects.filter(author=user)
            .order_by("pk")
            .values("id", "idea_id", "parent_id", "body", "language", "visibility", "moderation_reason", "created_at")
        ],
        "supports": [
            {**row, "created_at": when(row["created_at"])}
            for row in Support.objects.filter(resident=user)
            .order_by("pk")
            .values("idea_id", "idea__title", "created_at")
        ],
        "supports_with_a_facilitator": list(
            Support.objects.filter(resident=user, consent__isnull=False)
            .order_by("pk")
            .values_list("idea_id", flat=True)
        ),
        "assisted_supports_entered": Support.objects.filter(entered_by=user, consent__isnull=False).count(),
        "follows": list(Follow.objects.filter(follower=user).order_by("pk").values_list("idea_id", flat=True)),
        "reports": [
            {**row, "created_at": when(row["created_at"])}
            for row in Flag.objects.filter(flagger=user)
            .order_by("pk")
            .values("idea_id", "comment_id", "reason", "note", "created_at")
        ],
        # A facilitator's staff work: how many ideas and comments they posted for residents (samen/assisted keeps
        # the consents themselves).
        "ideas_staff_work": {
            "assisted_ideas_entered": Idea.objects.filter(entered_by=user, consent__isnull=False).count(),
            "assisted_comments_entered": Comment.objects.filter(entered_by=user, consent__isnull=False).count(),
        },
        "moderation_actions": [
            {**row, "created_at": when(row["created_at"])}
            for row in ModerationAction.objects.filter(moderator=user)
            .order_by("pk")
            .values("kind", "idea_id", "comment_id", "reason", "created_at")
        ],
    }


def erase(user) -> None:
    """An account's supports go with it, except a verified person's: those stay, with the person's pseudonym in the
    idea's supports and no account, so that the idea's count keeps them and a new account of theirs cannot add a
    second (`services.support_idea` lets it take the support over)."""
    Support.objects.filter(resident=user, supporter_key__isnull=True).delete()


def files(user):
    for idea in Idea.objects.filter(author=user).exclude(image=""):
        yield _image_name(idea), idea.image
