"""Passwords: salted slow hashes from the standard library, production strength by default."""
from __future__ import annotations

import importlib

import pytest

from desktop.core.errors import PermissionDenied
from desktop.store import passwords as store_passwords

pytestmark = pytest.mark.store


def test_production_setting_is_slow_enough():
    fresh = importlib.reload(store_passwords)
    try:
        assert fresh.PBKDF2_ITERATIONS >= 200_000
        stored = fresh.hash_password("s3cret")
        scheme, rounds, salt, digest = stored.split("$")
        assert scheme == "pbkdf2_sha256" and int(rounds) >= 200_000 and len(salt) == 32 and len(digest) == 64
        assert fresh.check_password("s3cret", stored)
        assert not fresh.check_password("s3cret ", stored)
        assert fresh.hash_password("s3cret") != stored  # salted
    finally:
        importlib.reload(store_passwords)


def test_login_with_stored_hash(register, people):
    assert register.authenticate("clerk", "clerk-pw").username == "clerk"
    with pytest.raises(PermissionDenied):
        register.authenticate("clerk", "wrong")
    with pytest.raises(PermissionDenied):
        register.authenticate("nobody", "clerk-pw")
    # no password is stored in clear
    row = register.bulk_connection().execute("SELECT password_hash FROM users WHERE username='clerk'").fetchone()
    assert "clerk-pw" not in row[0] and row[0].startswith("pbkdf2_sha256$1000$")
