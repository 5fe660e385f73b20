"""Assisted participation's personal data: the consents a facilitator recorded (their staff work), and the consents
recorded for the person an account is verified as. See `samen.common.privacy`.

Erasing a resident's account keeps the audit (who entered what, when, where) but blanks the name they gave."""

from samen.assisted.models import Consent
from samen.common.privacy import when

COVERS = (Consent,)


def _row(consent: Consent) -> dict:
    return {
        "action": consent.action,
        "process": consent.process.slug if consent.process else None,
        "facilitator": consent.facilitator_name,
        "resident_name": consent.resident_name,
        "agreed_to": consent.agreed_to,
        "place": consent.place,
        "given_at": when(consent.given_at),
        "taken_over_at": when(consent.taken_over_at),
    }


def _for_person(user):
    verification = getattr(user, "verification", None)
    if verification is None:
        return Consent.objects.none()
    return Consent.objects.filter(digest=verification.digest)


def export(user) -> dict:
    return {
        "assisted_contributions_for_me": [
            _row(consent) for consent in _for_person(user).select_related("process").order_by("pk")
        ],
        "assisted_staff_work": {
            "consents_recorded": [
                _row(consent)
                for consent in Consent.objects.filter(facilitator=user).select_related("process").order_by("pk")
            ]
        },
    }


def erase(user) -> None:
    _for_person(user).update(resident_name="")
