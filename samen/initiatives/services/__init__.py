"""Every write on an initiative goes through here."""

from samen.initiatives.services.clock import deadline_of, erase_personal_data, is_overdue, run_daily
from samen.initiatives.services.lifecycle import (
    accept_promotion,
    add_event,
    committee,
    create_kind,
    draft_initiative,
    edit_initiative,
    invite_promoter,
    record_decision,
    review_admissibility,
    submit_initiative,
)
from samen.initiatives.services.signatures import (
    PaperLine,
    collecting,
    count,
    enter_paper_sheet,
    online_signature,
    sign,
    sign_assisted,
    withdraw,
)

__all__ = [
    "PaperLine",
    "accept_promotion",
    "add_event",
    "collecting",
    "committee",
    "count",
    "create_kind",
    "deadline_of",
    "draft_initiative",
    "edit_initiative",
    "enter_paper_sheet",
    "erase_personal_data",
    "invite_promoter",
    "is_overdue",
    "online_signature",
    "record_decision",
    "review_admissibility",
    "run_daily",
    "sign",
    "sign_assisted",
    "submit_initiative",
    "withdraw",
]
