"""Every Designer form in forms/ loads, and has every widget the code looks up by name."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QGroupBox, QLabel,
                               QLineEdit, QMainWindow, QPushButton, QSpinBox, QStatusBar, QTableView, QTableWidget,
                               QTabWidget, QTreeWidget, QWidget)

from desktop.core.catalogue import ROLES
from desktop.paths import forms_dir
from desktop.ui.akim_tab import WIDGETS as AKIM_WIDGETS
from desktop.ui.forms import FormError, child, load_form, load_into
from desktop.ui.receipt_desk import PANEL_WIDGETS
from desktop.ui.registries import BUILDER_WIDGETS, HANDOVER_WIDGETS

pytestmark = pytest.mark.timeout(60)

ALL_FORMS = sorted(p.stem for p in forms_dir().glob("*.ui"))

# The widgets the shell, register tab, case card and admin tab look up (desktop/ui/*.py, child(...) calls).
NAMED: dict[str, list[tuple[type, str]]] = {
    "main_window": [(QTabWidget, "tabs"), (QStatusBar, "statusBar"), (QAction, "actionBackup"),
                    (QAction, "actionLogout"), (QAction, "actionQuit"), (QAction, "actionKazakh"),
                    (QAction, "actionRussian"), (QAction, "actionLogFile"), (QAction, "actionAbout")],
    "login": [(QLineEdit, "userEdit"), (QLineEdit, "passwordEdit"), (QLabel, "errorLabel"), (QLabel, "officeLabel"),
              (QDialogButtonBox, "buttonBox")],
    "register_tab": [(QLineEdit, "regNoEdit"), (QLineEdit, "iinEdit"), (QLineEdit, "nameEdit"),
                     (QComboBox, "serviceCombo"), (QComboBox, "stageCombo"), (QCheckBox, "periodCheck"),
                     (QDateEdit, "fromDate"), (QDateEdit, "toDate"), (QPushButton, "searchButton"),
                     (QPushButton, "clearButton"), (QLabel, "messageLabel"), (QLabel, "countLabel"),
                     (QTableView, "resultsView"), (QGroupBox, "filterBox")],
    "case_card": [(QLabel, "titleLabel"), (QLabel, "serviceLabel"), (QLabel, "stageLabel"), (QLabel, "dueLabel"),
                  (QTabWidget, "cardTabs"), (QTreeWidget, "detailsTree"), (QTableWidget, "stepsTable"),
                  (QTableWidget, "historyTable"), (QPushButton, "printButton"), (QDialogButtonBox, "buttonBox")],
    "admin_tab": [(QTabWidget, "adminTabs"), (QTableWidget, "usersTable"), (QPushButton, "newUserButton"),
                  (QPushButton, "editUserButton"), (QPushButton, "toggleActiveButton"),
                  (QPushButton, "resetPasswordButton"), (QTableWidget, "overridesTable"), (QDateEdit, "dayEdit"),
                  (QComboBox, "kindCombo"), (QLineEdit, "noteEdit"), (QPushButton, "addOverrideButton"),
                  (QPushButton, "removeOverrideButton"), (QTreeWidget, "catalogueTree"), (QLabel, "catalogueLabel"),
                  (QSpinBox, "demoCountSpin"), (QPushButton, "loadDemoButton"), (QLabel, "registerInfoLabel")]
                 + [(QLabel, n) for n in ("officeNumberLabel", "officeNameKkLabel", "officeNameRuLabel",
                                          "officeAddressLabel", "officePhoneLabel", "officeEmailLabel",
                                          "officeHoursLabel")],
    "user_dialog": [(QLineEdit, "usernameEdit"), (QLineEdit, "fullNameEdit"), (QLineEdit, "phoneEdit"),
                    (QLineEdit, "passwordEdit"), (QLabel, "passwordCaption"), (QLabel, "errorLabel"),
                    (QDialogButtonBox, "buttonBox")] + [(QCheckBox, f"role_{r}") for r in ROLES],
    "password_dialog": [(QLineEdit, "passwordEdit"), (QLineEdit, "repeatEdit"), (QLabel, "errorLabel"),
                        (QLabel, "userLabel"), (QDialogButtonBox, "buttonBox")],
}
# the registry desks of issue 5 (desktop/ui/registries.py, receipt_desk.py, psc_tab.py, akim_tab.py)
NAMED.update({
    "registry_builder": [(kind, name) for name, kind in BUILDER_WIDGETS.items()],
    "handover_panel": [(kind, name) for name, kind in HANDOVER_WIDGETS.items()],
    "receive_panel": [(kind, name) for name, kind in PANEL_WIDGETS.items()],
    "akim_tab": [(kind, name) for name, kind in AKIM_WIDGETS.items()],
    "psc_tab": [(QTabWidget, "pscTabs"), (QLabel, "placeLabel")]
               + [(QWidget, p) for p in ("intakePage", "sendPage", "receivePage", "handoverPage")],
    "clerk_desk": [(QTabWidget, "clerkTabs")] + [(QWidget, p) for p in ("counterPage", "receivePage", "returnPage")],
})
BASES = {"main_window": QMainWindow, "login": QDialog, "register_tab": QWidget, "case_card": QDialog,
         "admin_tab": QWidget, "user_dialog": QDialog, "password_dialog": QDialog,
         **{name: QWidget for name in ("registry_builder", "handover_panel", "receive_panel", "akim_tab", "psc_tab",
                                       "clerk_desk")}}


def test_the_forms_folder_holds_the_shell_forms():
    assert set(NAMED) <= set(ALL_FORMS)


@pytest.mark.parametrize("name", ALL_FORMS)
def test_every_form_loads(qtbot, name):
    form = load_form(name)
    qtbot.addWidget(form)
    top = ET.parse(forms_dir() / f"{name}.ui").getroot().find("widget")
    assert form.objectName() == top.get("name")
    assert form.metaObject().className() == top.get("class")


@pytest.mark.parametrize("name", sorted(NAMED))
def test_form_has_the_widgets_the_code_uses(qtbot, name):
    form = load_form(name)
    qtbot.addWidget(form)
    for kind, widget_name in NAMED[name]:
        assert child(form, kind, widget_name) is not None, (name, widget_name)


@pytest.mark.parametrize("name", sorted(NAMED))
def test_form_builds_onto_its_class(qtbot, name):
    base = BASES[name]()
    qtbot.addWidget(base)
    assert load_into(base, name) is base
    kind, widget_name = NAMED[name][0]
    assert child(base, kind, widget_name).window() is base


def test_a_missing_widget_is_reported(qtbot):
    form = load_form("login")
    qtbot.addWidget(form)
    with pytest.raises(FormError, match="noSuchWidget"):
        child(form, QLineEdit, "noSuchWidget")


def test_a_missing_form_is_reported():
    with pytest.raises(FormError):
        load_form("no_such_form")
