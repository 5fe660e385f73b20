"""Who may start and who may sign an initiative of a kind, in words: the rules (rules.py) and the services ask the
same question here, so that a page never offers what the service then refuses, and a refusal says why."""

from django.utils.translation import gettext as _

from samen.accounts.verification import eligibility_gap, is_verified


def why_not_author(kind, user) -> str | None:
    """A verified resident of the kind's municipality starts an initiative; without a kind, any verified resident
    may open the form (they choose the kind there)."""
    if kind is None:
        return None if is_verified(user) else _("Only a verified resident can start an initiative.")
    if eligibility_gap(user, municipality_nis=kind.municipality_nis) is not None:
        return _("Only a verified resident of %(municipality)s can start an initiative here.") % {
            "municipality": kind.municipality.name
        }
    return None


def why_not_signer(kind, user) -> tuple[str, str] | None:
    """(code, reason) when this account may not sign an initiative of this kind: verified, by the kind's method,
    living in its municipality and old enough."""
    gap = eligibility_gap(
        user, method=kind.verification, municipality_nis=kind.municipality_nis, minimum_age=kind.minimum_age
    )
    reasons = {
        "not_verified": lambda: _("Verify that you are a resident before you sign."),
        "verification_method": lambda: (
            _("This initiative asks for a verification with %(method)s.") % {"method": kind.get_verification_display()}
        ),
        "not_resident": lambda: (
            _("Only residents of %(municipality)s can sign this initiative.") % {"municipality": kind.municipality.name}
        ),
        "too_young": lambda: _("You must be at least %(age)s to sign this initiative.") % {"age": kind.minimum_age},
    }
    return (gap, reasons[gap]()) if gap else None
