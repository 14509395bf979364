"""Exactly once across a lost connection (issue 9). Every write may carry a client token; the token is stored in the
same transaction as the change, so a request asked again (after the server restarted, or the reply to its COMMIT
was lost) is applied once or not at all, never twice. The Register opens a new session by itself, with the URL
and password it was opened with. The last test stops and restarts the server in the middle of a run of intakes."""
from __future__ import annotations

import contextlib
import datetime as dt
import threading
import time
import uuid

import psycopg
import pytest

from desktop.core.errors import ValidationError
from desktop.store import Register
from desktop.store.engines import postgres
from desktop.store.engines.postgres import ConnectionLost
from kense_testdata import INTAKE_FIELDS, applicant
from store_flows import T0, add_staff, documents, intake, params_for
from store_flows import fast_passwords  # noqa: F401  (autouse: cheap password hashes)

pytestmark = pytest.mark.store
M = dt.timedelta(minutes=1)


def _token() -> str:
    return uuid.uuid4().hex


def _count(reg: Register, sql: str, params=()) -> int:
    return reg._one(sql, params)[0]


# ---------------------------------------------------------------- a request asked twice is applied once


def test_the_same_token_twice_registers_one_case_and_burns_no_number(register):
    staff = add_staff(register, register.user("admin"))
    token = _token()
    first = register.register_case(staff["clerk"], "S1", applicant(1), None, documents(register, "S1"), now=T0,
                                   request=token)
    again = register.register_case(staff["clerk"], "S1", applicant(1), None, documents(register, "S1"),
                                   now=T0 + M, request=token)
    assert again.reg_no == first.reg_no and again.id == first.id
    assert register.count() == 1 and _count(register, "SELECT count(*) FROM events WHERE action='register'") == 1
    assert _count(register, "SELECT count(*) FROM requests WHERE token=?", (token,)) == 1
    nxt = intake(register, "S1", serial=2, now=T0 + 2 * M)
    assert int(nxt.reg_no[-6:]) == int(first.reg_no[-6:]) + 1  # no number burnt by the repeat
    assert register.verify().ok


def test_the_same_token_twice_performs_once_and_logs_once(register):
    staff = add_staff(register, register.user("admin"))
    case = intake(register, "S1", now=T0)
    token = _token()
    done = register.perform(staff["head"], case.reg_no, "resolve", expected_version=1, request=token,
                            **params_for(register, "resolve", "S1"))
    # the retry carries the same (now stale) version: the token answers first, no conflict, nothing done again
    again = register.perform(staff["head"], case.reg_no, "resolve", expected_version=1, request=token,
                             **params_for(register, "resolve", "S1"))
    assert again == done and again.version == 2
    assert [h.action for h in register.history(case.id)] == ["register", "resolve"]
    printed = _token()
    for _ in range(2):
        register.log_event(staff["clerk"], case.reg_no, "print", {"kind": "receipt"}, request=printed)
    assert [h.action for h in register.history(case.id)] == ["register", "resolve", "print"]
    assert register.verify().ok


@pytest.mark.parametrize("bad", ["", "   ", "x" * 65, 12, b"token"])
def test_a_bad_token_is_bad_input_and_writes_nothing(register, bad):
    staff = add_staff(register, register.user("admin"))
    with pytest.raises(ValidationError):
        register.register_case(staff["clerk"], "S1", applicant(1), None, documents(register, "S1"), now=T0,
                               request=bad)
    assert register.count() == 0


# ---------------------------------------------------------------- a lost server (PostgreSQL)


def _cluster(pg_server):
    if pg_server.cluster is None:
        pytest.skip("KENSE_TEST_PG names a server these tests did not start, so they cannot restart it")
    return pg_server.cluster


def _start(cluster) -> None:
    """Start the stopped test cluster again (Cluster.start would make a new one)."""
    cluster._run(str(cluster.bin / "pg_ctl"), "-D", str(cluster.data), "-l", str(cluster.base / "server.log"),
                 "-w", "-t", "60", "start")


@pytest.fixture
def office(pg_server, pg_database):
    """A register on the test server, opened by the clerk with her own password (kept for reconnecting)."""
    with Register.open(pg_database, create=True) as owner:
        add_staff(owner, owner.initialise(3, "admin-pass", now=T0))
    dbname = psycopg.conninfo.conninfo_to_dict(pg_database)["dbname"]
    reg = Register.open(pg_server.url(dbname, user="clerk"), password="clerk-pw")
    yield reg
    reg.close()


def test_after_a_server_restart_the_register_reconnects_with_its_password(pg_server, office):
    cluster = _cluster(pg_server)
    clerk = office.user("clerk")
    first = intake(office, "S1", serial=1, now=T0, clerk=clerk)
    old = office._conn
    cluster.restart()
    assert office.count() == 1  # a read: asked again on a new session, as the clerk, with her password
    assert office._conn is not old and office.engine.session_user(office._conn) == "clerk"
    cluster.restart()
    second = intake(office, "S1", serial=2, now=T0 + M, clerk=clerk)  # a write: the lost session is replaced
    assert int(second.reg_no[-6:]) == int(first.reg_no[-6:]) + 1
    assert office.verify().ok


def test_while_the_server_is_down_the_calm_error_is_connection_lost(pg_server, office):
    cluster = _cluster(pg_server)
    clerk = office.user("clerk")
    cluster.stop()
    try:
        with pytest.raises(ConnectionLost) as caught:
            intake(office, "S1", now=T0, clerk=clerk)
        assert "байланыс жоқ" in caught.value.message("kk")
        with pytest.raises(ConnectionLost):
            office.count()
    finally:
        _start(cluster)
    assert intake(office, "S1", now=T0, clerk=clerk).reg_no.endswith("000001")


def test_a_session_killed_inside_the_transaction_commits_nothing_and_the_retry_commits_once(pg_server, office,
                                                                                           monkeypatch):
    clerk = office.user("clerk")
    pid = office._one("SELECT pg_backend_pid()")[0]
    real = Register._insert_case

    def killed_after_insert(self, conn, case):
        case_id = real(self, conn, case)
        with psycopg.connect(pg_server.superuser_url, autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
        return case_id
    monkeypatch.setattr(Register, "_insert_case", killed_after_insert)
    token = _token()
    with pytest.raises(ConnectionLost):
        office.register_case(clerk, "S1", applicant(1), None, documents(office, "S1"), now=T0, request=token)
    monkeypatch.setattr(Register, "_insert_case", real)
    assert office.count() == 0  # not committed: the number, the case and the token went with the session
    case = office.register_case(clerk, "S1", applicant(1), None, documents(office, "S1"), now=T0, request=token)
    assert case.reg_no.endswith("000001") and office.count() == 1


def test_a_commit_whose_answer_was_lost_is_not_done_again(office, monkeypatch):
    """The COMMIT reached the server but its reply did not reach the desk: the desk retries with the token."""
    clerk = office.user("clerk")
    real = postgres.PostgresEngine.__dict__["transaction"]

    @contextlib.contextmanager
    def reply_lost(conn):
        with postgres.write_transaction(conn) as inner:
            yield inner
        conn.raw.close()  # committed; the connection breaks before the desk hears so
        raise ConnectionLost(detail="server closed the connection unexpectedly")
    monkeypatch.setattr(postgres.PostgresEngine, "transaction", staticmethod(reply_lost))
    token = _token()
    with pytest.raises(ConnectionLost):
        office.register_case(clerk, "S1", applicant(1), None, documents(office, "S1"), now=T0, request=token)
    monkeypatch.setattr(postgres.PostgresEngine, "transaction", real)
    assert office.count() == 1  # it was committed
    case = office.register_case(clerk, "S1", applicant(1), None, documents(office, "S1"), now=T0, request=token)
    assert case.reg_no.endswith("000001") and office.count() == 1
    assert _count(office, "SELECT count(*) FROM events WHERE action='register'") == 1


def test_server_stopped_and_restarted_in_the_middle_of_a_run_of_intakes(pg_server, office):
    """60 intakes, each with its own token, retried on ConnectionLost; the server is stopped (and started again
    after two seconds) and later restarted while they run. Every intake that reported success is there exactly
    once, the numbers are gap-free and the audit chain verifies."""
    cluster = _cluster(pg_server)
    clerk = office.user("clerk")
    total, reached = 60, [threading.Event() for _ in range(2)]
    outages: list[str] = []

    def operator():
        reached[0].wait(120)
        cluster.stop()
        outages.append("stop")
        time.sleep(2)
        _start(cluster)
        reached[1].wait(120)
        cluster.restart()
        outages.append("restart")
    side = threading.Thread(target=operator)
    side.start()
    reported: dict[str, str] = {}
    lost = 0
    try:
        for i in range(total):
            if i == 15:
                reached[0].set()
            if i == 40:
                reached[1].set()
            token = _token()
            deadline = time.monotonic() + 90
            while True:
                try:
                    case = office.register_case(clerk, "S1", applicant(100 + i), INTAKE_FIELDS.get("S1"),
                                                documents(office, "S1"), now=T0 + i * M, request=token)
                    break
                except ConnectionLost:
                    lost += 1
                    assert time.monotonic() < deadline, "the server did not come back"
                    time.sleep(0.2)
            reported[token] = case.reg_no
            time.sleep(0.02)  # a counter's pace, so the outages fall between and inside intakes
    finally:
        reached[0].set()
        reached[1].set()
        side.join(180)
    assert outages == ["stop", "restart"] and lost >= 1  # the run really went through both outages
    numbers = [r[0] for r in office._all("SELECT reg_no FROM cases ORDER BY id")]
    assert sorted(reported.values()) == numbers and len(set(numbers)) == total
    assert [int(n[-6:]) for n in numbers] == list(range(1, total + 1))  # gap-free
    stored = dict(office._all("SELECT r.token, c.reg_no FROM requests r JOIN cases c ON c.id = r.case_id"))
    assert stored == reported  # each intake once, under its own token
    assert _count(office, "SELECT count(*) FROM events WHERE action='register'") == total
    assert office.verify().ok
