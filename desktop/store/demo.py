"""A realistic synthetic register: the demo office behind bare ``kense`` and ``kense demo``.

Why it looks the way it does: every demo case is made by the real core (``workflow.register`` and
``workflow.perform``) on the office calendar, or for the plain closed path written out exactly as the core
would (see demo_cases.py), so its stage, deadlines and data are what the app would have produced, and the
next action of the app succeeds on it. Its audit events go through the same hash chain
(``audit.event_hash``, meta ``audit_head``/``audit_count``) in time order, so ``kense verify`` passes, and its
registration numbers come from ``format_reg_no`` with ``reg_counters`` left at the last number of each year,
so the next real intake continues the sequence without a gap.

Speed (1 000 000 cases in under 3 minutes on two cores): cases are simulated in worker processes in fixed
chunks (deterministic for a seed, whatever the number of workers); the parent hashes the events in time
order and writes them with ``executemany`` in one transaction, with ``synchronous=OFF`` and the secondary
indexes dropped during a large load and rebuilt from their own schema SQL afterwards.
"""
from __future__ import annotations

import bisect
import collections
import datetime as dt
import hashlib
import multiprocessing
import os
import re
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..core.errors import KenseError, PermissionDenied, ValidationError
from ..core.model import User
from . import audit, demo_channels
from .engines import sqlite as db
from .errors import StoreError
from .demo_cases import Packed, Plan, Simulator, pack, worker_chunk, worker_init
from .demo_time import FastCalendar, Timeline
from .register import Register, _ts, now_local

Progress = Callable[[int, int], None]
CHUNK = 4000                 # cases per chunk (fixed, so the result does not depend on the number of workers)
PARALLEL_FROM = 40_000       # below this, simulate in this process
BIG_FROM = 20_000            # from this (and at least as many as there are), load in bulk mode
YEARS_BACK = 4               # cases from 1 January four years ago up to now
DEMO_USERS = (("clerk", "Асқарова Гүлнар Серікқызы", "clerk"), ("head", "Серікбаев Нұрлан Болатұлы", "head"),
              ("executor1", "Оспанова Айгүл Қайратқызы", "executor"),
              ("executor2", "Жұмабаев Дәурен Ерланұлы", "executor"))
ADMIN_NAME = "Төлеуов Бақыт Маратұлы"


# ---------------------------------------------------------------- loading (the parent process)

def _insert_sql(table: str, columns: str) -> str:
    """INSERT for a packed record (demo_cases.pack): fields arrive as text (a STRICT table stores the digits of an
    INTEGER column as an integer); an empty field of a nullable column (written `name?`) is NULL."""
    names = [c.rstrip("?") for c in columns.split()]
    values = ["nullif(?, '')" if c.endswith("?") else "?" for c in columns.split()]
    return f"INSERT INTO {table}({', '.join(names)}) VALUES ({', '.join(values)})"


_CASE_SQL = _insert_sql("cases", "id reg_no service channel catalogue_version stage decision? iin surname name "
                        "patronymic name_key address phone registered_at registered_by executor_id? due_at "
                        "step_due_at? stage_since closed_at? data")
_CASE_FIELDS = 22
_CASE_COLUMNS = ("id reg_no service channel catalogue_version stage decision? iin surname name patronymic name_key "
                 "address phone registered_at registered_by executor_id? due_at step_due_at? stage_since closed_at? "
                 "data")
_EVENT_COLUMNS = "id case_id at actor_id actor action from_stage? to_stage details prev_hash hash"
_EVENT_SQL = _insert_sql("events", _EVENT_COLUMNS)
_KEY = 36  # an event line's sort key: "time\x1f case(12) order(3)\x1f" (demo_cases.event_lines)


def _ensure_users(reg: Register, office: int, when: dt.datetime) -> dict[str, User]:
    """The demo staff (password = user name, demo only); existing accounts are reused as they are."""
    if reg.office_number is None:
        reg.initialise(office, "admin", admin_name=ADMIN_NAME, now=when)
        reg.mark_demo()  # a register the demo made; `kense demo` refuses to fill a real one
    admins = reg.users("admin", active_only=True)
    if not admins:
        raise PermissionDenied(action="demo", roles=("admin",), have=())
    admin = next((u for u in admins if u.username == "admin"), admins[0])
    known = {u.username: u for u in reg.users()}
    channel = demo_channels.staff_specs(reg.office_number or office)  # PSC inspector, collector, akim (issue 5)
    for username, _, role, *_ in (*DEMO_USERS, *channel):  # check them all before creating any
        if username in known and not known[username].has(role):
            raise PermissionDenied(action=f"demo ({username})", roles=(role,), have=tuple(sorted(known[username].roles)))
    staff = {"admin": admin}
    maker = reg
    try:
        for username, full_name, role, *binding in (*DEMO_USERS, *channel):
            if username in known:
                staff[username] = known[username]
                continue
            try:
                staff[username] = maker.create_user(admin, username, full_name, [role], username, now=when,
                                                    **(binding[0] if binding else {}))
            except PermissionDenied as exc:
                # PostgreSQL: the owner's session (kense demo --db postgresql://owner@...) may not act for the
                # admin; the demo's admin (password "admin", demo only) signs in and creates the staff herself
                if exc.code != "db_not_your_session" or maker is not reg:
                    raise
                maker = _demo_admin(reg)
                staff[username] = maker.create_user(admin, username, full_name, [role], username, now=when,
                                                    **(binding[0] if binding else {}))
    finally:
        if maker is not reg:
            maker.close()
    return staff


def _demo_admin(reg: Register) -> Register:
    from .engines import postgres
    return Register.open(postgres.with_user(reg.bulk_connection().url, "admin"), password="admin", interactive=False)


@contextmanager
def _bulk_mode(conn: sqlite3.Connection, big: bool) -> Iterator[None]:
    """Fast pragmas for the load; the durable ones (synchronous=FULL, WAL, foreign keys) come back after it.

    The rows are consistent by construction (they come from the core), so foreign keys are not re-checked row by
    row, nor, in a big load, the CHECK constraints (a quarter of the writer's time; tests/store/test_demo.py runs
    integrity_check, which checks them all, on a register loaded this way); a crash during the load loses the
    load, never the register: it is still one transaction."""
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    if big:
        conn.execute("PRAGMA ignore_check_constraints=ON")
        conn.execute("PRAGMA cache_size=-1000000")
        conn.execute("PRAGMA temp_store=MEMORY")
        # a new register: write the pages once, straight into the file, not into the WAL and then again
        if os.environ.get("KENSE_DEMO_WAL") is None and not conn.execute("SELECT 1 FROM cases LIMIT 1").fetchone():
            conn.execute("PRAGMA journal_mode=MEMORY")
    try:
        yield
    finally:
        conn.execute("PRAGMA ignore_check_constraints=OFF")
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA cache_size=-2000")
        conn.execute("PRAGMA temp_store=DEFAULT")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")


def _chunks(plan: Plan) -> Iterator[tuple[list[list[str]], list[str], str, list[Any]]]:
    count = (plan.total + plan.chunk - 1) // plan.chunk
    workers = int(os.environ.get("KENSE_DEMO_WORKERS", 0)) or min(os.cpu_count() or 1, 4)
    if plan.total < PARALLEL_FROM or workers < 2:
        sim = Simulator(plan)
        for index in range(count):
            yield _unpacked(pack(sim.chunk(index)))
        return
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    with multiprocessing.get_context(method).Pool(workers, worker_init, (plan,)) as pool:
        waiting: collections.deque[Any] = collections.deque()
        for index in range(count):  # a few chunks ahead, never the whole register in memory
            waiting.append(pool.apply_async(worker_chunk, (index,)))
            if len(waiting) > 2 * workers:
                yield _unpacked(waiting.popleft().get())
        while waiting:
            yield _unpacked(waiting.popleft().get())


def _unpacked(got: Packed) -> tuple[list[list[str]], list[str], str, list[Any]]:
    rows_text, events_text, last_at, parcels = got
    rows = [row.split("\x1f") for row in rows_text.split("\n")] if rows_text else []
    if any(len(row) != _CASE_FIELDS for row in rows):
        raise StoreError(detail="demo: a case field holds a separator")
    return rows, events_text.split("\n") if events_text else [], last_at, parcels


class _Chain:
    """Event ids and hashes, in time order, continuing the register's audit head."""

    def __init__(self, conn: sqlite3.Connection, sink: Callable[[list[tuple[Any, ...]]], Any] | None = None) -> None:
        self.conn = conn
        self.sink = sink or (lambda rows: conn.executemany(_EVENT_SQL, rows))
        self.prev, self.count = audit.head(conn)
        self.last_id = conn.execute("SELECT coalesce(max(id), 0) FROM events").fetchone()[0]

    def write(self, lines: list[str]) -> None:
        """Hash and insert packed event lines (demo_cases.event_lines) in this order.

        The digest is audit.event_hash's formula over the line's text, which holds the fields in that formula's
        order (never a None case, actor or target stage); the first event of every batch is checked against
        event_hash itself, so a change there cannot slip by."""
        out, prev, eid, sha = [], self.prev, self.last_id, hashlib.sha256
        for line in lines:
            eid += 1
            text = line[_KEY:]
            digest = sha(f"{prev}\x1f{eid}\x1f{text}".encode()).hexdigest()
            fields = text.split("\x1f")
            if len(fields) != 8:
                raise StoreError(detail=f"demo: an event holds the separator: {text[:80]!r}")
            out.append((eid, *fields, prev, digest))
            prev = digest
        if out:
            eid0, case_id, at, actor_id, actor, action, from_stage, to_stage, details, prev0, digest0 = out[0]
            if digest0 != audit.event_hash(prev0, eid0, int(case_id), at, int(actor_id), actor, action,
                                           from_stage or None, to_stage, details):
                raise StoreError(detail="demo: audit.event_hash changed; update demo._Chain.write")
        self.sink(out)
        self.count += eid - self.last_id
        self.prev, self.last_id = prev, eid

    def close(self) -> None:
        self.conn.executemany("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET"
                              " value=excluded.value", (("audit_head", self.prev), ("audit_count", str(self.count))))


def _rebuilt_indexes(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """The secondary indexes dropped during a big load and rebuilt from their SQL after it.

    The one writing process is the load's bottleneck. Row by row, a partial index evaluates its WHERE (an IN
    list: microseconds) for every row and an index on randomly ordered keys (IIN, name) touches pages all over
    a growing tree; a sort of the finished table builds each in 1.5-5 s per million cases, on both cores. Only
    the indexes whose keys follow the load's order (registration time, an event's case) are appended to as the
    rows come: cheaply, and without a pause at the end."""
    rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE type='index' AND sql IS NOT NULL"
                        " AND tbl_name IN ('cases', 'events')").fetchall()
    return [(name, sql) for name, sql in rows if not _IN_LOAD_ORDER.search(sql)]


_IN_LOAD_ORDER = re.compile(r"ON\s+(cases\s*\((service,\s*)?registered_at|events\s*\(case_id)[^)]*\)\s*$", re.I)


def _plan(conn: sqlite3.Connection, reg: Register, staff: dict[str, User], total: int, seed: int,
          start: dt.datetime, now: dt.datetime) -> Plan:
    office = reg.office_number or 1
    timeline = Timeline(start, now, reg.calendar(), total, seed)
    counters = []
    for year in range(start.year, now.year + 1):
        row = conn.execute("SELECT last FROM reg_counters WHERE office=? AND year=?", (office, year)).fetchone()
        counters.append((year, timeline.first_of_year(year), row[0] if row else 0))
    first_id = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM cases").fetchone()[0]
    return Plan(office, seed, total, start, now, reg.catalogue, FastCalendar(reg.calendar()), staff["clerk"],
                staff["head"], (staff["executor1"], staff["executor2"]), first_id, tuple(counters), CHUNK,
                channel_staff=tuple(staff[u] for u, *_ in demo_channels.STAFF))


def _save_counters(conn: sqlite3.Connection, plan: Plan) -> None:
    """reg_counters at the last number used in each year, so real intakes continue the sequence."""
    bounds = [first for _, first, _ in plan.counters] + [plan.total]
    for (year, first, last), end in zip(plan.counters, bounds[1:]):
        if end > first:
            conn.execute("INSERT INTO reg_counters(office, year, last) VALUES (?, ?, ?) ON CONFLICT(office, year)"
                         " DO UPDATE SET last=excluded.last", (plan.office, year, last + end - first))


def load_demo(reg: Register, *, cases: int, office: int = 1, seed: int = 349,
              progress: Progress | None = None) -> int:
    """Fill the register with demo staff and ``cases`` synthetic cases; returns how many cases were added."""
    if not isinstance(cases, int) or cases < 0:
        raise ValidationError("bad_value", field="cases", label="--cases", detail=str(cases))
    if reg.office_number is not None and not reg.is_demo:  # synthetic people never go into a real office's register
        raise KenseError("cli_not_demo")
    now = now_local()
    start = dt.datetime(now.year - YEARS_BACK, 1, 1, 9, 0)
    staff = _ensure_users(reg, office, start)
    if cases == 0:
        return 0
    conn = reg.bulk_connection()
    big = cases >= BIG_FROM and cases >= reg.count()
    if reg.is_server:
        return _load_server(reg, conn, staff, cases, seed, start, now, big, progress)
    with _bulk_mode(conn, big):
        with db.write_transaction(conn):
            plan = _plan(conn, reg, staff, cases, seed, start, now)
            indexes = _rebuilt_indexes(conn) if big else []
            for name, _ in indexes:
                conn.execute(f'DROP INDEX "{name}"')
            chain = _Chain(conn)
            parcels = _fill(plan, lambda rows: conn.executemany(_CASE_SQL, rows), chain, progress)
            demo_channels.write_registries(conn, parcels, now)  # the PSC / akimat registries of those cases
            _save_counters(conn, plan)
            conn.execute("PRAGMA threads=2")  # the index sorts may use the core the workers have left
            for _, sql in indexes:
                conn.execute(sql)
            conn.execute("PRAGMA threads=0")
            # statistics, as a maintained register has them: without them the planner takes cases_stage_due
            # for the overdue count (70-120 ms on a million cases) instead of the partial index (under 2 ms);
            # sampled statistics (analysis_limit) are not enough, a full pass over cases takes about a second
            conn.execute("ANALYZE cases")
            _loaded(conn, staff, cases, seed, plan, now)
    if big:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return cases


def _fill(plan: Plan, write_cases: Callable[[list[list[str]]], Any], chain: _Chain,
          progress: Progress | None) -> list[Any]:
    """Simulate the cases chunk by chunk; write each chunk's rows, and its events hashed in time order."""
    pending: list[str] = []
    done, shown, parcels, cases = 0, -1, [], plan.total
    for rows, events, last_at, chunk_parcels in _chunks(plan):
        parcels += chunk_parcels
        write_cases(rows)
        pending += events
        pending.sort()
        # later chunks register after last_at, so everything up to it is final in time order
        cut = bisect.bisect_left(pending, last_at + "\x20")  # the lines of times up to last_at
        chain.write(pending[:cut])
        del pending[:cut]
        done += len(rows)
        if progress and (done * 100 // cases > shown or done == cases):
            shown = done * 100 // cases
            progress(done, cases)
    chain.write(pending)
    chain.close()
    return parcels


def _loaded(conn: Any, staff: dict[str, User], cases: int, seed: int, plan: Plan, now: dt.datetime) -> None:
    audit.append(conn, case_id=None, at=_ts(now), actor_id=staff["admin"].id, actor=staff["admin"].username,
                 action="demo_load", from_stage=None, to_stage=None,
                 details={"cases": cases, "seed": seed, "first_case_id": plan.first_case_id})


def _load_server(reg: Register, conn: Any, staff: dict[str, User], cases: int, seed: int, start: dt.datetime,
                 now: dt.datetime, big: bool, progress: Progress | None) -> int:
    """The same demo on PostgreSQL, written with COPY (engines/postgres.py PgBulkLoad) in one transaction as the
    register's owner: the events carry the hashes computed here, so the chain trigger is off during the copy
    (on again before the commit); the head is stored by _Chain.close; the sequences are set past the ids."""
    with reg.engine.transaction(conn):
        plan = _plan(conn, reg, staff, cases, seed, start, now)
        bulk = reg.engine.bulk_load(conn, big=big)
        chain = _Chain(conn, lambda rows: bulk.rows("events", _EVENT_COLUMNS, rows))
        parcels = _fill(plan, lambda rows: bulk.rows("cases", _CASE_COLUMNS, rows), chain, progress)
        if conn.execute("SELECT 1 FROM registries LIMIT 1").fetchone() is None:
            ids = sorted({p[7] for p in parcels})
            reg_nos = dict(conn.execute("SELECT id, reg_no FROM cases WHERE id = ANY(?)", (ids,)).fetchall())
            registries, items, scans = demo_channels.registry_rows(parcels, now, reg_nos)
            bulk.rows("registries", demo_channels.REGISTRY_COLUMNS, registries)
            bulk.rows("registry_items", demo_channels.ITEM_COLUMNS, items)
            bulk.rows("scans", demo_channels.SCAN_COLUMNS, scans)
        else:  # a second load beside existing registries: row by row, as on SQLite
            demo_channels.write_registries(conn, parcels, now)
        _save_counters(conn, plan)
        bulk.finish()
        _loaded(conn, staff, cases, seed, plan, now)
    return cases


def ensure_demo_register(path: Path | str, cases: int = 1500) -> Register:
    """Open (or create) the register at ``path``; a new one gets a demo office. Returns the open register."""
    reg = Register.open(path, create=True)
    try:
        if reg.office_number is None:
            load_demo(reg, cases=cases)
    except BaseException:
        reg.close()
        raise
    return reg

