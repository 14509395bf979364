"""A wedge scanner on a Kazakh keyboard layout, scanned anywhere in the main window: a registration number opens
the case card, a registry number opens the registry desk, an open receiving desk takes every scan. The scan never
reaches the focused widget (a combo keeps its item, a queue its row, a field its text, with no signal on the way)
and the closing Enter fires no shortcut and no default button. A person typing, or a fast typist's IIN, still
reaches the widget (type-ahead included), in order."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDialog, QLineEdit, QPushButton, QTableView,
                               QVBoxLayout, QWidget)

from desktop.ui.head_tab import RESOLUTION_COLUMNS
from helpers_roles import MARKS, alert_log, person  # noqa: F401
from helpers_scan import (BRANCH, Clock, activate, keystroke, psc_case, staff, wait_for, wedge_scan,  # noqa: F401
                          window)

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
    assert search.text() == ""  # 'лөңіөі.өөөөөә' the Kazakh layout types never reached the field
    close_card(qtbot, win, case.reg_no)

    # at the counter, half-way through an IIN: the field keeps its text, Enter registers nothing
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


class KeysSeen(QObject):
    """Records the text of every key press that reaches one widget (after the application's filters)."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.texts: list[str] = []
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.KeyPress:
            self.texts.append(event.text())
        return False


def test_a_scan_leaves_the_clerks_service_combo_and_fields_alone(qtbot, register, staff, settings):
    case = register.register_case(staff["clerk"], "S2", person(1), None, ["application"])
    clock = Clock()
    win = window(qtbot, register, staff["clerk"], settings, tab="clerk", clock=clock)
    counter = win.tab_widgets["clerk"].counter
    combo: QComboBox = counter.w["serviceCombo"]
    combo.setCurrentIndex(combo.findData("S4"))
    ticked = counter.w["documentsBox"].findChildren(QCheckBox)[0]
    ticked.setChecked(True)  # the clerk has begun: a service change would rebuild the checklist
    changed: list[int] = []
    combo.currentIndexChanged.connect(changed.append)
    seen = KeysSeen(combo)
    combo.setFocus()
    wedge_scan(case.reg_no, clock)
    assert list(win.cards) == [case.reg_no]
    assert combo.currentData() == "S4" and changed == [] and ticked.isChecked()
    assert seen.texts == []  # no key of the scan reached the combo, so no type-ahead can move it
    assert register.count() == 1  # the closing Enter registered nothing
    close_card(qtbot, win, case.reg_no)

    # a person typing 'S' in the combo still gets its type-ahead, at once (S cannot begin a Kense code)
    combo.setFocus()
    keystroke("S", clock)
    assert combo.currentData() == "S5" and seen.texts == ["S"] and not win.scanner.holding()

    # a scan in a line edit: its text never changes, not even for a moment (the IIN lookup would run)
    iin: QLineEdit = counter.w["iinEdit"]
    iin.setFocus()
    iin.setText("8501")
    edits: list[str] = []
    iin.textChanged.connect(edits.append)
    wedge_scan(case.reg_no, clock)
    assert iin.text() == "8501" and edits == [] and case.reg_no in win.cards
    close_card(qtbot, win, case.reg_no)
    # a person typing there sees each key, also one held back because it could begin a number ('л' is K)
    iin.setFocus()
    keystroke("2", clock)
    assert iin.text() == "85012"
    surname: QLineEdit = counter.w["surnameEdit"]
    surname.setFocus()
    keystroke("K", clock, "Л")
    assert win.scanner.holding() and surname.text() == ""
    wait_for(qtbot, lambda: surname.text() == "Л")  # after the scanner's gap, without another key
    keystroke("T", clock, "е")
    keystroke("C", clock, "с")
    keystroke("K", clock, "л")
    keystroke("B", clock, "и", gap_ms=20)  # fast: the held 'л' goes in first, in order
    assert surname.text() == "Лесли"
    assert register.count() == 1


def test_a_scan_leaves_the_heads_queue_row_and_executor_alone(qtbot, register, staff, settings):
    admin = staff["admin"]
    register.create_user(admin, "executor3", "Лесбекова Әсел", ["executor"], "executor3-pw")
    surnames = ("Ахметов", "Оспанов", "Лесов", "Бекова")
    cases = [register.register_case(staff["clerk"], "S2", person(i + 1, surname=s), None, ["application"])
             for i, s in enumerate(surnames)]
    scanned = register.register_case(staff["clerk"], "S1", person(9), None, ["application"])
    clock = Clock()
    win = window(qtbot, register, staff["head"], settings, tab="head", clock=clock)
    head = win.tab_widgets["head"]
    view: QTableView = head.w["resolutionView"]
    model = view.model()
    rows = {model.reg_no(r): r for r in range(model.rowCount())}
    start = rows[cases[1].reg_no]  # Оспанов
    # the head clicked the applicant's cell: type-ahead would search the applicants ('л' finds Лесов)
    view.setCurrentIndex(model.index(start, RESOLUTION_COLUMNS.index("applicant")))
    combo: QComboBox = head.w["executorCombo"]
    executor = combo.findText("Оспанова", Qt.MatchFlag.MatchStartsWith)
    combo.setCurrentIndex(executor)
    selections: list[int] = []
    view.selectionModel().selectionChanged.connect(lambda *_: selections.append(1))
    view.setFocus()
    wedge_scan(scanned.reg_no, clock)
    assert list(win.cards) == [scanned.reg_no]  # the Enter did not also open the current row's case
    assert view.currentIndex().row() == start and selections == []
    assert [i.row() for i in view.selectionModel().selectedRows()] == [start]
    close_card(qtbot, win, scanned.reg_no)

    # the executor chosen in the combo stays chosen ('л' would find Лесбекова)
    combo.setFocus()
    wedge_scan(scanned.reg_no, clock)
    assert combo.currentIndex() == executor and list(win.cards) == [scanned.reg_no]
    close_card(qtbot, win, scanned.reg_no)

    # a person typing 'л' there gets Лесбекова once the scanner's gap is over, and in the queue Лесов
    combo.setFocus()
    keystroke("K", clock, "л")
    assert combo.currentIndex() == executor and win.scanner.holding()
    wait_for(qtbot, lambda: combo.currentText().startswith("Лесбекова"))
    view.setFocus()
    keystroke("K", clock, "л", gap_ms=1000)
    wait_for(qtbot, lambda: view.currentIndex().row() == rows[cases[2].reg_no])
    assert head._current("resolutionView").reg_no == cases[2].reg_no


def test_the_closing_enter_presses_no_default_button(qtbot, register, staff, settings):
    case = register.register_case(staff["clerk"], "S2", person(1), None, ["application"])
    clock = Clock()
    win = window(qtbot, register, staff["clerk"], settings, tab="register", clock=clock)
    dialog = QDialog(win)
    edit, button = QLineEdit(dialog), QPushButton("OK", dialog)
    layout = QVBoxLayout(dialog)
    layout.addWidget(edit)
    layout.addWidget(button)
    button.setDefault(True)
    pressed: list[bool] = []
    button.clicked.connect(lambda *_: pressed.append(True))
    dialog.show()
    activate(qtbot, dialog)
    edit.setFocus()
    keystroke("A", clock, "ф")
    qtbot.keyClick(edit, Qt.Key.Key_Return)  # a person's Enter presses the default button
    assert len(pressed) == 1 and edit.text() == "ф"
    wedge_scan(case.reg_no, clock)
    assert list(win.cards) == [case.reg_no]
    assert len(pressed) == 1 and edit.text() == "ф" and dialog.isVisible()
    dialog.close()
