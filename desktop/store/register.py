"""The case register, on one SQLite file or a PostgreSQL server. All SQL of Kense lives in this package.

The interface speaks domain types (Case, User, dicts of plain values) and raises KenseError subclasses; no
sqlite3 or psycopg type leaves it. What differs between the two engines lives in engines/.

Register is put together from parts beside this module, each a mixin on base.RegisterBase (the connection, the
read helpers, the acting user):
- office.py   the office, the catalogue versions, the calendar overrides, ``initialise``
- users.py    staff accounts, sign-in, executors' load (passwords.py: how passwords are hashed)
- queries.py  reading cases: one case, history, searches, work queues, deadline counts
- records.py  the values they return (CaseSummary, Filters, ...) and the row conversions
This module keeps opening and closing, every case-changing transaction (intake, workflow actions, logged events),
verification and backup. The names other modules import from here (Register, now_local, format_reg_no, ...) still
are importable from here.
"""
from __future__ import annotations

import datetime as dt
import getpass
import json
import os
import sqlite3
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from ..core import workflow
from ..core.catalogue import Catalogue, load_catalogue
from ..core.errors import Conflict, NotFound, PermissionDenied, ValidationError
from ..core.model import Case, User
from . import audit
from .engines import is_postgres
from .engines import sqlite as db
from .errors import NotInitialised, StoreError
from .office import OfficeMixin
from .passwords import MIN_PASSWORD
from .queries import QueriesMixin, _order
from .records import (_CASE_COLUMNS, _SUMMARY_COLUMNS, _USER_COLUMNS, CaseSummary, Filters, HistoryEntry,
                      VerifyReport, _case, _dt, _summary, _ts, _user, format_reg_no, name_key, now_local)
from .requests import CHANGING_ACTIONS, check_token, check_version, remember, seen
from .users import UsersMixin

# Register, and what other modules (psc, demo, the CLI, the benchmark) import from here since before the split
__all__ = ["MIN_PASSWORD", "CaseSummary", "Filters", "HistoryEntry", "Register", "VerifyReport", "_CASE_COLUMNS",
           "_SUMMARY_COLUMNS", "_USER_COLUMNS", "_case", "_dt", "_order", "_summary", "_ts", "_user", "format_reg_no",
           "name_key", "now_local"]


class Register(OfficeMixin, UsersMixin, QueriesMixin):
    """One office's case register: a SQLite file, or a database on the office's PostgreSQL server."""

    def __init__(self, path: Any, conn: Any, catalogue: Catalogue, warnings: list[str]) -> None:
        self.path = path
        self._conn = conn
        self._catalogue = catalogue
        self._versions = {catalogue.version: catalogue}  # the attributes' types: base.RegisterBase
        self._calendar = None
        self.warnings = warnings

    # ------------------------------------------------------------ opening

    @classmethod
    def open(cls, path: Path | str, *, create: bool = False, check: bool = True,
             catalogue: Catalogue | None = None, password: str | None = None,
             interactive: bool | None = None) -> Register:
        """Open (or with ``create`` make) a register; migrate it, check it, record the catalogue in force.

        ``path`` is a SQLite file or a ``postgresql://`` URL; for a server, ``password`` (else ``~/.pgpass``, else
        a prompt when ``interactive`` and there is a terminal)."""
        if is_postgres(path):
            return cls._open_postgres(str(path).strip(), create=create, catalogue=catalogue, password=password,
                                      interactive=interactive)
        path = Path(path)
        warnings: list[str] = []
        fstype = db.filesystem_of(path.parent if not path.exists() else path)
        if fstype in db.NETWORK_FS:
            from ..core.messages import message
            warnings.append(message("network_share", fs=fstype))
        conn = db.connect(path, create)
        try:
            if check:
                db.quick_check(conn)
            db.migrate(conn)
            catalogue = catalogue or load_catalogue()
            reg = cls(path, conn, catalogue, warnings)
            reg._remember_catalogue()
        except db.FAILURES as exc:  # a damaged file found after the checks (e.g. open with check=False)
            conn.close()
            raise db.translate(exc) from None
        except BaseException:
            conn.close()
            raise
        return reg

    @classmethod
    def _open_postgres(cls, url: str, *, create: bool, catalogue: Catalogue | None, password: str | None,
                       interactive: bool | None) -> Register:
        from .engines import postgres
        conn = postgres.connect(url, password=password, interactive=interactive)
        postgres.open_checked(conn, create)
        try:
            postgres.migrate(conn)
            reg = cls(postgres.redact(url), conn, catalogue or load_catalogue(), [])
            reg._remember_catalogue()
        except BaseException:
            conn.close()
            raise
        return reg

    @property
    def is_server(self) -> bool:
        """True on PostgreSQL (several desks); False for a SQLite file on this machine."""
        return self.engine.name == "postgresql"

    def close(self) -> None:
        self._closed = True
        self._conn.close()

    def __enter__(self) -> Register:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------ cases: writing

    def _next_reg_no(self, conn: Any, year: int) -> str:
        office = self.office_number
        return format_reg_no(office, year, self.engine.draw_reg_no(conn, office, year))

    def register_case(self, actor: User, service: str, applicant: Mapping[str, Any],
                      fields: Mapping[str, Any] | None = None, documents: Iterable[str] | None = None, *,
                      channel: str = "department", channel_ref: str | None = None,
                      now: dt.datetime | None = None, request: str | None = None) -> Case:
        """Register an application in one durable transaction; returns the case with its number.

        ``request``: the client's token for this intake (one per button press). Asked again with the same token
        (after a lost connection), the case registered the first time is returned and nothing is written."""
        token = check_token(request)
        self._ensure_connection()
        if self.office_number is None:
            raise NotInitialised()
        svc = self._catalogue.service(service) if isinstance(service, str) else None
        if svc is None:
            raise ValidationError("unknown_service", field="service", code=service)
        now = (now or now_local()).replace(microsecond=0)
        # validate before taking the write lock, so bad input never waits for (or burns) a number
        workflow.register(service=svc, actor=self._current(self._conn, actor), applicant=applicant, fields=fields,
                          documents=documents, reg_no="K0", catalogue_version=self._catalogue.version, now=now,
                          calendar=self.calendar(), channel=channel, channel_ref=channel_ref)
        with self._write() as conn:
            actor = self._current(conn, actor)
            done = seen(conn, token)
            if done is not None:
                return self._case_for_update(conn, done.case_id)
            reg_no = self._next_reg_no(conn, now.year)
            case, event = workflow.register(
                service=svc, actor=actor, applicant=applicant, fields=fields, documents=documents, reg_no=reg_no,
                catalogue_version=self._catalogue.version, now=now, calendar=self.calendar(), channel=channel,
                channel_ref=channel_ref)
            others = [r[0] for r in conn.execute(
                "SELECT reg_no FROM cases WHERE iin=? AND service=? AND stage NOT IN ('delivered','withdrawn')",
                (case.applicant.iin, svc.code))]
            details = dict(event.details, step_due_at=_ts(case.step_due_at), due_at=_ts(case.due_at))
            if others:
                details["warning"] = {"second_open_case": others}
            case_id = self._insert_case(conn, case)
            event_id = audit.append(conn, case_id=case_id, at=_ts(now), actor_id=actor.id, actor=actor.username,
                                    action=event.action, from_stage=None, to_stage=case.stage, details=details)
            remember(conn, token, case_id, event_id, _ts(now))
        return case.with_(id=case_id)

    def _insert_case(self, conn: Any, case: Case) -> int:
        a = case.applicant
        return conn.execute(
            "INSERT INTO cases(reg_no, service, channel, catalogue_version, stage, decision, iin, surname, name,"
            " patronymic, name_key, address, phone, registered_at, registered_by, executor_id, due_at,"
            " step_due_at, stage_since, closed_at, data) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
            " RETURNING id",
            (case.reg_no, case.service, case.channel, case.catalogue_version, case.stage, case.decision, a.iin,
             a.surname, a.name, a.patronymic, name_key(a.surname, a.name, a.patronymic), a.address, a.phone,
             _ts(case.registered_at), case.registered_by, case.executor_id, _ts(case.due_at),
             _ts(case.step_due_at), _ts(case.stage_since), _ts(case.closed_at),
             json.dumps(case.data, ensure_ascii=False))).fetchone()[0]

    def perform(self, actor: User, key: int | str, action: str, *, now: dt.datetime | None = None,
                expected_version: int | None = None, request: str | None = None, **params: Any) -> Case:
        """Apply one workflow action to a case in one transaction (role, stage and input checked by the core).

        ``expected_version``: the case's version the desk showed when the user acted; if someone changed the
        case since, Conflict (naming who, when and what) and nothing is written. ``request``: the client's token
        for this action; asked again with it (after a lost connection), the case is returned as it is and nothing
        is done a second time."""
        token = check_token(request)
        expected_version = check_version(expected_version)
        now = (now or now_local()).replace(microsecond=0)
        if action == "resolve" and params.get("executor") is not None:
            named = params["executor"]
            try:  # a User object may be stale: use the account as it is now
                params["executor"] = self.user(named.id if isinstance(named, User) else named)
            except NotFound:
                raise ValidationError("not_executor", field="executor",
                                      user=getattr(named, "username", named)) from None
        with self._write() as conn:
            actor = self._current(conn, actor)
            case = self._case_for_update(conn, key)
            if seen(conn, token) is not None:
                return case  # applied before the connection was lost: as it is now, nothing done twice
            if expected_version is not None and case.version != expected_version:
                raise self._conflict(conn, case)
            service = self.service_of(case)
            new, event = workflow.perform(case, service=service, actor=actor, action=action, now=now,
                                          params=params, calendar=self.calendar())
            new = self._update_case(conn, new)
            details = dict(event.details)
            if new.step_due_at != case.step_due_at:
                details["step_due_at"] = _ts(new.step_due_at)
            event_id = audit.append(conn, case_id=case.id, at=_ts(now), actor_id=actor.id, actor=actor.username,
                                    action=event.action, from_stage=event.from_stage, to_stage=event.to_stage,
                                    details=details)
            remember(conn, token, case.id, event_id, _ts(now))
        return new

    def _case_for_update(self, conn: Any, key: int | str) -> Case:
        column = "id" if isinstance(key, int) else "reg_no"
        row = conn.execute(f"SELECT {_CASE_COLUMNS} FROM cases WHERE {column}=?",
                           (key if isinstance(key, int) else key.strip().upper(),)).fetchone()
        if row is None:
            raise NotFound(key=key)
        return _case(row)

    def _update_case(self, conn: Any, case: Case) -> Case:
        """Write the case computed from version ``case.version``; returns it at its new version (one more).

        The UPDATE applies only to the version it was computed from, so a change computed from a state someone
        else has changed meanwhile is refused (Conflict), never written over theirs."""
        cursor = conn.execute(
            "UPDATE cases SET stage=?, decision=?, executor_id=?, due_at=?, step_due_at=?, stage_since=?,"
            " closed_at=?, data=?, version=version+1 WHERE id=? AND version=?",
            (case.stage, case.decision, case.executor_id, _ts(case.due_at), _ts(case.step_due_at),
             _ts(case.stage_since), _ts(case.closed_at), json.dumps(case.data, ensure_ascii=False), case.id,
             case.version))
        if cursor.rowcount != 1:
            now = self._case_for_update(conn, case.id)
            if now.version != case.version:
                raise self._conflict(conn, now)
            raise PermissionDenied("db_refused", detail=f"case {case.reg_no} was not updated")
        return case.with_(version=case.version + 1)

    def _conflict(self, conn: Any, case: Case) -> Conflict:
        """Who changed ``case`` last, when and how (its last event that changed the case row)."""
        marks = ",".join("?" * len(CHANGING_ACTIONS))
        row = conn.execute("SELECT e.at, e.actor, e.action, u.full_name FROM events e LEFT JOIN users u"
                           f" ON u.username = e.actor WHERE e.case_id=? AND e.action IN ({marks})"
                           " ORDER BY e.id DESC LIMIT 1", (case.id, *CHANGING_ACTIONS)).fetchone()
        if row is None:
            return Conflict(reg_no=case.reg_no, who="—", at="—", did="", version=case.version)
        at, username, action, full_name = row
        when = _dt(at)
        shown = when.strftime("%H:%M") if when.date() == now_local().date() else when.strftime("%d.%m.%Y %H:%M")
        return Conflict(reg_no=case.reg_no, who=full_name or username, at=shown, did=action, version=case.version)

    def log_event(self, actor: User | None, key: int | str | None, action: str, details: Mapping[str, Any],
                  now: dt.datetime | None = None, request: str | None = None) -> None:
        """Record an action that changes no case state (a print, an export) in the audit trail.

        ``actor`` None means the command line run by the operating-system user (recorded by name). ``request``:
        the client's token; asked again with it (after a lost connection), nothing is recorded a second time."""
        token = check_token(request)
        now = now or now_local()
        with self._write() as conn:
            if actor is not None:
                actor = self._current(conn, actor)
            if seen(conn, token) is not None:
                return
            case_id = None
            stage = None
            if key is not None:
                case = self._case_for_update(conn, key)
                case_id, stage = case.id, case.stage
            who = actor.username if actor else f"cli:{getpass.getuser()}"
            event_id = audit.append(conn, case_id=case_id, at=_ts(now), actor_id=actor.id if actor else None,
                                    actor=who, action=action, from_stage=stage, to_stage=stage,
                                    details=dict(details))
            remember(conn, token, case_id, event_id, _ts(now))

    # ------------------------------------------------------------ integrity, backup

    def verify(self) -> VerifyReport:
        engine = self.engine
        try:
            with engine.snapshot(self._conn):  # the trail and its stored head as of one moment
                integrity = engine.integrity(self._conn)
                chain = audit.verify_chain(self._conn)
        except engine.FAILURES as exc:
            raise engine.translate(exc) from None
        return VerifyReport(integrity == "ok" and chain.ok, integrity, chain.events, chain.first_broken,
                            chain.problem)

    def backup(self, dest: Path | str, progress: Any = None) -> VerifyReport:
        """Copy the register with SQLite's online backup API, then check the copy; returns the copy's report."""
        dest = Path(dest)
        if dest.exists() and dest.resolve() == self.path.resolve():
            raise StoreError("backup_same_file")
        tmp = dest.with_name(dest.name + ".part")
        if tmp.exists():
            tmp.unlink()
        try:
            target = sqlite3.connect(str(tmp))
            try:
                self._conn.backup(target, pages=4096,
                                  progress=(lambda status, remaining, total: progress(total - remaining, total))
                                  if progress else None)
            finally:
                target.close()
        except sqlite3.Error as exc:
            raise db.translate(exc) from None
        copy = Register.open(tmp, catalogue=self._catalogue)
        try:
            report = copy.verify()
        finally:
            copy.close()
        if not report.ok:
            raise StoreError(detail=f"backup copy failed verification: {report.problem or report.integrity}")
        for suffix in ("-wal", "-shm"):
            extra = Path(str(tmp) + suffix)
            if extra.exists():
                extra.unlink()
        os.replace(tmp, dest)
        return report

    # ------------------------------------------------------------ PSC / akimat packages and registries

    @property
    def packages(self) -> Any:
        """The registry desk of issue 5 (desktop/store/psc.py: registries, scans, hand-over)."""
        from .psc import PackageDesk
        return PackageDesk(self)

    # ------------------------------------------------------------ bulk load (demo), raw access for benchmarks

    @property
    def is_demo(self) -> bool:
        """True for a register made by ``kense demo`` (or the first-start demo office): only those take demo cases."""
        return self.meta("demo") == "1"

    def mark_demo(self) -> None:
        with self._write() as conn:
            conn.execute("INSERT INTO meta(key, value) VALUES ('demo', '1') ON CONFLICT(key) DO UPDATE SET value='1'")

    def bulk_connection(self) -> sqlite3.Connection:
        """The underlying connection, for the demo loader and the benchmark only (never for the app)."""
        return self._conn

    # ------------------------------------------------------------ live queues

    def watch(self) -> Any:
        """A change watcher on its own connection: ``wait(timeout) -> bool`` (True when another connection has
        committed a change since the last call) and ``close()``. SQLite polls ``PRAGMA data_version`` (windows and
        processes on this machine); PostgreSQL LISTENs to the notifications the server's triggers send."""
        return self.engine.watch(self._conn, self.path)
