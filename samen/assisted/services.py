"""Consents recorded for assisted contributions, and a resident taking their contributions over.

A kind's service (budgets' `enter_assisted_ballot`, initiatives' `sign_assisted`) calls `require_consent` before
anything else and `record_consent` inside the transaction that saves the contribution: a refusal saves neither."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Model, QuerySet
from django.utils.translation import gettext as _

from samen.accounts.verification import checked_national_number, person_digest
from samen.assisted import registry
from samen.assisted.models import Consent
from samen.common import clock
from samen.common.services import require_perm


@dataclass(frozen=True)
class ConsentGiven:
    """What the facilitator typed about the resident and their consent (the consent form's cleaned data)."""

    national_number: str
    born_on: date | None
    place: str
    agreed_to: str  # the sentence the resident agreed to; empty when the box was not ticked
    resident_name: str = ""
    given_at: datetime | None = None  # now, unless told


def require_consent(given: ConsentGiven) -> None:
    """Refuse, with the reason in words, a contribution whose consent is missing or incomplete."""
    if not given.agreed_to.strip():
        raise ValidationError(
            _("Record the resident's consent: tick the box once they have agreed to it."), code="no_consent"
        )
    if not given.place.strip():
        raise ValidationError(_("Say where the resident gave their consent."), code="no_place")
    if given.given_at is not None and given.given_at > clock.now():
        raise ValidationError(_("A consent cannot be given in the future."), code="consent_in_future")


def identify(given: ConsentGiven) -> tuple[str, date]:
    """The person's keyed hash and birth date, from the national number the resident showed (not kept)."""
    digits, born = checked_national_number(given.national_number, given.born_on)
    return person_digest(digits, born), born


def record_consent(*, facilitator, digest: str, action: str, process, given: ConsentGiven) -> Consent:
    """The audit row of one assisted contribution; call inside the transaction that saves the contribution."""
    require_perm(facilitator, "assisted.enter_for_resident", process)
    require_consent(given)
    consent = Consent(
        facilitator=facilitator,
        facilitator_name=str(facilitator)[:60],
        digest=digest,
        resident_name=given.resident_name.strip()[:120],
        action=action,
        agreed_to=given.agreed_to.strip(),
        place=given.place.strip()[:200],
        given_at=given.given_at or clock.now(),
        process=process,
    )
    consent.full_clean()
    consent.save()
    return consent


@dataclass(frozen=True)
class TakeOver:
    taken: int
    clashes: list[str] = field(default_factory=list)


def take_over(*, user) -> TakeOver:
    """A verified resident makes the contributions entered for them their own account's: from then on they change or
    withdraw them online like any other. What cannot move (this account already has a ballot in that vote) is
    reported, not raised; the rest moves."""
    verification = getattr(user, "verification", None) if user.is_authenticated else None
    if verification is None:
        raise ValidationError(
            _("Verify your account first: only then can we tell which contributions were entered for you."),
            code="not_verified",
        )
    taken, clashes = [], []
    with transaction.atomic():
        consents = list(Consent.objects.select_for_update().filter(digest=verification.digest).order_by("pk"))
        for kind in registry.kinds():
            mine = [consent for consent in consents if consent.action == kind.action]
            if mine:
                moved, refused = kind.take_over(mine, user)
                taken += moved
                clashes += refused
        Consent.objects.filter(pk__in=taken).update(taken_over_by=user, taken_over_at=clock.now())
    return TakeOver(len(taken), clashes)


def hand_over(rows: QuerySet, user, *, clash: Callable[[Model], str]) -> tuple[list[int], list[str]]:
    """A kind's `take_over` for rows kept like a ballot (`voter`, one per account): each row, locked, becomes the
    account's; one the account's own constraint refuses (it already has one there) stays as the facilitator entered
    it and `clash(row)` says so. Returns the pks of the consents whose row is now the account's, and the clashes."""
    taken, clashes = [], []
    for row in rows.select_for_update():
        if row.voter_id != user.pk:
            try:
                with transaction.atomic():
                    row.voter = user
                    row.save(update_fields=["voter", "updated_at"])
            except IntegrityError:
                clashes.append(clash(row))
                continue
        taken.append(row.consent_id)
    return taken, clashes
