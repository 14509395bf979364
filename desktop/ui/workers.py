"""Long work off the GUI thread (backup, demo load) with a progress dialog.

A job is a plain function ``job(progress) -> result`` that runs on a QThread; ``progress(done, total)`` may be
called from the job as often as it likes (it is throttled before it crosses threads). The job must not touch any
widget, and since a sqlite3 connection belongs to the thread that opened it, a job that needs the register opens
its OWN Register on the same file (see ``backup_job``, ``demo_job``). When the job ends, ``on_success(result)`` or
``on_failure(exc)`` runs on the GUI thread (Anki's QueryOp pattern).
"""
from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from ..core.errors import KenseError
from . import alerts

log = logging.getLogger("kense.workers")
Progress = Callable[[int, int], None]
Job = Callable[[Progress], Any]
THROTTLE_S = 0.05


class _Worker(QObject):
    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, job: Job) -> None:
        super().__init__()
        self._job = job
        self._last = 0.0

    def _progress(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self._last >= THROTTLE_S or done >= total:
            self._last = now
            self.progressed.emit(int(done), int(total))

    @Slot()
    def run(self) -> None:
        try:
            result = self._job(self._progress)
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread, which decides
            self._home()
            self.failed.emit(exc)
        else:
            self._home()
            self.succeeded.emit(result)

    def _home(self) -> None:
        """Back to the GUI thread, so the worker can be deleted there once its thread has ended."""
        self.moveToThread(QCoreApplication.instance().thread())


class Runner(QObject):
    """One job on its own thread with a modal progress dialog; ``finished`` fires after the handlers ran."""

    finished = Signal()

    def __init__(self, parent: QWidget | None, label: str, job: Job, on_success: Callable[[Any], None],
                 on_failure: Callable[[BaseException], None] | None = None, *, dialog: bool = True) -> None:
        super().__init__(parent)
        self.result: Any = None
        self.error: BaseException | None = None
        self._on_success = on_success
        self._on_failure = on_failure or (lambda exc: default_failure(parent, exc))
        self.dialog: QProgressDialog | None = None
        if dialog:
            self.dialog = QProgressDialog(label, "", 0, 0, parent)
            self.dialog.setObjectName("progressDialog")
            self.dialog.setCancelButton(None)  # a backup or a bulk load is not stopped half-way
            self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self.dialog.setMinimumDuration(0)
            self.dialog.setAutoClose(False)
            self.dialog.setAutoReset(False)
        self._thread = QThread()
        self._worker = _Worker(job)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progressed.connect(self._progressed)
        self._worker.succeeded.connect(self._succeeded)
        self._worker.failed.connect(self._failed)

    def start(self) -> Runner:
        _active.add(self)
        if self.dialog is not None:
            self.dialog.show()
        self._thread.start()
        return self

    @property
    def running(self) -> bool:
        return self._thread.isRunning()

    def _progressed(self, done: int, total: int) -> None:
        if total > 0 and self.dialog is not None:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))

    def _stop_thread(self) -> None:
        self._thread.quit()
        self._thread.wait()
        if self.dialog is not None:
            self.dialog.hide()
            self.dialog.deleteLater()

    def _succeeded(self, result: Any) -> None:
        self._stop_thread()
        self.result = result
        try:
            self._on_success(result)
        finally:
            self._done()

    def _failed(self, exc: BaseException) -> None:
        self._stop_thread()
        self.error = exc
        try:
            self._on_failure(exc)
        finally:
            self._done()

    def _done(self) -> None:
        _active.discard(self)
        self.finished.emit()


_active: set[Runner] = set()  # running jobs stay referenced until they end


def default_failure(parent: QWidget | None, exc: BaseException) -> None:
    """A known condition is a calm message; anything else is a bug for the crash report."""
    if isinstance(exc, KenseError):
        alerts.refusal(parent, exc)
        return
    sys.excepthook(type(exc), exc, exc.__traceback__)


def run_with_progress(parent: QWidget | None, label: str, job: Job, on_success: Callable[[Any], None],
                      on_failure: Callable[[BaseException], None] | None = None) -> Runner:
    """Start ``job`` on a worker thread behind a progress dialog; returns the running Runner."""
    return Runner(parent, label, job, on_success, on_failure).start()


def run_in_background(parent: QWidget | None, job: Job, on_success: Callable[[Any], None],
                      on_failure: Callable[[BaseException], None] | None = None) -> Runner:
    """Start ``job`` on a worker thread without a dialog (the user keeps working); returns the running Runner."""
    return Runner(parent, "", job, on_success, on_failure, dialog=False).start()


# ---------------------------------------------------------------- the app's long jobs

def backup_job(db_path: Path, dest: Path) -> Job:
    """Copy the register with SQLite's backup API on the worker's own connection, then verify the copy."""
    def job(progress: Progress):
        from ..store import Register
        with Register.open(db_path, check=False) as reg:
            return reg.backup(dest, progress=progress)
    return job


def integrity_job(db_path: Path) -> Job:
    """The SQLite quick_check of the register on the worker's own connection; raises DatabaseCorrupt when damaged."""
    def job(progress: Progress):
        from ..store import Register
        with Register.open(db_path, check=True):
            return "ok"
    return job


def demo_job(db_path: Path, cases: int, office: int, seed: int = 349) -> Job:
    """Load synthetic demo cases into the register on the worker's own connection; returns the number made."""
    def job(progress: Progress):
        from ..store import Register
        from ..store.demo import load_demo
        with Register.open(db_path, check=False) as reg:
            return load_demo(reg, cases=cases, office=office, seed=seed, progress=progress)
    return job
