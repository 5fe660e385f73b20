"""Wording used in more than one place, translated once."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

phase_closed = _("This is not possible in the current phase of the process. What was posted stays readable.")
outside_region = _("This location is outside the Brussels-Capital Region. Choose a place inside the Region.")
not_allowed = _("You are not allowed to do this.")


def unverified_count(accounts: int) -> str:
    """Said under a count open to any signed-in account: nothing stopped one person from voting with several."""
    return ngettext(
        "%(count)s account voted; accounts were not verified, so one person may have voted more than once.",
        "%(count)s accounts voted; accounts were not verified, so one person may have voted more than once.",
        accounts,
    ) % {"count": accounts}


# Why someone may not take part (`accounts/eligibility.py` gives the code; each kind of taking part its words).


def not_eligible_to_vote(code: str, *, method: str, age: int) -> str:
    """A ballot or a budget ballot. `method`: the verification asked for, in words."""
    return str(
        {
            "not_verified": lambda: _("This vote is for verified residents: verify your account first."),
            "verification_method": lambda: _("This vote asks for a verification with %(method)s.") % {"method": method},
            "not_resident": lambda: _("This vote is for residents of the municipality where it takes place."),
            "too_young": lambda: _("This vote is for residents aged %(age)s or more.") % {"age": age},
        }[code]()
    )


def not_eligible_to_support(code: str, *, method: str, age: int) -> str:
    """A support of an idea, in a process whose supports count its residents as its votes do."""
    return str(
        {
            "not_verified": lambda: _("Supports here count verified residents: verify your account to support."),
            "verification_method": lambda: (
                _("Supports here ask for a verification with %(method)s.") % {"method": method}
            ),
            "not_resident": lambda: _(
                "Supports here count residents of the municipality where the process takes place."
            ),
            "too_young": lambda: _("Supports here count residents aged %(age)s or more.") % {"age": age},
        }[code]()
    )


def not_eligible_to_sign(code: str, *, method: str, municipality: str, age: int) -> str:
    """A signature under a citizens' initiative."""
    return str(
        {
            "not_verified": lambda: _("Verify that you are a resident before you sign."),
            "verification_method": lambda: (
                _("This initiative asks for a verification with %(method)s.") % {"method": method}
            ),
            "not_resident": lambda: (
                _("Only residents of %(municipality)s can sign this initiative.") % {"municipality": municipality}
            ),
            "too_young": lambda: _("You must be at least %(age)s to sign this initiative.") % {"age": age},
        }[code]()
    )


def not_eligible_to_start(municipality: str | None) -> str:
    """Starting an initiative, or joining its committee: a verified resident (of the kind's municipality)."""
    if municipality is None:
        return str(_("Only a verified resident can start an initiative."))
    return _("Only a verified resident of %(municipality)s can start an initiative here.") % {
        "municipality": municipality
    }
