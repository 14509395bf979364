"""``kense migrate``: a whole SQLite register moves to a PostgreSQL server (issue 9, "Moving an office").

The source is a demo office (cases in every stage, PSC and akimat registries, their items and scans) with a local
day off and a deactivated user; the target a fresh database on the throw-away cluster."""
from __future__ import annotations

import datetime as dt
import sqlite3

import psycopg
import pytest

from desktop import cli
from desktop.core.errors import KenseError, PermissionDenied
from desktop.core.iin import make_iin
from desktop.core.model import STAGES
from desktop.store import Register, demo
from desktop.store.migrate import COUNTED, MigrateError, migrate

pytestmark = pytest.mark.store
CASES = 3000


@pytest.fixture(scope="module")
def source_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("migrate") / "office.sqlite3"
    with Register.open(path, create=True) as reg:
        demo.load_demo(reg, cases=CASES)
        admin = reg.user("admin")
        reg.set_calendar_override(admin, dt.date(2026, 3, 23), "holiday", "Наурыз (жергілікті)")
        reg.update_user(admin, reg.user("executor2").id, active=False)
        reg.log_event(admin, None, "print", {"kind": "report"})
    return path


def _rows(path, sql):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _pg_rows(url, sql):
    with psycopg.connect(url, options="-c search_path=kense") as conn:
        return conn.execute(sql).fetchall()


def test_a_whole_register_moves_with_its_chain_and_every_count(source_file, pg_database):
    stages = {r[0] for r in _rows(source_file, "SELECT DISTINCT stage FROM cases")}
    assert stages == set(STAGES)  # the source has cases in every stage
    assert _rows(source_file, "SELECT count(*) FROM scans")[0][0] > 0
    report = migrate(source_file, pg_database)
    assert report.ok and {t for t, _, _ in report.counts} == set(COUNTED)
    assert all(a == b and (a > 0 or t == "calendar_overrides") for t, a, b in report.counts)
    with Register.open(pg_database) as reg:
        checked = reg.verify()
        assert checked.ok
        src_events = _rows(source_file, "SELECT count(*) FROM events")[0][0]
        assert checked.events == src_events + 1  # the move's own event, chained after the office's trail
        assert reg.office_number == 1 and reg.is_demo
        assert reg.calendar_overrides()[0][2] == "Наурыз (жергілікті)"
    # the same events: ids, hashes, actors; the same cases, registries, items, scans, counters
    for table, columns in (("events", "id, hash, prev_hash, actor, actor_id, details"),
                           ("cases", "id, reg_no, stage, decision, executor_id, due_at, step_due_at, data"),
                           ("registries", "id, number, status, closed_at"), ("scans", "id, registry_id, case_id, code"),
                           ("registry_items", "registry_id, case_id, position, state, received_at"),
                           ("reg_counters", "office, year, last"), ("users", "id, username, roles, active")):
        want = _rows(source_file, f"SELECT {columns} FROM {table} ORDER BY 1, 2")
        got = _pg_rows(pg_database, f"SELECT {columns} FROM {table} ORDER BY 1, 2")
        assert [tuple(r) for r in got[:len(want)]] == want, table
    meta = dict(_pg_rows(pg_database, "SELECT key, value FROM meta"))
    assert meta["office"] == "1" and "created_at" in meta and meta["schema_version"] != ""
    # the sequences were moved past the copied ids: new rows follow them
    with Register.open(pg_database) as reg:
        clerk = reg.user("clerk")
        case = reg.register_case(clerk, "S1", {"surname": "Ахметов", "name": "Ерлан", "address": "Бақанас ауылы",
                                               "iin": make_iin(dt.date(1985, 1, 2), "M", 77)}, documents=["application", "identity"])
        assert case.id == CASES + 1
        year = dt.date.today().year
        last = _rows(source_file, f"SELECT last FROM reg_counters WHERE year={year}")[0][0]
        assert case.reg_no.endswith(f"{last + 1:06d}")
        assert reg.verify().ok


def test_users_sign_in_once_with_the_one_time_password_then_choose_their_own(source_file, pg_database):
    report = migrate(source_file, pg_database)
    assert set(report.passwords) == {r[0] for r in _rows(source_file, "SELECT username FROM users")}
    assert len(set(report.passwords.values())) == len(report.passwords)
    one_time = report.passwords["clerk"]
    # nothing of the passwords is kept in the register
    dumped = " ".join(str(r) for r in _pg_rows(pg_database, "SELECT * FROM users") +
                      _pg_rows(pg_database, "SELECT * FROM meta") + _pg_rows(pg_database, "SELECT details FROM events"))
    assert not any(p in dumped for p in report.passwords.values())
    url = pg_database.replace("postgres@", "clerk@")
    with Register.open(url, password=one_time) as reg:
        clerk = reg.authenticate("clerk", one_time)
        assert reg.password_change_required("clerk")
        with pytest.raises(Exception):
            reg.change_own_password(clerk, "x")  # too short: refused, nothing changes
        reg.change_own_password(clerk, "my-own-secret")
        assert not reg.password_change_required("clerk")
        assert reg.password_change_required("head")
    with pytest.raises(PermissionDenied):
        Register.open(url, password=one_time, interactive=False)
    with Register.open(url, password="my-own-secret") as reg:
        assert reg.authenticate("clerk", "my-own-secret").username == "clerk"
        assert reg.verify().ok
    # a deactivated user moves as a role that cannot log in (NOLOGIN: the server refuses the session)
    with pytest.raises(KenseError):
        Register.open(pg_database.replace("postgres@", "executor2@"), password=report.passwords["executor2"],
                      interactive=False)


def test_a_register_is_never_moved_into_a_database_that_holds_one(source_file, pg_database):
    migrate(source_file, pg_database)
    before = _pg_rows(pg_database, "SELECT count(*), max(hash) FROM events")
    with pytest.raises(MigrateError) as refused:
        migrate(source_file, pg_database)
    assert refused.value.code == "migrate_target_not_empty"
    assert _pg_rows(pg_database, "SELECT count(*), max(hash) FROM events") == before


def test_roles_taken_in_the_cluster_refuse_the_move_and_leave_nothing(source_file, pg_database, pg_server):
    migrate(source_file, pg_database)
    other = pg_server.create_database()
    try:
        with pytest.raises(MigrateError) as refused:
            migrate(source_file, pg_server.url(other))
        assert refused.value.code == "migrate_roles_taken" and "clerk" in refused.value.message("en")
        assert _pg_rows(pg_server.url(other), "SELECT count(*) FROM users") == [(0,)]
    finally:
        with pg_server.admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{other}" WITH (FORCE)')


def test_cli_migrate_prints_the_counts_and_the_passwords_once(source_file, pg_database, capsys):
    code = cli.main(["--lang", "en", "migrate", "--from", str(source_file), "--to", pg_database])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "chain intact" in out and "One-time passwords" in out
    cases_line = next(line for line in out.splitlines() if line.strip().startswith("cases "))
    assert cases_line.split()[1:] == [str(CASES), str(CASES)]
    assert "clerk" in out
    code = cli.main(["--lang", "ru", "migrate", "--from", str(source_file), "--to", pg_database])
    out, err = capsys.readouterr()
    assert code == 2 and "не пуста" in err and "Traceback" not in err
    code = cli.main(["--lang", "kk", "migrate", "--from", str(source_file), "--to", str(source_file) + ".x"])
    out, err = capsys.readouterr()
    assert code == 2 and "postgresql://" in err
