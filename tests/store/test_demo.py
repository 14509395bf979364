"""The demo register: realistic, consistent with the workflow, continuing the numbering, verifiable."""
from __future__ import annotations

import collections
import dataclasses
import datetime as dt
import json
import random
import re
import shutil
import sqlite3

import pytest

from desktop import cli
from desktop.core.calendar import OfficeCalendar
from desktop.core.errors import KenseError, PermissionDenied, ValidationError, WrongStage
from desktop.core.iin import parse_iin
from desktop.core.model import STAGES
from desktop.store import Register, audit, demo, demo_cases, demo_time, format_reg_no
from kense_testdata import RESULT_FIELDS, applicant

pytestmark = pytest.mark.store
CASES = 3000
REG_NO = re.compile(r"^K01(\d{4})(\d{6})$")


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    """One demo office of CASES cases, closed; tests that write work on a copy."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    seen = []
    with Register.open(path, create=True) as reg:
        assert demo.load_demo(reg, cases=CASES, progress=lambda done, total: seen.append((done, total))) == CASES
        reg.bulk_connection().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert seen[-1] == (CASES, CASES) and [d for d, _ in seen] == sorted(d for d, _ in seen)
    return path


@pytest.fixture
def copy(demo_file, tmp_path):
    target = tmp_path / "copy.sqlite3"
    shutil.copy(demo_file, target)
    with Register.open(target) as reg:
        yield reg


def _rows(path, sql, params=()):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def test_every_stage_service_and_outcome_is_there(demo_file):
    with Register.open(demo_file) as reg:
        summary = reg.summary()
        assert summary["cases"] == CASES and summary["office"] == 1
        assert set(summary["by_stage"]) == set(STAGES), summary["by_stage"]
        assert summary["overdue"] > 0
        assert {u.username for u in reg.users()} >= {"admin", "clerk", "head", "executor1", "executor2"}
        for username in ("admin", "clerk", "head", "executor1", "executor2"):
            assert reg.authenticate(username, username).username == username  # demo-only passwords
    by_service = dict(_rows(demo_file, "SELECT service, count(*) FROM cases GROUP BY service"))
    assert set(by_service) == {f"S{i}" for i in range(1, 8)}
    assert max(by_service, key=by_service.get) == "S7" and sorted(by_service.values())[-2] == by_service["S5"]
    assert {d for (d,) in _rows(demo_file, "SELECT DISTINCT decision FROM cases")} == {None, "approved", "refused"}
    returned = dict(_rows(demo_file, "SELECT service, count(*) FROM cases WHERE data->>'returns' > 0 GROUP BY 1"))
    assert set(returned) <= {"S5", "S6", "S7"} and sum(returned.values()) > 0
    years = {y for (y,) in _rows(demo_file, "SELECT DISTINCT substr(registered_at, 1, 4) FROM cases")}
    assert len(years) >= 4
    old_open = _rows(demo_file, "SELECT count(*) FROM cases WHERE registered_at < ? AND stage IN"
                     " ('awaiting_resolution','with_executor','awaiting_signature','signed')",
                     (str(dt.date.today() - dt.timedelta(days=365)),))[0][0]
    old_all = _rows(demo_file, "SELECT count(*) FROM cases WHERE registered_at < ?",
                    (str(dt.date.today() - dt.timedelta(days=365)),))[0][0]
    assert old_open < old_all * 0.02  # most old cases are closed


def test_applicants_are_valid_and_consistent(demo_file):
    rows = _rows(demo_file, "SELECT iin, surname, patronymic, registered_at, service, data, address, phone FROM cases")
    for iin, surname, patronymic, registered_at, service, data, address, phone in rows:
        person = parse_iin(iin, today=dt.date.fromisoformat(registered_at[:10]))
        if patronymic:
            assert patronymic.endswith("ұлы" if person.sex == "M" else "қызы"), (iin, patronymic)
        if surname.endswith(("ова", "ева", "ина")):
            assert person.sex == "F", (iin, surname)
        assert address.startswith("Ақсу ауданы, ") and re.fullmatch(r"\+7 7\d\d \d{3} \d\d \d\d", phone)
        if service == "S7":
            for child in json.loads(data)["fields"]["children"]:
                born = parse_iin(child["iin"]).birth_date
                assert born <= dt.date.fromisoformat(registered_at[:10]) and born.year >= int(registered_at[:4]) - 18
    assert CASES // 8 < len({r[0] for r in rows}) < CASES  # many different people, some come back


def test_registration_numbers_follow_the_scheme_without_gaps(demo_file):
    rows = _rows(demo_file, "SELECT reg_no, registered_at FROM cases ORDER BY id")
    assert len({r for r, _ in rows}) == len(rows)
    per_year: dict[int, list[int]] = collections.defaultdict(list)
    for reg_no, registered_at in rows:
        year, seq = map(int, REG_NO.fullmatch(reg_no).groups())
        assert year == int(registered_at[:4])
        per_year[year].append(seq)
    counters = dict(((y, last) for _, y, last in _rows(demo_file, "SELECT office, year, last FROM reg_counters")))
    for year, seqs in per_year.items():
        assert seqs == list(range(1, len(seqs) + 1))  # in registration order, gap-free
        assert counters[year] == len(seqs)
    times = [t for _, t in rows]
    assert times == sorted(times)


def test_audit_trail_verifies_and_runs_in_time_order(demo_file, capsys):
    with Register.open(demo_file) as reg:
        assert reg.verify().ok
        assert [e.action for e in reg.history(1)][0] == "register"
    ats = [a for (a,) in _rows(demo_file, "SELECT at FROM events WHERE case_id IS NOT NULL ORDER BY id")]
    assert ats == sorted(ats)
    assert cli.main(["verify", "--db", str(demo_file)]) == 0
    assert "тізбек бүтін" in capsys.readouterr().out


def test_a_real_intake_continues_the_sequence(copy):
    clerk = copy.user("clerk")
    now = dt.datetime.now().replace(microsecond=0)
    last = copy._one("SELECT last FROM reg_counters WHERE year=?", (now.year,))[0]
    case = copy.register_case(clerk, "S1", applicant(77), documents=["application", "identity"], now=now)
    assert case.reg_no == format_reg_no(1, now.year, last + 1)
    assert copy.verify().ok


NEXT = {
    "awaiting_resolution": ("head", "resolve", {"executor": "executor1", "resolution": "Орындау үшін"}),
    "with_executor": (None, "draft", {"decision": "approved", "text": "Құқығы расталды"}),
    "awaiting_signature": ("head", "sign", {}),
    "signed": (None, "deliver", {"method": "in_person"}),
    "suspended": ("head", "resume", {}),
}


@pytest.mark.parametrize("stage", sorted(NEXT))
def test_the_next_action_succeeds_on_a_demo_case_of_each_stage(copy, stage):
    done = 0
    # a signed PSC / akimat result goes back on a return registry, not by the executor (issue 5: test_psc.py)
    for (reg_no,) in copy._all("SELECT reg_no FROM cases WHERE stage=? AND NOT (stage='signed' AND package IS NOT"
                               " NULL) ORDER BY random() LIMIT 6", (stage,)):
        case = copy.case(reg_no)
        username, action, params = NEXT[stage]
        actor = copy.authenticate(username or copy.user(case.executor_id).username, username or
                                  copy.user(case.executor_id).username)
        if action == "draft":
            params = dict(params, result=RESULT_FIELDS.get(case.service, {}))
        new = copy.perform(actor, reg_no, action, **params)
        assert new.stage != stage
        done += 1
    assert done
    assert copy.verify().ok


def test_returns_slips_and_closed_cases_behave(copy):
    (reg_no,) = copy._one("SELECT reg_no FROM cases WHERE stage='awaiting_signature' AND service IN ('S5','S6','S7')"
                          " LIMIT 1")
    assert copy.perform(copy.user("head"), reg_no, "return", reason="Толықтырыңыз").stage == "with_executor"
    row = copy._one("SELECT reg_no, executor_id FROM cases WHERE service='S4' AND stage='delivered'"
                    " AND decision='approved' AND data->'slip' IS NULL LIMIT 1")
    assert "slip" in copy.perform(copy.user(row[1]), row[0], "record_slip", started_on="2026-01-05").data
    (withdrawn,) = copy._one("SELECT reg_no FROM cases WHERE stage='withdrawn' LIMIT 1")
    with pytest.raises(WrongStage):
        copy.perform(copy.user("head"), withdrawn, "resolve", executor="executor1", resolution="x")
    assert copy.verify().ok


def test_find_json_has_the_contract_keys(demo_file, capsys):
    assert cli.main(["find", "--db", str(demo_file), "--json", "--limit", "30"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert len(found) == 30
    keys = {"reg_no", "service", "stage", "decision", "iin", "applicant", "registered_at", "due_at", "overdue"}
    assert all(keys <= set(item) for item in found)
    assert cli.main(["find", "--db", str(demo_file), "--json", "--iin", found[0]["iin"]]) == 0
    assert found[0]["reg_no"] in {f["reg_no"] for f in json.loads(capsys.readouterr().out)}
    assert cli.main(["find", "--db", str(demo_file), "--json", "--stage", "suspended", "--service", "S7"]) == 0
    assert all(f["stage"] == "suspended" and f["service"] == "S7" for f in json.loads(capsys.readouterr().out))
    assert cli.main(["find", "--db", str(demo_file), "--json", "--overdue", "--limit", "5"]) == 0
    assert all(f["overdue"] for f in json.loads(capsys.readouterr().out))


# ---------------------------------------------------------------- the fast paths give the core's answers

@pytest.fixture
def plan(tmp_path):
    with Register.open(tmp_path / "plan.sqlite3", create=True) as reg:
        now = dt.datetime.now().replace(microsecond=0)
        start = dt.datetime(now.year - demo.YEARS_BACK, 1, 1, 9)
        staff = demo._ensure_users(reg, 1, start)
        yield demo._plan(reg.bulk_connection(), reg, staff, 200_000, 349, start, now)


def test_the_fast_path_writes_exactly_what_the_core_writes(plan):
    plan = dataclasses.replace(plan, chunk=1500)
    fast, exact = demo_cases.Simulator(plan), demo_cases.Simulator(dataclasses.replace(plan, exact=True))
    used = collections.Counter()
    original = fast.quick
    fast.quick = lambda *args: used.update(["quick"]) or original(*args)
    assert fast.chunk(0) == exact.chunk(0)
    assert used["quick"] > plan.chunk * 0.8  # old cases: mostly the plain path
    last = plan.total // plan.chunk - 1  # the newest cases: open, suspended, returned, withdrawn
    newest = exact.chunk(last)
    assert fast.chunk(last) == newest
    assert len({row[5] for row in newest[0]}) >= 5  # open, suspended and closed cases alike


def test_the_fast_calendar_gives_the_core_calendar_answers():
    base = OfficeCalendar(extra_holidays=[dt.date(2026, 5, 4)], extra_workdays=[dt.date(2026, 5, 9)])
    fast, r = demo_time.FastCalendar(base), random.Random(5)
    for _ in range(30_000):
        start = dt.datetime(2025, 12, 1) + dt.timedelta(seconds=r.randrange(200 * 86400))
        unit = r.choice(("minutes", "hours", "calendar_days", "working_days"))
        value = r.choice({"minutes": (0, 1, 15, 30, 45, 240, 479, 480, 481, 500, 600, 2400),
                          "hours": (0, 1, 2, 4, 7, 8, 9, 16, 40, 100)}.get(unit, (0, 1, 2, 3, 5, 9)))
        assert fast.add(start, value, unit) == base.add(start, value, unit), (start, value, unit)


def test_the_json_shortcuts_give_the_same_text():
    sample = {"b": [1, "Құжат \"1\"", None, {"z": 1.5, "a": True}], "a": "x\n", "t": dt.date(2026, 1, 2)}
    assert demo_cases.CANONICAL(sample) == audit.canonical(sample)
    plain = {k: v for k, v in sample.items() if k != "t"}
    assert demo_cases.DATA(plain) == json.dumps(plain, ensure_ascii=False)


def test_workers_and_bulk_mode_give_the_same_register_as_one_process(tmp_path, monkeypatch):
    """In one process, in workers, and in bulk mode (CHECK constraints not checked row by row, indexes rebuilt
    after the load): the same rows, and integrity_check, which checks every CHECK constraint, passes."""
    fixed = dt.datetime(2026, 3, 20, 11, 30)
    monkeypatch.setattr(demo, "now_local", lambda: fixed)
    monkeypatch.setattr(demo, "CHUNK", 300)
    tables = []
    for name, threshold, big in (("one", 10 ** 9, 10 ** 9), ("pool", 0, 10 ** 9), ("bulk", 0, 0)):
        monkeypatch.setattr(demo, "PARALLEL_FROM", threshold)
        monkeypatch.setattr(demo, "BIG_FROM", big)
        with Register.open(tmp_path / f"{name}.sqlite3", create=True) as reg:
            indexes = reg._all("SELECT name, sql FROM sqlite_master WHERE type='index' ORDER BY name")
            demo.load_demo(reg, cases=2 * demo.CHUNK + 50, seed=7)
            assert reg.verify().ok
            assert reg._all("SELECT name, sql FROM sqlite_master WHERE type='index' ORDER BY name") == indexes
            assert reg._all("PRAGMA integrity_check") == [("ok",)]
            assert reg._all("PRAGMA ignore_check_constraints") == [(0,)]
            types = set(reg._all("SELECT DISTINCT typeof(case_id), typeof(actor_id) FROM events"))
            assert ("integer", "integer") in types and types <= {("integer", "integer"), ("null", "integer")}
            tables.append((reg._all("SELECT * FROM cases ORDER BY id"),
                           reg._all("SELECT * FROM events WHERE action <> 'demo_load' ORDER BY id")))
    assert tables[0] == tables[1] == tables[2]


def test_bulk_mode_would_catch_a_row_that_breaks_a_check(tmp_path):
    """The guard behind bulk mode: integrity_check reports a row written with the checks off."""
    with Register.open(tmp_path / "r.sqlite3", create=True) as reg:
        demo.load_demo(reg, cases=20, seed=3)
        conn = reg.bulk_connection()
        conn.execute("PRAGMA ignore_check_constraints=ON")
        conn.execute("UPDATE cases SET stage='lost' WHERE id=1")
        conn.execute("PRAGMA ignore_check_constraints=OFF")
        assert "CHECK constraint failed in cases" in reg._all("PRAGMA integrity_check")[0][0]


# ---------------------------------------------------------------- entry points and refusals

def test_ensure_demo_register_makes_an_office_once(tmp_path):
    path = tmp_path / "home" / "register.sqlite3"
    with demo.ensure_demo_register(path, cases=300) as reg:
        assert reg.office_number == 1 and reg.count() == 300
    with demo.ensure_demo_register(path, cases=300) as reg:
        assert reg.count() == 300


def test_cli_demo_loads_and_reuses_users(tmp_path, capsys):
    path = str(tmp_path / "cli.sqlite3")
    assert cli.main(["demo", "--db", path, "--cases", "120", "--office", "5"]) == 0
    assert "120 демо-іс" in capsys.readouterr().out
    assert cli.main(["demo", "--db", path, "--cases", "80"]) == 0
    with Register.open(path) as reg:
        assert reg.count() == 200 and reg.office_number == 5 and len(reg.users()) == 8  # + PSC inspector, collector, akim
        assert all(r.reg_no.startswith("K05") for r in reg.find(limit=300))
        numbers = [int(r[0][-6:]) for r in reg._all("SELECT reg_no FROM cases WHERE reg_no LIKE ? ORDER BY id",
                                                      (f"K05{dt.date.today().year}%",))]
        assert numbers == list(range(1, len(numbers) + 1))
        assert reg.verify().ok


def test_a_real_register_gets_no_demo_cases(register):
    """The store refuses, whoever calls (the CLI, the admin tab): synthetic people never enter a real office."""
    before = (register.count(), len(register.users()), register.verify().events)
    with pytest.raises(KenseError) as err:
        demo.load_demo(register, cases=50)
    assert err.value.code == "cli_not_demo"
    assert (register.count(), len(register.users()), register.verify().events) == before


def test_bad_count_and_wrong_roles_write_nothing(register):
    with pytest.raises(ValidationError):
        demo.load_demo(register, cases=-5)
    register.mark_demo()
    admin = register.user("admin")
    register.create_user(admin, "head", "Серікбаев Нұрлан", ["executor"], "head")
    with pytest.raises(PermissionDenied) as err:
        demo.load_demo(register, cases=50)
    assert "head" in str(err.value)
    assert register.count() == 0 and register.verify().ok and len(register.users()) == 2
