"""``kense migrate``: move a whole register from its SQLite file to the office's PostgreSQL server.

Everything moves as it is, with the same ids: cases, the audit trail (its ids, hashes and stored head unchanged,
so the chain the office had is the chain it keeps), the catalogue versions, the registration counters, the
calendar overrides, the PSC / akimat registries, their items and scans, and the register's own facts in ``meta``
(the office, the courier runs, when it was made; the schema version is the target's own).

Users become PostgreSQL login roles (engines/postgres.py ``create_login``) with a one-time random password each:
the passwords are returned to the caller once (the CLI prints them for the admin), never stored, and the users are
listed in ``meta.password_change_required`` so the app asks each for a new password at the first sign-in.

It runs in one write transaction on the target, as the role that owns it (the one that ran ``kense init`` or
created the database): the events' chain trigger is disabled for the copy (PgBulkLoad) and enabled again before
the commit. The target must be empty; the source must verify before anything is written. After the copy the
counts of every table are compared inside the transaction (any difference rolls it all back), one ``migrate``
event records the move on the target's trail, and the target is verified after the commit.
"""
from __future__ import annotations

import json
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core.errors import KenseError
from . import audit
from .engines import is_postgres
from .errors import StoreError
from .records import _ts, now_local
from .register import Register

# in the order the foreign keys need; meta and users are handled on their own
TABLES = ("catalogue_versions", "reg_counters", "calendar_overrides", "cases", "events", "registries",
          "registry_items", "scans")
COUNTED = ("users", *TABLES)
META_SKIPPED = ("schema_version", "audit_head", "audit_count", "password_change_required")
CHANGE_KEY = "password_change_required"
BIG = 20_000  # cases: from here the target's secondary indexes are built once at the end
PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"  # no 0/o, 1/l: read aloud or copied by hand


class MigrateError(KenseError):
    """A refusal of ``kense migrate`` (kk/ru/en in desktop/core/messages.py)."""


@dataclass
class MigrateReport:
    source: str
    target: str
    counts: list[tuple[str, int, int]] = field(default_factory=list)  # table, source rows, target rows
    passwords: dict[str, str] = field(default_factory=dict)           # user -> one-time password (shown once)
    events: int = 0                                                   # the target's trail after the move
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return all(a == b for _, a, b in self.counts)


def one_time_password(length: int = 12) -> str:
    return "".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(length))


def migrate(source: Path | str, target: str, *, password: str | None = None, interactive: bool | None = None,
            progress: Callable[[str], None] | None = None) -> MigrateReport:
    """Move the register in the SQLite file ``source`` to the empty PostgreSQL database ``target``."""
    import time
    start = time.perf_counter()
    if not is_postgres(target):
        raise MigrateError("migrate_target_not_server", target=target)
    if is_postgres(source) or not Path(source).is_file():
        raise MigrateError("migrate_source_missing", path=source)
    say = progress or (lambda text: None)
    with Register.open(source, check=True) as src:
        if src.office_number is None:
            raise MigrateError("migrate_source_empty", path=source)
        say("verify source")
        checked = src.verify()
        if not checked.ok:
            raise MigrateError("migrate_source_broken", path=source, detail=checked.problem or checked.integrity)
        with Register.open(target, create=True, password=password, interactive=interactive) as dst:
            if not dst.engine.is_empty(dst.bulk_connection()):
                raise MigrateError("migrate_target_not_empty", target=dst.path)
            report = MigrateReport(str(source), str(dst.path))
            _copy(src, dst, report, say)
            say("verify target")
            after = dst.verify()
            report.events = after.events
            if not after.ok:  # cannot happen unless the copy is wrong: say so loudly, the data stays for a look
                raise StoreError(detail=f"the migrated register does not verify: {after.problem or after.integrity}")
    report.seconds = time.perf_counter() - start
    return report


def _columns(conn: Any, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]


def _copy(src: Register, dst: Register, report: MigrateReport, say: Callable[[str], None]) -> None:
    sconn, tconn = src.bulk_connection(), dst.bulk_connection()
    engine = dst.engine
    target_columns = {t: set(c) for t, c in _target_columns(tconn).items()}
    with src.engine.snapshot(sconn):  # the source as of one moment
        counts = {t: sconn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COUNTED}
        head, total = audit.head(sconn)
        users = sconn.execute("SELECT id, username, full_name, roles, phone, active, psc_branch, akimat_id,"
                              " created_at FROM users ORDER BY id").fetchall()
        taken = [r[0] for r in tconn.execute("SELECT rolname FROM pg_roles WHERE rolname = ANY(?)",
                                             ([u[1] for u in users],)).fetchall()]
        if taken:
            raise MigrateError("migrate_roles_taken", users=", ".join(sorted(taken)))
        with dst._write() as conn:
            bulk = engine.bulk_load(conn, big=counts["cases"] >= BIG)
            say("users")
            for uid, username, full_name, roles, phone, active, branch, akimat, created in users:
                conn.execute("INSERT INTO users(id, username, full_name, roles, phone, password_hash, active,"
                             " psc_branch, akimat_id, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                             (uid, username, full_name, roles, phone, "", active, branch, akimat, created))
                report.passwords[username] = one_time_password()
                engine.create_login(conn, username, report.passwords[username],
                                    [r for r in roles.split(",") if r], bool(active))
            for table in TABLES:
                say(table)
                columns = [c for c in _columns(sconn, table)]
                missing = [c for c in columns if c not in target_columns[table]]
                if missing:
                    raise StoreError(detail=f"{table}: the server's schema has no column {', '.join(missing)}")
                rows = sconn.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY 1")
                if table == "catalogue_versions":  # the target recorded the catalogue in force when it opened
                    conn.executemany("INSERT INTO catalogue_versions(version, loaded_at, content) VALUES (?,?,?)"
                                     " ON CONFLICT(version) DO NOTHING", rows.fetchall())
                else:
                    bulk.values(table, columns, _batches(rows))
            say("meta")
            meta = [(k, v) for k, v in sconn.execute("SELECT key, value FROM meta ORDER BY key")
                    if k not in META_SKIPPED]
            conn.executemany("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE"
                             " SET value = excluded.value", meta)
            conn.execute("INSERT INTO meta(key, value) VALUES (?, ?)",
                         (CHANGE_KEY, json.dumps(sorted(u[1] for u in users if u[5]), ensure_ascii=False)))
            bulk.set_head(head, total)
            say("indexes")
            bulk.finish()
            # every table holds what the source holds (catalogue_versions: at least, the target may know one more)
            versions = [r[0] for r in sconn.execute("SELECT version FROM catalogue_versions")]
            for table in COUNTED:
                if table == "catalogue_versions":  # the target may know one more: the catalogue in force now
                    got = conn.execute("SELECT count(*) FROM catalogue_versions WHERE version = ANY(?)",
                                       (versions,)).fetchone()[0]
                else:
                    got = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                report.counts.append((table, counts[table], got))
            if not report.ok:
                raise StoreError(detail="counts differ after the copy: " + ", ".join(
                    f"{t} {a} -> {b}" for t, a, b in report.counts if a != b))
            audit.append(conn, case_id=None, at=_ts(now_local()), actor_id=None, actor="", action="migrate",
                         from_stage=None, to_stage=None,
                         details={"from": Path(str(src.path)).name, "cases": counts["cases"],
                                  "events": counts["events"], "users": len(users)})


def _target_columns(conn: Any) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for table, column in conn.execute("SELECT table_name, column_name FROM information_schema.columns"
                                      " WHERE table_schema = 'kense' AND is_generated = 'NEVER'"
                                      " ORDER BY ordinal_position").fetchall():
        out.setdefault(table, []).append(column)
    return out


def _batches(cursor: Any, size: int = 20_000) -> Any:
    while True:
        rows = cursor.fetchmany(size)
        if not rows:
            return
        yield from rows
