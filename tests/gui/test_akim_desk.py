"""The village akim's tab: an S6 АНЫҚТАМА registered, decided, drafted, signed, printed and handed over by the
akim of the case's own akimat through the widgets (the certificate carries the akim's signature block), an S7
application forwarded to the department on the akimat's registry, and what another akimat's akim sees."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.documents import render
from desktop.ui.akim_tab import AkimTab
from helpers_roles import (MARKS, Printer, alert_log, alt, answer, keyboard_intake, make_ctx, person, press,  # noqa: F401
                           show, tab, type_text)
from helpers_scan import AKIMAT, CHILDREN, OTHER_AKIMAT, events, pdf_text, staff, window  # noqa: F401

pytestmark = MARKS


@pytest.fixture
def akim_tab(qtbot, register, staff):
    def make(who: str = "akim42") -> AkimTab:
        return show(qtbot, AkimTab(make_ctx(register, staff[who], printer=Printer(), opened=[])))
    return make


def test_the_akim_issues_and_signs_an_s6_certificate(qtbot, register, staff, akim_tab, alert_log):
    akim = akim_tab()
    assert akim.tabs.currentWidget() is akim.w["counterPage"]
    combo = akim.counter.w["serviceCombo"]
    assert [combo.itemData(i) for i in range(combo.count())] == ["S6", "S7"]

    # intake at the akimat, by keyboard
    keyboard_intake(qtbot, akim.counter, "S6", person(61))
    case = register.case(akim.counter.last_reg_no)
    assert (case.channel, case.stage, case.package) == (f"akimat:{AKIMAT}", "awaiting_resolution", None)
    press(qtbot, Qt.Key.Key_F9)
    assert akim.ctx.print_document.calls == [("receipt", case.reg_no)]  # no package: no label

    # decide: the akim takes it to issue himself; the drafting page opens on the case
    akim.tabs.setCurrentWidget(akim.w["decidePage"])
    assert akim.cases.rowCount() == 1 and akim.current_case() is None  # new since the list was read: F8 picks it
    press(qtbot, Qt.Key.Key_F8)
    assert akim.current_case().reg_no == case.reg_no
    assert akim.w["actionStack"].currentWidget() is akim.w["resolvePage"]
    assert akim.w["resolutionEdit"].text() == "Issue the certificate"
    qtbot.mouseClick(akim.w["resolveButton"], Qt.MouseButton.LeftButton)
    resolved = register.case(case.reg_no)
    assert (resolved.stage, resolved.executor_id) == ("with_executor", staff["akim42"].id)
    drafting = akim.drafting
    assert akim.tabs.currentWidget() is akim.w["draftPage"]
    assert drafting.current_case().reg_no == case.reg_no

    # write: approve with the family members (keyboard, as the executor does)
    alt(qtbot, Qt.Key.Key_A)
    assert tab(qtbot).objectName() == "field_quarter"
    assert tab(qtbot).objectName() == "personName"
    type_text(qtbot, "Ахметова Сәуле")
    tab(qtbot)
    assert tab(qtbot).objectName() == "personRelation"
    type_text(qtbot, "жұбайы")
    alt(qtbot, Qt.Key.Key_S)
    assert register.case(case.reg_no).stage == "awaiting_signature", drafting.w["paneMessage"].text()

    # sign on the decide page
    akim.refresh()
    akim.tabs.setCurrentWidget(akim.w["decidePage"])
    assert akim.w["actionStack"].currentWidget() is akim.w["signPage"]
    assert "Ахметова Сәуле" in akim.w["caseView"].toPlainText()
    qtbot.mouseClick(akim.w["signButton"], Qt.MouseButton.LeftButton)
    assert case.reg_no in answer(qtbot)  # the question names the case; Enter signs
    signed = register.case(case.reg_no)
    assert signed.stage == "signed" and signed.data["signed_by"] == staff["akim42"].id
    assert akim.w["actionStack"].currentWidget() is akim.w["workPage"]

    # print the АНЫҚТАМА and hand it over on the writing page
    qtbot.mouseClick(akim.w["openDraftButton"], Qt.MouseButton.LeftButton)
    assert akim.tabs.currentWidget() is akim.w["draftPage"] and drafting.current_case().reg_no == case.reg_no
    qtbot.mouseClick(drafting.w["printResultButton"], Qt.MouseButton.LeftButton)
    assert akim.ctx.print_document.calls[-1] == ("certificate", case.reg_no)
    text = pdf_text(render("certificate", register, case.reg_no, "kk", actor=staff["akim42"], log=False))
    assert "АНЫҚТАМА" in text and "Кент, ауыл, ауылдық округ әкімі" in text and "Тұрсынов Болат" in text
    assert "Уәкілетті органның басшысы" not in text
    qtbot.mouseClick(drafting.w["deliverButton"], Qt.MouseButton.LeftButton)
    done = register.case(case.reg_no)
    assert done.stage == "delivered" and not done.overdue(done.closed_at)
    assert [e.actor for e in register.history(case.reg_no) if e.action != "print"] == ["akim42"] * 5
    assert events(register, case.reg_no)[:4] == ["register", "resolve", "draft", "sign"]
    akim.refresh()
    assert akim.cases.rowCount() == 0
    assert alert_log == [] and register.verify().ok


def test_the_akim_returns_his_own_draft_for_completion(qtbot, register, staff, akim_tab, alert_log):
    case = register.register_case(staff["akim42"], "S6", person(62), None, ["application", "identity"],
                                  channel="akimat")
    register.perform(staff["akim42"], case.reg_no, "resolve", resolution="Беріңіз")
    register.perform(staff["akim42"], case.reg_no, "draft", decision="approved", text="",
                     result={"quarter": "2026-Q1", "family_members": [{"full_name": "Ахметова Сәуле"}]})
    akim = akim_tab()
    akim.tabs.setCurrentWidget(akim.w["decidePage"])
    assert akim.w["actionStack"].currentWidget() is akim.w["signPage"]
    qtbot.mouseClick(akim.w["returnButton"], Qt.MouseButton.LeftButton)  # no reason: refused inline
    assert akim.w["actionError"].isVisible() and register.case(case.reg_no).stage == "awaiting_signature"
    akim.w["returnReasonEdit"].setText("Отбасы мүшелерінің ЖСН-і жоқ")
    qtbot.mouseClick(akim.w["returnButton"], Qt.MouseButton.LeftButton)
    assert "Отбасы мүшелерінің ЖСН-і жоқ" in answer(qtbot)
    back = register.case(case.reg_no)
    assert back.stage == "with_executor" and back.data["last_return"] == "Отбасы мүшелерінің ЖСН-і жоқ"
    assert akim.w["actionStack"].currentWidget() is akim.w["workPage"]
    assert alert_log == []


def test_s7_goes_to_the_department_and_other_akimats_see_nothing(qtbot, register, staff, akim_tab, settings,
                                                                 alert_log):
    docs = [d.id for d in register.catalogue.service("S7").documents]
    s7 = register.register_case(staff["akim42"], "S7", person(71), CHILDREN, docs, channel="akimat")
    s6 = register.register_case(staff["akim42"], "S6", person(72), None, ["application"], channel="akimat")
    assert s7.package == "at_branch"
    akim = akim_tab()
    assert [akim.cases.reg_no(r) for r in range(akim.cases.rowCount())] == [s6.reg_no]  # S7 is not his to sign
    assert [akim.builder.waiting.reg_no(r) for r in range(akim.builder.waiting.rowCount())] == [s7.reg_no]
    built = akim.builder.desk.create_registry(staff["akim42"], f"akimat:{AKIMAT}")
    assert built.items[0].reg_no == s7.reg_no
    other = akim_tab("akim43")
    assert other.cases.rowCount() == 0 and other.builder.waiting.rowCount() == 0
    assert other.w["placeLabel"].text().startswith("Akimat: ")
    assert other.receiver.w["incomingTable"].rowCount() == 0
    # the other akim's main window: only his tab, and the first akim's case does not open
    win = window(qtbot, register, staff["akim43"], settings)
    assert list(win.tab_widgets) == ["akim"]
    assert win.open_case(s6.reg_no) is None and f"akimat:{OTHER_AKIMAT}" in alert_log[-1]["text"]
