"""The public service centre path through a real register file: intake at a branch, the collecting inspector's
registry, receipt at the department by scanning (missing and extra packages flagged, nothing lost), the workflow on
the PSC step table, the return registry, scan-in at the branch and the hand-over against the Қолхат; role checks
that write nothing; and the upgrade of a version-1 register file."""
from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Callable

import pytest

from desktop import cli
from desktop.core.errors import DomainError, NotFound, PermissionDenied, ValidationError, WrongStage
from desktop.store import Register
from desktop.store.engines import sqlite as db
from desktop.store.schema import LATEST
from both_engines import raw
from store_flows import INTAKE_FIELDS, T0, applicant, documents, intake
from store_flows import fast_passwords  # noqa: F401  (autouse: cheap password hashes)

pytestmark = pytest.mark.store
M = dt.timedelta(minutes=1)
T1 = dt.datetime(2026, 3, 3, 9, 40)  # Tuesday: the courier's morning delivery
TABLES = ("cases", "events", "registries", "registry_items", "scans", "meta", "users", "reg_counters")


@pytest.fixture
def psc(register, people):
    """Department staff plus the inspectors of branches 3 and 5."""
    admin = people["admin"]
    made = dict(people)
    for username, name, roles, branch in (("insp3", "Бекова Жанар", ["psc_inspector"], 3),
                                          ("coll3", "Тоқтаров Асқар", ["psc_collector"], 3),
                                          ("insp5", "Нұрланова Әсем", ["psc_inspector"], 5),
                                          ("coll5", "Ержанов Бауыржан", ["psc_collector"], 5)):
        made[username] = register.create_user(admin, username, name, roles, username + "-pw", psc_branch=branch)
    return made


def psc_intake(reg: Register, who, serial: int, now: dt.datetime = T0, branch: int = 3):
    return reg.register_case(who, "S7", applicant(serial), INTAKE_FIELDS["S7"], documents(reg, "S7"),
                             channel="psc", channel_ref=f"psc:{branch}", now=now)


def chain(reg: Register, start: dt.datetime, actions: tuple[str, ...]) -> dt.datetime:
    """Due times straight from the catalogue's PSC table (regulation 7 annex 7 table 2)."""
    steps = {s.action: s for s in reg.catalogue.service("S7").psc_steps}
    for action in actions:
        start = reg.calendar().add(start, steps[action].duration_value, steps[action].duration_unit)
    return start


def dump(reg: Register) -> dict[str, list]:
    """Every row of every table a refused action must leave alone (read on a separate connection), and on
    PostgreSQL the login roles."""
    with raw(reg.path) as db:
        return {**{t: db.all(f"SELECT * FROM {t} ORDER BY 1") for t in TABLES}, "logins": db.logins()}


def _speaks(err: DomainError) -> None:
    for lang in ("kk", "ru"):
        text = err.message(lang)
        assert text and text != err.code and "{" not in text, (lang, err.code, text)


# ---------------------------------------------------------------- the whole path


def test_full_psc_case(register, psc, capsys):
    reg, desk = register, register.packages
    psc_table = tuple(s.action for s in reg.catalogue.service("S7").psc_steps)
    case = psc_intake(reg, psc["insp3"], 1)
    assert (case.channel, case.stage, case.package) == ("psc:3", "awaiting_receipt", "at_branch")
    assert case.due_at == chain(reg, T0, psc_table) == dt.datetime(2026, 3, 5, 15, 45)  # 3 working days + 4h45
    assert case.step_due_at == chain(reg, T0, ("psc_accept", "psc_collect")) == dt.datetime(2026, 3, 3, 10, 30)
    assert reg.history(case.reg_no)[0].details["channel"] == "psc:3"

    # the collecting inspector's registry for the afternoon courier
    sent = T0 + dt.timedelta(hours=6)
    registry = desk.create_registry(psc["coll3"], "psc:3", now=sent)
    assert registry.number.startswith("R032026") and len(registry.number) == 13 and registry.number.isalnum()
    assert (registry.direction, registry.source, registry.day, registry.run, registry.status) == \
        ("to_department", "psc:3", T0.date(), 1, "dispatched")
    assert [(i.reg_no, i.state, i.documents) for i in registry.items] == [(case.reg_no, "in_transit", 5)]
    moved = reg.case(case.reg_no)
    assert moved.package == "in_transit" and moved.stage == "awaiting_receipt"
    assert moved.step_due_at == chain(reg, sent, ("dept_receive",))

    # the department's clerk scans the registry's barcode, then the package
    assert desk.receive_scan(psc["clerk"], registry.number, registry.number, now=T1).result == "registry"
    scan = desk.receive_scan(psc["clerk"], registry.number, case.reg_no.lower() + " ", now=T1)
    assert (scan.result, scan.reg_no, scan.received, scan.expected, scan.flagged) == ("received", case.reg_no, 1, 1,
                                                                                      False)
    assert "1/1" in scan.message("kk") and "1/1" in scan.message("ru")
    case = reg.case(case.reg_no)
    assert (case.stage, case.package, case.data["received_by"]) == ("awaiting_resolution", "at_department",
                                                                    psc["clerk"].id)
    assert case.step_due_at == chain(reg, T1, ("dept_forward", "resolve"))
    assert desk.registry(registry.number).status == "received"
    assert desk.close_receipt(psc["clerk"], registry.number, now=T1) == []

    # the ordinary workflow with the PSC durations, including a return for completion
    t = T1 + 20 * M
    case = reg.perform(psc["head"], case.reg_no, "resolve", executor=psc["executor1"].id, resolution="Қараңыз", now=t)
    assert case.step_due_at == chain(reg, t, ("examine", "draft"))
    case = reg.perform(psc["executor1"], case.reg_no, "draft", decision="approved", text="", now=t + 40 * M)
    assert case.step_due_at == chain(reg, t + 40 * M, ("sign",))
    case = reg.perform(psc["head"], case.reg_no, "return", reason="Балалардың ЖСН тексерілсін", now=t + 50 * M)
    assert case.step_due_at == chain(reg, t + 50 * M, ("complete",))  # 15 minutes, not the path-A draft time
    case = reg.perform(psc["executor1"], case.reg_no, "draft", decision="approved", text="", now=t + 60 * M)
    signed_at = t + 70 * M
    case = reg.perform(psc["head"], case.reg_no, "sign", now=signed_at)
    assert case.stage == "signed" and case.step_due_at == chain(reg, signed_at, ("complete", "dept_return"))
    with pytest.raises(PermissionDenied) as err:  # the executor does not hand a PSC result over himself
        reg.perform(psc["executor1"], case.reg_no, "deliver", method="in_person", now=signed_at)
    assert err.value.code == "deliver_via_registry"
    _speaks(err.value)
    assert case.id not in reg.inbox_ids("executor", executor_id=psc["executor1"].id)
    assert [c.reg_no for c in desk.ready("psc:3", "to-branch")] == [case.reg_no]
    assert desk.waiting_by_source("to-branch") == {"psc:3": 1} and desk.waiting_by_source() == {}

    # the return registry, scanned in at the branch, handed over against the Қолхат
    back_at = signed_at + 30 * M
    back = desk.create_registry(psc["clerk"], "psc:3", direction="to-branch", now=back_at)
    assert back.direction == "to_branch" and reg.case(case.reg_no).package == "in_transit_back"
    assert reg.case(case.reg_no).step_due_at == chain(reg, back_at, ("psc_handover",))
    arrived = back_at + 2 * dt.timedelta(hours=1)
    assert desk.receive_scan(psc["insp3"], back.number, case.reg_no, now=arrived).result == "received"
    assert reg.case(case.reg_no).package == "at_branch_returned" and reg.case(case.reg_no).stage == "signed"
    assert [c.reg_no for c in desk.returned("psc:3")] == [case.reg_no] and desk.returned("psc:5") == []
    done = desk.hand_over(psc["insp3"], case.reg_no, now=arrived + 10 * M)
    assert (done.stage, done.package, done.closed_at, done.step_due_at) == ("delivered", "handed_over",
                                                                           arrived + 10 * M, None)
    assert done.data["delivery"] == {"method": "psc", "date": "2026-03-03", "place": "psc:3", "against": "kolkhat"}
    assert not done.overdue(arrived) and arrived + 10 * M < done.due_at  # within the PSC table's deadline

    # the trail: every movement and scan is an event on the case; the chain holds
    actions = [h.action for h in reg.history(case.reg_no)]
    assert actions == ["register", "package_dispatch", "package_receive", "resolve", "draft", "return", "draft",
                       "sign", "package_dispatch", "package_receive", "hand_over"]
    registry_events = [h for h in reg._all("SELECT action, details FROM events WHERE case_id IS NULL AND"
                                           " (action LIKE 'registry%' OR action = 'package_scan')")]
    assert [a for a, _ in registry_events] == ["registry_create", "package_scan", "registry_create"]
    assert [(s.registry_no, s.result) for s in desk.package_scans(case.reg_no)] == [
        (registry.number, "received"), (back.number, "received")]
    assert [(r.number, item.state) for r, item in desk.case_registries(case.reg_no)] == [
        (registry.number, "received"), (back.number, "received")]
    assert reg.verify().ok

    # kense find --json: channel and package
    capsys.readouterr()
    assert cli.main(["find", "--db", str(reg.path), "--reg", case.reg_no, "--json"]) == 0
    row = json.loads(capsys.readouterr().out)[0]
    assert (row["channel"], row["package"], row["stage"]) == ("psc:3", "handed_over", "delivered")


def test_missing_and_extra_packages_are_flagged_and_nothing_is_lost(register, psc):
    reg, desk, clerk = register, register.packages, psc["clerk"]
    a, b, c = (psc_intake(reg, psc["insp3"], i) for i in (1, 2, 3))
    elsewhere = psc_intake(reg, psc["insp5"], 4, branch=5)         # another branch's package, still at its branch
    counter = intake(reg, "S7", serial=5)                           # a department case
    registry = desk.create_registry(psc["coll3"], "psc:3", now=T0 + dt.timedelta(hours=6))
    assert [i.reg_no for i in registry.items] == [a.reg_no, b.reg_no, c.reg_no]

    results = [desk.receive_scan(clerk, registry.number, code, now=T1 + i * M).result for i, code in enumerate(
        (a.reg_no, elsewhere.reg_no, "K032026999999", b.reg_no, counter.reg_no, "Қ0320260000", a.reg_no))]
    assert results == ["received", "not_on_registry", "unknown", "received", "not_on_registry", "unknown",
                       "duplicate"]
    # flagged scans changed nothing
    assert reg.case(elsewhere.reg_no).package == "at_branch" and reg.case(elsewhere.reg_no).stage == \
        "awaiting_receipt"
    assert reg.case(counter.reg_no).stage == "awaiting_resolution" and reg.case(counter.reg_no).package is None
    assert desk.registry(registry.number).status == "receiving"

    missing = desk.close_receipt(clerk, registry.number, now=T1 + 10 * M)
    assert missing == [c.reg_no]
    closed = desk.registry(registry.number)
    assert closed.status == "incomplete" and [i.reg_no for i in closed.missing] == [c.reg_no]
    lost = reg.case(c.reg_no)
    assert (lost.stage, lost.package) == ("awaiting_receipt", "in_transit")      # still tracked, not dropped
    scans = desk.registry_scans(registry.number)
    assert [s.result for s in scans] == results and sum(s.flagged for s in scans) == 5
    assert [s.code for s in scans if s.result == "unknown"] == ["K032026999999", "Қ0320260000"]
    flagged = [h for h in reg.history(elsewhere.reg_no) if h.action == "package_scan"]
    assert flagged and flagged[0].details["result"] == "not_on_registry"
    assert [h.action for h in reg.history(c.reg_no)][-1] == "package_missing"
    unknown_events = [json.loads(d) for (d,) in reg._all("SELECT details FROM events WHERE case_id IS NULL AND"
                                                          " action='package_scan'")]
    assert {e["code"] for e in unknown_events} == {"K032026999999", "Қ0320260000"}
    closing = json.loads(reg._one("SELECT details FROM events WHERE action='registry_close'")[0])
    assert closing["missing"] == [c.reg_no]

    # the late package turns up the next day: it is received on its own registry
    late = desk.receive_scan(clerk, registry.number, c.reg_no, now=T1 + dt.timedelta(days=1))
    assert late.result == "received" and reg.case(c.reg_no).stage == "awaiting_resolution"
    assert desk.registry(registry.number).status == "received"
    # nothing lost: every branch-3 package is accounted for, the other branch's still waits for its own registry
    assert {reg.case(x.reg_no).package for x in (a, b, c)} == {"at_department"}
    assert [x.reg_no for x in desk.ready("psc:5")] == [elsewhere.reg_no]
    assert reg.verify().ok


def test_empty_registry_and_courier_runs(register, psc):
    reg, desk = register, register.packages
    with pytest.raises(DomainError) as err:
        desk.create_registry(psc["coll3"], "psc:3", now=T0)
    assert err.value.code == "registry_empty"
    assert desk.courier_runs() == 2
    for run in (1, 2):
        psc_intake(reg, psc["insp3"], run, now=T0 + run * M)
        assert desk.create_registry(psc["coll3"], "psc:3", now=T0 + dt.timedelta(hours=run)).run == run
    psc_intake(reg, psc["insp3"], 3, now=T0 + 3 * M)
    before = dump(reg)
    with pytest.raises(DomainError) as err:
        desk.create_registry(psc["coll3"], "psc:3", now=T0 + dt.timedelta(hours=5))
    assert err.value.code == "courier_runs_used"
    _speaks(err.value)
    assert dump(reg) == before
    # the next day's first run takes the package that waited (nothing is left behind)
    nxt = desk.create_registry(psc["coll3"], "psc:3", now=T1)
    assert (nxt.day, nxt.run, nxt.expected) == (T1.date(), 1, 1)
    with pytest.raises(PermissionDenied):
        desk.set_courier_runs(psc["clerk"], 1)
    for bad in (0, 7, "two"):
        with pytest.raises(ValidationError):
            desk.set_courier_runs(psc["admin"], bad)
    assert desk.set_courier_runs(psc["admin"], 1) == 1 and desk.courier_runs() == 1
    psc_intake(reg, psc["insp3"], 4, now=T1 + M)
    with pytest.raises(DomainError) as err:  # once a day now: today's run has gone
        desk.create_registry(psc["coll3"], "psc:3", now=T1 + dt.timedelta(hours=2))
    assert err.value.code == "courier_runs_used"
    assert "setting" in [a for (a,) in reg._all("SELECT action FROM events WHERE case_id IS NULL")]


# ---------------------------------------------------------------- who may do what: refused, nothing written


def test_role_checks_write_nothing(register, psc):
    reg, desk = register, register.packages
    case = psc_intake(reg, psc["insp3"], 1)
    refusals = [
        (lambda: psc_intake(reg, psc["insp5"], 2, branch=3), PermissionDenied, "other_place"),
        (lambda: psc_intake(reg, psc["clerk"], 3), PermissionDenied, "role_denied"),
        (lambda: psc_intake(reg, psc["coll3"], 3), PermissionDenied, "role_denied"),
        (lambda: desk.create_registry(psc["clerk"], "psc:3", now=T0 + M), PermissionDenied, "role_denied"),
        (lambda: desk.create_registry(psc["coll5"], "psc:3", now=T0 + M), PermissionDenied, "other_place"),
        (lambda: desk.create_registry(psc["insp3"], "psc:3", now=T0 + M), PermissionDenied, "role_denied"),
        (lambda: desk.create_registry(psc["coll3"], "psc:33", now=T0 + M), ValidationError, "unknown_psc_branch"),
        (lambda: desk.create_registry(psc["coll3"], "psc:3", direction="sideways", now=T0 + M), ValidationError,
         "bad_direction"),
        (lambda: desk.create_registry(psc["coll3"], "psc:3", "2026-02-01", now=T0 + M), ValidationError,
         "date_out_of_range"),
        (lambda: desk.hand_over(psc["insp3"], case.reg_no, now=T0 + M), WrongStage, "wrong_package_state"),
    ]
    for action, error, code in refusals:
        before = dump(reg)
        with pytest.raises(error) as err:
            action()
        assert err.value.code == code, (code, err.value.code)
        _speaks(err.value)
        assert dump(reg) == before, code

    registry = desk.create_registry(psc["coll3"], "psc:3", now=T0 + dt.timedelta(hours=6))
    for who in ("insp3", "coll3", "head", "executor1"):  # only the department's clerk receives it
        before = dump(reg)
        with pytest.raises(PermissionDenied):
            desk.receive_scan(psc[who], registry.number, case.reg_no, now=T1)
        with pytest.raises(PermissionDenied):
            desk.close_receipt(psc[who], registry.number, now=T1)
        assert dump(reg) == before
    with pytest.raises(NotFound) as err:
        desk.receive_scan(psc["clerk"], "R039999000001", case.reg_no, now=T1)
    _speaks(err.value)
    desk.receive_scan(psc["clerk"], registry.number, case.reg_no, now=T1)
    head, ex = psc["head"], psc["executor1"]
    reg.perform(head, case.reg_no, "resolve", executor=ex.id, resolution="Қараңыз", now=T1 + M)
    reg.perform(ex, case.reg_no, "draft", decision="approved", text="", now=T1 + 2 * M)
    reg.perform(head, case.reg_no, "sign", now=T1 + 3 * M)
    for who in ("coll3", "insp3", "head"):  # the return registry is the clerk's
        with pytest.raises(PermissionDenied):
            desk.create_registry(psc[who], "psc:3", direction="to-branch", now=T1 + 4 * M)
    back = desk.create_registry(psc["clerk"], "psc:3", direction="to-branch", now=T1 + 4 * M)
    for who in ("clerk", "insp5", "coll5"):  # the branch that accepted it scans it in
        before = dump(reg)
        with pytest.raises(PermissionDenied) as err:
            desk.receive_scan(psc[who], back.number, case.reg_no, now=T1 + 5 * M)
        _speaks(err.value)
        assert dump(reg) == before
    desk.receive_scan(psc["coll3"], back.number, case.reg_no, now=T1 + 5 * M)
    for who in ("insp5", "coll3", "clerk", "executor1"):  # hand-over: only an inspector of branch 3
        before = dump(reg)
        with pytest.raises(PermissionDenied) as err:
            desk.hand_over(psc[who], case.reg_no, now=T1 + 6 * M)
        _speaks(err.value)
        assert dump(reg) == before
    assert desk.hand_over(psc["insp3"], case.reg_no, now=T1 + 6 * M).stage == "delivered"
    assert reg.verify().ok


def test_staff_binding_is_checked(register, people):
    admin = people["admin"]
    before = dump(register)
    for roles, kwargs, code in ((["psc_inspector"], {}, "psc_branch_required"),
                                (["psc_collector"], {"psc_branch": 20}, "unknown_psc_branch"),
                                (["psc_inspector"], {"psc_branch": 0}, "unknown_psc_branch"),
                                (["akim"], {}, "akimat_required"),
                                (["akim"], {"akimat_id": 255}, "unknown_akimat")):
        with pytest.raises(ValidationError) as err:
            register.create_user(admin, "x", "Бір Кісі", roles, "x-pw1", **kwargs)
        assert err.value.code == code
        _speaks(err.value)
    with pytest.raises(ValidationError):  # making a clerk an inspector needs a branch too
        register.update_user(admin, people["clerk"].id, roles=["clerk", "psc_inspector"])
    assert dump(register) == before
    moved = register.update_user(admin, people["clerk"].id, roles=["clerk", "psc_inspector"], psc_branch=19)
    assert moved.psc_branch == 19 and moved.has("psc_inspector")


# ---------------------------------------------------------------- upgrading a version-1 register


def _before_case_versions(monkeypatch) -> Callable[[], None]:
    """The program as it was before migration 3 (issue 9): cases had no ``version`` column. Returns the undo."""
    from desktop.store import records, register as register_module
    columns, real_update = register_module._CASE_COLUMNS, register_module.Register._update_case
    monkeypatch.setattr(register_module, "_CASE_COLUMNS", columns.replace(", version", ", 1"))

    def update_case(self, conn, case):
        conn.execute("UPDATE cases SET stage=?, decision=?, executor_id=?, due_at=?, step_due_at=?, stage_since=?,"
                     " closed_at=?, data=? WHERE id=?",
                     (case.stage, case.decision, case.executor_id, records._ts(case.due_at),
                      records._ts(case.step_due_at), records._ts(case.stage_since), records._ts(case.closed_at),
                      json.dumps(case.data, ensure_ascii=False), case.id))
        return case
    monkeypatch.setattr(register_module.Register, "_update_case", update_case)

    def undo() -> None:
        monkeypatch.setattr(register_module, "_CASE_COLUMNS", columns)
        monkeypatch.setattr(register_module.Register, "_update_case", real_update)
    return undo


def test_version_1_register_upgrades_keeping_cases_and_audit_chain(tmp_path, monkeypatch):
    """SQLite only: a schema-1 FILE upgraded in place (PRAGMA user_version, sqlite_master). A PostgreSQL register
    is created at the baseline (schema 2) and never was at schema 1."""
    path = tmp_path / "old.sqlite3"
    monkeypatch.setattr(db, "LATEST", 1)  # the program as it was before this schema change
    now_program = _before_case_versions(monkeypatch)
    with Register.open(path, create=True) as old:
        admin = old.initialise(3, "admin-pass", now=T0)
        staff = {u: old.create_user(admin, u, n, r, u + "-pw") for u, n, r in (
            ("clerk", "Асқарова Гүлнар", ["clerk"]), ("head", "Серікбаев Нұрлан", ["head"]),
            ("executor1", "Оспанова Айгүл", ["executor"]))}
        for i, code in enumerate(("S1", "S4", "S5", "S6", "S7"), 1):
            case = intake(old, code, serial=i, now=T0 + i * M)
            if i % 2:
                old.perform(staff["head"], case.reg_no, "resolve", executor=staff["executor1"].id,
                            resolution="Қараңыз", now=T0 + 10 * M)
        old.perform(staff["clerk"], "K032026000002", "withdraw", reason="кері алды", now=T0 + 11 * M)
        assert old._one("PRAGMA user_version")[0] == 1
        columns = "id, reg_no, stage, channel, due_at, step_due_at, data"
        cases_before = old._all(f"SELECT {columns} FROM cases ORDER BY id")
        events_before = old._all("SELECT * FROM events ORDER BY id")
        assert old.verify().ok
    monkeypatch.setattr(db, "LATEST", LATEST)
    now_program()

    with Register.open(path) as new:
        assert new._one("PRAGMA user_version")[0] == LATEST == 3
        assert {r[0] for r in new._all("SELECT version FROM cases")} == {1}  # versions count from the upgrade
        assert new._all(f"SELECT {columns} FROM cases ORDER BY id") == cases_before
        assert new._all("SELECT * FROM events ORDER BY id") == events_before
        report = new.verify()
        assert report.ok and report.events == len(events_before)
        assert new._all("PRAGMA foreign_key_check") == []
        assert {r[0] for r in new._all("SELECT name FROM sqlite_master WHERE type='index'")} >= {
            "cases_iin", "cases_name", "cases_registered", "cases_service_registered", "cases_stage_due",
            "cases_executor_inbox", "cases_open_due", "cases_package", "events_case"}
        for sql in ("DELETE FROM cases WHERE id=1", "DELETE FROM events WHERE id=1",
                    "UPDATE events SET actor='x' WHERE id=1"):
            with pytest.raises(sqlite3.DatabaseError):  # the append-only triggers came back
                new._conn.execute(sql)
        assert all(r.package is None for r in new.find())
        # the upgraded file takes PSC work at once
        insp = new.create_user(new.user("admin"), "insp3", "Бекова Жанар", ["psc_inspector"], "insp3-pw",
                               psc_branch=3)
        case = psc_intake(new, insp, 9, now=T1)
        assert case.reg_no == "K032026000006" and case.stage == "awaiting_receipt"
        assert new.verify().ok


# ---------------------------------------------------------------- the demo office


def test_demo_office_has_channel_cases_that_the_desk_continues(tmp_path, monkeypatch):
    """On a SQLite file: the demo loader's bulk path on a server (COPY) is tested with the demo itself; the desk's
    PSC behaviour on PostgreSQL is covered by the tests above."""
    from desktop.store import demo
    fixed = dt.datetime(2026, 3, 18, 11, 30)  # a Wednesday between the two courier runs
    monkeypatch.setattr(demo, "now_local", lambda: fixed)
    with Register.open(tmp_path / "demo.sqlite3", create=True) as reg:
        demo.load_demo(reg, cases=3000, seed=11)
        assert reg.verify().ok and reg.count() == 3000
        channels = dict(reg._all("SELECT substr(channel, 1, instr(channel || ':', ':') - 1), count(*) FROM cases"
                                 " GROUP BY 1"))
        assert channels["psc"] > 20 and channels["akimat"] > 5 and channels["department"] > 2000
        packages = {p for (p,) in reg._all("SELECT DISTINCT package FROM cases WHERE package IS NOT NULL")}
        assert {"in_transit", "at_department", "at_branch_returned", "handed_over"} <= packages
        assert reg._one("SELECT count(*) FROM cases WHERE stage='awaiting_receipt'")[0] > 0
        local = reg._all("SELECT DISTINCT stage FROM cases WHERE channel LIKE 'akimat:%' AND package IS NULL")
        assert {"delivered"} <= {s for (s,) in local}
        assert reg._one("SELECT count(*) FROM registries")[0] > 10
        assert reg._all("PRAGMA foreign_key_check") == []
        # every package on a registry is on exactly one registry per direction; received items were scanned
        assert reg._one("SELECT count(*) FROM registry_items i WHERE state='received' AND NOT EXISTS"
                        " (SELECT 1 FROM scans s WHERE s.registry_id=i.registry_id AND s.case_id=i.case_id)")[0] == 0
        # the desk carries on from the demo state with the demo's own accounts
        desk, collector, inspector = reg.packages, reg.user("collector"), reg.user("inspector")
        assert collector.psc_branch == inspector.psc_branch == 1  # the demo office's own branch
        fresh = psc_intake(reg, inspector, 999, now=fixed, branch=1)
        waiting = desk.ready("psc:1")
        assert fresh.reg_no in {c.reg_no for c in waiting} and all(c.package == "at_branch" for c in waiting)
        registry = desk.create_registry(collector, f"psc:{collector.psc_branch}", now=fixed + M)
        assert registry.run == 1 and registry.expected == len(waiting)
        clerk = reg.authenticate("clerk", "clerk")
        for item in registry.items:
            assert desk.receive_scan(clerk, registry.number, item.reg_no, now=fixed + 2 * M).ok
        returned = reg._one("SELECT reg_no FROM cases WHERE package='at_branch_returned' AND channel LIKE 'psc:%'")
        if returned:
            assert desk.hand_over(reg.user("inspector"), returned[0], now=fixed + 3 * M).stage == "delivered"
        assert reg.verify().ok
