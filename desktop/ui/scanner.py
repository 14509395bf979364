"""Barcode scanners in keyboard-wedge mode, whatever keyboard layout is active.

A wedge scanner sends key *positions*. Under the Kazakh layout the digit row types Kazakh letters (ә і ң ғ …) and
under the Russian or Kazakh layout the Latin letters arrive as Cyrillic, so a scanned 'K012026000123' would be typed
as 'лә...' . We therefore read layout-independent codes: the Windows virtual key (VK_0..VK_9 and VK_A..VK_Z are the
same on every layout) or the X11/evdev key code, and fall back to a position map of the KZ and RU layouts when the
platform gives neither (Wayland, offscreen).

A scan is told from typing by timing: at least MIN_LENGTH keys less than MAX_GAP_MS apart, closed by Enter (or Tab).
The filter sits on the whole application, so a scan is recognised anywhere in the window; it emits ``scanned`` with
the decoded text and swallows the closing Enter (and its ShortcutOverride, so no shortcut or default button fires).

A scan must not change the widget that has the focus, yet it is only recognised at its end. The filter therefore
*holds back* every key that could still be part of a scan: it keeps a copy of the key press (and of the key
releases that follow while something is held), swallows the original, and decides later:

* the Enter closes a code the filter accepts: the held keys are dropped, the widget never saw any of them;
* anything else — a gap longer than MAX_GAP_MS (a timer fires even when no other key comes), a key that cannot be
  part of a code (Backspace, a space, an arrow, a Ctrl or Alt chord, an auto-repeat), a prefix that can no longer
  become a code, an Enter or Tab after typing that is not a code, a mouse click or wheel: the held keys are sent
  to the widget they were pressed in, in their order, before the key or click that decided it.

Holding back was chosen over restoring a snapshot of the focused widget after the scan: by the time a scan is
recognised a combo box has already emitted currentIndexChanged/activated (the counter rebuilds the service's
fields and documents), a table has emitted selectionChanged (the head's pane reloads), a line edit has emitted
textChanged (the IIN lookup runs), and a widget's type-ahead has kept the scan's letters as its search string.
A snapshot restores only the state we know how to read, for the widget types we thought of; held keys never reach
any widget, whatever its type. The price is a short delay for a person: a key that could start a code waits at
most MAX_GAP_MS (+ a few ms) before it is delivered, and subclasses keep that to the keys that can really begin a
code (``could_become``: for Kense a K or R followed by digits), so typing 'S' in a combo is not delayed at all.
Replayed keys are sent to the widget they were typed in; Qt offers them to the shortcuts again, as it does any key
sent to a widget, and they pass this filter untouched.

A code that arrives too slowly to be a scan (a tired scanner, a slow USB hub, or a person copying a number into the
wrong field) would otherwise be typed into the focused field and its Enter would press the default button or
register the application. With ``slow_gap_ms`` set, the filter also follows such slower bursts (keys at most
``slow_gap_ms`` apart that together spell a whole code, see ``accepts``): their closing Enter presses nothing, the
code's characters are taken back out of the line edit they were typed into, and ``slow_code`` is emitted so the
window can ask "not recognised as a scan — open case K…?". Fields meant for codes (``takes_codes``) keep it all.
"""
from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

MAX_GAP_MS = 50
MIN_LENGTH = 6
MAX_HOLD = 64  # a runaway burst is not held back for ever (the store refuses codes longer than this too)
SLOW_GAP_MS = 600  # slower than any scanner, about the pace of a person copying digits: a slow burst still counts

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

_CHORD = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
# a scanner may press Shift around a capital letter: Shift alone neither breaks a burst nor belongs to it
_NEUTRAL_KEYS = {Qt.Key.Key_Shift}
# a click or the wheel decides the held keys: a person is at the keyboard, and the keys came first
_INTERRUPTS = {QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick, QEvent.Type.Wheel,
               QEvent.Type.TouchBegin, QEvent.Type.ContextMenu}
_KEY_EVENTS = {QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride}


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
        if not self.fresh(at_ms):
            self.reset()
        self.last_ms = at_ms
        if char is None:
            self.reset()
            return
        self.chars.append(char)
        self.raw.append(raw_text)

    def fresh(self, at_ms: float) -> bool:
        """The burst is still going: its last key came at most max_gap_ms ago."""
        return self.last_ms is not None and at_ms - self.last_ms <= self.max_gap_ms

    def text(self, at_ms: float) -> str:
        """What the burst has typed so far, decoded ('' once it is over)."""
        return "".join(self.chars) if self.fresh(at_ms) else ""

    def finish(self, at_ms: float) -> tuple[str, str] | None:
        """On Enter: the scanned code and the raw text it typed, if this was a scan."""
        fast = self.fresh(at_ms)
        result = ("".join(self.chars), "".join(self.raw)) if fast and len(self.chars) >= self.min_length else None
        self.reset()
        return result

    def reset(self) -> None:
        self.chars.clear()
        self.raw.clear()
        self.last_ms = None


class ScannerFilter(QObject):
    """Application-wide event filter that recognises wedge-scanner bursts and emits the decoded code.

    The keys of a burst are held back until it is decided (see the module docstring). Subclasses narrow what is
    watched (``watches``), which prefixes are held (``could_become``) and which codes are scans (``accepts``)."""

    scanned = Signal(str)
    slow_code = Signal(str)  # a whole code closed by Enter, but typed too slowly to be a scan

    def __init__(self, parent: QObject | None = None, clock: Callable[[], float] | None = None,
                 max_gap_ms: float = MAX_GAP_MS, min_length: int = MIN_LENGTH,
                 slow_gap_ms: float | None = None) -> None:
        super().__init__(parent)
        self._clock = clock or (lambda: time.monotonic() * 1000)
        self._buffer = ScanBuffer(max_gap_ms, min_length)
        self._slow = ScanBuffer(slow_gap_ms, min_length) if slow_gap_ms else None  # the slower bursts
        self._platform = QGuiApplication.platformName()
        self._held: list[tuple[QWidget, QKeyEvent]] = []
        self._replaying = False
        self._eat_release: int | None = None  # the closing Enter's release, after a scan
        # fires when the gap is over although no key came: the held keys were typed by a person. Precise, so it
        # never fires before the gap the clock measures; a few ms later, so the clock decides the borderline.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(math.ceil(max_gap_ms) + 5)
        self._timer.timeout.connect(self.release)

    # ------------------------------------------------------------ what a subclass may narrow

    def watches(self, widget: QWidget) -> bool:
        """Whether key presses in this widget are looked at (all, here)."""
        return True

    def could_become(self, prefix: str) -> bool:
        """Whether a burst that decoded to ``prefix`` may still become a code: only then are its keys held."""
        return len(prefix) <= MAX_HOLD

    def accepts(self, code: str) -> bool:
        """Whether a fast burst closed by Enter is a scan."""
        return self._buffer.min_length <= len(code) <= MAX_HOLD

    def takes_codes(self, widget: QWidget) -> bool:
        """Whether this widget is meant for codes typed by hand (a scan field): a slow code there is left alone."""
        return False

    # ------------------------------------------------------------ installing

    def install(self, app: QApplication | None = None) -> None:
        (app or QApplication.instance()).installEventFilter(self)

    def remove(self) -> None:
        """Stop listening; keys still held are delivered."""
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.release()

    def holding(self) -> bool:
        """Whether key presses are being held back right now."""
        return bool(self._held)

    # ------------------------------------------------------------ the filter

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        kind = event.type()
        if kind in _INTERRUPTS:
            if self._slow is not None and not self._replaying:
                self._slow.reset()
            if self._held and not self._replaying:
                self.release()
            return False
        if kind not in _KEY_EVENTS or self._replaying or not isinstance(event, QKeyEvent) \
                or not isinstance(watched, QWidget):
            return False
        # the application filter sees a key once per receiver (window, focus widget, parents): count it once,
        # at the focus widget (or at the window when nothing has focus)
        focus = QApplication.focusWidget()
        if (focus is not None and watched is not focus) or not self.watches(watched):
            return False
        if kind == QEvent.Type.KeyRelease:
            return self._key_release(watched, event)
        if kind == QEvent.Type.ShortcutOverride:
            return self._shortcut_override(event)
        return self._key_press(watched, event)

    def _shortcut_override(self, event: QKeyEvent) -> bool:
        """Qt offers a key to the shortcuts before the key press (a key sent to a widget too): a scan's Enter is
        claimed, so no shortcut fires and the key press follows; a key that may be a shortcut (Enter, Esc, F9, a
        Ctrl or Alt chord) delivers the held keys first. Plain printable keys are left to the key press: the
        override may lack the native key code, and no shortcut is bound to such a key."""
        key, text = event.key(), event.text()
        if is_terminator(key, event.nativeScanCode()):
            if self._judge(event)[0] == "scan" or self._slow_code(event) is not None:
                event.accept()
                return True
            self.release()
        elif key not in _NEUTRAL_KEYS and (event.modifiers() & _CHORD or not text or not text.isprintable()):
            self.release()
        return False

    def _judge(self, event: QKeyEvent) -> tuple[str, str]:
        """What a key press means now: 'scan' (with the code), 'hold' (extends the burst, or starts one),
        'restart' (the held keys are typing, this key may start a code), 'neutral' or 'pass'."""
        key, native = event.key(), event.nativeScanCode()
        so_far = self._buffer.text(self._clock())
        if event.isAutoRepeat():  # a held-down key: a person
            return "pass", ""
        if key in _NEUTRAL_KEYS:
            return "neutral", ""
        if is_terminator(key, native):
            return ("scan", so_far) if so_far and self.accepts(so_far) else ("pass", "")
        if event.modifiers() & _CHORD:
            return "pass", ""
        char = decode_key(key, event.text(), native, event.nativeVirtualKey(), self._platform)
        if char is None:
            return "pass", ""
        if self.could_become(so_far + char):
            return "hold", char
        if so_far and self.could_become(char):
            return "restart", char
        return "pass", ""

    def _key_press(self, watched: QWidget, event: QKeyEvent) -> bool:
        self._eat_release = None
        action, value = self._judge(event)
        if action == "scan":
            self._drop()
            if self._slow is not None:
                self._slow.reset()
            self._eat_release = event.key()
            self.scanned.emit(value)
            return True
        slow = self._slow_code(event) if action == "pass" else None
        if slow is not None:  # a whole code, too slow for a scan: its Enter presses nothing
            self.release()
            self._take_back(watched)
            self._eat_release = event.key()
            self.slow_code.emit(slow)
            return True
        self._follow_slow(event)
        if action == "neutral":
            return self._hold(watched, event) if self._held else False
        if self._typed_before(action):
            self.release()  # what was held is typing: deliver it first
        if action == "pass":
            return False
        self._buffer.key(value, event.text(), self._clock())
        self._timer.start()
        return self._hold(watched, event)

    # ------------------------------------------------------------ slow bursts

    def _follow_slow(self, event: QKeyEvent) -> None:
        """Keep the slower burst this key extends (or starts), or forget it."""
        if self._slow is None or event.key() in _NEUTRAL_KEYS:
            return
        now = self._clock()
        char = None if event.isAutoRepeat() or event.modifiers() & _CHORD else decode_key(
            event.key(), event.text(), event.nativeScanCode(), event.nativeVirtualKey(), self._platform)
        if char is not None and self.could_become(self._slow.text(now) + char):
            self._slow.key(char, event.text(), now)
        elif char is not None and self.could_become(char):
            self._slow.reset()
            self._slow.key(char, event.text(), now)
        else:
            self._slow.reset()

    def _slow_code(self, event: QKeyEvent) -> str | None:
        """The code a slower burst spelled, when this key is the Enter that closes it in a field not for codes."""
        if self._slow is None or event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return None
        code = self._slow.text(self._clock())
        focus = QApplication.focusWidget()
        if not code or not self.accepts(code) or (focus is not None and self.takes_codes(focus)):
            return None
        return code

    def _take_back(self, watched: QWidget) -> None:
        """Take the slow code's characters back out of the line edit they went into (undoable, like a delete)."""
        if self._slow is None:
            return
        raw = "".join(self._slow.raw)
        self._slow.reset()
        focus = QApplication.focusWidget() or watched
        if isinstance(focus, QLineEdit) and raw and not focus.isReadOnly():
            text = focus.text()
            if text.endswith(raw) and focus.cursorPosition() == len(text):
                focus.setSelection(len(text) - len(raw), len(raw))
                focus.del_()

    def _typed_before(self, action: str) -> bool:
        """Whether this key shows that the keys held so far were typed by a person."""
        return action in ("pass", "restart") or (action == "hold" and not self._buffer.fresh(self._clock()))

    def _key_release(self, watched: QWidget, event: QKeyEvent) -> bool:
        if self._eat_release is not None and event.key() == self._eat_release:
            self._eat_release = None
            return True
        return self._hold(watched, event) if self._held else False

    def _hold(self, watched: QWidget, event: QKeyEvent) -> bool:
        self._held.append((watched, QKeyEvent(event)))
        return True

    def _drop(self) -> None:
        """A scan: the held keys were the scanner's, nobody gets them."""
        self._timer.stop()
        self._buffer.reset()
        self._held.clear()

    def release(self) -> None:
        """The held keys were typed by a person: deliver them, in their order, to the widgets they were typed in."""
        self._timer.stop()
        self._buffer.reset()
        held, self._held = self._held, []
        if not held:
            return
        self._replaying = True
        try:
            for target, event in held:
                if shiboken6.isValid(target):
                    QApplication.sendEvent(target, event)
        finally:
            self._replaying = False
