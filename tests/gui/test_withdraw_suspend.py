"""Withdrawal at the counter (case card), the head's suspension and resumption, and queues that fit 1366 px.

The buttons follow ``workflow.allowed_actions``; the core refuses again when a button forgets; an empty reason is
answered next to the field in the user's language and writes nothing; every action lands in the audit trail.
"""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.core.errors import PermissionDenied, ValidationError
from desktop.core.messages import message
from desktop.ui import alerts
from desktop.ui.casecard import CaseCard
from desktop.ui.context import AppContext
from desktop.ui.executor_tab import ExecutorTab
from desktop.ui.head_tab import HeadTab, short_name
from desktop.ui.i18n import languages
from desktop.ui.mainwindow import MainWindow
from helpers_roles import MARKS, advance, alt, events, make_ctx, new_case, press, show, type_text

pytestmark = MARKS


@pytest.fixture
def answers(shown_alerts) -> list[dict[str, str]]:
    """Alerts recorded instead of shown, questions answered Yes (conftest's shown_alerts)."""
    return shown_alerts


def card_for(qtbot, register, user, reg_no: str, lang: str = "kk") -> CaseCard:
    card = CaseCard(make_ctx(register, user, lang=lang), reg_no)
    return show(qtbot, card, (960, 680))


# ------------------------------------------------------------------ withdrawal

def test_clerk_scans_the_number_and_records_the_withdrawal(qtbot, register, people, settings, answers):
    """At the counter: the number typed (or scanned) opens the card; reason, confirmation, withdrawn, audited."""
    case = advance(register, people, new_case(register, people["clerk"], "S1", 1), "with_executor")
    window = MainWindow(AppContext(register=register, user=people["clerk"], lang="kk", settings=settings),
                       settings, initial_tab="clerk")
    window.remember = False
    show(qtbot, window, (1366, 768))
    clerk = window.tab_widgets["clerk"].counter  # the counter page of the clerk's desk
    clerk.w["scanEdit"].setFocus()
    type_text(qtbot, case.reg_no)
    press(qtbot, Qt.Key.Key_Return)
    card = window.cards[case.reg_no]
    qtbot.waitExposed(card)
    assert card.withdraw_box.isVisible() and card.withdraw_button.isEnabled()
    card.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is card, timeout=2000)
    alt(qtbot, Qt.Key.Key_W)  # &Withdrawal reason
    assert QApplication.focusWidget() is card.withdraw_edit
    type_text(qtbot, "Өтініш берушінің 25.11.2026 жылғы жазбаша өтініші")
    press(qtbot, Qt.Key.Key_Return)

    assert [a["kind"] for a in answers] == ["question"]  # asked once, even though Enter was pressed
    assert case.reg_no in answers[0]["text"] and "25.11.2026" in answers[0]["text"]
    after = register.case(case.reg_no)
    assert after.stage == "withdrawn" and after.closed_at is not None
    assert after.data["withdraw_reason"] == "Өтініш берушінің 25.11.2026 жылғы жазбаша өтініші"
    last = register.history(case.reg_no)[-1]
    assert (last.action, last.actor, last.from_stage, last.to_stage) == ("withdraw", "clerk", "with_executor",
                                                                          "withdrawn")
    assert last.details["reason"] == "Өтініш берушінің 25.11.2026 жылғы жазбаша өтініші"
    assert register.verify().ok
    # the card shows the closed case and offers nothing more; the history lists the withdrawal
    assert card.stage_label.text().endswith("Кері қайтарылды")
    assert not card.withdraw_box.isVisible()
    history = card.history_table
    assert history.item(history.rowCount() - 1, 4).text().find("Өтініш берушінің") >= 0


def test_the_head_withdraws_a_suspended_case_too(qtbot, register, people, answers):
    case = new_case(register, people["clerk"], "S5", 1)
    register.perform(people["head"], case.reg_no, "suspend", reason="Анықтама жоқ")
    card = card_for(qtbot, register, people["head"], case.reg_no, lang="ru")
    assert card.withdraw_button.isEnabled()
    card.withdraw_edit.setText("Заявление от 25.11.2026")
    qtbot.mouseClick(card.withdraw_button, Qt.MouseButton.LeftButton)
    assert register.case(case.reg_no).stage == "withdrawn"
    assert events(register, case.reg_no) == ["register", "suspend", "withdraw"]
    assert register.history(case.reg_no)[-1].actor == "head"


@pytest.mark.parametrize("typed", ["", "   "])
def test_an_empty_reason_is_refused_next_to_the_field(qtbot, register, people, answers, typed):
    case = new_case(register, people["clerk"], "S2", 1)
    before = events(register, case.reg_no)
    card = card_for(qtbot, register, people["clerk"], case.reg_no)
    card.withdraw_edit.setText(typed)
    qtbot.mouseClick(card.withdraw_button, Qt.MouseButton.LeftButton)
    assert card.withdraw_error.isVisible()
    assert card.withdraw_error.text() == message("reason_required", "kk") == "Себебін жазыңыз."
    assert answers == []  # nothing to confirm
    assert register.case(case.reg_no).stage == "awaiting_resolution"
    assert events(register, case.reg_no) == before
    type_text(qtbot, "x", card.withdraw_edit)  # typing clears the message
    assert not card.withdraw_error.isVisible()


def test_answering_no_writes_nothing(qtbot, register, people, monkeypatch):
    asked = []
    monkeypatch.setattr(alerts, "_exec", lambda box: asked.append(dict(alerts.last)) or QMessageBox.StandardButton.No)
    case = new_case(register, people["clerk"], "S3", 1)
    card = card_for(qtbot, register, people["clerk"], case.reg_no)
    card.withdraw_edit.setText("Өтініш берушінің өтініші")
    qtbot.mouseClick(card.withdraw_button, Qt.MouseButton.LeftButton)
    assert [a["kind"] for a in asked] == ["question"]
    assert register.case(case.reg_no).stage == "awaiting_resolution"
    assert events(register, case.reg_no) == ["register"]
    assert card.withdraw_edit.text() == "Өтініш берушінің өтініші"  # kept for a second thought


def test_withdraw_follows_the_core_and_the_core_still_refuses(qtbot, register, people, answers):
    open_case = new_case(register, people["clerk"], "S1", 1)
    signed = advance(register, people, new_case(register, people["clerk"], "S1", 2), "signed")
    # a signed case can no longer be withdrawn: shown, disabled, the core's words in the tooltip
    card = card_for(qtbot, register, people["clerk"], signed.reg_no)
    assert card.withdraw_box.isVisible() and not card.withdraw_button.isEnabled()
    assert not card.withdraw_edit.isEnabled()
    assert "«" in card.withdraw_button.toolTip() and signed.reg_no in card.withdraw_button.toolTip()
    card.withdraw()
    assert register.case(signed.reg_no).stage == "signed" and answers == []
    card.close()
    # an executor never withdraws: no box at all; a forgotten check is refused by the core, nothing written
    card = card_for(qtbot, register, people["executor1"], open_case.reg_no)
    assert not card.withdraw_box.isVisible() and not card.withdraw_button.isEnabled()
    card.withdraw_box.setVisible(True)
    for widget in (card.withdraw_edit, card.withdraw_button):
        widget.setEnabled(True)  # as if the interface forgot to ask the core
    card.withdraw_edit.setText("x")
    qtbot.mouseClick(card.withdraw_button, Qt.MouseButton.LeftButton)
    assert [a["kind"] for a in answers] == ["question", "warn"]
    assert answers[-1]["text"] == PermissionDenied(action="withdraw", roles=("clerk", "head"),
                                                   have=("executor",)).message("kk")
    assert register.case(open_case.reg_no).stage == "awaiting_resolution"
    assert events(register, open_case.reg_no) == ["register"]
    assert not card.withdraw_button.isEnabled()  # the card asked the core again


# ------------------------------------------------------------------ the head: suspend and resume

@pytest.fixture
def head_tab(qtbot, register, people):
    return lambda user="head": show(qtbot, HeadTab(make_ctx(register, people[user], opened=[])))


def test_head_suspends_from_the_resolution_queue_and_resumes(qtbot, head_tab, register, people, answers):
    case = new_case(register, people["clerk"], "S7", 1)
    head = head_tab()
    assert head.w["suspendButton"].isEnabled() and head.w["suspendReasonEdit"].isEnabled()
    # no reason: the core's message under the field, nothing written
    alt(qtbot, Qt.Key.Key_P)  # Sus&pend
    assert head.w["suspendError"].isVisible()
    assert head.w["suspendError"].text() == "«Себебі» өрісі толтырылмаған."
    assert events(register, case.reg_no) == ["register"] and answers == []
    alt(qtbot, Qt.Key.Key_O)  # Suspension reas&on
    type_text(qtbot, "Табыс туралы анықтама жоқ")
    press(qtbot, Qt.Key.Key_Return)
    suspended = register.case(case.reg_no)
    assert suspended.stage == "suspended" and suspended.data["suspend_reason"] == "Табыс туралы анықтама жоқ"
    last = register.history(case.reg_no)[-1]
    assert (last.action, last.actor, last.details["reason"]) == ("suspend", "head", "Табыс туралы анықтама жоқ")
    assert head.resolution_model.rowCount() == 0
    # the head finds it among the suspended cases and takes it up again
    tabs = head.w["headTabs"]
    assert "(1)" in tabs.tabText(tabs.indexOf(head.w["suspendedPage"]))
    alt(qtbot, Qt.Key.Key_U)  # S&uspended
    assert tabs.currentWidget() is head.w["suspendedPage"]
    assert head.suspended_model.reg_no(0) == case.reg_no
    assert head._current("suspendedView") is None  # it came after the tab was read: chosen by the head (F8)
    press(qtbot, Qt.Key.Key_F8)
    assert "Табыс туралы анықтама жоқ" in head.w["suspendedCase"].toPlainText()
    assert "Резолюцияны күтуде" in head.w["suspendedCase"].toPlainText()  # suspended at that stage
    assert head.w["resumeButton"].isEnabled()
    alt(qtbot, Qt.Key.Key_M)  # Resu&me work
    resumed = register.case(case.reg_no)
    assert resumed.stage == "awaiting_resolution" and resumed.due_at >= case.due_at
    assert events(register, case.reg_no) == ["register", "suspend", "resume"]
    assert register.history(case.reg_no)[-1].actor == "head"
    assert head.suspended_model.rowCount() == 0 and head.resolution_model.rowCount() == 1
    assert not head.w["resumeButton"].isEnabled()
    assert register.verify().ok


def test_head_resumes_a_case_the_executor_suspended(qtbot, head_tab, register, people):
    case = advance(register, people, new_case(register, people["clerk"], "S2", 1), "with_executor")
    register.perform(people["executor1"], case.reg_no, "suspend", reason="Сұрау салынды")
    head = head_tab()
    head.w["headTabs"].setCurrentWidget(head.w["suspendedPage"])
    assert head.suspended_model.reg_no(0) == case.reg_no
    assert head.suspended_model.data(head.suspended_model.index(0, 3)) == short_name(people["executor1"].full_name)
    qtbot.mouseClick(head.w["resumeButton"], Qt.MouseButton.LeftButton)
    assert register.case(case.reg_no).stage == "with_executor"


@pytest.mark.parametrize("user", ["clerk", "executor1"])
def test_other_roles_get_no_suspend_or_resume(qtbot, head_tab, register, people, answers, user):
    waiting = new_case(register, people["clerk"], "S5", 1)
    paused = new_case(register, people["clerk"], "S1", 2)
    register.perform(people["head"], paused.reg_no, "suspend", reason="Құжат жоқ")
    head = head_tab(user)
    assert head._current("resolutionView").reg_no == waiting.reg_no
    assert head._current("suspendedView").reg_no == paused.reg_no
    for name in ("suspendButton", "suspendReasonEdit", "resumeButton"):
        assert not head.w[name].isEnabled(), name
    head.w["suspendReasonEdit"].setText("x")
    head.suspend()
    head.resume()
    assert register.case(waiting.reg_no).stage == "awaiting_resolution"
    assert register.case(paused.reg_no).stage == "suspended"
    assert answers == []


def test_executor_names_in_the_queues_are_surname_and_initials():
    assert short_name("Оспанова Айгүл Қайратқызы") == "Оспанова А.Қ."
    assert short_name("Admin") == "Admin"
    assert short_name("") == ""


# ------------------------------------------------------------------ 1366 px: the due times stay in sight

def _due_columns_in_sight(view) -> None:
    model, header = view.model(), view.horizontalHeader()
    assert model.rowCount() > 0, view.objectName()
    width = view.viewport().width()
    for key in ("step_due_at", "due_at"):
        if key not in model.column_keys():
            continue  # the suspended list shows the total due time only
        column = model.column_keys().index(key)
        right = header.sectionViewportPosition(column) + header.sectionSize(column)
        assert header.sectionViewportPosition(column) >= 0 and right <= width, (view.objectName(), key, right, width)
    assert view.horizontalScrollBar().maximum() == 0, view.objectName()
    applicant = model.column_keys().index("applicant")
    assert header.sectionSize(applicant) >= 120, view.objectName()  # names stay readable


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_queues_show_their_due_columns_at_1366_px(qtbot, demo, settings, lang):
    languages().apply(lang)
    staff = {name: demo.user(name) for name in ("clerk", "head", "executor1", "executor2")}
    head, executor = staff["head"], staff["executor1"]
    # one case more in each queue, whatever the demo's dates left there today
    new_case(demo, staff["clerk"], "S7", 901)
    advance(demo, staff, new_case(demo, staff["clerk"], "S5", 902), "awaiting_signature")
    advance(demo, staff, new_case(demo, staff["clerk"], "S2", 903), "with_executor")
    demo.perform(head, new_case(demo, staff["clerk"], "S1", 904).reg_no, "suspend", reason="Құжат жоқ")
    windows = []
    for user, tab in ((head, "head"), (executor, "executor")):
        window = MainWindow(AppContext(register=demo, user=user, lang=lang, settings=settings), settings,
                            initial_tab=tab)
        window.remember = False
        show(qtbot, window, (1366, 768))
        windows.append(window)
    head_tab_ = windows[0].tab_widgets["head"]
    tabs = head_tab_.w["headTabs"]
    for page, view in (("resolutionPage", "resolutionView"), ("signaturePage", "signatureView"),
                       ("suspendedPage", "suspendedView")):
        tabs.setCurrentWidget(head_tab_.w[page])
        QApplication.processEvents()
        _due_columns_in_sight(head_tab_.w[view])
    _due_columns_in_sight(windows[1].tab_widgets["executor"].w["myCasesView"])


def test_columns_fit_again_after_a_language_switch(qtbot, demo, settings):
    languages().apply("kk")
    window = MainWindow(AppContext(register=demo, user=demo.user("executor1"), lang="kk", settings=settings),
                        settings, initial_tab="executor")
    window.remember = False
    show(qtbot, window, (1366, 768))
    executor: ExecutorTab = window.tab_widgets["executor"]
    view = executor.w["myCasesView"]
    stage = view.model().column_keys().index("stage")
    widest = view.fontMetrics().horizontalAdvance("Приостановлено")  # the longest stage of the queue in Russian
    assert view.horizontalHeader().sectionSize(stage) < widest
    window.set_language("ru")
    qtbot.waitUntil(lambda: view.horizontalHeader().sectionSize(stage) > widest, timeout=3000)
    _due_columns_in_sight(view)
