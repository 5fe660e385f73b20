"""My participation: the projects I proposed and what the City decided, my budget ballots and, once counted, the
result explained to me. See common/participation.py."""

from django.urls import reverse
from django.utils.translation import gettext as _

from samen.budgets.models import BudgetBallot, Proposal
from samen.common.participation import Entry, Section
from samen.processes.phases import BUDGET_BALLOT
from samen.processes.queries import open_until


def _ballot_entry(ballot: BudgetBallot) -> Entry:
    process = ballot.budget.process
    until = open_until(process, BUDGET_BALLOT)
    counted = hasattr(ballot.budget, "result")  # joined with the ballot: no query per ballot
    if until:
        status, next_step = _("Your ballot counts as it stands now."), _("You can change your choice")
    elif counted:
        status, next_step = _("The ballot is counted: the result page explains what your share paid for."), ""
    else:
        status, next_step = _("The ballot has closed; the count comes next."), ""
    chosen = ", ".join(str(proposal.title) for proposal in ballot.proposals.all())
    page = "budgets:result" if counted and not until else "budgets:ballot"
    return Entry(
        title=process.title,
        url=reverse(page, args=[process.slug]),
        status=status,
        detail=_("You chose: %(projects)s") % {"projects": chosen or _("nothing")},
        next_step=next_step,
        until=until,
    )


def sections(user) -> list[Section]:
    proposals = Proposal.objects.filter(author=user).select_related("budget__process").order_by("-created_at", "-pk")
    ballots = (
        BudgetBallot.objects.filter(voter=user)
        .select_related("budget__process", "budget__result")
        .prefetch_related("budget__process__phases", "proposals")
        .order_by("-updated_at", "-pk")
    )
    return [
        Section(
            _("Projects I proposed"),
            [
                Entry(
                    title=str(proposal.title),
                    url=proposal.get_absolute_url(),
                    status=": ".join(filter(None, [proposal.get_status_display(), str(proposal.review_reason)])),
                )
                for proposal in proposals
            ],
        ),
        Section(_("Budgets I voted in"), [_ballot_entry(ballot) for ballot in ballots]),
    ]
