"""Who may start, join the committee of, and sign an initiative of a kind: the requirements (`accounts/eligibility.py`
decides), the rules' predicates and the refusals in words (`common/phrases.py`). The rules (rules.py) and the
services ask the same question here, so that a page never offers what the service then refuses, and a refusal
says why."""

import rules

from samen.accounts.eligibility import Requirement, gap, may_take_part
from samen.common import phrases


def author_requirement(kind) -> Requirement:
    """A verified resident of the kind's municipality starts an initiative and sits on its committee; without a
    kind, any verified resident may open the form (they choose the kind there)."""
    return Requirement(municipality_nis=kind.municipality_nis if kind is not None else "")


def signer_requirement(kind) -> Requirement:
    """Verified by the kind's method, living in its municipality, old enough."""
    return Requirement(method=kind.verification, municipality_nis=kind.municipality_nis, minimum_age=kind.minimum_age)


def why_not_author(kind, user) -> str | None:
    if gap(user, author_requirement(kind)) is None:
        return None
    return phrases.not_eligible_to_start(kind.municipality.name if kind is not None else None)


def why_not_signer(kind, user) -> tuple[str, str] | None:
    """(code, reason) when this account may not sign an initiative of this kind."""
    code = gap(user, signer_requirement(kind))
    if code is None:
        return None
    reason = phrases.not_eligible_to_sign(
        code, method=kind.get_verification_display(), municipality=kind.municipality.name, age=kind.minimum_age
    )
    return code, reason


def sits_on_committee(user, kind) -> bool:
    return gap(user, author_requirement(kind)) is None


# Predicates for rules.py: starting reads a kind (or None, before the resident chooses one), signing an initiative.
@rules.predicate(name="may_start_here")
def may_start_here(user, kind) -> bool:
    return gap(user, author_requirement(kind)) is None


may_sign = may_take_part(lambda initiative: signer_requirement(initiative.kind), name="may_sign")
