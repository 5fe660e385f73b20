"""Reads shared by the initiatives' pages: where each initiative stands, the public lists, who signed."""

from dataclasses import dataclass
from datetime import date, datetime, time

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from samen.algorithms.initiatives import Stage, clock_on
from samen.algorithms.timeline import BRUSSELS
from samen.common import clock
from samen.initiatives.models import Initiative, PaperSheet, Signature
from samen.initiatives.services import count, deadline_of, online_signature
from samen.processes.page import Outcome

PRIVATE = {Initiative.Status.DRAFT, Initiative.Status.SUBMITTED, Initiative.Status.RETURNED}


@dataclass(frozen=True)
class State:
    stage: Stage
    signatures: int
    threshold: int
    days_left: int | None
    deadline: date | None

    @property
    def percent(self) -> int:
        return min(100, self.signatures * 100 // self.threshold)

    @property
    def overdue(self) -> bool:
        return self.stage == Stage.OVERDUE


def with_counts():
    """Initiatives with their standing signatures counted in the same query (`standing`)."""
    standing = Count("signatures", filter=Q(signatures__withdrawn_at__isnull=True))
    return Initiative.objects.select_related("kind").annotate(standing=standing)


def state_of(initiative: Initiative, today: date | None = None) -> State:
    today = today or clock.today()
    annotated = getattr(initiative, "standing", None)
    erased = initiative.personal_data_erased_at
    signatures = annotated if annotated is not None and not erased else count(initiative)
    status = initiative.status
    progress = clock_on(
        today,
        collection_ends=initiative.collection_ends if status != Initiative.Status.SUBMITTED else None,
        signatures=signatures,
        threshold=initiative.kind.threshold,
        transmitted_on=initiative.transmitted_on,
        decided_on=initiative.decided_on,
        months=initiative.kind.council_months,
    )
    return State(progress.stage, signatures, initiative.kind.threshold, progress.days_left, deadline_of(initiative))


def public_groups() -> list[tuple[str, list[tuple[Initiative, State]]]]:
    """Collecting, before the council (overdue first), decided, closed without enough signatures."""
    initiatives = with_counts().exclude(status__in=PRIVATE).order_by("-pk")
    rows = [(initiative, state_of(initiative)) for initiative in initiatives]
    order = [
        ("collecting", {Stage.COLLECTING}),
        ("council", {Stage.OVERDUE, Stage.AWAITING_VOTE, Stage.REACHED}),
        ("decided", {Stage.DECIDED}),
        ("failed", {Stage.FAILED}),
    ]
    return [
        (name, sorted((row for row in rows if row[1].stage in stages), key=lambda row: not row[1].overdue))
        for name, stages in order
    ]


def overdue_initiatives() -> list[tuple[Initiative, State]]:
    transmitted = with_counts().filter(status=Initiative.Status.TRANSMITTED)
    return [(i, state) for i in transmitted if (state := state_of(i)).overdue]


def standing_signatures() -> int:
    """How many signatures stand on public initiatives, online and on paper (the City's dashboard counts them)."""
    return Signature.objects.filter(withdrawn_at__isnull=True).exclude(initiative__status__in=PRIVATE).count()


def has_signed(initiative: Initiative, user) -> bool:
    if not user.is_authenticated:
        return False
    return online_signature(initiative, user).exists()


def sheets_of(initiative: Initiative) -> list[PaperSheet]:
    return list(
        initiative.sheets.select_related("entered_by").prefetch_related("rejected_lines").order_by("-entered_at")
    )


def recent_outcomes(limit: int) -> list[Outcome]:
    """The council's latest decisions on initiatives (for the home page), dated at the end of the council's day."""
    decided = Initiative.objects.filter(status=Initiative.Status.DECIDED, decided_on__isnull=False).order_by(
        "-decided_on", "-pk"
    )[:limit]
    return [
        Outcome(
            title=str(initiative.title),
            url=initiative.get_absolute_url(),
            when=datetime.combine(initiative.decided_on, time(23, 59), tzinfo=BRUSSELS),
            summary=_("The council decided: %(decision)s.") % {"decision": initiative.get_decision_display()},
        )
        for initiative in decided
    ]


def assisted_count(initiative: Initiative) -> int:
    """The standing signatures a facilitator entered for residents met in person (samen/assisted)."""
    if initiative.personal_data_erased_at:
        return 0
    return initiative.signatures.filter(withdrawn_at__isnull=True, consent__isnull=False).count()
