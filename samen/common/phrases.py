"""Wording used in more than one place, translated once."""

from django.utils.translation import gettext_lazy as _

phase_closed = _("This is not possible in the current phase of the process. What was posted stays readable.")
outside_region = _("This location is outside the Brussels-Capital Region. Choose a place inside the Region.")
not_allowed = _("You are not allowed to do this.")
