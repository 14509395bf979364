"""Process-level safety: intakes killed with SIGKILL at random moments lose nothing that was committed, and four
processes registering at once on one file get unique, gap-free numbers."""
from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from desktop.store import Register
from store_flows import T0, add_staff, applicant
from store_flows import fast_passwords  # noqa: F401  (autouse: cheap password hashes)

pytestmark = [pytest.mark.store, pytest.mark.slow]
REPO = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent('''
    import datetime as dt, sys
    from desktop.core.iin import make_iin
    from desktop.store import Register

    path, tag, count, go = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    reg = Register.open(path)
    clerk = reg.user("clerk")
    print("READY", flush=True)
    import glob, os, time
    if go != "-":  # wait for the starting gun, so that all writers really overlap
        while not os.path.exists(go):
            time.sleep(0.005)
    now = dt.datetime(2026, 3, 2, 10, 0)
    for i in range(count):
        person = {"surname": "Ахметов", "name": "Ерлан", "iin": make_iin(dt.date(1980, 1, 1), "M", tag * 1000 + i),
                  "address": "Бақанас ауылы"}
        case = reg.register_case(clerk, "S1", person, None, ["application"], now=now)
        print(case.reg_no, flush=True)
        if go != "-" and i == 0:  # a barrier: nobody goes on until all four have written once
            open(f"{go}.{tag}", "w").close()
            while len(glob.glob(go + ".*")) < 4:
                time.sleep(0.005)
    reg.close()
    print("DONE", flush=True)
''')


@pytest.fixture
def office(tmp_path) -> Path:
    path = tmp_path / "office.sqlite3"
    with Register.open(path, create=True) as reg:
        add_staff(reg, reg.initialise(3, "admin-pass", now=T0))
    (tmp_path / "child.py").write_text(CHILD, encoding="utf-8")
    return path


def _spawn(folder: Path, path: Path, tag: int, count: int, go: str = "-") -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(folder / "child.py"), str(path), str(tag), str(count), go],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO)


def _numbers(path: Path) -> list[int]:
    conn = sqlite3.connect(path)
    try:
        return [int(r[0][7:]) for r in conn.execute("SELECT reg_no FROM cases ORDER BY id")]
    finally:
        conn.close()


def _integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def test_sigkill_during_intakes_loses_no_committed_case(office):
    rng = random.Random(349)
    printed: list[str] = []
    killed_mid_run = 0
    for round_no in range(15):
        child = _spawn(office.parent, office, round_no, 100_000)
        assert child.stdout.readline().strip() == "READY", child.stderr.read()
        printed.append(child.stdout.readline().strip())  # the first intake is in: the loop is running now
        time.sleep(rng.uniform(0.0, 0.3))
        child.send_signal(signal.SIGKILL)
        out, _err = child.communicate(timeout=30)
        assert child.returncode == -signal.SIGKILL
        lines = [line for line in out.splitlines() if line.startswith("K")]
        killed_mid_run += "DONE" not in out
        printed += lines
    assert killed_mid_run == 15 and len(printed) > 15  # every kill landed while intakes were running

    assert _integrity(office) == "ok"
    with Register.open(office) as reg:  # quick_check at open, WAL recovered
        stored = {c.reg_no for c in reg.find(limit=1_000_000)}
        assert set(printed) <= stored, sorted(set(printed) - stored)[:5]
        assert len(printed) == len(set(printed))
        numbers = _numbers(office)
        assert sorted(numbers) == list(range(1, len(numbers) + 1))  # unique and without gaps
        assert reg.verify().ok
        # the register is still usable and the counter continues after the last committed case
        case = reg.register_case(reg.user("clerk"), "S1", applicant(77), None, None, now=T0)
        assert int(case.reg_no[7:]) == len(numbers) + 1


def test_four_processes_register_at_once(office, tmp_path):
    go = tmp_path / "go"
    children = [_spawn(tmp_path, office, tag, 50, str(go)) for tag in range(1, 5)]
    for child in children:
        assert child.stdout.readline().strip() == "READY"
    go.touch()
    outputs = []
    for child in children:
        out, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
        assert out.splitlines()[-1] == "DONE"
        outputs.append([line for line in out.splitlines() if line.startswith("K")])
    every = [n for out in outputs for n in out]
    assert all(len(out) == 50 for out in outputs)
    assert len(set(every)) == 200
    numbers = _numbers(office)
    assert len(numbers) == 200 and sorted(numbers) == list(range(1, 201))
    assert set(every) == {f"K032026{n:06d}" for n in range(1, 201)}
    # the writers really overlapped: each wrote one case, then waited for the others (a barrier), so the first
    # four numbers went to four different processes while all of them had 49 intakes still to do
    assert sorted(int(out[0][7:]) for out in outputs) == [1, 2, 3, 4]
    assert _integrity(office) == "ok"
    with Register.open(office) as reg:
        report = reg.verify()
        assert report.ok and report.events == 1 + 4 + 200  # init, four staff accounts, 200 intakes
        assert reg.count() == 200
