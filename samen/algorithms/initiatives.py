"""Citizens' initiatives: who may sign (the Belgian national number, age), the threshold, and the council's clock.

The City of Brussels' charter: an initiative backed by enough residents (2,000 by default) goes to the municipal
council, which must vote on it within 12 months. Plain dates in, plain answers out: callers pass `today`.
"""

import calendar
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class NationalNumberError(ValueError):
    """A national register number that cannot be right: wrong length, impossible date or wrong check digits."""


def _digits(text: str) -> str:
    digits = "".join(ch for ch in text if ch.isdigit())
    if len(digits) != 11 or len(digits) != len("".join(ch for ch in text if ch.isalnum())):
        raise NationalNumberError("a national number has 11 digits (YY.MM.DD-SSS.CC)")
    return digits


def normalise_national_number(text: str) -> str:
    """The 11 digits of a national number typed with or without dots, dashes and spaces; checked."""
    digits = _digits(text)
    national_number_birth_date(digits)
    return digits


def national_number_birth_date(text: str) -> date | None:
    """The birth date a national number carries, after checking its two check digits (97 minus the first nine
    digits modulo 97, with a 2 in front of them for people born from 2000). None when the number leaves the day
    or month unknown (00), as it does for some people born abroad."""
    digits = _digits(text)
    body, check = digits[:9], int(digits[9:])
    if 97 - int(body) % 97 == check:
        century = 1900
    elif 97 - int("2" + body) % 97 == check:
        century = 2000
    else:
        raise NationalNumberError("the check digits do not match: a digit was mistyped")
    year, month, day = century + int(digits[0:2]), int(digits[2:4]), int(digits[4:6])
    if month == 0 or day == 0:
        return None
    if month > 12 or day > calendar.monthrange(year, month)[1]:
        raise NationalNumberError("the date in the number does not exist")
    return date(year, month, day)


def invented_national_number(born: date, serial: int) -> str:
    """A national number with valid check digits for an invented person born on `born` (serial 0-999): demo,
    test and benchmark data, never a real person's."""
    body = f"{born:%y%m%d}{serial:03d}"
    base = int(("2" if born.year >= 2000 else "") + body)
    return f"{body}{97 - base % 97:02d}"


def invented_document_number(national_number: str) -> str:
    """An identity card number in the Belgian eID's shape (ten digits and a modulo-97 check) for an invented
    person: demo and test data, never a real card's."""
    base = int("59" + national_number[-8:])
    return f"{base:010d}"[:3] + "-" + f"{base:010d}"[3:] + f"-{base % 97 or 97:02d}"


def age_on(born: date, today: date) -> int:
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


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
