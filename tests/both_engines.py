"""Both engines for the store's tests (tests/store/conftest.py runs them on a SQLite file, then on a database of
the throw-away PostgreSQL cluster, tests/pg_cluster.py):

- ``open_engine_register``: a new initialised register on either engine;
- ``raw``: a plain connection of the engine's own driver, beside the register's, to see what is really stored
  (or, for the audit tests, to play an insider who edits the tables behind Kense's back). It speaks the store's
  ``?`` SQL and returns rows as tuples (``all``/``one``) or dicts (``dicts``/``dict``).

A register's ``path`` is the SQLite file, or on PostgreSQL the URL without password — in the tests the cluster's
trusted superuser, who may also read the cluster's login roles (``logins``): on PostgreSQL a Kense account is a
role, so "nothing was written" covers the roles too.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psycopg

from desktop.store import Register
from desktop.store.engines import is_postgres

SCHEMA = "kense"


def open_engine_register(engine: str, tmp_path, request) -> Register:
    """A new initialised register on ``engine`` ('sqlite' or 'postgresql')."""
    if engine == "postgresql":
        url = request.getfixturevalue("pg_database")
        reg = Register.open(url, create=True)
    else:
        reg = Register.open(tmp_path / "register.sqlite3", create=True)
    reg.initialise(3, "admin-pass")
    return reg


def engine_of(target: Path | str) -> str:
    return "postgresql" if is_postgres(target) else "sqlite"


class Raw:
    """One plain connection to a register, read-only unless opened with ``write=True``."""

    def __init__(self, target: Path | str, write: bool = False) -> None:
        self.target = target
        self.engine = engine_of(target)
        if self.engine == "postgresql":
            options = f"-c search_path={SCHEMA},pg_catalog"
            if not write:
                options += " -c default_transaction_read_only=on"
            self._conn: Any = psycopg.connect(str(target), autocommit=True, options=options)
            # what the engine's own guards raise at an insider's edit (schema_pg.refuse: insufficient_privilege)
            self.refused: type[Exception] = psycopg.errors.InsufficientPrivilege
            self.error: type[Exception] = psycopg.Error
        else:
            uri = f"file:{target}" + ("" if write else "?mode=ro")
            self._conn = sqlite3.connect(uri, uri=True, isolation_level=None)  # autocommit, as on the server
            self.refused = sqlite3.IntegrityError  # RAISE(ABORT) in the append-only triggers
            self.error = sqlite3.Error

    def _sql(self, sql: str) -> str:
        return sql.replace("%", "%%").replace("?", "%s") if self.engine == "postgresql" else sql

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self._conn.execute(self._sql(sql), tuple(params))

    def all(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        return [tuple(r) for r in self.execute(sql, params).fetchall()]

    def one(self, sql: str, params: Sequence[Any] = ()) -> tuple | None:
        row = self.execute(sql, params).fetchone()
        return None if row is None else tuple(row)

    def dicts(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cur = self.execute(sql, params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]

    def dict(self, sql: str, params: Sequence[Any] = ()) -> dict[str, Any]:
        rows = self.dicts(sql, params)
        return rows[0] if rows else {}

    def logins(self) -> list[tuple]:
        """PostgreSQL: every login role of a Kense user (member of kense_staff) with what defines it — may it log
        in, its SCRAM verifier, its group roles. SQLite keeps accounts only in ``users``: empty."""
        if self.engine != "postgresql":
            return []
        return self.all(
            "SELECT r.rolname, r.rolcanlogin, a.rolpassword, array_to_string(ARRAY(SELECT g.rolname FROM"
            " pg_auth_members m2 JOIN pg_roles g ON g.oid = m2.roleid WHERE m2.member = r.oid ORDER BY 1), ',')"
            " FROM pg_roles r JOIN pg_authid a ON a.oid = r.oid WHERE pg_has_role(r.oid, 'kense_staff', 'MEMBER')"
            " AND NOT r.rolsuper AND r.rolname <> 'kense_staff' ORDER BY 1")

    @contextmanager
    def insider(self) -> Iterator[Raw]:
        """Switch the register's own guards off for what follows, as someone with full rights to the storage
        would: SQLite's append-only triggers are dropped from the file; on PostgreSQL the superuser's session
        runs in ``session_replication_role = replica``, where no ordinary trigger fires (neither the append-only
        guards nor the server's chain trigger)."""
        if self.engine == "postgresql":
            self.execute("SET session_replication_role = replica")
            try:
                yield self
            finally:
                self.execute("SET session_replication_role = origin")
        else:
            for name in ("events_no_update", "events_no_delete"):
                self.execute(f"DROP TRIGGER IF EXISTS {name}")
            yield self

    def close(self) -> None:
        self._conn.close()


@contextmanager
def raw(target: Path | str, write: bool = False) -> Iterator[Raw]:
    """``with raw(reg.path) as db: db.all("SELECT ... WHERE x=?", (1,))`` on either engine."""
    conn = Raw(target, write)
    try:
        yield conn
    finally:
        conn.close()
