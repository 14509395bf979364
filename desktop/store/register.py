"""The case register over one SQLite file. All SQL of Kense lives in this package.

The interface speaks domain types (Case, User, dicts of plain values) and raises KenseError subclasses; no
sqlite3 type leaves it, so the same interface can later sit on PostgreSQL.
"""
from __future__ import annotations

import datetime as dt
import getpass
import hashlib
import hmac
import json
import os
import secrets
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core import channels, reference, workflow
from ..core.calendar import OfficeCalendar
from ..core.catalogue import ROLES, Catalogue, Service, catalogue_from_dict, load_catalogue
from ..core.errors import DomainError, NotFound, PermissionDenied, ValidationError
from ..core.model import OPEN_STAGES, Applicant, Case, User
from . import audit, db
from .errors import NotInitialised, StoreError
from .schema import OPEN_STAGES_SQL

PBKDF2_ITERATIONS = 200_000
MIN_PASSWORD = 4
_CASE_COLUMNS = ("id, reg_no, service, channel, catalogue_version, stage, decision, iin, surname, name, patronymic,"
                 " address, phone, registered_at, registered_by, executor_id, due_at, step_due_at, stage_since,"
                 " closed_at, data")
_SUMMARY_COLUMNS = ("id, reg_no, service, channel, stage, decision, iin, surname, name, patronymic,"
                    " registered_at, due_at, step_due_at, executor_id, closed_at, package")


def now_local() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def _ts(value: dt.datetime | None) -> str | None:
    return None if value is None else value.replace(microsecond=0).isoformat(sep=" ")


def _dt(text: str | None) -> dt.datetime | None:
    return None if text is None else dt.datetime.fromisoformat(text)


def name_key(surname: str, name: str, patronymic: str = "") -> str:
    """The search key for name-prefix search: case-folded 'surname name patronymic'."""
    return " ".join(p for p in (surname, name, patronymic) if p).casefold()


def hash_password(password: str, iterations: int | None = None) -> str:
    """A salted PBKDF2-SHA256 hash; the iteration count is stored with it, so it can be raised later."""
    iterations = iterations or PBKDF2_ITERATIONS
    salt = secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations)
    return f"pbkdf2_sha256${iterations}${salt.hex()}${digest.hex()}"


def check_password(password: str, stored: str) -> bool:
    try:
        scheme, iterations, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "pbkdf2_sha256":
        return False
    got = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), bytes.fromhex(salt), int(iterations))
    return hmac.compare_digest(got.hex(), digest)


@dataclass(frozen=True)
class CaseSummary:
    """One line of a list: what the tables and ``kense find`` show."""
    id: int
    reg_no: str
    service: str
    channel: str
    stage: str
    decision: str | None
    iin: str
    applicant: str
    registered_at: dt.datetime
    due_at: dt.datetime
    step_due_at: dt.datetime | None
    executor_id: int | None
    closed_at: dt.datetime | None
    package: str | None = None  # where a PSC / akimat package is (desktop/core/packages.py); None at the counter

    def overdue(self, now: dt.datetime) -> bool:
        return self.stage in OPEN_STAGES and now > self.due_at

    def to_json(self, now: dt.datetime) -> dict[str, Any]:
        return {"reg_no": self.reg_no, "service": self.service, "channel": self.channel, "stage": self.stage,
                "decision": self.decision, "iin": self.iin, "applicant": self.applicant,
                "registered_at": _ts(self.registered_at), "due_at": _ts(self.due_at),
                "step_due_at": _ts(self.step_due_at), "executor_id": self.executor_id,
                "closed_at": _ts(self.closed_at), "overdue": self.overdue(now), "package": self.package}


@dataclass(frozen=True)
class HistoryEntry:
    id: int
    at: dt.datetime
    actor: str
    action: str
    from_stage: str | None
    to_stage: str | None
    details: dict[str, Any]


@dataclass(frozen=True)
class VerifyReport:
    ok: bool
    integrity: str
    events: int
    first_broken: int | None
    problem: str


@dataclass(frozen=True)
class Filters:
    service: str | None = None
    stage: str | None = None
    iin: str | None = None
    reg_no: str | None = None
    name_prefix: str | None = None
    registered_from: dt.date | None = None
    registered_to: dt.date | None = None
    executor_id: int | None = None
    overdue_at: dt.datetime | None = None


def _summary(row: Sequence[Any]) -> CaseSummary:
    (cid, reg_no, service, channel, stage, decision, iin, surname, name, patronymic, registered_at, due_at,
     step_due_at, executor_id, closed_at, package) = row
    return CaseSummary(cid, reg_no, service, channel, stage, decision, iin,
                       " ".join(p for p in (surname, name, patronymic) if p), _dt(registered_at), _dt(due_at),
                       _dt(step_due_at), executor_id, _dt(closed_at), package)


def _case(row: Sequence[Any]) -> Case:
    (cid, reg_no, service, channel, version, stage, decision, iin, surname, name, patronymic, address, phone,
     registered_at, registered_by, executor_id, due_at, step_due_at, stage_since, closed_at, data) = row
    return Case(reg_no=reg_no, service=service, channel=channel, catalogue_version=version, stage=stage,
                applicant=Applicant(surname, name, patronymic, iin, address, phone),
                registered_at=_dt(registered_at), registered_by=registered_by, due_at=_dt(due_at),
                stage_since=_dt(stage_since), step_due_at=_dt(step_due_at), decision=decision,
                executor_id=executor_id, closed_at=_dt(closed_at), id=cid, data=json.loads(data))


def _user(row: Sequence[Any]) -> User:
    uid, username, full_name, roles, phone, active, psc_branch, akimat_id = row
    return User(uid, username, full_name, frozenset(r for r in roles.split(",") if r), phone, bool(active),
                psc_branch, akimat_id)


_USER_COLUMNS = "id, username, full_name, roles, phone, active, psc_branch, akimat_id"


class Register:
    """One office's case register in one SQLite file."""

    def __init__(self, path: Path, conn: sqlite3.Connection, catalogue: Catalogue, warnings: list[str]) -> None:
        self.path = path
        self._conn = conn
        self._catalogue = catalogue
        self._versions: dict[str, Catalogue] = {catalogue.version: catalogue}
        self._calendar: OfficeCalendar | None = None
        self.warnings = warnings

    # ------------------------------------------------------------ opening

    @classmethod
    def open(cls, path: Path | str, *, create: bool = False, check: bool = True,
             catalogue: Catalogue | None = None) -> Register:
        """Open (or with ``create`` make) a register; migrate it, check it, record the catalogue in force."""
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

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Register:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _remember_catalogue(self) -> None:
        version = self._catalogue.version
        if self._conn.execute("SELECT 1 FROM catalogue_versions WHERE version=?", (version,)).fetchone():
            return
        with db.write_transaction(self._conn) as conn:
            conn.execute("INSERT OR IGNORE INTO catalogue_versions(version, loaded_at, content) VALUES (?,?,?)",
                         (version, _ts(now_local()), json.dumps(self._catalogue.raw, ensure_ascii=False)))

    # ------------------------------------------------------------ reading helpers

    def _one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        try:
            return self._conn.execute(sql, params).fetchone()
        except db.FAILURES as exc:
            raise db.translate(exc) from None

    def _all(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        try:
            return self._conn.execute(sql, params).fetchall()
        except db.FAILURES as exc:
            raise db.translate(exc) from None

    def meta(self, key: str, default: str | None = None) -> str | None:
        row = self._one("SELECT value FROM meta WHERE key=?", (key,))
        return row[0] if row else default

    # ------------------------------------------------------------ office and catalogue

    @property
    def catalogue(self) -> Catalogue:
        return self._catalogue

    def catalogue_version(self, version: str) -> Catalogue:
        """A catalogue version the register has seen (cases keep the version they were registered under)."""
        cat = self._versions.get(version)
        if cat is None:
            row = self._one("SELECT content FROM catalogue_versions WHERE version=?", (version,))
            if row is None:
                raise StoreError(detail=f"unknown catalogue version {version}")
            cat = catalogue_from_dict(json.loads(row[0]))
            cat = Catalogue(cat.name, cat.services, version, cat.raw)
            self._versions[version] = cat
        return cat

    def service_of(self, case: Case) -> Service:
        service = self.catalogue_version(case.catalogue_version).service(case.service)
        if service is None:
            raise StoreError(detail=f"service {case.service} missing from catalogue {case.catalogue_version}")
        return service

    @property
    def office_number(self) -> int | None:
        value = self.meta("office")
        return int(value) if value else None

    def office(self) -> dict[str, Any]:
        number = self.office_number
        if number is None:
            raise NotInitialised()
        return reference.office(number) or {}

    def initialise(self, office_number: int, admin_password: str, *, admin_name: str = "Әкімші",
                   now: dt.datetime | None = None) -> User:
        """Bind the register to one of the 19 departments and create the first admin account."""
        offices = reference.offices()
        if reference.office(office_number) is None:
            raise ValidationError("unknown_office", field="office", number=office_number, max=len(offices))
        if len(admin_password or "") < MIN_PASSWORD:
            raise ValidationError("weak_password", field="password", n=MIN_PASSWORD)
        now = now or now_local()
        with db.write_transaction(self._conn) as conn:
            existing = conn.execute("SELECT value FROM meta WHERE key='office'").fetchone()
            if existing:
                raise DomainError("already_initialised", number=existing[0])
            conn.execute("INSERT INTO meta(key, value) VALUES ('office', ?), ('created_at', ?)",
                         (str(office_number), _ts(now)))
            uid = self._insert_user(conn, "admin", admin_name, ["admin"], admin_password, "", now)
            audit.append(conn, case_id=None, at=_ts(now), actor_id=uid, actor="admin", action="init",
                         from_stage=None, to_stage=None, details={"office": office_number})
        return self.user(uid)

    # ------------------------------------------------------------ calendar

    def calendar(self) -> OfficeCalendar:
        if self._calendar is None:
            rows = self._all("SELECT day, kind FROM calendar_overrides")
            self._calendar = OfficeCalendar(
                extra_holidays=[dt.date.fromisoformat(d) for d, k in rows if k == "holiday"],
                extra_workdays=[dt.date.fromisoformat(d) for d, k in rows if k == "workday"])
        return self._calendar

    def calendar_overrides(self) -> list[tuple[dt.date, str, str]]:
        return [(dt.date.fromisoformat(d), k, n)
                for d, k, n in self._all("SELECT day, kind, note FROM calendar_overrides ORDER BY day")]

    def set_calendar_override(self, actor: User, day: dt.date, kind: str | None, note: str = "",
                              now: dt.datetime | None = None) -> None:
        """Mark a local day off or working day (kind None removes the override). Admin only."""
        workflow.check_role(self._current(self._conn, actor), ("admin",), "calendar")
        if kind not in (None, "holiday", "workday"):
            raise ValidationError("bad_value", field="kind", label="kind", detail=str(kind))
        now = now or now_local()
        with db.write_transaction(self._conn) as conn:
            if kind is None:
                conn.execute("DELETE FROM calendar_overrides WHERE day=?", (day.isoformat(),))
            else:
                conn.execute("INSERT INTO calendar_overrides(day, kind, note) VALUES (?,?,?) ON CONFLICT(day)"
                             " DO UPDATE SET kind=excluded.kind, note=excluded.note", (day.isoformat(), kind, note))
            audit.append(conn, case_id=None, at=_ts(now), actor_id=actor.id, actor=actor.username,
                         action="calendar", from_stage=None, to_stage=None,
                         details={"day": day.isoformat(), "kind": kind, "note": note})
        self._calendar = None

    # ------------------------------------------------------------ users

    def _insert_user(self, conn: sqlite3.Connection, username: str, full_name: str, roles: Iterable[str],
                     password: str, phone: str, now: dt.datetime, psc_branch: int | None = None,
                     akimat_id: int | None = None) -> int:
        roles = list(dict.fromkeys(roles))
        for role in roles:
            if role not in ROLES:
                raise ValidationError("unknown_role", field="roles", role=role)
        if not username.strip() or not full_name.strip():
            raise ValidationError("required", field="username", label="username")
        channels.check_binding(roles, psc_branch, akimat_id)  # PSC roles need a branch, the akim an akimat
        if len(password or "") < MIN_PASSWORD:
            raise ValidationError("weak_password", field="password", n=MIN_PASSWORD)
        if conn.execute("SELECT 1 FROM users WHERE username=?", (username,)).fetchone():
            raise ValidationError("user_exists", field="username", user=username)
        cur = conn.execute("INSERT INTO users(username, full_name, roles, phone, password_hash, psc_branch,"
                           " akimat_id, created_at) VALUES (?,?,?,?,?,?,?,?)",
                           (username.strip(), full_name.strip(), ",".join(roles), phone or "",
                            hash_password(password), psc_branch, akimat_id, _ts(now)))
        return cur.lastrowid

    def create_user(self, actor: User, username: str, full_name: str, roles: Iterable[str], password: str,
                    phone: str = "", *, psc_branch: int | None = None, akimat_id: int | None = None,
                    now: dt.datetime | None = None) -> User:
        workflow.check_role(self._current(self._conn, actor), ("admin",), "users")
        now = now or now_local()
        roles = list(roles)
        with db.write_transaction(self._conn) as conn:
            uid = self._insert_user(conn, username, full_name, roles, password, phone, now, psc_branch, akimat_id)
            audit.append(conn, case_id=None, at=_ts(now), actor_id=actor.id, actor=actor.username,
                         action="user_create", from_stage=None, to_stage=None,
                         details={"user": username, "roles": roles})
        return self.user(uid)

    def update_user(self, actor: User, user_id: int, *, roles: Iterable[str] | None = None,
                    active: bool | None = None, full_name: str | None = None, phone: str | None = None,
                    password: str | None = None, psc_branch: int | None = None, akimat_id: int | None = None,
                    now: dt.datetime | None = None) -> User:
        workflow.check_role(self._current(self._conn, actor), ("admin",), "users")
        target = self.user(user_id)
        now = now or now_local()
        changes: dict[str, Any] = {}
        if roles is not None or psc_branch is not None or akimat_id is not None:  # a PSC role needs its branch
            roles = list(roles) if roles is not None else None
            channels.check_binding(target.roles if roles is None else roles,
                                   target.psc_branch if psc_branch is None else psc_branch,
                                   target.akimat_id if akimat_id is None else akimat_id)
            changes.update({k: v for k, v in (("psc_branch", psc_branch), ("akimat_id", akimat_id)) if v is not None})
        if roles is not None:
            roles = list(dict.fromkeys(roles))
            for role in roles:
                if role not in ROLES:
                    raise ValidationError("unknown_role", field="roles", role=role)
            changes["roles"] = ",".join(roles)
        if active is not None:
            changes["active"] = int(active)
        if full_name is not None:
            if not full_name.strip():
                raise ValidationError("required", field="full_name", label="full_name")
            changes["full_name"] = full_name.strip()
        if phone is not None:
            changes["phone"] = phone.strip()
        if password is not None:
            if len(password) < MIN_PASSWORD:
                raise ValidationError("weak_password", field="password", n=MIN_PASSWORD)
            changes["password_hash"] = hash_password(password)
        if not changes:
            return target
        with db.write_transaction(self._conn) as conn:
            conn.execute(f"UPDATE users SET {', '.join(f'{k}=?' for k in changes)} WHERE id=?",
                         (*changes.values(), user_id))
            shown = {k: ("***" if k == "password_hash" else v) for k, v in changes.items()}
            audit.append(conn, case_id=None, at=_ts(now), actor_id=actor.id, actor=actor.username,
                         action="user_update", from_stage=None, to_stage=None,
                         details={"user": target.username, **shown})
        return self.user(user_id)

    def user(self, key: int | str) -> User:
        column = "id" if isinstance(key, int) else "username"
        row = self._one(f"SELECT {_USER_COLUMNS} FROM users WHERE {column}=?", (key,))
        if row is None:
            raise NotFound("user_not_found", key=key)
        return _user(row)

    def _current(self, conn: sqlite3.Connection, actor: User) -> User:
        """The actor as the register knows them now. Roles and ``active`` come from the file, never from the
        caller's object, so a deactivated account or a removed role is refused at once (a stale session)."""
        try:
            row = conn.execute(f"SELECT {_USER_COLUMNS} FROM users WHERE id=?", (getattr(actor, "id", None),)).fetchone()
        except db.FAILURES as exc:
            raise db.translate(exc) from None
        if row is None or row[1] != getattr(actor, "username", None):
            raise PermissionDenied("user_not_found", key=getattr(actor, "username", actor))
        return _user(row)

    def users(self, role: str | None = None, active_only: bool = False) -> list[User]:
        users = [_user(r) for r in self._all(f"SELECT {_USER_COLUMNS} FROM users ORDER BY full_name")]
        return [u for u in users if (role is None or role in u.roles) and (u.active or not active_only)]

    def authenticate(self, username: str, password: str, now: dt.datetime | None = None) -> User:
        row = self._one(f"SELECT {_USER_COLUMNS}, password_hash FROM users WHERE username=?", (username,))
        if row is None or not row[5] or not check_password(password or "", row[-1]):
            raise PermissionDenied("login_failed")
        user = _user(row[:-1])
        with db.write_transaction(self._conn) as conn:
            audit.append(conn, case_id=None, at=_ts(now or now_local()), actor_id=user.id, actor=user.username,
                         action="login", from_stage=None, to_stage=None, details={})
        return user

    def executors_with_load(self) -> list[tuple[User, int]]:
        """Active executors and how many open cases each holds now (for the head's choice)."""
        load = dict(self._all(f"SELECT executor_id, count(*) FROM cases WHERE stage IN {OPEN_STAGES_SQL}"
                              " AND executor_id IS NOT NULL GROUP BY executor_id"))
        return [(u, load.get(u.id, 0)) for u in self.users("executor", active_only=True)]

    # ------------------------------------------------------------ cases: writing

    def _next_reg_no(self, conn: sqlite3.Connection, year: int) -> str:
        office = self.office_number
        row = conn.execute("INSERT INTO reg_counters(office, year, last) VALUES (?, ?, 1) ON CONFLICT(office, year)"
                           " DO UPDATE SET last = last + 1 RETURNING last", (office, year)).fetchone()
        return format_reg_no(office, year, row[0])

    def register_case(self, actor: User, service: str, applicant: Mapping[str, Any],
                      fields: Mapping[str, Any] | None = None, documents: Iterable[str] | None = None, *,
                      channel: str = "department", channel_ref: str | None = None,
                      now: dt.datetime | None = None) -> Case:
        """Register an application in one durable transaction; returns the case with its number."""
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
        with db.write_transaction(self._conn) as conn:
            actor = self._current(conn, actor)
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
            audit.append(conn, case_id=case_id, at=_ts(now), actor_id=actor.id, actor=actor.username,
                         action=event.action, from_stage=None, to_stage=case.stage, details=details)
        return case.with_(id=case_id)

    def _insert_case(self, conn: sqlite3.Connection, case: Case) -> int:
        a = case.applicant
        cur = conn.execute(
            "INSERT INTO cases(reg_no, service, channel, catalogue_version, stage, decision, iin, surname, name,"
            " patronymic, name_key, address, phone, registered_at, registered_by, executor_id, due_at,"
            " step_due_at, stage_since, closed_at, data) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (case.reg_no, case.service, case.channel, case.catalogue_version, case.stage, case.decision, a.iin,
             a.surname, a.name, a.patronymic, name_key(a.surname, a.name, a.patronymic), a.address, a.phone,
             _ts(case.registered_at), case.registered_by, case.executor_id, _ts(case.due_at),
             _ts(case.step_due_at), _ts(case.stage_since), _ts(case.closed_at),
             json.dumps(case.data, ensure_ascii=False)))
        return cur.lastrowid

    def perform(self, actor: User, key: int | str, action: str, *, now: dt.datetime | None = None,
                **params: Any) -> Case:
        """Apply one workflow action to a case in one transaction (role, stage and input checked by the core)."""
        now = (now or now_local()).replace(microsecond=0)
        if action == "resolve" and params.get("executor") is not None:
            named = params["executor"]
            try:  # a User object may be stale: use the account as it is now
                params["executor"] = self.user(named.id if isinstance(named, User) else named)
            except NotFound:
                raise ValidationError("not_executor", field="executor",
                                      user=getattr(named, "username", named)) from None
        with db.write_transaction(self._conn) as conn:
            actor = self._current(conn, actor)
            case = self._case_for_update(conn, key)
            service = self.service_of(case)
            new, event = workflow.perform(case, service=service, actor=actor, action=action, now=now,
                                          params=params, calendar=self.calendar())
            self._update_case(conn, new)
            details = dict(event.details)
            if new.step_due_at != case.step_due_at:
                details["step_due_at"] = _ts(new.step_due_at)
            audit.append(conn, case_id=case.id, at=_ts(now), actor_id=actor.id, actor=actor.username,
                         action=event.action, from_stage=event.from_stage, to_stage=event.to_stage, details=details)
        return new

    def _case_for_update(self, conn: sqlite3.Connection, key: int | str) -> Case:
        column = "id" if isinstance(key, int) else "reg_no"
        row = conn.execute(f"SELECT {_CASE_COLUMNS} FROM cases WHERE {column}=?",
                           (key if isinstance(key, int) else key.strip().upper(),)).fetchone()
        if row is None:
            raise NotFound(key=key)
        return _case(row)

    def _update_case(self, conn: sqlite3.Connection, case: Case) -> None:
        conn.execute("UPDATE cases SET stage=?, decision=?, executor_id=?, due_at=?, step_due_at=?, stage_since=?,"
                     " closed_at=?, data=? WHERE id=?",
                     (case.stage, case.decision, case.executor_id, _ts(case.due_at), _ts(case.step_due_at),
                      _ts(case.stage_since), _ts(case.closed_at), json.dumps(case.data, ensure_ascii=False),
                      case.id))

    def log_event(self, actor: User | None, key: int | str | None, action: str, details: Mapping[str, Any],
                  now: dt.datetime | None = None) -> None:
        """Record an action that changes no case state (a print, an export) in the audit trail.

        ``actor`` None means the command line run by the operating-system user (recorded by name)."""
        now = now or now_local()
        with db.write_transaction(self._conn) as conn:
            case_id = None
            stage = None
            if key is not None:
                case = self._case_for_update(conn, key)
                case_id, stage = case.id, case.stage
            who = actor.username if actor else f"cli:{getpass.getuser()}"
            audit.append(conn, case_id=case_id, at=_ts(now), actor_id=actor.id if actor else None, actor=who,
                         action=action, from_stage=stage, to_stage=stage, details=dict(details))

    # ------------------------------------------------------------ cases: reading

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
        return self._one(f"SELECT count(*) FROM cases INDEXED BY cases_open_due WHERE stage IN {OPEN_STAGES_SQL}"
                         " AND due_at < ?",
                         (_ts(now or now_local()),))[0]

    def deadline_board(self, now: dt.datetime | None = None) -> dict[str, dict[Any, dict[str, int]]]:
        """Counts of open cases that are overdue, due today and on time, per service and per executor."""
        now = now or now_local()
        end_of_day = _ts(dt.datetime.combine(now.date(), dt.time(23, 59, 59)))
        rows = self._all(
            f"SELECT service, executor_id, sum(due_at < ?), sum(due_at >= ? AND due_at <= ?), sum(due_at > ?)"
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
            f"SELECT {_SUMMARY_COLUMNS} FROM cases INDEXED BY cases_open_due WHERE stage IN {OPEN_STAGES_SQL}"
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

    # ------------------------------------------------------------ integrity, backup

    def verify(self) -> VerifyReport:
        rows = [r[0] for r in self._all("PRAGMA integrity_check")]
        integrity = "ok" if rows == ["ok"] else "; ".join(rows[:5])
        try:
            chain = audit.verify_chain(self._conn)
        except db.FAILURES as exc:
            raise db.translate(exc) from None
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
        with db.write_transaction(self._conn) as conn:
            conn.execute("INSERT INTO meta(key, value) VALUES ('demo', '1') ON CONFLICT(key) DO UPDATE SET value='1'")

    def bulk_connection(self) -> sqlite3.Connection:
        """The underlying connection, for the demo loader and the benchmark only (never for the app)."""
        return self._conn


def _order(filters: Filters) -> str:
    """Newest first; a name search alphabetically (read straight from the name index, no sort of every match)."""
    return "name_key, id DESC" if filters.name_prefix and filters.name_prefix.strip() else "id DESC"


def format_reg_no(office: int, year: int, seq: int) -> str:
    """Registration numbers: 'K', office (2 digits), year (4), sequence (6) — digits and capital Latin only."""
    return f"K{office:02d}{year:04d}{seq:06d}"
