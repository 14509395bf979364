"""Live queues: every desk sees another desk's commit within a second, without a manual refresh.

``LiveUpdates`` runs the register's change watcher (``Register.watch()``: SQLite's change counter of the file, the
server's notifications on PostgreSQL) on a QThread of its own, on a connection of its own, and emits ``changed`` in
the GUI thread. Bursts are coalesced: the first change arms a short timer and everything noticed before it fires is
one ``changed``, so a burst of commits at another desk is a refresh every 80 ms at most, not one per commit.

The main window answers ``changed`` by refreshing the visible tab, the open case cards and the counts in place
(``kept_view`` keeps every list's scroll position and the focused field while they are refilled; the tabs keep the
selected case and what the user typed).
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QObject, QThread, QTimer, Signal
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QLineEdit, QWidget

from ..core.errors import KenseError

log = logging.getLogger("kense.live")

SLICE = 0.25        # s: the watcher waits in slices this long, so stopping never takes longer
COALESCE_MS = 80    # ms: changes noticed within this time after the first one are one refresh
RETRY = (0.5, 1.0, 2.0, 5.0)  # s: pauses between attempts while the register cannot be reached


class _WatchThread(QThread):
    """Waits on the watcher; ``noticed`` is emitted (queued to the GUI thread) for each change it reports."""

    noticed = Signal()
    lost = Signal(str)
    back = Signal()

    def __init__(self, watcher: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.watcher = watcher
        self._stop = threading.Event()

    def stop(self) -> None:
        self._stop.set()
        self.watcher.close()  # thread-safe: ends a wait in progress within its slice

    def run(self) -> None:
        failures = 0
        while not self._stop.is_set():
            try:
                changed = self.watcher.wait(SLICE)
            except KenseError as exc:  # the server went away: say so once, and keep trying calmly
                if failures == 0:
                    log.warning("live updates paused: %s", exc.message("en"))
                    self.lost.emit(exc.code)
                self._stop.wait(RETRY[min(failures, len(RETRY) - 1)])
                failures += 1
                continue
            if failures:
                log.info("live updates resumed after %d attempt(s)", failures)
                failures = 0
                self.back.emit()
            if changed and not self._stop.is_set():
                self.noticed.emit()


class LiveUpdates(QObject):
    """The register's changes made at other desks (and in other windows), as one ``changed`` signal per burst."""

    changed = Signal()
    lost = Signal(str)  # the watcher cannot reach the register (a KenseError code); it keeps trying
    back = Signal()     # it reaches the register again (a ``changed`` follows: changes may have been missed)

    def __init__(self, register: Any, parent: QObject | None = None, coalesce_ms: int = COALESCE_MS) -> None:
        super().__init__(parent)
        self.register = register
        self._thread: _WatchThread | None = None
        self._timer = QTimer(self, singleShot=True, interval=coalesce_ms)
        self._timer.timeout.connect(self.changed)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.isRunning()

    def start(self) -> bool:
        """Open the watcher (its own connection) and start listening; False, logged, when it cannot be opened."""
        if self._thread is not None:
            return True
        try:
            watcher = self.register.watch()
        except KenseError as exc:
            log.warning("live updates are off: %s", exc.message("en"))
            return False
        self._thread = _WatchThread(watcher)
        self._thread.setObjectName("kense-live")
        self._thread.noticed.connect(self._noticed)
        self._thread.lost.connect(self.lost)
        self._thread.back.connect(self.back)
        self._thread.back.connect(self._noticed)
        self._thread.start()
        log.info("live updates on (%s)", self.register.engine.name)
        return True

    def _noticed(self) -> None:
        if not self._timer.isActive():  # a throttle, not a debounce: a steady stream still refreshes every beat
            self._timer.start()

    def stop(self) -> None:
        """Stop listening and close the watcher's connection (within a quarter of a second)."""
        thread, self._thread = self._thread, None
        self._timer.stop()
        if thread is None:
            return
        thread.stop()
        thread.wait(5000)
        thread.deleteLater()


# ---------------------------------------------------------------- refreshing without losing the user's place

@contextmanager
def kept_view(root: QWidget | None) -> Iterator[None]:
    """Refill the widgets under ``root`` and keep where the user was: every list's and pane's scroll position, the
    focused field and its cursor. (Selections and typed text are kept by the tabs themselves, by case number.)"""
    if root is None:
        yield
        return
    areas = [w for w in [root, *root.findChildren(QAbstractScrollArea)] if isinstance(w, QAbstractScrollArea)]
    scrolls = [(w, w.verticalScrollBar().value(), w.horizontalScrollBar().value()) for w in areas]
    focus = QApplication.focusWidget()
    if focus is not None and focus is not root and not root.isAncestorOf(focus):
        focus = None
    edit = (focus.text(), focus.cursorPosition(), focus.selectionStart(), len(focus.selectedText())) \
        if isinstance(focus, QLineEdit) else None
    try:
        yield
    finally:
        _restore(scrolls, focus, edit)


def _restore(scrolls: list[tuple[QAbstractScrollArea, int, int]], focus: QWidget | None,
             edit: tuple[str, int, int, int] | None) -> None:
    for area, vertical, horizontal in scrolls:
        try:
            area.verticalScrollBar().setValue(vertical)
            area.horizontalScrollBar().setValue(horizontal)
        except RuntimeError:  # deleted while refreshing
            continue
    if focus is None:
        return
    try:
        if focus.isVisible() and focus.isEnabled() and QApplication.focusWidget() is not focus:
            focus.setFocus()
        if edit is not None and focus.text() == edit[0]:
            if edit[3]:
                focus.setSelection(edit[2], edit[3])
            else:
                focus.setCursorPosition(edit[1])
    except RuntimeError:
        pass


def busy_with_a_dialog() -> bool:
    """A question box, a file dialog or an open drop-down list: refresh when it is closed, not under it."""
    return QApplication.activeModalWidget() is not None or QApplication.activePopupWidget() is not None


def later(parent: QObject, ms: int, slot: Callable[[], None]) -> QTimer:
    timer = QTimer(parent, singleShot=True, interval=ms)
    timer.timeout.connect(slot)
    return timer
