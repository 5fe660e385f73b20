"""Proposals, the City's feasibility review, the budget ballot (with a live total), paper ballots and results."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samen.budgets import queries, services
from samen.budgets.forms import BudgetBallotForm, PaperBallotForm, ProposalForm, ReviewForm
from samen.budgets.models import Budget, Proposal
from samen.common import phrases
from samen.processes.views import get_visible_process

INVALID = 422


def _budget(request, slug) -> Budget:
    process = get_visible_process(request, slug)
    budget = queries.budget_of(process)
    if budget is None:
        raise Http404
    return budget


def _require(request, permission, obj):
    if not request.user.has_perm(permission, obj):
        raise PermissionDenied(phrases.not_allowed)


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
    _require(request, "budgets.propose", budget.process)
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
    _require(request, "budgets.review_proposals", budget.process)
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
    initial = {"projects": [str(p.pk) for p in mine.proposals.all()]} if mine else {}
    form = BudgetBallotForm(request.POST or None, initial=initial, proposals=proposals)
    status = 200
    if request.method == "POST":
        if not request.user.is_authenticated:
            raise PermissionDenied(phrases.not_allowed)
        _require(request, "budgets.cast_ballot", budget.process)
        if form.is_valid():
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
    _require(request, "budgets.enter_paper_ballots", budget.process)
    form = PaperBallotForm(request.POST or None, proposals=queries.feasible_proposals(budget))
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.enter_paper_ballot(
                    budget=budget,
                    staff=request.user,
                    paper_reference=form.cleaned_data["paper_reference"],
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
