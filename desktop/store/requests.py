"""Client requests applied exactly once, and the case versions a desk acts on (issue 9: several desks).

A desk gives each action a token (``uuid4().hex`` per button press). The store inserts the token into
``requests`` in the same transaction as the change, so after a lost connection the desk asks again with the same
token and learns what happened: the token is there (the first try committed; nothing is done again) or not (the
first try never committed; it is done now). Committed once or not at all, never twice.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..core.errors import ValidationError
from ..core.workflow import ACTIONS

MAX_TOKEN = 64
# the audit actions that change a case row (and its version): what a conflict message names
CHANGING_ACTIONS = (*ACTIONS, "package_dispatch", "package_receive", "hand_over")  # core/packages.py's moves


@dataclass(frozen=True)
class Applied:
    token: str
    case_id: int | None
    event_id: int | None


def check_token(request: Any) -> str | None:
    if request is None:
        return None
    if not isinstance(request, str) or not request.strip() or len(request.strip()) > MAX_TOKEN:
        raise ValidationError("bad_request_token", field="request")
    return request.strip()


def check_version(version: Any) -> int | None:
    if version is None:
        return None
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ValidationError("bad_version", field="version", text=str(version))
    return version


def seen(conn: Any, token: str | None) -> Applied | None:
    """The request already applied under ``token`` (inside the write transaction), or None."""
    if token is None:
        return None
    row = conn.execute("SELECT case_id, event_id FROM requests WHERE token=?", (token,)).fetchone()
    return None if row is None else Applied(token, row[0], row[1])


def remember(conn: Any, token: str | None, case_id: int | None, event_id: int | None, at: str | None) -> None:
    """Record ``token`` in the caller's write transaction: it commits with the change, or neither does."""
    if token is not None:
        conn.execute("INSERT INTO requests(token, case_id, event_id, at) VALUES (?, ?, ?, ?)",
                     (token, case_id, event_id, at))
