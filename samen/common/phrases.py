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
