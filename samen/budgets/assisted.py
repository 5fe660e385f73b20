"""Budget ballots in assisted participation (samen/assisted/registry.py): which ballots a facilitator can enter now,
how the audit names an entered ballot, and a resident taking theirs over."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samen.assisted import services as assisted
from samen.assisted.models import Action
from samen.assisted.registry import AssistedKind, Opening
from samen.budgets.models import Budget, BudgetBallot


def openings(facilitator) -> list[Opening]:
    budgets = Budget.objects.filter(process__status="published").select_related("process").order_by("process__pk")
    return [
        Opening(str(budget.process.title), reverse("budgets:assisted_ballot", args=[budget.process.slug]))
        for budget in budgets
        if facilitator.has_perm("budgets.enter_assisted_ballots", budget.process)
    ]


def describe(consents) -> dict[int, tuple[str, str]]:
    ballots = BudgetBallot.objects.filter(consent__in=consents).select_related("budget__process")
    return {
        ballot.consent_id: (
            _("Ballot in “%(process)s”") % {"process": ballot.budget.process.title},
            reverse("budgets:ballot", args=[ballot.budget.process.slug]),
        )
        for ballot in ballots
    }


def take_over(consents, user) -> tuple[list[int], list[str]]:
    """The ballot becomes the account's, so that the resident changes it online until the ballot closes; an account
    that already has a ballot in that budget (cast before it was verified) keeps it, and the clash is reported."""
    rows = BudgetBallot.objects.filter(consent__in=consents).select_related("budget__process")
    return assisted.hand_over(
        rows,
        user,
        clash=lambda ballot: (
            _(
                "Your ballot in “%(process)s” stays as the facilitator entered it: this account already "
                "has a ballot there."
            )
            % {"process": ballot.budget.process.title}
        ),
    )


KIND = AssistedKind(
    action=Action.BUDGET_BALLOT,
    label=gettext_lazy("Budget ballots"),
    openings=openings,
    describe=describe,
    take_over=take_over,
)
