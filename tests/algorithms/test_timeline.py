from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from samen.algorithms.timeline import Period, first_overlap, running_index

BRUSSELS = ZoneInfo("Europe/Brussels")
CALL = Period(date(2020, 6, 5), date(2020, 6, 21))  # Brussels hacks the crisis: ideas from 5 to 21 June 2020


def test_a_phase_opens_at_midnight_brussels_time_on_its_first_day():
    assert CALL.contains(datetime(2020, 6, 5, 0, 0, tzinfo=BRUSSELS))
    assert not CALL.contains(datetime(2020, 6, 4, 23, 59, 59, tzinfo=BRUSSELS))


def test_a_phase_runs_through_the_whole_of_its_last_day():
    assert CALL.contains(datetime(2020, 6, 21, 23, 59, 59, tzinfo=BRUSSELS))
    assert not CALL.contains(datetime(2020, 6, 22, 0, 0, tzinfo=BRUSSELS))


def test_the_deadline_is_brussels_midnight_not_utc_midnight():
    # 22:30 UTC on 21 June is already 00:30 on 22 June in Brussels (summer time, UTC+2).
    assert not CALL.contains(datetime(2020, 6, 21, 22, 30, tzinfo=UTC))
    assert CALL.contains(datetime(2020, 6, 21, 21, 59, tzinfo=UTC))


def test_winter_deadline_follows_winter_time():
    winter = Period(date(2026, 1, 5), date(2026, 1, 31))

    assert winter.closes_at() == datetime(2026, 1, 31, 23, 0, tzinfo=UTC)


def test_a_phase_across_the_spring_clock_change_closes_at_local_midnight():
    # Summer time starts on 29 March 2026: the phase is 23 hours shorter in UTC than a naive count says.
    spring = Period(date(2026, 3, 28), date(2026, 3, 29))

    assert spring.opens_at() == datetime(2026, 3, 27, 23, 0, tzinfo=UTC)
    assert spring.closes_at() == datetime(2026, 3, 29, 22, 0, tzinfo=UTC)


def test_naive_instants_are_refused():
    with pytest.raises(ValueError, match="aware"):
        CALL.contains(datetime(2020, 6, 10, 12, 0))


def test_running_index_finds_the_phase_or_none_between_phases():
    timeline = [CALL, Period(date(2020, 6, 23), date(2020, 7, 30))]

    assert running_index(timeline, datetime(2020, 6, 10, tzinfo=BRUSSELS)) == 0
    assert running_index(timeline, datetime(2020, 6, 22, 12, tzinfo=BRUSSELS)) is None
    assert running_index(timeline, datetime(2020, 7, 1, tzinfo=BRUSSELS)) == 1
    assert running_index(timeline, datetime(2020, 8, 1, tzinfo=BRUSSELS)) is None


def test_first_overlap_names_the_two_phases_that_share_a_day():
    timeline = [
        Period(date(2020, 7, 1), date(2020, 7, 30)),
        CALL,
        Period(date(2020, 6, 21), date(2020, 6, 30)),
    ]

    assert first_overlap(timeline) == (1, 2)


def test_back_to_back_phases_do_not_overlap():
    assert first_overlap([CALL, Period(date(2020, 6, 22), date(2020, 6, 30))]) is None
