"""The head's and the executor's desks by keys alone: every key goes to the widget that has the focus
(``QApplication.focusWidget()``), no mouse, no slot called by the test. Only F-keys, Tab, arrows, Space, Enter and
Esc are used (no letter mnemonic), so the same keys work on a Kazakh, Russian or Latin layout.

Also: each user opens on their own main tab with the cursor in its first field, and File → Log out brings the login
back with the cursor in the user name.
"""
from __future__ import annotations

import argparse

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.ui import app as app_module
from desktop.ui.context import AppContext, AppSignals
from desktop.ui.mainwindow import MainWindow
from helpers_roles import (MARKS, activate, answer, events, focused, new_case, press, show,  # noqa: F401
                           type_text)

pytestmark = MARKS
K = Qt.Key
SHIFT = Qt.KeyboardModifier.ShiftModifier


def main_window(qtbot, register, user, settings, signals: AppSignals | None = None) -> MainWindow:
    ctx = AppContext(register=register, user=user, lang="kk", settings=settings, signals=signals or AppSignals())
    window = MainWindow(ctx, settings)
    window.resize(1366, 760)
    show(qtbot, window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=2000)
    return window


def key(qtbot, k: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier, times: int = 1) -> None:
    press(qtbot, k, times, modifier)


def test_the_head_and_the_executor_work_by_keys_alone(qtbot, register, people, settings):
    a = new_case(register, people["clerk"], "S5", 1)
    b = new_case(register, people["clerk"], "S5", 2)
    signals = AppSignals()  # as two windows on one register would see each other's writes when refreshed
    head_win = main_window(qtbot, register, people["head"], settings, signals)
    head = head_win.tab_widgets["head"]
    assert head_win.current_key() == "head"
    assert focused() is head.w["resolutionEdit"]  # after the login: the first field of the first case

    # the head: resolve both for executor1 (resolution, F4 executor, arrows, F9)
    for expected in (a.reg_no, b.reg_no):
        if head._current("resolutionView") is None:
            key(qtbot, K.Key_F8)  # the next case, asked for
            key(qtbot, K.Key_F3)
        assert head._current("resolutionView").reg_no == expected
        type_text(qtbot, "Қарап, жауап дайындаңыз")
        key(qtbot, K.Key_F4)
        combo = head.w["executorCombo"]
        assert focused() is combo
        steps = combo.findData(people["executor1"].id) - combo.currentIndex()
        key(qtbot, K.Key_Down if steps > 0 else K.Key_Up, times=abs(steps))
        key(qtbot, K.Key_F9)
        assert register.case(expected).executor_id == people["executor1"].id
    assert events(register, a.reg_no) == events(register, b.reg_no) == ["register", "resolve"]

    # the executor: approve the first, refuse the second with a catalogue reason and a text; send both
    ex_win = main_window(qtbot, register, people["executor1"], settings, signals)
    ex = ex_win.tab_widgets["executor"]
    assert ex_win.current_key() == "executor"  # not the head's tab, left open by the previous user
    assert focused() is ex.w["approveRadio"] and ex.current_case().reg_no == a.reg_no
    key(qtbot, K.Key_F3)  # approve
    key(qtbot, K.Key_F9)  # send to the head
    assert register.case(a.reg_no).stage == "awaiting_signature"
    key(qtbot, K.Key_F8)
    assert ex.current_case().reg_no == b.reg_no
    key(qtbot, K.Key_F4)  # refuse
    key(qtbot, K.Key_F5)  # the refusal reasons
    assert focused() is ex.w["reasonsList"]
    key(qtbot, K.Key_Space)  # ticks the first reason
    key(qtbot, K.Key_F6)  # the explanation
    type_text(qtbot, "Табыс туралы анықтама жоқ")
    key(qtbot, K.Key_F9)
    refused = register.case(b.reg_no)
    assert (refused.stage, refused.decision) == ("awaiting_signature", "refused")
    assert refused.data["refusal_reasons"] and refused.data["draft_text"] == "Табыс туралы анықтама жоқ"

    # the head: sign the approval, return the refusal with a reason (each confirmed by Enter)
    activate(qtbot, head_win)
    key(qtbot, K.Key_F6)  # awaiting signature
    for _ in range(2):
        if head._current("signatureView") is None:
            key(qtbot, K.Key_F8)
        case = head._current("signatureView")
        if case.reg_no == a.reg_no:
            key(qtbot, K.Key_F9)
            assert a.reg_no in answer(qtbot)
        else:
            key(qtbot, K.Key_F3)
            type_text(qtbot, "Анықтаманы қосыңыз")
            key(qtbot, K.Key_F9, SHIFT)
            assert b.reg_no in answer(qtbot)
    assert register.case(a.reg_no).stage == "signed"
    assert register.case(b.reg_no).stage == "with_executor"
    assert events(register, b.reg_no)[-1] == "return"

    # the executor: hand the signed one over in person, approve the returned one after all, later post it
    activate(qtbot, ex_win)
    ex.refresh()  # what the window does when its tab is shown again after a change

    def pick(stage: str) -> None:
        key(qtbot, K.Key_F2)
        for _ in range(ex.queue_model.rowCount() + 1):
            if ex.current_case() is not None and ex.current_case().stage == stage:
                return
            key(qtbot, K.Key_F8)
        raise AssertionError(f"no case at {stage}")

    pick("signed")
    key(qtbot, K.Key_F3)  # in person
    key(qtbot, K.Key_F9)
    assert register.case(a.reg_no).stage == "delivered"
    pick("with_executor")
    key(qtbot, K.Key_F3)
    key(qtbot, K.Key_F9)
    activate(qtbot, head_win)
    head.refresh()
    key(qtbot, K.Key_F8)
    key(qtbot, K.Key_F9)
    answer(qtbot)
    activate(qtbot, ex_win)
    ex.refresh()
    pick("signed")
    key(qtbot, K.Key_F4)  # by post
    key(qtbot, K.Key_F6)  # the post receipt number
    type_text(qtbot, "PK-0042")
    key(qtbot, K.Key_F9)
    posted = register.case(b.reg_no)
    assert posted.stage == "delivered" and posted.data["delivery"]["post_number"] == "PK-0042"
    assert events(register, b.reg_no) == ["register", "resolve", "draft", "return", "draft", "sign", "deliver"]
    assert register.verify().ok


def test_each_user_opens_on_their_own_main_tab(qtbot, register, people, settings):
    both = register.create_user(people["admin"], "headclerk", "Әлиева Сәуле", ["clerk", "head"], "headclerk-pw")
    win = main_window(qtbot, register, people["head"], settings)
    win.select_tab("register")
    win.close()
    assert settings.last_tab == "register"
    clerk = main_window(qtbot, register, people["clerk"], settings)
    assert clerk.current_key() == "clerk"  # not the register tab the head left
    assert focused() is clerk.tab_widgets["clerk"].counter.w["iinEdit"]
    clerk.close()
    again = main_window(qtbot, register, people["head"], settings)
    assert again.current_key() == "head"  # the clerk was the last user: the head's own main tab
    again.close()
    two = main_window(qtbot, register, both, settings)
    assert two.current_key() == "clerk"  # the counter comes first for one who holds both roles


def test_log_out_puts_the_cursor_in_the_user_name(qtbot, register, people, settings):
    settings.last_user = "head"
    args = argparse.Namespace(user=None)
    first = app_module.login_dialog(register, args, settings)
    show(qtbot, first)
    assert first.user_edit.text() == "head" and focused() is first.password_edit  # the start of the day
    first.close()
    after = app_module.login_dialog(register, args, settings, switching=True)
    show(qtbot, after)
    assert after.user_edit.text() == "" and focused() is after.user_edit  # File → Log out: the next person
    type_text(qtbot, "executor1")
    key(qtbot, K.Key_Tab)
    type_text(qtbot, "executor1-pw")
    key(qtbot, K.Key_Return)
    assert after.user is not None and after.user.username == "executor1"
