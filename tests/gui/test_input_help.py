"""Input that helps (issue 10): the IIN field takes 12 digits only (the Kazakh layout's digit row counts as digits),
a phone is shown and stored in one form, a name longer than the catalogue's limit and a future delivery date are
refused with a message under the field — nothing is cut or silently replaced."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from desktop.ui.casework import select_reg_no
from desktop.ui.clerk_tab import ClerkTab
from desktop.ui.executor_tab import ExecutorTab
from helpers_roles import (MARKS, Printer, advance, alert_log, choose_service, events, make_ctx, new_case,  # noqa: F401
                           person, press, show, type_text)

pytestmark = MARKS


@pytest.fixture
def clerk_tab(qtbot, register, people):
    return show(qtbot, ClerkTab(make_ctx(register, people["clerk"], printer=Printer(), opened=[])))


def key_text(widget, text: str) -> None:
    """Characters as a keyboard on any layout sends them (non-ASCII letters too)."""
    for ch in text:
        QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown,
                                                 Qt.KeyboardModifier.NoModifier, ch))


def test_the_iin_field_takes_twelve_digits_and_nothing_else(qtbot, clerk_tab):
    iin = clerk_tab.w["iinEdit"]
    iin.setFocus()
    key_text(iin, "85a01Б02-х")  # letters never arrive; a dash between groups is dropped
    assert iin.text() == "850102"
    key_text(iin, "әұ")  # the Kazakh layout's digit row: 1 and 8
    assert iin.text() == "85010218"
    key_text(iin, "0000123")  # a thirteenth digit is refused
    assert iin.text() == "850102180000"
    assert iin.hasAcceptableInput()


def test_the_iin_typed_on_the_kazakh_digit_row_registers_as_digits(qtbot, clerk_tab, register, alert_log):
    p = person(31)
    kazakh = {v: k for k, v in {"ә": "1", "і": "2", "ң": "3", "ғ": "4", ",": "5", ".": "6", "ү": "7", "ұ": "8",
                                 "қ": "9", "ө": "0"}.items()}
    choose_service(qtbot, clerk_tab, "S1")
    key_text(clerk_tab.w["iinEdit"], "".join(kazakh[d] for d in p["iin"]))
    assert clerk_tab.w["iinEdit"].text() == p["iin"]
    assert clerk_tab.w["iinInfo"].text()  # birth date and sex shown: the IIN was read


@pytest.mark.parametrize("typed", ["87011234567", "8 (701) 123-45-67", "+77011234567"])
def test_a_phone_is_shown_and_stored_in_one_form(qtbot, clerk_tab, register, alert_log, typed):
    p = person(32, phone=typed)
    choose_service(qtbot, clerk_tab, "S1")
    for name in ("iin", "surname", "name", "patronymic", "address", "phone"):
        type_text(qtbot, p[name], clerk_tab.w[f"{name}Edit"])
    clerk_tab.w["phoneEdit"].editingFinished.emit()  # the clerk leaves the field
    assert clerk_tab.w["phoneEdit"].text() == "+7 701 123 45 67"
    case = clerk_tab.register()
    assert case is not None and register.case(case.reg_no).applicant.phone == "+7 701 123 45 67"


def test_a_phone_that_is_not_a_number_is_refused_under_the_field(qtbot, clerk_tab, register, alert_log):
    p = person(33, phone="8701")
    choose_service(qtbot, clerk_tab, "S1")
    for name in ("iin", "surname", "name", "patronymic", "address", "phone"):
        type_text(qtbot, p[name], clerk_tab.w[f"{name}Edit"])
    clerk_tab.w["phoneEdit"].editingFinished.emit()
    assert clerk_tab.w["phoneEdit"].text() == "8701"  # left as typed, for the person to correct
    assert clerk_tab.register() is None
    error = clerk_tab.w["phoneError"]
    assert error.isVisible() and "+7 701 123 45 67" in error.text() and "«8701»" in error.text()
    assert register.find_ids() == []


def test_a_name_longer_than_the_catalogue_limit_is_refused_not_cut(qtbot, clerk_tab, register, alert_log):
    limit = register.catalogue.service("S1").limits.name
    long_surname = "Нұрмағамбетова-" + "Ә" * limit
    p = person(34, surname=long_surname)
    choose_service(qtbot, clerk_tab, "S1")
    for name in ("iin", "surname", "name", "patronymic", "address", "phone"):
        type_text(qtbot, p[name], clerk_tab.w[f"{name}Edit"])
    assert clerk_tab.w["surnameEdit"].text() == long_surname  # nothing cut while typing
    assert clerk_tab.register() is None
    error = clerk_tab.w["surnameError"]
    assert error.isVisible()
    assert error.text() == f"«Тегі» өрісі тым ұзын: {len(long_surname)} таңба, ең көбі {limit} болуы керек."
    assert register.find_ids() == []


def test_a_future_delivery_date_is_refused_with_a_message_not_replaced(qtbot, register, people, alert_log):
    case = advance(register, people, new_case(register, people["clerk"], "S1", 35), "signed")
    tab = show(qtbot, ExecutorTab(make_ctx(register, people["executor1"], printer=Printer(), opened=[])))
    assert select_reg_no(tab.w["myCasesView"], case.reg_no, fallback_first=False)
    tomorrow = QDate(dt.date.today() + dt.timedelta(days=1))
    tab.w["deliveryDate"].setDate(tomorrow)
    assert tab.w["deliveryDate"].date() == tomorrow  # the widget keeps what was chosen
    tab.w["deliverButton"].click()
    assert register.case(case.reg_no).stage == "signed" and "deliver" not in events(register, case.reg_no)
    error = tab.w["deliveryError"]
    assert error.isVisible() and error.text().startswith("«Күні»: ")
    assert tomorrow.toPython().isoformat() in error.text() and "Болашақ күн қабылданбайды" in error.text()
