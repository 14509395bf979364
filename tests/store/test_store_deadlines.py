"""Deadlines through the store: the office's local calendar overrides, and the head's queries (overdue count, due
today, the deadline board, the overdue filter)."""
from __future__ import annotations

import datetime as dt

import pytest

from desktop.core.errors import PermissionDenied, ValidationError
from desktop.store import Filters, Register
from both_engines import raw
from store_flows import T0, advance, applicant, intake, snapshot
from store_flows import fast_passwords  # noqa: F401  (autouse: cheap password hashes)

pytestmark = pytest.mark.store
FRIDAY_LATE = dt.datetime(2026, 3, 13, 17, 50)  # S6: 6 steps of 2 office minutes = 12 minutes


def test_overrides_move_new_deadlines(register, people):
    admin = people["admin"]
    plain = intake(register, "S6", now=FRIDAY_LATE)
    assert plain.due_at == dt.datetime(2026, 3, 16, 9, 2)  # 10 minutes on Friday, 2 on Monday
    register.set_calendar_override(admin, dt.date(2026, 3, 16), "holiday", "аудан күні")
    off = intake(register, "S6", serial=2, now=FRIDAY_LATE)
    assert off.due_at == dt.datetime(2026, 3, 17, 9, 2)
    register.set_calendar_override(admin, dt.date(2026, 3, 14), "workday", "сенбілік")
    saturday = intake(register, "S6", serial=3, now=FRIDAY_LATE)
    assert saturday.due_at == dt.datetime(2026, 3, 14, 9, 2)
    assert register.calendar_overrides() == [(dt.date(2026, 3, 14), "workday", "сенбілік"),
                                             (dt.date(2026, 3, 16), "holiday", "аудан күні")]
    # a working day on Nauryz Monday, then the override removed again
    register.set_calendar_override(admin, dt.date(2026, 3, 14), None)
    register.set_calendar_override(admin, dt.date(2026, 3, 23), "workday")
    nauryz = intake(register, "S4", serial=4, now=dt.datetime(2026, 3, 20, 17, 50))  # 30 office minutes
    assert nauryz.due_at == dt.datetime(2026, 3, 23, 9, 20)
    # cases already registered keep their due time; the overrides are audited
    assert register.case(plain.reg_no).due_at == dt.datetime(2026, 3, 16, 9, 2)
    actions = [e for e in _all_events(register) if e[0] == "calendar"]
    assert len(actions) == 4


def _all_events(reg: Register) -> list[tuple[str, str]]:
    with raw(reg.path) as db:
        return db.all("SELECT action, details FROM events ORDER BY id")


def test_overrides_survive_reopening_and_other_processes_see_them(register, people):
    register.set_calendar_override(people["admin"], dt.date(2026, 3, 16), "holiday")
    with Register.open(register.path) as other:
        case = other.register_case(other.user("clerk"), "S6", applicant(9), None, None, now=FRIDAY_LATE)
        assert case.due_at == dt.datetime(2026, 3, 17, 9, 2)


def test_bad_override_refused_and_nothing_written(register, people):
    before = snapshot(register.path)
    with pytest.raises(ValidationError):
        register.set_calendar_override(people["admin"], dt.date(2026, 3, 16), "party")
    with pytest.raises(PermissionDenied):
        register.set_calendar_override(people["clerk"], dt.date(2026, 3, 16), "holiday")
    assert snapshot(register.path) == before


def test_overdue_due_today_and_board(register, people):
    ex1, ex2 = people["executor1"], people["executor2"]
    s6 = advance(register, intake(register, "S6", serial=1, now=T0), "with_executor")  # due 10:12, executor1
    s4 = intake(register, "S4", serial=2, now=T0)  # due 10:30, no executor yet
    s1 = intake(register, "S1", serial=3, now=T0)  # due 12 March 11:30
    s4b = intake(register, "S4", serial=4, now=T0)  # due 10:30, handed to executor2
    register.perform(people["head"], s4b.reg_no, "resolve", now=T0 + dt.timedelta(minutes=1), executor=ex2.id,
                     resolution="x")
    done = advance(register, intake(register, "S6", serial=5, now=T0), "delivered")  # closed: never overdue
    held = advance(register, intake(register, "S6", serial=6, now=T0), "suspended")  # paused: never overdue
    now = dt.datetime(2026, 3, 2, 10, 20)

    assert register.overdue_count(now) == 1
    assert [c.reg_no for c in register.find(Filters(overdue_at=now))] == [s6.reg_no]
    assert [c.reg_no for c in register.due_today(now)] == [s4.reg_no, s4b.reg_no]
    board = register.deadline_board(now)
    assert board["service"]["S6"] == {"overdue": 1, "due_today": 0, "on_time": 0}
    assert board["service"]["S4"] == {"overdue": 0, "due_today": 2, "on_time": 0}
    assert board["service"]["S1"] == {"overdue": 0, "due_today": 0, "on_time": 1}
    assert board["executor"][ex1.id] == {"overdue": 1, "due_today": 0, "on_time": 0}
    assert board["executor"][ex2.id] == {"overdue": 0, "due_today": 1, "on_time": 0}
    assert board["executor"][None] == {"overdue": 0, "due_today": 1, "on_time": 1}
    summaries = {c.reg_no: c for c in register.find(Filters())}
    assert summaries[s6.reg_no].overdue(now) and summaries[s6.reg_no].to_json(now)["overdue"] is True
    assert not summaries[done.reg_no].overdue(now) and not summaries[held.reg_no].overdue(now)

    # the next morning S4 is overdue too, and the March 12 case is still on time; on 12 March after 11:30 all are
    tomorrow = dt.datetime(2026, 3, 3, 9, 0)
    assert register.overdue_count(tomorrow) == 3 and register.due_today(tomorrow) == []
    later = dt.datetime(2026, 3, 12, 11, 31)
    assert register.overdue_count(later) == 4
    assert [c.reg_no for c in register.due_today(dt.datetime(2026, 3, 12, 8, 0))] == [s1.reg_no]
    assert register.summary(later)["overdue"] == 4
