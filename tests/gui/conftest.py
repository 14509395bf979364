"""Fixtures for the GUI tests: a demo register with real cases, settings in tmp_path, alerts captured, languages.

All GUI tests run offscreen (tests/conftest.py). The offscreen platform plugin cannot pass size hints to a
window manager (nor raise one) and says so with a qWarning each time a top-level widget is shown; that is the test
platform talking, not Kense, so it alone is ignored here. Every other Qt warning still fails the test.
"""
from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop.core import messages
from desktop.store import Register
from desktop.store.demo import load_demo
from desktop.ui import alerts

OFFSCREEN_NOISE = r"This plugin does not support (propagateSizeHints|raise|requestActivate)\(\)"
GUI_DIR = Path(__file__).parent
DEMO_CASES = 1200


def pytest_collection_modifyitems(config, items):
    for item in items:
        if GUI_DIR not in Path(str(item.fspath)).parents:
            continue
        item.add_marker(pytest.mark.gui)
        if item.get_closest_marker("qt_log_ignore") is None:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture(autouse=True)
def _languages_reset():
    """A test that switched the interface language leaves none of it to the next test."""
    yield
    from PySide6.QtCore import QCoreApplication, QEvent

    from desktop.ui import i18n
    if QCoreApplication.instance() is not None:
        # pytest-qt closed the test's widgets with deleteLater(); delete them now, before the language change
        # reaches them (their register is already closed by then)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    if i18n._languages is not None and i18n._languages.current != "en":
        i18n._languages.apply("en")
    messages.set_language("kk")


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory) -> Path:
    """One demo register per session (office 3, the demo staff, DEMO_CASES cases made by the real core)."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    with Register.open(path, create=True) as reg:
        reg.initialise(3, "admin-pass")
        reg.mark_demo()  # an office made for the demo (a real register is refused by load_demo)
        load_demo(reg, cases=DEMO_CASES, office=3, seed=7)
    with sqlite3.connect(path) as conn:  # fold the WAL in, so one file is the whole register
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture
def demo_path(_demo_template, tmp_path) -> Path:
    """A fresh copy of the demo register for this test."""
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(_demo_template, path)
    return path


@pytest.fixture
def demo(demo_path):
    """The demo register, open. Users: admin (admin-pass), clerk, head, executor1, executor2 (password = name)."""
    reg = Register.open(demo_path)
    yield reg
    reg.close()


@pytest.fixture
def settings(tmp_path):
    from desktop.ui.settings import Settings
    return Settings(tmp_path / "settings" / "kense.ini")


@pytest.fixture
def shown_alerts(monkeypatch) -> list[dict[str, str]]:
    """Alerts are recorded instead of shown (a modal box would block the test); questions answer Yes."""
    from PySide6.QtWidgets import QMessageBox
    shown: list[dict[str, str]] = []

    def record(box: QMessageBox) -> int:
        shown.append(dict(alerts.last))
        return QMessageBox.StandardButton.Yes if alerts.last.get("kind") == "question" \
            else QMessageBox.StandardButton.Ok

    monkeypatch.setattr(alerts, "_exec", record)
    return shown


@pytest.fixture
def now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)
