"""Helpers for the core tests: the catalogue, in-memory actors, and valid parameters for every action.

The core is pure, so these tests need no database: a case is a frozen value and every action returns a new one.
"""
from __future__ import annotations

import copy
import datetime as dt
from typing import Any

from desktop.core import workflow
from desktop.core.catalogue import load_catalogue
from desktop.core.model import Case, Event, User


from kense_testdata import INTAKE_FIELDS, RESULT_FIELDS, T0, applicant  # noqa: E402

CAT = load_catalogue()
CODES = ("S1", "S2", "S3", "S4", "S5", "S6", "S7")
RETURNABLE = ("S5", "S6", "S7")
POSTABLE = ("S1", "S2", "S3", "S5", "S7")

CLERK = User(1, "clerk", "Асқарова Гүлнар", frozenset({"clerk"}))
HEAD = User(2, "head", "Серікбаев Нұрлан", frozenset({"head"}))
EX1 = User(3, "executor1", "Оспанова Айгүл", frozenset({"executor"}))
EX2 = User(4, "executor2", "Жұмабаев Дәурен", frozenset({"executor"}))
ADMIN = User(5, "admin", "Әкімші", frozenset({"admin"}))
# every role, but switched off: only ``active`` can be the reason it is refused
GHOST = User(6, "ghost", "Бұрынғы Қызметкер", frozenset({"clerk", "head", "executor", "admin"}), active=False)
ACTORS = {"clerk": CLERK, "head": HEAD, "executor1": EX1, "executor2": EX2, "admin": ADMIN, "ghost": GHOST}

# Who may do what (executor1 is the one the head assigns); everyone else must be refused.
RIGHT = {
    "resolve": {"head"}, "draft": {"executor1"}, "return": {"head"}, "sign": {"head"},
    "deliver": {"executor1"}, "suspend": {"head", "executor1"}, "resume": {"head", "executor1"},
    "withdraw": {"clerk", "head"}, "record_slip": {"executor1"}, "reassign": {"head"},
}

# The legal due time of a case registered at T0 (Monday 2 March 2026, 10:00), computed by hand from the step
# tables: S7 skips Monday 9 March (Women's Day observed).
EXPECTED_DUE = {
    "S1": dt.datetime(2026, 3, 12, 11, 30), "S2": dt.datetime(2026, 3, 12, 11, 30),
    "S3": dt.datetime(2026, 3, 12, 11, 30), "S4": dt.datetime(2026, 3, 2, 10, 30),
    "S5": dt.datetime(2026, 3, 17, 11, 30), "S6": dt.datetime(2026, 3, 2, 10, 12),
    "S7": dt.datetime(2026, 3, 11, 12, 15),
}


def service(code: str):
    return CAT.service(code)


def documents(code: str) -> list[str]:
    return [d.id for d in service(code).documents]


def new_case(code: str, now: dt.datetime = T0, serial: int = 1, reg_no: str = "K032026000001"
             ) -> tuple[Case, Event]:
    return workflow.register(service=service(code), actor=CLERK, applicant=applicant(serial),
                             fields=INTAKE_FIELDS.get(code), documents=documents(code), reg_no=reg_no,
                             catalogue_version=CAT.version, now=now)


def params_for(action: str, code: str, outcome: str = "approved") -> dict[str, Any]:
    """Valid parameters of one action for one service."""
    svc = service(code)
    if action == "resolve":
        return {"executor": EX1, "resolution": "Қарап, заң бойынша шешім дайындаңыз"}
    if action == "draft" and outcome == "refused":
        return {"decision": "refused", "reasons": [svc.refusal_reasons[0].id],
                "text": "Құжаттар тізбесі толық емес: анықтама жоқ"}
    if action == "draft":
        return {"decision": "approved", "text": "Өтініш қанағаттандырылды",
                "result": copy.deepcopy(RESULT_FIELDS.get(code, {}))}
    if action in ("return", "suspend", "withdraw"):
        return {"reason": f"{action}: себебі жазылған"}
    if action == "deliver":
        return {"method": "in_person"}
    if action == "record_slip":
        return {"started_on": "2026-03-10", "order_no": "15-б"}
    if action == "reassign":
        return {"executor": EX2, "reason": "Оспанова А. демалыста"}
    return {}


def act(case: Case, actor: User, action: str, now: dt.datetime, **params: Any) -> tuple[Case, Event]:
    return workflow.perform(case, service=service(case.service), actor=actor, action=action, now=now,
                            params=params)


def advance(case: Case, stage: str, outcome: str = "approved", now: dt.datetime = T0) -> Case:
    """Drive a case forward along the main path (by the right actors) until it reaches ``stage``."""
    if stage == "suspended":
        return act(case, HEAD, "suspend", now + dt.timedelta(minutes=5), reason="құжат күтілуде")[0]
    path = (("resolve", HEAD), ("draft", EX1), ("sign", HEAD), ("deliver", EX1))
    for action, actor in path:
        if case.stage == stage:
            return case
        now += dt.timedelta(minutes=10)
        case, _ = act(case, actor, action, now, **params_for(action, case.service, outcome))
    assert case.stage == stage, f"cannot reach {stage}"
    return case
