"""Who may propose, review, vote, type in paper ballots and report progress for a participatory budget; the phase
decides when."""

import rules

from samen.accounts.rules import is_facilitator, is_signed_in
from samen.budgets import queries
from samen.processes.phases import BUDGET_BALLOT, PROPOSE, REVIEW_FEASIBILITY
from samen.processes.rules import is_eligible_voter, is_process_manager, phase_allows, process_is_visible


@rules.predicate
def ballot_has_closed(user, process) -> bool:
    budget = queries.budget_of(process) if process is not None else None
    return budget is not None and queries.ballot_has_closed(budget)


rules.add_perm("budgets.propose", is_signed_in & process_is_visible & phase_allows(PROPOSE))
# City services: the process managers review feasibility and type in paper ballots.
rules.add_perm("budgets.review_proposals", is_process_manager & phase_allows(REVIEW_FEASIBILITY))
rules.add_perm(
    "budgets.cast_ballot", is_signed_in & process_is_visible & phase_allows(BUDGET_BALLOT) & is_eligible_voter
)
rules.add_perm("budgets.enter_paper_ballots", is_process_manager & phase_allows(BUDGET_BALLOT))
# Neighbourhood facilitators enter the ballots of residents met in person (samen/assisted).
rules.add_perm("budgets.enter_assisted_ballots", is_facilitator & process_is_visible & phase_allows(BUDGET_BALLOT))
rules.add_perm("budgets.view_result", process_is_visible & ballot_has_closed)

for model in ("budget", "proposal"):
    for verb in ("view", "add", "change", "delete"):
        rules.add_perm(f"budgets.{verb}_{model}", is_process_manager)
rules.add_perm("budgets", is_process_manager)
