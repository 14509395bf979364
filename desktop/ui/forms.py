"""Load Qt Designer forms from forms/ at run time (QUiLoader), and check they have the widgets code uses."""
from __future__ import annotations

from PySide6.QtCore import QFile, QIODevice
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QWidget

from ..paths import forms_dir


class FormError(RuntimeError):
    pass


def load_form(name: str, parent: QWidget | None = None) -> QWidget:
    """Build the widget tree of forms/<name>.ui; its child widgets are found with ``child(form, Type, name)``."""
    path = forms_dir() / f"{name}.ui"
    file = QFile(str(path))
    if not file.open(QIODevice.OpenModeFlag.ReadOnly):
        raise FormError(f"cannot open form {path}")
    try:
        widget = QUiLoader().load(file, parent)
    finally:
        file.close()
    if widget is None:
        raise FormError(f"cannot load form {path}")
    return widget


def child(form: QWidget, kind: type, name: str):
    """The named child widget of a form; a missing one is a programming error found by the forms test."""
    found = form.findChild(kind, name)
    if found is None:
        raise FormError(f"form {form.objectName()} has no {kind.__name__} '{name}'")
    return found
