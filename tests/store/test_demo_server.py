"""The demo on PostgreSQL (COPY, the chain trigger off during the load) writes exactly the register the SQLite loader
writes: the same cases, the same case events (hashed here, in the loader, and verified by the server's chain),
the same registries, items and scans."""
from __future__ import annotations

import datetime as dt
import sqlite3

import psycopg
import pytest

from desktop.store import Register, demo

pytestmark = pytest.mark.store
NOW = dt.datetime(2026, 3, 2, 15, 40)
CASES = 3000


def test_the_server_demo_is_the_sqlite_demo(tmp_path, pg_database, monkeypatch):
    monkeypatch.setattr(demo, "now_local", lambda: NOW)
    with Register.open(tmp_path / "demo.sqlite3", create=True) as reg:
        demo.load_demo(reg, cases=CASES)
    with Register.open(pg_database, create=True) as reg:
        demo.load_demo(reg, cases=CASES)
        assert reg.verify().ok
    lite = sqlite3.connect(tmp_path / "demo.sqlite3")
    with psycopg.connect(pg_database, options="-c search_path=kense") as pg:
        for table, columns in (
                ("cases", "id, reg_no, service, channel, stage, decision, iin, surname, name_key, registered_by,"
                          " executor_id, due_at, step_due_at, stage_since, closed_at, data"),
                # the cases' events (the accounts' events name the session the server saw, so the hashes differ
                # from the first event on; each chain verifies on its own)
                ("events WHERE case_id IS NOT NULL", "id, case_id, at, actor_id, actor, action, from_stage, to_stage,"
                                                     " details"),
                ("registries", "id, number, direction, source, day, run, status, created_at, created_by, closed_at,"
                               " closed_by"),
                ("registry_items", "registry_id, case_id, position, state, received_at, received_by"),
                ("scans", "id, registry_id, case_id, code, result, at, actor_id"),
                ("reg_counters", "office, year, last")):
            want = lite.execute(f"SELECT {columns} FROM {table} ORDER BY 1, 2").fetchall()
            got = [tuple(r) for r in pg.execute(f"SELECT {columns} FROM {table} ORDER BY 1, 2").fetchall()]
            assert want and got == want, table
        assert lite.execute("SELECT count(*) FROM scans").fetchone()[0] > 0
        count = pg.execute("SELECT value FROM meta WHERE key = 'audit_count'").fetchone()[0]
        assert count == lite.execute("SELECT value FROM meta WHERE key = 'audit_count'").fetchone()[0]
        # the chain trigger is back on: an event written now is hashed by the server after the copied head
        assert pg.execute("SELECT count(*) FROM pg_trigger WHERE tgrelid = 'kense.events'::regclass"
                          " AND NOT tgisinternal AND tgenabled = 'D'").fetchone()[0] == 0
    lite.close()
