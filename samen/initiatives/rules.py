"""Who may draft, edit, sign, check and follow an initiative. Starting and signing need a verified resident of the
kind's municipality (eligibility.py, which the services also ask, to say why); the services check the rest
(collecting, the committee)."""

import rules

from samen.accounts.rules import is_facilitator, is_signed_in
from samen.initiatives import eligibility
from samen.processes.rules import is_process_manager


@rules.predicate
def is_promoter(user, initiative) -> bool:
    return (
        initiative is not None
        and user.is_authenticated
        and initiative.promoters.filter(user=user, accepted_at__isnull=False).exists()
    )


@rules.predicate
def is_invited(user, promoter) -> bool:
    return promoter is not None and promoter.user_id == user.pk and promoter.accepted_at is None


@rules.predicate
def is_invited_to(user, initiative) -> bool:
    """Invited and not yet answered: they read the draft before they join its committee."""
    return (
        initiative is not None
        and user.is_authenticated
        and initiative.promoters.filter(user=user, accepted_at__isnull=True).exists()
    )


@rules.predicate
def is_collecting(user, initiative) -> bool:
    return initiative is not None and initiative.status == "collecting"


# A verified resident of the kind's municipality (any verified resident, before they choose a kind); a signer is
# verified by the kind's method, lives in its municipality and is old enough.
may_start_here, may_sign = eligibility.may_start_here, eligibility.may_sign


rules.add_perm("initiatives.draft", is_signed_in & may_start_here)
rules.add_perm("initiatives.edit", is_signed_in & is_promoter)
rules.add_perm("initiatives.accept_promotion", is_signed_in & is_invited)
rules.add_perm("initiatives.sign", is_signed_in & may_sign)
# Neighbourhood facilitators sign for residents met in person (samen/assisted); the service checks the collection.
rules.add_perm("initiatives.sign_assisted", is_facilitator & is_collecting)
# Whoever signed may withdraw, even if no longer eligible; the service finds their signature or says there is none.
rules.add_perm("initiatives.withdraw", is_signed_in)
# City staff (the process managers) check admissibility, type in paper sheets and follow the council.
rules.add_perm("initiatives.review", is_process_manager)
rules.add_perm("initiatives.enter_paper", is_process_manager)
rules.add_perm("initiatives.follow_council", is_process_manager)
rules.add_perm("initiatives.view_draft", is_promoter | is_invited_to | is_process_manager)

for model in ("initiativekind", "initiative", "timelineevent"):
    for verb in ("view", "add", "change", "delete"):
        rules.add_perm(f"initiatives.{verb}_{model}", is_process_manager)
rules.add_perm("initiatives", is_process_manager)
