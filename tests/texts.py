"""Exact checks on what a page says, and dates relative to the Brussels clock: helpers for assertions that must not
pass by accident ("1 vote" inside "11 votes") or fail on a calendar accident (29 February)."""

import re
from datetime import date

from samen.common import clock


def shows(page: str, phrase: str) -> bool:
    """`phrase` stands in the page as a whole: no digit or letter glued before or after it, so "1 vote" is not
    found in "11 votes" or "1 voter"."""
    return re.search(rf"(?<![\w.,]){re.escape(phrase)}(?!\w)", page) is not None


def born_years_ago(years: int) -> date:
    """The birth date of someone who turns `years` today, Brussels time (born on 29 February: the 28th)."""
    today = clock.today()
    try:
        return today.replace(year=today.year - years)
    except ValueError:
        return today.replace(year=today.year - years, day=28)
