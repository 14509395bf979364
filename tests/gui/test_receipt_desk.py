"""The department clerk's receiving desk: a registry with a package missing and packages that are not on it.

Every scan is answered at once (received / not on this registry / unknown / already received) with its colour
and a blinking cue line, ticked in the list of expected packages and kept in the register; finishing the
receipt flags the missing package in the widget and in the register, and nothing is lost: the late package is
received the next day on the same registry. Also: the return registry to a branch, and refusals."""
from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from desktop.ui import alerts
from desktop.ui.casework import GREEN, RED
from desktop.ui.receipt_desk import BLINK_MS, ClerkDesk, ReceivePanel
from helpers_roles import MARKS, make_ctx, person, press, show, type_text  # noqa: F401
from helpers_scan import BRANCH, psc_case, staff  # noqa: F401

pytestmark = MARKS


def scans_in_db(register, number: str) -> list[tuple[str, str]]:
    with sqlite3.connect(f"file:{register.path}?mode=ro", uri=True) as conn:
        return conn.execute("SELECT s.code, s.result FROM scans s JOIN registries r ON r.id = s.registry_id"
                            " WHERE r.number = ? ORDER BY s.id", (number,)).fetchall()


def table_rows(table) -> list[tuple[str, str, str]]:
    """(code, result id, background) of the scans table, newest first."""
    return [(table.item(r, 1).text(), table.item(r, 1).data(Qt.ItemDataRole.UserRole),
             table.item(r, 1).background().color().name()) for r in range(table.rowCount())]


@pytest.fixture
def three(register, staff):
    """Three packages of branch 3 on one registry; one package of branch 5 waits at its branch."""
    cases = [psc_case(register, staff["insp3"], i) for i in (1, 2, 3)]
    elsewhere = psc_case(register, staff["insp5"], 4)
    registry = register.packages.create_registry(staff["coll3"], f"psc:{BRANCH}")
    return cases, elsewhere, registry


def test_missing_and_extra_packages_are_flagged_and_nothing_is_lost(qtbot, register, staff, three,
                                                                   shown_alerts):
    (a, b, c), elsewhere, registry = three
    counter = register.register_case(staff["clerk"], "S2", person(9), None, ["application"])
    panel = show(qtbot, ReceivePanel(make_ctx(register, staff["clerk"], opened=[])))
    assert panel.w["incomingTable"].rowCount() == 1
    assert panel.w["closeButton"].isEnabled() is False
    # the clerk types the registry's number into the scan field (a barcode that will not read) and Enter
    panel.w["scanEdit"].setFocus()
    type_text(qtbot, registry.number.lower())
    press(qtbot, Qt.Key.Key_Return)
    assert panel.registry is not None and panel.registry.number == registry.number
    assert panel.expected.rowCount() == 3 and panel.w["scanEdit"].text() == ""

    expected_cues = []
    for code, result in ((a.reg_no, "received"), (elsewhere.reg_no, "not_on_registry"), ("K032026999999", "unknown"),
                         (b.reg_no, "received"), (counter.reg_no, "not_on_registry"), (a.reg_no, "duplicate")):
        got = panel.scan(code)
        assert got is not None and got.result == result and panel.cue == result, code
        expected_cues.append((code, result))
        label_style = panel.w["cueLabel"].styleSheet()
        colour = GREEN[0] if result == "received" else (RED[0] if result != "duplicate" else "#997404")
        assert colour in label_style and code in panel.w["cueLabel"].text()
    # flagged cues blink: the line alternates between the strong and the light colour, then rests light
    qtbot.waitUntil(lambda: not panel._timer.isActive(), timeout=20 * BLINK_MS)
    assert "color: white" not in panel.w["cueLabel"].styleSheet()

    # the widget: ticks for a and b, nothing yet for c; every scan listed with its colour, newest first
    marks = {panel.expected.reg_no(r): panel.expected.mark(r) for r in range(3)}
    assert marks == {a.reg_no: "received", b.reg_no: "received", c.reg_no: "in_transit"}
    rows = table_rows(panel.w["scansTable"])
    assert [(code, res) for code, res, _ in rows] == list(reversed(expected_cues))
    assert {res: colour for _, res, colour in rows}["not_on_registry"] == QColor(RED[1]).name()
    assert {res: colour for _, res, colour in rows}["received"] == QColor(GREEN[1]).name()
    flags = panel.w["flagsLabel"].text()
    assert elsewhere.reg_no in flags and counter.reg_no in flags and "K032026999999" in flags
    # nothing flagged changed a case
    assert register.case(elsewhere.reg_no).package == "at_branch"
    assert register.case(counter.reg_no).package is None

    # finishing: the clerk is asked, then c is flagged missing — in the widget and in the register
    assert panel.w["closeButton"].isEnabled()
    qtbot.mouseClick(panel.w["closeButton"], Qt.MouseButton.LeftButton)
    assert shown_alerts[-1]["kind"] == "question" and c.reg_no in shown_alerts[-1]["text"]
    assert panel.cue == "missing" and c.reg_no in panel.w["cueLabel"].text()
    missing_row = next(r for r in range(3) if panel.expected.reg_no(r) == c.reg_no)
    assert panel.expected.mark(missing_row) == "missing"
    mark_column = panel.expected.columnCount() - 2
    brush = panel.expected.data(panel.expected.index(missing_row, mark_column), Qt.ItemDataRole.BackgroundRole)
    assert brush.color().name() == QColor(RED[1]).name()
    assert c.reg_no in panel.w["flagsLabel"].text() and "Missing" in panel.w["flagsLabel"].text()
    closed = register.packages.registry(registry.number)
    assert closed.status == "incomplete" and [i.reg_no for i in closed.missing] == [c.reg_no]
    assert (register.case(c.reg_no).stage, register.case(c.reg_no).package) == ("awaiting_receipt", "in_transit")
    assert [e.action for e in register.history(c.reg_no)][-1] == "package_missing"
    assert scans_in_db(register, registry.number) == expected_cues  # every scan kept, flagged or not
    assert panel.w["incomingTable"].rowCount() == 1  # an incomplete registry stays on the list

    # nothing lost: c turns up later and is received on its registry
    late = panel.scan(c.reg_no)
    assert late.result == "received" and panel.cue == "done"
    assert register.packages.registry(registry.number).status == "received"
    assert {register.case(x.reg_no).package for x in (a, b, c)} == {"at_department"}
    assert register.case(elsewhere.reg_no).package == "at_branch"
    assert panel.w["incomingTable"].rowCount() == 0
    assert register.verify().ok


def test_finishing_can_be_cancelled_and_a_foreign_registry_is_refused(qtbot, register, staff, three, monkeypatch):
    (a, _b, _c), _elsewhere, registry = three
    monkeypatch.setattr(alerts, "question", lambda *args: False)
    panel = show(qtbot, ReceivePanel(make_ctx(register, staff["clerk"])))
    assert panel.scan(a.reg_no) is None and panel.cue == "unknown"  # the registry first
    assert panel.open_registry(registry.number)
    panel.scan(a.reg_no)
    assert panel.finish() is None
    assert register.packages.registry(registry.number).status == "receiving"
    # a branch's desk does not open the department's incoming registries
    branch_desk = ReceivePanel(make_ctx(register, staff["insp3"]), "to_branch", f"psc:{BRANCH}")
    qtbot.addWidget(branch_desk)
    assert not branch_desk.open_registry(registry.number) and branch_desk.cue == "not_on_registry"
    assert not branch_desk.open_registry("R039999000001") and branch_desk.cue == "unknown"
    # a PSC inspector at the department's desk is refused by the store: nothing is written
    other = ReceivePanel(make_ctx(register, staff["insp5"]))
    qtbot.addWidget(other)
    refused = []
    monkeypatch.setattr(alerts, "refusal", lambda parent, exc, title="Kense": refused.append(exc.code))
    assert other.open_registry(registry.number)
    before = scans_in_db(register, registry.number)
    assert other.scan(_b.reg_no) is None and refused == ["role_denied"]
    assert scans_in_db(register, registry.number) == before


def test_return_registry_to_the_branch(qtbot, register, staff, three, shown_alerts, monkeypatch):
    (a, b, _c), _elsewhere, registry = three
    printed = []
    monkeypatch.setattr("desktop.ui.registries.print_registry", lambda ctx, number, parent=None:
                        printed.append(number))
    desk = register.packages
    for case in (a, b):
        desk.receive_scan(staff["clerk"], registry.number, case.reg_no)
        register.perform(staff["head"], case.reg_no, "resolve", executor=staff["executor1"].id, resolution="Қараңыз")
        register.perform(staff["executor1"], case.reg_no, "draft", decision="approved", text="")
    register.perform(staff["head"], a.reg_no, "sign")
    clerk = show(qtbot, ClerkDesk(make_ctx(register, staff["clerk"])))
    returns = clerk.returns
    combo = returns.w["sourceCombo"]
    assert combo.count() == 1 and combo.itemData(0) == f"psc:{BRANCH}" and combo.itemText(0).endswith("— 1")
    assert [returns.waiting.reg_no(r) for r in range(returns.waiting.rowCount())] == [a.reg_no]
    built = returns.build()
    assert built is not None and built.direction == "to_branch" and printed == [built.number]
    assert register.case(a.reg_no).package == "in_transit_back" and register.case(b.reg_no).package == "at_department"
    assert combo.count() == 0 and not returns.w["buildButton"].isEnabled()
    assert returns.selected_registry() == built.number and returns.items.rowCount() == 1
    qtbot.mouseClick(returns.w["printButton"], Qt.MouseButton.LeftButton)
    assert printed == [built.number, built.number]
    # a registry number scanned at the clerk's desk goes where it belongs
    assert clerk.accept_scan(built.number) and clerk.tabs.currentWidget().objectName() == "returnPage"
    assert clerk.accept_scan(registry.number) and clerk.tabs.currentWidget().objectName() == "receivePage"
    assert clerk.receiver.registry.number == registry.number
