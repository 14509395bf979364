"""What every part of the Register stands on: the connection, the read helpers and the acting user.

Register (register.py) is put together from mixins: OfficeMixin (office.py), UsersMixin (users.py) and
QueriesMixin (queries.py), each a RegisterBase. The parts call one another through ``self``; only Register is
ever instantiated.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..core.calendar import OfficeCalendar
from ..core.catalogue import Catalogue
from ..core.errors import PermissionDenied
from ..core.model import User
from . import db
from .records import _USER_COLUMNS, _user


class RegisterBase:
    """The state Register.__init__ sets, and the helpers all parts of the register use."""

    path: Path
    warnings: list[str]
    _conn: sqlite3.Connection
    _catalogue: Catalogue
    _versions: dict[str, Catalogue]
    _calendar: OfficeCalendar | None

    def _one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        try:
            return self._conn.execute(sql, params).fetchone()
        except db.FAILURES as exc:
            raise db.translate(exc) from None

    def _all(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        try:
            return self._conn.execute(sql, params).fetchall()
        except db.FAILURES as exc:
            raise db.translate(exc) from None

    def meta(self, key: str, default: str | None = None) -> str | None:
        row = self._one("SELECT value FROM meta WHERE key=?", (key,))
        return row[0] if row else default

    def _current(self, conn: sqlite3.Connection, actor: User) -> User:
        """The actor as the register knows them now. Roles and ``active`` come from the file, never from the
        caller's object, so a deactivated account or a removed role is refused at once (a stale session)."""
        try:
            row = conn.execute(f"SELECT {_USER_COLUMNS} FROM users WHERE id=?", (getattr(actor, "id", None),)).fetchone()
        except db.FAILURES as exc:
            raise db.translate(exc) from None
        if row is None or row[1] != getattr(actor, "username", None):
            raise PermissionDenied("user_not_found", key=getattr(actor, "username", actor))
        return _user(row)
