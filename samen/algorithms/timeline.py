"""Dated phases on a local calendar: when each opens and closes, which one runs at a given instant.

A phase runs from 00:00 on its first day to 24:00 on its last day, on the wall clock of the process's time zone
(Europe/Brussels), so "until 21 June" means until midnight in Brussels whatever the season or the server's zone.
"""

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

BRUSSELS = ZoneInfo("Europe/Brussels")


@dataclass(frozen=True)
class Period:
    first_day: date
    last_day: date

    def opens_at(self, zone: ZoneInfo = BRUSSELS) -> datetime:
        return datetime.combine(self.first_day, time.min, tzinfo=zone)

    def closes_at(self, zone: ZoneInfo = BRUSSELS) -> datetime:
        """The first instant after the period: midnight at the end of its last day."""
        return datetime.combine(self.last_day + timedelta(days=1), time.min, tzinfo=zone)

    def contains(self, instant: datetime, zone: ZoneInfo = BRUSSELS) -> bool:
        if instant.tzinfo is None:
            raise ValueError("instant must be time-zone aware")
        return self.opens_at(zone) <= instant < self.closes_at(zone)


def running_index(periods: Sequence[Period], instant: datetime, zone: ZoneInfo = BRUSSELS) -> int | None:
    """Index of the period running at `instant`, or None between periods, before the first or after the last."""
    for index, period in enumerate(periods):
        if period.contains(instant, zone):
            return index
    return None


def first_overlap(periods: Sequence[Period]) -> tuple[int, int] | None:
    """Indexes of two periods sharing a day, or None when the timeline is clean."""
    order = sorted(range(len(periods)), key=lambda i: periods[i].first_day)
    for before, after in itertools.pairwise(order):
        if periods[after].first_day <= periods[before].last_day:
            return (before, after)
    return None
