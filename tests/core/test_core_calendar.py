"""Deadline arithmetic on the office calendar: weekends, Nauryz 2026, lunch, end of day, year end, each unit,
starts outside office hours and local overrides."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.calendar import UNITS, OfficeCalendar, add_duration, default_calendar

pytestmark = pytest.mark.core
D = dt.datetime


@pytest.mark.parametrize("start,value,unit,want", [
    # weekend: Friday evening to Monday morning
    (D(2026, 3, 13, 17, 30), 1, "hours", D(2026, 3, 16, 9, 30)),
    (D(2026, 3, 13, 17, 50), 15, "minutes", D(2026, 3, 16, 9, 5)),
    (D(2026, 3, 13, 10, 0), 1, "working_days", D(2026, 3, 16, 10, 0)),
    (D(2026, 3, 13, 10, 0), 2, "calendar_days", D(2026, 3, 15, 10, 0)),  # calendar days count weekends
    # start outside office hours: Saturday, Sunday night, early morning, evening, lunch
    (D(2026, 3, 14, 11, 0), 30, "minutes", D(2026, 3, 16, 9, 30)),
    (D(2026, 3, 15, 23, 59), 1, "minutes", D(2026, 3, 16, 9, 1)),
    (D(2026, 3, 16, 7, 0), 15, "minutes", D(2026, 3, 16, 9, 15)),
    (D(2026, 3, 16, 18, 30), 15, "minutes", D(2026, 3, 17, 9, 15)),
    (D(2026, 3, 16, 13, 20), 10, "minutes", D(2026, 3, 16, 14, 10)),
    (D(2026, 3, 14, 11, 0), 1, "working_days", D(2026, 3, 16, 11, 0)),
    # lunch 13:00-14:00 does not count
    (D(2026, 3, 16, 12, 50), 15, "minutes", D(2026, 3, 16, 14, 5)),
    (D(2026, 3, 16, 12, 45), 15, "minutes", D(2026, 3, 16, 13, 0)),
    (D(2026, 3, 16, 11, 0), 3, "hours", D(2026, 3, 16, 15, 0)),
    (D(2026, 3, 16, 9, 0), 8, "hours", D(2026, 3, 16, 18, 0)),  # a whole office day is 8 hours
    (D(2026, 3, 16, 9, 0), 9, "hours", D(2026, 3, 17, 10, 0)),
    # end of day 18:00
    (D(2026, 3, 16, 17, 45), 15, "minutes", D(2026, 3, 16, 18, 0)),
    (D(2026, 3, 16, 17, 46), 15, "minutes", D(2026, 3, 17, 9, 1)),
    (D(2026, 3, 16, 16, 0), 3, "hours", D(2026, 3, 17, 10, 0)),
    # Women's Day 2026 falls on a Sunday: Monday 9 March is the day off
    (D(2026, 3, 6, 17, 30), 1, "hours", D(2026, 3, 10, 9, 30)),
    (D(2026, 3, 5, 10, 45), 3, "working_days", D(2026, 3, 11, 10, 45)),
    # Nauryz 2026: 21-23 March, Saturday and Sunday moved to Tuesday 24 and Wednesday 25
    (D(2026, 3, 20, 17, 30), 1, "hours", D(2026, 3, 26, 9, 30)),
    (D(2026, 3, 20, 10, 0), 1, "working_days", D(2026, 3, 26, 10, 0)),
    (D(2026, 3, 19, 10, 0), 3, "working_days", D(2026, 3, 27, 10, 0)),
    (D(2026, 3, 23, 12, 0), 30, "minutes", D(2026, 3, 26, 9, 30)),
    (D(2026, 3, 20, 10, 0), 5, "calendar_days", D(2026, 3, 25, 10, 0)),
    # year end: 1-2 January 2027 (2 January is a Saturday, moved to Monday 4 January)
    (D(2026, 12, 31, 17, 0), 2, "hours", D(2027, 1, 5, 10, 0)),
    (D(2026, 12, 31, 10, 0), 1, "working_days", D(2027, 1, 5, 10, 0)),
    (D(2026, 12, 31, 10, 0), 1, "calendar_days", D(2027, 1, 1, 10, 0)),
    (D(2026, 12, 30, 10, 0), 5, "working_days", D(2027, 1, 11, 10, 0)),  # 7 January is Orthodox Christmas
    # zero adds nothing
    (D(2026, 3, 14, 11, 0), 0, "minutes", D(2026, 3, 14, 11, 0)),
    (D(2026, 3, 14, 11, 0), 0, "working_days", D(2026, 3, 14, 11, 0)),
])
def test_add_duration(start, value, unit, want):
    assert add_duration(start, value, unit) == want
    assert add_duration(start, value, unit, calendar=OfficeCalendar()) == want


def test_nauryz_2026_days_off():
    cal = default_calendar()
    assert [cal.is_working_day(dt.date(2026, 3, d)) for d in range(19, 28)] == [
        True, True, False, False, False, False, False, True, True]
    assert cal.holiday_name(dt.date(2026, 3, 24))


def test_transferred_working_day():
    """The government moves days: 3 January 2025 was a day off and Sunday 5 January 2025 a working day."""
    cal = default_calendar()
    assert not cal.is_working_day(dt.date(2025, 1, 3))
    assert cal.is_working_day(dt.date(2025, 1, 5))
    assert add_duration(D(2024, 12, 31, 17, 30), 1, "hours") == D(2025, 1, 5, 9, 30)


def test_local_overrides():
    start = D(2026, 3, 13, 17, 30)  # Friday
    extra_off = OfficeCalendar(extra_holidays=[dt.date(2026, 3, 16)])
    assert add_duration(start, 1, "hours", extra_off) == D(2026, 3, 17, 9, 30)
    assert add_duration(D(2026, 3, 13, 10), 1, "working_days", extra_off) == D(2026, 3, 17, 10, 0)
    saturday_on = OfficeCalendar(extra_workdays=[dt.date(2026, 3, 14)])
    assert add_duration(start, 1, "hours", saturday_on) == D(2026, 3, 14, 9, 30)
    holiday_on = OfficeCalendar(extra_workdays=[dt.date(2026, 3, 23)])  # the office opens on Nauryz Monday
    assert add_duration(D(2026, 3, 20, 17, 30), 1, "hours", holiday_on) == D(2026, 3, 23, 9, 30)
    # the default calendar is not changed by an office's overrides
    assert add_duration(start, 1, "hours") == D(2026, 3, 16, 9, 30)


@pytest.mark.parametrize("value,unit", [(-1, "minutes"), (1, "weeks"), (1, "")])
def test_bad_durations_are_refused(value, unit):
    with pytest.raises(ValueError) as err:
        add_duration(D(2026, 3, 16, 10), value, unit)
    assert str(err.value)


office_moments = st.datetimes(min_value=D(2025, 1, 1), max_value=D(2027, 12, 1)).map(
    lambda d: d.replace(second=0, microsecond=0))


@settings(max_examples=200, deadline=None)
@given(office_moments, st.integers(1, 3000))
def test_office_minutes_land_in_office_hours(start, minutes):
    cal = default_calendar()
    end = add_duration(start, minutes, "minutes")
    assert end > start and cal.is_working_day(end.date())
    assert dt.time(9, 1) <= end.time() <= dt.time(13, 0) or dt.time(14, 1) <= end.time() <= dt.time(18, 0)


@settings(max_examples=200, deadline=None)
@given(office_moments, st.integers(1, 2000), st.integers(1, 2000))
def test_office_minutes_add_up(start, a, b):
    assert add_duration(add_duration(start, a, "minutes"), b, "minutes") == add_duration(start, a + b, "minutes")


@settings(max_examples=200, deadline=None)
@given(office_moments, st.integers(0, 40), st.sampled_from(UNITS))
def test_durations_never_go_back_and_grow_with_value(start, value, unit):
    one = add_duration(start, value, unit)
    more = add_duration(start, value + 1, unit)
    assert start <= one < more
