"""The demo office's time: registration times as a pure function of the case number, and a fast office calendar.

Split from demo_cases.py; both are pure and deterministic, so the worker processes agree without talking.
"""
from __future__ import annotations

import bisect
import datetime as dt

from ..core.calendar import OfficeCalendar

RECENT_DAYS = 30             # a busier last month, so the inboxes hold live work
RECENT_SHARE = 0.08
_WORK_HOURS = ((dt.time(9), dt.time(13)), (dt.time(14), dt.time(18)))
_DAY = dt.timedelta(days=1)


def _iso(value: dt.datetime | None) -> str | None:
    """register._ts for the whole-second times of the simulation, without its microsecond rounding."""
    return None if value is None else value.isoformat(" ")


class FastCalendar(OfficeCalendar):
    """The office calendar with a fast path for the common cases: the same answers (a test checks), faster.

    The demo asks millions of deadlines; most land inside the same office interval or repeat a (day, n)."""

    def __init__(self, base: OfficeCalendar) -> None:
        super().__init__(base.extra_holidays, base.extra_workdays, base.hours)
        self._days: dict[tuple[dt.date, int], dt.date] = {}
        self._spans: dict[dt.date, tuple[tuple[dt.datetime, dt.datetime], ...]] = {}
        self._steps = {m: dt.timedelta(minutes=m) for m in range(1, 600)}

    def spans(self, day: dt.date) -> tuple[tuple[dt.datetime, dt.datetime], ...]:
        """The day's office intervals as datetimes (none on a day off)."""
        got = self._spans.get(day)
        if got is None:
            got = self._spans[day] = tuple((dt.datetime.combine(day, b), dt.datetime.combine(day, e))
                                           for b, e in self.hours) if self.is_working_day(day) else ()
        return got

    def add(self, start: dt.datetime, value: int, unit: str) -> dt.datetime:
        if unit == "minutes" or unit == "hours":
            minutes = value * 60 if unit == "hours" else value
            remaining = self._steps.get(minutes) or dt.timedelta(minutes=minutes)
            if minutes <= 0:
                return start
            day = start.date()
            while True:  # OfficeCalendar.add_office_minutes over the cached intervals
                for begin, end in self.spans(day):
                    if start < end:
                        moment = begin if start < begin else start
                        if moment + remaining <= end:
                            return moment + remaining
                        remaining -= end - moment
                        start = end
                day += _DAY
        elif unit == "calendar_days":
            return start + dt.timedelta(days=value)
        elif unit == "working_days":
            key = (start.date(), value)
            day = self._days.get(key)
            if day is None:
                day = self._days[key] = super().add(dt.datetime.combine(key[0], dt.time()), value, unit).date()
            return dt.datetime.combine(day, start.time())
        return super().add(start, value, unit)


class Timeline:
    """Registration times as a pure function of the case number: office hours, working days, a busy last month.

    Pure so that every worker knows where each year starts (registration numbers) without talking to others."""

    def __init__(self, start: dt.datetime, now: dt.datetime, cal: OfficeCalendar, total: int, seed: int) -> None:
        self.now, self.total, self.seed = now, total, seed
        recent = max(start, dt.datetime.combine(now.date() - dt.timedelta(days=RECENT_DAYS), dt.time()))
        self.n_recent = min(total, max(1, round(total * RECENT_SHARE))) if recent > start else total
        self.n_hist = total - self.n_recent
        self.hist = self._segment(start, recent, cal)
        self.recent = self._segment(recent, now, cal)
        if not self.recent[1] or self.recent[1][-1] == 0:  # no office time yet in the window: use history only
            self.n_hist, self.n_recent = total, 0

    @staticmethod
    def _segment(a: dt.datetime, b: dt.datetime, cal: OfficeCalendar) -> tuple[list[dt.date], list[int]]:
        days, cum, total, day = [], [], 0, a.date()
        while day <= b.date():
            if cal.is_working_day(day):
                limit = b if day == b.date() else dt.datetime.combine(day, dt.time(23, 59))
                seconds = sum(max(0, int((min(dt.datetime.combine(day, e), limit)
                                          - dt.datetime.combine(day, s)).total_seconds())) for s, e in _WORK_HOURS)
                if seconds:
                    days.append(day)
                    total += seconds
                    cum.append(total)
            day += dt.timedelta(days=1)
        return days, cum

    def at(self, i: int) -> dt.datetime:
        jitter = ((i * 2654435761 + self.seed * 40503) & 0xFFFFFFFF) / 2 ** 32
        if i < self.n_hist:
            (days, cum), k, n = self.hist, i, self.n_hist
        else:
            (days, cum), k, n = self.recent, i - self.n_hist, self.n_recent
        pos = int((k + jitter) / n * cum[-1])
        d = bisect.bisect_right(cum, pos)
        second = pos - (cum[d - 1] if d else 0)
        begin = 9 * 3600 + second + (3600 if second >= 4 * 3600 else 0)
        return dt.datetime.combine(days[d], dt.time(begin // 3600, begin // 60 % 60, begin % 60))

    def first_of_year(self, year: int) -> int:
        lo, hi = 0, self.total
        while lo < hi:
            mid = (lo + hi) // 2
            if self.at(mid).year < year:
                lo = mid + 1
            else:
                hi = mid
        return lo
