"""Resident verification: is this account one real resident entitled to sign, and only this account?

Methods are pluggable: each ends in `record_verification` with the person's keyed hash (HMAC of the national number
and the birth date, keyed by SAMEN_VERIFICATION_KEY), so that the register and the eID reach the same person and
one person verifies one account. Clear national numbers are never stored.

Every method needs something a stranger cannot derive from the national number (which carries the birth date):
the eID, a code sent by post to the register's address (letters.py), or the identity card's number. Every attempt
is logged; a refusal reads the same whatever its reason, so that the page tells no one who lives where.
"""

import base64
import csv
import hashlib
import hmac
import io
import json
import os
from datetime import date, timedelta

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from samen.accounts.models import CensusEntry, CensusList, Verification, VerificationAttempt, VerificationTransfer
from samen.algorithms.identity import NationalNumberError, national_number_birth_date, normalise_national_number
from samen.common import clock
from samen.common.geography import postal_codes
from samen.common.services import require_perm

MAX_CENSUS_ROWS = 1_500_000  # the whole Region fits


def keyed(message: str) -> bytes:
    return hmac.new(settings.SAMEN_VERIFICATION_KEY.encode(), message.encode(), hashlib.sha256).digest()


def person_digest(national_number: str, born_on: date) -> str:
    """The keyed hash that stands for a person everywhere (census, verification, signatures, paper lines)."""
    return hmac.new(
        settings.SAMEN_VERIFICATION_KEY.encode(), f"{national_number}|{born_on.isoformat()}".encode(), hashlib.sha256
    ).hexdigest()


def document_digest(digest: str, document_number: str) -> str:
    """The keyed hash of an identity document's number, bound to its holder."""
    return keyed(f"document|{digest}|{normalise_document_number(document_number)}").hex()


def normalise_document_number(text: str) -> str:
    return "".join(character for character in text.upper() if character.isalnum())


def seal_address(national_number: str, born_on: date, lines: list[str]) -> str:
    """A name and address readable only with the person's national number (AES-GCM, key derived from it)."""
    key = keyed(f"address|{national_number}|{born_on.isoformat()}")
    nonce = os.urandom(12)
    sealed = AESGCM(key).encrypt(nonce, json.dumps(lines).encode(), None)
    return base64.b64encode(nonce + sealed).decode()


def unseal_address(sealed: str, national_number: str, born_on: date) -> list[str] | None:
    if not sealed:
        return None
    raw = base64.b64decode(sealed)
    key = keyed(f"address|{national_number}|{born_on.isoformat()}")
    try:
        return json.loads(AESGCM(key).decrypt(raw[:12], raw[12:], None))
    except InvalidTag:
        return None


def log_attempt(*, user, method: str, reason: str = "", digest: str = "", client: str | None = None) -> None:
    """One row per attempt, kept even when the attempt is refused (the caller is not inside a transaction)."""
    VerificationAttempt.objects.create(
        user=user if user is not None and user.is_authenticated else None,
        at=clock.now(),
        method=method,
        succeeded=not reason,
        reason=reason,
        digest=digest,
        client=client or None,
    )


def refuse(*, user, method: str, reason: str, digest: str = "", client: str | None = None) -> ValidationError:
    """Log the attempt and give the one refusal every reason shares (not on the list, a wrong check digit, another
    account, a wrong or used code...): the page must not tell a stranger who lives in the City or has an account."""
    log_attempt(user=user, method=method, reason=reason, digest=digest, client=client)
    return ValidationError(
        _(
            "We could not verify you with these details. Check them and try again; if they are right, ask the "
            "City's help desk."
        ),
        code="verification_refused",
    )


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


OPTIONAL_CENSUS_COLUMNS = ("name", "address", "document_number")


def upload_census(*, municipality_nis: str, uploader, text: str) -> CensusList:
    """Replace a municipality's list of residents entitled to sign (CSV: national_number, birth_date, postcode, and
    where the extract has them name, address for the letters, document_number). Only keyed hashes and sealed
    addresses are stored; a wrong line refuses the whole file, naming the line."""
    require_perm(uploader, "accounts.upload_census", None)
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    header = [name.strip().lower() for name in next(reader, [])]
    if header[:3] != ["national_number", "birth_date", "postcode"] or not set(header[3:]) <= {*OPTIONAL_CENSUS_COLUMNS}:
        raise ValidationError(
            _(
                "Line 1: the columns must be national_number, birth_date, postcode, then optionally name, address "
                "and document_number."
            ),
            code="census_columns",
        )
    optional = {name: 3 + index for index, name in enumerate(header[3:])}
    entries, seen = [], set()
    for row in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        cells = [*(cell.strip() for cell in row), *([""] * len(header))][: len(header)]
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
            extra = {name: cells[index] for name, index in optional.items()}
            # The address column holds the letter's lines separated by "|": "Rue Haute 100|1000 Bruxelles".
            address = [line.strip() for line in (extra.get("name", ""), *extra.get("address", "").split("|"))]
            entries.append(
                CensusEntry(
                    digest=digest,
                    postcode=cells[2],
                    sealed_address=seal_address(digits, born, [line for line in address if line])
                    if extra.get("address")
                    else "",
                    document_digest=document_digest(digest, extra["document_number"])
                    if extra.get("document_number")
                    else "",
                )
            )
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
    """Verified by a method still accepted, and not expired."""
    verification = getattr(user, "verification", None) if user.is_authenticated else None
    return (
        verification is not None
        and verification.method in Verification.ACCEPTED_METHODS
        and verification.expires_at > (on or clock.now())
    )


def methods_meeting(method: str) -> frozenset:
    """The verification methods a vote's or an initiative kind's rule accepts: "census" is the register (by letter
    or identity card), "eid" the eID or itsme, "" or "any" every method still accepted."""
    return {
        "census": Verification.REGISTER_METHODS,
        "eid": frozenset({Verification.Method.EID}),
    }.get(method, Verification.ACCEPTED_METHODS)


def record_verification(
    *, user, digest: str, method: str, municipality_nis: str, born_on: date | None, client: str | None = None
) -> Verification:
    """Mark the account as this person's, once the method has proved it. An account verified as one person stays
    that person's (a renewal keeps it); if the person has verified another account, nothing changes here: a transfer
    request waits for an administrator, and the message says so (the person has just proved who they are)."""
    now = clock.now()
    fields = {"digest": digest, "method": method, "municipality_nis": municipality_nis, "born_on": born_on}
    current = Verification.objects.filter(user=user).first()
    if current is not None and current.digest != digest:
        raise refuse(user=user, method=method, reason="other_identity", digest=digest, client=client)
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
        log_attempt(user=user, method=method, reason="verified_elsewhere", digest=digest, client=client)
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
        raise refuse(user=user, method=method, reason="verified_elsewhere", digest=digest, client=client) from None
    log_attempt(user=user, method=method, digest=digest, client=client)
    return verification


def checked_or_refused(*, user, method: str, national_number: str, born_on: date | None, client) -> tuple[str, date]:
    try:
        return checked_national_number(national_number, born_on)
    except ValidationError as error:
        raise refuse(user=user, method=method, reason=error.code, client=client) from None


def verify_with_document(
    *, user, national_number: str, born_on: date, document_number: str, client: str | None = None
) -> Verification:
    """The register's extract carries the identity card's number: number, birth date and card together verify."""
    require_perm(user, "accounts.verify", None)
    method = Verification.Method.DOCUMENT
    digits, born = checked_or_refused(
        user=user, method=method, national_number=national_number, born_on=born_on, client=client
    )
    digest = person_digest(digits, born)
    entry = (
        CensusEntry.objects.filter(digest=digest, document_digest=document_digest(digest, document_number))
        .exclude(document_digest="")
        .select_related("census")
        .first()
    )
    if entry is None:
        raise refuse(user=user, method=method, reason="no_match", digest=digest, client=client)
    return record_verification(
        user=user,
        digest=digest,
        method=method,
        municipality_nis=entry.census.municipality_nis,
        born_on=born,
        client=client,
    )


def decide_transfer(*, transfer: VerificationTransfer, administrator, approve: bool, note: str = "") -> None:
    """Move a verification to the account that asked for it, or refuse; the transfer row is the log."""
    require_perm(administrator, "accounts.decide_transfer", transfer)
    with transaction.atomic():
        transfer = VerificationTransfer.objects.select_for_update().get(pk=transfer.pk)
        if transfer.status != VerificationTransfer.Status.PENDING:
            raise ValidationError(_("This request has already been decided."), code="decided")
        if approve:
            held = Verification.objects.filter(user=transfer.to_user).exclude(digest=transfer.digest).exists()
            if held:  # a verified identity is sticky: this account already stands for someone else
                raise ValidationError(
                    _("The account asking for this verification is verified as another person."), code="other_identity"
                )
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


def verify_with_eid(
    *, user, national_number: str, born_on: date | None = None, client: str | None = None
) -> Verification:
    """The eID (or itsme) proved who the person is, through the OpenID Connect provider; the census lists say
    where they are entitled to sign. Identity alone verifies the account without a municipality."""
    require_perm(user, "accounts.verify", None)
    digits, born = checked_or_refused(
        user=user, method=Verification.Method.EID, national_number=national_number, born_on=born_on, client=client
    )
    digest = person_digest(digits, born)
    entry = CensusEntry.objects.filter(digest=digest).select_related("census").first()
    return record_verification(
        user=user,
        digest=digest,
        method=Verification.Method.EID,
        municipality_nis=entry.census.municipality_nis if entry else "",
        born_on=born,
        client=client,
    )


def vote_pseudonym(digest: str, vote: str) -> str:
    """The person's key in one vote ("shortlist:12", "budget:3"): the same person gets the same key whatever their
    account, so they vote once, but keys of different votes cannot be linked to each other or to the person."""
    message = f"{vote}|{digest}".encode()
    return hmac.new(settings.SAMEN_VERIFICATION_KEY.encode(), message, hashlib.sha256).hexdigest()
