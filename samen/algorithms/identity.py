"""Who a person is, from what they type: the Belgian national register number (its check digits and the birth
date it carries) and a person's age on a day. Plain Python: verification (accounts/verification.py), ballots and
signatures ask it."""

import calendar
from datetime import date


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


def age_on(born: date, today: date) -> int:
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))
