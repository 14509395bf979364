"""The head reassigns a case to another executor from the head desk, with a reason; the change is audited and the
case moves from one executor's queue to the other's (issue 10). An empty pane says 'choose a case' while its list
has cases, and that there are none only when there are none."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.ui.casework import combo_data, select_reg_no
from desktop.ui.head_tab import HeadTab
from desktop.ui.i18n import languages
from helpers_roles import MARKS, advance, alert_log, events, make_ctx, new_case, show  # noqa: F401

pytestmark = MARKS


@pytest.fixture
def head(qtbot, register, people):
    tab = show(qtbot, HeadTab(make_ctx(register, people["head"], opened=[])))
    tab.w["headTabs"].setCurrentWidget(tab.w["reassignPage"])
    return tab


def _choose(head, reg_no: str) -> None:
    assert select_reg_no(head.w["reassignView"], reg_no, fallback_first=False), reg_no


def test_the_head_reassigns_a_case_with_a_reason(qtbot, register, people, alert_log):
    case = advance(register, people, new_case(register, people["clerk"], "S5", 1), "with_executor")
    other = advance(register, people, new_case(register, people["clerk"], "S1", 2), "with_executor",
                    executor="executor2")
    tab = show(qtbot, HeadTab(make_ctx(register, people["head"], opened=[])))
    tabs = tab.w["headTabs"]
    assert tabs.tabText(tabs.indexOf(tab.w["reassignPage"])).endswith("(2)")
    tabs.setCurrentWidget(tab.w["reassignPage"])
    _choose(tab, case.reg_no)
    assert tab.w["reassignCase"].toPlainText().startswith(case.reg_no)
    combo = tab.w["reassignExecutorCombo"]
    # the current executor is not offered: only the others, with their load
    assert [combo.itemData(i) for i in range(combo.count())] == [people["executor2"].id]
    assert "1" in combo.itemText(0)
    tab.w["reassignReasonEdit"].setText("Оспанова А. демалыста")
    qtbot.mouseClick(tab.w["reassignButton"], Qt.MouseButton.LeftButton)
    now = register.case(case.reg_no)
    assert now.executor_id == people["executor2"].id and now.stage == "with_executor"
    assert events(register, case.reg_no)[-1] == "reassign"
    last = register.history(case.reg_no)[-1]
    assert last.actor == "head" and last.details["reason"] == "Оспанова А. демалыста"
    assert last.details["from_executor_id"] == people["executor1"].id
    assert register.inbox_ids("executor", executor_id=people["executor1"].id) == []
    assert set(register.inbox_ids("executor", executor_id=people["executor2"].id)) == {now.id, other.id}
    assert alert_log == []
    # the pane says what was done to which case; nothing else is selected until the head asks (F8)
    assert case.reg_no in tab.w["reassignCase"].toPlainText()
    assert not tab.w["reassignView"].selectionModel().hasSelection()
    assert tab.w["reassignReasonEdit"].text() == ""


def test_a_reason_is_required_and_nothing_changes_without_it(qtbot, head, register, people, alert_log):
    case = advance(register, people, new_case(register, people["clerk"], "S5", 3), "with_executor")
    head.refresh()
    _choose(head, case.reg_no)
    head.reassign()
    assert register.case(case.reg_no).executor_id == people["executor1"].id
    assert "reassign" not in events(register, case.reg_no)
    error = head.w["reassignReasonError"]
    assert error.isVisible() and error.text() == "«Себебі» өрісі толтырылмаған."
    assert alert_log == []


def test_a_suspended_case_is_reassigned_but_one_without_an_executor_is_not(qtbot, head, register, people,
                                                                           alert_log):
    working = advance(register, people, new_case(register, people["clerk"], "S5", 4), "with_executor")
    register.perform(people["head"], working.reg_no, "suspend", reason="анықтама күтілуде")
    waiting = new_case(register, people["clerk"], "S1", 5)
    register.perform(people["head"], waiting.reg_no, "suspend", reason="құжат жоқ")
    head.refresh()
    _choose(head, waiting.reg_no)
    assert not head.w["reassignButton"].isEnabled() and head.w["reassignExecutorCombo"].count() == 0
    assert "орындаушы тағайындалмаған" in head.w["reassignCase"].toPlainText()
    _choose(head, working.reg_no)
    assert head.w["reassignButton"].isEnabled()
    head.w["reassignReasonEdit"].setText("ауысым")
    head.reassign()
    after = register.case(working.reg_no)
    assert after.stage == "suspended" and after.executor_id == people["executor2"].id


def test_an_executor_switched_off_meanwhile_is_refused_by_the_core(qtbot, head, register, people, alert_log):
    case = advance(register, people, new_case(register, people["clerk"], "S5", 6), "with_executor")
    head.refresh()
    _choose(head, case.reg_no)
    assert combo_data(head.w["reassignExecutorCombo"]) == people["executor2"].id
    register.update_user(people["admin"], people["executor2"].id, active=False)  # the admin switches the account off
    head.w["reassignReasonEdit"].setText("ауысым")
    head.reassign()
    assert register.case(case.reg_no).executor_id == people["executor1"].id
    assert head.w["reassignExecutorError"].isVisible() and "executor2" in head.w["reassignExecutorError"].text()


def test_an_empty_pane_says_choose_while_the_list_has_cases(qtbot, register, people):
    languages().apply("kk")
    tab = show(qtbot, HeadTab(make_ctx(register, people["head"], opened=[])))
    assert "Резолюцияны күтетін іс жоқ" in tab.w["resolutionCase"].toPlainText()
    for n in range(3):
        new_case(register, people["clerk"], "S1", 10 + n)
    tab.refresh()
    tab.w["resolutionView"].clearSelection()
    tab._show_resolution()
    text = tab.w["resolutionCase"].toPlainText()
    assert "іс жоқ" not in text and "Тізімнен істі таңдаңыз" in text
