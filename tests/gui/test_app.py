"""The application shell: login, role tabs, status line, language, settings, backup, errors, screenshots."""
from __future__ import annotations

import argparse
import datetime as dt
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QDate, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDialog, QLabel, QPushButton

from desktop.core.errors import DomainError, KenseError, PermissionDenied
from desktop.core.iin import make_iin
from desktop.store import Register
from desktop.ui import app as app_module
from desktop.ui import crash, logs
from desktop.ui.context import AppContext
from desktop.ui.i18n import ensure_qm, languages
from desktop.ui.labels import locale_for
from desktop.ui.login import LoginDialog
from desktop.ui.mainwindow import TABS, MainWindow, TabSpec
from desktop.ui.settings import Settings

pytestmark = pytest.mark.timeout(120)
REPO = Path(__file__).resolve().parents[2]


def window_for(qtbot, reg, username: str, settings: Settings, lang: str = "kk", tab: str | None = None):
    languages().apply(lang)
    ctx = AppContext(register=reg, user=reg.user(username), lang=lang, settings=settings)
    window = MainWindow(ctx, settings, initial_tab=tab)
    qtbot.addWidget(window)
    return window


def count_events(path: Path, action: str) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT count(*) FROM events WHERE action=?", (action,)).fetchone()[0]


# ---------------------------------------------------------------- login

def test_login_with_the_right_password(qtbot, demo, demo_path):
    dialog = LoginDialog(demo, username="clerk")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.focusWidget() is dialog.password_edit
    qtbot.keyClicks(dialog.password_edit, "clerk")
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.user is not None and dialog.user.username == "clerk"
    assert count_events(demo_path, "login") == 1


def test_login_with_a_wrong_password_says_so_inline(qtbot, demo, demo_path):
    languages().apply("kk")
    dialog = LoginDialog(demo)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.user_edit, "clerk")
    qtbot.keyClick(dialog.user_edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.password_edit, "wrong")
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.user is None
    assert dialog.error_label.isVisible()
    assert dialog.error_label.text() == "Пайдаланушы аты немесе құпиясөз қате."
    assert count_events(demo_path, "login") == 0
    dialog.password_edit.clear()
    qtbot.keyClicks(dialog.password_edit, "clerk")
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert dialog.user.username == "clerk" and count_events(demo_path, "login") == 1


def test_login_shows_the_office(qtbot, demo):
    dialog = LoginDialog(demo)
    qtbot.addWidget(dialog)
    assert dialog.office_label.text().startswith("№3 Балқаш")


# ---------------------------------------------------------------- roles and the window

def tab_keys(window: MainWindow) -> list[str]:
    return [str(window.tabs.widget(i).property("tabKey")) for i in range(window.tabs.count())]


def test_each_user_sees_the_tabs_of_their_roles(qtbot, demo, settings):
    assert tab_keys(window_for(qtbot, demo, "clerk", settings)) == ["clerk", "register"]
    assert tab_keys(window_for(qtbot, demo, "head", settings)) == ["head", "register"]
    assert tab_keys(window_for(qtbot, demo, "executor1", settings)) == ["executor", "register"]
    admin = window_for(qtbot, demo, "admin", settings)
    assert tab_keys(admin) == ["register", "admin"]
    assert admin.tab_titles() == ["Тізілім", "Әкімші"]


def test_a_clerk_cannot_see_or_force_the_heads_actions(qtbot, demo, demo_path, settings):
    window = window_for(qtbot, demo, "clerk", settings)
    assert "head" not in tab_keys(window) and "admin" not in tab_keys(window)
    assert window.tab_titles() == ["Кеңсе", "Тізілім"]
    clerk = demo.user("clerk")
    # a case of its own: what the demo holds at this hour of the day must not decide the test
    waiting = demo.register_case(clerk, "S1", {"surname": "Нұрланов", "name": "Арман", "iin": make_iin(
        dt.date(1990, 6, 1), "M", 4242), "address": "Бақанас ауылы, Абай көшесі, 7"}, documents=["application"])
    resolves = count_events(demo_path, "resolve")
    with pytest.raises(PermissionDenied):
        demo.perform(clerk, waiting.reg_no, "resolve", executor="executor1", resolution="Орындауға")
    with pytest.raises(PermissionDenied):
        demo.create_user(clerk, "intruder", "Бөгде Адам", ["admin"], "secret")
    assert demo.case(waiting.reg_no).stage == "awaiting_resolution"
    assert count_events(demo_path, "resolve") == resolves  # nothing half-written
    with sqlite3.connect(demo_path) as conn:
        assert conn.execute("SELECT count(*) FROM users WHERE username='intruder'").fetchone()[0] == 0


def test_a_deactivated_role_shows_no_tab(qtbot, demo, settings):
    admin = demo.user("admin")
    head = demo.user("head")
    demo.update_user(admin, head.id, active=False)
    assert tab_keys(window_for(qtbot, demo, "head", settings)) == ["register"]


def test_a_missing_tab_module_becomes_a_placeholder(qtbot, demo, settings, monkeypatch):
    import desktop.ui.mainwindow as mw
    monkeypatch.setattr(mw, "TABS", (TabSpec("register", None, "desktop.ui.no_such_tab", "NoSuchTab"),) + TABS[4:])
    window = window_for(qtbot, demo, "admin", settings)
    assert window.tab_widgets["register"].objectName() == "registerPlaceholder"
    assert window.tab_widgets["register"].findChild(QLabel).text() == "Kense-тің бұл бөлімі әлі орнатылмаған."


def test_status_line_shows_user_role_office_and_date(qtbot, demo, settings):
    window = window_for(qtbot, demo, "head", settings)
    assert window.user_label.text() == "Серікбаев Нұрлан Болатұлы (head) — басшы"
    assert window.office_label.text().startswith("№3 Балқаш ауданының")
    assert window.date_label.text() == locale_for("kk").toString(QDate.currentDate(), "d MMMM yyyy, dddd")


def test_open_case_shows_the_card_and_refuses_unknown_numbers(qtbot, demo, settings, shown_alerts):
    window = window_for(qtbot, demo, "admin", settings)
    reg_no = demo.find(limit=1)[0].reg_no
    card = window.open_case(reg_no.lower())
    assert card is not None and card.isVisible() and card.reg_no == reg_no
    assert window.open_case(reg_no) is card  # one card per case
    card.close()
    assert window.open_case("K999999999999") is None
    assert shown_alerts[-1]["text"] == "Іс табылмады: «K999999999999»."


def test_cases_changed_refreshes_the_visible_tab_now_and_others_later(qtbot, demo, settings):
    window = window_for(qtbot, demo, "admin", settings, tab="register")
    register_tab = window.tab_widgets["register"]
    before = register_tab.model.rowCount()
    assert before == 500
    clerk = demo.user("clerk")
    from desktop.core.iin import make_iin
    import datetime as dt
    case = demo.register_case(clerk, "S2", {"surname": "Жаңаев", "name": "Арман",
                                            "iin": make_iin(dt.date(1980, 1, 1), "M", 77), "address": "Бақанас"})
    window.ctx.signals.cases_changed.emit(case.reg_no)
    assert register_tab.model.reg_no(0) == case.reg_no
    assert "admin" in window._stale and "register" not in window._stale
    window.select_tab("admin")
    assert "admin" not in window._stale


# ---------------------------------------------------------------- language and settings

def test_kazakh_is_the_default_and_russian_switches_live(qtbot, demo, settings):
    assert ensure_qm("kk") is not None and ensure_qm("ru") is not None
    window = window_for(qtbot, demo, "admin", settings)
    register_tab = window.tab_widgets["register"]
    search = register_tab.findChild(QPushButton, "searchButton")
    assert window.tab_titles() == ["Тізілім", "Әкімші"]
    assert search.text() == "&Іздеу"
    assert register_tab.model.headerData(0, Qt.Orientation.Horizontal) == "Тіркеу №"
    window.set_language("ru")
    qtbot.waitUntil(lambda: window.tab_titles() == ["Реестр", "Администратор"], timeout=3000)
    qtbot.waitUntil(lambda: search.text() == "&Найти", timeout=3000)
    assert register_tab.model.headerData(0, Qt.Orientation.Horizontal) == "Рег. №"
    assert window.user_label.text().endswith("администратор")
    assert settings.language == "ru" and window.language_actions["ru"].isChecked()
    assert DomainError("case_not_found", key="X").message() == "Дело не найдено: «X»."
    window.set_language("kk")
    qtbot.waitUntil(lambda: window.tab_titles() == ["Тізілім", "Әкімші"], timeout=3000)


def test_translations_compile_from_the_ts_sources(tmp_path):
    """lrelease from the wheel builds a .qm; strings of module-level tr() helpers reach their real context."""
    from PySide6.QtCore import QCoreApplication, QTranslator

    from desktop.ui.i18n import compile_ts, find_lrelease, ts_path
    assert find_lrelease() is not None
    qm = tmp_path / "kense_ru.qm"
    assert compile_ts(ts_path("ru"), qm) and qm.stat().st_size > 1000
    translator = QTranslator()
    assert translator.load(str(qm))
    assert translator.translate("MainWindow", "Register") == "Реестр"
    assert translator.translate("Casework", "Returned before") == "Ранее возвращалось"  # filed without context
    languages().apply("kk")
    assert QCoreApplication.translate("Casework", "Returned before") == "Бұрын қайтарылған"


def test_settings_are_typed_and_persist(tmp_path):
    path = tmp_path / "kense.ini"
    s = Settings(path)
    assert (s.language, s.last_service, s.last_tab, s.geometry.isEmpty()) == ("kk", "", "", True)
    s.language = "ru"
    s.last_service = "S5"
    s.last_tab = "head"
    s.geometry = QByteArray(b"\x01\x02geometry")
    s.sync()
    again = Settings(path)
    assert (again.language, again.last_service, again.last_tab) == ("ru", "S5", "head")
    assert bytes(again.geometry) == b"\x01\x02geometry"
    with pytest.raises(TypeError):
        again.set("clerk/last_service", 5)
    with pytest.raises(ValueError):
        again.language = "fr"
    with pytest.raises(KeyError):
        again.get("no/such/setting")
    path.write_text(path.read_text().replace("language=ru", "language=garbled"))  # another size: QSettings re-reads
    assert Settings(path).language == "kk"  # a garbled value falls back to the default


def test_window_remembers_geometry_and_tab(qtbot, demo, settings):
    window = window_for(qtbot, demo, "admin", settings)
    window.resize(700, 480)  # the offscreen screen is 800×600: restoreGeometry keeps a window inside it
    window.select_tab("admin")
    window.close()
    assert not settings.geometry.isEmpty() and settings.last_tab == "admin"
    again = window_for(qtbot, demo, "admin", settings)
    assert again.current_key() == "admin"
    assert (again.size().width(), again.size().height()) == (700, 480)


def test_language_choice_prefers_explicit_then_remembered(settings):
    args = argparse.Namespace(lang="kk")
    assert app_module._choose_language(args, settings) == "kk"
    settings.language = "ru"
    assert app_module._choose_language(args, settings) == "ru"
    assert app_module._choose_language(argparse.Namespace(lang="en"), settings) == "en"


# ---------------------------------------------------------------- backup, logout

def test_backup_runs_off_the_gui_thread_and_verifies_the_copy(qtbot, demo, settings, shown_alerts, tmp_path):
    window = window_for(qtbot, demo, "admin", settings)
    dest = tmp_path / "copies" / "backup.sqlite3"
    dest.parent.mkdir()
    runner = window.backup_to(dest)
    assert runner.running or runner.result is not None
    with qtbot.waitSignal(runner.finished, timeout=60_000, raising=False):
        pass
    qtbot.waitUntil(lambda: runner.result is not None or runner.error is not None, timeout=60_000)
    assert runner.error is None, runner.error
    assert shown_alerts[-1]["kind"] == "info" and "Көшірме сақталды" in shown_alerts[-1]["text"]
    with Register.open(dest) as copy:
        assert copy.verify().ok and copy.count() == demo.count()
    assert settings.get("backup/last_dir") == str(dest.parent)


def test_a_big_register_is_checked_in_the_background(qtbot, demo_path, settings, shown_alerts, monkeypatch):
    monkeypatch.setattr(app_module, "CHECK_AT_OPEN_BYTES", 1024)  # the demo file counts as big
    args = argparse.Namespace(db=str(demo_path), user=None, screenshot=None, tab=None, lang="kk")
    assert not app_module.checked_at_open(demo_path)
    reg = app_module.open_register(args)
    try:
        window = window_for(qtbot, reg, "admin", settings)
        runner = window.check_integrity()
        qtbot.waitUntil(lambda: runner.result is not None or runner.error is not None, timeout=60_000)
        assert runner.result == "ok" and not shown_alerts
    finally:
        reg.close()


def test_a_damaged_big_register_is_reported_after_the_check(qtbot, demo_path, settings, shown_alerts):
    size = demo_path.stat().st_size
    with open(demo_path, "r+b") as f:  # scribble over a page in the middle of the cases table
        f.seek((size // 2) // 4096 * 4096 + 100)
        f.write(b"\xff" * 3000)
    reg = Register.open(demo_path, check=False)
    try:
        window = window_for(qtbot, reg, "admin", settings)
        runner = window.check_integrity()
        qtbot.waitUntil(lambda: runner.result is not None or runner.error is not None, timeout=60_000)
        assert runner.error is not None
        assert shown_alerts[-1]["kind"] == "error"
        assert shown_alerts[-1]["title"] == "Тізілім файлы бүлінген"
    finally:
        reg.close()


def test_logout_closes_the_window_and_says_so(qtbot, demo, settings):
    window = window_for(qtbot, demo, "admin", settings)
    window.show()
    window.logout()
    assert window.logged_out and not window.isVisible()


# ---------------------------------------------------------------- errors and logs

def test_unexpected_exception_is_logged_and_reported(qtbot, tmp_path, monkeypatch, shown_alerts):
    log_file = logs.setup_logging(tmp_path)
    shown = []
    monkeypatch.setattr(crash.ReportDialog, "exec", lambda self: shown.append(self.text.toPlainText()) or 0)
    try:
        raise RuntimeError("boom in a slot")
    except RuntimeError as exc:
        crash.excepthook(type(exc), exc, exc.__traceback__)
    assert shown and "RuntimeError: boom in a slot" in shown[0] and "PySide6" in shown[0]
    assert "boom in a slot" in log_file.read_text()
    crash.excepthook(PermissionDenied, PermissionDenied("login_failed"), None)
    assert shown_alerts[-1]["kind"] == "warn" and shown_alerts[-1]["text"] == "Пайдаланушы аты немесе құпиясөз қате."
    assert len(shown) == 1


def test_qt_messages_go_to_the_log(tmp_path):
    log_file = logs.setup_logging(tmp_path)
    logs.qt_message_handler(__import__("PySide6.QtCore", fromlist=["QtMsgType"]).QtMsgType.QtWarningMsg, None,
                            "QPainter::begin: Paint device returned engine == 0")
    assert "WARNING kense.qt: QPainter::begin" in log_file.read_text()


def test_a_register_that_cannot_be_opened_is_a_calm_message(qtbot, tmp_path, monkeypatch, shown_alerts):
    monkeypatch.setattr(logs, "install_qt_handler", lambda: None)
    monkeypatch.setattr(crash, "install_excepthook", lambda: None)
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"this is not a database at all" * 100)
    args = argparse.Namespace(db=str(broken), user=None, screenshot=None, tab=None, lang="kk")
    assert app_module.run(args) == 2
    assert shown_alerts[-1]["kind"] == "error" and "бүлінген" in shown_alerts[-1]["text"]
    args.db = str(tmp_path / "missing.sqlite3")
    assert app_module.run(args) == 2
    assert "Дерекқор файлы жоқ" in shown_alerts[-1]["text"]
    assert not (tmp_path / "missing.sqlite3").exists()


def run_kense(*argv: str, home: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, KENSE_HOME=str(home), PYTHONPATH=str(REPO))
    return subprocess.run([sys.executable, "-m", "desktop.cli", *argv], capture_output=True, text=True, env=env,
                          timeout=90, cwd=REPO)


def test_screenshot_command_writes_a_png(demo_path, tmp_path):
    out = tmp_path / "shots" / "admin.png"
    done = run_kense("--db", str(demo_path), "--user", "admin", "--screenshot", str(out), "--tab", "admin",
                     home=tmp_path / "home")
    assert done.returncode == 0, done.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    image = QImage(str(out))
    assert (image.width(), image.height()) == app_module.SCREENSHOT_SIZE
    assert len({image.pixel(x, y) for x in range(0, image.width(), 40) for y in range(0, image.height(), 40)}) > 3
    log_text = (tmp_path / "home" / "logs" / "kense.log").read_text()
    assert "kense.app: start" in log_text


def test_screenshot_of_a_too_new_register_exits_2(tmp_path):
    too_new = tmp_path / "new.sqlite3"
    with sqlite3.connect(too_new) as conn:
        conn.execute("PRAGMA user_version=999")
    done = run_kense("--db", str(too_new), "--user", "admin", "--screenshot", str(tmp_path / "x.png"),
                     home=tmp_path / "home")
    assert done.returncode == 2
    assert "Kense-тің жаңа нұсқасымен" in done.stderr
    assert not (tmp_path / "x.png").exists()


def test_known_errors_are_kense_errors():
    assert issubclass(PermissionDenied, KenseError)


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12 on")
def test_qt_binding_does_not_leak_references_to_none(qtbot):
    """PySide6-Essentials 6.12.0 takes a reference from None on every void call (setup.cfg excludes it): after
    some ten thousand calls CPython 3.11 aborts with 'none_dealloc'. Fail loudly if such a binding is installed."""
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for i in range(20_000):
        label.setText(str(i))
    assert label.text() == "19999"
    assert sys.getrefcount(None) > before - 1000
