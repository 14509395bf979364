"""The SQLite engine: the connection, pragmas, migrations, transactions and error translation.

Durability: WAL with ``synchronous=FULL``. In WAL mode NORMAL keeps the file consistent but may lose the
last committed transactions on power loss; FULL syncs the WAL on every commit, so a case the clerk saw
registered is on disk. The cost is one fsync per intake, which the benchmark measures.
"""
from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import DatabaseBusy, DatabaseCorrupt, DatabaseMissing, DatabaseTooNew, StoreError
from .. import audit, passwords
from ..schema import LATEST, MIGRATIONS

NETWORK_FS = {"nfs", "nfs4", "cifs", "smb3", "smbfs", "9p", "fuse.sshfs", "afs", "ncpfs", "davfs", "fuse.davfs2"}
BUSY_TIMEOUT_MS = 15000


# A damaged file can also make sqlite3 hand back bytes that are not UTF-8 (in a message or a cell).
FAILURES = (sqlite3.Error, UnicodeDecodeError)


def translate(exc: Exception) -> StoreError:
    """sqlite3 errors become calm, known store errors; the sqlite3 type never leaves the store."""
    if isinstance(exc, UnicodeDecodeError):
        return DatabaseCorrupt(detail=f"undecodable text ({exc.reason})")
    text = str(exc)
    code = getattr(exc, "sqlite_errorname", "")
    if code.startswith("SQLITE_BUSY") or code.startswith("SQLITE_LOCKED") or "locked" in text:
        return DatabaseBusy()
    if code.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "not a database" in text or "malformed" in text:
        return DatabaseCorrupt(detail=text)
    return StoreError(detail=text)


def filesystem_of(path: Path) -> str | None:
    """The file system type of the mount holding ``path`` (Linux /proc/mounts), or None if unknown."""
    if os.name == "nt":
        return "smb" if str(path).startswith("\\\\") else None
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return None
    target = str(path.resolve())
    best, fstype = "", None
    for line in mounts:
        parts = line.split()
        if len(parts) < 3:
            continue
        mount = parts[1].replace("\\040", " ")
        if (target == mount or target.startswith(mount.rstrip("/") + "/")) and len(mount) > len(best):
            best, fstype = mount, parts[2]
    return fstype


class SqliteConnection(sqlite3.Connection):
    """A sqlite3 connection that knows its engine (``conn.engine``), as a PostgreSQL connection does."""

    engine: SqliteEngine


def connect(path: Path, create: bool) -> sqlite3.Connection:
    if not create and not path.exists():
        raise DatabaseMissing(path=str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                               factory=SqliteConnection)
    except sqlite3.Error as exc:
        raise translate(exc) from None
    try:
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys=ON")
        # one statement, so one snapshot: a register being created by another process is never half-seen
        version, objects = conn.execute("SELECT (SELECT user_version FROM pragma_user_version),"
                                        " (SELECT count(*) FROM sqlite_master)").fetchone()
    except FAILURES as exc:
        conn.close()
        raise translate(exc) from None
    if version > LATEST:
        conn.close()
        raise DatabaseTooNew(found=version, known=LATEST)
    if version == 0 and objects:  # another program's database: refuse it before writing anything to it
        conn.close()
        raise DatabaseCorrupt(detail=f"{path.name}: schema 0 with {objects} foreign objects, not a Kense register")
    try:
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
    except sqlite3.Error as exc:
        conn.close()
        raise translate(exc) from None
    return conn


def quick_check(conn: sqlite3.Connection) -> None:
    try:
        rows = [r[0] for r in conn.execute("PRAGMA quick_check")]
    except FAILURES as exc:
        raise translate(exc) from None
    if rows != ["ok"]:
        raise DatabaseCorrupt(detail="; ".join(rows[:3]))


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the schema to LATEST, one migration per transaction. Returns the version found."""
    found = conn.execute("PRAGMA user_version").fetchone()[0]
    for number in range(found, LATEST):
        try:
            conn.execute("BEGIN IMMEDIATE")
            # re-read inside the lock: another process may have migrated meanwhile
            if conn.execute("PRAGMA user_version").fetchone()[0] != number:
                conn.execute("ROLLBACK")
                continue
            for statement in _statements(MIGRATIONS[number]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version={number + 1}")
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise translate(exc) from None
    return found


def _statements(script: str) -> Iterator[str]:
    """Split a migration script into statements (sqlite3.complete_statement handles triggers)."""
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                yield buffer.strip()
            buffer = ""
    if buffer.strip():
        yield buffer.strip()


@contextmanager
def write_transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One BEGIN IMMEDIATE transaction: all of it commits, or none of it does."""
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        raise translate(exc) from None
    try:
        yield conn
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise translate(exc) from None
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


# ---------------------------------------------------------------- the change watcher (live queues)

WATCH_POLL = 0.05  # seconds between two looks at PRAGMA data_version: microseconds each, a few a second is nothing


class SqliteWatcher:
    """Notices commits made by any other connection to the file (another window, another process on this machine).

    ``PRAGMA data_version`` on this watcher's own connection changes whenever another connection commits; reading it
    touches only the WAL index in shared memory, so polling it 20 times a second costs next to nothing. Not for a
    file on a network share (SQLite is refused there anyway).
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._stop = threading.Event()
        self._lock = threading.Lock()
        try:  # mode=rw: the register must exist; a watcher never creates a file
            self._conn: sqlite3.Connection | None = sqlite3.connect(
                f"{self.path.resolve().as_uri()}?mode=rw", uri=True, isolation_level=None,
                check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000)
            self._seen = self._version()
        except FAILURES as exc:
            raise translate(exc) from None

    def _version(self) -> int:
        return self._conn.execute("PRAGMA data_version").fetchone()[0]

    def wait(self, timeout: float) -> bool:
        """True as soon as another connection has committed since the last call; False after ``timeout`` s."""
        deadline = time.monotonic() + max(0.0, timeout)
        while True:
            with self._lock:
                if self._conn is None:
                    return False
                try:
                    version = self._version()
                except FAILURES as exc:
                    raise translate(exc) from None
            if version != self._seen:
                self._seen = version
                return True
            remaining = deadline - time.monotonic()
            if remaining <= 0 or self._stop.wait(min(WATCH_POLL, remaining)):
                return False

    def close(self) -> None:
        """Stop a wait in progress (from any thread) and close the watcher's connection."""
        self._stop.set()
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None


class SqliteEngine:
    """The register in one SQLite file: WAL, ``BEGIN IMMEDIATE``, the audit chain hashed by the client."""

    name = "sqlite"
    FAILURES = FAILURES
    translate = staticmethod(translate)
    transaction = staticmethod(write_transaction)
    check = staticmethod(quick_check)
    migrate = staticmethod(migrate)

    @staticmethod
    def is_lost(conn: sqlite3.Connection) -> bool:
        return False  # a file on this machine: there is no connection to lose

    @staticmethod
    def reconnect(conn: sqlite3.Connection) -> sqlite3.Connection:
        return conn

    @staticmethod
    def append_event(conn: sqlite3.Connection, **event: object) -> int:
        return audit.append_chained(conn, **event)  # type: ignore[arg-type]

    @staticmethod
    @contextmanager
    def snapshot(conn: sqlite3.Connection) -> Iterator[None]:
        """One read transaction: every query in it sees the same committed state (WAL)."""
        if conn.in_transaction:
            yield
            return
        conn.execute("BEGIN")
        try:
            yield
        finally:
            if conn.in_transaction:
                conn.execute("ROLLBACK")

    @staticmethod
    def draw_reg_no(conn: sqlite3.Connection, office: int, year: int) -> int:
        """The next registration number of the office and year, inside the caller's write transaction."""
        return conn.execute("INSERT INTO reg_counters(office, year, last) VALUES (?, ?, 1) ON CONFLICT(office, year)"
                            " DO UPDATE SET last = reg_counters.last + 1 RETURNING last", (office, year)).fetchone()[0]

    @staticmethod
    def integrity(conn: sqlite3.Connection) -> str:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        return "ok" if rows == ["ok"] else "; ".join(rows[:5])

    @staticmethod
    def indexed_by(index: str) -> str:
        """An index hint: without statistics SQLite's planner may pick a worse index for an open-cases count."""
        return f" INDEXED BY {index}"

    @staticmethod
    def watch(conn: sqlite3.Connection, path: Path) -> SqliteWatcher:
        """A change watcher on its own connection to the register's file (``Register.watch``)."""
        return SqliteWatcher(path)

    @staticmethod
    def act_as(conn: sqlite3.Connection, username: str) -> None:
        """One file, no server accounts: the acting user is the one Kense signed in."""

    @staticmethod
    def session_user(conn: sqlite3.Connection) -> str | None:
        return None

    # accounts: the register keeps a salted PBKDF2 hash of each password (passwords.py)
    @staticmethod
    def row_password(password: str) -> str:
        return passwords.hash_password(password)

    @staticmethod
    def create_login(conn: sqlite3.Connection, username: str, password: str, roles: object,
                     active: bool = True) -> None:
        """The users row is the whole account."""

    @staticmethod
    def update_login(conn: sqlite3.Connection, username: str, **changes: object) -> None:
        """The users row is the whole account."""

    @staticmethod
    def change_own_password(conn: sqlite3.Connection, user_id: int, username: str, password: str) -> None:
        """The user's new hash, and her name off the one-time passwords' list (meta, written by kense migrate)."""
        conn.execute("UPDATE users SET password_hash=? WHERE id=?", (passwords.hash_password(password), user_id))
        row = conn.execute("SELECT value FROM meta WHERE key='password_change_required'").fetchone()
        waiting = json.loads(row[0]) if row else []
        if username in waiting:
            conn.execute("UPDATE meta SET value=? WHERE key='password_change_required'",
                         (json.dumps([w for w in waiting if w != username], ensure_ascii=False),))

    @staticmethod
    def check_password(conn: sqlite3.Connection, username: str, password: str, stored: str) -> bool:
        return passwords.check_password(password, stored)


    # bulk copy: the demo loader writes SQLite with executemany in its own bulk mode (demo.py); this is the same
    # interface the PostgreSQL engine offers with COPY, for code that copies whole tables (kense migrate)
    @staticmethod
    def copy_rows(conn: sqlite3.Connection, table: str, columns: object, rows: object) -> int:
        names = list(columns)  # type: ignore[call-overload]
        cursor = conn.executemany(f"INSERT INTO {table}({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                                  rows)  # type: ignore[arg-type]
        return cursor.rowcount

    @staticmethod
    def is_empty(conn: sqlite3.Connection) -> bool:
        """No register here yet: no schema, or no office, users, cases nor events."""
        if conn.execute("PRAGMA user_version").fetchone()[0] == 0:
            return True
        row = conn.execute("SELECT (SELECT count(*) FROM meta WHERE key = 'office') + (SELECT count(*) FROM users)"
                           " + (SELECT count(*) FROM cases) + (SELECT count(*) FROM events)").fetchone()
        return row[0] == 0


ENGINE = SqliteEngine()
SqliteConnection.engine = ENGINE
