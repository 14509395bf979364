"""Passwords: salted slow hashes from the standard library, production strength by default."""
from __future__ import annotations

import importlib

import pytest

from desktop.core.errors import PermissionDenied
from both_engines import raw
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
    """Sign-in checks the password against what is stored: on SQLite Kense's own salted hash in ``users``; on
    PostgreSQL the server's SCRAM verifier of the user's login role, and ``users`` keeps no hash at all."""
    assert register.authenticate("clerk", "clerk-pw").username == "clerk"
    with pytest.raises(PermissionDenied):
        register.authenticate("clerk", "wrong")
    with pytest.raises(PermissionDenied):
        register.authenticate("nobody", "clerk-pw")
    # no password is stored in clear
    with raw(register.path) as db:
        stored = db.one("SELECT password_hash FROM users WHERE username='clerk'")[0]
        if db.engine == "postgresql":
            assert stored == ""
            (verifier,) = [v for name, _login, v, _groups in db.logins() if name == "clerk"]
            assert verifier.startswith("SCRAM-SHA-256$4096:") and "clerk-pw" not in verifier
        else:
            assert "clerk-pw" not in stored and stored.startswith("pbkdf2_sha256$1000$")
