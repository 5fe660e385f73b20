"""Who may do what with meetings: everyone reads them and their calendars; process managers and administrators
create, edit and cancel them and publish their minutes; a signed-in resident registers and cancels their
registration, a verified one when the meeting asks it."""

import rules

from samen.accounts.rules import is_signed_in
from samen.accounts.verification import is_verified
from samen.processes.rules import is_process_manager


@rules.predicate
def asks_verification(user, meeting) -> bool:
    return meeting is not None and meeting.verified_only


@rules.predicate
def is_verified_account(user) -> bool:
    return is_verified(user)


rules.add_perm("meetings.manage_meetings", is_process_manager)
rules.add_perm("meetings.register", is_signed_in & (~asks_verification | is_verified_account))

for model in ("meeting", "registration"):
    for verb in ("view", "add", "change", "delete"):
        rules.add_perm(f"meetings.{verb}_{model}", is_process_manager)
rules.add_perm("meetings", is_process_manager)
