"""Users and roles in the admin tab: create, change name and roles, deactivate, reset a password.

Every change goes through ``Register.create_user`` / ``update_user``, which refuse anyone but an admin: the tab is
shown to admins only, but the core is the guard. Dialogs stay open on a refusal and say why under the fields, so a
typo costs one correction, not a retyped form.
"""
from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QHeaderView, QLabel, QLineEdit, QPushButton, QTableWidget,
                               QTableWidgetItem, QWidget)

from ..core.catalogue import ROLES
from ..core.errors import KenseError
from ..core.model import User
from . import alerts
from .context import AppContext
from .forms import child, load_into
from .labels import role_title

log = logging.getLogger("kense.admin")


class UserDialog(QDialog):
    """New user (login, name, phone, password, roles) or an existing one (name, phone, roles).

    ``submit(values)`` is called on OK with a dict of the entered values; a KenseError it raises is shown inline
    and the dialog stays open.
    """

    def __init__(self, ctx: AppContext, submit: Callable[[dict], None], user: User | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        load_into(self, "user_dialog")
        self.ctx = ctx
        self._submit = submit
        self.user = user
        self.username_edit: QLineEdit = child(self, QLineEdit, "usernameEdit")
        self.full_name_edit: QLineEdit = child(self, QLineEdit, "fullNameEdit")
        self.phone_edit: QLineEdit = child(self, QLineEdit, "phoneEdit")
        self.password_edit: QLineEdit = child(self, QLineEdit, "passwordEdit")
        self.password_caption: QLabel = child(self, QLabel, "passwordCaption")
        self.error_label: QLabel = child(self, QLabel, "errorLabel")
        self.role_checks = {role: child(self, QCheckBox, f"role_{role}") for role in ROLES}
        buttons: QDialogButtonBox = child(self, QDialogButtonBox, "buttonBox")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.error_label.hide()
        self._retranslate()
        if user is not None:
            self.username_edit.setText(user.username)
            self.username_edit.setReadOnly(True)
            self.full_name_edit.setText(user.full_name)
            self.phone_edit.setText(user.phone)
            self.password_edit.hide()
            self.password_caption.hide()
            for role, check in self.role_checks.items():
                check.setChecked(role in user.roles)
            self.full_name_edit.setFocus()
        else:
            self.username_edit.setFocus()

    def _retranslate(self) -> None:
        for role, check in self.role_checks.items():
            check.setText(role_title(role, self.ctx.lang))
        self.setWindowTitle(self.tr("New user") if self.user is None
                            else self.tr("User %1").replace("%1", self.user.username))

    def values(self) -> dict:
        return {"username": self.username_edit.text().strip(), "full_name": self.full_name_edit.text().strip(),
                "phone": self.phone_edit.text().strip(), "password": self.password_edit.text(),
                "roles": [r for r, c in self.role_checks.items() if c.isChecked()]}

    def accept(self) -> None:
        values = self.values()
        if not values["roles"]:
            self.show_error(self.tr("Choose at least one role."))
            return
        try:
            self._submit(values)
        except KenseError as exc:
            self.show_error(exc.message(self.ctx.lang))
            return
        super().accept()

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


class PasswordDialog(QDialog):
    """A new password typed twice; ``submit(password)`` may refuse (too short) and the dialog says so."""

    def __init__(self, ctx: AppContext, user: User, submit: Callable[[str], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        load_into(self, "password_dialog")
        self.ctx = ctx
        self._submit = submit
        self.password_edit: QLineEdit = child(self, QLineEdit, "passwordEdit")
        self.repeat_edit: QLineEdit = child(self, QLineEdit, "repeatEdit")
        self.error_label: QLabel = child(self, QLabel, "errorLabel")
        child(self, QLabel, "userLabel").setText(f"{user.full_name} ({user.username})")
        buttons: QDialogButtonBox = child(self, QDialogButtonBox, "buttonBox")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.error_label.hide()
        self.password_edit.setFocus()

    def accept(self) -> None:
        if self.password_edit.text() != self.repeat_edit.text():
            self._error(self.tr("The two passwords differ."))
            return
        try:
            self._submit(self.password_edit.text())
        except KenseError as exc:
            self._error(exc.message(self.ctx.lang))
            return
        super().accept()

    def _error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()


class UsersPage(QObject):
    """The users table and its four buttons, on the admin tab's first page."""

    def __init__(self, ctx: AppContext, form: QWidget) -> None:
        super().__init__(form)
        self.ctx = ctx
        self.form = form
        self.dialog: QDialog | None = None  # the open user or password dialog (tests fill it)
        self.table: QTableWidget = child(form, QTableWidget, "usersTable")
        self.new_button: QPushButton = child(form, QPushButton, "newUserButton")
        self.edit_button: QPushButton = child(form, QPushButton, "editUserButton")
        self.toggle_button: QPushButton = child(form, QPushButton, "toggleActiveButton")
        self.password_button: QPushButton = child(form, QPushButton, "resetPasswordButton")
        self.users: list[User] = []
        self.new_button.clicked.connect(self.new_user)
        self.edit_button.clicked.connect(self.edit_user)
        self.toggle_button.clicked.connect(self.toggle_active)
        self.password_button.clicked.connect(self.reset_password)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemDoubleClicked.connect(lambda *_: self.edit_user())

    def refresh(self) -> None:
        selected = self.selected()
        self.users = self.ctx.register.users()
        lang = self.ctx.lang
        headers = [self.tr("Login"), self.tr("Full name"), self.tr("Roles"), self.tr("Phone"), self.tr("Status")]
        table = self.table
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(self.users))
        for row, user in enumerate(self.users):
            cells = [user.username, user.full_name, ", ".join(role_title(r, lang) for r in sorted(user.roles)),
                     user.phone, self.tr("active") if user.active else self.tr("deactivated")]
            for column, text in enumerate(cells):
                table.setItem(row, column, QTableWidgetItem(text))
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(False)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        if selected is not None:
            self.select(selected.username)
        self._selection_changed()

    def select(self, username: str) -> None:
        for row, user in enumerate(self.users):
            if user.username == username:
                self.table.selectRow(row)
                return

    def selected(self) -> User | None:
        rows = {i.row() for i in self.table.selectedItems()}
        return self.users[rows.pop()] if len(rows) == 1 and self.users else None

    def _selection_changed(self) -> None:
        user = self.selected()
        for button in (self.edit_button, self.toggle_button, self.password_button):
            button.setEnabled(user is not None)
        self.toggle_button.setText(self.tr("&Activate") if user is not None and not user.active
                                   else self.tr("&Deactivate"))

    # ---------------------------------------------------------------- actions

    def new_user(self) -> QDialog:
        def submit(v: dict) -> None:
            made = self.ctx.register.create_user(self.ctx.user, v["username"], v["full_name"], v["roles"],
                                                 v["password"], v["phone"])
            log.info("user %s created by %s", made.username, self.ctx.user.username)
            self.refresh()
            self.select(made.username)
        return self._open(UserDialog(self.ctx, submit, parent=self.form))

    def edit_user(self) -> QDialog | None:
        user = self.selected()
        if user is None:
            return None

        def submit(v: dict) -> None:
            self.ctx.register.update_user(self.ctx.user, user.id, roles=v["roles"], full_name=v["full_name"],
                                          phone=v["phone"])
            self.refresh()
        return self._open(UserDialog(self.ctx, submit, user=user, parent=self.form))

    def reset_password(self) -> QDialog | None:
        user = self.selected()
        if user is None:
            return None
        return self._open(PasswordDialog(
            self.ctx, user, lambda pw: self.ctx.register.update_user(self.ctx.user, user.id, password=pw),
            parent=self.form))

    def toggle_active(self) -> None:
        user = self.selected()
        if user is None:
            return
        if user.id == self.ctx.user.id and user.active:
            alerts.warn(self.form, self.tr("Users"), self.tr("You cannot deactivate your own account."))
            return
        if user.active and not alerts.question(
                self.form, self.tr("Users"),
                self.tr("Deactivate %1? The user will no longer be able to log in.").replace("%1", user.full_name)):
            return
        try:
            self.ctx.register.update_user(self.ctx.user, user.id, active=not user.active)
        except KenseError as exc:
            alerts.refusal(self.form, exc)
            return
        self.refresh()

    def _open(self, dialog: QDialog) -> QDialog:
        """Window-modal and non-blocking (open, not exec), so keyboard users and tests drive the same dialog."""
        self.dialog = dialog
        dialog.finished.connect(self._closed)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _closed(self, _result: int) -> None:
        self.dialog = None
