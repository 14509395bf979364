"""Helpers for the store tests: valid parameters per action, raw snapshots of the file, and a template register
(users and a case at every stage) built once and copied into each test's folder."""
from __future__ import annotations

import copy
import datetime as dt
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from desktop.core.model import Case, User
from desktop.store import Register
from desktop.store import passwords as store_passwords


from kense_testdata import INTAKE_FIELDS, RESULT_FIELDS, T0, applicant  # noqa: E402



@pytest.fixture(autouse=True)
def fast_passwords(monkeypatch):
    """Staff accounts are made in almost every test: hash their passwords with few PBKDF2 rounds. The stored hash
    names its rounds, so logging in still works; ``kense init`` in the CLI tests keeps the real count.
    A test module switches this on by importing it."""
    real = store_passwords.hash_password
    monkeypatch.setattr(store_passwords, "hash_password",
                        lambda password, iterations=1000: real(password, iterations))


CODES = ("S1", "S2", "S3", "S4", "S5", "S6", "S7")
RETURNABLE = ("S5", "S6", "S7")
POSTABLE = ("S1", "S2", "S3", "S5", "S7")
RIGHT = {
    "resolve": {"head"}, "draft": {"executor1"}, "return": {"head"}, "sign": {"head"},
    "deliver": {"executor1"}, "suspend": {"head", "executor1"}, "resume": {"head", "executor1"},
    "withdraw": {"clerk", "head"}, "record_slip": {"executor1"},
}
ACTIONS = tuple(RIGHT)
STAFF = (("clerk", "Асқарова Гүлнар", ["clerk"]), ("head", "Серікбаев Нұрлан", ["head"]),
         ("executor1", "Оспанова Айгүл", ["executor"]), ("executor2", "Жұмабаев Дәурен", ["executor"]))


def documents(reg: Register, code: str) -> list[str]:
    return [d.id for d in reg.catalogue.service(code).documents]


def params_for(reg: Register, action: str, code: str, outcome: str = "approved",
               executor: User | None = None) -> dict[str, Any]:
    svc = reg.catalogue.service(code)
    if action == "resolve":
        return {"executor": (executor or reg.user("executor1")).id, "resolution": "Қарап, шешім дайындаңыз"}
    if action == "draft" and outcome == "refused":
        return {"decision": "refused", "reasons": [svc.refusal_reasons[-1].id],
                "text": "Ұсынылған құжаттар талаптарға сай емес"}
    if action == "draft":
        return {"decision": "approved", "text": "Қанағаттандырылсын",
                "result": copy.deepcopy(RESULT_FIELDS.get(code, {}))}
    if action in ("return", "suspend", "withdraw"):
        return {"reason": f"{action}: себебі"}
    if action == "deliver":
        return {"method": "in_person"}
    if action == "record_slip":
        return {"started_on": "2026-03-10", "order_no": "15-б"}
    return {}


def intake(reg: Register, code: str, serial: int = 1, now: dt.datetime = T0, clerk: User | None = None) -> Case:
    return reg.register_case(clerk or reg.user("clerk"), code, applicant(serial), INTAKE_FIELDS.get(code),
                             documents(reg, code), now=now)


def advance(reg: Register, case: Case, stage: str, outcome: str = "approved", now: dt.datetime = T0) -> Case:
    """Move a case along the main path (by the right actors) until it reaches ``stage``."""
    if stage == "suspended":
        case = advance(reg, case, "with_executor", now=now)
        return reg.perform(reg.user("head"), case.reg_no, "suspend", now=now + dt.timedelta(minutes=5),
                           reason="құжат күтілуде")
    if stage == "withdrawn":
        case = advance(reg, case, "with_executor", now=now)
        return reg.perform(reg.user("clerk"), case.reg_no, "withdraw", now=now + dt.timedelta(minutes=5),
                           reason="өтініш кері алынды")
    path = (("resolve", "head"), ("draft", "executor1"), ("sign", "head"), ("deliver", "executor1"))
    for action, who in path:
        if case.stage == stage:
            return case
        now += dt.timedelta(minutes=10)
        case = reg.perform(reg.user(who), case.reg_no, action, now=now,
                           **params_for(reg, action, case.service, outcome))
    assert case.stage == stage, f"cannot reach {stage}"
    return case


def add_staff(reg: Register, admin: User) -> dict[str, User]:
    made = {"admin": admin}
    for username, name, roles in STAFF:
        made[username] = reg.create_user(admin, username, name, roles, username + "-pw")
    return made


# ---------------------------------------------------------------- raw views of the file (what is really stored)

def snapshot(path: Path) -> dict[str, Any]:
    """Everything a refused action must leave alone, read with a separate plain sqlite3 connection."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {
            "cases": conn.execute("SELECT * FROM cases ORDER BY id").fetchall(),
            "events": conn.execute("SELECT count(*), coalesce(max(id), 0) FROM events").fetchone(),
            "counters": conn.execute("SELECT * FROM reg_counters ORDER BY office, year").fetchall(),
            "meta": conn.execute("SELECT * FROM meta ORDER BY key").fetchall(),
            "users": conn.execute("SELECT * FROM users ORDER BY id").fetchall(),
            "overrides": conn.execute("SELECT * FROM calendar_overrides ORDER BY day").fetchall(),
        }
    finally:
        conn.close()


def raw_case(path: Path, reg_no: str) -> dict[str, Any]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        row = conn.execute("SELECT * FROM cases WHERE reg_no=?", (reg_no,)).fetchone()
        return dict(row) if row else {}
    finally:
        conn.close()


def raw_events(path: Path, case_id: int) -> list[dict[str, Any]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute("SELECT * FROM events WHERE case_id=? ORDER BY id", (case_id,))]
    finally:
        conn.close()


# ---------------------------------------------------------------- a template register, built once per session

_TEMPLATES: dict[str, Path] = {}
MATRIX_STAGE = {"resolve": "awaiting_resolution", "draft": "with_executor", "return": "awaiting_signature",
                "sign": "awaiting_signature", "deliver": "signed", "suspend": "with_executor",
                "resume": "suspended", "withdraw": "with_executor", "record_slip": "delivered"}
STAGE_LIST = ("awaiting_resolution", "with_executor", "awaiting_signature", "signed", "delivered", "suspended",
              "withdrawn")


def template(folder: Path) -> Path:
    """A closed register file: staff, an inactive all-roles user 'ghost', and one S5 case (S4 for 'delivered')
    at every stage, all assigned to executor1. Its reg numbers are in ``meta('template_cases')``."""
    if "main" in _TEMPLATES:
        return _TEMPLATES["main"]
    path = folder / "template.sqlite3"
    reg = Register.open(path, create=True)
    try:
        admin = reg.initialise(3, "admin-pass", now=T0)
        add_staff(reg, admin)
        ghost = reg.create_user(admin, "ghost", "Бұрынғы Қызметкер", ["clerk", "head", "executor", "admin"], "ghost")
        for i, stage in enumerate(STAGE_LIST, 1):
            code = "S4" if stage == "delivered" else "S5"
            advance(reg, intake(reg, code, serial=i, now=T0), stage)
        reg.update_user(admin, ghost.id, active=False, now=T0)
    finally:
        reg.close()
    _TEMPLATES["main"] = path
    return path


def copy_template(folder: Path, dest: Path) -> Path:
    shutil.copyfile(template(folder), dest)
    return dest


def case_at(reg: Register, stage: str) -> Case:
    """The template's case at ``stage``."""
    from desktop.store import Filters
    rows = reg.find(Filters(stage=stage), limit=10)
    assert rows, stage
    return reg.case(rows[-1].reg_no)
