"""The executor's tab (орындаушы): drafts (approve with result fields, refuse with reasons), suspension,
hand-over in person or by post, the S4 slip, printing the result, and what an executor may not do."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.core.errors import DomainError, PermissionDenied
from desktop.core.messages import message
from desktop.ui.casework import select_reg_no
from desktop.ui.executor_tab import WIDGETS, ExecutorTab
from desktop.ui.forms import child, load_form
from helpers_roles import (MARKS, Printer, advance, alert_log, alt, events, focused, make_ctx,  # noqa: F401
                           new_case, press, show, tab, type_text)

pytestmark = MARKS


@pytest.fixture
def executor_tab(qtbot, register, people):
    def make(user: str = "executor1", printer: Printer | None = None) -> ExecutorTab:
        return show(qtbot, ExecutorTab(make_ctx(register, people[user], printer=printer, opened=[])))
    return make


def pick(tab_: ExecutorTab, reg_no: str) -> None:
    view = tab_.w["myCasesView"] if tab_.w["listTabs"].currentIndex() == 0 else tab_.w["slipsView"]
    assert select_reg_no(view, reg_no, fallback_first=False), reg_no
    assert tab_.current_case().reg_no == reg_no


def test_form_has_every_widget_the_code_uses(qtbot):
    form = load_form("executor_tab")
    qtbot.addWidget(form)
    for name, kind in WIDGETS.items():
        assert child(form, kind, name) is not None


def test_my_cases_only_and_by_due_time(qtbot, executor_tab, register, people, qtmodeltester):
    mine_late = advance(register, people, new_case(register, people["clerk"], "S1", 1), "with_executor")
    mine_soon = advance(register, people, new_case(register, people["clerk"], "S4", 2), "with_executor")
    advance(register, people, new_case(register, people["clerk"], "S2", 3), "with_executor", executor="executor2")
    ex = executor_tab()
    model = ex.queue_model
    assert [model.reg_no(r) for r in range(model.rowCount())] == [mine_soon.reg_no, mine_late.reg_no]
    qtmodeltester.check(model)
    qtmodeltester.check(ex.slip_model)


def test_approve_s4_with_result_fields_by_keyboard(qtbot, executor_tab, register, people):
    case = advance(register, people, new_case(register, people["clerk"], "S4", 1), "with_executor")
    ex = executor_tab()
    assert ex.w["stageStack"].currentWidget() is ex.w["workPage"]
    alt(qtbot, Qt.Key.Key_A)  # &Approve
    assert ex.w["approveRadio"].isChecked()
    assert tab(qtbot).objectName() == "field_institution"
    type_text(qtbot, "«Бақанас су» ЖШС")
    assert tab(qtbot).objectName() == "field_term"
    type_text(qtbot, "6 ай")
    alt(qtbot, Qt.Key.Key_S)  # &Send to the head
    drafted = register.case(case.reg_no)
    assert drafted.stage == "awaiting_signature" and drafted.decision == "approved"
    assert drafted.data["result"] == {"institution": "«Бақанас су» ЖШС", "term": "6 ай"}
    assert events(register, case.reg_no) == ["register", "resolve", "draft"]
    assert ex.queue_model.rowCount() == 0


def test_refuse_with_catalogue_reasons_and_text_by_keyboard(qtbot, executor_tab, register, people):
    case = advance(register, people, new_case(register, people["clerk"], "S1", 1), "with_executor")
    ex = executor_tab()
    alt(qtbot, Qt.Key.Key_F)  # Re&fuse
    assert ex.w["reasonsList"].isVisible()
    assert tab(qtbot) is ex.w["reasonsList"]
    press(qtbot, Qt.Key.Key_Space)          # tick the first reason
    press(qtbot, Qt.Key.Key_Down, 2)
    press(qtbot, Qt.Key.Key_Space)          # and the third
    assert tab(qtbot) is ex.w["draftText"]
    type_text(qtbot, "МӘС анықтамасы ұсынылмаған")
    alt(qtbot, Qt.Key.Key_S)
    drafted = register.case(case.reg_no)
    assert drafted.stage == "awaiting_signature" and drafted.decision == "refused"
    assert drafted.data["refusal_reasons"] == ["incomplete", "false_data"]
    assert drafted.data["draft_text"] == "МӘС анықтамасы ұсынылмаған"
    assert register.history(case.reg_no)[-1].details["reasons"] == ["incomplete", "false_data"]


@pytest.mark.parametrize("setup,label", [
    ("nothing", "decisionError"), ("refuse_no_reason", "reasonsError"), ("refuse_no_text", "reasonsError"),
    ("approve_s6_empty", "error_family_members"), ("approve_s6_bad_iin", "personError"),
])
def test_bad_draft_input_is_answered_inline(qtbot, executor_tab, register, people, alert_log, setup, label):
    code = "S6" if setup.startswith("approve_s6") else "S1"
    case = advance(register, people, new_case(register, people["clerk"], code, 1), "with_executor")
    ex = executor_tab()
    if setup.startswith("refuse"):
        alt(qtbot, Qt.Key.Key_F)
        if setup == "refuse_no_text":
            ex.w["reasonsList"].item(0).setCheckState(Qt.CheckState.Checked)
    elif setup.startswith("approve"):
        alt(qtbot, Qt.Key.Key_A)
        if setup == "approve_s6_bad_iin":
            row = ex._panel.editors["family_members"].widget.rows[0]
            type_text(qtbot, "Ахметова Сәуле", row.full_name)
            type_text(qtbot, "12345", row.iin)
    alt(qtbot, Qt.Key.Key_S)
    assert register.case(case.reg_no).stage == "with_executor"
    shown = [w for w in ex.findChildren(type(ex.w["decisionError"])) if w.objectName() == label and w.isVisible()]
    assert len(shown) == 1 and shown[0].text()
    assert alert_log == []


def test_s6_certificate_with_several_family_members(qtbot, executor_tab, register, people):
    case = advance(register, people, new_case(register, people["clerk"], "S6", 1), "with_executor")
    ex = executor_tab()
    alt(qtbot, Qt.Key.Key_A)
    assert tab(qtbot).objectName() == "field_quarter"
    assert tab(qtbot).objectName() == "personName"
    type_text(qtbot, "Ахметова Сәуле")
    tab(qtbot)
    assert tab(qtbot).objectName() == "personRelation"
    type_text(qtbot, "жұбайы")
    alt(qtbot, Qt.Key.Key_D)  # A&dd person
    assert focused().objectName() == "personName"
    type_text(qtbot, "Ахметов Нұр")
    alt(qtbot, Qt.Key.Key_S)
    drafted = register.case(case.reg_no)
    assert drafted.stage == "awaiting_signature"
    assert [p["full_name"] for p in drafted.data["result"]["family_members"]] == ["Ахметова Сәуле", "Ахметов Нұр"]
    assert drafted.data["result"]["quarter"] == ex._panel.editors["quarter"].value()


def test_a_returned_draft_comes_back_filled(qtbot, executor_tab, register, people):
    case = advance(register, people, new_case(register, people["clerk"], "S6", 1), "awaiting_signature")
    register.perform(people["head"], case.reg_no, "return", reason="Тоқсанды тексеріңіз")
    ex = executor_tab()
    assert "Тоқсанды тексеріңіз" in ex.w["caseView"].toPlainText()
    assert ex._panel.values()["family_members"][0]["full_name"] == "Ахметова Сәуле"


def test_suspend_and_resume(qtbot, executor_tab, register, people, alert_log):
    case = advance(register, people, new_case(register, people["clerk"], "S5", 1), "with_executor")
    ex = executor_tab()
    alt(qtbot, Qt.Key.Key_N)  # Suspension reaso&n
    press(qtbot, Qt.Key.Key_Return)  # no reason: refused inline
    assert register.case(case.reg_no).stage == "with_executor" and ex.w["suspendError"].isVisible()
    type_text(qtbot, "Қосымша сұрау салынды")
    press(qtbot, Qt.Key.Key_Return)
    assert register.case(case.reg_no).stage == "suspended"
    assert ex.w["stageStack"].currentWidget() is ex.w["suspendedPage"]
    assert "Қосымша сұрау салынды" in ex.w["suspendedLabel"].text()
    assert ex.current_case().reg_no == case.reg_no  # still in my list: still the case shown, with what was done
    assert ex.w["caseView"].toPlainText().startswith(f"✔ {case.reg_no}")
    alt(qtbot, Qt.Key.Key_R)  # &Resume work
    assert register.case(case.reg_no).stage == "with_executor"
    assert events(register, case.reg_no)[-2:] == ["suspend", "resume"]
    assert alert_log == []


def test_hand_over_in_person_and_by_post(qtbot, executor_tab, register, people, alert_log):
    s1 = advance(register, people, new_case(register, people["clerk"], "S1", 1), "signed")
    s2 = advance(register, people, new_case(register, people["clerk"], "S2", 2), "signed")
    ex = executor_tab()
    pick(ex, s1.reg_no)
    assert ex.w["stageStack"].currentWidget() is ex.w["signedPage"]
    alt(qtbot, Qt.Key.Key_H)  # &Hand over (in person is the default)
    done = register.case(s1.reg_no)
    assert done.stage == "delivered" and done.data["delivery"]["method"] == "in_person"
    pick(ex, s2.reg_no)
    alt(qtbot, Qt.Key.Key_O)  # By p&ost
    assert ex.w["postRadio"].isChecked() and ex.w["postNumberEdit"].isEnabled()
    alt(qtbot, Qt.Key.Key_H)  # no post number: refused inline
    assert register.case(s2.reg_no).stage == "signed"
    assert ex.w["deliveryError"].text() == message("post_needs_number", "kk")
    assert focused() is ex.w["postNumberEdit"]
    type_text(qtbot, "KZ 0412 7789")
    press(qtbot, Qt.Key.Key_Return)
    posted = register.case(s2.reg_no)
    assert posted.stage == "delivered"
    assert posted.data["delivery"] == {"method": "post", "date": posted.data["delivery"]["date"],
                                       "post_number": "KZ 0412 7789"}
    assert events(register, s2.reg_no)[-1] == "deliver"
    assert alert_log == []


@pytest.mark.parametrize("code", ["S4", "S6"])
def test_post_is_disabled_where_the_catalogue_allows_only_in_person(qtbot, executor_tab, register, people, code):
    case = advance(register, people, new_case(register, people["clerk"], code, 1), "signed")
    ex = executor_tab()
    pick(ex, case.reg_no)
    assert not ex.w["postRadio"].isEnabled()
    assert code in ex.w["postRadio"].toolTip()


def test_record_the_returned_s4_slip(qtbot, executor_tab, register, people):
    case = advance(register, people, new_case(register, people["clerk"], "S4", 1), "delivered")
    refused = advance(register, people, new_case(register, people["clerk"], "S4", 2), "delivered",
                      decision="refused")
    ex = executor_tab()
    alt(qtbot, Qt.Key.Key_L)  # S4 s&lips awaited
    assert ex.w["listTabs"].currentIndex() == 1
    assert [ex.slip_model.reg_no(r) for r in range(ex.slip_model.rowCount())] == [case.reg_no]  # not the refusal
    assert ex.w["stageStack"].currentWidget() is ex.w["slipPage"]
    assert ex.w["slipInstitutionEdit"].text() == "«Бақанас су» ЖШС"
    alt(qtbot, Qt.Key.Key_R)  # O&rder No
    type_text(qtbot, "№ 17-ж")
    alt(qtbot, Qt.Key.Key_P)  # Record sli&p
    slip = register.case(case.reg_no).data["slip"]
    assert slip["order_no"] == "№ 17-ж" and slip["institution"] == "«Бақанас су» ЖШС"
    assert events(register, case.reg_no)[-1] == "record_slip"
    assert ex.slip_model.rowCount() == 0
    assert "slip" not in register.case(refused.reg_no).data


@pytest.mark.parametrize("code,decision,kind", [("S1", "approved", "notification"), ("S5", "refused", "refusal"),
                                                ("S4", "approved", "referral"), ("S6", "approved", "certificate")])
def test_print_the_signed_result(qtbot, executor_tab, register, people, code, decision, kind):
    case = advance(register, people, new_case(register, people["clerk"], code, 1), "signed", decision=decision)
    printer = Printer()
    ex = executor_tab(printer=printer)
    pick(ex, case.reg_no)
    alt(qtbot, Qt.Key.Key_U)  # Print res&ult
    assert printer.calls == [(kind, case.reg_no)]


def test_print_is_disabled_before_signature_and_without_printing(qtbot, executor_tab, register, people):
    advance(register, people, new_case(register, people["clerk"], "S1", 1), "with_executor")
    ex = executor_tab(printer=Printer())
    assert not ex.w["printResultButton"].isEnabled()
    signed = advance(register, people, new_case(register, people["clerk"], "S2", 2), "signed")
    plain = executor_tab()
    pick(plain, signed.reg_no)
    assert not plain.w["printResultButton"].isEnabled() and plain.w["printHint"].text()


def test_an_executor_cannot_act_on_a_colleagues_case(qtbot, executor_tab, register, people):
    theirs = advance(register, people, new_case(register, people["clerk"], "S1", 1), "with_executor",
                     executor="executor2")
    ex = executor_tab("executor1")
    assert ex.queue_model.rowCount() == 0
    assert ex.w["stageStack"].currentWidget() is ex.w["emptyPage"]
    with pytest.raises(PermissionDenied):
        register.perform(people["executor1"], theirs.reg_no, "draft", decision="approved", result={})
    assert register.case(theirs.reg_no).stage == "with_executor"


def test_a_clerk_sees_no_executor_actions(qtbot, executor_tab, register, people):
    advance(register, people, new_case(register, people["clerk"], "S1", 1), "with_executor")
    ex = executor_tab("clerk")
    assert ex.queue_model.rowCount() == 0  # nothing is assigned to a clerk
    assert not any(ex.w[n].isVisible() and ex.w[n].isEnabled()
                   for n in ("sendButton", "deliverButton", "slipButton", "resumeButton", "suspendButton"))


def test_a_print_the_documents_refuse_is_a_calm_message(qtbot, executor_tab, register, people, alert_log):
    case = advance(register, people, new_case(register, people["clerk"], "S1", 1), "signed")

    def refusing(kind: str, reg_no: str) -> None:
        raise DomainError("wrong_stage", reg_no=reg_no, stage="signed", action="deliver")

    ex = executor_tab(printer=refusing)
    pick(ex, case.reg_no)
    alt(qtbot, Qt.Key.Key_U)
    assert len(alert_log) == 1 and alert_log[0]["kind"] == "warn" and case.reg_no in alert_log[0]["text"]
    assert register.case(case.reg_no).stage == "signed"
