"""A regulation 7 (S7) application through the public service centre path, driven through the real windows:
the inspector's intake at branch 3 and its Қолхат and label, the collecting inspector's registry, the department
clerk's receipt by scanning on a Kazakh keyboard layout, the department's work (through the store), the return
registry, its scan-in at the branch and the hand-over against the Қолхат — with the PSC table's deadlines, the
audit trail and the case card checked on the way; and what a branch's staff may see."""
from __future__ import annotations

import datetime as dt
import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from desktop.ui.i18n import languages
from helpers_roles import MARKS, alert_log, keyboard_intake, person, press  # noqa: F401
from helpers_scan import BRANCH, Clock, events, pdf_text, prints, psc_case, staff, wedge_scan, window  # noqa: F401

pytestmark = MARKS


def chain(register, start: dt.datetime, actions: tuple[str, ...]) -> dt.datetime:
    """Due times straight from the catalogue's PSC table (regulation 7 annex 7 table 2)."""
    steps = {s.action: s for s in register.catalogue.service("S7").psc_steps}
    for action in actions:
        start = register.calendar().add(start, steps[action].duration_value, steps[action].duration_unit)
    return start


def registry_prints(register, number: str) -> int:
    """Prints of a registry in the audit trail (read on a separate connection)."""
    with sqlite3.connect(f"file:{register.path}?mode=ro", uri=True) as conn:
        return conn.execute("SELECT count(*) FROM events WHERE action='print' AND case_id IS NULL AND"
                            " json_extract(details, '$.registry') = ?", (number,)).fetchone()[0]


def at(register, reg_no: str, action: str, nth: int = 0) -> dt.datetime:
    return [e.at for e in register.history(reg_no) if e.action == action][nth]


def test_s7_through_the_psc_path(qtbot, register, staff, settings, prints, alert_log):
    reg, desk, clock = register, register.packages, Clock()
    psc_table = tuple(s.action for s in reg.catalogue.service("S7").psc_steps)

    # 1. the inspector registers the application at his branch by keyboard and prints the Қолхат and the label
    insp = window(qtbot, reg, staff["insp3"], settings, clock=clock)
    assert insp.tab_titles() == ["PSC"]
    tab = insp.tab_widgets["psc"]
    counter = tab.counter
    assert [counter.w["serviceCombo"].itemData(i) for i in range(counter.w["serviceCombo"].count())] == ["S7"]
    keyboard_intake(qtbot, counter, "S7", person(31), docs=(0, 1, 2, 3, 4))
    case = reg.case(counter.last_reg_no)
    assert (case.channel, case.stage, case.package, case.registered_by) == (f"psc:{BRANCH}", "awaiting_receipt",
                                                                            "at_branch", staff["insp3"].id)
    assert case.due_at == chain(reg, case.registered_at, psc_table)              # the PSC table end to end
    assert case.step_due_at == chain(reg, case.registered_at, ("psc_accept", "psc_collect"))
    press(qtbot, Qt.Key.Key_F9)
    assert prints.kinds(case.reg_no) == [("kolkhat", case.reg_no), ("label", case.reg_no)]
    kolkhat = pdf_text(prints.calls[0][2])
    assert "ҚОЛХАТ" in kolkhat and case.reg_no in kolkhat and "Ахметов Ерлан Болатұлы" in kolkhat
    assert case.reg_no in pdf_text(prints.calls[1][2])
    assert counter.journal.rowCount() == 1  # the branch's own intakes only
    insp.close()

    # 2. the collecting inspector builds the day's registry and prints it
    coll = window(qtbot, reg, staff["coll3"], settings, clock=clock)
    builder = coll.tab_widgets["psc"].builder
    assert coll.tab_widgets["psc"].counter is None and coll.tab_widgets["psc"].handover is None
    assert builder.waiting.rowCount() == 1 and builder.waiting.reg_no(0) == case.reg_no
    qtbot.mouseClick(builder.w["buildButton"], Qt.MouseButton.LeftButton)
    registry = desk.registries(source=f"psc:{BRANCH}")[0]
    assert (registry.direction, registry.status, [i.reg_no for i in registry.items]) == (
        "to_department", "dispatched", [case.reg_no])
    assert prints.kinds()[-1] == ("registry", registry.number)
    paper = pdf_text(prints.calls[-1][2])
    assert registry.number in paper and case.reg_no in paper
    assert builder.waiting.rowCount() == 0 and builder.selected_registry() == registry.number
    assert reg.case(case.reg_no).package == "in_transit"
    assert registry_prints(reg, registry.number) == 0  # the preview was closed unprinted (test_print_log.py prints)
    coll.close()

    # 3. the department's clerk scans the registry's barcode anywhere in his window, then the package
    clerk = window(qtbot, reg, staff["clerk"], settings, clock=clock)
    desk_tab = clerk.tab_widgets["clerk"]
    assert clerk.tab_titles() == ["Clerk", "Register"] and "psc" not in clerk.tab_widgets
    desk_tab.counter.w["surnameEdit"].setFocus()
    wedge_scan(registry.number, clock)
    receiver = desk_tab.receiver
    assert desk_tab.tabs.currentWidget().objectName() == "receivePage"
    assert receiver.registry is not None and receiver.registry.number == registry.number
    assert desk_tab.counter.w["surnameEdit"].text() == ""  # the burst typed in the Kazakh layout was removed
    assert receiver.expected.rowCount() == 1 and receiver.expected.mark(0) == "in_transit"
    wedge_scan(case.reg_no, clock)
    assert receiver.cue == "done" and receiver.last.result == "received"
    assert receiver.expected.mark(0) == "received"
    assert "1/1" in receiver.w["cueLabel"].text()
    received = reg.case(case.reg_no)
    assert (received.stage, received.package, received.data["received_by"]) == (
        "awaiting_resolution", "at_department", staff["clerk"].id)
    t_in = at(reg, case.reg_no, "package_receive")
    assert received.step_due_at == chain(reg, t_in, ("dept_forward", "resolve"))
    assert desk.registry(registry.number).status == "received"
    assert not receiver.w["closeButton"].isEnabled()  # complete: nothing to finish

    # 4. the department's work, with the PSC table's step durations
    head, ex = staff["head"], staff["executor1"]
    done = reg.perform(head, case.reg_no, "resolve", executor=ex.id, resolution="Қараңыз")
    assert done.step_due_at == chain(reg, at(reg, case.reg_no, "resolve"), ("examine", "draft"))
    reg.perform(ex, case.reg_no, "draft", decision="approved", text="")
    signed = reg.perform(head, case.reg_no, "sign")
    assert signed.step_due_at == chain(reg, at(reg, case.reg_no, "sign"), ("complete", "dept_return"))
    clerk.ctx.signals.cases_changed.emit(case.reg_no)

    # 5. the clerk sends the signed result back on a return registry
    returns = desk_tab.returns
    desk_tab.tabs.setCurrentWidget(desk_tab.findChild(QWidget, "returnPage"))
    assert returns.source() == f"psc:{BRANCH}" and returns.waiting.reg_no(0) == case.reg_no
    qtbot.mouseClick(returns.w["buildButton"], Qt.MouseButton.LeftButton)
    back = desk.registries(direction="to_branch")[0]
    assert [i.reg_no for i in back.items] == [case.reg_no] and prints.kinds()[-1] == ("registry", back.number)
    assert reg.case(case.reg_no).package == "in_transit_back"
    assert reg.case(case.reg_no).step_due_at == chain(reg, at(reg, case.reg_no, "package_dispatch", 1),
                                                      ("psc_handover",))
    clerk.close()

    # 6. at the branch the inspector scans the return registry (from any page), then the package
    insp = window(qtbot, reg, staff["insp3"], settings, clock=clock)
    tab = insp.tab_widgets["psc"]
    tab.counter.w["iinEdit"].setFocus()
    wedge_scan(back.number, clock)
    assert tab.tabs.currentWidget() is tab.page("receivePage") and tab.receiver.registry.number == back.number
    assert tab.counter.w["iinEdit"].text() == ""  # a 12-character field: the burst is removed all the same
    wedge_scan(case.reg_no, clock)
    assert tab.receiver.last.result == "received"
    assert reg.case(case.reg_no).package == "at_branch_returned"

    # 7. the applicant shows the Қолхат: scanned on the hand-over page, the result is handed over
    tab.show_page("handoverPage")
    handover = tab.handover
    assert handover.model.rowCount() == 1
    wedge_scan(case.reg_no, clock)
    assert handover.current() is not None and handover.current().reg_no == case.reg_no
    qtbot.mouseClick(handover.w["handOverButton"], Qt.MouseButton.LeftButton)
    final = reg.case(case.reg_no)
    assert (final.stage, final.package) == ("delivered", "handed_over")
    assert final.data["delivery"]["against"] == "kolkhat" and final.data["delivery"]["place"] == f"psc:{BRANCH}"
    assert not final.overdue(final.closed_at) and final.closed_at <= final.due_at
    assert handover.model.rowCount() == 0

    # the trail, and the case card: where the package is and every scan
    assert [a for a in events(reg, case.reg_no) if a != "print"] == [
        "register", "package_dispatch", "package_receive", "resolve", "draft", "sign", "package_dispatch",
        "package_receive", "hand_over"]
    card = insp.open_case(case.reg_no)
    assert card is not None
    tree = card.details_tree
    package = next(tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
                   if tree.topLevelItem(i).text(0) == "Package and scans")
    rows = {package.child(i).text(0): package.child(i).text(1) for i in range(package.childCount())}
    assert rows[next(k for k in rows if registry.number in k)].startswith("to the department")
    scans = [v for k, v in rows.items() if k.startswith("Scan ")]
    assert len(scans) == 2 and registry.number in scans[0] and back.number in scans[1]
    history = [card.history_table.item(r, 2).text() for r in range(card.history_table.rowCount())]
    assert "package received by scanning" in history and "result handed over" in history
    card.close()
    assert reg.verify().ok
    assert alert_log == []


def test_a_branch_sees_only_its_own_packages(qtbot, register, staff, settings, alert_log):
    reg, clock = register, Clock()
    mine = psc_case(reg, staff["insp3"], 1)
    theirs = psc_case(reg, staff["insp5"], 2)
    counter = reg.register_case(staff["clerk"], "S2", person(3), None, ["application"])
    win = window(qtbot, reg, staff["insp5"], settings, clock=clock)
    assert win.tab_titles() == ["PSC"] and "register" not in win.tab_widgets  # no department-wide search
    tab = win.tab_widgets["psc"]
    assert [tab.builder.waiting.reg_no(r) for r in range(tab.builder.waiting.rowCount())] == [theirs.reg_no]
    assert tab.counter.journal.rowCount() == 1 and tab.counter.journal.reg_no(0) == theirs.reg_no
    # another branch's case and a department case do not open, by scan or by number
    for reg_no in (mine.reg_no, counter.reg_no):
        tab.counter.w["surnameEdit"].setFocus()
        wedge_scan(reg_no, clock)
        assert reg_no not in win.cards
    assert len(alert_log) == 2 and all("psc:5" in a["text"] for a in alert_log)
    assert win.open_case(theirs.reg_no) is not None
    # the other branch's registry cannot be opened at this desk
    registry = reg.packages.create_registry(staff["coll3"], f"psc:{BRANCH}")
    tab.show_page("receivePage")
    assert not tab.receiver.open_registry(registry.number) and tab.receiver.registry is None
    assert tab.receiver.cue == "not_on_registry"
    assert tab.receiver.w["incomingTable"].rowCount() == 0


def test_the_tabs_and_pages_follow_the_roles(qtbot, register, staff, settings):
    def pages(user: str) -> list[str]:
        tab = window(qtbot, register, staff[user], settings).tab_widgets["psc"]
        return [tab.tabs.widget(i).objectName() for i in range(tab.tabs.count())]

    assert list(window(qtbot, register, staff["clerk"], settings).tab_widgets) == ["clerk", "register"]
    assert pages("insp3") == ["intakePage", "receivePage", "handoverPage"]        # no registry building
    assert pages("coll3") == ["sendPage", "receivePage"]                          # no intake, no hand-over
    assert pages("insp5") == ["intakePage", "sendPage", "receivePage", "handoverPage"]  # both roles


def test_the_psc_tab_speaks_kazakh_and_switches_to_russian(qtbot, register, staff, settings):
    languages().apply("kk")
    win = window(qtbot, register, staff["insp3"], settings)
    tab = win.tab_widgets["psc"]
    assert win.tab_titles() == ["ХҚКО"]
    assert tab.place_label.text() == "Халыққа қызмет көрсету орталығы: ХҚКО №3 бөлімі (Балқаш ауданы)"
    assert [tab.tabs.tabText(i) for i in range(tab.tabs.count())] == [
        "Қабыл&дау және қолхат", "Курьермен қайтар&ылғандар", "Өтініш беруші&ге дайын"]
    mark = tab.receiver.expected.columnCount() - 2
    assert tab.receiver.expected.headerData(mark, Qt.Orientation.Horizontal) == "Реестр бойынша"
    win.set_language("ru")
    qtbot.waitUntil(lambda: win.tab_titles() == ["ЦОН"], timeout=3000)
    qtbot.waitUntil(lambda: tab.place_label.text() == "Центр обслуживания населения: Отделение ЦОН №3 (Балқаш ауданы)",
                    timeout=3000)
    assert tab.receiver.expected.headerData(mark, Qt.Orientation.Horizontal) == "По реестру"
    assert tab.handover.w["handOverButton"].text() == "&Выдать по расписке"
