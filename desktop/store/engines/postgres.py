"""The PostgreSQL engine (psycopg 3): one office's register on a server on its LAN, for several desks at once.

What differs from SQLite, all of it here:
- the connection: a libpq URL (``postgresql://host:port/dbname?user=...``); the password from the caller (the
  login dialog), ``~/.pgpass`` or a prompt when there is a terminal — Kense never stores it;
- SQL is written once with ``?`` placeholders; ``PgConnection`` turns them into psycopg's ``%s``;
- a write transaction takes one advisory lock (the analogue of SQLite's ``BEGIN IMMEDIATE``): writes are
  serialised, so registration numbers stay gap-free and the audit chain stays one line, while reads never wait;
- the audit chain is hashed by the server (schema_pg.py), which also writes the session's true user as actor;
- the schema version lives in ``meta.schema_version``; the schema in the ``kense`` schema of the database.
"""
from __future__ import annotations

import getpass
import os
import sys
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import errors as pgerr
from psycopg import sql as pgsql
from psycopg.pq import TransactionStatus

from ...core.errors import PermissionDenied
from ..errors import ConnectionLost, DatabaseBusy, DatabaseCorrupt, DatabaseTooNew, NotInitialised, StoreError
from ..schema import LATEST
from ..schema_pg import BASELINE, BASELINE_VERSION, MIGRATIONS, SCHEMA, WRITE_LOCK, check_in_step


FAILURES = (psycopg.Error, UnicodeDecodeError)
LOCK_TIMEOUT = "15s"


@lru_cache(maxsize=2048)
def _sql(text: str) -> str:
    """``?`` placeholders (the store's one SQL dialect) as psycopg's ``%s``; a literal ``%`` doubled."""
    return text.replace("%", "%%").replace("?", "%s")


def translate(exc: BaseException) -> StoreError | PermissionDenied:
    """psycopg errors become the store's calm errors; the psycopg type never leaves the store."""
    if isinstance(exc, UnicodeDecodeError):
        return DatabaseCorrupt(detail=f"undecodable text ({exc.reason})")
    diag = getattr(exc, "diag", None)
    text = (getattr(diag, "message_primary", None) or str(exc)).strip()
    if isinstance(exc, pgerr.InsufficientPrivilege):
        return PermissionDenied("db_refused", detail=text)
    if isinstance(exc, (pgerr.InvalidPassword, pgerr.InvalidAuthorizationSpecification)):
        return PermissionDenied("login_failed")
    if isinstance(exc, (pgerr.SerializationFailure, pgerr.DeadlockDetected, pgerr.LockNotAvailable,
                        pgerr.QueryCanceled)):
        return DatabaseBusy()
    if isinstance(exc, (pgerr.AdminShutdown, pgerr.CrashShutdown, pgerr.CannotConnectNow)):
        return ConnectionLost(detail=text)
    if isinstance(exc, psycopg.OperationalError):
        lowered = text.lower()
        if "password" in lowered and ("authentication failed" in lowered or "no password" in lowered):
            return PermissionDenied("login_failed")
        return ConnectionLost(detail=text)
    if isinstance(exc, psycopg.InterfaceError):
        return ConnectionLost(detail=text)
    return StoreError(detail=text)


class PgConnection:
    """A psycopg connection in autocommit mode that speaks the store's ``?`` SQL; transactions are explicit."""

    def __init__(self, raw: psycopg.Connection, url: str, password: str | None = None) -> None:
        self.raw = raw
        self.url = url
        self.password = password  # as given or typed at the prompt, kept in memory only: for reconnecting

    def execute(self, sql: str, params: Sequence[Any] = ()) -> psycopg.Cursor:
        return self.raw.execute(_sql(sql), tuple(params))

    def executemany(self, sql: str, rows: Any) -> None:
        with self.raw.cursor() as cur:
            cur.executemany(_sql(sql), rows)

    @property
    def in_transaction(self) -> bool:
        return self.raw.info.transaction_status != TransactionStatus.IDLE

    @property
    def closed(self) -> bool:
        return self.raw.closed

    def close(self) -> None:
        self.raw.close()


def redact(url: str) -> str:
    """The URL without its password, for messages and logs."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{parts.username}@{host}" if parts.username else host
    if parts.port:
        netloc += f":{parts.port}"
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def with_user(url: str, user: str) -> str:
    """The same server and database for another login role (no password in the URL)."""
    from urllib.parse import parse_qsl, urlencode
    parts = urlsplit(url)
    netloc = f"{user}@{parts.hostname or ''}" + (f":{parts.port}" if parts.port else "")
    if parts.hostname and ":" in parts.hostname:
        netloc = f"{user}@[{parts.hostname}]" + (f":{parts.port}" if parts.port else "")
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if k not in ("user", "password")])
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


def _connect_raw(url: str, password: str | None, user: str | None = None) -> psycopg.Connection:
    kwargs: dict[str, Any] = {"autocommit": True, "application_name": "kense", "connect_timeout": 10,
                              "options": f"-c search_path={SCHEMA},pg_catalog -c lock_timeout={LOCK_TIMEOUT}"}
    if "keepalives" not in url:  # a pulled cable is noticed in about 20 s, not after the kernel's two hours
        kwargs.update(keepalives=1, keepalives_idle=10, keepalives_interval=3, keepalives_count=3)
    if password is not None:
        kwargs["password"] = password
    if user is not None:
        kwargs["user"] = user
    return psycopg.connect(url, **kwargs)


def connect(url: str, *, password: str | None = None, interactive: bool | None = None) -> PgConnection:
    """Connect; ask for the password on the terminal only when the server wants one and there is a terminal."""
    if interactive is None:
        interactive = sys.stdin is not None and sys.stdin.isatty() and os.environ.get("CI") is None
    try:
        raw = _connect_raw(url, password)
    except psycopg.OperationalError as exc:
        text = str(exc).lower()
        if password is None and interactive and "password" in text:
            who = urlsplit(url).username or getpass.getuser()
            password = getpass.getpass(f"{who}@{urlsplit(url).hostname or 'localhost'} password: ")
            raw = _reconnect(url, password)
        else:
            raise translate(exc) from None
    except psycopg.Error as exc:
        raise translate(exc) from None
    return PgConnection(raw, url, password)


def reconnect(conn: PgConnection) -> PgConnection:
    """A new session to the same server as the same user, after the old one was lost (never prompts)."""
    try:
        conn.raw.close()
    except psycopg.Error:
        pass
    return connect(conn.url, password=conn.password, interactive=False)


def _reconnect(url: str, password: str) -> psycopg.Connection:
    try:
        return _connect_raw(url, password)
    except psycopg.Error as exc:
        raise translate(exc) from None


def schema_version(conn: PgConnection) -> int:
    row = conn.execute("SELECT to_regclass(?)", (f"{SCHEMA}.meta",)).fetchone()
    if row[0] is None:
        return 0
    got = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
    return int(got[0]) if got else 0


def check(conn: PgConnection) -> None:
    """The server keeps its own pages consistent; what can be checked here is that it answers."""
    try:
        conn.execute("SELECT 1").fetchone()
    except FAILURES as exc:
        raise translate(exc) from None


def open_checked(conn: PgConnection, create: bool) -> None:
    """Refuse a database written by a newer Kense, and one without a register unless ``create``."""
    try:
        version = schema_version(conn)
    except FAILURES as exc:
        conn.close()
        raise translate(exc) from None
    if version > LATEST:
        conn.close()
        raise DatabaseTooNew(found=version, known=LATEST)
    if version == 0 and not create:
        conn.close()
        raise NotInitialised()


def migrate(conn: PgConnection) -> int:
    """Create the baseline schema on an empty database, then apply each later migration in its own transaction."""
    check_in_step()
    found = schema_version(conn)
    steps = ([(BASELINE_VERSION, BASELINE)] if found == 0 else []) + \
        [(n, MIGRATIONS[n]) for n in sorted(MIGRATIONS) if n > max(found, BASELINE_VERSION)]
    for number, script in steps:
        with write_transaction(conn):
            if schema_version(conn) >= number:  # another desk migrated meanwhile
                continue
            conn.raw.execute(script)  # no parameters: sent as one simple query, several statements
            conn.execute("INSERT INTO meta(key, value) VALUES ('schema_version', ?) ON CONFLICT(key)"
                         " DO UPDATE SET value=excluded.value", (str(number),))
    return found


@contextmanager
def write_transaction(conn: PgConnection) -> Iterator[PgConnection]:
    """One transaction that holds the register's write lock: all of it commits, or none of it does."""
    raw = conn.raw
    try:
        raw.execute("BEGIN")
        raw.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
    except psycopg.Error as exc:
        _rollback(conn)
        raise translate(exc) from None
    try:
        yield conn
        if raw.info.transaction_status == TransactionStatus.INERROR:
            raise StoreError(detail="a statement failed inside the transaction; nothing was written")
        raw.execute("COMMIT")
    except psycopg.Error as exc:
        _rollback(conn)
        raise translate(exc) from None
    except BaseException:
        _rollback(conn)
        raise


def _rollback(conn: PgConnection) -> None:
    try:
        if not conn.raw.closed and conn.in_transaction:
            conn.raw.execute("ROLLBACK")
    except psycopg.Error:
        pass


# ---------------------------------------------------------------- the change watcher (live queues)

WATCH_SLICE = 0.1  # seconds: a wait listens in slices this long, so that close() from another thread ends it
CHANNEL = "kense_changes"  # schema_pg.notify_change: pg_notify on every write to events, cases, scans, registries


class PgWatcher:
    """LISTEN on a dedicated connection: ``wait`` wakes the moment any desk commits a change to the register.

    The notifications arrive at the commit (NOTIFY is transactional), so a desk never refreshes before the change
    can be read. The watcher keeps the credentials of the connection it was made from (in memory only) so that it
    can LISTEN again after the server restarts: the first ``wait`` after a lost connection reconnects and answers
    True, since changes may have been missed meanwhile; while the server is away it raises ConnectionLost.
    """

    def __init__(self, conn: PgConnection) -> None:
        info = conn.raw.info
        self._url, self._user, self._password = conn.url, info.user, info.password
        self._state = threading.Lock()
        self._busy = self._closing = False
        self._raw: psycopg.Connection | None = None
        self._listen()

    def _listen(self) -> None:
        try:
            raw = _connect_raw(self._url, self._password, user=self._user)
            raw.execute(f"LISTEN {CHANNEL}")
        except psycopg.Error as exc:
            raise translate(exc) from None
        self._raw = raw

    def _drop(self) -> None:
        raw, self._raw = self._raw, None
        if raw is not None:
            try:
                raw.close()
            except psycopg.Error:
                pass

    def wait(self, timeout: float) -> bool:
        """True as soon as a change is committed by another connection since the last call; False after
        ``timeout`` s. ``close`` from another thread ends a wait within its timeout."""
        with self._state:
            if self._closing:
                return False
            self._busy = True
        try:
            if self._raw is None or self._raw.closed:
                self._listen()
                return True
            got = False
            deadline = time.monotonic() + max(0.0, timeout)
            try:
                while not got and not self._closing:  # in short slices, so that close() is heard at once
                    for _ in self._raw.notifies(timeout=min(WATCH_SLICE, max(0.0, deadline - time.monotonic())),
                                                stop_after=1):
                        got = True
                    if time.monotonic() >= deadline:
                        break
                if got:  # a burst of commits is one change for the watcher
                    for _ in self._raw.notifies(timeout=0):
                        pass
            except psycopg.Error as exc:
                self._drop()
                raise translate(exc) from None
            return got
        finally:
            with self._state:
                self._busy = False
                if self._closing:
                    self._drop()

    def close(self) -> None:
        with self._state:
            self._closing = True
            if not self._busy:
                self._drop()


class PostgresEngine:
    """The register on a PostgreSQL server: see the module's docstring."""

    name = "postgresql"
    FAILURES = FAILURES
    translate = staticmethod(translate)
    transaction = staticmethod(write_transaction)
    check = staticmethod(check)
    migrate = staticmethod(migrate)
    reconnect = staticmethod(reconnect)

    @staticmethod
    def is_lost(conn: PgConnection) -> bool:
        """The session is gone (psycopg closes a connection whose server went away)."""
        return conn.raw.closed or conn.raw.broken

    @staticmethod
    def append_event(conn: PgConnection, *, case_id: int | None, at: str, actor_id: int | None, actor: str,
                     action: str, from_stage: str | None, to_stage: str | None, details: dict[str, Any]) -> int:
        """The server numbers, links and hashes the event and names its actor (schema_pg.chain_event)."""
        from ..audit import canonical
        row = conn.execute("INSERT INTO events(id, case_id, at, actor, action, from_stage, to_stage, details,"
                           " prev_hash, hash) VALUES (0, ?, ?, '', ?, ?, ?, ?, '', '') RETURNING id",
                           (case_id, at, action, from_stage, to_stage, canonical(details))).fetchone()
        return row[0]

    @staticmethod
    def draw_reg_no(conn: PgConnection, office: int, year: int) -> int:
        """The next registration number, drawn by the server's ``draw_reg_no`` (schema_pg.py): reg_counters is
        granted to no one, and a number drawn without its case fails the commit, so numbers stay gap-free."""
        return conn.execute("SELECT draw_reg_no(?, ?)", (office, year)).fetchone()[0]

    @staticmethod
    @contextmanager
    def snapshot(conn: PgConnection) -> Iterator[None]:
        """One REPEATABLE READ, read-only transaction: every query in it sees the same committed state."""
        if conn.in_transaction:
            yield
            return
        conn.raw.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        try:
            yield
        finally:
            _rollback(conn)

    @staticmethod
    def integrity(conn: PgConnection) -> str:
        """The server keeps its pages consistent (and checksums them if the cluster was made so); here: every
        table of the register is there and readable, and the stored counters parse."""
        missing = [t for t in ("meta", "users", "cases", "events", "reg_counters", "catalogue_versions",
                               "registries", "registry_items", "scans", "calendar_overrides")
                   if conn.execute("SELECT to_regclass(?)", (f"{SCHEMA}.{t}",)).fetchone()[0] is None]
        if missing:
            return "missing tables: " + ", ".join(missing)
        conn.execute("SELECT count(*) FROM cases").fetchone()
        return "ok"

    @staticmethod
    def indexed_by(index: str) -> str:
        return ""  # PostgreSQL's planner has statistics; it takes no hints

    @staticmethod
    def watch(conn: PgConnection, path: object) -> PgWatcher:
        """A change watcher on its own connection, as the same user (``Register.watch``)."""
        return PgWatcher(conn)

    @staticmethod
    def session_user(conn: PgConnection) -> str | None:
        return conn.execute("SELECT session_user").fetchone()[0]

    @staticmethod
    def act_as(conn: PgConnection, username: str) -> None:
        """Inside a write transaction, act as ``username`` if this session is that user. A superuser's session
        (tests, the office's own maintenance) may take the user's identity for the transaction — the database
        then checks and records that user, not the superuser; anyone else acting for another is refused."""
        if conn.raw.info.user == username:  # the desk's own login (the usual case): no round trip on a write
            return
        me = conn.execute("SELECT session_user, (SELECT rolsuper FROM pg_roles WHERE rolname = session_user)"
                          ).fetchone()
        if me[0] == username:
            return
        if not me[1]:
            raise PermissionDenied("db_not_your_session", user=username, session=me[0])
        conn.execute(f"SET LOCAL SESSION AUTHORIZATION {pgsql.Identifier(username).as_string(conn.raw)}")

    # ---------------------------------------------------------------- accounts: PostgreSQL login roles

    @staticmethod
    def row_password(password: str) -> str:
        return ""  # the server keeps the credentials (SCRAM in pg_authid); the register keeps none

    @staticmethod
    def create_login(conn: PgConnection, username: str, password: str, roles: Sequence[str], active: bool = True
                     ) -> None:
        """A Kense user is a login role of the same name, member of the group roles of its Kense roles."""
        conn.execute("SELECT create_login(?, ?, ?, ?)",
                     (username, _verifier(conn, username, password), list(roles), active))

    @staticmethod
    def update_login(conn: PgConnection, username: str, *, password: str | None = None,
                     roles: Sequence[str] | None = None, active: bool | None = None) -> str | None:
        conn.execute("SELECT update_login(?, ?, ?, ?)",
                     (username, None if password is None else _verifier(conn, username, password),
                      None if roles is None else list(roles), active))
        return None if password is None else ""

    @staticmethod
    def change_own_password(conn: PgConnection, user_id: int, username: str, password: str) -> None:
        """The server changes the login's password (allowed for oneself) and, through the owner's function, takes
        her name off the one-time passwords' list; the users row holds no password here."""
        PostgresEngine.update_login(conn, username, password=password)
        conn.execute("SELECT own_password_changed()")

    @staticmethod
    def check_password(conn: PgConnection, username: str, password: str, stored: str) -> bool:
        """The server is asked: a session of this user with this password, or none."""
        try:
            probe = _connect_raw(conn.url, password or " ", user=username)
        except psycopg.Error:
            return False
        try:
            return probe.execute("SELECT session_user").fetchone()[0] == username
        finally:
            probe.close()


    # ---------------------------------------------------------------- bulk copy (demo loader, kense migrate)

    @staticmethod
    def bulk_load(conn: PgConnection, *, big: bool = False) -> PgBulkLoad:
        """COPY into the register inside the caller's write transaction (the register's owner only): see PgBulkLoad."""
        return PgBulkLoad(conn, big)

    @staticmethod
    def copy_rows(conn: PgConnection, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
        """Python values (None = NULL) into ``table`` with COPY; returns how many rows."""
        n = 0
        cols = pgsql.SQL(", ").join(pgsql.Identifier(c) for c in columns)
        try:
            with conn.raw.cursor() as cur, cur.copy(pgsql.SQL("COPY {} ({}) FROM STDIN").format(
                    pgsql.Identifier(table), cols)) as copy:
                for row in rows:
                    copy.write_row(row)
                    n += 1
        except psycopg.Error as exc:
            raise translate(exc) from None
        return n

    @staticmethod
    def dump(url: str, out: str, *, password: str | None = None) -> None:
        """``pg_dump -Fc`` of the register's database to ``out`` (the server's own consistent snapshot)."""
        _run_tool("pg_dump", ["-Fc", "--schema", SCHEMA, "-f", out, "--dbname", _plain(url)], url, password)

    @staticmethod
    def restore(url: str, archive: str, *, password: str | None = None) -> None:
        """``pg_restore`` of a dump into the (empty) database at ``url``, owned by the restoring role."""
        _run_tool("pg_restore", ["--no-owner", "--no-acl", "--exit-on-error", "--single-transaction",
                                 "--dbname", _plain(url), archive], url, password)

    @staticmethod
    def check_dump(archive: str) -> None:
        """The archive's table of contents reads and holds the register's trail (the full check is a restore:
        ``kense verify --dump``)."""
        import subprocess
        program = tool_path("pg_restore")
        if program is None:
            raise ToolMissing(tool="pg_restore", command=f"pg_restore --list {archive}")
        done = subprocess.run([program, "--list", archive], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if done.returncode != 0 or f"TABLE DATA {SCHEMA} events" not in done.stdout:
            raise StoreError(detail=f"pg_restore --list {archive}: {done.stderr.strip()[-400:] or 'no audit trail'}")

    @staticmethod
    def is_empty(conn: PgConnection) -> bool:
        """No register here yet: no schema, or a schema without an office, users, cases or events."""
        if schema_version(conn) == 0:
            return True
        row = conn.execute("SELECT (SELECT count(*) FROM meta WHERE key = 'office') + (SELECT count(*) FROM users)"
                           " + (SELECT count(*) FROM cases) + (SELECT count(*) FROM events)").fetchone()
        return row[0] == 0


class ToolMissing(StoreError):
    code = "db_tool_missing"


def tool_path(name: str) -> str | None:
    """A PostgreSQL client program (pg_dump, pg_restore): on PATH, or Debian's newest /usr/lib/postgresql/N/bin."""
    import glob
    import shutil
    found = shutil.which(name)
    if found:
        return found
    versions = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=lambda p: int(p.split("/")[4]))
    return versions[-1] if versions else None


def _plain(url: str) -> str:
    """The URL as libpq takes it (``postgres://`` too)."""
    return url.strip()


def _run_tool(name: str, args: list[str], url: str, password: str | None) -> None:
    import subprocess
    program = tool_path(name)
    if program is None:
        raise ToolMissing(tool=name, command=" ".join([name, *args]).replace(url, redact(url)))
    env = dict(os.environ)
    if password is not None:
        env["PGPASSWORD"] = password
    done = subprocess.run([program, *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if done.returncode != 0:
        raise StoreError(detail=f"{name}: {done.stderr.strip()[-600:] or done.returncode}")


class PgBulkLoad:
    """Rows written with COPY in one write transaction, by the role that owns the register (it ran kense init).

    The events arrive with their ids and hashes already computed (the demo hashes them as audit.event_hash does;
    ``kense migrate`` brings them from the SQLite file): the server's chain trigger must not number and hash them
    again, so the table's user triggers are disabled for the load and enabled again before the commit, and the
    stored head (meta audit_head, audit_count) is written by the loader. In a big load the secondary indexes and
    the foreign keys of the loaded tables are dropped and made again at the end (one sort, one join each, instead
    of a lookup per row). ``finish`` also moves the identity sequences past the copied ids."""

    TABLES = ("cases", "events", "registries", "registry_items", "scans")
    IDENTITIES = ("users", "cases", "registries", "scans")

    def __init__(self, conn: PgConnection, big: bool) -> None:
        self.conn, self.big = conn, big
        self.indexes: list[str] = []
        self.foreign: list[tuple[str, str, str]] = []
        self.done = False
        try:
            conn.execute("SET LOCAL maintenance_work_mem = '256MB'")
            conn.execute("ALTER TABLE events DISABLE TRIGGER USER")
            if big:
                self._drop_secondary()
        except psycopg.Error as exc:
            raise translate(exc) from None

    def _drop_secondary(self) -> None:
        tables = [f"{SCHEMA}.{t}" for t in self.TABLES]
        self.foreign = [tuple(r) for r in self.conn.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint"
            " WHERE contype = 'f' AND conrelid = ANY(?::regclass[])", (tables,)).fetchall()]
        for table, name, _ in self.foreign:
            self.conn.raw.execute(pgsql.SQL("ALTER TABLE {} DROP CONSTRAINT {}").format(
                pgsql.SQL(table), pgsql.Identifier(name)))
        rows = self.conn.execute(
            "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i"
            " WHERE i.indrelid = ANY(?::regclass[]) AND NOT i.indisprimary AND NOT i.indisunique", (tables,)).fetchall()
        for name, definition in rows:
            self.conn.raw.execute(pgsql.SQL("DROP INDEX {}").format(pgsql.SQL(name)))
            self.indexes.append(definition)

    def rows(self, table: str, columns: str, rows: Iterable[Sequence[Any]]) -> int:
        """Packed records (demo_cases.pack): every field as text; an empty field of a column written ``name?`` is
        NULL. Sent as COPY text in blocks of a few megabytes."""
        names = [c.rstrip("?") for c in columns.split()]
        nullable = [i for i, c in enumerate(columns.split()) if c.endswith("?")]
        width, out, n, nulls = len(names), [], 0, 0
        copy_sql = pgsql.SQL("COPY {} ({}) FROM STDIN").format(
            pgsql.Identifier(table), pgsql.SQL(", ").join(pgsql.Identifier(c) for c in names))
        for row in rows:
            row = [str(v) for v in row]
            for i in nullable:
                if row[i] == "":
                    row[i] = "\x1d"
                    nulls += 1
            out.append("\x1f".join(row))
            n += 1
        if not out:
            return 0
        text = "\x1e".join(out)
        if text.count("\x1f") != n * (width - 1) or text.count("\x1e") != n - 1 \
                or text.count("\x1d") != nulls:
            raise StoreError(detail=f"bulk copy into {table}: a field holds a control separator")
        text = text.translate(_COPY_ESCAPES).replace("\x1f", "\t").replace("\x1e", "\n").replace("\x1d", "\\N")
        try:
            with self.conn.raw.cursor() as cur, cur.copy(copy_sql) as copy:
                step = 4 << 20
                for start in range(0, len(text), step):
                    copy.write(text[start:start + step])
                copy.write("\n")
        except psycopg.Error as exc:
            raise translate(exc) from None
        return n

    def values(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
        return PostgresEngine.copy_rows(self.conn, table, columns, rows)

    def set_head(self, head: str, count: int) -> None:
        self.conn.execute("INSERT INTO meta(key, value) VALUES ('audit_head', ?), ('audit_count', ?)"
                          " ON CONFLICT(key) DO UPDATE SET value = excluded.value", (head, str(count)))

    def finish(self) -> None:
        """Indexes and foreign keys back (checked over the whole table), the triggers on again, the sequences
        past the copied ids, fresh statistics: all inside the same transaction."""
        if self.done:
            return
        self.done = True
        try:
            for definition in self.indexes:
                self.conn.raw.execute(definition)
            for table, name, definition in self.foreign:
                self.conn.raw.execute(pgsql.SQL("ALTER TABLE {} ADD CONSTRAINT {} {}").format(
                    pgsql.SQL(table), pgsql.Identifier(name), pgsql.SQL(definition)))
            self.conn.execute("ALTER TABLE events ENABLE TRIGGER USER")
            for table in self.IDENTITIES:
                self.conn.execute(f"SELECT setval(pg_get_serial_sequence('{SCHEMA}.{table}', 'id'), max(id))"
                                  f" FROM {table} HAVING max(id) IS NOT NULL")
            for table in self.TABLES:
                self.conn.execute(f"ANALYZE {table}")
        except psycopg.Error as exc:
            raise translate(exc) from None


_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _verifier(conn: PgConnection, username: str, password: str) -> str:
    """The SCRAM-SHA-256 verifier, computed by libpq on this machine: the password itself never travels."""
    return conn.raw.pgconn.encrypt_password(password.encode("utf-8"), username.encode("utf-8"),
                                            b"scram-sha-256").decode("ascii")


ENGINE = PostgresEngine()
PgConnection.engine = ENGINE  # type: ignore[attr-defined]
