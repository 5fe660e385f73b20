"""Every write on a participatory budget goes through here: proposals, the feasibility review, ballots, the count
and the follow-up of the funded projects."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from samen.accounts.verification import checked_national_number, person_digest, vote_pseudonym
from samen.algorithms.budgets.election import COST, Ballot, Election, Outcome, Project, Round, exact
from samen.algorithms.budgets.equal_shares import equal_shares
from samen.algorithms.budgets.explain import VoterExplanation, explain_voter
from samen.algorithms.budgets.greedy import greedy
from samen.algorithms.budgets.pabulib import pabulib_text
from samen.algorithms.budgets.tiebreak import announced_order, budget_tie_break, decided_ties, tie_break_meta
from samen.algorithms.ties import TieBreak
from samen.assisted import services as assisted
from samen.assisted.models import Action
from samen.budgets import notifications, queries
from samen.budgets.models import (
    MAX_AMOUNT,
    Budget,
    BudgetBallot,
    BudgetResult,
    Proposal,
    draw_lottery_seed,
)
from samen.common import clock
from samen.common.money import euros
from samen.common.replica import reads_from_primary
from samen.common.services import Texts, claim_ballot, require_perm, translated_columns
from samen.processes.eligibility import lock_voter, voter_key, why_not_eligible_person


def _require_cost(cost, budget: Budget, *, code: str) -> None:
    if not isinstance(cost, int) or not 1 <= cost <= min(budget.amount, MAX_AMOUNT):
        raise ValidationError(
            _("A cost is a whole number of euros between 1 € and the whole budget (%(budget)s).")
            % {"budget": euros(budget.amount)},
            code=code,
        )


def create_budget(
    *,
    process,
    amount: int,
    ballot_kind: str = "knapsack",
    max_projects: int = 5,
    rule: str = "mes-add1-greedy",
    tie_break: str = "cost,lottery",
    lottery_seed: str = "",
) -> Budget:
    """The rules, tie-break and seed included, are set here and shown from now on; without a seed, one is drawn."""
    budget = Budget(
        process=process,
        amount=amount,
        ballot_kind=ballot_kind,
        max_projects=max_projects,
        rule=rule,
        tie_break=tie_break,
        lottery_seed=lottery_seed.strip() or draw_lottery_seed(),
    )
    budget.full_clean()
    budget.save()
    return budget


def submit_proposal(
    *,
    budget: Budget,
    author,
    title: Texts,
    description: Texts,
    estimated_cost: int,
    neighbourhood_code: int | None = None,
    association: str = "",
) -> Proposal:
    """A resident or an association proposes a project in Dutch or French; the City adds the other language."""
    require_perm(author, "budgets.propose", budget.process)
    if not any((title.get(lang) or "").strip() and (description.get(lang) or "").strip() for lang in ("nl", "fr")):
        raise ValidationError(_("Give a title and a description in Dutch or in French."), code="no_official_text")
    _require_cost(estimated_cost, budget, code="absurd_cost")
    proposal = Proposal(
        budget=budget,
        author=author,
        association=association.strip(),
        estimated_cost=estimated_cost,
        neighbourhood_code=neighbourhood_code,
        **translated_columns("title", title),
        **translated_columns("description", description),
    )
    proposal.full_clean()
    proposal.save()
    return proposal


def review_proposal(
    *,
    proposal: Proposal,
    reviewer,
    feasible: bool,
    cost: int | None = None,
    reason: Texts | None = None,
    title: Texts | None = None,
    description: Texts | None = None,
) -> Proposal:
    """City services confirm or adjust the cost and say, publicly and in both languages, whether it is feasible."""
    budget = proposal.budget
    require_perm(reviewer, "budgets.review_proposals", budget.process)
    for name, texts in (("title", title), ("description", description), ("review_reason", reason)):
        for column, text in translated_columns(name, texts).items():
            if text:
                setattr(proposal, column, text)
    if feasible:
        _require_cost(cost, budget, code="absurd_cost")
        proposal.cost = cost
        proposal.status = Proposal.Status.FEASIBLE
    else:
        proposal.cost = None
        proposal.status = Proposal.Status.NOT_FEASIBLE
    proposal.reviewed_by = reviewer
    proposal.reviewed_at = clock.now()
    proposal.full_clean()
    proposal.save()
    return proposal


def _check_choice(budget: Budget, proposal_ids) -> list[Proposal]:
    feasible = {proposal.pk: proposal for proposal in queries.feasible_proposals(budget)}
    chosen = set(proposal_ids)
    if not chosen:
        raise ValidationError(_("Choose at least one project."), code="empty_ballot")
    if chosen - feasible.keys():
        raise ValidationError(_("You can only choose projects on this ballot."), code="not_on_ballot")
    projects = [feasible[pk] for pk in sorted(chosen)]
    if budget.ballot_kind == Budget.BallotKind.KNAPSACK:
        total = sum(project.cost for project in projects)
        if total > budget.amount:
            raise ValidationError(
                _("Your projects cost %(total)s, %(over)s more than the budget of %(budget)s. Remove one or more.")
                % {"total": euros(total), "over": euros(total - budget.amount), "budget": euros(budget.amount)},
                code="over_budget",
            )
    elif len(projects) > budget.max_projects:
        raise ValidationError(
            _("Choose %(count)s projects at most.") % {"count": budget.max_projects}, code="too_many_projects"
        )
    return projects


def cast_budget_ballot(*, budget: Budget, voter, proposal_ids) -> BudgetBallot:
    """Cast or replace the person's one ballot, from whichever of their accounts: unique constraints and a row lock
    keep it one under races. A person whose paper ballot is counted cannot vote online."""
    require_perm(voter, "budgets.cast_ballot", budget.process)
    projects = _check_choice(budget, proposal_ids)
    key = voter_key(voter, f"budget:{budget.pk}")
    with transaction.atomic():
        lock_voter(voter)
        ballot = claim_ballot(BudgetBallot, vote={"budget": budget}, voter=voter, key=key, check=_not_on_paper)
        ballot.proposals.set(projects)
    return ballot


def _not_on_paper(ballot: BudgetBallot) -> None:
    if ballot.paper_reference:
        raise ValidationError(
            _("Your paper ballot has already been counted: you cannot also vote online."), code="voted_on_paper"
        )
    if ballot.consent_id and ballot.voter_id is None:
        raise ValidationError(
            _(
                "A facilitator entered your ballot with you. To change it online, first take it over on "
                "“My participation”."
            ),
            code="voted_with_facilitator",
        )


def enter_paper_ballot(
    *, budget: Budget, staff, paper_reference: str, national_number: str, born_on: date | None, proposal_ids
) -> BudgetBallot:
    """Staff type in a paper ballot with the voter's identity, checked on the census list like a resident's: the row
    keeps who entered it, the sheet's number (which counts once) and the person's pseudonym in this vote, so that a
    person votes once, online or on paper. The national number itself is not kept."""
    require_perm(staff, "budgets.enter_paper_ballots", budget.process)
    projects = _check_choice(budget, proposal_ids)
    reference = paper_reference.strip()
    if not reference:
        raise ValidationError(_("Give the number written on the paper ballot."), code="no_paper_reference")
    digits, born = checked_national_number(national_number, born_on)
    digest = person_digest(digits, born)
    reason = why_not_eligible_person(budget.process, digest=digest, born_on=born)
    if reason:
        raise ValidationError(reason, code="not_eligible")
    key = vote_pseudonym(digest, f"budget:{budget.pk}")
    try:
        with transaction.atomic():
            ballot = BudgetBallot.objects.create(
                budget=budget, entered_by=staff, paper_reference=reference, voter_key=key
            )
            ballot.proposals.set(projects)
    except IntegrityError:
        if BudgetBallot.objects.filter(budget=budget, voter_key=key).exists():
            raise ValidationError(
                _("This person has already voted, online or on paper: this ballot does not count."),
                code="already_voted",
            ) from None
        raise ValidationError(
            _("Paper ballot %(reference)s has already been entered.") % {"reference": reference},
            code="paper_ballot_entered",
        ) from None
    return ballot


def enter_assisted_ballot(*, budget: Budget, facilitator, consent: assisted.ConsentGiven, proposal_ids) -> BudgetBallot:
    """A facilitator enters the ballot of a resident met in person, with their consent recorded, under the same
    rules as online: on the census list and eligible, and one ballot per person (online, on paper or assisted: the
    person's pseudonym in this vote is unique). The consent and the ballot are saved together or not at all."""
    require_perm(facilitator, "budgets.enter_assisted_ballots", budget.process)
    assisted.require_consent(consent)
    projects = _check_choice(budget, proposal_ids)
    digest, born = assisted.identify(consent)
    reason = why_not_eligible_person(budget.process, digest=digest, born_on=born)
    if reason:
        raise ValidationError(reason, code="not_eligible")
    key = vote_pseudonym(digest, f"budget:{budget.pk}")
    try:
        with transaction.atomic():
            given = assisted.record_consent(
                facilitator=facilitator,
                digest=digest,
                action=Action.BUDGET_BALLOT,
                process=budget.process,
                given=consent,
            )
            ballot = BudgetBallot.objects.create(budget=budget, entered_by=facilitator, voter_key=key, consent=given)
            ballot.proposals.set(projects)
    except IntegrityError:
        raise ValidationError(
            _("This person has already voted, online, on paper or with a facilitator: this ballot does not count."),
            code="already_voted",
        ) from None
    return ballot


def election_of(budget: Budget) -> Election:
    """The budget as the counting rules read it, and as the open .pb export writes it: ballots without names."""
    projects = tuple(
        Project(id=str(p.pk), cost=p.cost, name=p.title_fr or p.title_nl) for p in queries.feasible_proposals(budget)
    )
    counted = queries.counted_ballots(budget)
    marked = any(assisted_ for _chosen, _paper, assisted_ in counted)  # the column only where there are any

    def extra(paper: bool, assisted_: bool) -> dict[str, str]:
        method = {"voting_method": "paper" if paper else "internet"}
        return method | ({"assisted": "yes" if assisted_ else "no"} if marked else {})

    ballots = tuple(
        Ballot(voter_id=str(number), projects=chosen, extra=extra(paper, assisted_))
        for number, (chosen, paper, assisted_) in enumerate(counted, start=1)
    )
    meta = {
        "description": str(budget.process.title),
        "country": "Belgium",
        "unit": "Brussels",
        "instance": budget.process.slug,
        "num_projects": str(len(projects)),
        "num_votes": str(len(ballots)),
        "num_paper_votes": str(sum(ballot.extra["voting_method"] == "paper" for ballot in ballots)),
        **({"num_assisted_votes": str(sum(b.extra["assisted"] == "yes" for b in ballots))} if marked else {}),
        "budget": str(budget.amount),
        "vote_type": "approval",
        "rule": budget.rule if budget.rule == Budget.Rule.GREEDY else "equalshares/add1",
        "currency": "EUR",
        **tie_break_meta(tie_break_of(budget)),  # so that `samen pb` breaks ties as the count did
    }
    return Election(budget=budget.amount, projects=projects, ballots=ballots, vote_type="approval", meta=meta)


def tie_break_of(budget: Budget) -> TieBreak:
    return budget_tie_break(budget.tie_break, budget.lottery_seed)


def run_rule(election: Election, rule: str, tie_order):
    if rule == Budget.Rule.GREEDY:
        return greedy(election, tie_order=tie_order)
    return equal_shares(election, completion="add1-greedy", tie_order=tie_order)


@reads_from_primary()
def count_budget(*, budget: Budget) -> BudgetResult:
    """Count once the ballot has closed, by the announced rule; the greedy outcome is kept beside it to compare."""
    if not queries.ballot_has_closed(budget):
        raise ValidationError(_("The ballot has not closed yet."), code="ballot_open")
    existing = queries.result_of(budget)
    if existing:
        return existing
    election = election_of(budget)
    tie_break = tie_break_of(budget)
    order = announced_order(election, tie_break)
    ours, theirs = run_rule(election, budget.rule, order), greedy(election, tie_order=order)
    votes: dict[str, int] = {project.id: 0 for project in election.projects}
    for ballot in election.ballots:
        for project_id in ballot.projects:
            votes[project_id] += 1
    outcome = {
        "rule": budget.rule,
        "winners": list(ours.winners),
        # What a voter's explanation is recomputed from (algorithms/budgets/explain.py), exactly.
        "share": str(ours.share) if ours.share is not None else None,
        "rounds": [[round_.project, str(round_.price)] for round_ in ours.rounds],
        "completed": list(ours.completed),
        "tie_order": list(ours.tie_order),
        "cost": int(ours.cost),
        "budget": budget.amount,
        "ballots": len(election.ballots),
        "paper_ballots": sum(ballot.extra["voting_method"] == "paper" for ballot in election.ballots),
        "assisted_ballots": sum(ballot.extra.get("assisted") == "yes" for ballot in election.ballots),
        "votes": votes,
        "greedy": {"winners": list(theirs.winners), "cost": int(theirs.cost)},
        "tie_break": {"steps": list(tie_break.steps), "seed": tie_break.seed},
        "ties": [
            {"stage": tie.stage, "projects": list(tie.projects), "method": tie.method, "decisive": tie.decisive}
            for tie in decided_ties(election, ours, tie_break)
        ],
    }
    try:
        with transaction.atomic():
            result = BudgetResult.objects.create(budget=budget, outcome=outcome)
            notifications.announce_result(budget)
            return result
    except IntegrityError:  # counted by a concurrent request from the same ballots
        return BudgetResult.objects.get(budget=budget)


def pabulib_export(budget: Budget) -> str:
    return pabulib_text(election_of(budget))


def outcome_of(result: BudgetResult) -> Outcome:
    """The stored count as the rules returned it, so that explanations are computed from exactly what was published."""
    stored = result.outcome
    return Outcome(
        rule=stored["rule"],
        utility=COST,
        winners=tuple(stored["winners"]),
        cost=stored["cost"],
        budget=stored["budget"],
        tie_order=tuple(stored["tie_order"]),
        share=exact(stored["share"]) if stored["share"] is not None else None,
        rounds=tuple(Round(project, exact(price)) for project, price in stored["rounds"]),
        completed=tuple(stored["completed"]),
    )


def explain_ballot(budget: Budget, ballot: BudgetBallot) -> VoterExplanation | None:
    """How this ballot's share was spent; identical ballots always get the same explanation."""
    result = queries.result_of(budget)
    if result is None:
        return None
    election = election_of(budget)
    chosen = tuple(sorted(str(proposal.pk) for proposal in ballot.proposals.all()))
    voter = next((b.voter_id for b in election.ballots if tuple(sorted(b.projects)) == chosen), None)
    return None if voter is None else explain_voter(election, outcome_of(result), voter)
