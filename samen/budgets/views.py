"""Proposals, the City's feasibility review, the budget ballot (with a live total), paper ballots, results and the
follow-up of the funded projects."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samen.assisted import queries as assisted_queries
from samen.budgets import queries, services
from samen.budgets.forms import AssistedBallotForm, BudgetBallotForm, PaperBallotForm, ProposalForm, ReviewForm
from samen.budgets.models import Budget, Proposal
from samen.common import phrases
from samen.common.http import INVALID, require
from samen.common.money import euros
from samen.processes.models import Process
from samen.processes.views import get_visible_process


def _budget(request, slug) -> Budget:
    process = get_visible_process(request, slug)
    budget = queries.budget_of(process)
    if budget is None:
        raise Http404
    return budget


def budget_page(request, slug):
    budget = _budget(request, slug)
    context = {
        "budget": budget,
        "process": budget.process,
        "proposals": queries.proposals_of(budget, viewer=request.user),
    }
    return render(request, "budgets/budget.html", context)


@login_required
def propose(request, slug):
    budget = _budget(request, slug)
    require(request, "budgets.propose", budget.process)
    form = ProposalForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                proposal = services.submit_proposal(
                    budget=budget,
                    author=request.user,
                    title=form.texts("title"),
                    description=form.texts("description"),
                    estimated_cost=form.cleaned_data["estimated_cost"],
                    neighbourhood_code=form.cleaned_data["neighbourhood_code"],
                    association=form.cleaned_data["association"],
                )
                messages.success(request, _("Your proposal is in. City services will check its cost and feasibility."))
                return redirect(proposal)
            except ValidationError as refusal:
                form.add_error(None, refusal)
        status = INVALID
    return render(
        request, "budgets/propose.html", {"budget": budget, "process": budget.process, "form": form}, status=status
    )


def proposal_page(request, slug, pk):
    budget = _budget(request, slug)
    proposal = get_object_or_404(Proposal, pk=pk, budget=budget)
    return render(request, "budgets/proposal.html", {"budget": budget, "process": budget.process, "proposal": proposal})


@login_required
def review(request, slug, pk):
    budget = _budget(request, slug)
    require(request, "budgets.review_proposals", budget.process)
    proposal = get_object_or_404(Proposal, pk=pk, budget=budget)
    form = ReviewForm(request.POST or None, proposal=proposal)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.review_proposal(
                    proposal=proposal,
                    reviewer=request.user,
                    feasible=form.cleaned_data["feasible"],
                    cost=form.cleaned_data["cost"],
                    reason=form.texts("review_reason"),
                    title=form.texts("title"),
                    description=form.texts("description"),
                )
                messages.success(request, _("The review is published."))
                return redirect(proposal)
            except ValidationError as refusal:
                form.add_error(None, refusal)
                proposal.refresh_from_db()
        status = INVALID
    context = {"budget": budget, "process": budget.process, "proposal": proposal, "form": form}
    return render(request, "budgets/review.html", context, status=status)


def _ballot_context(budget, form, *, chosen_ids):
    proposals = queries.feasible_proposals(budget)
    chosen = [p for p in proposals if p.pk in chosen_ids]
    spent = sum(p.cost for p in chosen)
    return {
        "budget": budget,
        "process": budget.process,
        "proposals": proposals,
        "form": form,
        "spent": spent,
        "left": budget.amount - spent,
        "over": spent > budget.amount
        if budget.ballot_kind == Budget.BallotKind.KNAPSACK
        else len(chosen) > budget.max_projects,
        "chosen_count": len(chosen),
    }


def _chosen(form) -> set[int]:
    values = form.data.getlist("projects") if hasattr(form.data, "getlist") else []
    return {int(value) for value in values if value.isdigit()}


def ballot(request, slug):
    """The ballot; during the ballot phase a signed-in resident casts or changes it here, without JavaScript too."""
    budget = _budget(request, slug)
    proposals = queries.feasible_proposals(budget)
    mine = queries.ballot_of(budget, request.user)
    # A ballot a facilitator entered for this person, not yet taken over: the page links the take-over instead.
    entered = None
    if mine is None and request.user.is_authenticated:
        entered = assisted_queries.waiting_to_be_taken_over(
            budget.ballots.all(), request.user, vote=f"budget:{budget.pk}"
        )
    initial = {"projects": [str(p.pk) for p in mine.proposals.all()]} if mine else {}
    form = BudgetBallotForm(request.POST or None, initial=initial, proposals=proposals)
    status = 200
    if request.method == "POST":
        if not request.user.is_authenticated:
            raise PermissionDenied(phrases.not_allowed)
        require(request, "budgets.cast_ballot", budget.process)
        # With a ballot waiting to be taken over, the service would refuse: the page says why, and links the take-over.
        if entered is None and form.is_valid():
            try:
                services.cast_budget_ballot(budget=budget, voter=request.user, proposal_ids=form.proposal_ids())
                messages.success(request, _("Your ballot is saved. You can change it until the vote ends."))
                return redirect("budgets:ballot", slug=slug)
            except ValidationError as refusal:
                form.add_error(None, refusal)
        status = INVALID
    chosen = _chosen(form) if request.method == "POST" else {int(v) for v in initial.get("projects", [])}
    context = _ballot_context(budget, form, chosen_ids=chosen) | {
        "mine": mine,
        "entered": entered,
        "can_vote": request.user.has_perm("budgets.cast_ballot", budget.process),
    }
    return render(request, "budgets/ballot.html", context, status=status)


@require_POST
def ballot_total(request, slug):
    """htmx: what the ticked projects cost and what is left, recomputed on every change."""
    budget = _budget(request, slug)
    form = BudgetBallotForm(request.POST, proposals=queries.feasible_proposals(budget))
    return render(request, "budgets/ballot.html#total", _ballot_context(budget, form, chosen_ids=_chosen(form)))


@login_required
def paper_ballot(request, slug):
    budget = _budget(request, slug)
    require(request, "budgets.enter_paper_ballots", budget.process)
    form = PaperBallotForm(request.POST or None, proposals=queries.feasible_proposals(budget))
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.enter_paper_ballot(
                    budget=budget,
                    staff=request.user,
                    paper_reference=form.cleaned_data["paper_reference"],
                    national_number=form.cleaned_data["national_number"],
                    born_on=form.cleaned_data["born_on"],
                    proposal_ids=form.proposal_ids(),
                )
                messages.success(
                    request,
                    _("Paper ballot %(reference)s is entered.") % {"reference": form.cleaned_data["paper_reference"]},
                )
                return redirect("budgets:paper_ballot", slug=slug)
            except ValidationError as refusal:
                form.add_error(None, refusal)
        status = INVALID
    context = _ballot_context(budget, form, chosen_ids=_chosen(form)) | {"entered": queries.paper_ballots(budget)}
    return render(request, "budgets/paper_ballot.html", context, status=status)


def agreement(budget) -> str:
    """The sentence the resident agrees to, in the language of the page the facilitator shows them."""
    return _(
        "The resident agreed that I enter their ballot in “%(process)s” for them, with the projects they chose, and "
        "that it counts as their one ballot."
    ) % {"process": budget.process.title}


@login_required
def assisted_ballot(request, slug):
    """A facilitator enters the ballot of a resident met in person, with their consent (samen/assisted)."""
    budget = _budget(request, slug)
    require(request, "budgets.enter_assisted_ballots", budget.process)
    form = AssistedBallotForm(
        request.POST or None,
        proposals=queries.feasible_proposals(budget),
        agreement=agreement(budget),
        initial={"place": assisted_queries.last_place(request.user)},
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.enter_assisted_ballot(
                    budget=budget, facilitator=request.user, consent=form.given(), proposal_ids=form.proposal_ids()
                )
                messages.success(request, _("The resident's ballot is entered, with their consent."))
                return redirect("budgets:assisted_ballot", slug=slug)
            except ValidationError as refusal:
                form.add_error(None, refusal)
        status = INVALID
    context = _ballot_context(budget, form, chosen_ids=_chosen(form)) | {
        "assisted_count": queries.assisted_ballot_count(budget)
    }
    return render(request, "budgets/assisted_ballot.html", context, status=status)


def _counted(request, slug):
    budget = _budget(request, slug)
    if not request.user.has_perm("budgets.view_result", budget.process):
        raise Http404  # not yet: the result exists once the ballot has closed
    return budget, services.count_budget(budget=budget)


def result(request, slug):
    """The winners with their money, the share of each neighbourhood, the greedy rule beside it, and for a signed-in
    voter how their own share was spent."""
    budget, counted = _counted(request, slug)
    outcome = counted.outcome
    proposals = {str(p.pk): p for p in queries.feasible_proposals(budget)}
    votes = outcome["votes"]
    winners = [{"proposal": proposals[pid], "votes": votes[pid]} for pid in outcome["winners"]]
    shares: dict[str, int] = {}
    for row in winners:
        neighbourhood = row["proposal"].neighbourhood
        name = neighbourhood.name if neighbourhood else _("Whole area")
        shares[name] = shares.get(name, 0) + row["proposal"].cost
    comparison = [
        {
            "proposal": proposals[pid],
            "votes": votes[pid],
            "ours": pid in outcome["winners"],
            "greedy": pid in outcome["greedy"]["winners"],
        }
        for pid in sorted(proposals, key=lambda pid: -votes[pid])
    ]
    context = {
        "budget": budget,
        "process": budget.process,
        "outcome": outcome,
        "winners": winners,
        "shares": [{"name": name, "amount": amount} for name, amount in sorted(shares.items(), key=lambda s: -s[1])],
        "comparison": comparison,
        "explanation": _explanation(budget, request.user, proposals),
        "ties": _decided_ties(outcome, proposals),
        "unverified": phrases.unverified_count(queries.online_ballot_count(budget))
        if budget.process.voters == Process.Voters.SIGNED_IN
        else "",
    }
    return render(request, "budgets/result.html", context)


def _decided_ties(outcome, proposals) -> list[str]:
    """The ties the announced order decided (a tied project left unfunded), in sentences; older counts kept none."""
    lines = []
    for tie in outcome.get("ties", []):
        if not tie["decisive"]:
            continue
        first, *others = (f"“{proposals[pid].title}”" for pid in tie["projects"])
        params = {"first": first, "others": ", ".join(others)}
        if tie["method"] == "cost":
            text = _("%(first)s and %(others)s were tied: %(first)s went first because it costs less.")
        elif len({proposals[pid].cost for pid in tie["projects"]}) == 1:
            text = _("%(first)s and %(others)s were tied and cost the same: the public lottery put %(first)s first.")
        else:
            text = _("%(first)s and %(others)s were tied: the public lottery put %(first)s first.")
        lines.append(text % params)
    return lines


def _explanation(budget, viewer, proposals) -> list[str]:
    """The signed-in voter's own explanation, in sentences."""
    ballot = queries.ballot_of(budget, viewer)
    explained = services.explain_ballot(budget, ballot) if ballot else None
    if explained is None:
        return []

    def title(project_id):
        return proposals[project_id].title

    lines = []
    if explained.share is not None:
        lines.append(_("Your share of the budget: %(share)s.") % {"share": euros(explained.share)})
    for payment in explained.payments:
        lines.append(
            _("You paid %(amount)s towards “%(title)s” (%(cost)s in all).")
            % {"amount": euros(payment.amount), "title": title(payment.project), "cost": euros(payment.cost)}
        )
    for project_id in explained.by_greedy:
        lines.append(
            _("“%(title)s” was funded from the money left at the end, by its number of votes.")
            % {"title": title(project_id)}
        )
    for unfunded in explained.unfunded:
        if unfunded.supporters_left is not None:
            lines.append(
                _("“%(title)s” (%(cost)s) was not funded: its supporters had only %(left)s left together.")
                % {
                    "title": title(unfunded.project),
                    "cost": euros(unfunded.cost),
                    "left": euros(unfunded.supporters_left),
                }
            )
        else:
            lines.append(
                _("“%(title)s” (%(cost)s) was not funded: when its turn came, only %(left)s of the budget was left.")
                % {"title": title(unfunded.project), "cost": euros(unfunded.cost), "left": euros(unfunded.left_at_turn)}
            )
    if explained.left is not None:
        lines.append(_("Left unspent from your share: %(left)s.") % {"left": euros(explained.left)})
    return lines


def export(request, slug):
    """The anonymous ballots and the projects in the pabulib format, from which `samen pb` and pabutools recount."""
    budget, _counted_result = _counted(request, slug)
    response = HttpResponse(services.pabulib_export(budget), content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{budget.process.slug}.pb"'
    return response
