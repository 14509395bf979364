"""Speed of the register on a 1 000 000-case demo office (issues 2 and 9, "Speed"). A script, not a test:

    python tests/bench/bench_register.py [--db PATH] [--cases 1000000] [--repeat 50] [--explain]
    python tests/bench/bench_register.py --db postgresql://postgres@host:port/kense_bench [--sqlite PATH]
    python tests/bench/bench_register.py --pg-cluster [--sqlite PATH]

It builds the demo register with ``kense demo`` (timed; or reuses the register when it already holds enough cases),
then times each operation through the store's API and the same query in raw SQL on the same register, and prints:
operation, store ms (median of N), raw ms, ratio, target, PASS/MISS. The intake is durable (SQLite
synchronous=FULL, one fsync per case; PostgreSQL with the server's defaults: fsync on, synchronous_commit on)
and adds real cases. "4 desks at once" runs four processes registering intakes together (total intakes/s).

With a PostgreSQL register (``--db postgresql://...`` naming a superuser or the owner on a server with fsync on,
or ``--pg-cluster``: a throw-away cluster started here with the server's default, durable settings, unlike the
test cluster) both engines are measured side by side: the SQLite file (``--sqlite``, built when missing) and the
server. The store works as the demo's users (clerk, executor1: password = user name) as the desks would.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop.core.errors import KenseError  # noqa: E402
from desktop.core.iin import make_iin  # noqa: E402
from desktop.store import Filters, Register, audit, now_local  # noqa: E402
from desktop.store.register import _SUMMARY_COLUMNS, _ts, name_key  # noqa: E402
from desktop.store.schema import OPEN_STAGES_SQL  # noqa: E402

SEARCH_MS, INBOX_MS, INTAKE_MS, PG_INTAKE_MS, DESKS_PER_S = 5.0, 20.0, 10.0, 15.0, 200.0
RAW = {
    "iin": f"SELECT {_SUMMARY_COLUMNS} FROM cases WHERE iin = ? ORDER BY id DESC LIMIT 100",
    "reg": f"SELECT {_SUMMARY_COLUMNS} FROM cases WHERE reg_no = ? ORDER BY id DESC LIMIT 100",
    "name": f"SELECT {_SUMMARY_COLUMNS} FROM cases WHERE name_key >= ? AND name_key < ? ORDER BY id DESC LIMIT 100",
    "executor": f"SELECT {_SUMMARY_COLUMNS} FROM cases WHERE executor_id = ? AND stage IN"
                " ('with_executor','signed','suspended') ORDER BY step_due_at, id LIMIT 200",
    "resolution": f"SELECT {_SUMMARY_COLUMNS} FROM cases WHERE stage = 'awaiting_resolution'"
                  " ORDER BY step_due_at, id LIMIT 200",
    "overdue": f"SELECT count(*) FROM cases WHERE stage IN {OPEN_STAGES_SQL} AND due_at < ?",
}


def median_ms(run: Callable[[int], object], repeat: int, warm: int = 3) -> float:
    for i in range(warm):
        run(i)
    times = []
    for i in range(repeat):
        start = time.perf_counter_ns()
        run(warm + i)
        times.append((time.perf_counter_ns() - start) / 1e6)
    return statistics.median(times)


def build(path: Path | str, cases: int) -> float | None:
    """Make the demo register with the real command; returns seconds, or None when it is reused."""
    if isinstance(path, str):  # a PostgreSQL database: reused when it holds a register
        try:
            with Register.open(path, check=False) as reg:
                if reg.count() >= cases:
                    return None
                raise SystemExit(f"{path} holds fewer than {cases} cases; give another --db or drop it")
        except KenseError as exc:
            if exc.code != "not_initialised":
                raise
    elif path.exists():
        with Register.open(path, check=False) as reg:
            if reg.count() >= cases:
                return None
        raise SystemExit(f"{path} holds fewer than {cases} cases; give another --db or remove it")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "desktop.cli", "demo", "--db", str(path), "--cases", str(cases)],
                   check=True, cwd=Path(__file__).resolve().parents[2])
    return time.perf_counter() - start


def samples(raw, n: int, seed: int = 11) -> list[tuple[str, str, str, str]]:
    top = raw.execute("SELECT max(id) FROM cases").fetchone()[0]
    r, out = random.Random(seed), []
    while len(out) < n:
        row = raw.execute(_q(raw, "SELECT iin, reg_no, surname, name FROM cases WHERE id = ?"),
                          (r.randint(1, top),)).fetchone()
        if row:
            out.append(row)
    return out


def _q(raw, sql: str) -> str:
    """The raw query in the connection's own placeholders (sqlite3: ?, psycopg: %s)."""
    return sql if isinstance(raw, sqlite3.Connection) else sql.replace("?", "%s")


def raw_intake(conn: sqlite3.Connection, office: int, clerk_id: int, serial: int) -> None:
    """The intake's writes without the store: counter, case row, one audit event, the head in meta."""
    now = now_local()
    iin = make_iin(dt.date(1980, 1, 2), "M", serial)
    conn.execute("BEGIN IMMEDIATE")
    last = conn.execute("INSERT INTO reg_counters(office, year, last) VALUES (?, ?, 1) ON CONFLICT(office, year)"
                        " DO UPDATE SET last = last + 1 RETURNING last", (office, now.year)).fetchone()[0]
    reg_no = f"K{office:02d}{now.year:04d}{last:06d}"
    conn.execute("SELECT reg_no FROM cases WHERE iin=? AND service=? AND stage NOT IN ('delivered','withdrawn')",
                 (iin, "S1")).fetchall()
    case_id = conn.execute(
        "INSERT INTO cases(reg_no, service, channel, catalogue_version, stage, decision, iin, surname, name,"
        " patronymic, name_key, address, phone, registered_at, registered_by, executor_id, due_at, step_due_at,"
        " stage_since, closed_at, data) SELECT ?, 'S1', 'department', version, 'awaiting_resolution', NULL, ?,"
        " 'Бенчмарков', 'Ерлан', '', ?, 'Ақсу ауданы', '', ?, ?, NULL, ?, ?, ?, NULL, '{}'"
        " FROM catalogue_versions LIMIT 1",
        (reg_no, iin, name_key("Бенчмарков", "Ерлан"), _ts(now), clerk_id, _ts(now), _ts(now), _ts(now))).lastrowid
    audit.append_chained(conn, case_id=case_id, at=_ts(now), actor_id=clerk_id, actor="clerk", action="register",
                 from_stage=None, to_stage="awaiting_resolution", details={"reg_no": reg_no})
    conn.execute("COMMIT")


def raw_intake_pg(conn, office: int, clerk_id: int, serial: int) -> None:
    """The same writes in raw psycopg as the clerk: the write lock, counter, case row, one event (the server's
    trigger hashes it and moves the head), commit."""
    now = now_local()
    iin = make_iin(dt.date(1980, 1, 2), "M", serial)
    from desktop.store.schema_pg import WRITE_LOCK
    conn.execute("BEGIN")
    conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
    last = conn.execute("INSERT INTO reg_counters(office, year, last) VALUES (%s, %s, 1) ON CONFLICT(office, year)"
                        " DO UPDATE SET last = reg_counters.last + 1 RETURNING last", (office, now.year)).fetchone()[0]
    reg_no = f"K{office:02d}{now.year:04d}{last:06d}"
    conn.execute("SELECT reg_no FROM cases WHERE iin=%s AND service=%s AND stage NOT IN ('delivered','withdrawn')",
                 (iin, "S1")).fetchall()
    case_id = conn.execute(
        "INSERT INTO cases(reg_no, service, channel, catalogue_version, stage, decision, iin, surname, name,"
        " patronymic, name_key, address, phone, registered_at, registered_by, executor_id, due_at, step_due_at,"
        " stage_since, closed_at, data) SELECT %s, 'S1', 'department', version, 'awaiting_resolution', NULL, %s,"
        " 'Бенчмарков', 'Ерлан', '', %s, 'Ақсу ауданы', '', %s, %s, NULL, %s, %s, %s, NULL, '{}'"
        " FROM catalogue_versions LIMIT 1 RETURNING id",
        (reg_no, iin, name_key("Бенчмарков", "Ерлан"), _ts(now), clerk_id, _ts(now), _ts(now), _ts(now))).fetchone()[0]
    conn.execute("INSERT INTO events(id, case_id, at, actor, action, from_stage, to_stage, details, prev_hash, hash)"
                 " VALUES (0, %s, %s, '', 'register', NULL, 'awaiting_resolution', %s, '', '')",
                 (case_id, _ts(now), audit.canonical({"reg_no": reg_no})))
    conn.execute("COMMIT")


DESK = textwrap.dedent("""
    import datetime as dt, os, sys, time
    sys.path.insert(0, sys.argv[5])
    from desktop.core.iin import make_iin
    from desktop.store import Register
    target, tag, count, go = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    reg = Register.open(target, password="clerk" if target.startswith("postgresql") else None, interactive=False)
    clerk = reg.user("clerk")
    print("READY", flush=True)
    while not os.path.exists(go):
        time.sleep(0.002)
    for i in range(count):
        reg.register_case(clerk, "S1", {"surname": "Бенчмарков", "name": "Ерлан", "address": "Ақсу ауданы",
                                        "iin": make_iin(dt.date(1981, 1, 2), "M", tag * 2000 + i)},
                          documents=["application", "identity"])
    reg.close()
""")


def desks(target: Path | str, n: int = 4, count: int = 150) -> float:
    """Four processes (desks) registering ``count`` intakes each at once: total intakes per second."""
    with tempfile.TemporaryDirectory(prefix="kense-desks-") as folder:
        go = Path(folder) / "go"
        repo = str(Path(__file__).resolve().parents[2])
        procs = [subprocess.Popen([sys.executable, "-c", DESK, str(target), str(random.randrange(1, 4000)),
                                   str(count), str(go), repo], stdout=subprocess.PIPE, text=True) for _ in range(n)]
        for p in procs:
            assert p.stdout.readline().strip() == "READY"
        start = time.perf_counter()
        go.touch()
        for p in procs:
            if p.wait() != 0:
                raise SystemExit("a desk failed")
        return n * count / (time.perf_counter() - start)


def measure(target: Path | str, args: argparse.Namespace) -> tuple[dict[str, tuple[float, float, float]], list[str]]:
    """{operation: (store ms, raw ms, target)} on one register, and notes."""
    server = isinstance(target, str)
    notes: list[str] = []
    seconds = build(target, args.cases)
    notes.append(f"demo load: {'reused' if seconds is None else f'{args.cases} cases in {seconds:.1f} s'}")
    if server:
        import psycopg
        from desktop.store.engines.postgres import with_user
        reg = Register.open(with_user(target, "executor1"), password="executor1", interactive=False)
        writer = Register.open(with_user(target, "clerk"), password="clerk", interactive=False)
        raw = psycopg.connect(with_user(target, "clerk"), password="clerk", autocommit=True,
                              options="-c search_path=kense,pg_catalog")
        settings = dict(raw.execute("SELECT name, setting FROM pg_settings WHERE name IN ('fsync',"
                                    " 'synchronous_commit', 'server_version')").fetchall())
        notes.append(f"PostgreSQL {settings['server_version']}: fsync={settings['fsync']},"
                     f" synchronous_commit={settings['synchronous_commit']}")
        if settings["fsync"] != "on" or settings["synchronous_commit"] != "on":
            notes.append("WARNING: not durable; the intake figures do not count")
    else:
        reg = writer = Register.open(target)
        raw = sqlite3.connect(str(target), isolation_level=None)
        raw.execute("PRAGMA synchronous=FULL")
        notes.append(f"SQLite {sqlite3.sqlite_version}, {Path(target).stat().st_size / 1e9:.2f} GB")
    notes.append(f"register: {reg.count()} cases")
    keys = samples(raw, args.repeat + 3)
    executors = [u.id for u in reg.users("executor")]
    now = now_local()
    prefixes = [" ".join(k[2:4]).casefold()[: len(k[2]) + 3] for k in keys]
    q = {k: _q(raw, v) for k, v in RAW.items()}
    ops: list[tuple[str, Callable[[int], object], Callable[[int], object], float, str]] = [
        ("search by IIN", lambda i: reg.find(Filters(iin=keys[i][0])),
         lambda i: raw.execute(q["iin"], (keys[i][0],)).fetchall(), SEARCH_MS, "iin"),
        ("search by reg no", lambda i: reg.find(Filters(reg_no=keys[i][1])),
         lambda i: raw.execute(q["reg"], (keys[i][1],)).fetchall(), SEARCH_MS, "reg"),
        ("search by name prefix ('surname na')", lambda i: reg.find(Filters(name_prefix=prefixes[i])),
         lambda i: raw.execute(q["name"], (prefixes[i], prefixes[i] + "\U0010ffff")).fetchall(), SEARCH_MS, "name"),
        ("search by surname only", lambda i: reg.find(Filters(name_prefix=keys[i][2])),
         lambda i: raw.execute(q["name"], (keys[i][2].casefold(), keys[i][2].casefold() + "\U0010ffff")).fetchall(),
         SEARCH_MS, "name"),
        ("executor inbox, first 200", lambda i: reg.inbox("executor", executor_id=executors[i % 2], limit=200),
         lambda i: raw.execute(q["executor"], (executors[i % 2],)).fetchall(), INBOX_MS, "executor"),
        ("resolution inbox, first 200", lambda i: reg.inbox("resolution", limit=200),
         lambda i: raw.execute(q["resolution"]).fetchall(), INBOX_MS, "resolution"),
        ("overdue count", lambda i: reg.overdue_count(now),
         lambda i: raw.execute(q["overdue"], (_ts(now),)).fetchone(), SEARCH_MS, "overdue"),
    ]
    out: dict[str, tuple[float, float, float]] = {}
    for label, store, direct, limit, key in ops:
        out[label] = (median_ms(store, args.repeat), median_ms(direct, args.repeat), limit)
        if args.explain:
            params = {"iin": (keys[0][0],), "reg": (keys[0][1],), "name": (prefixes[0], prefixes[0] + "~"),
                      "executor": (executors[0],), "resolution": (), "overdue": (_ts(now),)}[key]
            explain = "EXPLAIN QUERY PLAN " if not server else "EXPLAIN "
            for row in raw.execute(explain + q[key], params):
                notes.append(f"plan ({key}): {row[-1]}")
    clerk = writer.user("clerk")
    serial = random.randrange(10000)

    def store_intake(i: int) -> None:
        writer.register_case(clerk, "S1", {"surname": "Бенчмарков", "name": "Ерлан", "iin":
                                           make_iin(dt.date(1980, 1, 2), "M", serial + i), "address": "Ақсу ауданы"},
                             documents=["application", "identity"])

    repeat = max(5, args.repeat // 2)
    intake = PG_INTAKE_MS if server else INTAKE_MS
    s_ms = median_ms(store_intake, repeat, warm=2)
    direct = raw_intake_pg if server else raw_intake
    d_ms = median_ms(lambda i: direct(raw, reg.office_number, clerk.id, serial + 500 + i), repeat, warm=2)
    out["durable intake"] = (s_ms, d_ms, intake)
    raw.close()
    if writer is not reg:
        writer.close()
    reg.close()
    out["4 desks at once (intakes/s)"] = (desks(target), 0.0, DESKS_PER_S)
    return out, notes


def _cluster() -> tuple[str, object]:
    """A throw-away cluster with the server's default (durable) settings, for --pg-cluster."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    import pg_cluster
    pg_cluster.SETTINGS = {k: v for k, v in pg_cluster.SETTINGS.items()
                           if k not in ("fsync", "synchronous_commit", "full_page_writes")}
    pg_cluster.SETTINGS.update(shared_buffers="512MB", max_wal_size="4GB")
    cluster = pg_cluster.Cluster().start()
    import psycopg
    for _ in range(100):
        try:
            with psycopg.connect(cluster.url(), autocommit=True) as conn:
                conn.execute("CREATE DATABASE kense_bench")
            break
        except psycopg.OperationalError:
            time.sleep(0.2)
    return cluster.url("kense_bench"), cluster


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", help="register to build or reuse: a file, or a postgresql:// URL (default: a"
                                     " temporary file)")
    parser.add_argument("--sqlite", help="with a PostgreSQL --db: the SQLite file to compare (built when missing)")
    parser.add_argument("--pg-cluster", action="store_true", help="start a durable throw-away cluster for the server")
    parser.add_argument("--server-only", action="store_true", help="with a PostgreSQL --db: the server alone")
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--explain", action="store_true", help="print the plan of each raw query")
    args = parser.parse_args()
    tmp = tempfile.TemporaryDirectory(prefix="kense-bench-")
    cluster = None
    targets: list[tuple[str, Path | str]] = []
    url = args.db if args.db and args.db.startswith("postgres") else None
    if args.pg_cluster:
        url, cluster = _cluster()
    if url and not args.server_only:
        targets.append(("SQLite", Path(args.sqlite) if args.sqlite else Path(tmp.name) / "bench.sqlite3"))
    if url:
        targets.append(("PostgreSQL", url))
    else:
        targets.append(("SQLite", Path(args.db) if args.db else Path(tmp.name) / "bench.sqlite3"))
    print(f"machine: {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}; Python {sys.version.split()[0]}")
    results = []
    try:
        for name, target in targets:
            got, notes = measure(target, args)
            results.append((name, got))
            for note in notes:
                print(f"{name}: {note}")
    finally:
        if cluster is not None:
            cluster.remove()
        tmp.cleanup()
    labels = list(results[0][1])
    head = "".join(f"{name + ' ms':>12}{'raw':>8}{'ratio':>7}  " for name, _ in results)
    print(f"\n{'operation':<38}{head}{'target':>9}  result")
    missed = 0
    for label in labels:
        line, verdicts = f"{label:<38}", []
        for name, got in results:
            s_ms, d_ms, limit = got[label]
            rate = label.startswith("4 desks")
            ok = s_ms >= limit if rate else s_ms <= limit
            verdicts.append(f"{name[:2]} {'PASS' if ok else 'MISS'}")
            missed += not ok
            line += f"{s_ms:>12.3f}{(d_ms or float('nan')):>8.3f}{(s_ms / d_ms if d_ms else float('nan')):>7.1f}  "
        limit = results[-1][1][label][2]
        line += f"{('≥ ' if label.startswith('4 desks') else '≤ ') + format(limit, 'g'):>9}  {', '.join(verdicts)}"
        print(line)
    print(f"\n{'all targets met' if not missed else f'{missed} target(s) missed'} (medians of {args.repeat};"
          f" intake median of {max(5, args.repeat // 2)}; SQLite's intake target {INTAKE_MS:g} ms, the server's"
          f" {PG_INTAKE_MS:g} ms)")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
