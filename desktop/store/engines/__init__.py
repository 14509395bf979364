"""The two engines the register runs on, and every difference between them.

SQLite (``sqlite.py``) is the embedded default for one desk; PostgreSQL (``postgres.py``) serves an office with
several desks on its LAN. The rest of the store speaks to an engine only through the interface both modules
implement (connect, check, migrate, write transactions, error translation, the audit append, accounts, the change
watcher, bulk copy), so no query elsewhere asks which engine it runs on.
"""
from __future__ import annotations

from pathlib import Path

PG_SCHEMES = ("postgresql://", "postgres://")


def is_postgres(target: object) -> bool:
    """True for a libpq URL (``postgresql://host/db``); anything else is a SQLite file path."""
    return isinstance(target, str) and target.strip().lower().startswith(PG_SCHEMES)


def engine_for(target: str | Path):
    if is_postgres(target):
        from . import postgres
        return postgres.ENGINE
    from . import sqlite
    return sqlite.ENGINE
