"""Shared fixtures: offscreen Qt, a fresh register in a temporary folder, demo users, fixed clock."""
from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_SCALE_FACTOR", "1")

from desktop.core import messages  # noqa: E402
from desktop.store import Register  # noqa: E402
from desktop.store import passwords as store_passwords  # noqa: E402


@pytest.fixture(autouse=True)
def _isolate(tmp_path, monkeypatch):
    """Every test: its own data home and Kazakh messages.

    Password hashing keeps its real algorithm but with 1 000 PBKDF2 rounds instead of 200 000, or the suite would
    spend minutes creating demo staff; tests/store/test_passwords.py checks the production setting itself.
    """
    monkeypatch.setattr(store_passwords, "PBKDF2_ITERATIONS", 1000)
    monkeypatch.setenv("KENSE_HOME", str(tmp_path / "home"))
    messages.set_language("kk")
    yield


@pytest.fixture
def register(tmp_path):
    reg = Register.open(tmp_path / "register.sqlite3", create=True)
    reg.initialise(3, "admin-pass")
    yield reg
    reg.close()


@pytest.fixture
def people(register):
    """Demo staff: admin, clerk, head, two executors."""
    admin = register.user("admin")
    made = {"admin": admin}
    for username, name, roles in (("clerk", "Асқарова Гүлнар", ["clerk"]), ("head", "Серікбаев Нұрлан", ["head"]),
                                  ("executor1", "Оспанова Айгүл", ["executor"]),
                                  ("executor2", "Жұмабаев Дәурен", ["executor"])):
        made[username] = register.create_user(admin, username, name, roles, username + "-pw")
    return made


# ---------------------------------------------------------------- PostgreSQL (issue 9): both engines, one test set

@pytest.fixture(scope="session")
def pg_server():
    """A throw-away PostgreSQL cluster for the whole run (tests/pg_cluster.py); never skipped when missing."""
    import pg_cluster
    with pg_cluster.server() as server:
        yield server


@pytest.fixture
def pg_database(pg_server):
    """A fresh database on the test cluster; yields its superuser URL, drops it and its login roles after."""
    name = pg_server.create_database()
    yield pg_server.url(name)
    pg_server.drop_database(name)

