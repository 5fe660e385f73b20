"""Who may vote in a process that asks for verified residents: verified, by the right method, living in the
process's municipality, and old enough. The answer is the reason someone may not, in words, or None."""

from django.utils.translation import gettext as _

from samen.accounts.verification import is_verified
from samen.algorithms.initiatives import age_on
from samen.processes import clock


def municipality_of(process) -> str:
    if process.municipality_nis:
        return process.municipality_nis
    neighbourhood = process.neighbourhood
    return neighbourhood.municipality_nis if neighbourhood else ""


def why_not_eligible(process, user) -> str | None:
    if not process.voters:
        return None
    if not is_verified(user):
        return _("This vote is for verified residents: verify your account first.")
    verification = user.verification
    if process.voters != process.Voters.VERIFIED and verification.method != process.voters:
        return _("This vote asks for a verification with %(method)s.") % {"method": process.get_voters_display()}
    place = municipality_of(process)
    if place and verification.municipality_nis != place:
        return _("This vote is for residents of the municipality where it takes place.")
    born = verification.born_on
    if process.minimum_age and (born is None or age_on(born, clock.today()) < process.minimum_age):
        return _("This vote is for residents aged %(age)s or more.") % {"age": process.minimum_age}
    return None
