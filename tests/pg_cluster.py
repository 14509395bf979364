"""A throw-away PostgreSQL cluster for the tests: initdb in a temporary folder, loopback and a unix socket, stopped
and removed at the end. Debian's ``postgresql`` package provides the server (tools/bootstrap.sh installs it).

``KENSE_TEST_PG`` may name a superuser URL of a server that is already running; otherwise a cluster is made.
A missing server is an error, never a skipped test.

Authentication is as in an office: every Kense user logs in with a password (SCRAM-SHA-256), over TCP or the
socket; only the ``postgres`` superuser the tests use to create and drop databases is trusted, from this machine.
"""
from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import psycopg
from psycopg import sql as pgsql

SETTINGS = {
    "listen_addresses": "'127.0.0.1'", "max_connections": "200", "shared_buffers": "128MB",
    # the tests' cluster trades durability for speed; the benchmark runs with the server's defaults
    "fsync": "off", "synchronous_commit": "off", "full_page_writes": "off",
    "password_encryption": "'scram-sha-256'",
}
HBA = """\
local   all  postgres                 trust
host    all  postgres  127.0.0.1/32   trust
local   all  all                      scram-sha-256
host    all  all       127.0.0.1/32   scram-sha-256
host    all  all       ::1/128        scram-sha-256
"""


def server_bin() -> Path:
    """The folder of Debian's PostgreSQL server programs (the newest installed), or of initdb on PATH."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[4]))
    if found:
        return Path(found[-1]).parent
    which = shutil.which("initdb")
    if which:
        return Path(which).resolve().parent
    raise RuntimeError("no PostgreSQL server here: install Debian's 'postgresql' package (tools/bootstrap.sh test "
                       "does it) or set KENSE_TEST_PG to a superuser URL")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    """initdb + pg_ctl under the ``postgres`` system account when run as root (initdb refuses root)."""

    def __init__(self) -> None:
        self.bin = server_bin()
        self.base = Path(tempfile.mkdtemp(prefix="kpg"))  # short: a unix socket path has ~100 bytes
        self.data = self.base / "data"
        self.port = free_port()
        self.host = "127.0.0.1"
        self._as: list[str] = []
        if os.geteuid() == 0:
            account = "postgres" if _exists("postgres") else "nobody"
            shutil.chown(self.base, account, account)
            self._as = ["runuser", "-u", account, "--"]

    def _run(self, *args: str) -> None:
        subprocess.run([*self._as, *args], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def start(self) -> Cluster:
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8",
                  "--auth-local=trust", "--auth-host=trust")
        conf = "".join(f"{k} = {v}\n" for k, v in {**SETTINGS, "port": str(self.port),
                                                  "unix_socket_directories": f"'{self.base}'"}.items())
        self._write(self.data / "postgresql.auto.conf", conf)
        self._write(self.data / "pg_hba.conf", HBA)
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.base / "server.log"), "-w", "-t",
                  "60", "start")
        return self

    def _write(self, path: Path, text: str) -> None:
        subprocess.run([*self._as, "sh", "-c", f"cat > '{path}'"], input=text.encode(), check=True)

    def stop(self, mode: str = "fast") -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop")

    def restart(self) -> None:
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.base / "server.log"), "-w",
                  "-t", "60", "-m", "fast", "restart")

    def remove(self) -> None:
        self.stop("immediate")
        shutil.rmtree(self.base, ignore_errors=True)

    def url(self, dbname: str = "postgres", user: str = "postgres") -> str:
        return f"postgresql://{user}@{self.host}:{self.port}/{dbname}"


def _exists(account: str) -> bool:
    try:
        pwd.getpwnam(account)
        return True
    except KeyError:
        return False


class Server:
    """Databases for tests on one server: each test its own database, its users dropped after it."""

    def __init__(self, superuser_url: str, cluster: Cluster | None = None) -> None:
        self.superuser_url = superuser_url
        self.cluster = cluster
        self._n = 0
        self._prefix = f"kt{os.getpid()}_"

    def admin(self) -> psycopg.Connection:
        return psycopg.connect(self.superuser_url, autocommit=True)

    def url(self, dbname: str, user: str | None = None, password: str | None = None) -> str:
        base = psycopg.conninfo.conninfo_to_dict(self.superuser_url)
        base["dbname"] = dbname
        if user is not None:
            base["user"] = user
        host, port = base.get("host", "127.0.0.1"), base.get("port", "5432")
        auth = base["user"] + (f":{password}" if password else "")
        return f"postgresql://{auth}@{host}:{port}/{dbname}"

    def create_database(self) -> str:
        self._n += 1
        name = f"{self._prefix}{self._n}"
        with self.admin() as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return name

    def drop_database(self, name: str) -> None:
        """Drop the database and the Kense login roles (roles are the cluster's, not the database's)."""
        with self.admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            drop_kense_logins(conn)


def drop_kense_logins(conn: psycopg.Connection) -> None:
    rows = conn.execute("SELECT DISTINCT r.rolname FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.member"
                        " JOIN pg_roles g ON g.oid = m.roleid WHERE g.rolname = 'kense_staff'").fetchall()
    for (name,) in rows:
        conn.execute(pgsql.SQL("DROP ROLE IF EXISTS {}").format(pgsql.Identifier(name)))


@contextlib.contextmanager
def server() -> Iterator[Server]:
    url = os.environ.get("KENSE_TEST_PG")
    if url:
        yield Server(url)
        return
    cluster = Cluster().start()
    deadline = time.monotonic() + 30
    while True:
        try:
            psycopg.connect(cluster.url(), connect_timeout=3).close()
            break
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)
    try:
        yield Server(cluster.url(), cluster)
    finally:
        cluster.remove()
