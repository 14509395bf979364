"""Live queues, the store's half: ``Register.watch()`` notices what another connection commits, on both engines.

SQLite: a second connection to the same file (another window or process on this machine), seen through
``PRAGMA data_version``. PostgreSQL: another desk's session, seen through LISTEN kense_changes (the server's triggers
send the notification at commit)."""
from __future__ import annotations

import threading
import time

import pytest

from desktop.store import Register
from desktop.store.errors import StoreError
from store_flows import T0, add_staff, applicant
from store_flows import fast_passwords  # noqa: F401  (autouse: cheap password hashes)

pytestmark = [pytest.mark.store]


@pytest.fixture
def office(register):
    """The register with its staff, and a second connection to it: the other desk."""
    staff = add_staff(register, register.user("admin"))
    other = Register.open(register.path)
    yield register, other, staff
    other.close()


def _intake(reg: Register, staff, serial: int):
    return reg.register_case(reg.user("clerk"), "S1", applicant(serial), None, ["application"], now=T0)


def test_a_commit_at_another_desk_wakes_the_watcher_within_a_second(office):
    reg, other, staff = office
    watcher = reg.watch()
    try:
        assert watcher.wait(0.2) is False  # nothing happened yet
        woke: list[tuple[bool, float]] = []
        waiter = threading.Thread(target=lambda: woke.append((watcher.wait(5.0), time.monotonic())))
        waiter.start()
        time.sleep(0.3)
        _intake(other, staff, 1)
        committed = time.monotonic()
        waiter.join(6)
        assert woke and woke[0][0] is True
        assert woke[0][1] - committed < 1.0  # woken by the commit, not by the timeout
        assert watcher.wait(0.3) is False  # the change was reported once
    finally:
        watcher.close()


def test_reads_wake_nobody_and_a_burst_of_commits_is_reported(office):
    reg, other, staff = office
    watcher = reg.watch()
    try:
        assert other.inbox_ids("resolution") == [] and other.users()
        assert watcher.wait(0.3) is False  # reading is not a change
        for serial in range(1, 6):
            _intake(other, staff, serial)
        assert watcher.wait(2.0) is True
        # the burst is reported at least once and then settles: no change is reported forever
        deadline = time.monotonic() + 3
        while watcher.wait(0.3):
            assert time.monotonic() < deadline
    finally:
        watcher.close()


def test_the_watchers_own_register_also_counts_as_another_connection(office):
    """The watcher has its own connection: the window's own commits (made on the register's connection) wake it
    too, so every desk refreshes after any commit, its own included."""
    reg, _other, staff = office
    watcher = reg.watch()
    try:
        _intake(reg, staff, 9)
        assert watcher.wait(2.0) is True
    finally:
        watcher.close()


def test_close_from_another_thread_ends_a_wait(office):
    reg, _other, _staff = office
    watcher = reg.watch()
    result: list[bool] = []
    waiter = threading.Thread(target=lambda: result.append(watcher.wait(5.0)))
    start = time.monotonic()
    waiter.start()
    time.sleep(0.2)
    watcher.close()
    waiter.join(6)
    assert not waiter.is_alive() and result == [False]
    assert time.monotonic() - start < 1.5  # not the 5 s of the timeout
    assert watcher.wait(0.1) is False  # a closed watcher answers, never raises


def test_a_watcher_on_a_missing_file_is_a_calm_error(tmp_path):
    from desktop.store.engines.sqlite import SqliteWatcher
    with pytest.raises(StoreError):
        SqliteWatcher(tmp_path / "nothing.sqlite3")
    assert not (tmp_path / "nothing.sqlite3").exists()


# ---------------------------------------------------------------- PostgreSQL: a desk's own login; a server restart

def _login_register(pg_server, url: str, username: str, password: str) -> Register:
    from psycopg.conninfo import conninfo_to_dict
    return Register.open(pg_server.url(conninfo_to_dict(url)["dbname"], user=username, password=password))


def test_postgres_a_clerks_own_session_watches_the_heads_commits(pg_server, pg_database):
    """On the server each desk connects as its user: a plain login role may LISTEN, and hears every desk."""
    with Register.open(pg_database, create=True) as reg:
        staff = add_staff(reg, reg.initialise(3, "admin-pass", now=T0))
        clerk_desk = _login_register(pg_server, pg_database, "clerk", "clerk-pw")
        head_desk = _login_register(pg_server, pg_database, "head", "head-pw")
        watcher = head_desk.watch()
        try:
            assert watcher.wait(0.2) is False
            _intake(clerk_desk, staff, 1)
            assert watcher.wait(2.0) is True
        finally:
            watcher.close()
            clerk_desk.close()
            head_desk.close()


def test_postgres_the_watcher_listens_again_after_a_server_restart(pg_server, pg_database):
    """While the server is away ``wait`` raises the calm ConnectionLost; the first wait that reaches it again
    answers True (changes may have been missed) and the watcher hears commits as before."""
    from desktop.store.engines.postgres import ConnectionLost
    with Register.open(pg_database, create=True) as reg:
        staff = add_staff(reg, reg.initialise(3, "admin-pass", now=T0))
    desk = Register.open(pg_database)
    watcher = desk.watch()
    try:
        pg_server.cluster.restart()
        outcomes = []
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                outcomes.append(watcher.wait(0.5))
            except ConnectionLost:
                outcomes.append("lost")
                time.sleep(0.2)
                continue
            if outcomes[-1] is True:
                break
        assert outcomes[0] == "lost" and outcomes[-1] is True, outcomes
        assert watcher.wait(0.2) is False
        with Register.open(pg_database) as again:
            _intake(again, staff, 2)
        assert watcher.wait(2.0) is True
    finally:
        watcher.close()
        desk.close()
