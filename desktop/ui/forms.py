"""Load Qt Designer forms from forms/ at run time (QUiLoader), and check they have the widgets code uses."""
from __future__ import annotations

from PySide6.QtCore import QFile, QIODevice
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QWidget

from ..paths import forms_dir


class FormError(RuntimeError):
    pass


class _Loader(QUiLoader):
    """A loader whose top-level widget is an existing instance (a subclass of the form's class).

    This is PySide's answer to ``uic.loadUi(path, self)``: the form's children, layout, menus and actions are
    built onto ``base``, so a window class can own its Designer form and still override events.
    """

    def __init__(self, base: QWidget) -> None:
        super().__init__()
        self._base: QWidget | None = base
        # widgets built from a form retranslate themselves when the interface language changes
        self.setLanguageChangeEnabled(True)

    def createWidget(self, class_name: str, parent: QWidget | None = None, name: str = "") -> QWidget:
        if parent is None and self._base is not None:
            base, self._base = self._base, None
            base.setObjectName(name)
            return base
        return super().createWidget(class_name, parent, name)


def _load(name: str, loader: QUiLoader, parent: QWidget | None) -> QWidget:
    path = forms_dir() / f"{name}.ui"
    file = QFile(str(path))
    if not file.open(QIODevice.OpenModeFlag.ReadOnly):
        raise FormError(f"cannot open form {path}")
    try:
        widget = loader.load(file, parent)
    finally:
        file.close()
    if widget is None:
        raise FormError(f"cannot load form {path}: {loader.errorString()}")
    return widget


def load_form(name: str, parent: QWidget | None = None) -> QWidget:
    """Build the widget tree of forms/<name>.ui; its child widgets are found with ``child(form, Type, name)``."""
    loader = QUiLoader()
    loader.setLanguageChangeEnabled(True)  # the form retranslates itself when the interface language changes
    return _load(name, loader, parent)


def load_into(base: QWidget, name: str) -> QWidget:
    """Build forms/<name>.ui onto ``base`` (whose class must be, or derive from, the form's top-level class)."""
    widget = _load(name, _Loader(base), None)
    if widget is not base:
        raise FormError(f"form {name} was not built onto {type(base).__name__}")
    return base


def child(form: QWidget, kind: type, name: str):
    """The named child widget of a form; a missing one is a programming error found by the forms test."""
    found = form.findChild(kind, name)
    if found is None:
        raise FormError(f"form {form.objectName()} has no {kind.__name__} '{name}'")
    return found
