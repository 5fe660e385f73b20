"""Who may do what with meetings: everyone reads them and their calendars; process managers and administrators
create, edit and cancel them (in the admin for now); a signed-in resident registers and cancels their registration."""

import rules

from samen.accounts.rules import is_signed_in
from samen.processes.rules import is_process_manager

rules.add_perm("meetings.manage_meetings", is_process_manager)
rules.add_perm("meetings.register", is_signed_in)

for model in ("meeting", "registration"):
    for verb in ("view", "add", "change", "delete"):
        rules.add_perm(f"meetings.{verb}_{model}", is_process_manager)
rules.add_perm("meetings", is_process_manager)
