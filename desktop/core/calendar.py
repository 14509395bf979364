"""The office working calendar and deadline arithmetic.

Office hours: Monday to Friday 09:00–18:00 with lunch 13:00–14:00, without Kazakhstan public holidays (the
``holidays`` package, country KZ, which also knows the transferred days off), plus a local override table of
extra days off and extra working days.

Units: ``minutes`` and ``hours`` count office time; ``calendar_days`` count days; ``working_days`` skip
weekends and holidays (the time of day is kept).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import lru_cache

import holidays

UNITS = ("minutes", "hours", "calendar_days", "working_days")
_DEFAULT_HOURS = ((dt.time(9, 0), dt.time(13, 0)), (dt.time(14, 0), dt.time(18, 0)))


@lru_cache(maxsize=None)
def _kz_year(year: int) -> tuple[frozenset[dt.date], frozenset[dt.date]]:
    """Public holidays and transferred working Saturdays of one year."""
    kz = holidays.country_holidays("KZ", years=[year])
    days_off = frozenset(d for d in kz if d.year == year)
    workdays = frozenset(d for d in getattr(kz, "weekend_workdays", ()) if d.year == year)
    return days_off, workdays


class OfficeCalendar:
    """Working days and hours of one office."""

    def __init__(self, extra_holidays: Iterable[dt.date] = (), extra_workdays: Iterable[dt.date] = (),
                 hours: tuple[tuple[dt.time, dt.time], ...] = _DEFAULT_HOURS) -> None:
        self.extra_holidays = frozenset(extra_holidays)
        self.extra_workdays = frozenset(extra_workdays)
        self.hours = hours
        self._cache: dict[dt.date, bool] = {}

    def is_working_day(self, day: dt.date) -> bool:
        cached = self._cache.get(day)
        if cached is not None:
            return cached
        if day in self.extra_workdays:
            result = True
        elif day in self.extra_holidays:
            result = False
        else:
            days_off, workdays = _kz_year(day.year)
            result = (day.weekday() < 5 or day in workdays) and day not in days_off
        self._cache[day] = result
        return result

    def holiday_name(self, day: dt.date) -> str | None:
        kz = holidays.country_holidays("KZ", years=[day.year])
        return kz.get(day)

    def next_working_day(self, day: dt.date) -> dt.date:
        day += dt.timedelta(days=1)
        while not self.is_working_day(day):
            day += dt.timedelta(days=1)
        return day

    def add_office_minutes(self, start: dt.datetime, minutes: int) -> dt.datetime:
        """Add office minutes: time outside office hours, lunch and days off does not count."""
        remaining = dt.timedelta(minutes=minutes)
        moment = start
        if remaining <= dt.timedelta(0):
            return start
        day = moment.date()
        while True:
            if self.is_working_day(day):
                for begin, end in self.hours:
                    b = dt.datetime.combine(day, begin)
                    e = dt.datetime.combine(day, end)
                    if moment >= e:
                        continue
                    s = max(moment, b)
                    available = e - s
                    if remaining <= available:
                        return s + remaining
                    remaining -= available
                    moment = e
            day = day + dt.timedelta(days=1)
            moment = dt.datetime.combine(day, dt.time(0, 0))

    def add_working_days(self, start: dt.datetime, days: int) -> dt.datetime:
        day = start.date()
        for _ in range(days):
            day = self.next_working_day(day)
        return dt.datetime.combine(day, start.time())

    def add(self, start: dt.datetime, value: int, unit: str) -> dt.datetime:
        if unit == "minutes":
            return self.add_office_minutes(start, value)
        if unit == "hours":
            return self.add_office_minutes(start, value * 60)
        if unit == "calendar_days":
            return start + dt.timedelta(days=value)
        if unit == "working_days":
            return self.add_working_days(start, value)
        raise ValueError(f"unknown duration unit {unit!r}; use one of {', '.join(UNITS)}")


_DEFAULT = OfficeCalendar()


def default_calendar() -> OfficeCalendar:
    return _DEFAULT


def add_duration(start: dt.datetime, value: int, unit: str,
                 calendar: OfficeCalendar | None = None) -> dt.datetime:
    """``start`` plus ``value`` ``unit`` on the office calendar (the default KZ calendar when None)."""
    if value < 0:
        raise ValueError("a duration cannot be negative")
    return (calendar or _DEFAULT).add(start, int(value), unit)
