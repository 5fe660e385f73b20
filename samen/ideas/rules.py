"""Who may do what with ideas and comments: the running phase decides for citizens; moderators may always tidy up."""

import rules

from samen.accounts.rules import is_facilitator, is_signed_in
from samen.processes.phases import COMMENT, POST_IDEA, SUPPORT
from samen.processes.rules import is_eligible_voter, is_moderator, phase_allows, process_is_visible


@rules.predicate
def is_author(user, obj) -> bool:
    return obj is not None and user.is_authenticated and obj.author_id == user.pk


@rules.predicate
def is_published_content(user, obj) -> bool:
    return obj is not None and obj.visibility == "published"


# Hidden and pending content stays visible to its author and to the moderators.
rules.add_perm("ideas.view_idea", (process_is_visible & is_published_content) | is_author | is_moderator)
rules.add_perm("ideas.moderate", is_moderator)
rules.add_perm("ideas.flag_content", is_signed_in & process_is_visible & is_published_content & ~is_author)

rules.add_perm("ideas.add_idea", is_signed_in & process_is_visible & phase_allows(POST_IDEA))
rules.add_perm("ideas.change_idea", is_moderator | (is_author & phase_allows(POST_IDEA)))
rules.add_perm("ideas.delete_idea", is_moderator | (is_author & phase_allows(POST_IDEA)))
rules.add_perm("ideas.comment_idea", is_signed_in & process_is_visible & is_published_content & phase_allows(COMMENT))
rules.add_perm("ideas.change_comment", is_moderator | (is_author & phase_allows(COMMENT)))
rules.add_perm("ideas.delete_comment", is_moderator | (is_author & phase_allows(COMMENT)))
# Authors may support their own idea, as on the Region's 2020 platform: a support counts a resident, not a favour.
# Supports count people as ballots do: the process's electorate rule decides who (any account when it has none).
rules.add_perm(
    "ideas.support_idea",
    is_signed_in & process_is_visible & is_published_content & phase_allows(SUPPORT) & is_eligible_voter,
)
# Neighbourhood facilitators enter the supports of residents met in person (samen/assisted); on a process or an idea.
rules.add_perm("ideas.enter_assisted_supports", is_facilitator & process_is_visible & phase_allows(SUPPORT))
rules.add_perm("ideas.follow_idea", is_signed_in & process_is_visible)
# Neighbourhood facilitators post ideas and comments for residents met in person (samen/assisted), while the phase
# allows anyone to.
rules.add_perm("ideas.post_assisted_idea", is_facilitator & process_is_visible & phase_allows(POST_IDEA))
rules.add_perm(
    "ideas.comment_assisted", is_facilitator & process_is_visible & is_published_content & phase_allows(COMMENT)
)
