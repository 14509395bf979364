"""The layers stay apart: the core has no Qt and no sqlite3, nothing below the UI imports the UI, and all SQL lives
in desktop/store (so the register can later move to PostgreSQL)."""
from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.core
PACKAGE = Path(__file__).resolve().parents[1] / "desktop"
FORBIDDEN_IN_CORE = ("PySide6", "sqlite3", "shiboken6", "psycopg")


def _modules(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.py") if "__pycache__" not in p.parts)


def _imports(path: Path) -> list[str]:
    """Every module named by an import statement (absolute, or relative resolved against the package)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1])
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
                names += [module] + [f"{module}.{a.name}" for a in node.names]
            else:
                names += [node.module] + [f"{node.module}.{a.name}" for a in node.names]
    return names


def test_the_core_modules_exist():
    names = {p.stem for p in _modules(PACKAGE / "core")}
    assert {"calendar", "catalogue", "errors", "iin", "messages", "model", "workflow"} <= names


def test_importing_the_core_pulls_in_neither_qt_nor_sqlite():
    modules = [".".join(p.relative_to(PACKAGE.parent).with_suffix("").parts) for p in _modules(PACKAGE / "core")]
    modules = [m.removesuffix(".__init__") for m in modules]
    script = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "from desktop.core.catalogue import load_catalogue\n"
        "from desktop.core.calendar import add_duration\n"
        "import datetime as dt\n"
        "load_catalogue(); add_duration(dt.datetime(2026, 3, 20, 17), 2, 'hours')\n"
        "print(json.dumps(sorted(sys.modules)))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                          cwd=PACKAGE.parent)
    assert done.returncode == 0, done.stderr
    loaded = json.loads(done.stdout)
    assert "desktop.core.workflow" in loaded and "desktop.core.calendar" in loaded
    bad = [m for m in loaded if m.split(".")[0] in FORBIDDEN_IN_CORE or m.split(".")[0] == "_sqlite3"]
    assert bad == []
    assert not any(m.startswith(("desktop.store", "desktop.ui", "desktop.documents")) for m in loaded)


@pytest.mark.parametrize("path", _modules(PACKAGE / "core"), ids=lambda p: p.name)
def test_no_core_file_imports_qt_sqlite_or_upper_layers(path):
    for name in _imports(path):
        top = name.split(".")[0]
        assert top not in FORBIDDEN_IN_CORE, f"{path.name} imports {name}"
        assert not name.startswith(("desktop.store", "desktop.ui", "desktop.documents")), f"{path.name}: {name}"


@pytest.mark.parametrize("path", _modules(PACKAGE / "core") + _modules(PACKAGE / "store"),
                         ids=lambda p: f"{p.parent.name}/{p.name}")
def test_core_and_store_never_import_the_ui(path):
    for name in _imports(path):
        assert not name.startswith("desktop.ui") and name.split(".")[0] not in ("PySide6", "shiboken6"), (
            f"{path.relative_to(PACKAGE)} imports {name}")


_SQL = re.compile(r"\b(SELECT\s+[\w*(]|INSERT\s+(OR\s+\w+\s+)?INTO\b|UPDATE\s+\w+\s+SET\b|DELETE\s+FROM\b|"
                  r"CREATE\s+(TABLE|INDEX|TRIGGER)\b|PRAGMA\s+\w+)")


def test_no_sql_outside_the_store():
    offenders = []
    for path in _modules(PACKAGE):
        if "store" in path.relative_to(PACKAGE).parts[:1]:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if _SQL.search(line):
                offenders.append(f"{path.relative_to(PACKAGE)}:{number}: {line.strip()}")
    assert offenders == []


def test_nothing_outside_the_store_imports_sqlite3():
    offenders = [str(p.relative_to(PACKAGE)) for p in _modules(PACKAGE)
                 if p.relative_to(PACKAGE).parts[0] != "store"
                 and any(n.split(".")[0] in ("sqlite3", "_sqlite3") for n in _imports(p))]
    assert offenders == []


def test_the_sql_check_would_catch_sql():
    assert _SQL.search('conn.execute("SELECT id FROM cases WHERE iin=?")')
    assert _SQL.search("INSERT INTO events(id) VALUES (1)")
    assert _SQL.search("cur.execute('PRAGMA user_version')")
    assert not _SQL.search("Select the executor for this case")
