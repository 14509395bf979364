"""The app on the office's PostgreSQL server: the login dialog's user name and password are the database
credentials (the server authenticates; Kense keeps no password), logging out closes that connection, the
connection setting is saved without a password, and what assumes a file says what to do on a server instead."""
from __future__ import annotations

import argparse

import psycopg
import pytest
from psycopg.conninfo import conninfo_to_dict
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from desktop.core.messages import message
from desktop.store import Register
from desktop.ui import app as app_module
from desktop.ui import login as login_module
from desktop.ui.context import AppContext
from desktop.ui.i18n import languages
from desktop.ui.login import LoginDialog, url_for_user
from desktop.ui.mainwindow import MainWindow
from desktop.ui.settings import Settings, without_password
from helpers_live import fill_office, intake
from helpers_roles import type_text

pytestmark = [pytest.mark.timeout(180)]
WRONG = "Пайдаланушы аты немесе құпиясөз қате."


@pytest.fixture
def server_url(pg_server, pg_database) -> str:
    """An office register on the test cluster; the URL names the database only (the superuser is ignored by the
    login, which connects as the user typed)."""
    with Register.open(pg_database, create=True) as reg:
        fill_office(reg, cases=3)
    return pg_database


def sessions(pg_server, dbname: str, user: str) -> int:
    with psycopg.connect(pg_server.superuser_url, autocommit=True) as conn:
        return conn.execute("SELECT count(*) FROM pg_stat_activity WHERE usename=%s AND datname=%s",
                            (user, dbname)).fetchone()[0]


def dbname(url: str) -> str:
    return conninfo_to_dict(url)["dbname"]


def login(qtbot, url: str, username: str, password: str) -> LoginDialog:
    languages().apply("kk")
    dialog = LoginDialog(None, server=url)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.user_edit.setText(username)
    dialog.password_edit.setFocus()
    type_text(qtbot, password, dialog.password_edit)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    return dialog


def test_the_login_connects_as_the_user_and_the_server_checks_the_password(qtbot, pg_server, server_url):
    dialog = login(qtbot, server_url, "clerk", "clerk-pw")
    try:
        assert dialog.result() == QDialog.DialogCode.Accepted
        reg = dialog.register
        assert reg is not None and reg.is_server and dialog.user.username == "clerk"
        assert reg.engine.session_user(reg._conn) == "clerk"  # noqa: SLF001 — the session is the clerk's own
        assert "clerk-pw" not in str(reg.path)
        history = reg._all("SELECT actor, action FROM events ORDER BY id DESC LIMIT 1")  # noqa: SLF001
        assert tuple(history[0]) == ("clerk", "login")  # the server wrote the actor it authenticated
        assert sessions(pg_server, dbname(server_url), "clerk") == 1
    finally:
        if dialog.register is not None:
            dialog.register.close()
    assert sessions(pg_server, dbname(server_url), "clerk") == 0


@pytest.mark.parametrize("username,password", [("clerk", "wrong"), ("nobody", "nobody-pw"), ("clerk", ""),
                                               ("", "clerk-pw"), ("postgres", "x")])
def test_a_wrong_password_or_user_is_the_calm_inline_message(qtbot, pg_server, server_url, username, password):
    dialog = login(qtbot, server_url, username, password)
    assert dialog.isVisible() and dialog.user is None and dialog.register is None
    assert dialog.error_label.isVisible() and dialog.error_label.text() == WRONG
    assert sessions(pg_server, dbname(server_url), username or "clerk") == 0
    dialog.user_edit.setText("head")
    dialog.password_edit.setText("head-pw")
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    try:
        assert dialog.user.username == "head" and dialog.register.engine.session_user(dialog.register._conn) == "head"
    finally:
        dialog.register.close()


def test_a_server_that_does_not_answer_is_a_calm_message(qtbot, server_url):
    from pg_cluster import free_port
    url = f"postgresql://127.0.0.1:{free_port()}/kense"
    dialog = login(qtbot, url, "clerk", "clerk-pw")
    assert dialog.user is None and dialog.error_label.text() == message("db_connection_lost", "kk")
    assert "127.0.0.1" in dialog.office_label.text()


def test_urls_keep_no_password():
    assert without_password("postgresql://admin:s3cret@server:5433/kense?sslmode=require&password=x") == \
        "postgresql://admin@server:5433/kense?sslmode=require"
    assert without_password("postgresql://:s3cret@server/kense") == "postgresql://server/kense"
    assert without_password("/home/clerk/office.sqlite3") == "/home/clerk/office.sqlite3"
    assert url_for_user("postgresql://postgres:pw@server:5433/kense?user=x&sslmode=require", "executor1") == \
        "postgresql://executor1@server:5433/kense?sslmode=require"


def test_connect_to_server_is_remembered_without_the_password(qtbot, tmp_path, monkeypatch, shown_alerts):
    path = tmp_path / "office.sqlite3"
    with Register.open(path, create=True) as reg:
        fill_office(reg, cases=1)
    settings = Settings(tmp_path / "kense.ini")
    answers = iter(["not a register", "postgresql://admin:s3cret@kense-server:5432/kense"])

    def answer(dialog) -> int:
        dialog.setTextValue(next(answers))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(login_module, "_exec", answer)
    with Register.open(path) as reg:
        ctx = AppContext(register=reg, user=reg.user("clerk"), lang="kk", settings=settings)
        window = MainWindow(ctx, settings)
        qtbot.addWidget(window)
        window.show()
        assert window.connect_to_server() == "postgresql://admin@kense-server:5432/kense"
        assert shown_alerts and "not a register" in shown_alerts[0]["text"]  # asked again, calmly
        assert window.logged_out and not window.isVisible()
    settings.connection = window.switch_to
    settings.sync()
    assert "s3cret" not in (tmp_path / "kense.ini").read_text()
    assert app_module.register_path(argparse.Namespace(db=None), settings) == \
        "postgresql://admin@kense-server:5432/kense"
    assert app_module.register_path(argparse.Namespace(db=str(path)), settings) == path  # --db wins


class FakeApp:
    """Stands in for QApplication.exec(): checks the window the session shows, then logs out of it."""

    def __init__(self, check) -> None:
        self.check = check
        self.windows: list[MainWindow] = []

    def exec(self) -> int:
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        self.windows.append(window)
        self.check(window)
        window.logout()
        return 0


def test_the_app_on_a_server_logs_in_as_the_user_and_log_out_closes_the_connection(
        qtbot, pg_server, server_url, tmp_path, monkeypatch, shown_alerts):
    """``kense --db postgresql://...``: no register is opened before the login; the window works on the user's own
    session, with live queues; File → Back up explains pg_dump; log out closes every connection of that user."""
    settings = Settings(tmp_path / "kense.ini")
    logins = iter([("head", "head-pw"), None])

    def fake_login_exec(dialog: LoginDialog) -> int:
        answer = next(logins)
        if answer is None:
            dialog.reject()
            return QDialog.DialogCode.Rejected
        assert dialog.register is None and dialog.server is not None  # nothing opened before the login
        dialog.user_edit.setText(answer[0])
        dialog.password_edit.setText(answer[1])
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(LoginDialog, "exec", fake_login_exec)
    seen = {}

    def check(window: MainWindow) -> None:
        reg = window.ctx.register
        seen["user"] = reg.engine.session_user(reg._conn)  # noqa: SLF001
        seen["live"] = window.live is not None and window.live.running
        seen["sessions"] = sessions(pg_server, dbname(server_url), "head")  # the window's and the watcher's
        with Register.open(server_url) as clerk_desk:
            case = intake(clerk_desk, 77)
        qtbot.waitUntil(lambda: window.tab_widgets["head"].resolution_model.row_of(case.reg_no) is not None,
                        timeout=1000)
        assert window.backup() is None
        seen["backup"] = shown_alerts[-1]["text"]

    args = argparse.Namespace(db=server_url, user=None, screenshot=None, tab="head", lang="kk")
    languages().apply("kk")
    fake = FakeApp(check)
    assert app_module._session(fake, None, args, settings) == app_module.EXIT_OK  # noqa: SLF001
    assert seen["user"] == "head" and seen["live"] and seen["sessions"] == 2
    assert "pg_dump" in seen["backup"] and "kense verify" in seen["backup"]
    assert sessions(pg_server, dbname(server_url), "head") == 0  # log out closed the desk's connections
    assert settings.last_user == "head"
    for window in fake.windows:
        window.deleteLater()


def test_the_admin_tab_on_a_server_names_it_and_offers_no_file_actions(qtbot, pg_server, server_url):
    from desktop.ui.admin_tab import AdminTab
    name = dbname(server_url)
    with Register.open(pg_server.url(name)) as owner:
        owner.mark_demo()
    reg = Register.open(url_for_user(server_url, "admin"), password="admin-pass")
    try:
        languages().apply("kk")
        ctx = AppContext(register=reg, user=reg.user("admin"), lang="kk")
        tab = AdminTab(ctx)
        qtbot.addWidget(tab)
        tab.show()
        text = tab.register_label.text()
        assert str(reg.path) in text and "pg_dump" in text and "kense verify" in text and "kense demo" in text
        assert "admin-pass" not in text
        assert not tab.demo_button.isVisible() and not tab.demo_spin.isVisible()
    finally:
        reg.close()
