"""The clerk's tab (кеңсе): intake of every service by keyboard alone, inline validation, history, receipt, scan."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from desktop.core.errors import ValidationError
from desktop.core.iin import make_iin, parse_iin
from desktop.core.messages import message
from desktop.ui.clerk_tab import WIDGETS, ClerkTab
from desktop.ui.forms import child, load_form
from helpers_roles import (ALT, CODES, MARKS, Printer, alert_log, child_iin, choose_service,  # noqa: F401
                           events, focused, keyboard_intake, make_ctx, person, press, show, tab, type_text)

pytestmark = MARKS


@pytest.fixture
def clerk_tab(qtbot, register, people):
    ctx = make_ctx(register, people["clerk"], printer=Printer(), opened=[])
    return show(qtbot, ClerkTab(ctx))


def test_form_has_every_widget_the_code_uses(qtbot):
    form = load_form("clerk_tab")
    qtbot.addWidget(form)
    for name, kind in WIDGETS.items():
        assert child(form, kind, name) is not None


@pytest.mark.parametrize("code", CODES)
def test_clerk_registers_each_service_by_keyboard(qtbot, clerk_tab, register, people, code):
    p = person(10 + CODES.index(code))
    keyboard_intake(qtbot, clerk_tab, code, p)

    assert register.count() == 1
    case = register.case(clerk_tab.last_reg_no)
    assert case.service == code and case.stage == "awaiting_resolution"
    assert case.applicant.iin == p["iin"] and case.applicant.surname == "Ахметов"
    assert case.applicant.patronymic == "Болатұлы" and case.applicant.phone == "+7 701 123 45 67"
    assert case.data["documents"] == ["application", "identity"]
    assert case.registered_by == people["clerk"].id
    expected = {"S4": {"employment_form": "public_works"}, "S5": {"category": "large_families"},  # typed title
                "S7": {"children": [{"full_name": "Ахметова Дана", "iin": child_iin(7)}]}}.get(code, {})
    assert case.data["fields"] == expected
    assert events(register, case.reg_no) == ["register"]
    # the number is shown big, the form is empty again, focus is back on the IIN for the next applicant
    assert clerk_tab.w["regNoLabel"].text() == case.reg_no
    assert clerk_tab.w["regNoLabel"].font().pointSize() >= 24
    assert clerk_tab.w["iinEdit"].text() == "" and clerk_tab.w["surnameEdit"].text() == ""
    assert focused() is clerk_tab.w["iinEdit"]
    assert clerk_tab.journal.rowCount() == 1 and clerk_tab.journal.reg_no(0) == case.reg_no


def test_several_children_added_by_keyboard(qtbot, clerk_tab, register):
    keyboard_intake(qtbot, clerk_tab, "S7", person(3), children=(("Ахметова Дана", 7), ("Ахметов Нұр", 8)))
    case = register.case(clerk_tab.last_reg_no)
    assert [c["full_name"] for c in case.data["fields"]["children"]] == ["Ахметова Дана", "Ахметов Нұр"]


def test_iin_fills_birth_and_sex_and_offers_history(qtbot, clerk_tab, register, people):
    p = person(5)
    earlier = register.register_case(people["clerk"], "S1", p, None, ["application"])
    choose_service(qtbot, clerk_tab, "S3")
    assert tab(qtbot) is clerk_tab.w["iinEdit"]
    type_text(qtbot, p["iin"])
    info = clerk_tab.w["iinInfo"].text()
    assert "02.01.1985" in info
    assert clerk_tab.w["historyFrame"].isVisible() and earlier.reg_no in clerk_tab.w["historyLabel"].text()
    assert not clerk_tab.w["openCaseWarning"].isVisible()  # an open S1 case does not matter for S3
    assert tab(qtbot) is clerk_tab.w["fillButton"]  # known applicant: the offer joins the tab order
    press(qtbot, Qt.Key.Key_Space)
    assert clerk_tab.w["surnameEdit"].text() == "Ахметов"
    assert clerk_tab.w["addressEdit"].text() == p["address"] and clerk_tab.w["phoneEdit"].text() == p["phone"]
    # the same service: warn inline about the open case
    choose_service(qtbot, clerk_tab, "S1")
    warning = clerk_tab.w["openCaseWarning"]
    assert warning.isVisible() and earlier.reg_no in warning.text()
    assert message("second_open_case", "kk", service="S1", reg_nos="").split(":")[0] in warning.text()


def test_female_iin_and_inline_message_while_typing(qtbot, clerk_tab):
    female = make_iin(dt.date(1990, 7, 15), "F", 42)
    clerk_tab.w["iinEdit"].setFocus()
    type_text(qtbot, female)
    assert "15.07.1990" in clerk_tab.w["iinInfo"].text()
    clerk_tab.clear()
    type_text(qtbot, female[:11] + str((int(female[11]) + 1) % 10))
    error = clerk_tab.w["iinError"]
    assert error.isVisible() and error.text() == _core_message(female[:11] + str((int(female[11]) + 1) % 10))


def _core_message(iin: str, lang: str = "kk") -> str:
    try:
        parse_iin(iin)
    except ValidationError as exc:
        return exc.message(lang)
    raise AssertionError("valid IIN")


BAD_INPUT = [
    # (service, applicant overrides or a child row, the error label that must say what is wrong)
    ("S1", {"iin": ""}, "iinError"),
    ("S1", {"iin": "85010230100"}, "iinError"),
    ("S1", {"iin": "850102301008"}, "iinError"),
    ("S1", {"surname": ""}, "surnameError"),
    ("S1", {"surname": "Ахметов2"}, "surnameError"),
    ("S1", {"name": ""}, "nameError"),
    ("S1", {"name": "Ер1ан"}, "nameError"),
    ("S1", {"patronymic": "Болат_ұлы"}, "patronymicError"),
    ("S1", {"address": ""}, "addressError"),
    ("S1", {"phone": "телефон жоқ"}, "phoneError"),
    ("S4", {}, "error_employment_form"),
    ("S5", {}, "error_category"),
    ("S7", {}, "error_children"),
    ("S7", {"child": ("Ахметова Дана", "123")}, "personError"),
    ("S7", {"child": ("Дана 2015", "")}, "error_children"),
    ("S7", {"child": ("", child_iin(3))}, "personError"),
]


@pytest.mark.parametrize("code,over,label", BAD_INPUT)
def test_bad_input_in_every_field_is_refused_inline(qtbot, clerk_tab, register, alert_log, code, over, label):
    data = person(20, **{k: v for k, v in over.items() if k != "child"})
    choose_service(qtbot, clerk_tab, code)
    for name in ("iin", "surname", "name", "patronymic", "address", "phone"):
        if data[name]:
            type_text(qtbot, data[name], clerk_tab.w[f"{name}Edit"])
    if "child" in over:
        row = clerk_tab._panel.editors["children"].widget.rows[0]
        for edit, text in zip((row.full_name, row.iin), over["child"]):
            if text:
                type_text(qtbot, text, edit)
    clerk_tab.w["surnameEdit"].setFocus()
    press(qtbot, Qt.Key.Key_Return)

    assert register.count() == 0
    shown = [w for w in clerk_tab.findChildren(QLabel) if w.objectName() == label and w.isVisible()]
    assert len(shown) == 1 and shown[0].text(), label
    assert alert_log == []  # answered inline, not by a dialog
    assert clerk_tab.w["regNoLabel"].text() == "—"


def test_messages_follow_the_interface_language(qtbot, register, people):
    ctx = make_ctx(register, people["clerk"], lang="ru")
    clerk = show(qtbot, ClerkTab(ctx))
    assert "Оформление документов" in clerk.w["serviceCombo"].currentText()
    clerk.w["iinEdit"].setFocus()
    type_text(qtbot, "850102301008")
    assert clerk.w["iinError"].text() == _core_message("850102301008", "ru")
    press(qtbot, Qt.Key.Key_Return)
    assert register.count() == 0


def test_esc_clears_and_registers_nothing(qtbot, clerk_tab, register):
    p = person(30)
    clerk_tab.w["iinEdit"].setFocus()
    type_text(qtbot, p["iin"])
    tab(qtbot)
    type_text(qtbot, p["surname"])
    press(qtbot, Qt.Key.Key_Escape)
    assert clerk_tab.w["iinEdit"].text() == "" and clerk_tab.w["surnameEdit"].text() == ""
    assert focused() is clerk_tab.w["iinEdit"]
    assert register.count() == 0


def test_receipt_is_offered_on_f9_after_registration(qtbot, clerk_tab, register):
    printer = clerk_tab.ctx.print_document
    assert not clerk_tab.w["printReceiptButton"].isEnabled()  # nothing registered yet
    keyboard_intake(qtbot, clerk_tab, "S5", person(40))
    assert clerk_tab.w["printReceiptButton"].isEnabled()
    press(qtbot, Qt.Key.Key_F9)
    assert printer.calls == [("receipt", clerk_tab.last_reg_no)]


def test_receipt_action_disabled_while_printing_is_missing(qtbot, register, people):
    clerk = show(qtbot, ClerkTab(make_ctx(register, people["clerk"])))
    keyboard_intake(qtbot, clerk, "S1", person(41))
    assert register.count() == 1
    assert not clerk.w["printReceiptButton"].isEnabled() and not clerk.print_action.isEnabled()
    assert clerk.w["printHint"].text()
    press(qtbot, Qt.Key.Key_F9)  # nothing happens, nothing breaks


def test_scan_field_opens_the_case(qtbot, clerk_tab, register, people):
    case = register.register_case(people["clerk"], "S2", person(50), None, ["application"])
    press(qtbot, Qt.Key.Key_O, modifier=ALT)  # &Open case
    assert focused() is clerk_tab.w["scanEdit"]
    type_text(qtbot, case.reg_no.lower())
    press(qtbot, Qt.Key.Key_Return)
    assert clerk_tab.ctx.open_case.__self__ == [case.reg_no]
    assert register.count() == 1  # Enter in the scan field does not register anything
    type_text(qtbot, "K032026999999")
    press(qtbot, Qt.Key.Key_Return)
    assert clerk_tab.w["scanError"].isVisible() and "K032026999999" in clerk_tab.w["scanError"].text()
    assert clerk_tab.ctx.open_case.__self__ == [case.reg_no]


def test_journal_lists_todays_intakes_and_opens_them(qtbot, clerk_tab, register, people, qtmodeltester):
    made = [register.register_case(people["clerk"], c, person(60 + i), {"S4": {"employment_form": "training"},
                                                                       "S5": {"category": "x"}}.get(c), [])
            for i, c in enumerate(("S1", "S4", "S5"))]
    register.register_case(people["clerk"], "S2", person(70), None, [], now=dt.datetime(2026, 3, 2, 10, 0))
    clerk_tab.refresh()
    assert clerk_tab.journal.rowCount() == 3
    assert {clerk_tab.journal.reg_no(r) for r in range(3)} == {c.reg_no for c in made}
    qtmodeltester.check(clerk_tab.journal)
    view = clerk_tab.w["journalView"]
    view.setFocus()
    view.setCurrentIndex(clerk_tab.journal.index(0, 0))
    press(qtbot, Qt.Key.Key_Return)
    assert clerk_tab.ctx.open_case.__self__ == [clerk_tab.journal.reg_no(0)]


def test_a_head_cannot_register_at_the_counter(qtbot, register, people):
    clerk = show(qtbot, ClerkTab(make_ctx(register, people["head"])))
    assert not clerk.w["registerButton"].isEnabled()
    p = person(80)
    for name in ("iin", "surname", "name", "patronymic", "address", "phone"):
        type_text(qtbot, p[name], clerk.w[f"{name}Edit"])
    clerk.w["phoneEdit"].setFocus()
    press(qtbot, Qt.Key.Key_Return)
    assert register.count() == 0
