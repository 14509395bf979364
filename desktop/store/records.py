"""The register's values and how they are read from rows: times, name keys, registration numbers, the list line
(CaseSummary), history, filters, verify reports, and the row-to-domain conversions every part of the store shares.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..core.model import OPEN_STAGES, Applicant, Case, User

_CASE_COLUMNS = ("id, reg_no, service, channel, catalogue_version, stage, decision, iin, surname, name, patronymic,"
                 " address, phone, registered_at, registered_by, executor_id, due_at, step_due_at, stage_since,"
                 " closed_at, data, version")
_SUMMARY_COLUMNS = ("id, reg_no, service, channel, stage, decision, iin, surname, name, patronymic,"
                    " registered_at, due_at, step_due_at, executor_id, closed_at, package")
_USER_COLUMNS = "id, username, full_name, roles, phone, active, psc_branch, akimat_id"


def now_local() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def _ts(value: dt.datetime | None) -> str | None:
    return None if value is None else value.replace(microsecond=0).isoformat(sep=" ")


def _dt(text: str | None) -> dt.datetime | None:
    return None if text is None else dt.datetime.fromisoformat(text)


def name_key(surname: str, name: str, patronymic: str = "") -> str:
    """The search key for name-prefix search: case-folded 'surname name patronymic'."""
    return " ".join(p for p in (surname, name, patronymic) if p).casefold()


def format_reg_no(office: int, year: int, seq: int) -> str:
    """Registration numbers: 'K', office (2 digits), year (4), sequence (6) — digits and capital Latin only."""
    return f"K{office:02d}{year:04d}{seq:06d}"


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
     registered_at, registered_by, executor_id, due_at, step_due_at, stage_since, closed_at, data, case_version) = row
    return Case(reg_no=reg_no, service=service, channel=channel, catalogue_version=version, stage=stage,
                applicant=Applicant(surname, name, patronymic, iin, address, phone),
                registered_at=_dt(registered_at), registered_by=registered_by, due_at=_dt(due_at),
                stage_since=_dt(stage_since), step_due_at=_dt(step_due_at), decision=decision,
                executor_id=executor_id, closed_at=_dt(closed_at), id=cid, data=json.loads(data),
                version=case_version)


def _user(row: Sequence[Any]) -> User:
    uid, username, full_name, roles, phone, active, psc_branch, akimat_id = row
    return User(uid, username, full_name, frozenset(r for r in roles.split(",") if r), phone, bool(active),
                psc_branch, akimat_id)
