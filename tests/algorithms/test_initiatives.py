from datetime import date

import pytest

from samen.algorithms.identity import NationalNumberError, age_on, national_number_birth_date, normalise_national_number
from samen.algorithms.initiatives import Stage, add_months, clock_on, council_deadline, reminder_days
from samen.demo.identities import invented_national_number


@pytest.mark.parametrize(
    ("number", "born"),
    [
        ("93051822361", date(1993, 5, 18)),  # the example of the national register's own documentation
        ("93.05.18-223.61", date(1993, 5, 18)),
        ("00012556777", date(2000, 1, 25)),  # born in 2000: the check digits count a 2 in front
        ("40000095579", None),  # day and month unknown
    ],
)
def test_a_national_number_gives_its_birth_date(number, born):
    assert national_number_birth_date(number) == born


@pytest.mark.parametrize(
    "number", ["93051822362", "93051822", "930518223611", "93.05.18-223.6X", "93023022368", "abcdefghijk"]
)
def test_a_mistyped_or_impossible_national_number_is_refused(number):
    # 93023022368 has valid check digits but 30 February.
    with pytest.raises(NationalNumberError):
        national_number_birth_date(number)


@pytest.mark.parametrize("born", [date(1999, 12, 31), date(2001, 2, 28)])
def test_an_invented_national_number_carries_its_birth_date_and_valid_check_digits(born):
    assert national_number_birth_date(invented_national_number(born, 123)) == born


def test_a_national_number_is_kept_as_its_eleven_digits():
    assert normalise_national_number(" 93.05.18-223.61 ") == "93051822361"


def test_age_counts_whole_years_turning_on_the_birthday():
    assert age_on(date(2010, 6, 15), date(2026, 6, 14)) == 15
    assert age_on(date(2010, 6, 15), date(2026, 6, 15)) == 16


def test_months_are_added_as_on_a_calendar():
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2027, 12, 15), 2) == date(2028, 2, 15)
    assert add_months(date(2026, 3, 31), -1) == date(2026, 2, 28)


def test_the_council_has_twelve_months_and_is_reminded_six_three_and_one_month_before():
    deadline = council_deadline(date(2026, 3, 31))

    assert deadline == date(2027, 3, 31)
    assert reminder_days(deadline) == [date(2026, 9, 30), date(2026, 12, 31), date(2027, 2, 28)]


def clock(today, **kwargs):
    facts = {"collection_ends": date(2026, 6, 30), "signatures": 0, "threshold": 2000}
    facts |= {"transmitted_on": None, "decided_on": None} | kwargs
    return clock_on(today, **facts)


def test_an_initiative_moves_from_collection_to_the_council_to_overdue_to_decided():
    assert clock(date(2026, 6, 1)).stage == Stage.COLLECTING
    assert clock(date(2026, 6, 1)).days_left == 29
    assert clock(date(2026, 7, 1), signatures=1999).stage == Stage.FAILED
    assert clock(date(2026, 7, 1), signatures=2000).stage == Stage.REACHED
    assert clock(date(2027, 7, 1), transmitted_on=date(2026, 7, 1)).stage == Stage.AWAITING_VOTE
    assert clock(date(2027, 7, 1), transmitted_on=date(2026, 7, 1)).days_left == 0
    assert clock(date(2027, 7, 2), transmitted_on=date(2026, 7, 1)).stage == Stage.OVERDUE
    assert clock(date(2027, 7, 2), transmitted_on=date(2026, 7, 1), decided_on=date(2027, 7, 2)).stage == Stage.DECIDED
    assert clock(date(2026, 6, 1), collection_ends=None).stage == Stage.DRAFT
