"""The login dialog: user name and password checked by the register (a salted slow hash), or by the server.

On a SQLite register the file keeps a salted slow hash of each password. On the office's PostgreSQL server the user
name and password ARE the database credentials: the dialog connects as that user (``Register.open(url, password=)``)
and the server authenticates; Kense keeps no password there. Logging out closes that connection (app.py).

A wrong password is an inline message under the fields, never a crash or a pop-up: the clerk types again.
"""
from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QInputDialog, QLabel, QLineEdit, QWidget

from ..core.errors import KenseError, PermissionDenied
from ..core.messages import language
from ..core.model import User
from ..store import Register
from ..store.engines import is_postgres
from . import alerts
from .forms import child, load_into
from .settings import without_password

translate = QCoreApplication.translate  # lupdate reads translate("Server", "text") with its literal context


def url_for_user(url: str, username: str) -> str:
    """The server's URL with ``username`` as its user and no password (that is given to the driver apart)."""
    parts = urlsplit(without_password(url))
    host = parts.netloc.rsplit("@", 1)[-1]
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "user"])
    return urlunsplit((parts.scheme, f"{quote(username, safe='')}@{host}", parts.path, query, parts.fragment))


def server_address(url: str) -> str:
    """host:port/database of a server URL, for people (no user, no password)."""
    parts = urlsplit(url)
    host = parts.netloc.rsplit("@", 1)[-1] or "localhost"
    return f"{host}{parts.path}"

log = logging.getLogger("kense.login")


class LoginDialog(QDialog):
    """Asks for user and password until they match an active account (``self.user``) or the user cancels."""

    def __init__(self, register: Register | None, username: str = "", parent: QWidget | None = None, *,
                 server: str | None = None) -> None:
        super().__init__(parent)
        load_into(self, "login")
        self.register = register  # on a server: None until the login connects (then the user's own session)
        self.server = server
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
        if self.register is None:  # a server: the office is read once the user's own session is open
            self.office_label.setText(translate("Server", "Office server: %1")
                                      .replace("%1", server_address(self.server or "")))
            return
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
            if self.server is not None:
                self.register, self.user = self._connect(username, self.password_edit.text())
            else:
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

    def _connect(self, username: str, password: str) -> tuple[Register, User]:
        """Connect to the server as ``username``: the server checks the password (SCRAM); then the login event."""
        if not username or not password:
            raise PermissionDenied("login_failed")
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            reg = Register.open(url_for_user(self.server or "", username), password=password, interactive=False)
            try:
                return reg, reg.authenticate(username, password)
            except BaseException:
                reg.close()
                raise
        finally:
            QGuiApplication.restoreOverrideCursor()


# ---------------------------------------------------------------- File → Connect to server…

def _exec(dialog: QInputDialog) -> int:
    """Show the dialog modally (tests replace this, as alerts._exec)."""
    return dialog.exec()


def ask_connection(parent: QWidget | None, current: str = "") -> str | None:
    """Ask for the register to work on: the office server's ``postgresql://host/database`` (no password: that is
    typed at the login), a register file on this computer, or nothing for this computer's own register. Returns the
    choice ('' for the own register), or None when cancelled. A wrong address is said calmly and asked again."""
    text = without_password(current)
    while True:
        dialog = QInputDialog(parent)
        dialog.setObjectName("connectDialog")
        dialog.setWindowTitle(translate("Server", "Connect to server"))
        dialog.setLabelText(translate(
            "Server", "Address of the office server, for example postgresql://kense-server/kense\n"
                      "(user name and password are asked at the login). Leave it empty to work on the register of "
                      "this computer."))
        dialog.setTextValue(text)
        dialog.resize(560, dialog.sizeHint().height())
        if _exec(dialog) != QDialog.DialogCode.Accepted:
            return None
        text = dialog.textValue().strip()
        if not text or is_postgres(text):
            return without_password(text)
        if Path(text).expanduser().is_file():
            return str(Path(text).expanduser())
        alerts.warn(parent, translate("Server", "Connect to server"), translate(
            "Server", "“%1” is neither a server address (postgresql://server/database) nor a register file on this "
                      "computer.").replace("%1", text))
