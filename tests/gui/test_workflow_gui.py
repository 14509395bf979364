"""One office day through the real widgets: the clerk registers all seven services by keyboard, the head
resolves and assigns, the executors draft (approve and refuse), the head returns one and signs the rest, the
executors hand over in person and by post and record the S4 slip. The database and the audit trail are checked
at every step; the tabs share one signal hub and are refreshed on it, as the main window does."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QLabel

from desktop.core.errors import PermissionDenied
from desktop.ui.casework import select_reg_no
from desktop.ui.clerk_tab import ClerkTab
from desktop.ui.context import AppSignals
from desktop.ui.executor_tab import ExecutorTab
from desktop.ui.head_tab import HeadTab
from helpers_roles import (CODES, MARKS, activate, alert_log, alt, answer, events, keyboard_intake,  # noqa: F401
                           make_ctx, person, press, show, tab, type_text)

pytestmark = MARKS
CTRL = Qt.KeyboardModifier.ControlModifier
EXECUTOR_OF = {"S1": "executor1", "S2": "executor2", "S3": "executor1", "S4": "executor1", "S5": "executor2",
               "S6": "executor2", "S7": "executor1"}
REFUSED = {"S1", "S3"}
RETURNED = "S5"
POSTED = {"S1": "PK-0001", "S2": "PK-0002"}


def head_resolves_all(qtbot, head, register, people, reg_nos: dict[str, str]) -> None:
    activate(qtbot, head)
    alt(qtbot, Qt.Key.Key_R)  # Awaiting &resolution
    while head.resolution_model.rowCount():
        if head._current("resolutionView") is None:
            press(qtbot, Qt.Key.Key_F8)  # after an action nothing is selected until the head asks for the next
        case = head._current("resolutionView")
        alt(qtbot, Qt.Key.Key_N)
        type_text(qtbot, f"{case.service}: қарап, жауап дайындаңыз")
        alt(qtbot, Qt.Key.Key_E)
        combo = head.w["executorCombo"]
        target = combo.findData(people[EXECUTOR_OF[case.service]].id)
        steps = target - combo.currentIndex()
        press(qtbot, Qt.Key.Key_Down if steps > 0 else Qt.Key.Key_Up, abs(steps))
        press(qtbot, Qt.Key.Key_Return, modifier=CTRL)
        done = register.case(case.reg_no)
        assert done.stage == "with_executor" and done.executor_id == people[EXECUTOR_OF[case.service]].id
        assert events(register, case.reg_no) == ["register", "resolve"]


def next_at(ex, register, stage: str):
    """Select the first case of my list at ``stage`` (the list mixes stages, ordered by due time)."""
    model = ex.queue_model
    for row in range(model.rowCount()):
        if register.case(model.reg_no(row)).stage == stage:
            select_reg_no(ex.w["myCasesView"], model.reg_no(row))
            return ex.current_case()
    return None


def executor_drafts(qtbot, ex, register) -> None:
    activate(qtbot, ex)
    alt(qtbot, Qt.Key.Key_C)  # My &cases
    while (case := next_at(ex, register, "with_executor")) is not None:
        if case.service in REFUSED:
            alt(qtbot, Qt.Key.Key_F)
            assert tab(qtbot) is ex.w["reasonsList"]
            press(qtbot, Qt.Key.Key_Space)
            alt(qtbot, Qt.Key.Key_X)
            type_text(qtbot, "Құжаттар толық емес")
        else:
            alt(qtbot, Qt.Key.Key_A)
            if case.service == "S4":
                type_text(qtbot, "«Бақанас су» ЖШС", ex._panel.editors["institution"].widget)
                type_text(qtbot, "6 ай", ex._panel.editors["term"].widget)
            elif case.service == "S6":
                row = ex._panel.editors["family_members"].widget.rows[0]
                type_text(qtbot, "Ахметова Сәуле", row.full_name)
                type_text(qtbot, "жұбайы", row.relation)
        alt(qtbot, Qt.Key.Key_S)
        drafted = register.case(case.reg_no)
        assert drafted.stage == "awaiting_signature", (case.service, ex.w["paneMessage"].text())
        assert drafted.decision == ("refused" if case.service in REFUSED else "approved")
        assert events(register, case.reg_no)[-1] == "draft"


def head_signs(qtbot, head, register, returning: str | None) -> None:
    activate(qtbot, head)
    alt(qtbot, Qt.Key.Key_S)  # Awaiting &signature
    while head.signature_model.rowCount():
        if head._current("signatureView") is None:
            press(qtbot, Qt.Key.Key_F8)
        case = head._current("signatureView")
        if case.service == returning:
            alt(qtbot, Qt.Key.Key_O)
            type_text(qtbot, "Банктік шот нөмірін нақтылаңыз")
            press(qtbot, Qt.Key.Key_Return)
            assert case.reg_no in answer(qtbot)  # the question names the case; Enter confirms
            assert register.case(case.reg_no).stage == "with_executor"
            returning = None
            continue
        alt(qtbot, Qt.Key.Key_G)
        assert case.reg_no in answer(qtbot)
        assert register.case(case.reg_no).stage == "signed"


def executor_hands_over(qtbot, ex, register) -> None:
    activate(qtbot, ex)
    alt(qtbot, Qt.Key.Key_C)
    while (case := next_at(ex, register, "signed")) is not None:
        if case.service in POSTED:
            alt(qtbot, Qt.Key.Key_O)  # By p&ost
            alt(qtbot, Qt.Key.Key_N)  # Post receipt &number
            type_text(qtbot, POSTED[case.service])
            press(qtbot, Qt.Key.Key_Return)
        else:
            alt(qtbot, Qt.Key.Key_H)
        delivered = register.case(case.reg_no)
        assert delivered.stage == "delivered"
        expected = "post" if case.service in POSTED else "in_person"
        assert delivered.data["delivery"]["method"] == expected


def test_an_office_day_through_the_tabs(qtbot, register, people, alert_log):
    signals = AppSignals()
    ctx = {u: make_ctx(register, people[u], signals=signals) for u in ("clerk", "head", "executor1", "executor2")}
    clerk = show(qtbot, ClerkTab(ctx["clerk"]))
    reg_nos = {}
    for i, code in enumerate(CODES):
        keyboard_intake(qtbot, clerk, code, person(100 + i))
        reg_nos[code] = clerk.last_reg_no
    assert register.count() == 7 and clerk.journal.rowCount() == 7
    assert {register.case(r).service for r in reg_nos.values()} == set(CODES)

    head = show(qtbot, HeadTab(ctx["head"]))
    ex1 = show(qtbot, ExecutorTab(ctx["executor1"]))
    ex2 = show(qtbot, ExecutorTab(ctx["executor2"]))
    tabs = (clerk, head, ex1, ex2)
    changed: list[str] = []
    signals.cases_changed.connect(changed.append)
    signals.cases_changed.connect(lambda _reg_no: [t.refresh() for t in tabs])  # what the main window does
    head_resolves_all(qtbot, head, register, people, reg_nos)
    assert sorted(changed) == sorted(reg_nos.values())  # every write was announced
    assert ex1.queue_model.rowCount() == 4 and ex2.queue_model.rowCount() == 3  # refreshed by the shared signal

    executor_drafts(qtbot, ex1, register)
    executor_drafts(qtbot, ex2, register)
    head_signs(qtbot, head, register, returning=RETURNED)
    returned = register.case(reg_nos[RETURNED])
    assert returned.stage == "with_executor" and returned.data["returns"] == 1
    next_at(ex2, register, "with_executor")
    assert "Банктік шот нөмірін нақтылаңыз" in ex2.w["caseView"].toPlainText()  # the head's reason is shown
    executor_drafts(qtbot, ex2, register)  # the returned S5 draft, sent again
    head_signs(qtbot, head, register, returning=None)
    assert all(register.case(r).stage == "signed" for r in reg_nos.values())

    executor_hands_over(qtbot, ex1, register)
    executor_hands_over(qtbot, ex2, register)
    assert register.case(reg_nos["S2"]).data["delivery"]["post_number"] == "PK-0002"

    activate(qtbot, ex1)
    alt(qtbot, Qt.Key.Key_L)  # S4 s&lips awaited
    assert ex1.current_case() is None  # it came after the list was first read: the executor picks it (F8)
    press(qtbot, Qt.Key.Key_F8)
    assert ex1.current_case().reg_no == reg_nos["S4"]
    alt(qtbot, Qt.Key.Key_R)
    type_text(qtbot, "№ 5-ж")
    alt(qtbot, Qt.Key.Key_P)
    assert register.case(reg_nos["S4"]).data["slip"]["order_no"] == "№ 5-ж"

    base = ["register", "resolve", "draft", "sign", "deliver"]
    for code, reg_no in reg_nos.items():
        want = {"S4": base + ["record_slip"],
                RETURNED: ["register", "resolve", "draft", "return", "draft", "sign", "deliver"]}.get(code, base)
        assert events(register, reg_no) == want, code
        actors = [e.actor for e in register.history(reg_no)]
        assert actors[:2] == ["clerk", "head"] and EXECUTOR_OF[code] in actors
        case = register.case(reg_no)
        assert case.decision == ("refused" if code in REFUSED else "approved")
        assert case.closed_at is not None
    assert register.verify().ok  # the hash-chained audit trail is intact
    assert alert_log == []
    # the head's board is empty of open cases now
    assert "0" in head.w["overdueTile"].text() and head.resolution_model.rowCount() == 0


def test_a_clerk_context_cannot_reach_head_actions(qtbot, register, people, alert_log):
    signals = AppSignals()
    clerk_ctx = make_ctx(register, people["clerk"], signals=signals)
    clerk = show(qtbot, ClerkTab(clerk_ctx))
    keyboard_intake(qtbot, clerk, "S2", person(1))
    as_head = show(qtbot, HeadTab(clerk_ctx))  # the head's tab built for a clerk (the window never does this)
    assert as_head.resolution_model.rowCount() == 1
    for name in ("assignButton", "resolutionEdit", "executorCombo", "signButton", "returnButton"):
        assert not as_head.w[name].isEnabled(), name
    activate(qtbot, as_head)
    press(qtbot, Qt.Key.Key_Return, modifier=CTRL)
    alt(qtbot, Qt.Key.Key_A)
    reg_no = clerk.last_reg_no
    assert register.case(reg_no).stage == "awaiting_resolution"
    with pytest.raises(PermissionDenied):
        register.perform(people["clerk"], reg_no, "resolve", executor=people["executor1"].id, resolution="x")
    assert events(register, reg_no) == ["register"]


def test_tabs_follow_a_language_switch(qtbot, register, people):
    """The window switches ctx.lang and Qt sends LanguageChange: catalogue texts follow, typed input stays."""
    case = register.register_case(people["clerk"], "S4", person(7), {"employment_form": "training"}, [])
    register.perform(people["head"], case.reg_no, "resolve", executor=people["executor1"].id, resolution="x")
    ctxs = [make_ctx(register, people[u]) for u in ("clerk", "head", "executor1")]
    tabs = [show(qtbot, cls(c)) for cls, c in zip((ClerkTab, HeadTab, ExecutorTab), ctxs)]
    clerk, head, ex = tabs
    clerk.w["surnameEdit"].setText("Ахметов")
    ex.w["approveRadio"].setChecked(True)
    type_text(qtbot, "«Бақанас су» ЖШС", ex._panel.editors["institution"].widget)
    assert "Жұмыспен" in ex.w["caseView"].toPlainText()
    for tab_, ctx in zip(tabs, ctxs):
        ctx.lang = "ru"
        QApplication.sendEvent(tab_, QEvent(QEvent.Type.LanguageChange))
    qtbot.waitUntil(lambda: "Оформление документов" in clerk.w["serviceCombo"].currentText())
    assert any("Заявление" == b.text() for b in clerk._doc_boxes)
    assert clerk.w["surnameEdit"].text() == "Ахметов"
    board = head.w["serviceBoard"]
    qtbot.waitUntil(lambda: "Выдача справок" in board.item(3, 0).text())
    assert "Выдача справок" in ex.w["caseView"].toPlainText()
    assert ex.w["approveRadio"].isChecked() and ex._panel.values()["institution"] == "«Бақанас су» ЖШС"
    assert any("Наименование организации" in lbl.text() for lbl in ex._panel.findChildren(QLabel))
    assert ex.queue_model.headerData(0, Qt.Orientation.Horizontal) == "Reg. No"  # the model's own tr()
