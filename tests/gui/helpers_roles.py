"""Helpers for the role-tab tests (clerk, head, executor): contexts, keyboard driving, alert capture.

Keyboard helpers send keys to whichever widget has the focus, so a test that types through a form proves the
tab order and the shortcuts, not only the widgets' slots.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from desktop.core.iin import make_iin
from desktop.ui import alerts
from desktop.ui.context import AppContext, AppSignals

# The offscreen platform cannot pass size hints to a window manager (nor raise or activate a window) and says so
# with a qWarning; that is the test platform talking, not the application (same rule as tests/gui/conftest.py).
OFFSCREEN_NOISE = r"This plugin does not support (propagateSizeHints|raise|requestActivate)\(\)"
ALT = Qt.KeyboardModifier.AltModifier
CODES = ("S1", "S2", "S3", "S4", "S5", "S6", "S7")
MARKS = [pytest.mark.gui, pytest.mark.qt_log_ignore(OFFSCREEN_NOISE), pytest.mark.timeout(120)]


class Printer:
    """Stands in for ctx.print_document: records what would have been printed."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str]] = []

    def __call__(self, kind: str, reg_no: str) -> None:
        self.calls.append((kind, reg_no))


def make_ctx(register: Any, user: Any, *, lang: str = "kk", printer: Callable[[str, str], None] | None = None,
             opened: list[str] | None = None, signals: AppSignals | None = None) -> AppContext:
    """A tab's context; pass one ``signals`` to several contexts to wire their tabs as one window does."""
    ctx = AppContext(register=register, user=user, lang=lang, signals=signals or AppSignals())
    if printer is not None:
        ctx.print_document = printer
    if opened is not None:
        ctx.open_case = opened.append
    return ctx


@pytest.fixture
def alert_log(monkeypatch) -> list[dict[str, str]]:
    """Alerts are recorded instead of shown (a modal box would block the test)."""
    shown: list[dict[str, str]] = []

    def fake_exec(box) -> int:
        shown.append(dict(alerts.last))
        return 0

    monkeypatch.setattr(alerts, "_exec", fake_exec)
    return shown


def show(qtbot, widget: QWidget, size: tuple[int, int] = (1366, 760)) -> QWidget:
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget, timeout=2000)
    return widget


def activate(qtbot, widget: QWidget) -> QWidget:
    """Bring a shown tab's window to the front: keys and mnemonics go to the active window."""
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget, timeout=2000)
    return widget


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def type_text(qtbot, text: str, widget: QWidget | None = None) -> None:
    """Type any text (Kazakh and Russian letters too) into the focused widget, one key event per character.

    QTest.keyClicks only knows ASCII, so non-ASCII characters are sent as key events carrying their text, as a
    keyboard with a Kazakh layout does."""
    target = widget or focused()
    for ch in text:
        key = QTest.asciiToKey(ch) if ch.isascii() and ch.isprintable() else Qt.Key.Key_unknown
        QTest.sendKeyEvent(QTest.KeyAction.Click, target, key, ch, Qt.KeyboardModifier.NoModifier)
    QApplication.processEvents()


def press(qtbot, key: Qt.Key, times: int = 1, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    for _ in range(times):
        qtbot.keyClick(focused(), key, modifier)
        QApplication.processEvents()  # as between a person's key strokes: queued shows and updates run


def tab(qtbot, times: int = 1) -> QWidget:
    press(qtbot, Qt.Key.Key_Tab, times)
    return focused()


def child_iin(serial: int) -> str:
    return make_iin(dt.date(2015, 5, 5), "F", serial)


def events(register: Any, reg_no: str) -> list[str]:
    return [e.action for e in register.history(reg_no)]


def person(serial: int = 1, **over: str) -> dict[str, str]:
    data = {"iin": make_iin(dt.date(1985, 1, 2), "M", serial), "surname": "Ахметов", "name": "Ерлан",
            "patronymic": "Болатұлы", "address": "Бақанас ауылы, Абай көшесі, 5", "phone": "+7 701 123 45 67"}
    data.update(over)
    return data


def choose_service(qtbot, clerk, code: str) -> None:
    press(qtbot, Qt.Key.Key_V, modifier=ALT)  # Ser&vice
    combo = clerk.w["serviceCombo"]
    assert focused() is combo
    steps = combo.findData(code) - combo.currentIndex()
    press(qtbot, Qt.Key.Key_Down if steps > 0 else Qt.Key.Key_Up, abs(steps))
    assert clerk.service().code == code


def keyboard_intake(qtbot, clerk, code: str, p: dict[str, str], docs=(0, 1), children=(("Ахметова Дана", 7),)):
    """Fill the whole form with keys only, checking the focus lands where the tab order says."""
    choose_service(qtbot, clerk, code)
    assert tab(qtbot) is clerk.w["iinEdit"]
    type_text(qtbot, p["iin"])
    for name in ("surname", "name", "patronymic", "address", "phone"):
        assert tab(qtbot) is clerk.w[f"{name}Edit"], name
        type_text(qtbot, p[name])
    if code == "S4":
        assert tab(qtbot).objectName() == "field_employment_form"
        press(qtbot, Qt.Key.Key_Down)
    elif code == "S5":
        assert tab(qtbot).objectName() == "field_category"
        type_text(qtbot, "Көп балалы аналар")
    elif code == "S7":
        for i, (full_name, serial) in enumerate(children):
            if i:
                press(qtbot, Qt.Key.Key_D, modifier=ALT)  # A&dd person: focus moves into the new row
                qtbot.waitUntil(lambda: focused().objectName() == "personName")  # a mnemonic animates the click
            else:
                assert tab(qtbot).objectName() == "personName"
            assert focused().objectName() == "personName"
            type_text(qtbot, full_name)
            assert tab(qtbot).objectName() == "personIin"
            type_text(qtbot, child_iin(serial))
            assert tab(qtbot).objectName() == "personRelation"
        assert tab(qtbot).objectName() == "personAdd"
    for i, box in enumerate(clerk._doc_boxes):
        assert tab(qtbot) is box
        if i in docs:
            press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Return)


def alt(qtbot, key: Qt.Key, settle_ms: int = 250) -> None:
    """Alt+letter: a mnemonic. A button's mnemonic 'animates' its click for 100 ms, so wait for it to land."""
    press(qtbot, key, modifier=ALT)
    qtbot.wait(settle_ms)


INTAKE = {"S4": {"employment_form": "public_works"}, "S5": {"category": "Көп балалы аналар"},
          "S7": {"children": [{"full_name": "Ахметова Дана", "iin": make_iin(dt.date(2015, 5, 5), "F", 7)}]}}
RESULTS = {"S4": {"institution": "«Бақанас су» ЖШС", "term": "6 ай"},
           "S6": {"quarter": "2026-Q1", "family_members": [{"full_name": "Ахметова Сәуле", "relation": "жұбайы"}]}}


def new_case(register: Any, clerk: Any, code: str, serial: int, now: dt.datetime | None = None) -> Any:
    """A registered case straight through the store (for tests that start later in the workflow)."""
    return register.register_case(clerk, code, person(serial), INTAKE.get(code), ["application", "identity"],
                                   now=now)


def advance(register: Any, people: dict, case: Any, to: str, executor: str = "executor1",
            decision: str = "approved", now: dt.datetime | None = None) -> Any:
    """Move a case through the store up to stage ``to`` (with_executor, awaiting_signature, signed, delivered)."""
    order = ("with_executor", "awaiting_signature", "signed", "delivered")
    ex = people[executor]
    steps = {
        "with_executor": (people["head"], "resolve", {"executor": ex.id, "resolution": "Орындауға"}),
        "awaiting_signature": (ex, "draft", {"decision": decision, "result": RESULTS.get(case.service),
                                             "reasons": [] if decision == "approved" else ["incomplete"],
                                             "text": "" if decision == "approved" else "Құжаттар жетіспейді"}),
        "signed": (people["head"], "sign", {}),
        "delivered": (ex, "deliver", {"method": "in_person"}),
    }
    for stage in order[:order.index(to) + 1]:
        actor, action, params = steps[stage]
        case = register.perform(actor, case.reg_no, action, now=now, **params)
    return case


def confirmation(qtbot, timeout: int = 2000) -> QWidget:
    """The window-modal question that names the case (sign, return): wait for it and for its keyboard focus."""
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None
                    and QApplication.activeModalWidget().objectName().startswith("confirm_"), timeout=timeout)
    box = QApplication.activeModalWidget()
    qtbot.waitUntil(lambda: box.isAncestorOf(QApplication.focusWidget()), timeout=timeout)
    return box


def answer(qtbot, key: Qt.Key = Qt.Key.Key_Return) -> str:
    """Answer the confirmation by a key on its focused widget (Enter confirms, Esc cancels); returns its text."""
    box = confirmation(qtbot)
    text = box.text()
    press(qtbot, key)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not box, timeout=2000)
    return text
