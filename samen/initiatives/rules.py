"""Who may draft, edit, sign, check and follow an initiative. The services check the facts (verified, old enough,
collecting) and say why; these rules say who may try at all."""

import rules

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


is_signed_in = rules.is_authenticated & rules.is_active

rules.add_perm("initiatives.draft", is_signed_in)
rules.add_perm("initiatives.edit", is_signed_in & is_promoter)
rules.add_perm("initiatives.accept_promotion", is_signed_in & is_invited)
rules.add_perm("initiatives.sign", is_signed_in)
# City staff (the process managers) check admissibility, type in paper sheets and follow the council.
rules.add_perm("initiatives.review", is_process_manager)
rules.add_perm("initiatives.enter_paper", is_process_manager)
rules.add_perm("initiatives.follow_council", is_process_manager)
rules.add_perm("initiatives.view_draft", is_promoter | is_invited_to | is_process_manager)

for model in ("initiativekind", "initiative", "timelineevent"):
    for verb in ("view", "add", "change", "delete"):
        rules.add_perm(f"initiatives.{verb}_{model}", is_process_manager)
rules.add_perm("initiatives", is_process_manager)
