"""Barcode scanners in keyboard-wedge mode, whatever keyboard layout is active.

A wedge scanner sends key *positions*. Under the Kazakh layout the digit row types Kazakh letters (ә і ң ғ …) and
under the Russian or Kazakh layout the Latin letters arrive as Cyrillic, so a scanned 'K012026000123' would be typed
as 'лә...' . We therefore read layout-independent codes: the Windows virtual key (VK_0..VK_9 and VK_A..VK_Z are the
same on every layout) or the X11/evdev key code, and fall back to a position map of the KZ and RU layouts when the
platform gives neither (Wayland, offscreen).

A scan is told from typing by timing: at least MIN_LENGTH keys less than MAX_GAP_MS apart, closed by Enter (or Tab).
The filter sits on the whole application, so a scan is recognised anywhere in the window; it emits ``scanned`` with
the decoded text and swallows the closing Enter, and removes the garbled characters the burst left in a line edit.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

MAX_GAP_MS = 50
MIN_LENGTH = 6

# X11 key codes (evdev + 8) of the main block, in US positions.
_X11 = {**{10 + i: c for i, c in enumerate("1234567890")},
        **{24 + i: c for i, c in enumerate("QWERTYUIOP")},
        **{38 + i: c for i, c in enumerate("ASDFGHJKL")},
        **{52 + i: c for i, c in enumerate("ZXCVBNM")},
        # keypad digits (NumLock on)
        87: "1", 88: "2", 89: "3", 83: "4", 84: "5", 85: "6", 79: "7", 80: "8", 81: "9", 90: "0"}
_X11_ENTER = {36, 104}
_X11_TAB = {23}

# What the Kazakh and Russian layouts type on each US position (lower case; upper case is derived).
_KZ_DIGITS = {"ә": "1", "і": "2", "ң": "3", "ғ": "4", "ү": "7", "ұ": "8", "қ": "9", "ө": "0"}
_RU_LETTERS = dict(zip("йцукенгшщзфывапролдячсмитьбю", "QWERTYUIOPASDFGHJKLZXCVBNM,."))
_FALLBACK = {**_KZ_DIGITS, **{k: v for k, v in _RU_LETTERS.items() if v.isalnum()}}
_FALLBACK.update({k.upper(): v for k, v in list(_FALLBACK.items())})


def decode_key(key: int, text: str, native_scan_code: int, native_virtual_key: int, platform: str) -> str | None:
    """The US-layout character (digit or capital Latin letter) of one key press, or None."""
    if platform == "windows" and (0x30 <= native_virtual_key <= 0x39 or 0x41 <= native_virtual_key <= 0x5A):
        return chr(native_virtual_key)
    if platform in ("xcb", "offscreen", "minimal") and native_scan_code in _X11:
        return _X11[native_scan_code]
    if text:
        ch = text[0]
        if ch.isascii() and ch.isalnum():
            return ch.upper()
        if ch in _FALLBACK:
            return _FALLBACK[ch]
    if Qt.Key.Key_0 <= key <= Qt.Key.Key_9 or Qt.Key.Key_A <= key <= Qt.Key.Key_Z:
        return chr(key)
    return None


def is_terminator(key: int, native_scan_code: int) -> bool:
    return key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab) or native_scan_code in (
        _X11_ENTER | _X11_TAB)


@dataclass
class ScanBuffer:
    """Timing logic, separate from Qt events so it is easy to test."""
    max_gap_ms: float = MAX_GAP_MS
    min_length: int = MIN_LENGTH
    chars: list[str] = field(default_factory=list)
    raw: list[str] = field(default_factory=list)
    last_ms: float | None = None

    def key(self, char: str | None, raw_text: str, at_ms: float) -> None:
        if self.last_ms is not None and at_ms - self.last_ms > self.max_gap_ms:
            self.reset()
        self.last_ms = at_ms
        if char is None:
            self.reset()
            return
        self.chars.append(char)
        self.raw.append(raw_text)

    def finish(self, at_ms: float) -> tuple[str, str] | None:
        """On Enter: the scanned code and the raw text it typed, if this was a scan."""
        fast = self.last_ms is not None and at_ms - self.last_ms <= self.max_gap_ms
        result = ("".join(self.chars), "".join(self.raw)) if fast and len(self.chars) >= self.min_length else None
        self.reset()
        return result

    def reset(self) -> None:
        self.chars.clear()
        self.raw.clear()
        self.last_ms = None


class ScannerFilter(QObject):
    """Application-wide event filter that recognises wedge-scanner bursts and emits the decoded code."""

    scanned = Signal(str)

    def __init__(self, parent: QObject | None = None, clock: Callable[[], float] | None = None,
                 max_gap_ms: float = MAX_GAP_MS, min_length: int = MIN_LENGTH) -> None:
        super().__init__(parent)
        self._clock = clock or (lambda: time.monotonic() * 1000)
        self._buffer = ScanBuffer(max_gap_ms, min_length)
        self._platform = QGuiApplication.platformName()

    def install(self, app: QApplication | None = None) -> None:
        (app or QApplication.instance()).installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        # the application filter sees a key once per receiver (window, focus widget, parents): count it once,
        # at the focus widget (or at the window when nothing has focus)
        focus = QApplication.focusWidget()
        if not isinstance(watched, QWidget) or (focus is not None and watched is not focus):
            return False
        now = self._clock()
        if is_terminator(event.key(), event.nativeScanCode()):
            result = self._buffer.finish(now)
            if result is None:
                return False
            code, raw = result
            self._erase(raw)
            self.scanned.emit(code)
            return True
        if event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            self._buffer.reset()
            return False
        char = decode_key(event.key(), event.text(), event.nativeScanCode(), event.nativeVirtualKey(),
                          self._platform)
        self._buffer.key(char, event.text(), now)
        return False

    @staticmethod
    def _erase(raw: str) -> None:
        """Remove what the burst typed into the focused line edit (it was typed in the wrong layout)."""
        focus = QApplication.focusWidget()
        if isinstance(focus, QLineEdit) and raw and focus.text().endswith(raw):
            focus.setText(focus.text()[: -len(raw)])
