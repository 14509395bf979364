"""Several desks on one register, at the desk (issue 9): a case changed at another desk meanwhile is a calm message
naming who did what and when, and the pane then shows the case as it is now; a lost server is said calmly in the
window, what the clerk typed stays, the intake is retried in the background and done once when the server is back."""
from __future__ import annotations

import datetime as dt
import threading

import psycopg
import pytest
from PySide6.QtWidgets import QMainWindow

from desktop.store import Register
from desktop.ui import casework
from desktop.ui.clerk_tab import ClerkTab
from desktop.ui.executor_tab import ExecutorTab
from desktop.ui.head_tab import HeadTab
from helpers_roles import MARKS, Printer, alert_log, answer, confirmation, events, make_ctx, person, show  # noqa: F401

pytestmark = MARKS
T0 = dt.datetime(2026, 3, 2, 9, 0)


def _to_signature(register, people, serial=1):
    case = register.register_case(people["clerk"], "S5", person(serial), {"category": "large_families"},
                                  ["application", "identity"], now=T0)
    case = register.perform(people["head"], case.reg_no, "resolve", executor=people["executor1"].id,
                            resolution="Қараңыз", now=T0 + dt.timedelta(minutes=5))
    return register.perform(people["executor1"], case.reg_no, "draft", decision="approved", text="Қанағаттандырылсын",
                            now=T0 + dt.timedelta(minutes=10))


def test_head_returning_a_draft_another_head_just_signed_is_told_who_and_sees_the_case_now(
        qtbot, register, people, alert_log):
    head2 = register.create_user(people["admin"], "head2", "Ахметова Сәуле", ["head"], "head2-pw")
    case = _to_signature(register, people)
    head = show(qtbot, HeadTab(make_ctx(register, people["head"])))
    head.w["headTabs"].setCurrentWidget(head.w["signaturePage"])
    assert head.w["signatureCase"].toPlainText().startswith(case.reg_no)

    with Register.open(register.path) as other_desk:  # the second head, at her own desk
        other_desk.perform(other_desk.user("head2"), case.reg_no, "sign")
    head.w["returnReasonEdit"].setText("Толықтыру керек")
    head.return_draft()  # no question about a case that changed meanwhile: the register's answer, calmly

    assert len(alert_log) == 1
    text = alert_log[0]["text"]
    assert text.startswith(f"Іс {case.reg_no} өзгертілді: {head2.full_name} ") and "қол қойды" in text
    assert events(register, case.reg_no)[-1] == "sign" and register.case(case.reg_no).stage == "signed"
    assert head.signature_model.rowCount() == 0  # the screen shows the case as it is now: no longer to sign
    assert case.reg_no not in head.w["signatureCase"].toPlainText()


def test_a_case_returned_at_another_desk_while_the_sign_question_is_open_is_not_signed(
        qtbot, register, people, alert_log):
    head2 = register.create_user(people["admin"], "head2", "Ахметова Сәуле", ["head"], "head2-pw")
    case = _to_signature(register, people)
    head = show(qtbot, HeadTab(make_ctx(register, people["head"])))
    head.w["headTabs"].setCurrentWidget(head.w["signaturePage"])
    head.sign()
    box = confirmation(qtbot)  # the question is open while the other head returns the draft
    with Register.open(register.path) as other_desk:
        other_desk.perform(other_desk.user("head2"), case.reg_no, "return", reason="Толықтыру керек")
    assert case.reg_no in box.text()
    answer(qtbot)  # Enter: the register answers with who changed the case, and nothing is signed
    assert len(alert_log) == 1 and head2.full_name in alert_log[0]["text"]
    assert events(register, case.reg_no)[-1] == "return" and register.case(case.reg_no).stage == "with_executor"


def test_executor_acting_on_a_case_the_head_suspended_meanwhile_gets_the_conflict(qtbot, register, people,
                                                                                    alert_log):
    case = register.register_case(people["clerk"], "S1", person(2), None, ["application", "identity"], now=T0)
    case = register.perform(people["head"], case.reg_no, "resolve", executor=people["executor1"].id,
                            resolution="Қараңыз", now=T0 + dt.timedelta(minutes=5))
    tab = show(qtbot, ExecutorTab(make_ctx(register, people["executor1"])))
    assert tab.current_case().reg_no == case.reg_no
    with Register.open(register.path) as head_desk:
        head_desk.perform(head_desk.user("head"), case.reg_no, "suspend", reason="құжат күтілуде")
    tab.w["suspendReasonEdit"].setText("өтініш беруші хабарласады")
    tab.suspend()
    assert len(alert_log) == 1 and "Серікбаев Нұрлан" in alert_log[0]["text"]
    assert "тоқтата тұрды" in alert_log[0]["text"]
    assert events(register, case.reg_no).count("suspend") == 1


@pytest.fixture
def pg_office(pg_server, pg_database):
    if pg_server.cluster is None:
        pytest.skip("KENSE_TEST_PG names a server these tests did not start, so they cannot restart it")
    with Register.open(pg_database, create=True) as owner:
        admin = owner.initialise(3, "admin-pass", now=T0)
        owner.create_user(admin, "clerk", "Асқарова Гүлнар", ["clerk"], "clerk-pw")
    dbname = psycopg.conninfo.conninfo_to_dict(pg_database)["dbname"]
    reg = Register.open(pg_server.url(dbname, user="clerk"), password="clerk-pw")
    yield reg
    reg.close()


def test_clerk_intake_while_the_server_is_down_waits_calmly_and_is_done_once(qtbot, pg_server, pg_office,
                                                                            alert_log, monkeypatch):
    monkeypatch.setattr(casework, "RETRY_MS", 300)
    cluster = pg_server.cluster
    window = QMainWindow()
    clerk = ClerkTab(make_ctx(pg_office, pg_office.user("clerk"), printer=Printer(), opened=[]))
    window.setCentralWidget(clerk)
    show(qtbot, window)
    clerk.w["serviceCombo"].setCurrentIndex(clerk.w["serviceCombo"].findData("S1"))
    p = person(3)
    for name in ("iin", "surname", "name", "patronymic", "address", "phone"):
        clerk.w[f"{name}Edit"].setText(p[name])
    for box in clerk._doc_boxes[:2]:
        box.setChecked(True)

    cluster.stop()
    try:
        assert clerk.register() is None  # not done yet, not refused either
        banner = window.findChild(casework.QLabel, "connectionBanner")
        assert banner is not None and banner.isVisible() and "retrying" in banner.text()
        assert alert_log == []  # calm: no message box
        assert clerk.w["surnameEdit"].text() == p["surname"] and clerk.w["iinEdit"].text() == p["iin"]
        qtbot.wait(1000)  # a few retries find no server; nothing changes on the screen
        assert banner.isVisible() and "retrying" in banner.text() and clerk.last_reg_no in (None, "")
    finally:
        starter = threading.Thread(target=lambda: cluster._run(
            str(cluster.bin / "pg_ctl"), "-D", str(cluster.data), "-l", str(cluster.base / "server.log"), "-w",
            "-t", "60", "start"))
        starter.start()
        while starter.is_alive():
            qtbot.wait(100)
    qtbot.waitUntil(lambda: "restored" in banner.text(), timeout=15000)
    assert clerk.last_reg_no and clerk.last_reg_no.endswith("000001")
    assert clerk.w["regNoLabel"].text() == clerk.last_reg_no and clerk.w["surnameEdit"].text() == ""
    assert pg_office.count() == 1 and events(pg_office, clerk.last_reg_no) == ["register"]
    assert alert_log == []
    assert window.statusBar().isVisible()
