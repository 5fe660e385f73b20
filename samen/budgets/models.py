"""Participatory budgets: costed proposals, the City's feasibility review, a budget ballot, its count and the
follow-up of the funded projects.

One `Budget` per process; amounts are whole euros (a neighbourhood budget is not split into cents).
"""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from translated_fields import TranslatedField

from samen.common.geography import neighbourhood_choices, neighbourhoods
from samen.common.translation import official_fallback, official_field_errors

MAX_AMOUNT = 100_000_000  # euros: above any Brussels budget, below what a typo would give


def draw_lottery_seed() -> str:
    """A seed nobody chose, drawn when the budget is created and public from then on."""
    return secrets.token_hex(8)


class Budget(models.Model):
    """The money, the kind of ballot, the counting rule and its tie-break, announced before the ballot opens."""

    class BallotKind(models.TextChoices):
        KNAPSACK = "knapsack", _("Choose projects up to the budget")
        APPROVAL = "approval", _("Choose up to a number of projects")

    class Rule(models.TextChoices):
        EQUAL_SHARES = "mes-add1-greedy", _("Method of Equal Shares (with completion)")
        GREEDY = "greedy", _("Most votes first (greedy)")

    process = models.OneToOneField("processes.Process", on_delete=models.CASCADE, related_name="budget")
    amount = models.PositiveIntegerField(_("budget (euros)"))
    ballot_kind = models.CharField(_("ballot"), max_length=10, choices=BallotKind.choices, default=BallotKind.KNAPSACK)
    max_projects = models.PositiveSmallIntegerField(
        _("projects per ballot"), default=5, help_text=_("For a ballot with a number of projects.")
    )
    rule = models.CharField(_("counting rule"), max_length=20, choices=Rule.choices, default=Rule.EQUAL_SHARES)

    class TieBreak(models.TextChoices):  # the steps of algorithms/ties.py
        COST_THEN_LOTTERY = "cost,lottery", _("Lowest cost, then a public lottery")
        LOTTERY = "lottery", _("A public lottery")

    tie_break = models.CharField(
        _("tie-break"), max_length=20, choices=TieBreak.choices, default=TieBreak.COST_THEN_LOTTERY
    )
    lottery_seed = models.CharField(
        _("lottery seed"),
        max_length=200,
        default=draw_lottery_seed,
        help_text=_("Drawn at random when the budget is created; or announce your own, for example a public draw's."),
    )

    class Meta:
        verbose_name = _("participatory budget")
        verbose_name_plural = _("participatory budgets")
        constraints = [
            models.CheckConstraint(
                name="budget_amount_is_sensible",
                condition=Q(amount__gte=1, amount__lte=MAX_AMOUNT, max_projects__gte=1),
                violation_error_message=_("A budget is between 1 euro and 100 million euros."),
            )
        ]

    def __str__(self):
        return str(self.process)


class Proposal(models.Model):
    """A costed project proposed by a resident or an association; City services confirm its cost and feasibility."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Waiting for the feasibility review")
        FEASIBLE = "feasible", _("Feasible: on the ballot")
        NOT_FEASIBLE = "not_feasible", _("Not feasible")

    budget = models.ForeignKey(Budget, on_delete=models.CASCADE, related_name="proposals")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="proposals"
    )
    association = models.CharField(_("on behalf of an association (optional)"), max_length=120, blank=True)
    title = TranslatedField(models.CharField(_("title"), max_length=140, blank=True), attrgetter=official_fallback)
    description = TranslatedField(
        models.TextField(_("description"), max_length=5000, blank=True), attrgetter=official_fallback
    )
    neighbourhood_code = models.PositiveSmallIntegerField(
        _("neighbourhood"), choices=neighbourhood_choices, null=True, blank=True
    )
    estimated_cost = models.PositiveIntegerField(_("estimated cost (euros)"))
    cost = models.PositiveIntegerField(_("cost confirmed by the City (euros)"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.SUBMITTED)
    review_reason = TranslatedField(
        models.TextField(_("the City's public reason"), max_length=2000, blank=True), attrgetter=official_fallback
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("project proposal")
        verbose_name_plural = _("project proposals")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                name="proposal_cost_is_sensible",
                condition=Q(estimated_cost__gte=1, estimated_cost__lte=MAX_AMOUNT)
                & (Q(cost__isnull=True) | Q(cost__gte=1, cost__lte=MAX_AMOUNT)),
                violation_error_message=_("A cost is between 1 euro and 100 million euros."),
            ),
            models.CheckConstraint(
                name="feasible_proposal_has_a_cost",
                condition=~Q(status="feasible") | Q(cost__isnull=False),
                violation_error_message=_("A feasible proposal has a confirmed cost."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("budgets:proposal", kwargs={"slug": self.budget.process.slug, "pk": self.pk})

    def clean(self):
        errors = {}
        if self.status == self.Status.FEASIBLE:  # on the ballot: an official text in both languages
            errors |= official_field_errors(self, "title", required=True)
            errors |= official_field_errors(self, "description", required=True)
        if self.status == self.Status.NOT_FEASIBLE:
            errors |= official_field_errors(self, "review_reason", required=True)
        if errors:
            raise ValidationError(errors)

    @property
    def neighbourhood(self):
        return neighbourhoods().get(self.neighbourhood_code)


class BudgetBallot(models.Model):
    """One person's ballot, changeable until the ballot closes; or a paper ballot typed in by staff (audited); or one
    a facilitator entered with the resident's consent (audited too). Online, on paper or assisted, it keeps the
    person's pseudonym in this vote (never their identity): one ballot per person."""

    budget = models.ForeignKey(Budget, on_delete=models.CASCADE, related_name="ballots")
    voter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="budget_ballots"
    )
    # accounts.verification.vote_pseudonym(person, "budget:<pk>"); NULL for an unverified account (many may vote)
    voter_key = models.CharField(max_length=64, null=True, blank=True, editable=False)  # noqa: DJ001 (NULL: no key)
    proposals = models.ManyToManyField(Proposal, related_name="ballots")
    # A paper ballot: who typed it in, and the number written on the paper sheet.
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    paper_reference = models.CharField(_("paper ballot number"), max_length=40, blank=True)
    # A ballot a facilitator entered for a resident met in person (samen/assisted): the resident's consent.
    consent = models.OneToOneField(
        "assisted.Consent", on_delete=models.PROTECT, null=True, blank=True, related_name="budget_ballot"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["budget", "voter"], name="one_budget_ballot_per_voter"),
            models.UniqueConstraint(
                fields=["budget", "voter_key"],
                condition=Q(voter_key__isnull=False),
                name="one_budget_ballot_per_person",
            ),
            models.UniqueConstraint(
                fields=["budget", "paper_reference"],
                condition=~Q(paper_reference=""),
                name="paper_ballot_entered_once",
            ),
        ]

    def __str__(self):
        return f"Ballot {self.pk}"


class BudgetResult(models.Model):
    """The count made once the ballot has closed: the rule's winners and, side by side, the greedy ones."""

    budget = models.OneToOneField(Budget, on_delete=models.CASCADE, related_name="result")
    outcome = models.JSONField()
    counted_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"Result of {self.budget}"
