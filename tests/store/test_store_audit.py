"""The audit trail is append-only and hash-chained: an insider who switches the guards off and edits, deletes,
inserts or truncates events is caught by Register.verify() and by ``kense verify`` (non-zero exit, first broken
event named).

On both engines: on SQLite the attacker drops the append-only triggers from the file; on PostgreSQL the superuser
runs in ``session_replication_role = replica``, where neither the append-only triggers nor the server's own chain
trigger fire (both_engines.Raw.insider) — the most an insider with full rights to the server can do short of
recomputing the whole chain."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from desktop import cli
from desktop.store import Register
from both_engines import raw
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


def _attack(path: Path | str, *statements: str, params: tuple = ()) -> None:
    with raw(path, write=True) as db, db.insider():
        for sql in statements:
            db.execute(sql, params if "?" in sql else ())


def _event_ids(path: Path | str) -> list[int]:
    with raw(path) as db:
        return [r[0] for r in db.all("SELECT id FROM events ORDER BY id")]


def _verify(path: Path | str, capsys) -> tuple[bool, int | None, int, str]:
    with Register.open(path) as reg:
        report = reg.verify()
    code = cli.main(["verify", "--db", str(path)])
    err = capsys.readouterr().err
    return report.ok, report.first_broken, code, err


def test_intact_trail_verifies(trail, capsys):
    ok, broken, code, err = _verify(trail, capsys)
    assert ok and broken is None and code == 0 and err == ""


def test_triggers_refuse_edits_and_deletes(trail):
    """Without switching the guards off, even a connection with full rights (the file's owner; the server's
    superuser) cannot edit or delete an event or delete a case — nor, on PostgreSQL, empty the table with TRUNCATE,
    which fires no row trigger."""
    statements = ["UPDATE events SET actor='head' WHERE id=5", "DELETE FROM events WHERE id=5",
                  "DELETE FROM cases WHERE id=1"]
    with raw(trail, write=True) as db:
        if db.engine == "postgresql":
            statements += ["TRUNCATE events", "TRUNCATE cases CASCADE"]
        before = db.all("SELECT * FROM events ORDER BY id"), db.all("SELECT * FROM cases ORDER BY id")
        for sql in statements:
            with pytest.raises(db.refused, match="append-only|never deleted"):
                db.execute(sql)
        assert (db.all("SELECT * FROM events ORDER BY id"), db.all("SELECT * FROM cases ORDER BY id")) == before


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
    with raw(trail) as db:
        row = db.one("SELECT id, case_id, at, actor_id, actor, action, from_stage, to_stage, details, prev_hash"
                     " FROM events WHERE id=?", (target,))
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


def test_every_event_names_the_user_who_acted(register, people):
    """The trail names the user each write was done for — on PostgreSQL the server writes the session's proven
    user (``session_user``), so every write transaction must act as that user, none as whoever opened the
    register (here the cluster's superuser)."""
    admin = people["admin"]
    case = advance(register, intake(register, "S1"), "delivered")
    register.set_calendar_override(admin, dt.date(2026, 3, 16), "holiday", "аудан күні")
    register.set_calendar_override(admin, dt.date(2026, 3, 16), None)
    register.update_user(admin, people["executor2"].id, phone="+7 701 000 00 00")
    register.authenticate("head", "head-pw")
    register.log_event(people["clerk"], case.reg_no, "print", {"document": "receipt"}, now=T0)
    ids = {u.username: u.id for u in register.users()}
    with raw(register.path) as db:
        rows = db.all("SELECT action, actor, actor_id FROM events WHERE action <> 'init' ORDER BY id")
    assert [(action, actor) for action, actor, _ in rows] == [
        *[("user_create", "admin")] * 4, ("register", "clerk"), ("resolve", "head"), ("draft", "executor1"),
        ("sign", "head"), ("deliver", "executor1"), ("calendar", "admin"), ("calendar", "admin"),
        ("user_update", "admin"), ("login", "head"), ("print", "clerk")]
    assert all(actor_id == ids[actor] for _, actor, actor_id in rows)
    assert register.verify().ok
