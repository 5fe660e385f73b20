"""Who may do what with debates: process managers put the question, edit it and close it with a conclusion; anyone
signed in argues and comments while the debate is open on a process they may see, and reports another's argument or
comment; who may vote in the process supports another's argument; moderators hide and restore arguments and comments."""

import rules

from samen.accounts.rules import is_signed_in
from samen.processes.rules import is_eligible_voter, is_moderator, is_process_manager, process_is_visible


def _debate_of(obj):
    return getattr(obj, "debate", obj)


@rules.predicate
def debate_is_open(user, obj) -> bool:
    debate = _debate_of(obj)
    return debate is not None and debate.is_open


@rules.predicate
def is_author(user, content) -> bool:
    """Of the argument or the comment."""
    return content is not None and user.is_authenticated and content.author_id == user.pk


@rules.predicate
def is_published_content(user, obj) -> bool:
    return obj is not None and obj.visibility == "published"


may_speak = is_signed_in & process_is_visible & debate_is_open

rules.add_perm("debates.manage_debates", is_process_manager)
rules.add_perm("debates.post_argument", may_speak)
# A support is counted: it follows the process's electorate rule as ballots do (verified residents of its
# municipality; any signed-in account in a process without one). Supporting one's own argument would count the
# author twice: refused, unlike ideas' supports.
rules.add_perm("debates.support_argument", may_speak & is_eligible_voter & is_published_content & ~is_author)
rules.add_perm("debates.comment", may_speak)
rules.add_perm("debates.moderate", is_moderator)
# Reporting another's published argument or comment to the moderators, also once the debate closed (as ideas' flags).
rules.add_perm("debates.flag_content", is_signed_in & process_is_visible & is_published_content & ~is_author)

# The admin asks these model permissions; process managers hold them, nobody else (but superusers).
for model in ("debate", "argument", "argumentsupport", "debatecomment", "report"):
    for verb in ("view", "add", "change", "delete"):
        rules.add_perm(f"debates.{verb}_{model}", is_process_manager)
rules.add_perm("debates", is_process_manager)
