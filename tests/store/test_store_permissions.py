"""Role × action matrix through the store: every wrong actor (clerk, head, an executor not assigned, admin, an
inactive user) is refused with PermissionDenied/WrongStage and NOTHING is written — the cases row, the events,
the registration counter, the users and the calendar stay byte-for-byte the same."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from desktop.core.errors import DomainError, PermissionDenied, ValidationError, WrongStage
from desktop.core.model import User
from desktop.store import Register
from store_flows import (ACTIONS, MATRIX_STAGE, RIGHT, STAGE_LIST, T0, applicant, case_at,
                         documents, intake, params_for, snapshot)
from store_flows import fast_passwords  # noqa: F401  (autouse: cheap password hashes)

pytestmark = pytest.mark.store
WRONG = ("clerk", "head", "executor1", "executor2", "admin", "ghost")


@pytest.fixture
def office(template_copy):
    reg = Register.open(template_copy)
    yield reg
    reg.close()


def _refused(reg: Register, actor: User, key: str, action: str, params: dict, errors=(PermissionDenied, WrongStage)
             ) -> DomainError:
    before = snapshot(reg.path)
    with pytest.raises(errors) as err:
        reg.perform(actor, key, action, now=T0 + dt.timedelta(hours=3), **params)
    assert snapshot(reg.path) == before, (action, actor.username)
    for lang in ("kk", "ru"):
        assert err.value.message(lang).strip()
    return err.value


@pytest.mark.parametrize("action", ACTIONS)
def test_every_wrong_actor_is_refused_and_nothing_is_written(office, action):
    case = case_at(office, MATRIX_STAGE[action])
    assert case.executor_id == office.user("executor1").id or action == "resolve"
    params = params_for(office, action, case.service)
    for name in WRONG:
        if name in RIGHT[action]:
            continue
        _refused(office, office.user(name), case.reg_no, action, params)
    # the same refusal when the caller holds a stale or forged User object: the store trusts the file, not it
    ghost = office.user("ghost")
    _refused(office, dataclasses.replace(ghost, active=True), case.reg_no, action, params)
    clerk = office.user("clerk")
    forged = dataclasses.replace(clerk, roles=frozenset({"clerk", "head", "executor", "admin"}))
    if "clerk" not in RIGHT[action]:
        _refused(office, forged, case.reg_no, action, params)
    # and the right actor can do it, so the refusals above were about the actor, not the case
    right = office.user(sorted(RIGHT[action])[0])
    done = office.perform(right, case.reg_no, action, now=T0 + dt.timedelta(hours=4), **params)
    assert office.history(case.reg_no)[-1].action == action
    assert done.stage != case.stage or action == "record_slip"


@pytest.mark.parametrize("action", ACTIONS)
def test_wrong_stage_for_every_action_writes_nothing(office, action):
    actor = office.user(sorted(RIGHT[action])[0])
    for stage in STAGE_LIST:
        if stage in _legal(action):
            continue
        case = case_at(office, stage)
        err = _refused(office, actor, case.reg_no, action, params_for(office, action, case.service))
        assert isinstance(err, WrongStage) and err.params["stage"] == stage


def _legal(action: str) -> tuple[str, ...]:
    from desktop.core.workflow import RULES
    return RULES[action].stages


def test_registration_by_wrong_actors(office):
    for name in ("head", "executor1", "executor2", "admin", "ghost"):
        before = snapshot(office.path)
        with pytest.raises(PermissionDenied):
            office.register_case(office.user(name), "S1", applicant(50), None, documents(office, "S1"), now=T0)
        assert snapshot(office.path) == before
    stale = dataclasses.replace(office.user("ghost"), active=True)
    before = snapshot(office.path)
    with pytest.raises(PermissionDenied):
        office.register_case(stale, "S1", applicant(50), None, None, now=T0)
    assert snapshot(office.path) == before
    assert intake(office, "S1", serial=50).reg_no == "K032026000008"  # the next number, none burnt


def test_deactivated_executor_loses_access_at_once(office):
    case = case_at(office, "with_executor")
    ex1 = office.user("executor1")
    office.update_user(office.user("admin"), ex1.id, active=False)
    _refused(office, ex1, case.reg_no, "draft", params_for(office, "draft", case.service))  # stale object
    _refused(office, office.user("executor1"), case.reg_no, "draft", params_for(office, "draft", case.service))
    # the head cannot hand a new case to a deactivated executor either
    fresh = case_at(office, "awaiting_resolution")
    for executor in (ex1.id, ex1.username, ex1):
        err = _refused(office, office.user("head"), fresh.reg_no, "resolve",
                       {"executor": executor, "resolution": "x"}, errors=ValidationError)
        assert err.code == "not_executor"


def test_unknown_user_and_case(office):
    ghost_id = User(999, "nobody", "Ешкім", frozenset({"head"}))
    case = case_at(office, "awaiting_resolution")
    _refused(office, ghost_id, case.reg_no, "withdraw", {"reason": "x"})
    from desktop.core.errors import NotFound
    _refused(office, office.user("head"), "K032026999999", "withdraw", {"reason": "x"}, errors=NotFound)


def test_admin_actions_refused_for_others(office):
    for name in ("clerk", "head", "executor1", "ghost"):
        user = office.user(name)
        before = snapshot(office.path)
        with pytest.raises(PermissionDenied):
            office.create_user(user, "intruder", "Бөгде Адам", ["admin"], "secret")
        with pytest.raises(PermissionDenied):
            office.update_user(user, user.id, roles=["admin"])
        with pytest.raises(PermissionDenied):
            office.set_calendar_override(user, dt.date(2026, 3, 16), "holiday")
        assert snapshot(office.path) == before
