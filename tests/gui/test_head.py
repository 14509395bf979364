"""The head's tab (басшы): resolve and assign, sign or return, the traffic-light deadline board, role checks."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from desktop.core.errors import PermissionDenied, ValidationError
from desktop.core.messages import message
from desktop.ui.casework import AMBER, GREEN, RED
from desktop.ui.forms import child, load_form
from desktop.ui.head_tab import WIDGETS, HeadTab
from helpers_roles import (MARKS, advance, alert_log, alt, answer, events, focused, make_ctx, new_case,  # noqa: F401
                           press, show, type_text)

pytestmark = MARKS
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def head_tab(qtbot, register, people):
    return lambda user="head": show(qtbot, HeadTab(make_ctx(register, people[user], opened=[])))


def test_form_has_every_widget_the_code_uses(qtbot):
    form = load_form("head_tab")
    qtbot.addWidget(form)
    for name, kind in WIDGETS.items():
        assert child(form, kind, name) is not None


def test_queues_are_ordered_by_due_time(qtbot, head_tab, register, people, qtmodeltester):
    base = dt.datetime(2026, 3, 2, 9, 0)
    slow = new_case(register, people["clerk"], "S1", 1, now=base)                      # step due 09:45
    fast = new_case(register, people["clerk"], "S4", 2, now=base + dt.timedelta(minutes=5))  # step due 09:15
    late = new_case(register, people["clerk"], "S6", 3, now=base + dt.timedelta(hours=3))
    head = head_tab()
    model = head.resolution_model
    assert [model.reg_no(r) for r in range(model.rowCount())] == [fast.reg_no, slow.reg_no, late.reg_no]
    assert [model.case_id(r) for r in range(model.rowCount())] == register.inbox_ids("resolution")
    qtmodeltester.check(model)
    qtmodeltester.check(head.signature_model)
    assert "(3)" in head.w["headTabs"].tabText(0)


def test_head_resolves_and_assigns_by_keyboard(qtbot, head_tab, register, people):
    first = new_case(register, people["clerk"], "S1", 1, now=dt.datetime(2026, 3, 2, 9, 0))
    second = new_case(register, people["clerk"], "S5", 2, now=dt.datetime(2026, 3, 2, 9, 30))
    head = head_tab()
    assert head.w["resolutionCase"].toPlainText().startswith(first.reg_no)
    alt(qtbot, Qt.Key.Key_N)  # Resolutio&n
    assert focused() is head.w["resolutionEdit"]
    type_text(qtbot, "Қарап, жауап дайындаңыз")
    alt(qtbot, Qt.Key.Key_E)  # &Executor
    combo = head.w["executorCombo"]
    assert focused() is combo and combo.count() == 2
    target = combo.findData(people["executor1"].id)
    press(qtbot, Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up,
          abs(target - combo.currentIndex()))
    press(qtbot, Qt.Key.Key_Return, modifier=CTRL)

    case = register.case(first.reg_no)
    assert case.stage == "with_executor" and case.executor_id == people["executor1"].id
    assert case.data["resolution"] == "Қарап, жауап дайындаңыз"
    assert events(register, first.reg_no) == ["register", "resolve"]
    last = register.history(first.reg_no)[-1]
    assert last.actor == "head" and last.details["executor"] == "executor1"
    # the pane says what was done to which case; no other case is selected until the head asks for it (F8)
    assert head.resolution_model.rowCount() == 1
    assert head._current("resolutionView") is None and not head.w["assignButton"].isEnabled()
    shown = head.w["resolutionCase"].toPlainText()
    assert shown.startswith(f"✔ {first.reg_no}") and "Оспанова" in shown and second.reg_no not in shown
    press(qtbot, Qt.Key.Key_F8)
    assert head.w["resolutionCase"].toPlainText().startswith(second.reg_no)
    # the executors' loads are up to date
    loads = [combo.itemText(i) for i in range(combo.count())]
    assert any("Оспанова" in t and "1" in t for t in loads)
    assert combo.currentData() == people["executor2"].id  # the lighter load is offered first


def test_resolution_text_is_required_inline(qtbot, head_tab, register, people, alert_log):
    case = new_case(register, people["clerk"], "S2", 1)
    head = head_tab()
    alt(qtbot, Qt.Key.Key_A)  # &Assign with an empty resolution
    assert register.case(case.reg_no).stage == "awaiting_resolution"
    assert head.w["resolutionError"].isVisible()
    assert head.w["resolutionError"].text() == ValidationError(
        "required", label="Резолюция").message("kk")
    assert alert_log == []


def test_head_signs_and_returns_where_allowed(qtbot, head_tab, register, people):
    s1 = advance(register, people, new_case(register, people["clerk"], "S1", 1), "awaiting_signature")
    s5 = advance(register, people, new_case(register, people["clerk"], "S5", 2), "awaiting_signature",
                 decision="refused")
    head = head_tab()
    press(qtbot, Qt.Key.Key_F6)  # Awaiting signature
    assert head.w["headTabs"].currentIndex() == 1 and focused() is head.w["signatureView"]
    rows = [head.signature_model.reg_no(r) for r in range(head.signature_model.rowCount())]
    assert set(rows) == {s1.reg_no, s5.reg_no}
    for _ in range(2):
        current = head._current("signatureView")
        if current.service == "S1":
            assert not head.w["returnButton"].isEnabled()
            assert head.w["returnButton"].toolTip() == message("no_return", "kk", service="S1")
            assert "Мақұлданды" in head.w["draftView"].toPlainText()
            press(qtbot, Qt.Key.Key_F9)  # Sign: the question names the case and its decision
            asked = answer(qtbot)
            assert s1.reg_no in asked and "Ахметов Ерлан" in asked and "Мақұлданды" in asked
            assert register.case(s1.reg_no).stage == "signed"
        else:
            assert current.reg_no == s5.reg_no and head.w["returnButton"].isEnabled()
            assert "Бас тартылды" in head.w["draftView"].toPlainText()
            press(qtbot, Qt.Key.Key_F3)  # Return reason
            type_text(qtbot, "Табыс туралы анықтаманы қосыңыз")
            press(qtbot, Qt.Key.Key_Return)
            asked = answer(qtbot)
            assert s5.reg_no in asked and "Бас тартылды" in asked and "Табыс туралы" in asked
            back = register.case(s5.reg_no)
            assert back.stage == "with_executor" and back.data["returns"] == 1
            assert back.data["last_return"] == "Табыс туралы анықтаманы қосыңыз"
            assert events(register, s5.reg_no)[-1] == "return"
        assert head._current("signatureView") is None  # nothing else is selected ...
        assert head.w["signatureCase"].toPlainText().startswith(f"✔ {current.reg_no}")  # ... and it says what
        press(qtbot, Qt.Key.Key_F8)  # the next case, when asked for
    assert register.case(s1.reg_no).stage == "signed"
    assert events(register, s1.reg_no)[-1] == "sign"
    assert head.signature_model.rowCount() == 0


def test_escape_cancels_the_signature(qtbot, head_tab, register, people):
    case = advance(register, people, new_case(register, people["clerk"], "S1", 1), "awaiting_signature")
    head = head_tab()
    press(qtbot, Qt.Key.Key_F6)
    press(qtbot, Qt.Key.Key_F9)
    answer(qtbot, Qt.Key.Key_Escape)
    assert register.case(case.reg_no).stage == "awaiting_signature"
    assert events(register, case.reg_no)[-1] == "draft"
    assert head._current("signatureView").reg_no == case.reg_no and head.w["signButton"].isEnabled()


def test_a_return_without_a_reason_is_answered_before_the_question(qtbot, head_tab, register, people, alert_log):
    case = advance(register, people, new_case(register, people["clerk"], "S5", 1), "awaiting_signature")
    head = head_tab()
    press(qtbot, Qt.Key.Key_F6)
    press(qtbot, Qt.Key.Key_F9, modifier=Qt.KeyboardModifier.ShiftModifier)  # Return, with no reason typed
    assert QApplication.activeModalWidget() is None
    assert head.w["returnError"].isVisible() and focused() is head.w["returnReasonEdit"]
    assert register.case(case.reg_no).stage == "awaiting_signature" and alert_log == []


def test_core_refuses_a_return_the_regulation_does_not_allow(register, people):
    s3 = advance(register, people, new_case(register, people["clerk"], "S3", 1), "awaiting_signature")
    with pytest.raises(ValidationError) as err:
        register.perform(people["head"], s3.reg_no, "return", reason="x")
    assert err.value.code == "no_return"
    assert register.case(s3.reg_no).stage == "awaiting_signature"


def test_deadline_board_traffic_lights(qtbot, head_tab, register, people):
    now = dt.datetime(2026, 3, 4, 9, 5)  # a Wednesday
    new_case(register, people["clerk"], "S4", 1, now=dt.datetime(2026, 3, 2, 10, 0))   # due 02.03 10:30: overdue
    new_case(register, people["clerk"], "S4", 2, now=dt.datetime(2026, 3, 4, 9, 0))    # due 09:30 today
    advance(register, people, new_case(register, people["clerk"], "S1", 3, now=dt.datetime(2026, 3, 4, 9, 0)),
            "with_executor", now=dt.datetime(2026, 3, 4, 9, 1))                         # due in ten days
    head = head_tab()
    head.now = lambda: now
    head.refresh()
    assert register.deadline_board(now)["service"]["S4"] == {"overdue": 1, "due_today": 1, "on_time": 0}
    for tile, count, colour in (("overdueTile", 1, RED), ("dueTodayTile", 1, AMBER), ("onTimeTile", 1, GREEN)):
        label = head.w[tile]
        assert f">{count}<" in label.text() and colour[1] in label.styleSheet()
    board = head.w["serviceBoard"]
    s4 = next(r for r in range(board.rowCount()) if board.item(r, 0).text().startswith("S4"))
    assert [board.item(s4, c).text() for c in (1, 2, 3)] == ["1", "1", "0"]
    assert board.item(s4, 1).background().color() == QColor(RED[1])
    assert board.item(s4, 2).background().color() == QColor(AMBER[1])
    s1 = next(r for r in range(board.rowCount()) if board.item(r, 0).text().startswith("S1"))
    assert board.item(s1, 3).text() == "1" and board.item(s1, 3).background().color() == QColor(GREEN[1])
    executors = head.w["executorBoard"]
    texts = {executors.item(r, 0).text(): executors.item(r, 3).text() for r in range(executors.rowCount())}
    assert texts[people["executor1"].full_name] == "1"


@pytest.mark.parametrize("user", ["clerk", "executor1"])
def test_other_roles_cannot_trigger_head_actions(qtbot, head_tab, register, people, alert_log, user):
    waiting = new_case(register, people["clerk"], "S5", 1)
    signing = advance(register, people, new_case(register, people["clerk"], "S7", 2), "awaiting_signature")
    head = head_tab(user)
    for name in ("assignButton", "resolutionEdit", "executorCombo", "signButton", "returnButton"):
        assert not head.w[name].isEnabled(), name
    head.w["resolutionEdit"].setEnabled(True)  # even if a widget were enabled, the tab checks again
    head.assign()
    head.sign()
    assert register.case(waiting.reg_no).stage == "awaiting_resolution"
    assert register.case(signing.reg_no).stage == "awaiting_signature"
    # a forced call past the interface is refused by the core, and nothing is written
    before = len(register.history(waiting.reg_no))
    with pytest.raises(PermissionDenied):
        register.perform(people[user], waiting.reg_no, "resolve", executor=people["executor1"].id,
                         resolution="x")
    with pytest.raises(PermissionDenied):
        register.perform(people[user], signing.reg_no, "sign")
    assert len(register.history(waiting.reg_no)) == before
