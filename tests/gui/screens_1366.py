"""Every window and dialog of desktop/ui on a 1366×768 screen: it fits with a title bar, and its buttons are inside.

Not collected on its own (no ``test_`` prefix): tests/gui/test_screens_fit.py runs it in a child pytest whose Qt
offscreen screen *is* 1366×768 (``QT_QPA_PLATFORM=offscreen:configfile=...``), because the test process's own
offscreen screen is 800×800 and a QApplication cannot change its screens. Run it by hand the same way:

    QT_QPA_PLATFORM=offscreen:configfile=tests/data/screen-1366x768.json pytest tests/gui/screens_1366.py

A window fits when its size leaves room for the window manager's frame and title bar (desktop/ui/screens.py) and it
stands inside the screen; every button it shows (outside scrolling lists) lies wholly inside the window, unclipped.
"""
from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest
from PySide6.QtCore import QByteArray, QPoint, QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import (QAbstractButton, QAbstractScrollArea, QApplication, QDialog, QFileDialog,
                               QMessageBox, QTabBar, QWidget)

import desktop.ui
from desktop.ui import alerts
from desktop.ui.context import AppContext
from desktop.ui.screens import FRAME_PX, TITLE_BAR_PX
from helpers_roles import MARKS

pytestmark = MARKS
SCREEN = QRect(0, 0, 1366, 768)
USERS_TABS = {"clerk": ("clerk", "register"), "head": ("head", "register"), "executor1": ("executor", "register"),
              "admin": ("admin", "register"), "inspector": ("psc",), "collector": ("psc",), "akim": ("akim",)}


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def problems(window: QWidget) -> list[str]:
    """What does not fit: the window on the screen with its frame, and each visible button inside the window."""
    name = window.objectName() or type(window).__name__
    found = []
    screen = window.screen().availableGeometry()
    if window.width() + FRAME_PX > screen.width() or window.height() + TITLE_BAR_PX > screen.height():
        found.append(f"{name}: {window.width()}×{window.height()} leaves no room for the title bar on "
                     f"{screen.width()}×{screen.height()}")
    if not screen.contains(window.frameGeometry()):
        found.append(f"{name}: stands at {window.frameGeometry().getRect()}, off the screen")
    inside = window.rect()
    for button in window.findChildren(QAbstractButton):
        if not button.isVisible() or isinstance(button.parentWidget(), QTabBar) or _in_scrolling_list(button,
                                                                                                      window):
            continue
        rect = QRect(button.mapTo(window, QPoint(0, 0)), button.size())
        label = button.text() or button.objectName() or type(button).__name__
        if not inside.contains(rect):
            found.append(f"{name}: button {label!r} at {rect.getRect()} outside the window {inside.getRect()}")
        elif button.visibleRegion().boundingRect() != button.rect():
            found.append(f"{name}: button {label!r} is clipped ({button.visibleRegion().boundingRect().getRect()})")
    return found


def _in_scrolling_list(button: QWidget, window: QWidget) -> bool:
    """Check boxes in a list the user scrolls (a checklist, a table) need not all be in sight at once."""
    parent = button.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def shown(qtbot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    settle()
    return widget


def window_for(qtbot, demo, settings, username: str, geometry: QByteArray | None = None):
    from desktop.ui.mainwindow import MainWindow
    if geometry is not None:
        settings.geometry = geometry
    ctx = AppContext(register=demo, user=demo.user(username), lang="kk", settings=settings)
    window = MainWindow(ctx, settings)
    window.remember = False
    return shown(qtbot, window)


# ---------------------------------------------------------------- the screen itself


def test_the_screen_is_1366_by_768(qapp):
    assert QGuiApplication.primaryScreen().geometry() == SCREEN, "run through tests/gui/test_screens_fit.py"


# ---------------------------------------------------------------- every dialog class is checked here

COVERED = {"LoginDialog", "PreviewDialog", "CaseCard", "UserDialog", "PasswordDialog", "ReportDialog"}


def test_every_dialog_of_desktop_ui_is_checked_here():
    found = set()
    for info in pkgutil.iter_modules(desktop.ui.__path__):
        module = importlib.import_module(f"desktop.ui.{info.name}")
        for name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, QDialog) and cls.__module__ == module.__name__:
                found.add(name)
    assert found <= COVERED, f"add a check for {sorted(found - COVERED)} to this file"


# ---------------------------------------------------------------- the main window, every tab


@pytest.mark.parametrize("username", sorted(USERS_TABS))
def test_the_first_start_fits_every_tab(qtbot, demo, settings, username):
    window = window_for(qtbot, demo, settings, username)
    assert not problems(window)
    for key in USERS_TABS[username]:
        assert window.select_tab(key), key
        settle()
        assert problems(window) == [], key
    window.close()


def test_a_size_remembered_on_a_big_monitor_fits(qtbot, demo, settings, tmp_path):
    big = window_for(qtbot, demo, settings, "head")
    big.setGeometry(300, 200, 1900, 1040)          # as saved on a 1920×1080 monitor
    remembered = QByteArray(big.saveGeometry())
    big.close()
    window = window_for(qtbot, demo, settings, "head", geometry=remembered)
    assert problems(window) == []
    assert window.width() > 1200 and window.height() > 650  # it still takes what the screen has


# ---------------------------------------------------------------- dialogs


def test_login_fits(qtbot, demo):
    from desktop.ui.login import LoginDialog
    dialog = shown(qtbot, LoginDialog(demo, "clerk"))
    assert problems(dialog) == []
    dialog.user_edit.setText("clerk")
    dialog.password_edit.setText("wrong")
    dialog.accept()                                  # the error line under the fields
    settle()
    assert dialog.error_label.isVisible() and problems(dialog) == []


@pytest.mark.parametrize("kind, code", [("receipt", "S1"), ("label", "S5"), ("label-sheet", "S7")])
def test_the_print_preview_fits_with_its_system_dialogs(qtbot, demo, kind, code):
    from desktop.ui.printing import print_document
    reg_no = next(r.reg_no for r in demo.find(_filters(code), limit=1))
    ctx = AppContext(register=demo, user=demo.user("clerk"), lang="kk")
    dialog = print_document(ctx, kind, reg_no)
    qtbot.waitExposed(dialog)
    settle()
    assert problems(dialog) == []
    assert dialog.height() < 768 - TITLE_BAR_PX + 1 and dialog.width() >= 820   # an A4 page's width still shows
    system = dialog.ask_print()
    settle()
    assert isinstance(system, QPrintDialog) and problems(system) == []
    system.reject()
    save = dialog.ask_save()
    settle()
    assert isinstance(save, QFileDialog) and problems(save) == []
    save.reject()
    if kind == "receipt":
        dialog.grab().save(str(_shot_dir() / "preview-1366x768.png"))
    dialog.close()


def test_the_case_card_fits_with_its_withdrawal_question(qtbot, demo, settings, monkeypatch):
    from desktop.ui.mainwindow import MainWindow
    ctx = AppContext(register=demo, user=demo.user("clerk"), lang="kk", settings=settings)
    window = MainWindow(ctx, settings)
    window.remember = False
    shown(qtbot, window)
    reg_no = next(r.reg_no for r in demo.find(_filters("S2", stage="with_executor"), limit=1))
    card = window.open_case(reg_no)
    qtbot.waitExposed(card)
    settle()
    assert problems(card) == []
    for index in range(card.tabs.count()):
        card.tabs.setCurrentIndex(index)
        settle()
        assert problems(card) == [], card.tabs.tabText(index)
    boxes = _watch_alerts(monkeypatch)
    card.withdraw_edit.setText("Өтініш берушінің жазбаша өтініші бойынша " * 4)
    card.withdraw()                                   # the confirmation question (answered No)
    assert [b.objectName() for b, _ in boxes] == ["alert_question"] and boxes[0][1] == []
    window.close()


def test_the_admin_user_dialogs_and_the_deactivate_question_fit(qtbot, demo, settings, monkeypatch):
    window = window_for(qtbot, demo, settings, "admin")
    users = window.tab_widgets["admin"].users
    dialog = users.new_user()
    qtbot.waitExposed(dialog)
    settle()
    assert problems(dialog) == []
    dialog.show_error("Кемінде бір рөлді таңдаңыз. " * 6)
    settle()
    assert problems(dialog) == []
    dialog.reject()
    users.select("clerk")
    for open_dialog in (users.edit_user, users.reset_password):
        dialog = open_dialog()
        qtbot.waitExposed(dialog)
        settle()
        assert problems(dialog) == [], type(dialog).__name__
        dialog.reject()
    boxes = _watch_alerts(monkeypatch)
    users.toggle_active()                            # "Deactivate ...?" (answered No)
    assert [b.objectName() for b, _ in boxes] == ["alert_question"] and boxes[0][1] == []
    window.close()


def test_the_error_report_fits(qtbot):
    from desktop.ui.crash import ReportDialog
    report = "Traceback (most recent call last):\n" + "  File \"x.py\", line 1, in <module>\n" * 200
    dialog = shown(qtbot, ReportDialog(report))
    assert problems(dialog) == []


@pytest.mark.parametrize("kind", ["info", "warn", "error", "question"])
def test_message_boxes_fit_even_with_a_long_text(qtbot, monkeypatch, kind):
    boxes = _watch_alerts(monkeypatch)
    text = "Реестр файлы бос емес: әрбір сақталған әрекет реестрде бар. " * 40
    getattr(alerts, kind)(None, "Kense", text)
    assert len(boxes) == 1 and boxes[0][1] == []


# ---------------------------------------------------------------- helpers


def _filters(code: str, stage: str | None = None):
    from desktop.store import Filters
    return Filters(service=code, stage=stage)


def _watch_alerts(monkeypatch) -> list[tuple[QMessageBox, list[str]]]:
    """Show each message box for real (not modal: the test goes on), check it, answer No / Ok."""
    seen: list[tuple[QMessageBox, list[str]]] = []

    def show_and_check(box: QMessageBox) -> int:
        box.show()
        settle()
        seen.append((box, problems(box)))
        box.close()
        return QMessageBox.StandardButton.No if box.objectName() == "alert_question" else QMessageBox.StandardButton.Ok

    monkeypatch.setattr(alerts, "_exec", show_and_check)
    return seen


def _shot_dir():
    import os
    from pathlib import Path
    path = Path(os.environ.get("KENSE_FIT_SHOTS", "."))
    path.mkdir(parents=True, exist_ok=True)
    return path


__all__ = ["problems", "Qt"]
