"""Resident verification: is this account one real resident entitled to sign, and only this account?

Methods are pluggable: each ends in `record_verification` with the person's keyed hash (HMAC of the national number
and the birth date, keyed by SAMEN_VERIFICATION_KEY), so that the census list and the eID reach the same person and
one person verifies one account. Clear national numbers are never stored.
"""

import csv
import hashlib
import hmac
import io
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from samen.accounts.models import CensusEntry, CensusList, Verification, VerificationTransfer
from samen.algorithms.initiatives import (
    NationalNumberError,
    age_on,
    national_number_birth_date,
    normalise_national_number,
)
from samen.common.services import require_perm
from samen.processes import clock
from samen.processes.geography import postal_codes

MAX_CENSUS_ROWS = 1_500_000  # the whole Region fits


def person_digest(national_number: str, born_on: date) -> str:
    """The keyed hash that stands for a person everywhere (census, verification, signatures, paper lines)."""
    message = f"{national_number}|{born_on.isoformat()}".encode()
    return hmac.new(settings.SAMEN_VERIFICATION_KEY.encode(), message, hashlib.sha256).hexdigest()


def checked_national_number(national_number: str, born_on: date | None = None) -> tuple[str, date]:
    """The 11 digits and the birth date, after the check digits and the date the number carries (if any) agree
    with the one given; a clear, translated error otherwise."""
    try:
        digits = normalise_national_number(national_number)
        carried = national_number_birth_date(digits)
    except NationalNumberError:
        raise ValidationError(
            _("This national number is not valid: check the 11 digits (its last two are a check on the others)."),
            code="national_number",
        ) from None
    born = born_on or carried
    if born is None or (carried is not None and carried != born):
        raise ValidationError(_("The birth date does not match the national number."), code="birth_date_mismatch")
    return digits, born


def upload_census(*, municipality_nis: str, uploader, text: str) -> CensusList:
    """Replace a municipality's list of residents entitled to sign (CSV: national_number, birth_date, postcode).
    Only keyed hashes are stored; a wrong line refuses the whole file, naming the line."""
    require_perm(uploader, "accounts.upload_census", None)
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    header = [name.strip().lower() for name in next(reader, [])]
    if header[:3] != ["national_number", "birth_date", "postcode"]:
        raise ValidationError(
            _("Line 1: the columns must be national_number, birth_date, postcode."), code="census_columns"
        )
    entries, seen = [], set()
    for row in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        cells = [*(cell.strip() for cell in row), "", "", ""][:3]
        try:
            born = date.fromisoformat(cells[1])
            digits, born = checked_national_number(cells[0], born)
        except (ValueError, ValidationError) as error:
            reason = error.messages[0] if isinstance(error, ValidationError) else _("the birth date is not YYYY-MM-DD")
            raise ValidationError(
                _("Line %(line)s: %(reason)s") % {"line": line, "reason": reason}, code="census_line"
            ) from None
        if cells[2] not in postal_codes().get(municipality_nis, ()):
            raise ValidationError(
                _("Line %(line)s: the postcode %(postcode)s is not in this municipality.")
                % {"line": line, "postcode": cells[2] or "''"},
                code="census_postcode",
            )
        digest = person_digest(digits, born)
        if digest not in seen:
            seen.add(digest)
            entries.append(CensusEntry(digest=digest, postcode=cells[2]))
        if len(entries) > MAX_CENSUS_ROWS:
            raise ValidationError(_("The list is too long."), code="census_size")
    with transaction.atomic():
        census, _created = CensusList.objects.update_or_create(
            municipality_nis=municipality_nis, defaults={"uploaded_by": uploader, "rows": len(entries)}
        )
        census.entries.all().delete()
        for entry in entries:
            entry.census = census
        CensusEntry.objects.bulk_create(entries, batch_size=5000)
    return census


def is_verified(user, *, on=None) -> bool:
    verification = getattr(user, "verification", None) if user.is_authenticated else None
    return verification is not None and verification.expires_at > (on or clock.now())


def eligibility_gap(user, *, method: str = "", municipality_nis: str = "", minimum_age: int = 0) -> str | None:
    """What keeps this account from what a vote or an initiative asks of its people, as a code (not_verified,
    verification_method, not_resident, too_young), or None. A method of "" or "any" takes either verification; an
    empty municipality takes a resident of any."""
    if not is_verified(user):
        return "not_verified"
    verification = user.verification
    if method not in {"", "any"} and verification.method != method:
        return "verification_method"
    if municipality_nis and verification.municipality_nis != municipality_nis:
        return "not_resident"
    born = verification.born_on
    if minimum_age and (born is None or age_on(born, clock.today()) < minimum_age):
        return "too_young"
    return None


def record_verification(*, user, digest: str, method: str, municipality_nis: str, born_on: date | None) -> Verification:
    """Mark the account as this person's. If the person has verified another account, nothing changes here: a
    transfer request waits for an administrator, and the message says so."""
    now = clock.now()
    fields = {"digest": digest, "method": method, "municipality_nis": municipality_nis, "born_on": born_on}
    other = Verification.objects.filter(digest=digest).exclude(user=user).select_related("user").first()
    if other is not None:
        VerificationTransfer.objects.get_or_create(
            digest=digest,
            to_user=user,
            status=VerificationTransfer.Status.PENDING,
            defaults={
                "from_user": other.user,
                "method": method,
                "municipality_nis": municipality_nis,
                "born_on": born_on,
            },
        )
        raise ValidationError(
            _(
                "You have already verified another account. One person verifies one account: an administrator "
                "will review moving your verification to this account."
            ),
            code="verified_elsewhere",
        )
    expires = now + timedelta(days=settings.SAMEN_VERIFICATION_DAYS)
    try:
        with transaction.atomic():
            verification, _created = Verification.objects.update_or_create(
                user=user, defaults=fields | {"verified_at": now, "expires_at": expires}
            )
    except IntegrityError:
        raise ValidationError(_("This person has just verified another account."), code="verified_elsewhere") from None
    return verification


def verify_with_census(*, user, national_number: str, born_on: date) -> Verification:
    """A resident types their national number and birth date; a match on a census list verifies the account."""
    require_perm(user, "accounts.verify", None)
    digits, born = checked_national_number(national_number, born_on)
    digest = person_digest(digits, born)
    entry = CensusEntry.objects.filter(digest=digest).select_related("census").first()
    if entry is None:
        raise ValidationError(
            _(
                "We do not find you on the lists of residents entitled to sign. Check the number and the date; "
                "if they are right, your municipality's list may not be on Samen yet."
            ),
            code="not_on_census",
        )
    return record_verification(
        user=user,
        digest=digest,
        method=Verification.Method.CENSUS,
        municipality_nis=entry.census.municipality_nis,
        born_on=born,
    )


def decide_transfer(*, transfer: VerificationTransfer, administrator, approve: bool, note: str = "") -> None:
    """Move a verification to the account that asked for it, or refuse; the transfer row is the log."""
    require_perm(administrator, "accounts.decide_transfer", transfer)
    with transaction.atomic():
        transfer = VerificationTransfer.objects.select_for_update().get(pk=transfer.pk)
        if transfer.status != VerificationTransfer.Status.PENDING:
            raise ValidationError(_("This request has already been decided."), code="decided")
        if approve:
            Verification.objects.filter(digest=transfer.digest).delete()
            now = clock.now()
            Verification.objects.update_or_create(
                user=transfer.to_user,
                defaults={
                    "digest": transfer.digest,
                    "method": transfer.method,
                    "municipality_nis": transfer.municipality_nis,
                    "born_on": transfer.born_on,
                    "verified_at": now,
                    "expires_at": now + timedelta(days=settings.SAMEN_VERIFICATION_DAYS),
                },
            )
        transfer.status = VerificationTransfer.Status.APPROVED if approve else VerificationTransfer.Status.REFUSED
        transfer.decided_by, transfer.decided_at, transfer.note = administrator, clock.now(), note
        transfer.save(update_fields=["status", "decided_by", "decided_at", "note"])


def verify_with_eid(*, user, national_number: str, born_on: date | None = None) -> Verification:
    """The eID (or itsme) proved who the person is, through the OpenID Connect provider; the census lists say
    where they are entitled to sign. Identity alone verifies the account without a municipality."""
    require_perm(user, "accounts.verify", None)
    digits, born = checked_national_number(national_number, born_on)
    digest = person_digest(digits, born)
    entry = CensusEntry.objects.filter(digest=digest).select_related("census").first()
    return record_verification(
        user=user,
        digest=digest,
        method=Verification.Method.EID,
        municipality_nis=entry.census.municipality_nis if entry else "",
        born_on=born,
    )


def vote_pseudonym(digest: str, vote: str) -> str:
    """The person's key in one vote ("shortlist:12", "budget:3"): the same person gets the same key whatever their
    account, so they vote once, but keys of different votes cannot be linked to each other or to the person."""
    message = f"{vote}|{digest}".encode()
    return hmac.new(settings.SAMEN_VERIFICATION_KEY.encode(), message, hashlib.sha256).hexdigest()
