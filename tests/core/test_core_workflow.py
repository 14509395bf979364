"""The workflow state machine in the core: every service's lifecycle, both outcomes, return loop, suspension,
withdrawal, delivery, the S4 referral slip, and the role × action matrix (no database involved)."""
from __future__ import annotations

import copy
import datetime as dt

import pytest

from core_flows import (ACTORS, ADMIN, CLERK, CODES, EX1, EX2, EXPECTED_DUE, GHOST, HEAD, POSTABLE, RETURNABLE, RIGHT,
                        T0, act, advance, applicant, new_case, params_for, service)
from desktop.core import workflow
from desktop.core.errors import DomainError, PermissionDenied, ValidationError, WrongStage
from desktop.core.model import FINAL_STAGES, STAGES

pytestmark = pytest.mark.core
H = dt.timedelta(hours=1)
# the issue-2 stages a counter case goes through (later channels add their own before awaiting_resolution)
COUNTER_STAGES = ("awaiting_resolution", "with_executor", "awaiting_signature", "signed", "delivered", "suspended",
                  "withdrawn")


def _messages(err: DomainError) -> None:
    for lang in ("kk", "ru"):
        text = err.message(lang)
        assert text and text != err.code, (lang, err.code)


@pytest.mark.parametrize("outcome", ["approved", "refused"])
@pytest.mark.parametrize("code", CODES)
def test_whole_lifecycle(code, outcome):
    svc = service(code)
    case, ev = new_case(code)
    assert (case.stage, ev.action, ev.from_stage, ev.to_stage) == ("awaiting_resolution", "register", None,
                                                                    "awaiting_resolution")
    assert case.due_at == EXPECTED_DUE[code]
    assert case.catalogue_version and case.decision is None and case.executor_id is None
    assert case.data["documents"] == [d.id for d in svc.documents]
    events = [ev]
    now = T0 + dt.timedelta(minutes=20)
    case, ev = act(case, HEAD, "resolve", now, **params_for("resolve", code))
    events.append(ev)
    assert case.stage == "with_executor" and case.executor_id == EX1.id
    assert case.data["resolution"].startswith("Қарап")

    # suspension: the clock stops, both due times move by exactly the paused time
    before = case
    case, ev = act(case, EX1, "suspend", now + H, reason="анықтама күтілуде")
    events.append(ev)
    assert case.stage == "suspended" and case.due_at == before.due_at
    paused = dt.timedelta(days=2, hours=3)
    case, ev = act(case, HEAD, "resume", now + H + paused)
    events.append(ev)
    assert case.stage == "with_executor"
    assert case.due_at == before.due_at + paused
    assert case.step_due_at == before.step_due_at + paused
    assert case.data["paused_seconds"] == paused.total_seconds() and "suspended_from" not in case.data
    now += H + paused

    case, ev = act(case, EX1, "draft", now + H, **params_for("draft", code, outcome))
    events.append(ev)
    assert case.stage == "awaiting_signature" and case.decision == outcome
    if outcome == "refused":
        assert case.data["refusal_reasons"] == [svc.refusal_reasons[0].id] and case.data["draft_text"]
    else:
        assert case.data["result"] == params_for("draft", code)["result"]

    if code in RETURNABLE:
        case, ev = act(case, HEAD, "return", now + 2 * H, reason="Отбасы құрамын нақтылаңыз")
        events.append(ev)
        assert case.stage == "with_executor" and case.decision is None
        assert case.data["returns"] == 1 and case.data["last_return"] == "Отбасы құрамын нақтылаңыз"
        draft = svc.step("draft")
        step_norm = workflow.default_calendar().add(now + 2 * H, draft.duration_value, draft.duration_unit)
        assert case.step_due_at == min(step_norm, case.due_at)  # never after the case's own deadline
        case, ev = act(case, EX1, "draft", now + 3 * H, **params_for("draft", code, outcome))
        events.append(ev)
    else:
        with pytest.raises(ValidationError) as err:
            act(case, HEAD, "return", now + 2 * H, reason="толықтырыңыз")
        assert err.value.code == "no_return"
        _messages(err.value)

    case, ev = act(case, HEAD, "sign", now + 4 * H)
    events.append(ev)
    assert case.stage == "signed" and case.data["signed_by"] == HEAD.id and case.decision == outcome
    handed = (now + 5 * H).date().isoformat()
    case, ev = act(case, EX1, "deliver", now + 5 * H, method="in_person", date=handed)
    events.append(ev)
    assert case.stage == "delivered" and case.closed_at == now + 5 * H and case.step_due_at is None
    assert case.data["delivery"] == {"method": "in_person", "date": handed}

    # the events chain from stage to stage without a gap
    for prev, nxt in zip(events, events[1:]):
        assert prev.to_stage == nxt.from_stage
    expected = ["register", "resolve", "suspend", "resume", "draft"]
    expected += ["return", "draft"] if code in RETURNABLE else []
    assert [e.action for e in events] == expected + ["sign", "deliver"]
    # a closed case accepts nothing but the S4 slip
    for action in ("resolve", "draft", "sign", "deliver", "suspend", "withdraw", "return"):
        with pytest.raises(WrongStage):
            act(case, ACTORS[sorted(RIGHT[action])[0]], action, now + 6 * H, **params_for(action, code))


@pytest.mark.parametrize("code", CODES)
def test_delivery_by_post(code):
    case = advance(new_case(code)[0], "signed")
    if code in POSTABLE:
        with pytest.raises(ValidationError) as err:
            act(case, EX1, "deliver", T0 + H, method="post")
        assert err.value.code == "post_needs_number"
        done, ev = act(case, EX1, "deliver", T0 + 2 * H + dt.timedelta(days=1), method="post",
                       post_number="RR123456789KZ", date="2026-03-02")  # recorded the next morning
        assert done.data["delivery"] == {"method": "post", "date": "2026-03-02", "post_number": "RR123456789KZ"}
        assert ev.details["post_number"] == "RR123456789KZ"
    else:
        with pytest.raises(ValidationError) as err:
            act(case, EX1, "deliver", T0 + H, method="post", post_number="RR1")
        assert err.value.code == "delivery_not_allowed"
        _messages(err.value)


def test_delivery_rejects_unknown_method_and_bad_date():
    case = advance(new_case("S1")[0], "signed")
    for params, code in (({"method": "pigeon"}, "delivery_not_allowed"),
                         ({"method": "in_person", "date": "31.02.2026"}, "bad_date"),
                         ({"method": "in_person", "date": "2026-03-01"}, "date_out_of_range"),  # before intake
                         # a future date has its own message (it is never taken as today)
                         ({"method": "post", "post_number": "RR1", "date": "2026-03-03"}, "date_in_future")):
        with pytest.raises(ValidationError) as err:
            act(case, EX1, "deliver", T0 + H, **params)
        assert err.value.code == code and err.value.field in ("method", "date")
        _messages(err.value)


def test_s4_referral_slip():
    case = advance(new_case("S4")[0], "delivered")
    done, ev = act(case, EX1, "record_slip", T0 + 3 * H, started_on="2026-03-10", order_no="15-б")
    assert done.stage == "delivered"
    slip = done.data["slip"]
    assert slip["started_on"] == "2026-03-10" and slip["order_no"] == "15-б"
    assert slip["institution"] == "«Бақанас су» ЖШС"  # taken from the referral when not given
    assert ev.action == "record_slip" and ev.from_stage == ev.to_stage == "delivered"
    with pytest.raises(ValidationError) as err:
        act(case, EX1, "record_slip", T0 + 3 * H, started_on="soon")
    assert err.value.code == "bad_date"
    with pytest.raises(PermissionDenied):
        act(case, EX2, "record_slip", T0 + 3 * H, started_on="2026-03-10")
    with pytest.raises(PermissionDenied):
        act(case, HEAD, "record_slip", T0 + 3 * H, started_on="2026-03-10")


@pytest.mark.parametrize("code,outcome", [("S4", "refused"), ("S1", "approved"), ("S6", "approved")])
def test_slip_only_for_an_approved_s4(code, outcome):
    case = advance(new_case(code)[0], "delivered", outcome=outcome)
    with pytest.raises(ValidationError) as err:
        act(case, EX1, "record_slip", T0 + 3 * H, started_on="2026-03-10")
    assert err.value.code == "slip_not_applicable"
    _messages(err.value)


@pytest.mark.parametrize("stage", workflow.SUSPENDABLE)
def test_suspend_and_resume_from_every_suspendable_stage(stage):
    case = advance(new_case("S7")[0], stage)
    t_suspend = T0 + dt.timedelta(hours=2)
    paused = dt.timedelta(days=5, minutes=7)
    held, ev = act(case, HEAD, "suspend", t_suspend, reason="құжат күтілуде")
    assert held.stage == "suspended" and ev.from_stage == stage and ev.details["reason"] == "құжат күтілуде"
    assert not held.overdue(case.due_at + dt.timedelta(days=30))  # the clock is stopped
    back, ev = act(held, HEAD, "resume", t_suspend + paused)
    assert back.stage == stage and ev.to_stage == stage
    assert back.due_at - case.due_at == paused
    assert back.step_due_at - case.step_due_at == paused
    assert back.decision == case.decision and back.executor_id == case.executor_id
    # suspend twice: the pauses add up
    held, _ = act(back, HEAD, "suspend", t_suspend + paused + H, reason="тағы")
    again, _ = act(held, HEAD, "resume", t_suspend + paused + 3 * H)
    assert again.due_at - case.due_at == paused + 2 * H
    assert again.data["paused_seconds"] == (paused + 2 * H).total_seconds()


def test_suspend_refused_when_signed_or_closed():
    signed = advance(new_case("S1")[0], "signed")
    with pytest.raises(WrongStage):
        act(signed, HEAD, "suspend", T0 + H, reason="x")
    held = advance(new_case("S1")[0], "suspended")
    with pytest.raises(WrongStage):
        act(held, HEAD, "suspend", T0 + H, reason="x")
    with pytest.raises(ValidationError) as err:
        act(advance(new_case("S1")[0], "with_executor"), HEAD, "suspend", T0 + H, reason="  ")
    assert err.value.code == "required" and err.value.field == "reason"


@pytest.mark.parametrize("stage", workflow.WITHDRAWABLE)
def test_withdraw_from_every_open_stage(stage):
    case = advance(new_case("S5")[0], stage)
    gone, ev = act(case, CLERK, "withdraw", T0 + 2 * H, reason="Өтініш беруші өтінішін кері алды")
    assert gone.stage == "withdrawn" and gone.closed_at == T0 + 2 * H and gone.step_due_at is None
    assert ev.from_stage == stage and ev.to_stage == "withdrawn"
    assert "suspended_from" not in gone.data
    assert not gone.is_open and not gone.overdue(T0 + dt.timedelta(days=365))
    for action in ("resolve", "draft", "sign", "deliver", "suspend", "resume", "withdraw", "return"):
        with pytest.raises(WrongStage):
            act(gone, ACTORS[sorted(RIGHT[action])[0]], action, T0 + 3 * H, **params_for(action, "S5"))


@pytest.mark.parametrize("stage", ["signed", "delivered"])
def test_withdraw_after_signature_refused(stage):
    case = advance(new_case("S5")[0], stage)
    with pytest.raises(WrongStage) as err:
        act(case, HEAD, "withdraw", T0 + 2 * H, reason="кеш")
    _messages(err.value)


def test_refusal_needs_a_catalogue_reason_and_text():
    case = advance(new_case("S1")[0], "with_executor")
    bad = [({"decision": "refused", "text": "себеп"}, "refusal_needs_reason"),
           ({"decision": "refused", "reasons": ["incomplete"], "text": "   "}, "refusal_needs_reason"),
           ({"decision": "refused", "reasons": ["no_such_reason"], "text": "x"}, "unknown_reason"),
           ({"decision": "maybe"}, "bad_decision"), ({}, "bad_decision")]
    for params, code in bad:
        with pytest.raises(ValidationError) as err:
            act(case, EX1, "draft", T0 + H, **params)
        assert err.value.code == code, params
        _messages(err.value)


def test_resolve_needs_an_active_executor_and_a_resolution():
    case = new_case("S2")[0]
    for executor in (None, HEAD, GHOST, "executor1"):
        with pytest.raises(ValidationError) as err:
            act(case, HEAD, "resolve", T0 + H, executor=executor, resolution="x")
        assert err.value.code == "not_executor"
    with pytest.raises(ValidationError) as err:
        act(case, HEAD, "resolve", T0 + H, executor=EX1, resolution="")
    assert err.value.field == "resolution"


def _stages_for(action: str) -> tuple[str, ...]:
    return workflow.RULES[action].stages


# a stage where the action is legal and executor1 is already assigned (when there is an executor)
MATRIX_STAGE = {"resolve": "awaiting_resolution", "draft": "with_executor", "return": "awaiting_signature",
                "sign": "awaiting_signature", "deliver": "signed", "suspend": "with_executor",
                "resume": "suspended", "withdraw": "with_executor", "record_slip": "delivered",
                "reassign": "with_executor"}


def _case_at(stage: str, code: str):
    if stage == "suspended":
        return act(_case_at("with_executor", code), HEAD, "suspend", T0 + H, reason="x")[0]
    if stage == "withdrawn":
        return act(_case_at("with_executor", code), HEAD, "withdraw", T0 + H, reason="x")[0]
    return advance(new_case(code)[0], stage)


@pytest.mark.parametrize("action", list(workflow.RULES))
def test_role_matrix_every_wrong_actor_refused(action):
    """For each action at a stage where it is legal, every actor but the right ones is refused; the input case is
    never mutated; the right actor succeeds."""
    code = "S4" if action == "record_slip" else "S5"
    case = _case_at(MATRIX_STAGE[action], code)
    assert action in workflow.RULES and case.stage in _stages_for(action)
    frozen = copy.deepcopy(case)
    for name, actor in ACTORS.items():
        if name in RIGHT[action]:
            continue
        with pytest.raises((PermissionDenied, WrongStage)) as err:
            act(case, actor, action, T0 + 2 * H, **params_for(action, code))
        _messages(err.value)
        assert case == frozen and case.data == frozen.data, (action, name)
        assert action not in workflow.allowed_actions(case, actor)
    for name in sorted(RIGHT[action]):
        new, ev = act(case, ACTORS[name], action, T0 + 2 * H, **params_for(action, code))
        assert ev.action == action and action in workflow.allowed_actions(case, ACTORS[name])
    assert case == frozen


def test_unassigned_executor_cannot_suspend_before_resolution():
    case = new_case("S1")[0]
    for actor in (EX1, EX2):
        with pytest.raises(PermissionDenied) as err:
            act(case, actor, "suspend", T0 + H, reason="x")
        assert err.value.code == "not_assigned"
    assert act(case, HEAD, "suspend", T0 + H, reason="x")[0].stage == "suspended"


@pytest.mark.parametrize("action", list(workflow.RULES))
def test_wrong_stage_for_every_action(action):
    """The right actor at every stage where the action is not legal gets WrongStage."""
    code = "S4" if action == "record_slip" else "S5"
    actor = ACTORS[sorted(RIGHT[action])[0]]
    for stage in COUNTER_STAGES:
        if stage in _stages_for(action):
            continue
        case = _case_at(stage, code)
        with pytest.raises(WrongStage) as err:
            act(case, actor, action, T0 + 2 * H, **params_for(action, code))
        assert err.value.params["stage"] == stage
        _messages(err.value)


def test_unknown_action_and_register_roles():
    case = new_case("S1")[0]
    with pytest.raises(ValidationError):
        act(case, HEAD, "approve_everything", T0 + H)
    for actor in (HEAD, EX1, ADMIN, GHOST):
        with pytest.raises(PermissionDenied) as err:
            workflow.register(service=service("S1"), actor=actor, applicant=applicant(), fields=None,
                              documents=None, reg_no="K1", catalogue_version="v", now=T0)
        _messages(err.value)


def test_channels():
    app = applicant()
    with pytest.raises(ValidationError) as err:
        workflow.register(service=service("S1"), actor=CLERK, applicant=app, fields=None, documents=None,
                          reg_no="K1", catalogue_version="v", now=T0, channel="akimat")
    assert err.value.code == "channel_not_allowed"
    with pytest.raises(PermissionDenied):  # S6 through an akimat is registered by the akim, not the clerk
        workflow.register(service=service("S6"), actor=CLERK, applicant=app, fields=None, documents=None,
                          reg_no="K1", catalogue_version="v", now=T0, channel="akimat")


def test_stage_constants():
    assert set(FINAL_STAGES) == {"delivered", "withdrawn"}
    assert set(COUNTER_STAGES) <= set(STAGES)
