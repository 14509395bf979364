"""Every service through its whole lifecycle in the store: what is in the file and in the audit trail after each
action; the return loop, suspension, withdrawal, delivery by post, the S4 slip; refused actions write nothing."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from desktop.core.errors import ValidationError, WrongStage
from desktop.store import Filters
from store_flows import (CODES, POSTABLE, RETURNABLE, T0, advance, applicant, documents, intake, params_for,
                         raw_case, raw_events, snapshot)
from store_flows import fast_passwords  # noqa: F401  (autouse: cheap password hashes)

pytestmark = pytest.mark.store
H = dt.timedelta(hours=1)
EXPECTED_DUE = {"S1": "2026-03-12 11:30:00", "S2": "2026-03-12 11:30:00", "S3": "2026-03-12 11:30:00",
                "S4": "2026-03-02 10:30:00", "S5": "2026-03-17 11:30:00", "S6": "2026-03-02 10:12:00",
                "S7": "2026-03-11 12:15:00"}
# intake values other than conftest's, so both sets pass through the store
INTAKE = {"S4": {"employment_form": "training"}, "S5": {"category": "Мүгедек балалары бар отбасылар"},
          "S7": {"children": [{"full_name": "Ахметова Дана"}]}}


def _shift(text: str, delta: dt.timedelta) -> str:
    return (dt.datetime.fromisoformat(text) + delta).isoformat(sep=" ")


@pytest.mark.parametrize("outcome", ["approved", "refused"])
@pytest.mark.parametrize("code", CODES)
def test_whole_lifecycle_in_the_store(register, people, code, outcome):
    reg, path = register, register.path
    clerk, head, ex1 = people["clerk"], people["head"], people["executor1"]
    case = reg.register_case(clerk, code, applicant(), {**INTAKE.get(code, {})}, documents(reg, code), now=T0)
    assert case.reg_no == "K032026000001"
    row = raw_case(path, case.reg_no)
    assert (row["stage"], row["service"], row["decision"], row["executor_id"], row["closed_at"]) == (
        "awaiting_resolution", code, None, None, None)
    assert row["due_at"] == EXPECTED_DUE[code] and row["registered_at"] == "2026-03-02 10:00:00"
    assert row["catalogue_version"] == reg.catalogue.version and row["registered_by"] == clerk.id
    assert json.loads(row["data"])["documents"] == documents(reg, code)

    now = T0 + dt.timedelta(minutes=20)
    reg.perform(head, case.reg_no, "resolve", now=now, executor=ex1.id, resolution="Қарауға")
    row = raw_case(path, case.reg_no)
    assert (row["stage"], row["executor_id"]) == ("with_executor", ex1.id)
    due, step_due = row["due_at"], row["step_due_at"]

    reg.perform(ex1, case.reg_no, "suspend", now=now + H, reason="МӘС анықтамасы күтілуде")
    assert raw_case(path, case.reg_no)["stage"] == "suspended"
    assert reg.overdue_count(dt.datetime(2027, 1, 1)) == 0  # a suspended case is never overdue
    paused = dt.timedelta(days=3, hours=2)
    reg.perform(head, case.reg_no, "resume", now=now + H + paused)
    row = raw_case(path, case.reg_no)
    assert row["stage"] == "with_executor"
    assert row["due_at"] == _shift(due, paused) and row["step_due_at"] == _shift(step_due, paused)
    now += H + paused

    reg.perform(ex1, case.reg_no, "draft", now=now + H, **params_for(reg, "draft", code, outcome))
    row = raw_case(path, case.reg_no)
    assert (row["stage"], row["decision"]) == ("awaiting_signature", outcome)
    if code in RETURNABLE:
        reg.perform(head, case.reg_no, "return", now=now + 2 * H, reason="Қолы жоқ")
        row = raw_case(path, case.reg_no)
        assert (row["stage"], row["decision"]) == ("with_executor", None)
        assert json.loads(row["data"])["returns"] == 1
        reg.perform(ex1, case.reg_no, "draft", now=now + 3 * H, **params_for(reg, "draft", code, outcome))
    else:
        before = snapshot(path)
        with pytest.raises(ValidationError) as err:
            reg.perform(head, case.reg_no, "return", now=now + 2 * H, reason="Қолы жоқ")
        assert err.value.code == "no_return" and err.value.message("ru")
        assert snapshot(path) == before

    reg.perform(head, case.reg_no, "sign", now=now + 4 * H)
    assert raw_case(path, case.reg_no)["stage"] == "signed"
    post = outcome == "refused" and code in POSTABLE
    delivery = {"method": "post", "post_number": "RR000111222KZ", "date": "2026-03-02"} if post else {
        "method": "in_person"}
    reg.perform(ex1, case.reg_no, "deliver", now=now + 5 * H, **delivery)
    row = raw_case(path, case.reg_no)
    assert (row["stage"], row["decision"], row["step_due_at"]) == ("delivered", outcome, None)
    assert row["closed_at"] == (now + 5 * H).isoformat(sep=" ")
    data = json.loads(row["data"])
    assert data["delivery"]["method"] == delivery["method"]
    if post:
        assert data["delivery"] == delivery
    else:
        assert data["delivery"]["date"] == (now + 5 * H).date().isoformat()
    if outcome == "refused":
        assert data["refusal_reasons"] == [reg.catalogue.service(code).refusal_reasons[-1].id]
    if code == "S4" and outcome == "approved":
        reg.perform(ex1, case.reg_no, "record_slip", now=now + 6 * H, started_on="2026-03-12", order_no="7")
        assert json.loads(raw_case(path, case.reg_no)["data"])["slip"]["started_on"] == "2026-03-12"

    # the audit trail, read straight from the file
    events = raw_events(path, row["id"])
    expected = ["register", "resolve", "suspend", "resume", "draft"]
    expected += ["return", "draft"] if code in RETURNABLE else []
    expected += ["sign", "deliver"] + (["record_slip"] if code == "S4" and outcome == "approved" else [])
    assert [e["action"] for e in events] == expected
    assert [e["actor"] for e in events][:4] == ["clerk", "head", "executor1", "head"]
    for prev, nxt in zip(events, events[1:]):
        assert prev["to_stage"] == nxt["from_stage"] or nxt["action"] == "record_slip"
        assert nxt["id"] == prev["id"] + 1 and nxt["prev_hash"] == prev["hash"]  # nothing else happened meanwhile
    assert json.loads(events[2]["details"])["reason"] == "МӘС анықтамасы күтілуде"
    history = reg.history(case.reg_no)
    assert [h.action for h in history] == expected and history[0].actor == "clerk"
    assert reg.verify().ok



@pytest.mark.parametrize("code", ["S4", "S6"])
def test_post_refused_and_nothing_written(register, people, code):
    case = advance(register, intake(register, code), "signed")
    before = snapshot(register.path)
    with pytest.raises(ValidationError) as err:
        register.perform(people["executor1"], case.reg_no, "deliver", now=T0 + H, method="post",
                         post_number="RR1", date="2026-03-02")
    assert err.value.code == "delivery_not_allowed" and err.value.message("kk") and err.value.message("ru")
    assert snapshot(register.path) == before


@pytest.mark.parametrize("stage", ["awaiting_resolution", "with_executor", "awaiting_signature", "suspended"])
def test_withdraw_in_the_store(register, people, stage):
    case = advance(register, intake(register, "S7"), stage)
    done = register.perform(people["clerk"], case.reg_no, "withdraw", now=T0 + 2 * H,
                            reason="Өтініш беруші кері алды")
    row = raw_case(register.path, case.reg_no)
    assert (row["stage"], row["closed_at"], row["step_due_at"]) == ("withdrawn", "2026-03-02 12:00:00", None)
    assert done.stage == "withdrawn"
    last = register.history(case.reg_no)[-1]
    assert (last.action, last.from_stage, last.to_stage, last.actor) == ("withdraw", stage, "withdrawn", "clerk")
    before = snapshot(register.path)
    with pytest.raises(WrongStage):
        register.perform(people["head"], case.reg_no, "resolve", now=T0 + 3 * H, executor=people["executor1"].id,
                         resolution="x")
    assert snapshot(register.path) == before
    assert register.find(Filters(stage="withdrawn"))[0].reg_no == case.reg_no


def test_suspended_case_leaves_the_overdue_count_and_comes_back_shifted(register, people):
    case = advance(register, intake(register, "S6"), "with_executor")  # due 10:12 on 2 March
    late = dt.datetime(2026, 3, 2, 11, 0)
    assert register.overdue_count(late) == 1
    register.perform(people["head"], case.reg_no, "suspend", now=T0 + dt.timedelta(minutes=30), reason="x")
    assert register.overdue_count(late) == 0
    back = register.perform(people["head"], case.reg_no, "resume", now=T0 + dt.timedelta(minutes=90))
    assert back.due_at == dt.datetime(2026, 3, 2, 11, 12)
    assert register.overdue_count(late) == 0 and register.overdue_count(dt.datetime(2026, 3, 2, 11, 13)) == 1


def test_registration_numbers_are_sequential_per_year_and_never_reused(register, people):
    a = intake(register, "S1", now=T0)
    b = intake(register, "S2", now=T0 + H)
    register.perform(people["clerk"], b.reg_no, "withdraw", now=T0 + 2 * H, reason="x")
    c = intake(register, "S3", now=T0 + 3 * H)
    d = intake(register, "S1", now=dt.datetime(2027, 1, 5, 10, 0))
    assert [a.reg_no, b.reg_no, c.reg_no, d.reg_no] == ["K032026000001", "K032026000002", "K032026000003",
                                                        "K032027000001"]
    for n in (a, b, c, d):
        assert n.reg_no.isascii() and n.reg_no.isalnum() and n.reg_no == n.reg_no.upper()


def test_second_open_case_of_the_same_iin_and_service_is_flagged(register, people):
    first = intake(register, "S5")
    second = intake(register, "S5", now=T0 + H)
    assert register.open_cases(first.applicant.iin, "S5") == [first.reg_no, second.reg_no]
    warning = register.history(second.reg_no)[0].details.get("warning")
    assert warning == {"second_open_case": [first.reg_no]}
    assert "warning" not in register.history(first.reg_no)[0].details
