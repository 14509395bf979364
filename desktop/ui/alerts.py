"""The one place that shows message boxes (tests monkeypatch ``_exec`` or read ``last``).

A domain refusal is a calm message in the user's language; anything else is a bug and goes to the crash report.
"""
from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from ..core.errors import KenseError
from ..core.messages import language

last: dict[str, str] = {}  # the last alert shown: {"kind", "title", "text"} (for tests and the log)


def _exec(box: QMessageBox) -> int:
    return box.exec()


def _show(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str, kind: str,
          buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok) -> int:
    last.clear()
    last.update(kind=kind, title=title, text=text)
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setObjectName(f"alert_{kind}")
    return _exec(box)


def info(parent: QWidget | None, title: str, text: str) -> None:
    _show(parent, QMessageBox.Icon.Information, title, text, "info")


def warn(parent: QWidget | None, title: str, text: str) -> None:
    _show(parent, QMessageBox.Icon.Warning, title, text, "warn")


def error(parent: QWidget | None, title: str, text: str) -> None:
    _show(parent, QMessageBox.Icon.Critical, title, text, "error")


def question(parent: QWidget | None, title: str, text: str) -> bool:
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    return _show(parent, QMessageBox.Icon.Question, title, text, "question", buttons) == QMessageBox.StandardButton.Yes


def refusal(parent: QWidget | None, exc: KenseError, title: str = "Kense") -> None:
    """A domain refusal or known store condition, in the user's language."""
    warn(parent, title, exc.message(language()))
