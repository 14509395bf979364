"""Registries (реестр) and package scans of the PSC and akimat channels: the SQL side of desktop/core/packages.py.

``PackageDesk(reg)`` (also ``reg.packages``) works on the Register's connection. Every write is one
``BEGIN IMMEDIATE`` transaction that re-reads the actor, asks the core whether the move is allowed, updates the
cases and appends the audit events; a refused action writes nothing. Every scan is kept (table ``scans``) and
audited, flagged or not, so a package that should not be there is never silently accepted, and a package that
did not arrive stays on its registry as missing (case still in transit) until it is scanned in.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..core import packages, workflow
from ..core.errors import DomainError, NotFound, ValidationError
from ..core.model import Case, User
from . import audit
from .register import CaseSummary, Register, _dt, _ts, now_local

MAX_CODE = 64  # a runaway scanner must not fill the register


@dataclass(frozen=True)
class RegistryItem:
    position: int
    case_id: int
    reg_no: str
    service: str
    applicant: str
    iin: str
    documents: int            # documents in the package (as listed on the Қолхат)
    state: str                # on this registry: in_transit, received, missing
    package: str | None       # where the package is now
    received_at: dt.datetime | None
    received_by: int | None


@dataclass(frozen=True)
class Registry:
    id: int
    number: str
    direction: str            # to_department, to_branch
    source: str               # psc:N or akimat:ID
    day: dt.date
    run: int                  # courier run of that day (1..courier_runs)
    status: str               # dispatched, receiving, received, incomplete
    created_at: dt.datetime
    created_by: int
    closed_at: dt.datetime | None
    closed_by: int | None
    items: tuple[RegistryItem, ...]

    @property
    def expected(self) -> int:
        return len(self.items)

    @property
    def received(self) -> list[RegistryItem]:
        return [i for i in self.items if i.state == "received"]

    @property
    def missing(self) -> list[RegistryItem]:
        return [i for i in self.items if i.state == "missing"]

    @property
    def pending(self) -> list[RegistryItem]:
        return [i for i in self.items if i.state == "in_transit"]


@dataclass(frozen=True)
class Scan:
    id: int
    registry_no: str
    direction: str
    code: str
    result: str
    reg_no: str | None
    at: dt.datetime
    actor: str

    @property
    def flagged(self) -> bool:
        return self.result in packages.FLAGGED


_REGISTRY_COLUMNS = ("id, number, direction, source, day, run, status, created_at, created_by, closed_at,"
                     " closed_by")
_ITEM_SQL = ("SELECT i.position, c.id, c.reg_no, c.service, c.surname, c.name, c.patronymic, c.iin, c.data,"
             " i.state, c.package, i.received_at, i.received_by FROM registry_items i JOIN cases c"
             " ON c.id = i.case_id WHERE i.registry_id = ? ORDER BY i.position")
_SCAN_SQL = ("SELECT s.id, r.number, r.direction, s.code, s.result, c.reg_no, s.at, u.username FROM scans s"
             " JOIN registries r ON r.id = s.registry_id LEFT JOIN cases c ON c.id = s.case_id"
             " LEFT JOIN users u ON u.id = s.actor_id")


def _item(row: Sequence[Any]) -> RegistryItem:
    (position, cid, reg_no, service, surname, name, patronymic, iin, data, state, package, received_at,
     received_by) = row
    documents = len(json.loads(data).get("documents", []))
    return RegistryItem(position, cid, reg_no, service, " ".join(p for p in (surname, name, patronymic) if p), iin,
                        documents, state, package, _dt(received_at), received_by)


def _scan(row: Sequence[Any]) -> Scan:
    sid, number, direction, code, result, reg_no, at, actor = row
    return Scan(sid, number, direction, code, result, reg_no, _dt(at), actor or "—")


def _day(value: dt.date | str | None, now: dt.datetime) -> dt.date:
    if value is None:
        return now.date()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValidationError("bad_date", field="day", text=str(value)) from None


class PackageDesk:
    """Registries, scans and hand-over over one register (``reg.packages``)."""

    def __init__(self, reg: Register) -> None:
        self.reg = reg

    # ------------------------------------------------------------ the courier setting

    def courier_runs(self) -> int:
        """Courier runs (registries) per day and direction: the text says twice a day, the table once (default 2)."""
        try:
            return packages.courier_runs(self.reg.meta("courier_runs"))
        except ValidationError:
            return packages.DEFAULT_COURIER_RUNS

    def set_courier_runs(self, actor: User, runs: int, now: dt.datetime | None = None) -> int:
        """Admin only; audited."""
        value = packages.courier_runs(runs)
        now = now or now_local()
        with self.reg._write() as conn:
            actor = self.reg._current(conn, actor)
            workflow.check_role(actor, ("admin",), "settings")
            conn.execute("INSERT INTO meta(key, value) VALUES ('courier_runs', ?) ON CONFLICT(key)"
                         " DO UPDATE SET value=excluded.value", (str(value),))
            audit.append(conn, case_id=None, at=_ts(now), actor_id=actor.id, actor=actor.username,
                         action="setting", from_stage=None, to_stage=None,
                         details={"courier_runs": value})
        return value

    # ------------------------------------------------------------ building a registry

    def ready(self, source: str, direction: str = "to_department") -> list[CaseSummary]:
        """The packages that would go on the next registry of ``source`` in ``direction`` (oldest first)."""
        direction = packages.normalise_direction(direction)
        source = packages.source_channel(source).text
        ids = [r[0] for r in self.reg._all(self._candidates_sql(direction), (source,))]
        rows = self.reg.summaries(ids)
        return [rows[i] for i in ids]

    def waiting_by_source(self, direction: str = "to_department") -> dict[str, int]:
        """How many packages wait for a registry, per branch or akimat (the clerk's 'send back' overview)."""
        direction = packages.normalise_direction(direction)
        state, stage = ("at_branch", "awaiting_receipt") if direction == "to_department" else ("at_department",
                                                                                                "signed")
        return dict(self.reg._all("SELECT channel, count(*) FROM cases WHERE package=? AND stage=? GROUP BY channel"
                                  " ORDER BY channel", (state, stage)))

    def returned(self, source: str) -> list[CaseSummary]:
        """Results back at the branch (or akimat), waiting for the applicant and the Қолхат (oldest first)."""
        source = packages.source_channel(source).text
        ids = [r[0] for r in self.reg._all("SELECT id FROM cases WHERE channel=? AND package='at_branch_returned'"
                                           " AND stage='signed' ORDER BY id", (source,))]
        rows = self.reg.summaries(ids)
        return [rows[i] for i in ids]

    @staticmethod
    def _candidates_sql(direction: str) -> str:
        state, stage = ("at_branch", "awaiting_receipt") if direction == "to_department" else ("at_department",
                                                                                                "signed")
        return (f"SELECT id FROM cases WHERE channel = ? AND package = '{state}' AND stage = '{stage}'"
                " ORDER BY id")

    def create_registry(self, actor: User, source: str, day: dt.date | str | None = None,
                        direction: str = "to_department", *, reg_nos: Iterable[str] | None = None,
                        now: dt.datetime | None = None) -> Registry:
        """Put the waiting packages of ``source`` (all, or the ``reg_nos`` given) on a new registry, dispatched.

        To the department: the branch's collecting inspector (or the akim) sends the packages at the branch.
        Back to the branch: the department's clerk sends the signed results of that branch."""
        now = (now or now_local()).replace(microsecond=0)
        direction = packages.normalise_direction(direction)
        source = packages.source_channel(source).text
        day = _day(day, now)
        if not now.date() <= day <= now.date() + dt.timedelta(days=7):
            raise ValidationError("date_out_of_range", field="day", text=day.isoformat(),
                                  start=now.date().isoformat(), end=(now.date() + dt.timedelta(days=7)).isoformat())
        wanted = None if reg_nos is None else {packages.normalise_code(r) for r in reg_nos}
        runs = self.courier_runs()
        with self.reg._write() as conn:
            actor = self.reg._current(conn, actor)
            packages.authorise_registry(actor, source, direction, "build")
            used = conn.execute("SELECT count(*) FROM registries WHERE source=? AND direction=? AND day=?",
                                (source, direction, day.isoformat())).fetchone()[0]
            if used >= runs:
                raise DomainError("courier_runs_used", runs=runs, day=day.isoformat(), source=source)
            cases = self._pick(conn, source, direction, wanted)
            number = self._next_number(conn, now.year)
            registry_id = conn.execute(
                "INSERT INTO registries(number, direction, source, day, run, status, created_at, created_by)"
                " VALUES (?,?,?,?,?,'dispatched',?,?) RETURNING id",
                (number, direction, source, day.isoformat(), used + 1, _ts(now), actor.id)).fetchone()[0]
            for position, case in enumerate(cases, 1):
                new, event = packages.dispatch(case, self.reg.service_of(case), registry_no=number,
                                               direction=direction, now=now, calendar=self.reg.calendar())
                self.reg._update_case(conn, new)
                conn.execute("INSERT INTO registry_items(registry_id, case_id, position, state) VALUES (?,?,?,"
                             "'in_transit')", (registry_id, case.id, position))
                self._audit(conn, now, actor, case.id, event.action, event.from_stage, event.to_stage,
                            event.details)
            self._audit(conn, now, actor, None, "registry_create", None, None,
                        {"registry": number, "direction": direction, "source": source, "day": day.isoformat(),
                         "run": used + 1, "reg_nos": [c.reg_no for c in cases]})
        return self.registry(number)

    def _pick(self, conn: Any, source: str, direction: str, wanted: set[str] | None) -> list[Case]:
        ids = [r[0] for r in conn.execute(self._candidates_sql(direction), (source,))]
        cases = [self.reg._case_for_update(conn, i) for i in ids]
        if wanted is not None:
            strays = sorted(wanted - {c.reg_no for c in cases})
            if strays:
                raise DomainError("not_waiting", reg_no=strays[0], source=source)
            cases = [c for c in cases if c.reg_no in wanted]
        if not cases:
            raise DomainError("registry_empty", source=source, direction=direction)
        return cases

    def _next_number(self, conn: Any, year: int) -> str:
        office = self.reg.office_number or 0
        prefix = packages.format_registry_no(office, year, 0)[:-6]
        last = conn.execute("SELECT max(number) FROM registries WHERE number LIKE ?", (prefix + "%",)).fetchone()[0]
        return packages.format_registry_no(office, year, int(last[-6:]) + 1 if last else 1)

    # ------------------------------------------------------------ reading registries

    def registry(self, number: str) -> Registry:
        code = packages.normalise_code(number)
        row = self.reg._one(f"SELECT {_REGISTRY_COLUMNS} FROM registries WHERE number=?", (code,))
        if row is None:
            raise NotFound("registry_not_found", number=code)
        return self._registry(row)

    def _registry(self, row: Sequence[Any]) -> Registry:
        rid, number, direction, source, day, run, status, created_at, created_by, closed_at, closed_by = row
        items = tuple(_item(r) for r in self.reg._all(_ITEM_SQL, (rid,)))
        return Registry(rid, number, direction, source, dt.date.fromisoformat(day), run, status, _dt(created_at),
                        created_by, _dt(closed_at), closed_by, items)

    def registries(self, *, source: str | None = None, direction: str | None = None,
                   day: dt.date | str | None = None, status: str | Iterable[str] | None = None,
                   limit: int = 100) -> list[Registry]:
        """Registries, newest first, filtered by source ('psc:3'), direction, day and status(es)."""
        clauses, params = [], []
        if source is not None:
            clauses.append("source = ?")
            params.append(packages.source_channel(source).text)
        if direction is not None:
            clauses.append("direction = ?")
            params.append(packages.normalise_direction(direction))
        if day is not None:
            clauses.append("day = ?")
            params.append(_day(day, now_local()).isoformat())
        if status is not None:
            wanted = [status] if isinstance(status, str) else list(status)
            clauses.append(f"status IN ({','.join('?' * len(wanted))})")
            params += wanted
        where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
        rows = self.reg._all(f"SELECT {_REGISTRY_COLUMNS} FROM registries{where} ORDER BY id DESC LIMIT ?",
                             (*params, int(limit)))
        return [self._registry(r) for r in rows]

    # ------------------------------------------------------------ receiving by scanning

    def receive_scan(self, actor: User, registry_no: str, code: str, now: dt.datetime | None = None
                     ) -> packages.ScanResult:
        """One scan at the receiving desk of ``registry_no``: received, or flagged (not_on_registry, unknown,
        duplicate, registry) — recorded and audited either way."""
        now = (now or now_local()).replace(microsecond=0)
        number = packages.normalise_code(registry_no)
        scanned = packages.normalise_code(code)[:MAX_CODE]
        with self.reg._write() as conn:
            actor = self.reg._current(conn, actor)
            row = conn.execute("SELECT id, direction, source, status FROM registries WHERE number=?",
                               (number,)).fetchone()
            if row is None:
                raise NotFound("registry_not_found", number=number)
            registry_id, direction, source, status = row
            packages.authorise_registry(actor, source, direction, "receive")
            case = self._case_or_none(conn, scanned)
            item = conn.execute("SELECT state FROM registry_items WHERE registry_id=? AND case_id=?",
                                (registry_id, case.id)).fetchone() if case else None
            other = conn.execute("SELECT 1 FROM registries WHERE number=?", (scanned,)).fetchone() is not None
            result = packages.classify(scanned, number, item[0] if item else None, case, registry_code=other)
            if result == "received":
                self._receive(conn, case, actor, registry_id, number, direction, status, now)
            else:
                details = {"registry": number, "code": scanned, "result": result}
                if case is not None:
                    details["package"] = case.package
                self._audit(conn, now, actor, case.id if case else None, "package_scan", None if case is None
                            else case.stage, None if case is None else case.stage, details)
            conn.execute("INSERT INTO scans(registry_id, case_id, code, result, at, actor_id) VALUES (?,?,?,?,?,?)",
                         (registry_id, case.id if case else None, scanned or "—", result, _ts(now), actor.id))
            expected, received = conn.execute("SELECT count(*), count(*) FILTER (WHERE state='received')"
                                              " FROM registry_items WHERE registry_id=?", (registry_id,)).fetchone()
        return packages.ScanResult(number, scanned, result, case.reg_no if case else None, now, expected, received)

    def _case_or_none(self, conn: Any, code: str) -> Case | None:
        if not packages.valid_code(code):
            return None
        try:
            return self.reg._case_for_update(conn, code)
        except NotFound:
            return None

    def _receive(self, conn: Any, case: Case, actor: User, registry_id: int, number: str,
                 direction: str, status: str, now: dt.datetime) -> None:
        new, event = packages.receive(case, self.reg.service_of(case), actor=actor, registry_no=number,
                                      direction=direction, now=now, calendar=self.reg.calendar())
        self.reg._update_case(conn, new)
        conn.execute("UPDATE registry_items SET state='received', received_at=?, received_by=? WHERE registry_id=?"
                     " AND case_id=?", (_ts(now), actor.id, registry_id, case.id))
        self._audit(conn, now, actor, case.id, event.action, event.from_stage, event.to_stage, event.details)
        left = conn.execute("SELECT count(*) FROM registry_items WHERE registry_id=? AND state <> 'received'",
                            (registry_id,)).fetchone()[0]
        if left == 0:
            conn.execute("UPDATE registries SET status='received', closed_at=coalesce(closed_at, ?),"
                         " closed_by=coalesce(closed_by, ?) WHERE id=?", (_ts(now), actor.id, registry_id))
        elif status == "dispatched":
            conn.execute("UPDATE registries SET status='receiving' WHERE id=?", (registry_id,))

    def close_receipt(self, actor: User, registry_no: str, now: dt.datetime | None = None) -> list[str]:
        """End the receipt: packages not scanned are flagged missing (their cases stay in transit, so they can
        still be scanned in when they turn up). Returns the missing registration numbers."""
        now = (now or now_local()).replace(microsecond=0)
        number = packages.normalise_code(registry_no)
        with self.reg._write() as conn:
            actor = self.reg._current(conn, actor)
            row = conn.execute("SELECT id, direction, source FROM registries WHERE number=?", (number,)).fetchone()
            if row is None:
                raise NotFound("registry_not_found", number=number)
            registry_id, direction, source = row
            packages.authorise_registry(actor, source, direction, "receive")
            newly = [r[0] for r in conn.execute("SELECT case_id FROM registry_items WHERE registry_id=? AND"
                                                " state='in_transit' ORDER BY position", (registry_id,))]
            missing = [r[0] for r in conn.execute(
                "SELECT c.reg_no FROM registry_items i JOIN cases c ON c.id=i.case_id WHERE i.registry_id=?"
                " AND i.state IN ('in_transit','missing') ORDER BY i.position", (registry_id,))]
            if not newly and conn.execute("SELECT closed_at FROM registries WHERE id=?",
                                          (registry_id,)).fetchone()[0]:
                return missing  # already closed, nothing new: nothing to write
            conn.execute("UPDATE registry_items SET state='missing' WHERE registry_id=? AND state='in_transit'",
                         (registry_id,))
            conn.execute("UPDATE registries SET status=?, closed_at=?, closed_by=? WHERE id=?",
                         ("incomplete" if missing else "received", _ts(now), actor.id, registry_id))
            for case_id in newly:
                case = self.reg._case_for_update(conn, case_id)
                self._audit(conn, now, actor, case_id, "package_missing", case.stage, case.stage,
                            {"reg_no": case.reg_no, "registry": number, "package": case.package})
            self._audit(conn, now, actor, None, "registry_close", None, None,
                        {"registry": number, "missing": missing, "direction": direction, "source": source})
        return missing

    # ------------------------------------------------------------ hand-over, case card

    def hand_over(self, actor: User, reg_no: str, now: dt.datetime | None = None) -> Case:
        """The branch's inspector gives the result against the Қолхат (the akim at his akimat): delivered."""
        now = (now or now_local()).replace(microsecond=0)
        with self.reg._write() as conn:
            actor = self.reg._current(conn, actor)
            case = self.reg._case_for_update(conn, packages.normalise_code(reg_no))
            new, event = packages.hand_over(case, actor=actor, now=now)
            new = self.reg._update_case(conn, new)
            self._audit(conn, now, actor, case.id, event.action, event.from_stage, event.to_stage, event.details)
        return new

    def package_location(self, case: Case | str) -> str | None:
        """Where the package is ('at_branch', 'in_transit', ...), None for a case registered at the counter."""
        return (case if isinstance(case, Case) else self.reg.case(case)).package

    def package_scans(self, reg_no: str) -> list[Scan]:
        """Every scan of this case's barcode at any receiving desk, oldest first (for the case card)."""
        case = self.reg.case(reg_no)
        return [_scan(r) for r in self.reg._all(_SCAN_SQL + " WHERE s.case_id=? ORDER BY s.id", (case.id,))]

    def registry_scans(self, registry_no: str) -> list[Scan]:
        """Every scan made while receiving this registry, flagged ones included, oldest first."""
        registry = self.registry(registry_no)
        return [_scan(r) for r in self.reg._all(_SCAN_SQL + " WHERE s.registry_id=? ORDER BY s.id", (registry.id,))]

    def case_registries(self, reg_no: str) -> list[tuple[Registry, RegistryItem]]:
        """The registries this case travelled on, with its line on each (for the case card)."""
        case = self.reg.case(reg_no)
        numbers = [r[0] for r in self.reg._all("SELECT r.number FROM registry_items i JOIN registries r"
                                               " ON r.id=i.registry_id WHERE i.case_id=? ORDER BY r.id", (case.id,))]
        out = []
        for number in numbers:
            registry = self.registry(number)
            out.append((registry, next(i for i in registry.items if i.case_id == case.id)))
        return out

    # ------------------------------------------------------------ audit

    @staticmethod
    def _audit(conn: Any, now: dt.datetime, actor: User, case_id: int | None, action: str,
               from_stage: str | None, to_stage: str | None, details: dict[str, Any]) -> None:
        audit.append(conn, case_id=case_id, at=_ts(now), actor_id=actor.id, actor=actor.username, action=action,
                     from_stage=from_stage, to_stage=to_stage, details=details)
