"""Process-level safety, on both engines: intakes killed with SIGKILL at random moments — and one killed while
its transaction is open — lose nothing that was committed and leave nothing half-written, and four processes
registering at once get unique, gap-free numbers with an audit chain that verifies.

The children are real processes, each a desk of its own clerk: on SQLite they open the file; on PostgreSQL each
connects by URL as its own login role with its own password (clerk1..clerk4), so the server checks and records
that user, as it would for four workstations."""
from __future__ import annotations

import dataclasses
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import psycopg
import pytest

from both_engines import raw
from desktop.store import Register
from store_flows import T0, applicant, snapshot
from store_flows import fast_passwords  # noqa: F401  (autouse: cheap password hashes)

pytestmark = [pytest.mark.store, pytest.mark.slow]
REPO = Path(__file__).resolve().parents[2]
CLERKS = (("clerk1", "Асқарова Гүлнар"), ("clerk2", "Сейітова Әлия"), ("clerk3", "Бекова Жанар"),
          ("clerk4", "Тоқтаров Асқар"))

CHILD = textwrap.dedent('''
    import datetime as dt, sys
    from desktop.core.iin import make_iin
    from desktop.store import Register, audit

    target, username, tag, count, go = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
    if go == "hang":  # stop inside the intake's transaction, after the case, the counter and the event are written
        import time
        written = audit.append
        def append_and_hang(conn, **event):
            written(conn, **event)
            print("IN_TX", event["details"]["reg_no"], flush=True)
            time.sleep(600)
        audit.append = append_and_hang
    reg = Register.open(target, interactive=False)
    clerk = reg.user(username)
    print("READY", flush=True)
    import glob, os, time
    if go not in ("-", "hang"):  # wait for the starting gun, so that all writers really overlap
        while not os.path.exists(go):
            time.sleep(0.005)
    now = dt.datetime(2026, 3, 2, 10, 0)
    for i in range(count):
        person = {"surname": "Ахметов", "name": "Ерлан", "iin": make_iin(dt.date(1980, 1, 1), "M", tag * 1000 + i),
                  "address": "Бақанас ауылы"}
        case = reg.register_case(clerk, "S1", person, None, ["application"], now=now)
        print(case.reg_no, flush=True)
        if go not in ("-", "hang") and i == 0:  # a barrier: nobody goes on until all four have written once
            open(f"{go}.{tag}", "w").close()
            while len(glob.glob(go + ".*")) < 4:
                time.sleep(0.005)
    reg.close()
    print("DONE", flush=True)
''')


@dataclasses.dataclass
class Office:
    engine: str
    target: Path | str  # what the test opens: the file, or the superuser's URL
    folder: Path
    desks: dict[str, str]  # clerk -> what her process opens: the file, or a URL with her user name and password

    def spawn(self, clerk: str, tag: int, count: int, go: str = "-") -> subprocess.Popen:
        return subprocess.Popen([sys.executable, str(self.folder / "child.py"), self.desks[clerk], clerk, str(tag),
                                 str(count), go], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO)


@pytest.fixture
def office(engine, tmp_path, request) -> Office:
    if engine == "postgresql":
        server = request.getfixturevalue("pg_server")
        target = request.getfixturevalue("pg_database")
        dbname = psycopg.conninfo.conninfo_to_dict(target)["dbname"]
        desks = {name: server.url(dbname, user=name, password=name + "-pw") for name, _ in CLERKS}
    else:
        target = tmp_path / "office.sqlite3"
        desks = {name: str(target) for name, _ in CLERKS}
    with Register.open(target, create=True) as reg:
        admin = reg.initialise(3, "admin-pass", now=T0)
        for name, full_name in CLERKS:
            reg.create_user(admin, name, full_name, ["clerk"], name + "-pw")
    (tmp_path / "child.py").write_text(CHILD, encoding="utf-8")
    return Office(engine, target, tmp_path, desks)


def _numbers(office: Office) -> list[int]:
    with raw(office.target) as db:
        return [int(r[0][7:]) for r in db.all("SELECT reg_no FROM cases ORDER BY id")]


def _intact(office: Office) -> None:
    """The storage itself is whole: SQLite's integrity check; on PostgreSQL no session of a killed client is left
    (the server noticed each closed connection, rolled its transaction back and released the write lock)."""
    with raw(office.target) as db:
        if office.engine == "sqlite":
            assert db.one("PRAGMA integrity_check")[0] == "ok"
            return
        deadline = time.monotonic() + 20
        while True:
            left = db.all("SELECT usename, state FROM pg_stat_activity WHERE datname = current_database()"
                          " AND pid <> pg_backend_pid() AND usename LIKE 'clerk%'")
            locks = db.one("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND database ="
                           " (SELECT oid FROM pg_database WHERE datname = current_database())")[0]
            if not left and not locks:
                return
            assert time.monotonic() < deadline, (left, locks)
            time.sleep(0.1)


def test_sigkill_during_intakes_loses_no_committed_case(office):
    rng = random.Random(349)
    printed: list[str] = []
    killed_mid_run = 0
    rounds = 15
    for round_no in range(rounds):
        child = office.spawn(CLERKS[round_no % 4][0], round_no, 100_000)
        assert child.stdout.readline().strip() == "READY", child.stderr.read()
        printed.append(child.stdout.readline().strip())  # the first intake is in: the loop is running now
        time.sleep(rng.uniform(0.0, 0.3))
        child.send_signal(signal.SIGKILL)
        out, _err = child.communicate(timeout=30)
        assert child.returncode == -signal.SIGKILL
        lines = [line for line in out.splitlines() if line.startswith("K")]
        killed_mid_run += "DONE" not in out
        printed += lines
    assert killed_mid_run == rounds and len(printed) > rounds  # every kill landed while intakes were running

    _intact(office)
    with Register.open(office.target) as reg:  # SQLite: quick_check at open, WAL recovered
        stored = {c.reg_no for c in reg.find(limit=1_000_000)}
        assert set(printed) <= stored, sorted(set(printed) - stored)[:5]
        assert len(printed) == len(set(printed))
        numbers = _numbers(office)
        assert sorted(numbers) == list(range(1, len(numbers) + 1))  # unique and without gaps
        report = reg.verify()
        assert report.ok and report.events == 1 + 4 + len(numbers)  # no event without its case, nor the reverse
        # the register is still usable and the counter continues after the last committed case
        case = reg.register_case(reg.user("clerk1"), "S1", applicant(77), None, None, now=T0)
        assert int(case.reg_no[7:]) == len(numbers) + 1


def test_sigkill_inside_the_transaction_leaves_nothing_half_written(office):
    """The child stops inside an intake's transaction after the case row, the counter and the audit event are
    written, and is killed there: the register is exactly as before, readers never saw the half-done intake,
    and the next intake takes the very number the dead one had drawn."""
    first = office.spawn("clerk2", 1, 3)
    out, err = first.communicate(timeout=60)
    assert first.returncode == 0, err
    before = snapshot(office.target)
    child = office.spawn("clerk3", 2, 1, "hang")
    assert child.stdout.readline().strip() == "READY", child.stderr.read()
    line = child.stdout.readline().split()
    assert line[0] == "IN_TX", (line, child.stderr.read() if child.poll() is not None else "")
    drawn = line[1]
    assert drawn == "K032026000004"
    # meanwhile the stored register is still the one before: nobody sees the open transaction's writes
    assert snapshot(office.target) == before
    child.send_signal(signal.SIGKILL)
    child.communicate(timeout=30)
    assert child.returncode == -signal.SIGKILL

    _intact(office)
    assert snapshot(office.target) == before
    with Register.open(office.target) as reg:
        assert reg.verify().ok and reg.count() == 3
        case = reg.register_case(reg.user("clerk4"), "S1", applicant(78), None, None, now=T0)
        assert case.reg_no == drawn and reg.verify().ok


def test_four_processes_register_at_once(office):
    """Four desks × 250 intakes at once: 1000 unique, gap-free numbers, each case and event by its own clerk,
    the chain verifies."""
    per_desk = 250
    go = office.folder / "go"
    children = [office.spawn(name, tag, per_desk, str(go)) for tag, (name, _) in enumerate(CLERKS, 1)]
    for child in children:
        assert child.stdout.readline().strip() == "READY", child.stderr.read()
    go.touch()
    outputs = []
    for child in children:
        out, err = child.communicate(timeout=600)
        assert child.returncode == 0, err
        assert out.splitlines()[-1] == "DONE"
        outputs.append([line for line in out.splitlines() if line.startswith("K")])
    total = 4 * per_desk
    every = [n for out in outputs for n in out]
    assert all(len(out) == per_desk for out in outputs)
    assert len(set(every)) == total
    numbers = _numbers(office)
    assert len(numbers) == total and sorted(numbers) == list(range(1, total + 1))
    assert set(every) == {f"K032026{n:06d}" for n in range(1, total + 1)}
    # the writers really overlapped: each wrote one case, then waited for the others (a barrier), so the first
    # four numbers went to four different processes while all of them still had intakes to do
    assert sorted(int(out[0][7:]) for out in outputs) == [1, 2, 3, 4]
    _intact(office)
    with raw(office.target) as db:  # each case and its event were written by the clerk whose process made it
        rows = db.all("SELECT c.reg_no, u.username, e.actor FROM cases c JOIN users u ON u.id = c.registered_by"
                      " JOIN events e ON e.case_id = c.id AND e.action = 'register'")
    made_by = {reg_no: name for (name, _), out in zip(CLERKS, outputs) for reg_no in out}
    assert len(rows) == total and all(made_by[reg_no] == user == actor for reg_no, user, actor in rows)
    with Register.open(office.target) as reg:
        report = reg.verify()
        assert report.ok and report.events == 1 + 4 + total  # init, four staff accounts, the intakes
        assert reg.count() == total
