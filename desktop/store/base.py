"""What every part of the Register stands on: the connection, the read helpers and the acting user.

Register (register.py) is put together from mixins: OfficeMixin (office.py), UsersMixin (users.py) and
QueriesMixin (queries.py), each a RegisterBase. The parts call one another through ``self``; only Register is
ever instantiated.
"""
from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import Any

from ..core.calendar import OfficeCalendar
from ..core.catalogue import Catalogue
from ..core.errors import PermissionDenied
from ..core.model import User
from ..core.workflow import check_plain_text
from .records import _USER_COLUMNS, _user


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

    def _write(self) -> AbstractContextManager[Any]:
        """One write transaction: all of it commits, or none of it does."""
        return self._conn.engine.transaction(self._conn)

    def _one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        check_plain_text(params)  # a control character matches nothing stored (and PostgreSQL cannot take a NUL)
        try:
            return self._conn.execute(sql, params).fetchone()
        except self._conn.engine.FAILURES as exc:
            raise self._conn.engine.translate(exc) from None

    def _all(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        check_plain_text(params)
        try:
            return self._conn.execute(sql, params).fetchall()
        except self._conn.engine.FAILURES as exc:
            raise self._conn.engine.translate(exc) from None

    def meta(self, key: str, default: str | None = None) -> str | None:
        row = self._one("SELECT value FROM meta WHERE key=?", (key,))
        return row[0] if row else default

    def _current(self, conn: Any, actor: User) -> User:
        """The actor as the register knows them now. Roles and ``active`` come from the file, never from the
        caller's object, so a deactivated account or a removed role is refused at once (a stale session).

        Inside a write transaction the engine also makes the database session act as this user (on PostgreSQL
        the server then checks and records that user; a session of someone else is refused)."""
        try:
            row = conn.execute(f"SELECT {_USER_COLUMNS} FROM users WHERE id=?", (getattr(actor, "id", None),)).fetchone()
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
