"""Who may vote in a process that asks for verified residents: verified, by the right method, living in the
process's municipality, and old enough. The answer is the reason someone may not, in words, or None.

A person votes once in each vote, whatever their account: `voter_key` is their pseudonym in one vote, kept on the
ballot, `lock_voter` makes their accounts' ballots wait for each other, and `why_not_eligible_person` checks a voter
whom staff identify in person (a paper ballot)."""

from datetime import date

from django.utils.translation import gettext as _

from samen.accounts.eligibility import Requirement, gap
from samen.accounts.models import CensusEntry, Verification
from samen.accounts.verification import vote_pseudonym
from samen.algorithms.identity import age_on
from samen.common import clock, phrases


def municipality_of(process) -> str:
    if process.municipality_nis:
        return process.municipality_nis
    neighbourhood = process.neighbourhood
    return neighbourhood.municipality_nis if neighbourhood else ""


def requirement_of(process) -> Requirement | None:
    """What the process asks of its voters, or None when any signed-in account may vote."""
    if not process.voters:
        return None
    return Requirement(
        method=process.voters, municipality_nis=municipality_of(process), minimum_age=process.minimum_age
    )


def why_not_eligible(process, user, *, say=phrases.not_eligible_to_vote) -> str | None:
    """`say`: the phrases for what is refused (a vote by default; `phrases.not_eligible_to_support` for a support)."""
    requirement = requirement_of(process)
    code = gap(user, requirement) if requirement else None
    if code is None:
        return None
    return say(code, method=process.get_voters_display(), age=process.minimum_age)


def voter_key(user, vote: str) -> str | None:
    """The account's person's pseudonym in this vote ("shortlist:12", "budget:3"), or None for an account that has
    never been verified (a vote open to anyone signed in)."""
    verification = getattr(user, "verification", None) if user.is_authenticated else None
    return vote_pseudonym(verification.digest, vote) if verification is not None else None


def lock_voter(user) -> None:
    """Make one person's ballots wait for each other, whichever of their accounts casts them, by locking their
    verification until the transaction ends: two accounts of one person casting at once would otherwise deadlock on
    the two unique constraints (one ballot per account, one per person)."""
    verification = getattr(user, "verification", None) if user.is_authenticated else None
    if verification is not None:
        list(Verification.objects.select_for_update().filter(digest=verification.digest).only("pk"))


def why_not_eligible_person(process, *, digest: str, born_on: date) -> str | None:
    """The same rules for a person identified by their national number (staff have their paper ballot in hand):
    on a census list; of the process's municipality and old enough when the process restricts who may vote."""
    entries = CensusEntry.objects.filter(digest=digest)
    municipality = municipality_of(process) if process.voters else ""
    if not entries.exists():
        return _("This person is not on the lists of residents entitled to vote.")
    if municipality and not entries.filter(census__municipality_nis=municipality).exists():
        return phrases.not_eligible_to_vote("not_resident", method="", age=process.minimum_age)
    if process.voters and process.minimum_age and age_on(born_on, clock.today()) < process.minimum_age:
        return phrases.not_eligible_to_vote("too_young", method="", age=process.minimum_age)
    return None
