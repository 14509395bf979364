"""Opening a test register on either engine (the store's tests run on both: tests/store/conftest.py)."""
from __future__ import annotations

from desktop.store import Register


def open_engine_register(engine: str, tmp_path, request) -> Register:
    """A new initialised register on ``engine`` ('sqlite' or 'postgresql')."""
    if engine == "postgresql":
        url = request.getfixturevalue("pg_database")
        reg = Register.open(url, create=True)
    else:
        reg = Register.open(tmp_path / "register.sqlite3", create=True)
    reg.initialise(3, "admin-pass")
    return reg
