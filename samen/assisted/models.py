"""Assisted participation (issue 18, point 4): a facilitator enters a contribution for a resident met in person.

The `Consent` is the audit row: who entered what, for whom (the person's keyed hash, never their national number),
what the resident agreed to, when and where. The contribution itself (a budget ballot, a signature) stays in its
own app and points to its consent, so that results count assisted contributions apart."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Action(models.TextChoices):
    BUDGET_BALLOT = "budget_ballot", _("Budget ballot")
    SIGNATURE = "signature", _("Signature of an initiative")
    QUESTIONNAIRE_RESPONSE = "questionnaire_response", _("Questionnaire response")
    IDEA = "idea", _("Idea")
    COMMENT = "comment", _("Comment")
    SUPPORT = "support", _("Support")


class Consent(models.Model):
    """A resident's consent to one contribution entered for them, kept for the audit even when accounts go."""

    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="consents_recorded"
    )
    facilitator_name = models.CharField(_("facilitator"), max_length=60)  # a copy: the audit outlives the account
    # accounts.verification.person_digest(national number, birth date), as in Verification.digest
    digest = models.CharField(max_length=64, db_index=True)
    resident_name = models.CharField(_("resident's name"), max_length=120, blank=True)
    action = models.CharField(_("contribution"), max_length=30, choices=Action.choices)
    agreed_to = models.TextField(_("what the resident agreed to"), max_length=1000)
    place = models.CharField(_("place"), max_length=200)
    given_at = models.DateTimeField(_("consent given at"))
    # The process the contribution belongs to (none for an initiative); the audit row outlives a deleted process.
    process = models.ForeignKey(
        "processes.Process", on_delete=models.SET_NULL, null=True, blank=True, related_name="consents"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    taken_over_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    taken_over_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("consent to an assisted contribution")
        verbose_name_plural = _("consents to assisted contributions")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                name="consent_says_what_and_where",
                condition=~Q(agreed_to="") & ~Q(place="") & ~Q(digest=""),
                violation_error_message=_("A consent says what the resident agreed to, and where."),
            )
        ]

    def __str__(self):
        return f"{self.get_action_display()} {self.pseudonym}"

    @property
    def pseudonym(self) -> str:
        """A short, stable reference to the person for the audit (never their national number)."""
        return self.digest[:8]
