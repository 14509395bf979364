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
