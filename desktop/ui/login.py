"""The login dialog: user name and password checked by the register (a salted slow hash).

A wrong password is an inline message under the fields, never a crash or a pop-up: the clerk types again.
"""
from __future__ import annotations

import logging

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QWidget

from ..core.errors import KenseError
from ..core.messages import language
from ..core.model import User
from ..store import Register
from .forms import child, load_into

log = logging.getLogger("kense.login")


class LoginDialog(QDialog):
    """Asks for user and password until they match an active account (``self.user``) or the user cancels."""

    def __init__(self, register: Register, username: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        load_into(self, "login")
        self.register = register
        self.user: User | None = None
        self.user_edit: QLineEdit = child(self, QLineEdit, "userEdit")
        self.password_edit: QLineEdit = child(self, QLineEdit, "passwordEdit")
        self.error_label: QLabel = child(self, QLabel, "errorLabel")
        self.office_label: QLabel = child(self, QLabel, "officeLabel")
        self.buttons: QDialogButtonBox = child(self, QDialogButtonBox, "buttonBox")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.error_label.hide()
        self._show_office()
        self.user_edit.setText(username)
        (self.password_edit if username else self.user_edit).setFocus()

    def _show_office(self) -> None:
        try:
            office = self.register.office()
        except KenseError:
            self.office_label.hide()
            return
        name = office.get("name_ru" if language() == "ru" else "name_kk", "")
        self.office_label.setText(f"№{office.get('number', '')} {name}")

    def accept(self) -> None:
        username = self.user_edit.text().strip()
        try:
            self.user = self.register.authenticate(username, self.password_edit.text())
        except KenseError as exc:
            log.info("login refused for %r: %s", username, exc.code)
            self.error_label.setText(exc.message(language()))
            self.error_label.show()
            self.password_edit.selectAll()
            self.password_edit.setFocus()
            return
        log.info("login: %s", self.user.username)
        super().accept()
