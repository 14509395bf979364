"""The admin tab: users and roles, office, calendar overrides, catalogue, demo load — asserted on the database."""
from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop.core.errors import PermissionDenied
from desktop.store import Register
from desktop.ui.admin_tab import AdminTab
from desktop.ui.admin_users import PasswordDialog, UserDialog
from desktop.ui.context import AppContext
from desktop.ui.i18n import languages

pytestmark = pytest.mark.timeout(120)


def admin_tab(qtbot, reg, username: str = "admin") -> AdminTab:
    languages().apply("kk")
    ctx = AppContext(register=reg, user=reg.user(username), lang="kk")
    tab = AdminTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


def ok(dialog) -> None:
    dialog.findChild(QDialogButtonBox, "buttonBox").button(QDialogButtonBox.StandardButton.Ok).click()


def users_in_db(path) -> dict[str, tuple[str, str, int]]:
    with sqlite3.connect(path) as conn:
        return {u: (n, r, a) for u, n, r, a in conn.execute("SELECT username, full_name, roles, active FROM users")}


def fill_user(qtbot, dialog: UserDialog, username: str, full_name: str, password: str, roles: list[str]) -> None:
    dialog.username_edit.setText(username)
    dialog.full_name_edit.setText(full_name)
    qtbot.keyClicks(dialog.password_edit, password)
    for role in roles:
        dialog.role_checks[role].setChecked(True)


def test_admin_creates_a_user(qtbot, demo, demo_path):
    tab = admin_tab(qtbot, demo)
    qtbot.mouseClick(tab.users.new_button, Qt.MouseButton.LeftButton)
    dialog = tab.users.dialog
    assert isinstance(dialog, UserDialog) and dialog.isVisible()
    assert dialog.role_checks["executor"].text() == "орындаушы"
    fill_user(qtbot, dialog, "executor3", "Нұрланова Сәуле", "strong-pass", ["executor", "clerk"])
    ok(dialog)
    assert not dialog.isVisible()
    assert users_in_db(demo_path)["executor3"] == ("Нұрланова Сәуле", "clerk,executor", 1)
    assert [u.username for u in tab.users.users].count("executor3") == 1
    assert tab.users.selected().username == "executor3"
    with Register.open(demo_path) as other:  # a fresh connection: the password works
        assert other.authenticate("executor3", "strong-pass").has("executor")


def test_bad_user_input_is_inline_and_creates_nothing(qtbot, demo, demo_path):
    tab = admin_tab(qtbot, demo)
    before = users_in_db(demo_path)
    dialog = tab.users.new_user()
    fill_user(qtbot, dialog, "shorty", "Қысқа Құпиясөз", "ab", ["clerk"])
    ok(dialog)
    assert dialog.isVisible() and dialog.error_label.text() == "Құпиясөз кемінде 4 таңбадан тұруы керек."
    dialog.password_edit.setText("long-enough")
    dialog.role_checks["clerk"].setChecked(False)
    ok(dialog)
    assert dialog.error_label.text() == "Кемінде бір рөлді таңдаңыз."
    dialog.role_checks["clerk"].setChecked(True)
    dialog.username_edit.setText("clerk")  # taken
    ok(dialog)
    assert dialog.error_label.text() == "«clerk» пайдаланушысы бар."
    assert users_in_db(demo_path) == before


def test_a_non_admin_cannot_create_users(qtbot, demo, demo_path):
    tab = admin_tab(qtbot, demo, "head")  # forced: the window never shows this tab to a head
    before = users_in_db(demo_path)
    dialog = tab.users.new_user()
    fill_user(qtbot, dialog, "sneaky", "Жасырын Адам", "secret-pw", ["admin"])
    ok(dialog)
    assert dialog.isVisible() and "әкімші" in dialog.error_label.text()
    with pytest.raises(PermissionDenied):
        demo.create_user(demo.user("clerk"), "sneaky", "Жасырын Адам", ["admin"], "secret-pw")
    with pytest.raises(PermissionDenied):
        demo.update_user(demo.user("head"), demo.user("clerk").id, roles=["admin"])
    assert users_in_db(demo_path) == before


def test_admin_changes_roles_deactivates_and_resets_a_password(qtbot, demo, demo_path, shown_alerts):
    tab = admin_tab(qtbot, demo)
    tab.users.select("executor2")
    dialog = tab.users.edit_user()
    assert dialog.username_edit.isReadOnly() and not dialog.password_edit.isVisible()
    assert dialog.role_checks["executor"].isChecked()
    dialog.role_checks["head"].setChecked(True)
    ok(dialog)
    assert users_in_db(demo_path)["executor2"][1] == "head,executor"
    tab.users.select("executor2")
    password = tab.users.reset_password()
    assert isinstance(password, PasswordDialog)
    password.password_edit.setText("new-secret")
    password.repeat_edit.setText("other")
    ok(password)
    assert password.error_label.text() == "Екі құпиясөз сәйкес емес."
    password.repeat_edit.setText("new-secret")
    ok(password)
    assert demo.authenticate("executor2", "new-secret").username == "executor2"
    tab.users.select("executor2")
    qtbot.mouseClick(tab.users.toggle_button, Qt.MouseButton.LeftButton)
    assert shown_alerts[-1]["kind"] == "question"
    assert users_in_db(demo_path)["executor2"][2] == 0
    assert tab.users.toggle_button.text() == "&Қосу"
    with pytest.raises(PermissionDenied):
        demo.authenticate("executor2", "new-secret")


def test_admin_cannot_lock_themselves_out(qtbot, demo, demo_path, shown_alerts):
    tab = admin_tab(qtbot, demo)
    tab.users.select("admin")
    tab.users.toggle_active()
    assert shown_alerts[-1]["text"] == "Өз тіркелгіңізді өшіре алмайсыз."
    assert users_in_db(demo_path)["admin"][2] == 1


def test_calendar_overrides_are_added_and_removed(qtbot, demo):
    tab = admin_tab(qtbot, demo)
    cal = tab.calendar
    cal.day_edit.setDate(QDate(2026, 3, 23))
    cal.kind_combo.setCurrentIndex(cal.kind_combo.findData("holiday"))
    qtbot.keyClicks(cal.note_edit, "Local holiday")
    qtbot.mouseClick(cal.add_button, Qt.MouseButton.LeftButton)
    assert demo.calendar_overrides() == [(dt.date(2026, 3, 23), "holiday", "Local holiday")]
    assert not demo.calendar().is_working_day(dt.date(2026, 3, 23))
    assert cal.table.item(0, 0).text() == "23.03.2026" and cal.table.item(0, 1).text() == "Демалыс күні"
    cal.day_edit.setDate(QDate(2026, 3, 28))
    cal.kind_combo.setCurrentIndex(cal.kind_combo.findData("workday"))
    cal.add()
    assert [k for _, k, _ in demo.calendar_overrides()] == ["holiday", "workday"]
    cal.table.selectRow(0)
    assert cal.remove_button.isEnabled()
    qtbot.mouseClick(cal.remove_button, Qt.MouseButton.LeftButton)
    assert demo.calendar_overrides() == [(dt.date(2026, 3, 28), "workday", "")]


def test_calendar_refused_to_a_non_admin(qtbot, demo, shown_alerts):
    tab = admin_tab(qtbot, demo, "clerk")
    tab.calendar.add()
    assert shown_alerts[-1]["kind"] == "warn" and "әкімші" in shown_alerts[-1]["text"]
    assert demo.calendar_overrides() == []


def test_office_and_catalogue_are_shown_read_only(qtbot, demo):
    tab = admin_tab(qtbot, demo)
    from PySide6.QtWidgets import QLabel
    assert tab.findChild(QLabel, "officeNumberLabel").text() == "№3"
    assert tab.findChild(QLabel, "officeNameKkLabel").text().startswith("Балқаш ауданының")
    assert "Бақанас" in tab.findChild(QLabel, "officeAddressLabel").text()
    tree = tab.catalogue.tree
    assert [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())] == \
        [s.code for s in demo.catalogue.services]
    s1 = tree.topLevelItem(0)
    steps = next(s1.child(i) for i in range(s1.childCount()) if s1.child(i).text(0) == "Кезеңдер")
    assert steps.childCount() == 6 and steps.child(1).text(0) == "2. басшы"
    assert steps.child(1).text(1).startswith("30 мин — ")
    assert tab.catalogue.tree.editTriggers() == tab.catalogue.tree.EditTrigger.NoEditTriggers


def test_demo_cases_load_off_the_gui_thread(qtbot, demo, demo_path, shown_alerts):
    tab = admin_tab(qtbot, demo)
    before = demo.count()
    tab.demo_spin.setValue(40)
    runner = tab.load_demo()
    assert runner is not None
    qtbot.waitUntil(lambda: runner.result is not None or runner.error is not None, timeout=60_000)
    assert runner.error is None and runner.result == 40
    assert demo.count() == before + 40
    assert shown_alerts[-1]["text"] == "40 демо-іс қосылды."
    with Register.open(demo_path) as other:
        assert other.verify().ok


def test_a_real_register_offers_no_demo_cases(qtbot, tmp_path):
    """In a real office's register the demo controls are not there, and the store refuses anyway."""
    with Register.open(tmp_path / "office.sqlite3", create=True) as real:
        real.initialise(3, "admin-pass")
        tab = admin_tab(qtbot, real)
        assert tab.demo_button.isHidden() and tab.demo_spin.isHidden()
        real.mark_demo()
        tab.refresh()
        assert not tab.demo_button.isHidden() and not tab.demo_spin.isHidden()
