"""Domain records: users (actors), applicants and cases. Plain dataclasses, no storage concerns."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

# awaiting_receipt: a PSC or akimat package not yet received at the department (issue 5, core/channels.py)
STAGES = ("awaiting_receipt", "awaiting_resolution", "with_executor", "awaiting_signature", "signed", "delivered",
          "suspended", "withdrawn")
OPEN_STAGES = ("awaiting_receipt", "awaiting_resolution", "with_executor", "awaiting_signature", "signed")
FINAL_STAGES = ("delivered", "withdrawn")
DECISIONS = ("approved", "refused")

STAGE_TITLES = {
    "awaiting_receipt": {"kk": "Бөлімге жеткізілуде", "ru": "Доставляется в отдел",
                         "en": "On its way to the department"},
    "awaiting_resolution": {"kk": "Резолюцияны күтуде", "ru": "Ожидает резолюции", "en": "Awaiting resolution"},
    "with_executor": {"kk": "Орындаушыда", "ru": "У исполнителя", "en": "With the executor"},
    "awaiting_signature": {"kk": "Қол қоюды күтуде", "ru": "Ожидает подписи", "en": "Awaiting signature"},
    "signed": {"kk": "Қол қойылды", "ru": "Подписано", "en": "Signed"},
    "delivered": {"kk": "Берілді", "ru": "Выдано", "en": "Delivered"},
    "suspended": {"kk": "Тоқтатылды", "ru": "Приостановлено", "en": "Suspended"},
    "withdrawn": {"kk": "Кері қайтарылды", "ru": "Отозвано", "en": "Withdrawn"},
}
ROLE_TITLES = {
    "clerk": {"kk": "кеңсе қызметкері", "ru": "сотрудник канцелярии", "en": "clerk"},
    "head": {"kk": "басшы", "ru": "руководитель", "en": "head"},
    "executor": {"kk": "орындаушы", "ru": "исполнитель", "en": "executor"},
    "admin": {"kk": "әкімші", "ru": "администратор", "en": "admin"},
    "psc_inspector": {"kk": "ХҚКО инспекторы", "ru": "инспектор ЦОН", "en": "PSC inspector"},
    "psc_collector": {"kk": "ХҚКО жинақтаушы инспекторы", "ru": "инспектор-накопитель ЦОН",
                      "en": "PSC collecting inspector"},
    "akim": {"kk": "әкім", "ru": "аким", "en": "akim"},
}


@dataclass(frozen=True)
class User:
    id: int
    username: str
    full_name: str
    roles: frozenset[str]
    phone: str = ""
    active: bool = True
    psc_branch: int | None = None
    akimat_id: int | None = None

    def has(self, role: str) -> bool:
        return self.active and role in self.roles


@dataclass(frozen=True)
class Applicant:
    surname: str
    name: str
    patronymic: str
    iin: str
    address: str = ""
    phone: str = ""

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.surname, self.name, self.patronymic) if p)

    @property
    def initials(self) -> str:
        return f"{self.surname} {self.name[:1]}.{(self.patronymic[:1] + '.') if self.patronymic else ''}"


@dataclass(frozen=True)
class Case:
    reg_no: str
    service: str
    channel: str
    catalogue_version: str
    stage: str
    applicant: Applicant
    registered_at: dt.datetime
    registered_by: int
    due_at: dt.datetime
    stage_since: dt.datetime
    step_due_at: dt.datetime | None
    decision: str | None = None
    executor_id: int | None = None
    closed_at: dt.datetime | None = None
    id: int | None = None
    # Everything else lives in ``data`` (stored as JSON): intake fields, documents presented, resolution,
    # draft text, refusal reasons, result fields, suspension, delivery, returns, S4 slip.
    data: dict[str, Any] = field(default_factory=dict)
    # issue 9: bumped by one on every change of the case row, so a desk acting on what it showed can be told
    # that someone else changed the case meanwhile (Register.perform's ``expected_version``)
    version: int = 1

    def with_(self, **changes: Any) -> Case:
        return replace(self, **changes)

    @property
    def package(self) -> str | None:
        """Where a forwarded case's package is (desktop/core/packages.py), None for a counter case."""
        return self.data.get("package")

    @property
    def is_open(self) -> bool:
        return self.stage not in FINAL_STAGES

    def overdue(self, now: dt.datetime) -> bool:
        """Open, not paused, and past the case's legal due time."""
        return self.stage in OPEN_STAGES and now > self.due_at


@dataclass(frozen=True)
class Event:
    """One audit entry produced by a domain action (the store adds id, time and hash chain)."""
    action: str
    from_stage: str | None
    to_stage: str | None
    details: dict[str, Any] = field(default_factory=dict)
