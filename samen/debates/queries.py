"""Shared reads: a process's debates with their counts, and a debate's arguments and comments as a viewer sees them
(published ones, plus their own pending or hidden ones; moderators see everything)."""

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from samen.debates.models import Argument, ArgumentSupport, Debate, DebateComment
from samen.ideas.models import Visibility
from samen.processes.eligibility import voter_key
from samen.processes.page import taking_part


def _seen_by(viewer) -> Q:
    if viewer.has_perm("debates.moderate"):
        return Q()
    if viewer.is_authenticated:
        return Q(visibility=Visibility.PUBLISHED) | Q(author=viewer)
    return Q(visibility=Visibility.PUBLISHED)


def debates_of(process) -> QuerySet[Debate]:
    """The process's debates, newest first, each with its count of published arguments (one query)."""
    published = Q(arguments__visibility=Visibility.PUBLISHED)
    return (
        Debate.objects.filter(process=process)
        .select_related("process")
        .annotate(arguments_n=Count("arguments", filter=published))
    )


@dataclass(frozen=True)
class Sides:
    pros: list[Argument]
    cons: list[Argument]


def arguments_of(debate: Debate, *, viewer, pk: int | None = None) -> Sides:
    """The arguments the viewer may see (or only argument `pk`), each with its support count and whether the viewer
    supports it; the most supported first on each side."""
    rows = (
        Argument.objects.filter(_seen_by(viewer), debate=debate, **({"pk": pk} if pk is not None else {}))
        .select_related("author")
        .annotate(supports_n=Count("supports"))
        .order_by("-supports_n", "created_at", "pk")
    )
    if viewer.is_authenticated:
        mine = ArgumentSupport.objects.filter(argument=OuterRef("pk"), resident=viewer)
        rows = rows.annotate(supported=Exists(mine))
    found = list(rows)
    for row in found:
        row.debate = debate  # the rules read the debate and its process: no query per argument
    _supported_as_person(found, viewer)
    return Sides(
        pros=[row for row in found if row.side == Argument.Side.FOR],
        cons=[row for row in found if row.side == Argument.Side.AGAINST],
    )


def _supported_as_person(arguments: list[Argument], viewer) -> None:
    """Mark the arguments the viewer's person supports from another of their accounts (one more query, only for a
    verified viewer): the page offers to withdraw that support rather than a second one."""
    keys = [key for row in arguments if viewer.is_authenticated and (key := voter_key(viewer, f"argument:{row.pk}"))]
    if not keys:
        return
    theirs = set(ArgumentSupport.objects.filter(supporter_key__in=keys).values_list("argument_id", flat=True))
    for row in arguments:
        row.supported = row.supported or row.pk in theirs


def comments_of(debate: Debate, *, viewer) -> list[DebateComment]:
    found = list(DebateComment.objects.filter(_seen_by(viewer), debate=debate).select_related("author"))
    for row in found:
        row.debate = debate
    return found


def participants(process_ids: list[int]):
    """(process, account) for whoever argued, supported an argument or commented in one of its debates (for the
    process's card: people taking part)."""
    return [
        taking_part(
            Argument.objects.filter(debate__process_id__in=process_ids, author__isnull=False),
            process="debate__process_id",
            account="author_id",
        ),
        taking_part(
            ArgumentSupport.objects.filter(argument__debate__process_id__in=process_ids),
            process="argument__debate__process_id",
            account="resident_id",
        ),
        taking_part(
            DebateComment.objects.filter(debate__process_id__in=process_ids, author__isnull=False),
            process="debate__process_id",
            account="author_id",
        ),
    ]
