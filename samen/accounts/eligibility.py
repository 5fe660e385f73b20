"""Who may take part: one answer for ballots, budget ballots, signatures, drafting and committees (issue 15).

A process, a vote or an initiative kind says what it asks of its people as a `Requirement`. `gap` says, as a code,
what keeps an account from it (not_verified, verification_method, not_resident, too_young); `may_take_part` makes
the rules predicate the permissions use, so that `{% has_perm %}` never offers what a service then refuses. The
words for each code live with the other shared wording (`common/phrases.py`): a predicate answers yes or no and
builds no sentence."""

from collections.abc import Callable
from dataclasses import dataclass

import rules

from samen.accounts.verification import is_verified, methods_meeting
from samen.algorithms.identity import age_on
from samen.common import clock

GAPS = ("not_verified", "verification_method", "not_resident", "too_young")


@dataclass(frozen=True)
class Requirement:
    """What taking part asks: a verification (by `method`: "" or "any" for every accepted one), living in
    `municipality_nis` ("" for any), being at least `minimum_age` years old (0 for any age)."""

    method: str = ""
    municipality_nis: str = ""
    minimum_age: int = 0


def gap(user, requirement: Requirement) -> str | None:
    """What keeps this account from taking part, as one of GAPS, or None."""
    if not is_verified(user):
        return "not_verified"
    verification = user.verification
    if verification.method not in methods_meeting(requirement.method):
        return "verification_method"
    if requirement.municipality_nis and verification.municipality_nis != requirement.municipality_nis:
        return "not_resident"
    born = verification.born_on
    if requirement.minimum_age and (born is None or age_on(born, clock.today()) < requirement.minimum_age):
        return "too_young"
    return None


def may_take_part(requirement_of: Callable[[object], Requirement | None], *, name: str):
    """A rules predicate on an object (a process, an initiative, a kind): true when the account meets the object's
    requirement. An object that asks nothing of its people (`requirement_of` gives None) lets every account pass."""

    @rules.predicate(name=name)
    def predicate(user, obj) -> bool:
        if obj is None:
            return False
        requirement = requirement_of(obj)
        return requirement is None or gap(user, requirement) is None

    return predicate
