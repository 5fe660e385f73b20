"""My participation: the initiatives I signed (withdrawable until the collection closes) and those whose committee
I sit on, with the next step of each. See common/participation.py."""

from datetime import date, datetime, time

from django.utils.translation import gettext as _

from samen.algorithms.timeline import BRUSSELS
from samen.common.participation import Entry, Section
from samen.initiatives.models import Initiative, Promoter, Signature
from samen.initiatives.services import collecting, deadline_of


def _last_minute(day: date | None) -> datetime | None:
    return datetime.combine(day, time(23, 59), tzinfo=BRUSSELS) if day else None


def _next_step(initiative: Initiative) -> tuple[str, datetime | None]:
    Status = Initiative.Status
    return {
        Status.DRAFT: (_("Invite the committee and submit the text to the City"), None),
        Status.SUBMITTED: (_("The City checks that the initiative is admissible"), None),
        Status.RETURNED: (_("Change the text and submit it again"), None),
        Status.COLLECTING: (_("Collect signatures"), _last_minute(initiative.collection_ends)),
        Status.TRANSMITTED: (_("The council must vote on it"), _last_minute(deadline_of(initiative))),
    }.get(initiative.status, ("", None))


def _status(initiative: Initiative) -> str:
    if initiative.status == Initiative.Status.DECIDED and initiative.decision:
        return f"{initiative.get_status_display()}: {initiative.get_decision_display()}"
    return initiative.get_status_display()


def sections(user) -> list[Section]:
    signatures = (
        Signature.objects.filter(user=user, sheet__isnull=True)
        .select_related("initiative")
        .order_by("-signed_at", "-pk")
    )
    promotions = (
        Promoter.objects.filter(user=user, accepted_at__isnull=False).select_related("initiative__kind").order_by("-pk")
    )
    signed = []
    for signature in signatures:
        initiative = signature.initiative
        open_ = signature.withdrawn_at is None and collecting(initiative)
        signed.append(
            Entry(
                title=str(initiative.title),
                url=initiative.get_absolute_url(),
                status=_("Signature withdrawn.") if signature.withdrawn_at else _status(initiative),
                next_step=_("You can withdraw your signature") if open_ else "",
                until=_last_minute(initiative.collection_ends) if open_ else None,
            )
        )
    promoted = []
    for promoter in promotions:
        next_step, until = _next_step(promoter.initiative)
        promoted.append(
            Entry(
                title=str(promoter.initiative.title),
                url=promoter.initiative.get_absolute_url(),
                status=_status(promoter.initiative),
                next_step=next_step,
                until=until,
            )
        )
    return [Section(_("Initiatives I signed"), signed), Section(_("Initiatives whose committee I sit on"), promoted)]
