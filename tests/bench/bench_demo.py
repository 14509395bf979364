"""Speed of the demo load (issue 2: "1 000 000 cases in under 3 minutes here"). A script, not a test:

    python tests/bench/bench_demo.py [--cases 1000000] [--repeat 1] [--db PATH] [--verify]

Each round loads a new register through ``load_demo`` (what ``kense demo`` runs) and prints: the whole load,
the simulate-and-write phase (until the progress callback reports the last case), the tail after it (index
rebuild, registries, statistics, commit, WAL checkpoint), microseconds per case, CPU seconds of the writing
process and of its workers, and the goal. ``--verify`` also runs the register's integrity and audit-chain check
(not counted).
"""
from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop.store import Register, demo  # noqa: E402

GOAL_S = 180.0


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def one_load(path: Path, cases: int, verify: bool) -> dict[str, float]:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    marks: dict[str, float] = {}

    def progress(done: int, total: int) -> None:
        if done == total:
            marks["written"] = time.perf_counter()

    own, children = _cpu(resource.RUSAGE_SELF), _cpu(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    with Register.open(path, create=True) as reg:
        demo.load_demo(reg, cases=cases, progress=progress)
        end = time.perf_counter()
        ok = reg.verify().ok if verify else None
    return {"total": end - start, "phase": marks["written"] - start, "tail": end - marks["written"],
            "writer_cpu": _cpu(resource.RUSAGE_SELF) - own, "workers_cpu": _cpu(resource.RUSAGE_CHILDREN) - children,
            "verified": ok}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--db", type=Path, help="register file to (re)create (default: a temporary one)")
    parser.add_argument("--verify", action="store_true")
    args = parser.parse_args()
    folder = None if args.db else tempfile.TemporaryDirectory(prefix="kense-bench-demo-")
    path = args.db or Path(folder.name) / "demo.sqlite3"
    print(f"demo load of {args.cases:,} cases on {os.cpu_count()} cores ({path})".replace(",", " "))
    print(f"{'round':>5} {'total s':>8} {'phase s':>8} {'tail s':>7} {'µs/case':>8} {'writer cpu':>10} "
          f"{'workers cpu':>11}  verdict")
    totals = []
    for round_no in range(1, args.repeat + 1):
        got = one_load(path, args.cases, args.verify)
        totals.append(got["total"])
        verdict = ("PASS" if got["total"] <= GOAL_S else "MISS") if args.cases == 1_000_000 else "-"
        checked = "" if got["verified"] is None else f", verify {'ok' if got['verified'] else 'FAILED'}"
        print(f"{round_no:>5} {got['total']:>8.1f} {got['phase']:>8.1f} {got['tail']:>7.1f} "
              f"{1e6 * got['total'] / args.cases:>8.0f} {got['writer_cpu']:>10.1f} {got['workers_cpu']:>11.1f}  "
              f"{verdict} (goal: 1 000 000 in {GOAL_S:.0f} s{checked})")
    if folder:
        folder.cleanup()
    return 0 if args.cases != 1_000_000 or max(totals) <= GOAL_S else 1


if __name__ == "__main__":
    sys.exit(main())
