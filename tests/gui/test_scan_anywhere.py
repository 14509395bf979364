"""A wedge scanner on a Kazakh keyboard layout, scanned anywhere in the main window: a registration number opens
the case card, a registry number opens the registry desk, an open receiving desk takes every scan; whatever the
burst typed into a field is undone and the closing Enter fires no shortcut. A person typing, or a fast typist's
IIN, is left alone."""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from helpers_roles import MARKS, alert_log, person  # noqa: F401
from helpers_scan import BRANCH, Clock, activate, psc_case, staff, wedge_scan, window  # noqa: F401

pytestmark = MARKS


def close_card(qtbot, win, reg_no: str) -> None:
    """Close a case card and give the window the keyboard back (the card is deleted on close)."""
    win.cards[reg_no].close()
    qtbot.waitUntil(lambda: reg_no not in win.cards, timeout=2000)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    activate(qtbot, win)


def test_a_scan_in_any_field_opens_the_case_card(qtbot, register, staff, settings, alert_log):
    case = register.register_case(staff["clerk"], "S2", person(1), None, ["application"])
    clock = Clock()
    win = window(qtbot, register, staff["clerk"], settings, tab="register", clock=clock)
    got: list[str] = []
    win.scanner.scanned.connect(got.append)
    search: QLineEdit = win.tab_widgets["register"].findChild(QLineEdit, "regNoEdit")
    search.setFocus()
    wedge_scan(case.reg_no, clock)
    assert got == [case.reg_no]
    assert case.reg_no in win.cards and win.cards[case.reg_no].isVisible()
    assert search.text() == ""  # 'лөңіөі.өөөөөә' typed by the Kazakh layout was taken out again
    close_card(qtbot, win, case.reg_no)

    # at the counter, half-way through an IIN: the field gets its text back, Enter registers nothing
    win.select_tab("clerk")
    counter = win.tab_widgets["clerk"].counter
    iin = counter.w["iinEdit"]
    iin.setFocus()
    iin.setText("8501")
    wedge_scan(case.reg_no, clock)
    assert iin.text() == "8501" and case.reg_no in win.cards
    assert register.count() == 1 and not counter.w["formError"].isVisible()
    close_card(qtbot, win, case.reg_no)

    # a scan while a case card has the focus is routed too (the card is the window's)
    other = register.register_case(staff["clerk"], "S1", person(2), None, ["application"])
    card = win.open_case(case.reg_no)
    card.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is card, timeout=2000)
    wedge_scan(other.reg_no, clock)
    assert other.reg_no in win.cards
    # an unknown number is a calm message, no card
    wedge_scan("K032026999999", clock)
    assert "K032026999999" not in win.cards and "K032026999999" in alert_log[-1]["text"]


def test_typing_is_not_a_scan(qtbot, register, staff, settings):
    case = register.register_case(staff["clerk"], "S2", person(1), None, ["application"])
    clock = Clock()
    win = window(qtbot, register, staff["clerk"], settings, tab="register", clock=clock)
    got: list[str] = []
    win.scanner.scanned.connect(got.append)
    search: QLineEdit = win.tab_widgets["register"].findChild(QLineEdit, "regNoEdit")
    search.setFocus()
    wedge_scan(case.reg_no, clock, gap_ms=180, layout={})  # a person: five keys a second
    assert got == [] and search.text() == case.reg_no and not win.cards
    # a fast typist's IIN and Tab: not a Kense code, so the field keeps it and Tab moves on
    win.select_tab("clerk")
    counter = win.tab_widgets["clerk"].counter
    counter.w["iinEdit"].setFocus()
    iin = person(5)["iin"]
    for ch in iin:
        clock.ms += 5
        qtbot.keyClick(QApplication.focusWidget(), ch)
    clock.ms += 5
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert got == [] and counter.w["iinEdit"].text() == iin
    assert QApplication.focusWidget() is not counter.w["iinEdit"]


def test_a_registry_number_opens_the_registry_desk(qtbot, register, staff, settings):
    packages = [psc_case(register, staff["insp3"], i) for i in (1, 2)]
    registry = register.packages.create_registry(staff["coll3"], f"psc:{BRANCH}")
    clock = Clock()
    win = window(qtbot, register, staff["clerk"], settings, tab="register", clock=clock)
    win.tab_widgets["register"].findChild(QLineEdit, "regNoEdit").setFocus()
    wedge_scan(registry.number, clock)
    desk = win.tab_widgets["clerk"]
    assert win.current_key() == "clerk" and desk.tabs.currentWidget().objectName() == "receivePage"
    assert desk.receiver.registry.number == registry.number
    # with the receiving desk open, a package scanned anywhere is received (not opened as a card)
    wedge_scan(packages[0].reg_no, clock)
    assert desk.receiver.last.result == "received" and not win.cards
    assert register.case(packages[0].reg_no).stage == "awaiting_resolution"
    # the receipt is not finished: a package scanned on another tab still goes to it
    win.select_tab("register")
    assert "register" not in win._stale  # the register tab shows the change at once
    win.tab_widgets["register"].findChild(QLineEdit, "regNoEdit").setFocus()
    wedge_scan(packages[1].reg_no, clock)
    assert win.current_key() == "clerk" and desk.receiver.last.reg_no == packages[1].reg_no and not win.cards
    assert desk.receiver.cue == "done" and not desk.receipt_open()
    # once the registry is complete a number scanned elsewhere opens the case card again
    win.select_tab("register")
    win.tab_widgets["register"].findChild(QLineEdit, "regNoEdit").setFocus()
    wedge_scan(packages[1].reg_no, clock)
    assert packages[1].reg_no in win.cards
