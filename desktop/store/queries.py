"""Reading cases: one case and its history, searches by filters, work queues, deadline counts, the day's intakes."""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from ..core.errors import NotFound
from ..core.model import Applicant, Case
from .base import RegisterBase
from .records import (_CASE_COLUMNS, _SUMMARY_COLUMNS, CaseSummary, Filters, HistoryEntry, _case, _dt, _summary,
                      _ts, now_local)
from .schema import OPEN_STAGES_SQL


class QueriesMixin(RegisterBase):
    """Cases, reading: a part of Register."""

    def case(self, key: int | str) -> Case:
        column = "id" if isinstance(key, int) else "reg_no"
        value = key if isinstance(key, int) else str(key).strip().upper()
        row = self._one(f"SELECT {_CASE_COLUMNS} FROM cases WHERE {column}=?", (value,))
        if row is None:
            raise NotFound(key=key)
        return _case(row)

    def history(self, key: int | str) -> list[HistoryEntry]:
        case_id = key if isinstance(key, int) else self.case(key).id
        return [HistoryEntry(i, _dt(at), actor, action, f, t, json.loads(d)) for i, at, actor, action, f, t, d in
                self._all("SELECT id, at, actor, action, from_stage, to_stage, details FROM events"
                          " WHERE case_id=? ORDER BY id", (case_id,))]

    def open_cases(self, iin: str, service: str) -> list[str]:
        """Registration numbers of open cases of the same IIN and service (the counter warns on them)."""
        return [r[0] for r in self._all("SELECT reg_no FROM cases WHERE iin=? AND service=?"
                                        " AND stage NOT IN ('delivered','withdrawn') ORDER BY id", (iin, service))]

    def applicant_history(self, iin: str) -> tuple[Applicant | None, list[CaseSummary]]:
        """The applicant's latest known data and earlier cases, newest first."""
        rows = self._all(f"SELECT {_SUMMARY_COLUMNS} FROM cases WHERE iin=? ORDER BY id DESC LIMIT 50", (iin,))
        latest = self._one("SELECT surname, name, patronymic, iin, address, phone FROM cases WHERE iin=?"
                           " ORDER BY id DESC LIMIT 1", (iin,))
        return (Applicant(*latest) if latest else None), [_summary(r) for r in rows]

    def _where(self, f: Filters) -> tuple[str, list[Any]]:
        clauses, params = [], []
        if f.reg_no:
            clauses.append("reg_no = ?")
            params.append(f.reg_no.strip().upper())
        if f.iin:
            clauses.append("iin = ?")
            params.append(f.iin.strip())
        if f.service:
            clauses.append("service = ?")
            params.append(f.service)
        if f.stage:
            clauses.append("stage = ?")
            params.append(f.stage)
        if f.name_prefix and f.name_prefix.strip():
            key = " ".join(f.name_prefix.split()).casefold()
            clauses.append("name_key >= ? AND name_key < ?")
            params += [key, key + "\U0010ffff"]
        if f.registered_from:
            clauses.append("registered_at >= ?")
            params.append(f.registered_from.isoformat())
        if f.registered_to:
            clauses.append("registered_at < ?")
            params.append((f.registered_to + dt.timedelta(days=1)).isoformat())
        if f.executor_id is not None:
            clauses.append("executor_id = ?")
            params.append(f.executor_id)
        if f.overdue_at is not None:
            clauses.append(f"stage IN {OPEN_STAGES_SQL} AND due_at < ?")
            params.append(_ts(f.overdue_at))
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def find_ids(self, filters: Filters = Filters(), limit: int | None = None, offset: int = 0) -> list[int]:
        """Ids of matching cases, newest first (lists keep ids and fetch rows on demand)."""
        where, params = self._where(filters)
        sql = f"SELECT id FROM cases{where} ORDER BY {_order(filters)}"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [int(limit), int(offset)]
        return [r[0] for r in self._all(sql, params)]

    def find(self, filters: Filters = Filters(), limit: int = 100) -> list[CaseSummary]:
        where, params = self._where(filters)
        return [_summary(r) for r in self._all(f"SELECT {_SUMMARY_COLUMNS} FROM cases{where} ORDER BY {_order(filters)}"
                                               " LIMIT ?", (*params, int(limit)))]

    def summaries(self, ids: Sequence[int]) -> dict[int, CaseSummary]:
        out: dict[int, CaseSummary] = {}
        for start in range(0, len(ids), 500):
            chunk = list(ids[start:start + 500])
            marks = ",".join("?" * len(chunk))
            for row in self._all(f"SELECT {_SUMMARY_COLUMNS} FROM cases WHERE id IN ({marks})", chunk):
                out[row[0]] = _summary(row)
        return out

    def inbox_ids(self, queue: str, *, executor_id: int | None = None, limit: int | None = None) -> list[int]:
        """A work queue ordered by the current step's due time: 'resolution', 'signature' or 'executor'."""
        if queue == "resolution":
            sql, params = "SELECT id FROM cases WHERE stage='awaiting_resolution' ORDER BY step_due_at, id", []
        elif queue == "signature":
            sql, params = "SELECT id FROM cases WHERE stage='awaiting_signature' ORDER BY step_due_at, id", []
        elif queue == "executor":
            # a signed PSC / akimat result goes back on the clerk's return registry, not by the executor
            sql = ("SELECT id FROM cases WHERE executor_id=? AND stage IN ('with_executor','signed','suspended')"
                   " AND NOT (stage = 'signed' AND package IS NOT NULL) ORDER BY step_due_at, id")
            params = [executor_id]
        else:
            raise ValueError(f"unknown queue {queue!r}")
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        return [r[0] for r in self._all(sql, params)]

    def inbox(self, queue: str, *, executor_id: int | None = None, limit: int = 200) -> list[CaseSummary]:
        ids = self.inbox_ids(queue, executor_id=executor_id, limit=limit)
        rows = self.summaries(ids)
        return [rows[i] for i in ids]

    def overdue_count(self, now: dt.datetime | None = None) -> int:
        # INDEXED BY: without table statistics (a register grown by use) the planner would pick cases_stage_due
        return self._one(f"SELECT count(*) FROM cases{self.engine.indexed_by('cases_open_due')}"
                         f" WHERE stage IN {OPEN_STAGES_SQL}"
                         " AND due_at < ?",
                         (_ts(now or now_local()),))[0]

    def deadline_board(self, now: dt.datetime | None = None) -> dict[str, dict[Any, dict[str, int]]]:
        """Counts of open cases that are overdue, due today and on time, per service and per executor."""
        now = now or now_local()
        end_of_day = _ts(dt.datetime.combine(now.date(), dt.time(23, 59, 59)))
        rows = self._all(
            f"SELECT service, executor_id, count(*) FILTER (WHERE due_at < ?),"
            f" count(*) FILTER (WHERE due_at >= ? AND due_at <= ?), count(*) FILTER (WHERE due_at > ?)"
            f" FROM cases WHERE stage IN {OPEN_STAGES_SQL} GROUP BY service, executor_id",
            (_ts(now), _ts(now), end_of_day, end_of_day))
        board: dict[str, dict[Any, dict[str, int]]] = {"service": {}, "executor": {}}
        for service, executor_id, overdue, today, later in rows:
            for axis, key in (("service", service), ("executor", executor_id)):
                slot = board[axis].setdefault(key, {"overdue": 0, "due_today": 0, "on_time": 0})
                slot["overdue"] += overdue or 0
                slot["due_today"] += today or 0
                slot["on_time"] += later or 0
        return board

    def due_today(self, now: dt.datetime | None = None, limit: int = 500) -> list[CaseSummary]:
        now = now or now_local()
        end_of_day = _ts(dt.datetime.combine(now.date(), dt.time(23, 59, 59)))
        return [_summary(r) for r in self._all(
            f"SELECT {_SUMMARY_COLUMNS} FROM cases{self.engine.indexed_by('cases_open_due')}"
            f" WHERE stage IN {OPEN_STAGES_SQL}"
            " AND due_at >= ? AND due_at <= ?"
            " ORDER BY due_at LIMIT ?", (_ts(now), end_of_day, limit))]

    def intakes_on(self, day: dt.date, limit: int = 1000) -> list[CaseSummary]:
        """The day's journal of intakes (the clerk's list), newest first."""
        return [_summary(r) for r in self._all(
            f"SELECT {_SUMMARY_COLUMNS} FROM cases WHERE registered_at >= ? AND registered_at < ?"
            " ORDER BY registered_at DESC, id DESC LIMIT ?",
            (day.isoformat(), (day + dt.timedelta(days=1)).isoformat(), limit))]

    def count(self) -> int:
        return self._one("SELECT count(*) FROM cases")[0]

    def summary(self, now: dt.datetime | None = None) -> dict[str, Any]:
        """Totals for the status line and for ``kense`` without a GUI."""
        by_stage = dict(self._all("SELECT stage, count(*) FROM cases GROUP BY stage"))
        return {"office": self.office_number, "cases": sum(by_stage.values()), "by_stage": by_stage,
                "overdue": self.overdue_count(now), "users": len(self.users()),
                "catalogue_version": self._catalogue.version}


def _order(filters: Filters) -> str:
    """Newest first; a name search alphabetically (read straight from the name index, no sort of every match)."""
    return "name_key, id DESC" if filters.name_prefix and filters.name_prefix.strip() else "id DESC"

