"""The PSC / akimat channel rules in the core (no database): channel values, intake of a forwarded case, the PSC
step table per stage, package movements and their refusals, the akim's authority, scan classification."""
from __future__ import annotations

import datetime as dt

import pytest

from core_flows import CLERK, EX1, HEAD, INTAKE_FIELDS, RESULT_FIELDS, T0, act, applicant, service
from desktop.core import channels, packages, workflow
from desktop.core.calendar import default_calendar
from desktop.core.errors import DomainError, PermissionDenied, ValidationError, WrongStage
from desktop.core.messages import MESSAGES, message
from desktop.core.messages_psc import PSC_MESSAGES
from desktop.core.model import User

pytestmark = pytest.mark.core
CAL = default_calendar()
M = dt.timedelta(minutes=1)
INSP3 = User(20, "insp3", "Бекова Жанар", frozenset({"psc_inspector"}), psc_branch=3)
COLL3 = User(21, "coll3", "Тоқтаров Асқар", frozenset({"psc_collector"}), psc_branch=3)
INSP5 = User(22, "insp5", "Нұрланова Әсем", frozenset({"psc_inspector"}), psc_branch=5)
UNBOUND = User(23, "insp", "Байланбаған", frozenset({"psc_inspector"}))
AKIM = User(30, "akim42", "Тұрсынов Болат", frozenset({"akim"}), akimat_id=42)
AKIM2 = User(31, "akim43", "Әбенов Серік", frozenset({"akim"}), akimat_id=43)


def psc_case(actor: User = INSP3, channel_ref: str | None = "psc:3", now: dt.datetime = T0):
    return workflow.register(service=service("S7"), actor=actor, applicant=applicant(), fields=INTAKE_FIELDS["S7"],
                             documents=["application", "identity"], reg_no="K032026000001", catalogue_version="v",
                             now=now, channel="psc", channel_ref=channel_ref)


def akim_case(code: str, actor: User = AKIM):
    return workflow.register(service=service(code), actor=actor, applicant=applicant(), fields=INTAKE_FIELDS.get(code),
                             documents=None, reg_no="K032026000002", catalogue_version="v", now=T0,
                             channel="akimat")[0]


def due(start: dt.datetime, *actions: str) -> dt.datetime:
    steps = {s.action: s for s in service("S7").psc_steps}
    for a in actions:
        start = CAL.add(start, steps[a].duration_value, steps[a].duration_unit)
    return start


def test_channel_values():
    assert channels.parse("department") == channels.Channel("department")
    assert channels.parse(" psc:19 ").text == "psc:19" and channels.parse("akimat:254").text == "akimat:254"
    for bad, code in (("psc", "bad_channel"), ("bogus:1", "bad_channel"), ("department:1", "bad_channel"),
                      ("psc:x", "bad_channel"), ("psc:0", "unknown_psc_branch"), ("psc:20", "unknown_psc_branch"),
                      ("akimat:255", "unknown_akimat")):
        with pytest.raises(ValidationError) as err:
            channels.parse(bad)
        assert err.value.code == code, bad
        assert "{" not in err.value.message("ru")
    assert channels.resolve_channel("psc", None, INSP3) == "psc:3"  # the inspector's own branch by default
    with pytest.raises(PermissionDenied) as err:
        channels.resolve_channel("psc", "psc:5", INSP3)
    assert err.value.code == "other_place"
    with pytest.raises(PermissionDenied) as err:
        channels.resolve_channel("psc", None, UNBOUND)
    assert err.value.code == "not_bound"
    assert channels.forwarded(service("S7"), "psc:3") and channels.forwarded(service("S7"), "akimat:42")
    assert not channels.forwarded(service("S6"), "akimat:42") and not channels.forwarded(service("S7"), "department")


def test_psc_intake_follows_the_psc_table():
    case, event = psc_case()
    assert (case.stage, case.package, case.channel) == ("awaiting_receipt", "at_branch", "psc:3")
    everything = tuple(s.action for s in service("S7").psc_steps)
    assert len(everything) == 11 and case.due_at == due(T0, *everything) == dt.datetime(2026, 3, 5, 15, 45)
    assert case.step_due_at == due(T0, "psc_accept", "psc_collect")
    assert event.to_stage == "awaiting_receipt" and event.details["channel"] == "psc:3"
    counter = workflow.register(service=service("S7"), actor=CLERK, applicant=applicant(), fields=INTAKE_FIELDS["S7"],
                                documents=None, reg_no="K1", catalogue_version="v", now=T0)[0]
    assert counter.package is None and counter.due_at != case.due_at  # path A: 6 working days + 2 h 15 min
    with pytest.raises(PermissionDenied):
        psc_case(INSP5)


def test_package_movements_and_stage_dues():
    case = psc_case()[0]
    svc = service("S7")
    sent, got = T0 + 5 * dt.timedelta(hours=1), dt.datetime(2026, 3, 3, 9, 30)
    case, ev = packages.dispatch(case, svc, registry_no="R032026000001", direction="to_department", now=sent,
                                 calendar=CAL)
    assert case.package == "in_transit" and case.step_due_at == due(sent, "dept_receive") and ev.details["registry"]
    with pytest.raises(WrongStage):  # a package cannot be dispatched twice
        packages.dispatch(case, svc, registry_no="R2", direction="to_department", now=sent, calendar=CAL)
    case, ev = packages.receive(case, svc, actor=CLERK, registry_no="R032026000001", direction="to_department",
                                now=got, calendar=CAL)
    assert (case.stage, case.package, ev.to_stage) == ("awaiting_resolution", "at_department", "awaiting_resolution")
    assert case.step_due_at == due(got, "dept_forward", "resolve")
    case = act(case, HEAD, "resolve", got + M, executor=EX1, resolution="Қараңыз")[0]
    assert case.step_due_at == due(got + M, "examine", "draft")
    case = act(case, EX1, "draft", got + 2 * M, decision="approved", text="")[0]
    assert case.step_due_at == due(got + 2 * M, "sign")
    case = act(case, HEAD, "return", got + 3 * M, reason="толықтырыңыз")[0]
    assert case.step_due_at == due(got + 3 * M, "complete")
    case = act(case, EX1, "draft", got + 4 * M, decision="approved", text="")[0]
    case = act(case, HEAD, "sign", got + 5 * M)[0]
    assert case.step_due_at == due(got + 5 * M, "complete", "dept_return")
    assert "deliver" not in workflow.allowed_actions(case, EX1)
    with pytest.raises(PermissionDenied) as err:
        act(case, EX1, "deliver", got + 6 * M, method="in_person")
    assert err.value.code == "deliver_via_registry"
    with pytest.raises(WrongStage):  # not back at the branch yet
        packages.hand_over(case, actor=INSP3, now=got + 6 * M)
    case = packages.dispatch(case, svc, registry_no="R3", direction="to_branch", now=got + 6 * M, calendar=CAL)[0]
    assert case.package == "in_transit_back" and case.step_due_at == due(got + 6 * M, "psc_handover")
    case = packages.receive(case, svc, actor=INSP3, registry_no="R3", direction="to_branch", now=got + 9 * M,
                            calendar=CAL)[0]
    assert (case.stage, case.package) == ("signed", "at_branch_returned")
    for who, code in ((INSP5, "other_place"), (COLL3, "role_denied"), (CLERK, "role_denied")):
        with pytest.raises(PermissionDenied) as err:
            packages.hand_over(case, actor=who, now=got + 10 * M)
        assert err.value.code == code
    done, ev = packages.hand_over(case, actor=INSP3, now=got + 10 * M)
    assert (done.stage, done.package, done.closed_at, ev.action) == ("delivered", "handed_over", got + 10 * M,
                                                                    "hand_over")
    assert not done.overdue(got + 10 * M)


def test_registry_permissions():
    allowed = [(COLL3, "psc:3", "to_department", "build"), (CLERK, "psc:3", "to_department", "receive"),
               (CLERK, "psc:3", "to_branch", "build"), (INSP3, "psc:3", "to_branch", "receive"),
               (COLL3, "psc:3", "to_branch", "receive"), (AKIM, "akimat:42", "to_department", "build"),
               (AKIM, "akimat:42", "to_branch", "receive")]
    for who, source, direction, action in allowed:
        packages.authorise_registry(who, source, direction, action)
    refused = [(CLERK, "psc:3", "to_department", "build", "role_denied"),
               (INSP3, "psc:3", "to_department", "build", "role_denied"),
               (COLL3, "psc:5", "to_department", "build", "other_place"),
               (COLL3, "psc:3", "to_department", "receive", "role_denied"),
               (HEAD, "psc:3", "to_branch", "build", "role_denied"),
               (INSP5, "psc:3", "to_branch", "receive", "other_place"),
               (AKIM2, "akimat:42", "to_department", "build", "other_place"),
               (INSP3, "akimat:42", "to_department", "build", "role_denied")]
    for who, source, direction, action, code in refused:
        with pytest.raises(PermissionDenied) as err:
            packages.authorise_registry(who, source, direction, action)
        assert err.value.code == code, (who.username, source, direction, action)
    with pytest.raises(ValidationError):
        packages.source_channel("department")


def test_akim_authority():
    local = akim_case("S6")
    assert local.stage == "awaiting_resolution" and local.package is None and local.channel == "akimat:42"
    case = act(local, AKIM, "resolve", T0 + M, resolution="Беріңіз")[0]
    assert case.executor_id == AKIM.id
    case = act(case, AKIM, "draft", T0 + 2 * M, decision="approved", text="", result=RESULT_FIELDS["S6"])[0]
    assert set(workflow.allowed_actions(case, AKIM)) >= {"sign", "return"}
    case = act(case, AKIM, "sign", T0 + 3 * M)[0]
    assert case.data["signed_by"] == AKIM.id
    with pytest.raises(PermissionDenied) as err:
        act(local, AKIM2, "resolve", T0 + M, resolution="x")
    assert err.value.code == "akim_other_akimat" and "akimat:42" in err.value.message("kk")
    assert workflow.allowed_actions(local, AKIM2) == []
    with pytest.raises(WrongStage):
        act(local, AKIM, "sign", T0 + M)
    forwarded = akim_case("S7")
    assert forwarded.stage == "awaiting_receipt" and forwarded.package == "at_branch"
    with pytest.raises(PermissionDenied):  # S7 is signed by the department's head
        act(forwarded, AKIM, "resolve", T0 + M, resolution="x")
    counter = workflow.register(service=service("S6"), actor=CLERK, applicant=applicant(), fields=None, documents=None,
                                reg_no="K3", catalogue_version="v", now=T0)[0]
    with pytest.raises(PermissionDenied):
        act(counter, AKIM, "resolve", T0 + M, resolution="x")
    with pytest.raises(PermissionDenied):  # an akim registers only for his own akimat
        workflow.register(service=service("S6"), actor=AKIM2, applicant=applicant(), fields=None, documents=None,
                          reg_no="K4", catalogue_version="v", now=T0, channel="akimat", channel_ref="akimat:42")


def test_scan_classification_and_codes():
    case = psc_case()[0]
    assert packages.classify("R1", "R1", None, None) == "registry"
    assert packages.classify("R2", "R1", None, None, registry_code=True) == "registry"
    assert packages.classify("K9", "R1", None, None) == "unknown"
    assert packages.classify("K032026000001", "R1", None, case) == "not_on_registry"
    assert packages.classify("K032026000001", "R1", "received", case) == "duplicate"
    assert packages.classify("K032026000001", "R1", "in_transit", case) == "received"
    assert packages.classify("K032026000001", "R1", "missing", case) == "received"  # a late package
    assert packages.normalise_code(" k03 2026\t000001\n") == "K032026000001"
    assert not packages.valid_code("Қ032026000001") and packages.valid_code("R032026000001")
    assert packages.format_registry_no(3, 2026, 42) == "R032026000042"
    assert packages.normalise_direction("to-branch") == "to_branch"
    with pytest.raises(ValidationError):
        packages.normalise_direction("up")
    assert packages.courier_runs(None) == 2 and packages.courier_runs("1") == 1
    for bad in ("0", 7, "x"):
        with pytest.raises(ValidationError):
            packages.courier_runs(bad)
    assert packages.package_title("at_branch", "akimat:42", "ru") == "В акимате"
    assert packages.package_title("at_branch", "psc:3", "kk") == "ХҚКО бөлімінде"


def test_every_new_message_speaks_kazakh_and_russian():
    params = {k: "x" for k in ("channel", "number", "max", "user", "own", "reg_no", "stage", "action", "package",
                               "direction", "source", "value", "runs", "day", "code", "registry", "received",
                               "expected")}
    for code, table in PSC_MESSAGES.items():
        assert MESSAGES[code] is table and set(table) == {"kk", "ru", "en"}, code
        for lang in ("kk", "ru", "en"):
            text = message(code, lang, **params)
            assert text and "{" not in text, (code, lang)
    err = DomainError("wrong_package_state", reg_no="K1", stage="awaiting_receipt", action="hand_over",
                      package="in_transit")
    assert "Бөлімге жолда" in err.message("kk") and "В пути в отдел" in err.message("ru")
