"""Verification by post: a resident found on the register asks for a letter, staff print the day's letters, the
code on the letter verifies the account. Holding the letter proves holding the register's address, which the
national number alone does not.

The code is made when the letter is printed and stored only as a keyed hash; the address is read from the sealed
census entry with the number the resident typed, and erased from the letter's row once printed.
"""

import hmac
import secrets
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction

from samen.accounts.models import CensusEntry, Verification, VerificationLetter
from samen.accounts.verification import (
    checked_or_refused,
    keyed,
    log_attempt,
    person_digest,
    record_verification,
    refuse,
    unseal_address,
)
from samen.common import clock
from samen.common.services import require_perm

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread on paper
CODE_LENGTH = 10
MAX_FAILURES = 5  # then the letter is blocked and a new one must be asked for
BATCH = 500  # letters printed at once


@dataclass(frozen=True)
class PrintedLetter:
    letter: VerificationLetter
    code: str
    address: tuple[str, ...]


def _code_digest(letter_id: int, code: str) -> str:
    return keyed(f"letter|{letter_id}|{normalise_code(code)}").hex()


def normalise_code(text: str) -> str:
    return "".join(character for character in text.upper() if character.isalnum())


def open_letter(user) -> VerificationLetter | None:
    """The account's letter on its way, after closing those whose code has expired."""
    now = clock.now()
    VerificationLetter.objects.filter(user=user, status=VerificationLetter.Status.SENT, expires_at__lte=now).update(
        status=VerificationLetter.Status.CLOSED
    )
    return VerificationLetter.objects.filter(user=user, status__in=VerificationLetter.OPEN).first()


def request_letter(*, user, national_number: str, born_on: date, client: str | None = None) -> VerificationLetter:
    """Ask for a code by post at the register's address. One letter on its way per account and per person; refusals
    read like every other verification refusal."""
    require_perm(user, "accounts.verify", None)
    method = Verification.Method.LETTER
    digits, born = checked_or_refused(
        user=user, method=method, national_number=national_number, born_on=born_on, client=client
    )
    digest = person_digest(digits, born)
    current = Verification.objects.filter(user=user).first()
    if current is not None and current.digest != digest:
        raise refuse(user=user, method=method, reason="other_identity", digest=digest, client=client)
    VerificationLetter.objects.filter(
        digest=digest, status=VerificationLetter.Status.SENT, expires_at__lte=clock.now()
    ).update(status=VerificationLetter.Status.CLOSED)
    entry = CensusEntry.objects.filter(digest=digest).exclude(sealed_address="").select_related("census").first()
    address = unseal_address(entry.sealed_address, digits, born) if entry else None
    if not address:
        raise refuse(user=user, method=method, reason="no_address", digest=digest, client=client)
    try:
        with transaction.atomic():
            letter = VerificationLetter.objects.create(
                user=user,
                digest=digest,
                municipality_nis=entry.census.municipality_nis,
                born_on=born,
                postcode=entry.postcode,
                address="\n".join(address),
                requested_at=clock.now(),
            )
    except IntegrityError:  # a letter is already on its way to this person, or for this account
        raise refuse(user=user, method=method, reason="letter_open", digest=digest, client=client) from None
    log_attempt(user=user, method=method, reason="", digest=digest, client=client)
    return letter


def letters_waiting(municipality_nis: str = ""):
    letters = VerificationLetter.objects.filter(status=VerificationLetter.Status.REQUESTED)
    return letters.filter(municipality_nis=municipality_nis) if municipality_nis else letters


def print_letters(*, staff, municipality_nis: str = "") -> list[PrintedLetter]:
    """Make the codes of the letters waiting (oldest first, BATCH at most) and hand them over once, for printing:
    only their keyed hashes stay, and each letter's address is erased."""
    require_perm(staff, "accounts.print_letters", None)
    now = clock.now()
    printed = []
    with transaction.atomic():
        waiting = letters_waiting(municipality_nis).select_for_update().order_by("requested_at", "pk")[:BATCH]
        for letter in waiting:
            code = "".join(secrets.choice(CODE_ALPHABET) for _position in range(CODE_LENGTH))
            printed.append(PrintedLetter(letter, f"{code[:5]}-{code[5:]}", tuple(letter.address.splitlines())))
            letter.code_digest = _code_digest(letter.pk, code)
            letter.status = VerificationLetter.Status.SENT
            letter.printed_at, letter.printed_by = now, staff
            letter.expires_at = now + timedelta(days=settings.SAMEN_LETTER_DAYS)
            letter.address = ""
            letter.save(update_fields=["code_digest", "status", "printed_at", "printed_by", "expires_at", "address"])
    return printed


def verify_with_letter(*, user, code: str, client: str | None = None) -> Verification:
    """The code from the letter verifies the account it was asked for, once, before it expires; MAX_FAILURES wrong
    codes block the letter."""
    require_perm(user, "accounts.verify", None)
    method = Verification.Method.LETTER
    with transaction.atomic():
        letter = open_letter(user)
        if letter is not None:
            letter = VerificationLetter.objects.select_for_update().get(pk=letter.pk)
        if letter is None or letter.status != VerificationLetter.Status.SENT:
            reason = "no_letter"
        elif not hmac.compare_digest(letter.code_digest, _code_digest(letter.pk, code)):
            letter.failures += 1
            if letter.failures >= MAX_FAILURES:
                letter.status = VerificationLetter.Status.CLOSED
            letter.save(update_fields=["failures", "status"])
            reason = "wrong_code"
        else:
            letter.status = VerificationLetter.Status.USED
            letter.save(update_fields=["status"])
            reason = ""
    if reason:
        raise refuse(user=user, method=method, reason=reason, digest=letter.digest if letter else "", client=client)
    return record_verification(
        user=user,
        digest=letter.digest,
        method=method,
        municipality_nis=letter.municipality_nis,
        born_on=letter.born_on,
        client=client,
    )
