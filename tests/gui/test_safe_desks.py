"""Nothing signed, sent or handed over by accident: every consequential button of every desk, double-clicked and
double-pressed, acts exactly once and on the case the person was looking at (checked in the audit trail); the list
keeps its place and selects nothing by itself afterwards.

Each desk holds three cases at the same point and the person picks the middle one, so an action that slid onto a
neighbour (the first row, or the next one under the pointer) shows up as an event on the wrong case.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableView, QWidget

from desktop.ui.akim_tab import AkimTab
from desktop.ui.casecard import CaseCard
from desktop.ui.clerk_tab import ClerkTab
from desktop.ui.executor_tab import ExecutorTab
from desktop.ui.head_tab import HeadTab
from desktop.ui.i18n import languages
from desktop.ui.registries import RegistryBuilder
from helpers_roles import (INTAKE, MARKS, advance, alert_log, confirmation, focused, make_ctx, new_case, person,  # noqa: F401
                           press, show, type_text)
from helpers_scan import AKIMAT, BRANCH, staff  # noqa: F401

pytestmark = MARKS
SHIFT = Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier


def audit(register, reg_nos, action: str) -> list[str]:
    """The cases that have an event ``action`` in their audit history, once per event."""
    return [r for r in reg_nos for e in register.history(r) if e.action == action]


def click_row(qtbot, view: QTableView, row: int) -> None:
    """The person clicks a row of the list (the middle case)."""
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def twice(qtbot, how: str, button: QWidget, key: Qt.Key, modifier=NONE) -> None:
    """A double-click on ``button``, or its key pressed twice in quick succession (a double press, auto-repeat)."""
    if how == "click":
        # what a mouse sends for a double-click: press, release, double-click (a second press), release
        pressed = []
        button.pressed.connect(lambda: pressed.append(1))
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.mouseDClick(button, Qt.MouseButton.LeftButton)
        qtbot.mouseRelease(button, Qt.MouseButton.LeftButton)
        assert pressed, "the double-click did not reach the button"
    else:
        press(qtbot, key, modifier=modifier)
        press(qtbot, key, modifier=modifier)
    QApplication.processEvents()


def confirm_twice(qtbot) -> str:
    """One question is open (not two): Enter, Enter (the second one lands on the desk)."""
    box = confirmation(qtbot)
    text = box.text()
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=2000)
    press(qtbot, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert QApplication.activeModalWidget() is None  # the second Enter asked nothing more
    return text


@dataclass
class Desk:
    widget: QWidget
    view: QTableView | None
    button: str
    key: Qt.Key
    modifier: Qt.KeyboardModifier = NONE
    prepare: Callable[[], None] = lambda: None
    confirm: bool = False


def head_desk(qtbot, register, people, action: str) -> tuple[Desk, list[str]]:
    clerk = people["clerk"]
    if action in ("resolve", "suspend"):
        cases = [new_case(register, clerk, "S5", i) for i in (1, 2, 3)]
    elif action == "resume":
        cases = [new_case(register, clerk, "S5", i) for i in (1, 2, 3)]
        cases = [register.perform(people["head"], c.reg_no, "suspend", reason="Анықтама жоқ") for c in cases]
    else:
        cases = [advance(register, people, new_case(register, clerk, "S5", i), "awaiting_signature",
                         decision=d) for i, d in ((1, "approved"), (2, "refused"), (3, "approved"))]
    head = show(qtbot, HeadTab(make_ctx(register, people["head"])))
    page = {"resolve": "F5", "suspend": "F5", "resume": "F7"}.get(action, "F6")
    press(qtbot, getattr(Qt.Key, f"Key_{page}"))
    view = head.w[{"F5": "resolutionView", "F6": "signatureView", "F7": "suspendedView"}[page]]
    field = {"resolve": ("F3", "Қарап, жауап дайындаңыз"), "suspend": ("F11", "Табыс туралы анықтама жоқ"),
             "return": ("F3", "Шот нөмірін нақтылаңыз")}.get(action)

    def prepare() -> None:
        if field:
            press(qtbot, getattr(Qt.Key, f"Key_{field[0]}"))
            type_text(qtbot, field[1])

    button = {"resolve": "assignButton", "suspend": "suspendButton", "resume": "resumeButton",
              "sign": "signButton", "return": "returnButton"}[action]
    shifted = action in ("suspend", "return")
    desk = Desk(head, view, button, Qt.Key.Key_F9, SHIFT if shifted else NONE, prepare,
                confirm=action in ("sign", "return"))
    return desk, [c.reg_no for c in cases]


def executor_desk(qtbot, register, people, action: str) -> tuple[Desk, list[str]]:
    clerk = people["clerk"]
    stage = {"draft": "with_executor", "suspend": "with_executor", "resume": "with_executor",
             "deliver": "signed", "post": "signed", "record_slip": "delivered"}[action]
    code = "S4" if action == "record_slip" else "S1"
    cases = [advance(register, people, new_case(register, clerk, code, i), stage) for i in (1, 2, 3)]
    if action == "resume":
        cases = [register.perform(people["executor1"], c.reg_no, "suspend", reason="Сұрау салынды") for c in cases]
    ex = show(qtbot, ExecutorTab(make_ctx(register, people["executor1"])))
    if action == "record_slip":
        press(qtbot, Qt.Key.Key_F2, modifier=SHIFT)  # the S4 slips list
    view = ex._view()

    def prepare() -> None:
        if action == "draft":
            press(qtbot, Qt.Key.Key_F3)  # approve
        elif action == "suspend":
            press(qtbot, Qt.Key.Key_F11)
            type_text(qtbot, "Сұрау салынды")
        elif action == "post":
            press(qtbot, Qt.Key.Key_F4)  # by post
            press(qtbot, Qt.Key.Key_F6)
            type_text(qtbot, "PK-0042")
        elif action == "record_slip":
            press(qtbot, Qt.Key.Key_F6)
            type_text(qtbot, "№ 7-ж")

    button = {"draft": "sendButton", "suspend": "suspendButton", "resume": "resumeButton", "deliver": "deliverButton",
              "post": "deliverButton", "record_slip": "slipButton"}[action]
    return Desk(ex, view, button, Qt.Key.Key_F9, SHIFT if action == "suspend" else NONE, prepare), \
        [c.reg_no for c in cases]


def akim_desk(qtbot, register, staff, action: str) -> tuple[Desk, list[str]]:  # noqa: F811
    akim = staff["akim42"]
    cases = []
    for i in (1, 2, 3):
        case = register.register_case(akim, "S6", person(60 + i), None, ["application", "identity"],
                                      channel="akimat")
        if action != "resolve":
            register.perform(akim, case.reg_no, "resolve", resolution="Беріңіз")
            case = register.perform(akim, case.reg_no, "draft", decision="approved", text="", result={
                "quarter": "2026-Q1", "family_members": [{"full_name": "Ахметова Сәуле"}]})
        cases.append(case)
    tab = show(qtbot, AkimTab(make_ctx(register, akim)))
    tab.tabs.setCurrentWidget(tab.w["decidePage"])

    def prepare() -> None:
        if action == "return":
            press(qtbot, Qt.Key.Key_F3)
            type_text(qtbot, "Отбасы мүшелерінің ЖСН-і жоқ")

    button = {"resolve": "resolveButton", "sign": "signButton", "return": "returnButton"}[action]
    return Desk(tab, tab.w["casesView"], button, Qt.Key.Key_F9, SHIFT if action == "return" else NONE, prepare,
                confirm=action in ("sign", "return")), [c.reg_no for c in cases]


CASES = [("head", a) for a in ("resolve", "suspend", "resume", "sign", "return")] + \
    [("executor", a) for a in ("draft", "suspend", "resume", "deliver", "post", "record_slip")] + \
    [("akim", a) for a in ("resolve", "sign", "return")]


@pytest.mark.parametrize("how", ["click", "key"])
@pytest.mark.parametrize(("desk_name", "action"), CASES)
def test_a_double_click_or_double_key_acts_once_on_the_case_shown(qtbot, register, staff, alert_log,  # noqa: F811
                                                                   desk_name, action, how):
    make = {"head": head_desk, "executor": executor_desk, "akim": akim_desk}[desk_name]
    desk, reg_nos = make(qtbot, register, staff, action)
    logged = "deliver" if action == "post" else action
    before = audit(register, reg_nos, logged)
    click_row(qtbot, desk.view, 1)  # the person picks the middle case
    chosen = desk.view.model().reg_no(1)
    assert desk.widget.current_case().reg_no == chosen if hasattr(desk.widget, "current_case") \
        else desk.widget._current(desk.view.objectName()).reg_no == chosen
    desk.prepare()
    button = desk.widget.w[desk.button]
    assert button.isEnabled(), desk.button
    twice(qtbot, how, button, desk.key, desk.modifier)
    if desk.confirm:
        asked = confirm_twice(qtbot)
        assert chosen in asked  # the question named the case it acted on
    after = audit(register, reg_nos, logged)
    assert len(after) == len(before) + 1, (after, before)  # exactly one action ...
    assert sorted(after) == sorted(before + [chosen])      # ... on the case that was shown
    assert alert_log == []
    # the pane says which case was acted on, and no other case slid under the pointer or the focus
    if desk_name != "akim":
        pane = desk.widget.w[{"resolve": "resolutionCase", "suspend": "resolutionCase", "resume": "suspendedCase"}
                             .get(action, "signatureCase")] if desk_name == "head" else desk.widget.w["caseView"]
        first_line = pane.toPlainText().splitlines()[0]
        assert first_line.startswith("✔") and chosen in first_line
        shown = desk.widget.current_case() if desk_name == "executor" else desk.widget._current(
            desk.view.objectName())
        assert shown is None or shown.reg_no == chosen


@pytest.mark.parametrize("how", ["click", "key"])
def test_the_clerk_registers_once(qtbot, register, people, alert_log, how):
    clerk = show(qtbot, ClerkTab(make_ctx(register, people["clerk"])))
    p = person(5)
    clerk.w["iinEdit"].setFocus()
    type_text(qtbot, p["iin"])
    for name in ("surname", "name", "patronymic", "address", "phone"):
        clerk.w[f"{name}Edit"].setFocus()
        type_text(qtbot, p[name])
    for box in clerk._doc_boxes[:2]:
        box.setChecked(True)
    clerk.w["phoneEdit"].setFocus()
    if how == "click":
        twice(qtbot, how, clerk.w["registerButton"], Qt.Key.Key_Return)
    else:
        press(qtbot, Qt.Key.Key_Return)
        press(qtbot, Qt.Key.Key_Return)
    assert register.count() == 1 and clerk.guard.ignored == 1
    assert not any(label.isVisible() and label.text() for label in clerk.errors.labels())  # no red "required"


@pytest.mark.parametrize("how", ["click", "key"])
def test_the_collector_builds_one_registry(qtbot, register, staff, alert_log, how):  # noqa: F811
    for i in (1, 2):
        register.register_case(staff["insp3"], "S7", person(70 + i), INTAKE["S7"],
                               [d.id for d in register.catalogue.service("S7").documents], channel="psc")
    builder = show(qtbot, RegistryBuilder(make_ctx(register, staff["coll3"]), "to_department", f"psc:{BRANCH}"))
    button = builder.w["buildButton"]
    builder._print = lambda number: None  # printing is another test's business
    if how == "click":
        twice(qtbot, how, button, Qt.Key.Key_Return)
    else:
        button.setFocus()
        press(qtbot, Qt.Key.Key_Space)
        press(qtbot, Qt.Key.Key_Space)
    assert len(register.packages.registries(source=f"psc:{BRANCH}")) == 1


def test_a_withdrawal_is_recorded_once(qtbot, register, people, shown_alerts):
    cases = [new_case(register, people["clerk"], "S1", i) for i in (1, 2)]
    card = CaseCard(make_ctx(register, people["clerk"]), cases[1].reg_no)
    show(qtbot, card)
    card.withdraw_edit.setFocus()
    type_text(qtbot, "Өтінішін қайтарып алды")
    twice(qtbot, "click", card.withdraw_button, Qt.Key.Key_Return)
    assert audit(register, [c.reg_no for c in cases], "withdraw") == [cases[1].reg_no]
    assert [a["kind"] for a in shown_alerts] == ["question"]  # asked once, not twice


def test_the_next_key_picks_the_case_after_the_one_acted_on(qtbot, register, people):
    cases = [advance(register, people, new_case(register, people["clerk"], "S1", i), "awaiting_signature")
             for i in (1, 2, 3, 4)]
    head = show(qtbot, HeadTab(make_ctx(register, people["head"])))
    press(qtbot, Qt.Key.Key_F6)
    view = head.w["signatureView"]
    order = [view.model().reg_no(r) for r in range(4)]
    click_row(qtbot, view, 1)
    press(qtbot, Qt.Key.Key_F9)
    confirm_twice(qtbot)
    assert register.case(order[1]).stage == "signed" and head._current("signatureView") is None
    assert head.w["signatureCase"].toPlainText().startswith(f"✔ {order[1]}")
    press(qtbot, Qt.Key.Key_F8)  # next: the case that followed it, not the first row
    assert head._current("signatureView").reg_no == order[2]
    press(qtbot, Qt.Key.Key_F8, modifier=SHIFT)  # and back
    assert head._current("signatureView").reg_no == order[0]
    assert {register.case(c.reg_no).stage for c in cases if c.reg_no != order[1]} == {"awaiting_signature"}


def test_a_refresh_from_elsewhere_selects_nothing_new(qtbot, register, people):
    """Another desk's write refreshes this one: a case that left the list leaves nothing selected."""
    cases = [advance(register, people, new_case(register, people["clerk"], "S1", i), "awaiting_signature")
             for i in (1, 2)]
    head = show(qtbot, HeadTab(make_ctx(register, people["head"])))
    shown = head._current("signatureView")
    register.perform(people["head"], shown.reg_no, "sign")  # signed at another workstation
    head.refresh()
    assert head._current("signatureView") is None and not head.w["signButton"].isEnabled()
    assert register.case(next(c.reg_no for c in cases if c.reg_no != shown.reg_no)).stage == "awaiting_signature"


def test_tab_leaves_a_queue_for_the_case_pane(qtbot, register, people):
    new_case(register, people["clerk"], "S5", 1)
    head = show(qtbot, HeadTab(make_ctx(register, people["head"])))
    head.w["resolutionView"].setFocus()
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is head.w["resolutionEdit"]
    ex = show(qtbot, ExecutorTab(make_ctx(register, people["executor1"])))
    for view in (ex.w["myCasesView"], ex.w["slipsView"], head.w["signatureView"]):
        assert not view.tabKeyNavigation()


def test_the_keys_are_shown_beside_the_buttons(qtbot, register, people):
    head = show(qtbot, HeadTab(make_ctx(register, people["head"])))
    assert head.w["signButton"].text().endswith("(F9)") and head.w["returnButton"].text().endswith("(Shift+F9)")
    assert head.w["assignButton"].text().endswith("(Ctrl+Enter, F9)")
    languages().apply("kk")  # the form's texts come back translated; the keys are put beside them again, once
    qtbot.waitUntil(lambda: head.w["signButton"].text() == "Қол қо&ю (F9)", timeout=2000)
    assert head.w["assignButton"].text().endswith("(Ctrl+Enter, F9)")
    head.keys.decorate()
    assert head.w["signButton"].text() == "Қол қо&ю (F9)"
    assert "(F3):" in head.findChild(QWidget, "resolutionLabel").text()
    tabs = head.w["headTabs"]
    assert [tabs.tabToolTip(i) for i in range(tabs.count())] == ["F5", "F6", "F7", "F10", "F12"]
    ex = show(qtbot, ExecutorTab(make_ctx(register, people["executor1"])))
    for name, key in (("sendButton", "F9"), ("approveRadio", "F3"), ("refuseRadio", "F4"),
                      ("printResultButton", "F12"), ("deliverButton", "F9"), ("slipButton", "F9")):
        assert ex.w[name].text().endswith(f"({key})"), name

