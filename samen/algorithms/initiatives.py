"""Citizens' initiatives: the council's clock.

The City of Brussels' charter: an initiative backed by enough residents (2,000 by default) goes to the municipal
council, which must vote on it within 12 months. Plain dates in, plain answers out: callers pass `today`. Who may
sign (the national number, age) is in `identity.py`.
"""

import calendar
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


def add_months(start: date, months: int) -> date:
    """The same day `months` later, or the month's last day when it has fewer (31 January + 1 month: 28/29 Feb)."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def council_deadline(transmitted_on: date, months: int = 12) -> date:
    """The last day on which the council may vote: `months` after the initiative reached it."""
    return add_months(transmitted_on, months)


def reminder_days(deadline: date, months_before: tuple[int, ...] = (6, 3, 1)) -> list[date]:
    """When the council's secretariat is reminded: 6, 3 and 1 month(s) before the deadline."""
    return [add_months(deadline, -months) for months in months_before]


class Stage(StrEnum):
    DRAFT = "draft"
    COLLECTING = "collecting"
    FAILED = "failed"  # the collection closed below the threshold
    REACHED = "reached"  # closed above it: to be transmitted to the council
    AWAITING_VOTE = "awaiting_vote"
    OVERDUE = "overdue"
    DECIDED = "decided"


@dataclass(frozen=True)
class Clock:
    """Where an initiative stands on a given day, and how long is left."""

    stage: Stage
    days_left: int | None  # to the end of the collection, or to the council's deadline


def clock_on(
    today: date,
    *,
    collection_ends: date | None,
    signatures: int,
    threshold: int,
    transmitted_on: date | None,
    decided_on: date | None,
    months: int = 12,
) -> Clock:
    if decided_on is not None:
        return Clock(Stage.DECIDED, None)
    if transmitted_on is not None:
        deadline = council_deadline(transmitted_on, months)
        left = (deadline - today).days
        return Clock(Stage.OVERDUE if left < 0 else Stage.AWAITING_VOTE, left)
    if collection_ends is None:
        return Clock(Stage.DRAFT, None)
    if today <= collection_ends:
        return Clock(Stage.COLLECTING, (collection_ends - today).days)
    return Clock(Stage.REACHED if signatures >= threshold else Stage.FAILED, None)
