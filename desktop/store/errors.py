"""Store errors: known conditions the user can act on (busy, too new, corrupt, missing)."""
from __future__ import annotations

from ..core.errors import KenseError


class StoreError(KenseError):
    code = "db_error"


class DatabaseTooNew(StoreError):
    code = "db_too_new"


class DatabaseCorrupt(StoreError):
    code = "db_corrupt"


class DatabaseBusy(StoreError):
    code = "db_busy"


class DatabaseMissing(StoreError):
    code = "db_missing"


class NotInitialised(StoreError):
    code = "not_initialised"


class ConnectionLost(StoreError):
    """The database server went away (restarted, cable pulled). The Register reconnects on its next call; a write
    in flight was committed once or not at all, and a retry with the same request token never applies it twice."""

    code = "db_connection_lost"
