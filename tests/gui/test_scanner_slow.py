"""A code typed too slowly to be a scan never presses a button with its Enter: the filter takes it back out of the
field and the window asks "not recognised as a scan — open case K…?" (issue 10)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from desktop.ui.i18n import languages
from desktop.ui.scanner import SLOW_GAP_MS, ScannerFilter
from helpers_scan import KAZAKH, Clock, activate, keystroke, window
from helpers_scan import applicant as person

pytestmark = pytest.mark.gui
CODE = "K032026000123"


def enter(clock: Clock, gap_ms: float = 150) -> None:
    clock.ms += gap_ms
    target = QApplication.focusWidget()
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(target, QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, 36, 0, 0,
                                                 "\r"))
    QApplication.processEvents()


def slow_type(code: str, clock: Clock, gap_ms: float = 150, layout: dict[str, str] | None = None) -> None:
    """A code sent a key every ``gap_ms`` (too slow for a scan), delivered as typing once each gap is over."""
    for ch in code:
        keystroke(ch, clock, (layout or {}).get(ch, ch), gap_ms=gap_ms)
        QApplication.processEvents()
    QApplication.processEvents()


class Form:
    def __init__(self, qtbot, clock: Clock, *, name: str = "surnameEdit") -> None:
        self.widget = QWidget()
        layout = QVBoxLayout(self.widget)
        self.edit = QLineEdit(self.widget)
        self.edit.setObjectName(name)
        layout.addWidget(self.edit)
        self.returns: list[str] = []
        self.edit.returnPressed.connect(lambda: self.returns.append(self.edit.text()))
        self.shortcut_hits: list[int] = []
        shortcut = QShortcut(QKeySequence(Qt.Key.Key_Return), self.widget)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(lambda: self.shortcut_hits.append(1))
        qtbot.addWidget(self.widget)
        self.widget.show()
        qtbot.waitExposed(self.widget)
        activate(qtbot, self.widget)
        self.edit.setFocus()
        assert QApplication.focusWidget() is self.edit
        self.scanner = Scanner(clock)
        self.scanner.install()
        self.slow: list[str] = []
        self.scans: list[str] = []
        self.scanner.slow_code.connect(self.slow.append)
        self.scanner.scanned.connect(self.scans.append)

    def close(self) -> None:
        self.scanner.remove()


class Scanner(ScannerFilter):
    """Kense's rules in small: K + digits may become a code, K + 12 digits is one; 'scanEdit' takes codes."""

    def __init__(self, clock: Clock) -> None:
        super().__init__(clock=clock, slow_gap_ms=SLOW_GAP_MS)

    def could_become(self, prefix: str) -> bool:
        return prefix[:1] == "K" and prefix[1:].isdigit() or prefix == "K"

    def accepts(self, code: str) -> bool:
        return len(code) == 13 and code[0] == "K" and code[1:].isdigit()

    def takes_codes(self, widget: QWidget) -> bool:
        return widget.objectName() == "scanEdit"


@pytest.fixture
def form(qtbot):
    clock = Clock()
    made = Form(qtbot, clock)
    yield made, clock
    made.close()


@pytest.mark.parametrize("layout", [KAZAKH, {}], ids=["kazakh", "us"])
def test_a_slow_code_presses_nothing_and_is_taken_back_out_of_the_field(qtbot, form, layout):
    f, clock = form
    f.edit.setText("Ахмет")
    f.edit.end(False)
    slow_type(CODE, clock, 150, layout)
    qtbot.wait(80)  # the last held key is delivered: the code is in the field as typing
    assert f.edit.text().startswith("Ахмет") and len(f.edit.text()) == len("Ахмет") + len(CODE)
    enter(clock)
    assert f.slow == [CODE] and f.scans == []
    assert f.returns == [] and f.shortcut_hits == []  # the Enter pressed nothing
    assert f.edit.text() == "Ахмет"  # what was typed before stays, the code is taken back
    f.edit.undo()
    assert len(f.edit.text()) == len("Ахмет") + len(CODE)  # taken back as a delete: undo brings it back


def test_a_fast_scan_is_still_a_scan_and_not_a_slow_code(qtbot, form):
    f, clock = form
    slow_type(CODE, clock, 8)
    enter(clock, 8)
    assert f.scans == [CODE] and f.slow == [] and f.edit.text() == "" and f.returns == []


@pytest.mark.parametrize("typed", ["K0320260001", "K03202600012X", "Ахметов"])
def test_an_enter_after_anything_but_a_whole_code_works_as_usual(qtbot, form, typed):
    f, clock = form
    for ch in typed:
        if ch in "K0123456789X":
            keystroke(ch, clock, gap_ms=150)
        else:
            clock.ms += 150
            QApplication.sendEvent(f.edit, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown,
                                                     Qt.KeyboardModifier.NoModifier, 0, 0, 0, ch))
        QApplication.processEvents()
    qtbot.wait(80)
    enter(clock)
    assert f.slow == [] and f.scans == []
    assert f.returns == [typed] or f.shortcut_hits == [1]  # the Enter did what Enter does there


def test_a_pause_longer_than_the_slow_gap_breaks_the_code(qtbot, form):
    f, clock = form
    slow_type(CODE[:6], clock, 150)
    slow_type(CODE[6:], clock, SLOW_GAP_MS + 100)
    qtbot.wait(80)
    enter(clock)
    assert f.slow == [] and f.edit.text() == CODE


def test_a_field_for_codes_keeps_a_code_typed_by_hand(qtbot):
    clock = Clock()
    f = Form(qtbot, clock, name="scanEdit")
    try:
        slow_type(CODE, clock, 150)
        qtbot.wait(80)
        enter(clock)
        assert f.slow == [] and f.edit.text() == CODE
        assert f.returns == [CODE] or f.shortcut_hits == [1]
    finally:
        f.close()


def test_the_window_asks_before_opening_a_slow_code_and_nothing_is_registered(qtbot, register, people, settings,
                                                                              shown_alerts):
    languages().apply("kk")
    case = register.register_case(people["clerk"], "S1", person(1), None, ["application", "identity"])
    clock = Clock()
    win = window(qtbot, register, people["clerk"], settings, tab="clerk", clock=clock)
    clerk = win.tab_widgets["clerk"]
    surname: QLineEdit = clerk.findChild(QLineEdit, "surnameEdit")
    surname.setFocus()
    before = len(register.find_ids())
    slow_type(case.reg_no, clock, 150, KAZAKH)
    qtbot.wait(80)
    enter(clock)
    assert [a["kind"] for a in shown_alerts] == ["question"]
    assert case.reg_no in shown_alerts[0]["text"] and "сканер" in shown_alerts[0]["text"].lower()
    assert surname.text() == ""  # not typed into the name field
    assert len(register.find_ids()) == before  # its Enter registered nothing
    assert case.reg_no in win.cards  # answered Yes: the case card is open
    win.cards[case.reg_no].close()
