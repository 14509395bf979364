"""Staff accounts: creating and changing them (admin only, audited), signing in, the executors' load.

Hashing is called as ``passwords.hash_password`` (not imported by name), so the tests can swap in fewer rounds."""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import Any

from ..core import channels, workflow
from ..core.catalogue import ROLES
from ..core.errors import NotFound, PermissionDenied, ValidationError
from ..core.model import User
from . import audit, passwords
from .base import RegisterBase
from .passwords import MIN_PASSWORD
from .records import _USER_COLUMNS, _ts, _user, now_local
from .schema import OPEN_STAGES_SQL


def insert_user(conn: Any, username: str, full_name: str, roles: Iterable[str],
                password: str, phone: str, now: dt.datetime, psc_branch: int | None = None,
                akimat_id: int | None = None) -> int:
    """Add one account inside the caller's write transaction (the admin at ``initialise``, staff later)."""
    roles = list(dict.fromkeys(roles))
    for role in roles:
        if role not in ROLES:
            raise ValidationError("unknown_role", field="roles", role=role)
    workflow.check_plain_text({"username": username, "full_name": full_name, "phone": phone, "password": password})
    if not username.strip() or not full_name.strip():
        raise ValidationError("required", field="username", label="username")
    channels.check_binding(roles, psc_branch, akimat_id)  # PSC roles need a branch, the akim an akimat
    if len(password or "") < MIN_PASSWORD:
        raise ValidationError("weak_password", field="password", n=MIN_PASSWORD)
    if conn.execute("SELECT 1 FROM users WHERE username=?", (username,)).fetchone():
        raise ValidationError("user_exists", field="username", user=username)
    username = username.strip()
    uid = conn.execute("INSERT INTO users(username, full_name, roles, phone, password_hash, psc_branch,"
                       " akimat_id, created_at) VALUES (?,?,?,?,?,?,?,?) RETURNING id",
                       (username, full_name.strip(), ",".join(roles), phone or "",
                        conn.engine.row_password(password), psc_branch, akimat_id, _ts(now))).fetchone()[0]
    conn.engine.create_login(conn, username, password, roles)  # PostgreSQL: a login role of that name
    return uid


class UsersMixin(RegisterBase):
    """Users: a part of Register."""

    def create_user(self, actor: User, username: str, full_name: str, roles: Iterable[str], password: str,
                    phone: str = "", *, psc_branch: int | None = None, akimat_id: int | None = None,
                    now: dt.datetime | None = None) -> User:
        workflow.check_role(self._current(self._conn, actor), ("admin",), "users")
        now = now or now_local()
        roles = list(roles)
        with self._write() as conn:
            self._current(conn, actor)
            uid = insert_user(conn, username, full_name, roles, password, phone, now, psc_branch, akimat_id)
            audit.append(conn, case_id=None, at=_ts(now), actor_id=actor.id, actor=actor.username,
                         action="user_create", from_stage=None, to_stage=None,
                         details={"user": username, "roles": roles})
        return self.user(uid)

    def update_user(self, actor: User, user_id: int, *, roles: Iterable[str] | None = None,
                    active: bool | None = None, full_name: str | None = None, phone: str | None = None,
                    password: str | None = None, psc_branch: int | None = None, akimat_id: int | None = None,
                    now: dt.datetime | None = None) -> User:
        workflow.check_role(self._current(self._conn, actor), ("admin",), "users")
        workflow.check_plain_text({"full_name": full_name, "phone": phone, "password": password})
        target = self.user(user_id)
        now = now or now_local()
        changes: dict[str, Any] = {}
        if roles is not None or psc_branch is not None or akimat_id is not None:  # a PSC role needs its branch
            roles = list(roles) if roles is not None else None
            channels.check_binding(target.roles if roles is None else roles,
                                   target.psc_branch if psc_branch is None else psc_branch,
                                   target.akimat_id if akimat_id is None else akimat_id)
            changes.update({k: v for k, v in (("psc_branch", psc_branch), ("akimat_id", akimat_id)) if v is not None})
        if roles is not None:
            roles = list(dict.fromkeys(roles))
            for role in roles:
                if role not in ROLES:
                    raise ValidationError("unknown_role", field="roles", role=role)
            changes["roles"] = ",".join(roles)
        if active is not None:
            changes["active"] = int(active)
        if full_name is not None:
            if not full_name.strip():
                raise ValidationError("required", field="full_name", label="full_name")
            changes["full_name"] = full_name.strip()
        if phone is not None:
            changes["phone"] = phone.strip()
        if password is not None:
            if len(password) < MIN_PASSWORD:
                raise ValidationError("weak_password", field="password", n=MIN_PASSWORD)
            changes["password_hash"] = "***"
        if not changes:
            return target
        with self._write() as conn:
            self._current(conn, actor)
            if "password_hash" in changes:
                changes["password_hash"] = conn.engine.row_password(password)
            conn.execute(f"UPDATE users SET {', '.join(f'{k}=?' for k in changes)} WHERE id=?",
                         (*changes.values(), user_id))
            conn.engine.update_login(conn, target.username, password=password,
                                     roles=roles if "roles" in changes else None,
                                     active=bool(changes["active"]) if "active" in changes else None)
            shown = {k: ("***" if k == "password_hash" else v) for k, v in changes.items()}
            audit.append(conn, case_id=None, at=_ts(now), actor_id=actor.id, actor=actor.username,
                         action="user_update", from_stage=None, to_stage=None,
                         details={"user": target.username, **shown})
        return self.user(user_id)

    def user(self, key: int | str) -> User:
        column = "id" if isinstance(key, int) else "username"
        row = self._one(f"SELECT {_USER_COLUMNS} FROM users WHERE {column}=?", (key,))
        if row is None:
            raise NotFound("user_not_found", key=key)
        return _user(row)

    def users(self, role: str | None = None, active_only: bool = False) -> list[User]:
        users = [_user(r) for r in self._all(f"SELECT {_USER_COLUMNS} FROM users ORDER BY full_name")]
        return [u for u in users if (role is None or role in u.roles) and (u.active or not active_only)]

    def authenticate(self, username: str, password: str, now: dt.datetime | None = None) -> User:
        try:  # a NUL would cut the password short on its way to the server (libpq): nothing after it counted
            workflow.check_plain_text((username, password))
        except ValidationError:
            raise PermissionDenied("login_failed") from None
        row = self._one(f"SELECT {_USER_COLUMNS}, password_hash FROM users WHERE username=?", (username,))
        if row is None or not row[5] or not self.engine.check_password(self._conn, username, password or "", row[-1]):
            raise PermissionDenied("login_failed")
        user = _user(row[:-1])
        with self._write() as conn:
            self._current(conn, user)
            audit.append(conn, case_id=None, at=_ts(now or now_local()), actor_id=user.id, actor=user.username,
                         action="login", from_stage=None, to_stage=None, details={})
        return user

    # ------------------------------------------------------------ one-time passwords (kense migrate)

    def password_change_required(self, username: str) -> bool:
        """True while the user still signs in with a one-time password (meta ``password_change_required``, a JSON
        list of user names written by ``kense migrate``): the app then asks for a new one before anything else."""
        return username in _names(self.meta("password_change_required"))

    def change_own_password(self, actor: User, new: str, now: dt.datetime | None = None) -> None:
        """The signed-in user sets her own password (on PostgreSQL the server allows it for oneself only) and is
        taken off the list of one-time passwords; audited, without the password."""
        if len(new or "") < MIN_PASSWORD:
            raise ValidationError("weak_password", field="password", n=MIN_PASSWORD)
        now = now or now_local()
        with self._write() as conn:
            me = self._current(conn, actor)
            conn.engine.change_own_password(conn, me.id, me.username, new)  # and off the one-time list
            audit.append(conn, case_id=None, at=_ts(now), actor_id=me.id, actor=me.username,
                         action="password_change", from_stage=None, to_stage=None, details={"user": me.username})

    def executors_with_load(self) -> list[tuple[User, int]]:
        """Active executors and how many open cases each holds now (for the head's choice)."""
        load = dict(self._all(f"SELECT executor_id, count(*) FROM cases WHERE stage IN {OPEN_STAGES_SQL}"
                              " AND executor_id IS NOT NULL GROUP BY executor_id"))
        return [(u, load.get(u.id, 0)) for u in self.users("executor", active_only=True)]


def _names(value: str | None) -> list[str]:
    try:
        got = json.loads(value) if value else []
    except ValueError:
        return []
    return [str(v) for v in got] if isinstance(got, list) else []
