"""The account's own personal data: the account, its e-mail addresses and second factors, the verification, its
letters, attempts and transfers, the census rows that list the person, and what a staff member did here (census
uploads, admin log). See `samen.common.privacy`."""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.admin.models import LogEntry
from django.db.models import Q

from samen.accounts.models import (
    CensusEntry,
    CensusList,
    User,
    Verification,
    VerificationAttempt,
    VerificationLetter,
    VerificationTransfer,
)
from samen.common.privacy import when

COVERS = (
    User,
    EmailAddress,
    Authenticator,
    LogEntry,
    CensusList,
    CensusEntry,
    Verification,
    VerificationAttempt,
    VerificationLetter,
    VerificationTransfer,
)


def export(user: User) -> dict:
    verification = Verification.objects.filter(user=user).first()
    return {
        "account": {
            "email": user.email,
            "display_name": user.display_name,
            "home_neighbourhood_code": user.neighbourhood_code,
            "preferred_language": user.preferred_language,
            "role": user.role,
            "joined": when(user.date_joined),
            "last_sign_in": when(user.last_login),
            "email_addresses": list(EmailAddress.objects.filter(user=user).values("email", "verified", "primary")),
            # The kind and dates only: the secrets stay sealed, they are no data about the person.
            "second_factors": [
                {"kind": row["type"], "created_at": when(row["created_at"]), "last_used_at": when(row["last_used_at"])}
                for row in Authenticator.objects.filter(user=user)
                .order_by("pk")
                .values("type", "created_at", "last_used_at")
            ],
        },
        "verification": (
            {
                "method": verification.method,
                "municipality": verification.municipality_nis,
                "born_on": when(verification.born_on),
                "verified_at": when(verification.verified_at),
                "expires_at": when(verification.expires_at),
            }
            if verification
            else None
        ),
        # The municipalities' registers that list the verified person (postcode only: the sealed address and the
        # document's hash are no text anyone can read).
        "census_entries": [
            {"municipality": row["census__municipality_nis"], "postcode": row["postcode"]}
            for row in CensusEntry.objects.filter(digest=verification.digest).values(
                "census__municipality_nis", "postcode"
            )
        ]
        if verification
        else [],
        "verification_letters": [
            {
                "status": letter.status,
                "municipality": letter.municipality_nis,
                "requested_at": when(letter.requested_at),
                "printed_at": when(letter.printed_at),
                "expires_at": when(letter.expires_at),
            }
            for letter in VerificationLetter.objects.filter(user=user).order_by("pk")
        ],
        "verification_attempts": [
            {**row, "at": when(row["at"])}
            for row in VerificationAttempt.objects.filter(user=user)
            .order_by("pk")
            .values("at", "method", "succeeded", "reason", "client")
        ],
        "verification_transfers": [
            {
                "direction": "from this account" if transfer.from_user_id == user.pk else "to this account",
                "method": transfer.method,
                "status": transfer.status,
                "requested_at": when(transfer.requested_at),
                "decided_at": when(transfer.decided_at),
            }
            for transfer in VerificationTransfer.objects.filter(Q(from_user=user) | Q(to_user=user)).order_by("pk")
        ],
        "staff_work": {
            "census_lists_uploaded": [
                {"municipality": row["municipality_nis"], "uploaded_at": when(row["uploaded_at"])}
                for row in CensusList.objects.filter(uploaded_by=user).values("municipality_nis", "uploaded_at")
            ],
            "letters_printed": VerificationLetter.objects.filter(printed_by=user).count(),
            "transfers_decided": list(
                VerificationTransfer.objects.filter(decided_by=user).order_by("pk").values_list("pk", flat=True)
            ),
            "admin_log": [
                {"at": when(entry.action_time), "object": entry.object_repr, "change": entry.get_change_message()}
                for entry in LogEntry.objects.filter(user=user).order_by("pk")
            ],
        },
    }
