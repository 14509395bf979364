"""What every part of the Register stands on: the connection, the read helpers and the acting user.

Register (register.py) is put together from mixins: OfficeMixin (office.py), UsersMixin (users.py) and
QueriesMixin (queries.py), each a RegisterBase. The parts call one another through ``self``; only Register is
ever instantiated.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from typing import Any, TypeVar

from ..core.calendar import OfficeCalendar
from ..core.catalogue import Catalogue
from ..core.errors import PermissionDenied
from ..core.model import User
from .errors import ConnectionLost
from ..core.workflow import check_plain_text
from .records import _USER_COLUMNS, _user

T = TypeVar("T")


class RegisterBase:
    """The state Register.__init__ sets, and the helpers all parts of the register use."""

    path: Any  # the SQLite file's Path, or the PostgreSQL URL without its password
    warnings: list[str]
    _conn: Any  # an engine's connection (engines/): sqlite3 or PostgreSQL, with ``.engine``
    _catalogue: Catalogue
    _versions: dict[str, Catalogue]
    _calendar: OfficeCalendar | None

    @property
    def engine(self) -> Any:
        """The engine the register runs on (engines/sqlite.py or engines/postgres.py)."""
        return self._conn.engine

    # ---------------------------------------------------------------- a lost server (issue 9)
    # On PostgreSQL the server may restart or the cable be pulled. The register then opens a new session with the
    # URL and password it was opened with, at the start of its next call: a read is simply asked again; a write
    # raises ConnectionLost, because whether its COMMIT arrived is unknown, and the caller retries it with the same
    # request token (Register.perform / register_case / log_event): applied once or not at all, never twice.

    _closed: bool = False
    _writing: bool = False  # inside _write: the session must not change under the transaction

    def _reconnect(self) -> None:
        """A new session in place of a lost one; ConnectionLost while the server cannot be reached."""
        if self._closed:
            raise ConnectionLost(detail="the register is closed")
        self._conn = self._conn.engine.reconnect(self._conn)

    def _ensure_connection(self) -> None:
        if not self._closed and self._conn.engine.is_lost(self._conn):
            self._reconnect()

    @contextmanager
    def _write(self) -> Iterator[Any]:
        """One write transaction: all of it commits, or none of it does. A session found lost before anything
        was sent is replaced first, so the first write after a server restart does not fail for nothing."""
        self._ensure_connection()
        stack = ExitStack()
        try:
            conn = stack.enter_context(self._conn.engine.transaction(self._conn))
        except ConnectionLost:  # BEGIN did not get through: nothing was written, a new session may try at once
            self._reconnect()
            conn = stack.enter_context(self._conn.engine.transaction(self._conn))
        self._writing = True
        try:
            with stack:
                yield conn
        finally:
            self._writing = False

    def _read(self, run: Callable[[Any], T]) -> T:
        """A read on the register's session, asked again once on a new session if the old one was lost."""
        self._ensure_connection()
        engine = self._conn.engine
        try:
            return run(self._conn)
        except engine.FAILURES as exc:
            error = engine.translate(exc)
        if not isinstance(error, ConnectionLost) or self._closed:
            raise error from None
        self._reconnect()
        try:
            return run(self._conn)
        except engine.FAILURES as exc:
            raise engine.translate(exc) from None

    def _one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        check_plain_text(params)  # a control character matches nothing stored (and PostgreSQL cannot take a NUL)
        return self._read(lambda conn: conn.execute(sql, params).fetchone())

    def _all(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        check_plain_text(params)
        return self._read(lambda conn: conn.execute(sql, params).fetchall())

    def meta(self, key: str, default: str | None = None) -> str | None:
        row = self._one("SELECT value FROM meta WHERE key=?", (key,))
        return row[0] if row else default

    def _current(self, conn: Any, actor: User) -> User:
        """The actor as the register knows them now. Roles and ``active`` come from the file, never from the
        caller's object, so a deactivated account or a removed role is refused at once (a stale session).

        Inside a write transaction the engine also makes the database session act as this user (on PostgreSQL
        the server then checks and records that user; a session of someone else is refused)."""
        sql, params = f"SELECT {_USER_COLUMNS} FROM users WHERE id=?", (getattr(actor, "id", None),)
        if conn is self._conn and not self._writing:  # a read outside a transaction: a lost session is replaced
            row = self._read(lambda c: c.execute(sql, params).fetchone())
            conn = self._conn
        else:
            try:
                row = conn.execute(sql, params).fetchone()
            except conn.engine.FAILURES as exc:
                raise conn.engine.translate(exc) from None
        if row is None or row[1] != getattr(actor, "username", None):
            raise PermissionDenied("user_not_found", key=getattr(actor, "username", actor))
        if conn.in_transaction:
            try:
                conn.engine.act_as(conn, row[1])
            except conn.engine.FAILURES as exc:
                raise conn.engine.translate(exc) from None
        return _user(row)
