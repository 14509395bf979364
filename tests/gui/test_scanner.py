"""A wedge scanner typing a registration number under the Kazakh or Russian layout is still read correctly, and its
keys never reach the focused widget while a person's keys still do, in order."""
from __future__ import annotations

from contextlib import contextmanager

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QLineEdit, QListWidget, QVBoxLayout, QWidget

from desktop.ui.scanner import ScanBuffer, ScannerFilter, decode_key

pytestmark = pytest.mark.gui

# X11 key codes of the US positions, as the scanner presses them
X11 = {**{c: 10 + i for i, c in enumerate("1234567890")}, **{c: 24 + i for i, c in enumerate("QWERTYUIOP")},
       **{c: 38 + i for i, c in enumerate("ASDFGHJKL")}, **{c: 52 + i for i, c in enumerate("ZXCVBNM")}}
# what the Kazakh layout types on those positions (digit row: Kazakh letters; letters: Cyrillic)
KZ_TEXT = {"1": "ә", "2": "і", "3": "ң", "4": "ғ", "5": ",", "6": ".", "7": "ү", "8": "ұ", "9": "қ", "0": "ө",
           "K": "л", "Q": "й", "A": "ф"}
RU_TEXT = {"1": "1", "2": "2", "0": "0", "K": "л"}


class Clock:
    def __init__(self) -> None:
        self.ms = 1000.0

    def __call__(self) -> float:
        return self.ms


def press(target: QWidget, ch: str, layout: dict[str, str], *, with_codes: bool = True) -> None:
    text = layout.get(ch, ch)
    key = Qt.Key.Key_unknown if not text.isascii() else (ord(ch) if ch.isalnum() else 0)
    code = X11.get(ch, 0) if with_codes else 0
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(target, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, code, 0, 0, text))


def enter(target: QWidget) -> None:
    QApplication.sendEvent(target, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier,
                                             36, 0, 0, "\r"))


@contextmanager
def listening(clock: Clock):
    """An application-wide scanner filter on a fake clock; yields the list of codes it recognised."""
    scanner = ScannerFilter(clock=clock)
    scanner.install()
    got: list[str] = []
    scanner.scanned.connect(got.append)
    try:
        yield got
    finally:
        QApplication.instance().removeEventFilter(scanner)


def scan(window: QWidget, clock: Clock, code: str, layout: dict[str, str], gap_ms: float, *,
         with_codes: bool = True, enter_gap_ms: float | None = None) -> None:
    for ch in code:
        clock.ms += gap_ms
        press(QApplication.focusWidget() or window, ch, layout, with_codes=with_codes)
    clock.ms += gap_ms if enter_gap_ms is None else enter_gap_ms
    enter(QApplication.focusWidget() or window)


@pytest.fixture
def window(qtbot):
    w = QWidget()
    layout = QVBoxLayout(w)
    edit = QLineEdit(w)
    layout.addWidget(edit)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    edit.setFocus()
    return w, edit


@pytest.mark.parametrize("layout", [KZ_TEXT, RU_TEXT, {}], ids=["kazakh", "russian", "us"])
def test_scan_under_any_layout_arrives_as_the_code(qtbot, window, layout):
    w, edit = window
    clock = Clock()
    code = "K032026000123"
    with listening(clock) as got:
        scan(w, clock, code, layout, 8)
    assert got == [code]
    assert edit.text() == ""  # the burst, garbled by the layout, never reached the field


def test_scan_without_native_codes_uses_layout_position_map(qtbot, window):
    w, edit = window
    clock = Clock()
    with listening(clock) as got:
        scan(w, clock, "K032026000123", KZ_TEXT, 5, with_codes=False)
    assert got == ["K032026000123"]


def test_human_typing_is_not_a_scan(qtbot, window):
    w, edit = window
    clock = Clock()
    with listening(clock) as got:
        scan(w, clock, "K032026000123", {}, 180, enter_gap_ms=150)  # a person types about 5 keys a second
    assert got == []
    assert edit.text() == "K032026000123"


def test_buffer_rules():
    buf = ScanBuffer(max_gap_ms=50, min_length=3)
    for i, ch in enumerate("AB"):
        buf.key(ch, ch, i * 10)
    assert buf.finish(25) is None  # too short
    for i, ch in enumerate("ABCD"):
        buf.key(ch, ch, 100 + i * 10)
    assert buf.finish(200) is None  # Enter came too late
    for i, ch in enumerate("ABCD"):
        buf.key(ch, ch, 300 + i * 10)
    assert buf.finish(335) == ("ABCD", "ABCD")


def test_decode_key_windows_virtual_keys():
    assert decode_key(0, "ә", 0, 0x31, "windows") == "1"
    assert decode_key(0, "л", 0, 0x4B, "windows") == "K"
    assert decode_key(0, "ә", 0, 0, "wayland") == "1"


def key(target: QWidget, qt_key: int, text: str = "", code: int = 0) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(target, QKeyEvent(kind, qt_key, Qt.KeyboardModifier.NoModifier, code, 0, 0, text))


def test_a_scan_never_reaches_a_list_and_a_person_still_searches_it(qtbot):
    items = QListWidget()
    items.addItems(["Ахметов", "Өмірбеков", "Лесов", "Әбенов"])
    qtbot.addWidget(items)
    items.show()
    qtbot.waitExposed(items)
    items.setCurrentRow(0)
    items.setFocus()
    clock = Clock()
    with listening(clock) as got:
        scan(items, clock, "K032026000123", KZ_TEXT, 6)  # 'лөңіөі.өөөәің': Лесов, Өмірбеков, Әбенов are there
        assert got == ["K032026000123"] and items.currentRow() == 0
        clock.ms += 1000
        press(items, "K", KZ_TEXT)  # a person: held back for the scanner's gap, then searched
        assert items.currentRow() == 0
        qtbot.waitUntil(lambda: items.currentRow() == 2, timeout=2000)


def test_held_keys_reach_the_field_in_order_before_what_decided_them(qtbot, window):
    w, edit = window
    other = QLineEdit(w)
    w.layout().addWidget(other)
    escaped: list[str] = []
    QShortcut(QKeySequence(Qt.Key.Key_Escape), w, lambda: escaped.append(edit.text()))
    clock = Clock()
    with listening(clock) as got:
        for ch in "K03":  # fast, like a scanner: held back while it may become a code
            clock.ms += 8
            press(edit, ch, {})
        assert edit.text() == ""
        clock.ms += 8
        key(edit, Qt.Key.Key_Space, " ", 65)  # a space cannot be in a code: the keys were typing
        assert edit.text() == "K03 "
        clock.ms += 8
        press(edit, "A", {})
        qtbot.keyClick(edit, Qt.Key.Key_Escape)  # a shortcut fires after the held key is in the field
        assert escaped == ["K03 A"]
        clock.ms += 8
        press(edit, "B", {})
        qtbot.mouseClick(other, Qt.MouseButton.LeftButton)  # a click: the key goes where it was typed
        assert edit.text() == "K03 AB" and other.text() == ""
        clock.ms += 8
        scan(w, clock, "K032026000123", KZ_TEXT, 6)
        assert got == ["K032026000123"] and edit.text() == "K03 AB" and other.text() == ""
