"""The audit trail is append-only and hash-chained: an attacker who drops the triggers and edits, deletes,
inserts or truncates events is caught by Register.verify() and by ``kense verify`` (non-zero exit, first broken
event named)."""
from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest

from desktop import cli
from desktop.store import Register
from store_flows import T0, advance, intake
from store_flows import fast_passwords  # noqa: F401  (autouse: cheap password hashes)

pytestmark = pytest.mark.store


@pytest.fixture
def trail(register, people) -> Path:
    """A register with a few dozen events, closed so that an 'attacker' can open the file alone."""
    for i, code in enumerate(("S1", "S5", "S7"), 1):
        advance(register, intake(register, code, serial=i, now=T0), "delivered")
    register.perform(people["clerk"], intake(register, "S6", serial=9).reg_no, "withdraw", now=T0, reason="x")
    assert register.verify().ok
    path = register.path
    register.close()
    return path


def _attack(path: Path, *statements: str, params: tuple = ()) -> None:
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER IF EXISTS events_no_update")
    conn.execute("DROP TRIGGER IF EXISTS events_no_delete")
    for sql in statements:
        conn.execute(sql, params if "?" in sql else ())
    conn.commit()
    conn.close()


def _event_ids(path: Path) -> list[int]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT id FROM events ORDER BY id")]
    finally:
        conn.close()


def _verify(path: Path, capsys) -> tuple[bool, int | None, int, str]:
    with Register.open(path) as reg:
        report = reg.verify()
    code = cli.main(["verify", "--db", str(path)])
    err = capsys.readouterr().err
    return report.ok, report.first_broken, code, err


def test_intact_trail_verifies(trail, capsys):
    ok, broken, code, err = _verify(trail, capsys)
    assert ok and broken is None and code == 0 and err == ""


def test_triggers_refuse_edits_and_deletes(trail):
    conn = sqlite3.connect(trail)
    for sql in ("UPDATE events SET actor='head' WHERE id=5", "DELETE FROM events WHERE id=5",
                "DELETE FROM cases WHERE id=1"):
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute(sql)
    conn.close()


@pytest.mark.parametrize("column,value", [("details", '{"reason":"басқа себеп"}'), ("actor", "admin"),
                                          ("at", "2026-01-01 00:00:00"), ("to_stage", "delivered")])
def test_edited_event_is_detected(trail, capsys, column, value):
    target = _event_ids(trail)[7]
    _attack(trail, f"UPDATE events SET {column}=? WHERE id={target}", params=(value,))
    ok, broken, code, err = _verify(trail, capsys)
    assert not ok and broken == target
    assert code == 1 and f"аудит оқиғасы {target}:" in err


def test_edited_event_with_recomputed_hash_breaks_the_next_link(trail, capsys):
    from desktop.store.audit import event_hash
    target = _event_ids(trail)[7]
    conn = sqlite3.connect(trail)
    row = conn.execute("SELECT id, case_id, at, actor_id, actor, action, from_stage, to_stage, details, prev_hash"
                       " FROM events WHERE id=?", (target,)).fetchone()
    conn.close()
    details = json.dumps({"forged": True})
    digest = event_hash(row[9], row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], details)
    _attack(trail, "UPDATE events SET details=?, hash=? WHERE id=?", params=(details, digest, target))
    ok, broken, code, err = _verify(trail, capsys)
    assert not ok and broken == target + 1 and code == 1 and f"аудит оқиғасы {target + 1}:" in err


def test_deleted_event_is_detected(trail, capsys):
    ids = _event_ids(trail)
    target = ids[10]
    _attack(trail, f"DELETE FROM events WHERE id={target}")
    ok, broken, code, err = _verify(trail, capsys)
    assert not ok and broken == target + 1 and code == 1
    assert f"аудит оқиғасы {target + 1}:" in err and f"event {target} is missing" in err


def test_truncated_trail_is_detected(trail, capsys):
    ids = _event_ids(trail)
    _attack(trail, f"DELETE FROM events WHERE id > {ids[-4]}")
    ok, broken, code, err = _verify(trail, capsys)
    assert not ok and broken == ids[-3] and code == 1 and f"аудит оқиғасы {ids[-3]}:" in err


def test_emptied_trail_is_detected(trail, capsys):
    _attack(trail, "DELETE FROM events")
    ok, broken, code, err = _verify(trail, capsys)
    assert not ok and broken == 1 and code == 1 and "аудит оқиғасы 1:" in err


def test_inserted_event_is_detected(trail, capsys):
    last = _event_ids(trail)[-1]
    _attack(trail, "INSERT INTO events(id, case_id, at, actor_id, actor, action, from_stage, to_stage, details,"
                   f" prev_hash, hash) VALUES ({last + 1}, 1, '2026-03-03 09:00:00', 1, 'admin', 'sign',"
                   " 'awaiting_signature', 'signed', '{}', 'x', 'y')")
    ok, broken, code, err = _verify(trail, capsys)
    assert not ok and broken == last + 1 and code == 1


def test_a_tampered_file_keeps_failing_after_more_work(trail, capsys):
    """New events are chained on the stored head, so later honest work does not hide an earlier edit."""
    target = _event_ids(trail)[3]
    _attack(trail, f"UPDATE events SET actor='nobody' WHERE id={target}")
    with Register.open(trail) as reg:
        intake(reg, "S1", serial=30, now=T0 + dt.timedelta(days=1))
        assert reg.verify().first_broken == target
    ok, broken, code, _ = _verify(trail, capsys)
    assert not ok and broken == target and code == 1
