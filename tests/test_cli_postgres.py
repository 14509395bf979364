"""The ``kense`` command line on a PostgreSQL server (issue 9): real ``kense`` processes against the throw-away
cluster (tests/pg_cluster.py), as an office runs them: the register's owner is an ordinary role with CREATEROLE
(not a superuser) that owns its database, and every Kense user is a login role."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from psycopg import sql as pgsql

from desktop.core.iin import make_iin
from desktop.store import Register

pytestmark = pytest.mark.store
REPO = Path(__file__).resolve().parents[1]
IIN = make_iin(__import__("datetime").date(1985, 1, 2), "M", 31)


def kense(*argv: str, password: str | None = None, stdin: str | None = None, lang: str = "en"
          ) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "PGPASSWORD"}
    env.update(KENSE_LANG=lang, KENSE_HOME=os.environ.get("KENSE_HOME", "/tmp"))
    if password is not None:
        env["PGPASSWORD"] = password
    return subprocess.run([sys.executable, "-m", "desktop.cli", *argv], cwd=REPO, env=env, text=True,
                          input=stdin if stdin is not None else "", stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          timeout=600)


class Office:
    """An owner role (LOGIN CREATEROLE, password) and databases it owns, on the test cluster."""

    def __init__(self, server, owner: str) -> None:
        self.server, self.owner, self.password, self.databases = server, owner, "owner-secret", []
        with server.admin() as conn:
            conn.execute(pgsql.SQL("CREATE ROLE {} LOGIN CREATEROLE PASSWORD {}").format(
                pgsql.Identifier(owner), pgsql.Literal(self.password)))

    def database(self) -> str:
        name = self.server.create_database()
        with self.server.admin() as conn:
            conn.execute(pgsql.SQL("ALTER DATABASE {} OWNER TO {}").format(pgsql.Identifier(name),
                                                                          pgsql.Identifier(self.owner)))
        self.databases.append(name)
        return name

    def url(self, dbname: str, user: str | None = None, password: str | None = None) -> str:
        return self.server.url(dbname, user=user or self.owner, password=password)

    def drop(self) -> None:
        for name in self.databases:
            self.server.drop_database(name)
        with self.server.admin() as conn:
            conn.execute(pgsql.SQL("DROP ROLE IF EXISTS {}").format(pgsql.Identifier(self.owner)))


@pytest.fixture
def office(pg_server, request):
    made = Office(pg_server, f"owner_{os.getpid()}_{abs(hash(request.node.name)) % 10**6}")
    yield made
    made.drop()


def test_init_find_verify_as_the_owner_and_a_clerk_signs_in(office):
    db = office.database()
    url = office.url(db)
    done = kense("init", "--db", url, "--office", "3", "--admin-password", "admin-pass", password=office.password)
    assert done.returncode == 0, done.stderr
    assert "admin" in done.stdout and "owner-secret" not in done.stdout
    # the admin is a login role now: she signs in to the server with her own password
    with psycopg.connect(office.url(db, "admin", "admin-pass")) as conn:
        assert conn.execute("SELECT session_user").fetchone()[0] == "admin"
    with Register.open(office.url(db, "admin"), password="admin-pass") as reg:
        admin = reg.authenticate("admin", "admin-pass")
        reg.create_user(admin, "clerk", "Асқарова Гүлнар", ["clerk"], "clerk-pass")
    with Register.open(office.url(db, "clerk"), password="clerk-pass") as reg:
        clerk = reg.authenticate("clerk", "clerk-pass")
        case = reg.register_case(clerk, "S1", {"surname": "Ахметов", "name": "Ерлан", "iin": IIN,
                                               "address": "Бақанас ауылы"}, documents=["application", "identity"])
    found = kense("find", "--db", office.url(db, "clerk"), "--reg", case.reg_no, "--json", password="clerk-pass")
    assert found.returncode == 0 and case.reg_no in found.stdout, found.stderr
    verified = kense("verify", "--db", url, password=office.password)
    assert verified.returncode == 0 and "chain intact" in verified.stdout, verified.stderr
    # a second init is refused calmly and changes nothing
    again = kense("init", "--db", url, "--office", "5", "--admin-password", "other-pass", password=office.password)
    assert again.returncode == 2 and "Traceback" not in again.stderr


def test_init_without_a_terminal_asks_for_no_password_and_fails_calmly(office):
    db = office.database()
    no_admin = kense("init", "--db", office.url(db), "--office", "3", password=office.password, lang="kk")
    assert no_admin.returncode == 2 and "--admin-password" in no_admin.stderr and "Traceback" not in no_admin.stderr
    no_server_password = kense("init", "--db", office.url(db), "--office", "3", "--admin-password", "admin-pass")
    assert no_server_password.returncode == 2 and "Traceback" not in no_server_password.stderr
    assert "PGPASSWORD" in no_server_password.stderr
    with psycopg.connect(office.server.url(db)) as conn:  # nothing was created
        assert conn.execute("SELECT to_regnamespace('kense')").fetchone()[0] is None


def test_backup_is_a_pg_dump_and_verify_checks_it_restored_in_a_scratch_database(office, tmp_path):
    db = office.database()
    url = office.url(db)
    assert kense("init", "--db", url, "--office", "3", "--admin-password", "admin-pass",
                 password=office.password).returncode == 0
    with Register.open(office.url(db, "admin"), password="admin-pass") as reg:
        admin = reg.authenticate("admin", "admin-pass")
        reg.create_user(admin, "clerk2", "Асқарова Гүлнар", ["clerk"], "clerk-pass")
    out = tmp_path / "office.dump"
    done = kense("backup", "--db", url, "-o", str(out), password=office.password)
    assert done.returncode == 0, done.stderr
    assert out.read_bytes()[:5] == b"PGDMP" and not (tmp_path / "office.dump.part").exists()
    assert "kense verify --dump" in done.stdout
    again = kense("backup", "--db", url, "-o", str(out), password=office.password)
    assert again.returncode == 2 and "--force" in again.stderr
    scratch = office.database()
    checked = kense("verify", "--dump", str(out), "--db", office.url(scratch), password=office.password)
    assert checked.returncode == 0, checked.stderr
    assert "chain intact" in checked.stdout and "3 audit events" in checked.stdout  # init, login, user_create
    # a dump whose trail was altered is caught: edit one event in the scratch copy, dump it, check it again
    with psycopg.connect(office.url(scratch, password=office.password)) as conn:
        conn.execute("ALTER TABLE kense.events DISABLE TRIGGER USER")
        conn.execute("UPDATE kense.events SET details = '{\"user\":\"mallory\"}' WHERE id = 3")
        conn.execute("ALTER TABLE kense.events ENABLE TRIGGER USER")
    bad = tmp_path / "bad.dump"
    subprocess.run(["pg_dump" if _which("pg_dump") else _debian("pg_dump"), "-Fc", "-f", str(bad),
                    office.url(scratch, password=office.password)], check=True)
    second = office.database()
    broken = kense("verify", "--dump", str(bad), "--db", office.url(second), password=office.password)
    assert broken.returncode == 1 and "event 3" in broken.stderr
    # the scratch database must be empty: a register is never restored over
    refused = kense("verify", "--dump", str(out), "--db", url, password=office.password)
    assert refused.returncode == 2 and "not empty" in refused.stderr


def _which(name: str) -> str | None:
    import shutil
    return shutil.which(name)


def _debian(name: str) -> str:
    from desktop.store.engines.postgres import tool_path
    return tool_path(name)


def test_demo_on_the_server_as_the_owner_verifies_and_staff_sign_in(office):
    db = office.database()
    url = office.url(db)
    done = kense("demo", "--db", url, "--cases", "1500", password=office.password)
    assert done.returncode == 0, done.stderr
    assert kense("verify", "--db", url, password=office.password).returncode == 0
    with Register.open(office.url(db, "executor1"), password="executor1") as reg:
        executor = reg.authenticate("executor1", "executor1")
        assert reg.count() == 1500
        assert reg.inbox("executor", executor_id=executor.id, limit=5)
        new = reg.register_case  # the sequences were moved past the copied ids: a real intake follows
    with Register.open(office.url(db, "clerk"), password="clerk") as reg:
        clerk = reg.authenticate("clerk", "clerk")
        case = reg.register_case(clerk, "S1", {"surname": "Ахметов", "name": "Ерлан", "iin": IIN,
                                               "address": "Бақанас ауылы"}, documents=["application", "identity"])
        assert case.id == 1501
        assert reg.verify().ok
    assert new is not None
