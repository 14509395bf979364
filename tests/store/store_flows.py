"""Helpers for the store tests: valid parameters per action, raw snapshots of what is stored (either engine), and
a template register (users and a case at every stage) built once per session and copied for each test: a closed
SQLite file copied into the test's folder, or on PostgreSQL a template database (PgTemplate)."""
from __future__ import annotations

import copy
import datetime as dt
import itertools
import shutil
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg import sql as pgsql

from desktop.core.model import Case, User
from desktop.store import Register
from desktop.store import passwords as store_passwords


from both_engines import raw
from kense_testdata import INTAKE_FIELDS, RESULT_FIELDS, T0, applicant  # noqa: E402
from pg_cluster import drop_kense_logins


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


# ---------------------------------------------------------------- raw views of what is stored (either engine)

def snapshot(path: Path | str) -> dict[str, Any]:
    """Everything a refused action must leave alone, read on a separate plain connection of the engine's own
    driver (both_engines.raw); on PostgreSQL also the cluster's login roles of Kense users."""
    with raw(path) as db:
        return {
            "cases": db.all("SELECT * FROM cases ORDER BY id"),
            "events": db.one("SELECT count(*), coalesce(max(id), 0) FROM events"),
            "counters": db.all("SELECT * FROM reg_counters ORDER BY office, year"),
            "meta": db.all("SELECT * FROM meta ORDER BY key"),
            "users": db.all("SELECT * FROM users ORDER BY id"),
            "overrides": db.all("SELECT * FROM calendar_overrides ORDER BY day"),
            "logins": db.logins(),
        }


def raw_case(path: Path | str, reg_no: str) -> dict[str, Any]:
    with raw(path) as db:
        return db.dict("SELECT * FROM cases WHERE reg_no=?", (reg_no,))


def raw_events(path: Path | str, case_id: int) -> list[dict[str, Any]]:
    with raw(path) as db:
        return db.dicts("SELECT * FROM events WHERE case_id=? ORDER BY id", (case_id,))


# ---------------------------------------------------------------- a template register, built once per session

_TEMPLATES: dict[str, Path] = {}
MATRIX_STAGE = {"resolve": "awaiting_resolution", "draft": "with_executor", "return": "awaiting_signature",
                "sign": "awaiting_signature", "deliver": "signed", "suspend": "with_executor",
                "resume": "suspended", "withdraw": "with_executor", "record_slip": "delivered"}
STAGE_LIST = ("awaiting_resolution", "with_executor", "awaiting_signature", "signed", "delivered", "suspended",
              "withdrawn")


def fill_template(reg: Register) -> None:
    """Staff, an inactive all-roles user 'ghost', and one S5 case (S4 for 'delivered') at every stage, all
    assigned to executor1."""
    admin = reg.initialise(3, "admin-pass", now=T0)
    add_staff(reg, admin)
    ghost = reg.create_user(admin, "ghost", "Бұрынғы Қызметкер", ["clerk", "head", "executor", "admin"], "ghost")
    for i, stage in enumerate(STAGE_LIST, 1):
        code = "S4" if stage == "delivered" else "S5"
        advance(reg, intake(reg, code, serial=i, now=T0), stage)
    reg.update_user(admin, ghost.id, active=False, now=T0)


def template(folder: Path) -> Path:
    """A closed SQLite register file with ``fill_template``'s content, built once per session."""
    if "main" in _TEMPLATES:
        return _TEMPLATES["main"]
    path = folder / "template.sqlite3"
    reg = Register.open(path, create=True)
    try:
        fill_template(reg)
    finally:
        reg.close()
    _TEMPLATES["main"] = path
    return path


def copy_template(folder: Path, dest: Path) -> Path:
    shutil.copyfile(template(folder), dest)
    return dest


class PgTemplate:
    """The template on PostgreSQL: a database filled once per session; each test gets ``CREATE DATABASE ...
    TEMPLATE`` of it.

    A database's Kense accounts are login roles, and roles belong to the whole cluster, so the template cannot
    keep its own while other tests create their 'clerk' and 'head'. The template's roles (name, may log in,
    SCRAM verifier, group roles) are read from the catalogue once it is filled, then dropped; ``copy`` creates
    them again, exactly as they were, beside each copy, and ``discard`` drops the copy with its roles
    (pg_cluster.Server.drop_database). Tests run one at a time, so at most one copy's roles exist."""

    def __init__(self, server: Any) -> None:
        self.server = server
        with server.admin() as conn:
            assert not kense_logins(conn), "Kense login roles left in the cluster before the template is built"
        self.name = server.create_database()
        reg = Register.open(server.url(self.name), create=True)
        try:
            fill_template(reg)
        finally:
            reg.close()
        with raw(server.url(self.name)) as db:
            self.logins = db.logins()
        with server.admin() as conn:
            drop_kense_logins(conn)
            conn.execute(pgsql.SQL("ALTER DATABASE {} WITH ALLOW_CONNECTIONS false")
                         .format(pgsql.Identifier(self.name)))  # nobody can change it by mistake now

    def copy(self) -> str:
        """A new database with the template's content and its login roles; returns its superuser URL."""
        name = f"{self.name}c{next(_COPIES)}"
        with self.server.admin() as conn:
            conn.execute(pgsql.SQL("CREATE DATABASE {} TEMPLATE {}").format(pgsql.Identifier(name),
                                                                          pgsql.Identifier(self.name)))
            for rolname, can_login, verifier, groups in self.logins:
                conn.execute(pgsql.SQL("CREATE ROLE {} {} PASSWORD {} IN ROLE {}").format(
                    pgsql.Identifier(rolname), pgsql.SQL("LOGIN" if can_login else "NOLOGIN"),
                    pgsql.Literal(verifier), pgsql.SQL(", ").join(pgsql.Identifier(g) for g in groups.split(","))))
        return self.server.url(name)

    def discard(self, url: str) -> None:
        self.server.drop_database(psycopg.conninfo.conninfo_to_dict(url)["dbname"])


_COPIES = itertools.count(1)


def kense_logins(conn: psycopg.Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT r.rolname FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.member"
                                       " JOIN pg_roles g ON g.oid = m.roleid WHERE g.rolname = 'kense_staff'")]


def case_at(reg: Register, stage: str) -> Case:
    """The template's case at ``stage``."""
    from desktop.store import Filters
    rows = reg.find(Filters(stage=stage), limit=10)
    assert rows, stage
    return reg.case(rows[-1].reg_no)
