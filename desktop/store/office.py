"""The office a register belongs to, the catalogue versions it has seen, and its calendar of local days off and
working days (admin overrides on top of the national calendar)."""
from __future__ import annotations

import datetime as dt
import json
from typing import Any

from ..core import reference, workflow
from ..core.calendar import OfficeCalendar
from ..core.catalogue import Catalogue, Service, catalogue_from_dict
from ..core.errors import DomainError, ValidationError
from ..core.model import Case, User
from . import audit
from .base import RegisterBase
from .errors import NotInitialised, StoreError
from .passwords import MIN_PASSWORD
from .records import _ts, now_local
from .users import insert_user


class OfficeMixin(RegisterBase):
    """Office, catalogue and calendar: a part of Register."""

    # ------------------------------------------------------------ office and catalogue

    def _remember_catalogue(self) -> None:
        version = self._catalogue.version
        if self._one("SELECT 1 FROM catalogue_versions WHERE version=?", (version,)):
            return
        with self._write() as conn:
            conn.execute("INSERT INTO catalogue_versions(version, loaded_at, content) VALUES (?,?,?)"
                         " ON CONFLICT(version) DO NOTHING",
                         (version, _ts(now_local()), json.dumps(self._catalogue.raw, ensure_ascii=False)))

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
        with self._write() as conn:
            existing = conn.execute("SELECT value FROM meta WHERE key='office'").fetchone()
            if existing:
                raise DomainError("already_initialised", number=existing[0])
            conn.execute("INSERT INTO meta(key, value) VALUES ('office', ?), ('created_at', ?)",
                         (str(office_number), _ts(now)))
            uid = insert_user(conn, "admin", admin_name, ["admin"], admin_password, "", now)
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
        workflow.check_plain_text(note, "note")
        now = now or now_local()
        with self._write() as conn:
            self._current(conn, actor)  # on PostgreSQL: the session acts as, and the trail names, this admin
            if kind is None:
                conn.execute("DELETE FROM calendar_overrides WHERE day=?", (day.isoformat(),))
            else:
                conn.execute("INSERT INTO calendar_overrides(day, kind, note) VALUES (?,?,?) ON CONFLICT(day)"
                             " DO UPDATE SET kind=excluded.kind, note=excluded.note", (day.isoformat(), kind, note))
            audit.append(conn, case_id=None, at=_ts(now), actor_id=actor.id, actor=actor.username,
                         action="calendar", from_stage=None, to_stage=None,
                         details={"day": day.isoformat(), "kind": kind, "note": note})
        self._calendar = None
