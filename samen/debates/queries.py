"""Shared reads: a process's debates with their counts, and a debate's arguments and comments as a viewer sees them
(published ones, plus their own pending or hidden ones; moderators see everything)."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Exists, Min, OuterRef, Prefetch, Q, QuerySet

from samen.debates.models import Argument, ArgumentSupport, Debate, DebateComment, Report
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


@dataclass(frozen=True)
class Waiting:
    """An argument or a comment waiting for a moderator: reported, or held under pre-moderation."""

    content: Argument | DebateComment
    kind: str  # "argument" or "comment", as the moderation URL names it
    open_reports: int
    waiting_since: datetime


def moderation_queue() -> list[Waiting]:
    """Arguments and comments with open reports or awaiting approval, with their open reports' reasons: most reported
    first, then the longest waiting (a query per kind and one for the reasons of each)."""
    open_reports = Count("reports", filter=Q(reports__resolved_at__isnull=True))
    first_report = Min("reports__created_at", filter=Q(reports__resolved_at__isnull=True))
    reasons = Prefetch(
        "reports",
        queryset=Report.objects.filter(resolved_at__isnull=True).order_by("created_at", "pk"),
        to_attr="open_report_list",
    )
    items = []
    for kind, model in (("argument", Argument), ("comment", DebateComment)):
        rows = (
            model.objects.select_related("author", "debate__process")
            .prefetch_related(reasons)
            .annotate(open_reports=open_reports, first_report=first_report)
            .filter(Q(open_reports__gt=0) | Q(visibility=Visibility.PENDING))
        )
        for row in rows:
            since = row.first_report if row.open_reports else row.created_at
            items.append(Waiting(row, kind, row.open_reports, since))
    return sorted(items, key=lambda item: (-item.open_reports, item.waiting_since))


def waiting_for_moderators() -> int:
    """How many arguments and comments wait in the debates' queue (for the link from the moderators' queue)."""
    waiting = Q(reports__resolved_at__isnull=True, reports__isnull=False) | Q(visibility=Visibility.PENDING)
    return sum(model.objects.filter(waiting).distinct().count() for model in (Argument, DebateComment))
