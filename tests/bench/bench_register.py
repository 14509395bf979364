"""Speed of the register on a 1 000 000-case demo office (issue 2, "Speed"). A script, not a test:

    python tests/bench/bench_register.py [--db PATH] [--cases 1000000] [--repeat 50] [--explain]

It builds the demo register with ``kense demo`` (timed; or reuses ``--db`` when it already holds enough cases),
then times each operation through the store's API and the same query in raw sqlite3 on the same file, and
prints: operation, store ms (median of N), raw ms, ratio, target, PASS/MISS. The intake is durable
(synchronous=FULL, one fsync per case) and adds real cases to the file.
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
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop.core.iin import make_iin  # noqa: E402
from desktop.store import Filters, Register, audit, now_local  # noqa: E402
from desktop.store.register import _SUMMARY_COLUMNS, _ts, name_key  # noqa: E402
from desktop.store.schema import OPEN_STAGES_SQL  # noqa: E402

SEARCH_MS, INBOX_MS, INTAKE_MS = 5.0, 20.0, 10.0
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


def build(path: Path, cases: int) -> float | None:
    """Make the demo register with the real command; returns seconds, or None when it is reused."""
    if path.exists():
        with Register.open(path, check=False) as reg:
            if reg.count() >= cases:
                return None
        raise SystemExit(f"{path} holds fewer than {cases} cases; give another --db or remove it")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "desktop.cli", "demo", "--db", str(path), "--cases", str(cases)],
                   check=True, cwd=Path(__file__).resolve().parents[2])
    return time.perf_counter() - start


def samples(raw: sqlite3.Connection, n: int, seed: int = 11) -> list[tuple[str, str, str, str]]:
    top = raw.execute("SELECT max(id) FROM cases").fetchone()[0]
    r, out = random.Random(seed), []
    while len(out) < n:
        row = raw.execute("SELECT iin, reg_no, surname, name FROM cases WHERE id = ?", (r.randint(1, top),)).fetchone()
        if row:
            out.append(row)
    return out


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
    audit.append(conn, case_id=case_id, at=_ts(now), actor_id=clerk_id, actor="clerk", action="register",
                 from_stage=None, to_stage="awaiting_resolution", details={"reg_no": reg_no})
    conn.execute("COMMIT")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", help="register file to build or reuse (default: a temporary file)")
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--explain", action="store_true", help="print EXPLAIN QUERY PLAN of each raw query")
    args = parser.parse_args()
    tmp = None if args.db else tempfile.TemporaryDirectory(prefix="kense-bench-")
    path = Path(args.db) if args.db else Path(tmp.name) / "bench.sqlite3"
    print(f"machine: {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}; SQLite {sqlite3.sqlite_version};"
          f" Python {sys.version.split()[0]}")
    seconds = build(path, args.cases)
    print(f"demo load: {'reused ' + str(path) if seconds is None else f'{args.cases} cases in {seconds:.1f} s'}")
    reg = Register.open(path)
    raw = sqlite3.connect(str(path), isolation_level=None)
    raw.execute("PRAGMA synchronous=FULL")
    print(f"register: {reg.count()} cases, {path.stat().st_size / 1e9:.2f} GB")
    keys = samples(raw, args.repeat + 3)
    executors = [u.id for u in reg.users("executor")]
    now = now_local()
    prefixes = [" ".join(k[2:4]).casefold()[: len(k[2]) + 3] for k in keys]
    rows: list[tuple[str, Callable[[int], object], Callable[[int], object], float, str]] = [
        ("search by IIN", lambda i: reg.find(Filters(iin=keys[i][0])),
         lambda i: raw.execute(RAW["iin"], (keys[i][0],)).fetchall(), SEARCH_MS, "iin"),
        ("search by reg no", lambda i: reg.find(Filters(reg_no=keys[i][1])),
         lambda i: raw.execute(RAW["reg"], (keys[i][1],)).fetchall(), SEARCH_MS, "reg"),
        ("search by name prefix ('surname na')", lambda i: reg.find(Filters(name_prefix=prefixes[i])),
         lambda i: raw.execute(RAW["name"], (prefixes[i], prefixes[i] + "\U0010ffff")).fetchall(), SEARCH_MS, "name"),
        ("search by surname only", lambda i: reg.find(Filters(name_prefix=keys[i][2])),
         lambda i: raw.execute(RAW["name"], (keys[i][2].casefold(), keys[i][2].casefold() + "\U0010ffff")).fetchall(),
         SEARCH_MS, "name"),
        ("executor inbox, first 200", lambda i: reg.inbox("executor", executor_id=executors[i % 2], limit=200),
         lambda i: raw.execute(RAW["executor"], (executors[i % 2],)).fetchall(), INBOX_MS, "executor"),
        ("resolution inbox, first 200", lambda i: reg.inbox("resolution", limit=200),
         lambda i: raw.execute(RAW["resolution"]).fetchall(), INBOX_MS, "resolution"),
        ("overdue count", lambda i: reg.overdue_count(now),
         lambda i: raw.execute(RAW["overdue"], (_ts(now),)).fetchone(), SEARCH_MS, "overdue"),
    ]
    print(f"\n{'operation':<38}{'store ms':>10}{'raw ms':>9}{'ratio':>7}{'target':>9}  result")
    missed = 0
    for label, store, direct, target, key in rows:
        s, d = median_ms(store, args.repeat), median_ms(direct, args.repeat)
        missed += s > target
        print(f"{label:<38}{s:>10.3f}{d:>9.3f}{s / d:>7.1f}{'≤ ' + format(target, 'g'):>9}  "
              f"{'PASS' if s <= target else 'MISS'}")
        if args.explain:
            params = {"iin": (keys[0][0],), "reg": (keys[0][1],), "name": (prefixes[0], prefixes[0] + "~"),
                      "executor": (executors[0],), "resolution": (), "overdue": (_ts(now),)}[key]
            for *_, detail in raw.execute("EXPLAIN QUERY PLAN " + RAW[key], params):
                print(f"    plan: {detail}")
    clerk = reg.user("clerk")
    serial = random.randrange(10000)

    def store_intake(i: int) -> None:
        reg.register_case(clerk, "S1", {"surname": "Бенчмарков", "name": "Ерлан", "iin":
                                        make_iin(dt.date(1980, 1, 2), "M", serial + i), "address": "Ақсу ауданы"},
                          documents=["application", "identity"])

    repeat = max(5, args.repeat // 2)
    s = median_ms(store_intake, repeat, warm=2)
    d = median_ms(lambda i: raw_intake(raw, reg.office_number, clerk.id, serial + 500 + i), repeat, warm=2)
    missed += s > INTAKE_MS
    print(f"{'durable intake (synchronous=FULL)':<38}{s:>10.3f}{d:>9.3f}{s / d:>7.1f}{'≤ ' + format(INTAKE_MS, 'g'):>9}  "
          f"{'PASS' if s <= INTAKE_MS else 'MISS'}")
    report = reg.verify() if reg.count() < 50_000 else None
    if report is not None and not report.ok:
        print(f"VERIFY FAILED: {report.problem}")
        missed += 1
    raw.close()
    reg.close()
    if tmp:
        tmp.cleanup()
    print(f"\n{'all targets met' if not missed else f'{missed} target(s) missed'} (medians of {args.repeat}; "
          f"intake median of {repeat})")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
