"""The audit trail: append-only events, each hashed together with the previous event's hash.

Editing, deleting or inserting a row breaks the chain at that row; removing rows at the end is caught by the
head hash and count kept in ``meta``.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass
from typing import Any

GENESIS = "0" * 64


def canonical(details: dict[str, Any]) -> str:
    return json.dumps(details, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def event_hash(prev: str, event_id: int, case_id: int | None, at: str, actor_id: int | None, actor: str,
               action: str, from_stage: str | None, to_stage: str | None, details: str) -> str:
    text = "\x1f".join((prev, str(event_id), "" if case_id is None else str(case_id), at,
                        "" if actor_id is None else str(actor_id), actor, action, from_stage or "",
                        to_stage or "", details))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def head(conn: sqlite3.Connection) -> tuple[str, int]:
    rows = dict(conn.execute("SELECT key, value FROM meta WHERE key IN ('audit_head', 'audit_count')"))
    return rows.get("audit_head", GENESIS), int(rows.get("audit_count", "0"))


def append(conn: Any, *, case_id: int | None, at: str, actor_id: int | None, actor: str, action: str,
           from_stage: str | None, to_stage: str | None, details: dict[str, Any]) -> int:
    """Append one event inside the caller's write transaction; returns its id.

    On SQLite the client hashes it (``append_chained``); on PostgreSQL the server does, in a trigger that also
    writes the actor the database session proves (engines/postgres.py)."""
    return conn.engine.append_event(conn, case_id=case_id, at=at, actor_id=actor_id, actor=actor, action=action,
                                    from_stage=from_stage, to_stage=to_stage, details=details)


def append_chained(conn: sqlite3.Connection, *, case_id: int | None, at: str, actor_id: int | None, actor: str,
           action: str, from_stage: str | None, to_stage: str | None, details: dict[str, Any]) -> int:
    """The client-side chain (SQLite): hash the event with the previous head and move the head."""
    prev, count = head(conn)
    event_id = (conn.execute("SELECT coalesce(max(id), 0) FROM events").fetchone()[0]) + 1
    body = canonical(details)
    digest = event_hash(prev, event_id, case_id, at, actor_id, actor, action, from_stage, to_stage, body)
    conn.execute("INSERT INTO events(id, case_id, at, actor_id, actor, action, from_stage, to_stage, details,"
                 " prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                 (event_id, case_id, at, actor_id, actor, action, from_stage, to_stage, body, prev, digest))
    conn.executemany("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                     (("audit_head", digest), ("audit_count", str(count + 1))))
    return event_id


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    events: int
    first_broken: int | None = None
    problem: str = ""


def verify_chain(conn: sqlite3.Connection) -> ChainReport:
    prev, n = GENESIS, 0
    last_id = 0
    for row in conn.execute("SELECT id, case_id, at, actor_id, actor, action, from_stage, to_stage, details,"
                            " prev_hash, hash FROM events ORDER BY id"):
        (event_id, case_id, at, actor_id, actor, action, from_stage, to_stage, details, prev_hash, digest) = row
        n += 1
        if event_id != last_id + 1:
            return ChainReport(False, n, event_id, f"event {last_id + 1} is missing before event {event_id}")
        if prev_hash != prev:
            return ChainReport(False, n, event_id, f"event {event_id} does not follow event {last_id}")
        want = event_hash(prev, event_id, case_id, at, actor_id, actor, action, from_stage, to_stage, details)
        if want != digest:
            return ChainReport(False, n, event_id, f"event {event_id} was altered after it was written")
        prev, last_id = digest, event_id
    head_hash, count = head(conn)
    if count != n or head_hash != prev:
        return ChainReport(False, n, last_id + 1 if count > n else last_id,
                           f"the trail ends at event {last_id} but {count} events were written")
    return ChainReport(True, n)
