"""Shared reads of assisted participation: the audit trail and the contributions entered for one person."""

from dataclasses import dataclass

from django.db.models import QuerySet

from samen.assisted import registry
from samen.assisted.models import Consent
from samen.processes.eligibility import voter_key


@dataclass(frozen=True)
class Row:
    consent: Consent
    what: str  # what was entered, in words ("Ballot in Laeken 2026")
    url: str


def described(consents: list[Consent]) -> list[Row]:
    """Each consent with what its kind says was entered (one query per kind, not per row)."""
    names: dict[int, tuple[str, str]] = {}
    for kind in registry.kinds():
        mine = [consent for consent in consents if consent.action == kind.action]
        if mine:
            names |= kind.describe(mine)
    return [Row(consent, *names.get(consent.pk, (consent.get_action_display(), ""))) for consent in consents]


def audit_trail(*, facilitator_id: int | None = None, limit: int = 500) -> list[Row]:
    """Every consent, newest first; of one facilitator when asked."""
    consents = Consent.objects.select_related("process", "taken_over_by")
    if facilitator_id is not None:
        consents = consents.filter(facilitator_id=facilitator_id)
    return described(list(consents.order_by("-created_at", "-pk")[:limit]))


def facilitators() -> list[tuple[int, str]]:
    """The facilitators who entered something (for the audit's filter), by the name kept on their consents."""
    pairs = (
        Consent.objects.filter(facilitator__isnull=False)
        .order_by("facilitator_name", "facilitator_id")
        .values_list("facilitator_id", "facilitator_name")
        .distinct()
    )
    return list(pairs)


def entered_for(user) -> list[Row]:
    """The contributions facilitators entered for the person this account is verified as."""
    verification = getattr(user, "verification", None) if user.is_authenticated else None
    if verification is None:
        return []
    return described(list(Consent.objects.filter(digest=verification.digest).select_related("process")))


def waiting_to_be_taken_over(rows: QuerySet, user, *, vote: str) -> Consent | None:
    """The consent of the row among `rows` (kept like a ballot: `voter`, `voter_key`, `consent`) that a facilitator
    entered for the person this account is verified as and no account has taken over yet: the kind's page says so
    and links the take-over, instead of an empty form its service would refuse. None otherwise, and for an account
    never verified. `vote` is the pseudonym's vote ("budget:3")."""
    key = voter_key(user, vote)
    if key is None:
        return None
    row = rows.filter(voter_key=key, voter__isnull=True, consent__isnull=False).select_related("consent").first()
    return row.consent if row is not None else None


def recorded_by(facilitator, limit: int = 20) -> list[Row]:
    return described(list(Consent.objects.filter(facilitator=facilitator).select_related("process")[:limit]))


def last_place(facilitator) -> str:
    """Where the facilitator met their last resident: most meet many in the same computer room."""
    consent = Consent.objects.filter(facilitator=facilitator).order_by("-created_at", "-pk").first()
    return consent.place if consent else ""
