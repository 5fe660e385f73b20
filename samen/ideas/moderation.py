"""Flags, the moderators' queue and their decisions. Every decision is written to the append-only log."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Min, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from samen.common import phrases
from samen.ideas.models import Comment, Flag, Idea, ModerationAction, Visibility
from samen.ideas.notifications import announce_comment, announce_status

Content = Idea | Comment


def _target(content: Content) -> dict:
    return {"idea": content} if isinstance(content, Idea) else {"comment": content}


def _excerpt(content: Content) -> str:
    text = content.title if isinstance(content, Idea) else content.body
    return text[:200]


def flag_content(*, flagger, content: Content, reason: str, note: str = "") -> Flag:
    """Report content; the database refuses a second flag by the same person, even when two requests race."""
    if not flagger.has_perm("ideas.flag_content", content):
        raise PermissionDenied(phrases.not_allowed)
    flag = Flag(flagger=flagger, reason=reason, note=note.strip(), **_target(content))
    flag.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            flag.save()
    except IntegrityError:
        raise ValidationError(_("You have already reported this."), code="already_flagged") from None
    return flag


def _decide(*, moderator, content: Content, kind: str, visibility: str, reason: str) -> ModerationAction:
    if not moderator.has_perm("ideas.moderate", content):
        raise PermissionDenied(phrases.not_allowed)
    reason = reason.strip()
    if not reason:
        raise ValidationError(_("Give a reason: the author will read it."), code="reason_required")
    with transaction.atomic():
        content.visibility = visibility
        content.moderation_reason = reason if visibility == Visibility.HIDDEN else ""
        content.save(update_fields=["visibility", "moderation_reason", "updated_at"])
        content.flags.filter(resolved_at__isnull=True).update(resolved_at=timezone.now())
        if isinstance(content, Idea):
            announce_status(content)
        return ModerationAction.objects.create(
            moderator=moderator, kind=kind, reason=reason, excerpt=_excerpt(content), **_target(content)
        )


def hide_content(*, moderator, content: Content, reason: str) -> ModerationAction:
    """Take content out of public view; its author and the moderators still see it, with the reason."""
    return _decide(
        moderator=moderator,
        content=content,
        kind=ModerationAction.Kind.HIDE,
        visibility=Visibility.HIDDEN,
        reason=reason,
    )


def restore_content(*, moderator, content: Content, reason: str) -> ModerationAction:
    return _decide(
        moderator=moderator,
        content=content,
        kind=ModerationAction.Kind.RESTORE,
        visibility=Visibility.PUBLISHED,
        reason=reason,
    )


def approve_content(*, moderator, content: Content, reason: str = "") -> ModerationAction:
    """Publish content that waited under pre-moderation."""
    if content.visibility != Visibility.PENDING:
        raise ValidationError(_("This is not waiting for approval."), code="not_pending")
    with transaction.atomic():
        action = _decide(
            moderator=moderator,
            content=content,
            kind=ModerationAction.Kind.APPROVE,
            visibility=Visibility.PUBLISHED,
            reason=reason or _("Approved"),
        )
        if isinstance(content, Comment):
            announce_comment(content)
    return action


def record_edit(*, moderator, content: Content, previous_text: str) -> ModerationAction | None:
    """Log a moderator's edit of someone else's idea or comment, with the words it replaced. An author's edit of
    their own words is no moderation and is not logged."""
    if content.author_id == moderator.pk or not moderator.has_perm("ideas.moderate", content):
        return None
    return ModerationAction.objects.create(
        moderator=moderator,
        kind=ModerationAction.Kind.EDIT,
        excerpt=previous_text[:200],
        previous_text=previous_text,
        **_target(content),
    )


def require_posting_allowance(author, *, now: datetime | None = None) -> None:
    """Refuse a post past the hourly allowance (settings.SAMEN_POSTS_PER_HOUR); moderators have none."""
    if author.has_perm("ideas.moderate"):
        return
    since = (now or timezone.now()) - timedelta(hours=1)
    posted = (
        Idea.objects.filter(author=author, created_at__gte=since).count()
        + Comment.objects.filter(author=author, created_at__gte=since).count()
    )
    limit = settings.SAMEN_POSTS_PER_HOUR
    if posted >= limit:
        raise ValidationError(
            _("You have posted %(limit)s times in the last hour. Please wait a little before posting again."),
            code="rate_limited",
            params={"limit": limit},
        )


@dataclass(frozen=True)
class OtherQueue:
    """Another app's moderation page (debates' arguments and comments), which the queue links to with how much waits
    there. Apps above ideas add theirs in their AppConfig.ready: ideas knows none of them."""

    name: str
    title: Callable[[], str]  # in the reader's language
    url_name: str
    waiting: Callable[[], int]


_OTHER_QUEUES: dict[str, OtherQueue] = {}


def add_queue(queue: OtherQueue) -> None:
    _OTHER_QUEUES[queue.name] = queue


def other_queues() -> list[tuple[OtherQueue, int]]:
    """Each other moderation page with how many contents wait there, in the order they were added."""
    return [(queue, queue.waiting()) for queue in _OTHER_QUEUES.values()]


@dataclass(frozen=True)
class QueueItem:
    content: Content
    open_flags: int
    waiting_since: datetime

    @property
    def is_idea(self) -> bool:
        return isinstance(self.content, Idea)


def moderation_queue() -> list[QueueItem]:
    """Content with open flags or awaiting approval: most flagged first, then the longest waiting."""
    open_flags = Count("flags", filter=Q(flags__resolved_at__isnull=True))
    first_flag = Min("flags__created_at", filter=Q(flags__resolved_at__isnull=True))
    waiting = Q(open_flags__gt=0) | Q(visibility=Visibility.PENDING)
    # The reasons the queue shows, fetched once for all items rather than once per item.
    reasons = Prefetch("flags", queryset=Flag.objects.filter(resolved_at__isnull=True), to_attr="open_flag_list")
    items = []
    for model, related in ((Idea, ("author", "process")), (Comment, ("author", "idea__process"))):
        rows = (
            model.objects.select_related(*related)
            .prefetch_related(reasons)
            .annotate(open_flags=open_flags, first_flag=first_flag)
        )
        for row in rows.filter(waiting):
            since = row.first_flag if row.open_flags else row.created_at
            items.append(QueueItem(row, row.open_flags, since))
    return sorted(items, key=lambda item: (-item.open_flags, item.waiting_since))
