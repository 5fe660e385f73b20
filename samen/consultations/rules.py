"""Who may answer a consultation, type in paper responses, moderate free-text answers and read the results; the
running phase decides when."""

import rules

from samen.accounts.rules import is_facilitator, is_signed_in
from samen.processes import queries
from samen.processes.phases import ANSWER
from samen.processes.rules import (
    is_eligible_voter,
    is_moderator,
    is_process_manager,
    phase_allows,
    process_is_visible,
)

CONSULTATION = "consultation"  # the phase kind


@rules.predicate
def answering_has_ended(user, process) -> bool:
    return process is not None and queries.phase_has_ended(process, CONSULTATION)


rules.add_perm("consultations.manage_questionnaire", is_process_manager)
rules.add_perm("consultations.answer", is_signed_in & process_is_visible & phase_allows(ANSWER) & is_eligible_voter)
rules.add_perm("consultations.enter_paper_responses", is_process_manager & phase_allows(ANSWER))
rules.add_perm("consultations.enter_assisted_responses", is_facilitator & process_is_visible & phase_allows(ANSWER))
rules.add_perm("consultations.moderate_answers", is_moderator | is_process_manager)
rules.add_perm("consultations.view_results", process_is_visible & (answering_has_ended | is_process_manager))

# The admin asks these model permissions; process managers hold them.
for model in ("questionnaire", "question"):
    for verb in ("view", "add", "change", "delete"):
        rules.add_perm(f"consultations.{verb}_{model}", is_process_manager)
rules.add_perm("consultations", is_process_manager)
