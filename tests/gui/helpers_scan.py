"""Helpers for the PSC, akim and registry desk tests: staff bound to a branch or an akimat, a main window per
user, a print recorder that still renders the real PDF, and a wedge scanner typing on a Kazakh keyboard layout.

The scanner presses key *positions*: each key event carries the X11 key code of the US position and the text the
Kazakh layout types there (the digit row gives ә і ң ғ … and the Latin letters Cyrillic ones), exactly what the
application sees when a USB scanner in keyboard-wedge mode scans a barcode while the Kazakh layout is active.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pypdfium2
import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from desktop.core.iin import make_iin
from desktop.documents import render
from desktop.ui import printing, registries
from desktop.ui.context import AppContext
from desktop.ui.mainwindow import MainWindow

X11 = {**{c: 10 + i for i, c in enumerate("1234567890")}, **{c: 24 + i for i, c in enumerate("QWERTYUIOP")},
       **{c: 38 + i for i, c in enumerate("ASDFGHJKL")}, **{c: 52 + i for i, c in enumerate("ZXCVBNM")}}
# the Kazakh (KZ) layout on those positions: digits are Kazakh letters, Latin letters are Cyrillic
KAZAKH = {"1": "ә", "2": "і", "3": "ң", "4": "ғ", "5": ",", "6": ".", "7": "ү", "8": "ұ", "9": "қ", "0": "ө",
          "K": "л", "R": "к"}
BRANCH, OTHER_BRANCH, AKIMAT, OTHER_AKIMAT = 3, 5, 42, 43


class Clock:
    """The scanner's clock, advanced by hand: a scanner sends a key every few milliseconds."""

    def __init__(self) -> None:
        self.ms = 1000.0

    def __call__(self) -> float:
        return self.ms


def wedge_scan(code: str, clock: Clock, gap_ms: float = 6, layout: dict[str, str] = KAZAKH) -> None:
    """Send ``code`` and Enter to whichever widget has the focus, as a wedge scanner on ``layout`` does."""
    for ch in code:
        clock.ms += gap_ms
        text = layout.get(ch, ch)
        key = Qt.Key.Key_unknown if not text.isascii() else ord(text.upper())
        target = QApplication.focusWidget() or QApplication.activeWindow()
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(target, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, X11[ch], 0, 0,
                                                     text))
    clock.ms += gap_ms
    target = QApplication.focusWidget() or QApplication.activeWindow()
    QApplication.sendEvent(target, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier,
                                             36, 0, 0, "\r"))
    QApplication.processEvents()


def keystroke(position: str, clock: Clock, text: str | None = None, gap_ms: float = 180) -> None:
    """A person presses one key: the US ``position`` (its X11 key code) typing ``text`` in the active layout
    (the position itself when not given), ``gap_ms`` after the previous key, into the focused widget."""
    clock.ms += gap_ms
    text = position if text is None else text
    key = Qt.Key.Key_unknown if not text.isascii() else ord(text.upper())
    target = QApplication.focusWidget() or QApplication.activeWindow()
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(target, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, X11[position], 0, 0,
                                                 text))


def pdf_text(pdf: bytes) -> str:
    doc = pypdfium2.PdfDocument(pdf)
    try:
        return " ".join(" ".join(p.get_textpage().get_text_range().split()) for p in doc)
    finally:
        doc.close()


class Prints:
    """Records what the windows print: case documents rendered for real (PDF kept), registries through the real
    preview (its PDF kept). Nothing modal is opened."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str, bytes]] = []

    def document(self, ctx: AppContext, kind: str, reg_no: str, parent: Any = None) -> None:
        pdf = render(kind, ctx.register, reg_no, ctx.lang, actor=ctx.user)
        self.calls.append((kind, reg_no.upper(), pdf))

    def kinds(self, reg_no: str | None = None) -> list[tuple[str, str]]:
        return [(k, r) for k, r, _ in self.calls if reg_no is None or r == reg_no]


@pytest.fixture
def prints(monkeypatch) -> Prints:
    recorder = Prints()
    monkeypatch.setattr(printing, "print_document", recorder.document)
    real = registries.print_registry

    def registry(ctx, number, parent=None):
        dialog = real(ctx, number, parent)
        recorder.calls.append(("registry", number, dialog.pdf))
        dialog.close()
        return dialog

    monkeypatch.setattr(registries, "print_registry", registry)
    return recorder


@pytest.fixture
def staff(register, people) -> dict[str, Any]:
    """The department's staff plus inspectors of branches 3 and 5 and the akims of akimats 42 and 43."""
    admin = people["admin"]
    made = dict(people)
    for username, name, roles, kw in (
            ("insp3", "Бекова Жанар", ["psc_inspector"], {"psc_branch": BRANCH}),
            ("coll3", "Тоқтаров Асқар", ["psc_collector"], {"psc_branch": BRANCH}),
            ("insp5", "Нұрланова Әсем", ["psc_inspector", "psc_collector"], {"psc_branch": OTHER_BRANCH}),
            ("akim42", "Тұрсынов Болат", ["akim"], {"akimat_id": AKIMAT}),
            ("akim43", "Әбенов Серік", ["akim"], {"akimat_id": OTHER_AKIMAT})):
        made[username] = register.create_user(admin, username, name, roles, username + "-pw", **kw)
    return made


def window(qtbot, register, user, settings, *, tab: str | None = None, clock: Clock | None = None,
           size: tuple[int, int] = (1360, 820)) -> MainWindow:
    """The user's main window, shown and active, its scanner on the given clock."""
    ctx = AppContext(register=register, user=user, lang="kk", settings=settings)
    win = MainWindow(ctx, settings, initial_tab=tab)
    win.remember = False
    qtbot.addWidget(win)
    if clock is not None:
        win.scanner._clock = clock
    win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    activate(qtbot, win)
    return win


def activate(qtbot, widget: QWidget) -> QWidget:
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget, timeout=2000)
    return widget


def applicant(serial: int) -> dict[str, str]:
    return {"iin": make_iin(dt.date(1985, 1, 2), "M", serial), "surname": "Ахметов", "name": "Ерлан",
            "patronymic": "Болатұлы", "address": "Бақанас ауылы, Абай көшесі, 5", "phone": "+7 701 123 45 67"}


CHILDREN = {"children": [{"full_name": "Ахметова Дана", "iin": make_iin(dt.date(2015, 5, 5), "F", 7)}]}


def psc_case(register, inspector, serial: int, now: dt.datetime | None = None):
    """An S7 application taken at the inspector's branch, straight through the store."""
    docs = [d.id for d in register.catalogue.service("S7").documents]
    return register.register_case(inspector, "S7", applicant(serial), CHILDREN, docs, channel="psc", now=now)


def events(register, reg_no: str) -> list[str]:
    return [e.action for e in register.history(reg_no)]


def wait_for(qtbot, condition: Callable[[], bool], timeout: int = 3000) -> None:
    qtbot.waitUntil(condition, timeout=timeout)
