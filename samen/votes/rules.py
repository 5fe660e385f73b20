"""Who may do what with the jury, the shortlist, the ballot and the follow-up; the running phase decides when."""

import rules

from samen.accounts.rules import is_signed_in
from samen.processes.phases import SCORE, VOTE
from samen.processes.rules import is_eligible_voter, is_process_manager, phase_allows, process_is_visible
from samen.votes import queries


@rules.predicate
def is_juror(user, shortlist) -> bool:
    return user.is_authenticated and shortlist is not None and queries.is_juror(shortlist, user)


@rules.predicate
def shortlist_is_published(user, shortlist) -> bool:
    return shortlist is not None and shortlist.is_published


@rules.predicate
def vote_has_ended(user, shortlist) -> bool:
    return shortlist is not None and queries.vote_has_ended(shortlist)


@rules.predicate
def counts_are_shown_while_voting(user, shortlist) -> bool:
    return shortlist is not None and not shortlist.hide_running_counts


rules.add_perm("votes.manage_shortlist", is_process_manager)
rules.add_perm("votes.score_ideas", is_signed_in & is_juror & phase_allows(SCORE))
rules.add_perm("votes.view_jury_ranking", is_process_manager)
rules.add_perm("votes.view_published_shortlist", process_is_visible & shortlist_is_published)
rules.add_perm(
    "votes.cast_ballot",
    is_signed_in & process_is_visible & shortlist_is_published & phase_allows(VOTE) & is_eligible_voter,
)
rules.add_perm(
    "votes.view_counts", process_is_visible & shortlist_is_published & (vote_has_ended | counts_are_shown_while_voting)
)
rules.add_perm("votes.view_results", process_is_visible & shortlist_is_published & vote_has_ended)

# The admin asks these model permissions; process managers hold them.
for model in ("shortlist", "jurymember", "criterion", "entry"):
    for verb in ("view", "add", "change", "delete"):
        rules.add_perm(f"votes.{verb}_{model}", is_process_manager)
rules.add_perm("votes", is_process_manager)
