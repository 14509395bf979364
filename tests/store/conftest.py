"""The store's tests run on both engines from one set of tests: ``register`` is a SQLite file, then a database on
the throw-away PostgreSQL cluster (tests/pg_cluster.py). A test that needs one engine asks for
``sqlite_register`` or says so with ``@pytest.mark.sqlite_only`` and the reason in its docstring."""
from __future__ import annotations

import pytest

from both_engines import open_engine_register

ENGINES = ("sqlite", "postgresql")


@pytest.fixture(params=ENGINES)
def engine(request):
    return request.param


@pytest.fixture
def register(engine, tmp_path, request):
    reg = open_engine_register(engine, tmp_path, request)
    yield reg
    reg.close()
