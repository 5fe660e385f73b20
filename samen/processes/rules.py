"""Who may do what with processes. Roles live on the user; phases decide what a citizen may do and when."""

import rules

from samen.accounts.eligibility import may_take_part
from samen.processes import eligibility, queries


@rules.predicate
def is_process_manager(user) -> bool:
    return user.is_authenticated and user.is_active and user.role in {"process_manager", "administrator"}


@rules.predicate
def is_moderator(user) -> bool:
    return user.is_authenticated and user.is_active and user.role in {"moderator", "administrator"}


@rules.predicate
def is_published(user, process) -> bool:
    return process is not None and process.is_published


@rules.predicate
def process_is_visible(user, obj) -> bool:
    """The process (or the process of `obj`) is published, or the user manages processes."""
    process = getattr(obj, "process", obj)
    return is_published(user, process) or is_process_manager(user)


# The process asks nothing of its voters, or the user is what it asks (verified, resident, old enough).
is_eligible_voter = may_take_part(
    lambda obj: eligibility.requirement_of(getattr(obj, "process", obj)), name="is_eligible_voter"
)


def phase_allows(action: str):
    """A predicate on a process, or on anything with a `.process`, true while its running phase allows `action`."""

    @rules.predicate(name=f"phase_allows_{action}")
    def predicate(user, obj) -> bool:
        if obj is None:
            return False
        process = getattr(obj, "process", obj)
        return queries.phase_allows(process, action)

    return predicate


rules.add_perm("processes.manage_processes", is_process_manager)
# On the site with a process; in the admin without one (then only managers pass).
rules.add_perm("processes.view_process", is_published | is_process_manager)

# The admin asks these model permissions; process managers hold them, nobody else (but superusers).
for model in ("process", "phase", "theme"):
    for verb in ("view", "add", "change", "delete"):
        if (verb, model) != ("view", "process"):
            rules.add_perm(f"processes.{verb}_{model}", is_process_manager)
rules.add_perm("processes", is_process_manager)
