"""Every write on a lottery or a council goes through here."""

from samen.panels.services.council import (
    answer_offer,
    create_council,
    decide_nomination,
    nominate_delegate,
    resign_seat,
)
from samen.panels.services.jobs import request_draw, request_freeze, run_lottery_job
from samen.panels.services.lottery import (
    announce_invitation_seed,
    create_lottery,
    draw_invitations,
    draw_lottery,
    freeze_pool,
    normalise_code,
    register_volunteer,
    set_quotas,
    upload_register,
)

__all__ = [
    "announce_invitation_seed",
    "answer_offer",
    "create_council",
    "create_lottery",
    "decide_nomination",
    "draw_invitations",
    "draw_lottery",
    "freeze_pool",
    "nominate_delegate",
    "normalise_code",
    "register_volunteer",
    "request_draw",
    "request_freeze",
    "resign_seat",
    "run_lottery_job",
    "set_quotas",
    "upload_register",
]
