"""Who enters contributions for residents (facilitators) and who audits them (administrators)."""

import rules

from samen.accounts.rules import is_administrator, is_facilitator

rules.add_perm("assisted.enter_for_resident", is_facilitator)
rules.add_perm("assisted.audit", is_administrator)
