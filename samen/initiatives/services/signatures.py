"""Signing online, withdrawing, and paper sheets typed in line by line: each person counts once.

The unique constraint on (initiative, person's hash) among standing signatures is what makes a signature count
once, whoever races: the checks before it only give the clearer message.
"""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from samen.accounts.models import CensusEntry
from samen.accounts.verification import checked_national_number, person_digest
from samen.algorithms.identity import age_on
from samen.assisted import services as assisted
from samen.assisted.models import Action
from samen.common import clock
from samen.common.services import require_perm
from samen.initiatives.eligibility import why_not_signer
from samen.initiatives.models import Initiative, InitiativeKind, PaperSheet, RejectedLine, Signature


def collecting(initiative: Initiative, today: date | None = None) -> bool:
    today = today or clock.today()
    return initiative.status == Initiative.Status.COLLECTING and today <= initiative.collection_ends


def _require_collecting(initiative: Initiative) -> None:
    if not collecting(initiative):
        raise ValidationError(_("This initiative is not collecting signatures."), code="closed")


def _require_age(kind: InitiativeKind, born: date | None) -> None:
    if born is None or age_on(born, clock.today()) < kind.minimum_age:
        raise ValidationError(
            _("You must be at least %(age)s to sign this initiative.") % {"age": kind.minimum_age}, code="too_young"
        )


def sign(*, initiative: Initiative, user) -> Signature:
    """A verified resident of the municipality, old enough, signs once."""
    _require_collecting(initiative)
    refusal = why_not_signer(initiative.kind, user)
    if refusal:
        code, reason = refusal
        raise ValidationError(reason, code=code)
    require_perm(user, "initiatives.sign", initiative)
    try:
        with transaction.atomic():
            return Signature.objects.create(
                initiative=initiative, digest=user.verification.digest, user=user, signed_at=clock.now()
            )
    except IntegrityError:
        raise ValidationError(_("You have already signed this initiative."), code="already_signed") from None


def online_signature(initiative: Initiative, user):
    """The person's standing online signature, whichever of their accounts gave it: this one, or one they deleted or
    whose verification moved here since (the signature keeps the person's hash)."""
    verification = getattr(user, "verification", None)
    person = Q(user=user) | Q(digest=verification.digest) if verification is not None else Q(user=user)
    return Signature.objects.filter(person, initiative=initiative, sheet__isnull=True, withdrawn_at__isnull=True)


def withdraw(*, initiative: Initiative, user) -> None:
    """A signature can be withdrawn until the collection closes; it then no longer counts."""
    require_perm(user, "initiatives.withdraw", initiative)
    _require_collecting(initiative)
    updated = online_signature(initiative, user).update(withdrawn_at=clock.now())
    if not updated:
        raise ValidationError(_("You have not signed this initiative."), code="not_signed")


def standing(initiative: Initiative):
    return initiative.signatures.filter(withdrawn_at__isnull=True)


def count(initiative: Initiative) -> int:
    """The live count while signatures are kept; the stored count once their data are erased."""
    if initiative.personal_data_erased_at:
        return initiative.signature_count
    return standing(initiative).count()


@dataclass(frozen=True)
class PaperLine:
    national_number: str
    born_on: date | None
    name: str


@dataclass(frozen=True)
class SheetReport:
    sheet: PaperSheet
    accepted: int
    rejected: list[RejectedLine]


def _check_line(kind: InitiativeKind, line: PaperLine) -> str:
    """The person's hash if the line counts; a ValidationError with the reason if not."""
    digits, born = checked_national_number(line.national_number, line.born_on)
    digest = person_digest(digits, born)
    if not CensusEntry.objects.filter(census__municipality_nis=kind.municipality_nis, digest=digest).exists():
        raise ValidationError(
            _("Not on the list of residents entitled to sign of %(municipality)s.")
            % {"municipality": kind.municipality.name},
            code="not_on_census",
        )
    _require_age(kind, born)
    return digest


def enter_paper_sheet(*, initiative: Initiative, staff, reference: str, lines: list[PaperLine]) -> SheetReport:
    """Type in one sheet: each line is checked against the census and against every signature already counted
    (online or on other sheets, or earlier on this sheet); the lines that do not count are kept with their reason."""
    require_perm(staff, "initiatives.enter_paper", initiative)
    _require_collecting(initiative)
    accepted, rejected = 0, []
    with transaction.atomic():
        try:
            with transaction.atomic():
                sheet = PaperSheet.objects.create(initiative=initiative, reference=reference.strip(), entered_by=staff)
        except IntegrityError:
            raise ValidationError(
                _("Sheet %(reference)s has already been entered.") % {"reference": reference}, code="sheet_entered"
            ) from None
        for number, line in enumerate(lines, start=1):
            try:
                digest = _check_line(initiative.kind, line)
                with transaction.atomic():
                    Signature.objects.create(
                        initiative=initiative,
                        digest=digest,
                        sheet=sheet,
                        line=number,
                        name=line.name.strip(),
                        signed_at=clock.now(),
                    )
                accepted += 1
            except ValidationError as refusal:
                rejected.append(_rejected(sheet, number, line, refusal.code, refusal.messages[0]))
            except IntegrityError:
                reason = _("This person has already signed (online or on another line).")
                rejected.append(_rejected(sheet, number, line, "already_signed", reason))
        RejectedLine.objects.bulk_create(rejected)
    return SheetReport(sheet, accepted, rejected)


def sign_assisted(*, initiative: Initiative, facilitator, consent: assisted.ConsentGiven) -> Signature:
    """A facilitator signs for a resident met in person, with their consent recorded, under the rules of a paper line
    (on the municipality's census list, old enough) and once per person: a resident who signed online, on paper or
    with a facilitator cannot be signed for again. The consent and the signature are saved together or not at all."""
    require_perm(facilitator, "initiatives.sign_assisted", initiative)
    assisted.require_consent(consent)
    _require_collecting(initiative)
    line = PaperLine(national_number=consent.national_number, born_on=consent.born_on, name=consent.resident_name)
    digest = _check_line(initiative.kind, line)
    try:
        with transaction.atomic():
            given = assisted.record_consent(
                facilitator=facilitator, digest=digest, action=Action.SIGNATURE, process=None, given=consent
            )
            return Signature.objects.create(
                initiative=initiative,
                digest=digest,
                name=consent.resident_name.strip()[:120],
                signed_at=clock.now(),
                consent=given,
            )
    except IntegrityError:
        raise ValidationError(
            _("This person has already signed this initiative (online, on paper or with a facilitator)."),
            code="already_signed",
        ) from None


def _rejected(sheet: PaperSheet, number: int, line: PaperLine, code: str, reason: str) -> RejectedLine:
    return RejectedLine(sheet=sheet, line=number, name=line.name.strip()[:120], code=code or "refused", reason=reason)
