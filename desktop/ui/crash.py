"""The report dialog for unexpected exceptions, and the sys.excepthook that shows it.

A domain refusal (KenseError) that escaped a tab is still a calm message (alerts.refusal); anything else is a bug:
it is logged with its traceback and shown in a dialog the user can copy into a support request. The hook is only
installed by ``app.run`` (pytest-qt has its own hook for exceptions in slots).
"""
from __future__ import annotations

import sys
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (QApplication, QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QPushButton,
                               QVBoxLayout, QWidget)

from ..core.errors import KenseError
from . import alerts, logs
from .screens import fit_to_screen


def tr(text: str) -> str:
    return QCoreApplication.translate("ReportDialog", text)


class ReportDialog(QDialog):
    """Shows what went wrong (versions and traceback) and where the log file is."""

    def __init__(self, report: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportDialog")
        self.setWindowTitle(self.tr("Kense — unexpected error"))
        fit_to_screen(self, 720, 420)
        layout = QVBoxLayout(self)
        log_file = logs.current_log_file()
        intro = QLabel(self.tr("Something went wrong inside Kense. Your data is safe: every saved action is in the "
                               "register. Please send this report to your administrator.") +
                       (("\n" + self.tr("Log file: %1").replace("%1", str(log_file))) if log_file else ""))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.text = QPlainTextEdit(report)
        self.text.setObjectName("reportText")
        self.text.setReadOnly(True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton(self.tr("&Copy report"))
        copy.setObjectName("copyButton")
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(report))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


_showing = False


def excepthook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    """Log, then tell the user calmly (known condition) or with the report dialog (a bug)."""
    global _showing
    if issubclass(kind, KeyboardInterrupt):
        QCoreApplication.quit()
        return
    if isinstance(value, KenseError):
        logs.log.warning("refusal not caught by the widget: %s", value.message("en"))
        if QApplication.instance() is not None:
            alerts.refusal(QApplication.activeWindow(), value)
        return
    report = logs.log_exception(kind, value, tb)
    if QApplication.instance() is None or _showing:
        logs.stderr(report)
        return
    _showing = True
    try:
        ReportDialog(report, QApplication.activeWindow()).exec()
    finally:
        _showing = False


def install_excepthook() -> None:
    sys.excepthook = excepthook
