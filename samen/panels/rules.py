"""Who may run a lottery, answer an invitation, see the register, sit on a council or name a delegate."""

import rules

from samen.accounts.rules import is_signed_in
from samen.processes.phases import VOLUNTEER
from samen.processes.rules import is_process_manager, phase_allows, process_is_visible


@rules.predicate
def holds_seat(user, seat) -> bool:
    return seat is not None and seat.volunteer.user_id == user.pk and seat.status == "held"


@rules.predicate
def is_offered_seat(user, seat) -> bool:
    return seat is not None and seat.volunteer.user_id == user.pk and seat.status == "offered"


# Managers upload the register (never shown to anyone else), draw invitations, set quotas and draw the panel.
rules.add_perm("panels.manage_lottery", is_process_manager)
rules.add_perm("panels.volunteer", is_signed_in & process_is_visible & phase_allows(VOLUNTEER))
rules.add_perm("panels.resign_seat", is_signed_in & holds_seat)
rules.add_perm("panels.answer_offer", is_signed_in & is_offered_seat)
rules.add_perm("panels.nominate_delegate", is_signed_in)
rules.add_perm("panels.decide_nomination", is_process_manager)

for model in ("lottery", "quota", "council", "seat", "nomination", "volunteer", "registerentry"):
    for verb in ("view", "add", "change", "delete"):
        rules.add_perm(f"panels.{verb}_{model}", is_process_manager)
rules.add_perm("panels", is_process_manager)
