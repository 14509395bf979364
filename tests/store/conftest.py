"""The store's tests run on both engines from one set of tests: ``register`` is a SQLite file, then a database on
the throw-away PostgreSQL cluster (tests/pg_cluster.py). A test that is about a SQLite file itself (a damaged or
foreign file, the file's schema migration, a file copy) asks for a path in ``tmp_path`` and says why in its
docstring; everything about behaviour runs on both."""
from __future__ import annotations

from pathlib import Path

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


@pytest.fixture(scope="session")
def pg_template(pg_server):
    """store_flows.fill_template's register as a PostgreSQL template database, built once per session."""
    from store_flows import PgTemplate
    made = PgTemplate(pg_server)
    yield made
    with pg_server.admin() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{made.name}"')


@pytest.fixture
def template_copy(engine, tmp_path, tmp_path_factory, request) -> Path | str:
    """A fresh copy of the template register (store_flows.fill_template) on this test's engine: a SQLite file in
    the test's folder, or a database copied from the template database, with its login roles, dropped after."""
    if engine == "sqlite":
        from store_flows import copy_template
        return copy_template(tmp_path_factory.getbasetemp(), tmp_path / "office.sqlite3")
    template = request.getfixturevalue("pg_template")
    url = template.copy()
    request.addfinalizer(lambda: template.discard(url))
    return url
