"""The village akim channel: S6 issued and signed by the akim of the case's own akimat (the АНЫҚТАМА names the
akim's signature block), S7 forwarded to the department on a registry like a PSC package, and the refusals
(another akimat's akim, a clerk or a PSC inspector acting for an akimat) that write nothing."""
from __future__ import annotations

import datetime as dt

import pypdfium2
import pytest

from desktop.core import reference
from desktop.core.errors import DomainError, PermissionDenied
from desktop.documents import render
from desktop.store import Register
from both_engines import raw
from store_flows import INTAKE_FIELDS, RESULT_FIELDS, T0, applicant, documents
from store_flows import fast_passwords  # noqa: F401  (autouse: cheap password hashes)

pytestmark = pytest.mark.store
M = dt.timedelta(minutes=1)
BAKANAS, AKDALA = 42, 43  # two akimats of the Balkhash district (department No 3)


@pytest.fixture
def akims(register, people):
    admin = people["admin"]
    made = dict(people)
    made["akim"] = register.create_user(admin, "akim42", "Тұрсынов Болат", ["akim"], "akim42-pw", "+7 701 555 44 33",
                                        akimat_id=BAKANAS)
    made["akim2"] = register.create_user(admin, "akim43", "Әбенов Серік", ["akim"], "akim43-pw", akimat_id=AKDALA)
    made["insp"] = register.create_user(admin, "insp3", "Бекова Жанар", ["psc_inspector"], "insp3-pw", psc_branch=3)
    return made


def dump(reg: Register) -> dict[str, list]:
    with raw(reg.path) as db:
        return {t: db.all(f"SELECT * FROM {t} ORDER BY 1")
                for t in ("cases", "events", "registries", "registry_items", "scans", "reg_counters")}


def akim_intake(reg: Register, who, code: str, serial: int = 1, channel_ref: str | None = None):
    return reg.register_case(who, code, applicant(serial), INTAKE_FIELDS.get(code), documents(reg, code),
                             channel="akimat", channel_ref=channel_ref, now=T0)


def pdf_text(pdf: bytes) -> str:
    doc = pypdfium2.PdfDocument(pdf)
    try:
        return " ".join(" ".join(p.get_textpage().get_text_range().split()) for p in doc)
    finally:
        doc.close()


def test_akim_issues_and_signs_the_s6_certificate(register, akims):
    reg, akim = register, akims["akim"]
    case = akim_intake(reg, akim, "S6")
    assert (case.channel, case.stage, case.package) == (f"akimat:{BAKANAS}", "awaiting_resolution", None)
    assert case.due_at == T0 + 12 * M  # regulation 6: six steps of two minutes, as at the department
    case = reg.perform(akim, case.reg_no, "resolve", resolution="Анықтама берілсін", now=T0 + 2 * M)
    assert case.executor_id == akim.id and case.stage == "with_executor"
    case = reg.perform(akim, case.reg_no, "draft", decision="approved", text="", result=RESULT_FIELDS["S6"],
                       now=T0 + 4 * M)
    case = reg.perform(akim, case.reg_no, "sign", now=T0 + 6 * M)
    assert case.stage == "signed" and case.data["signed_by"] == akim.id

    text = pdf_text(render("certificate", reg, case.reg_no, "kk", actor=akim))
    assert "АНЫҚТАМА" in text and "Кент, ауыл, ауылдық округ әкімі" in text and "Тұрсынов Болат" in text
    assert "Уәкілетті органның басшысы" not in text
    assert reference.akimat(BAKANAS)["name_kk"].split()[0] in text      # the akimat that issued it
    assert "Ахметова Сәуле" in text and "2026 жылдың I тоқсанында" in text
    ru = pdf_text(render("certificate", reg, case.reg_no, "ru", actor=akim))
    assert "Аким поселка, села, сельского округа" in ru and "Тұрсынов Болат" in ru

    case = reg.perform(akim, case.reg_no, "deliver", method="in_person", now=T0 + 8 * M)
    assert case.stage == "delivered" and not case.overdue(T0 + 8 * M)
    assert [h.actor for h in reg.history(case.reg_no) if h.action != "print"] == ["akim42"] * 5
    assert reg.verify().ok


def test_department_head_signs_an_akimat_case_with_his_own_block(register, akims):
    """'May issue': the department can still serve an akimat's S6 case; then the head's block is printed."""
    reg = register
    case = akim_intake(reg, akims["akim"], "S6")
    reg.perform(akims["head"], case.reg_no, "resolve", executor=akims["executor1"].id, resolution="Қараңыз",
                now=T0 + M)
    reg.perform(akims["executor1"], case.reg_no, "draft", decision="approved", text="", result=RESULT_FIELDS["S6"],
                now=T0 + 2 * M)
    reg.perform(akims["head"], case.reg_no, "sign", now=T0 + 3 * M)
    text = pdf_text(render("certificate", reg, case.reg_no, "kk"))
    assert "Уәкілетті органның басшысы" in text and "Кент, ауыл, ауылдық округ әкімі" not in text


def test_other_akimat_and_other_roles_are_refused(register, akims):
    reg = register
    case = akim_intake(reg, akims["akim"], "S6")
    refusals = [
        (lambda: reg.perform(akims["akim2"], case.reg_no, "resolve", resolution="x", now=T0 + M), "akim_other_akimat"),
        (lambda: akim_intake(reg, akims["akim2"], "S6", 2, channel_ref=f"akimat:{BAKANAS}"), "other_place"),
        (lambda: akim_intake(reg, akims["clerk"], "S6", 3), "role_denied"),
        (lambda: akim_intake(reg, akims["insp"], "S6", 3), "role_denied"),
        (lambda: reg.perform(akims["clerk"], case.reg_no, "resolve", resolution="x", now=T0 + M), "role_denied"),
        (lambda: reg.perform(akims["insp"], case.reg_no, "sign", now=T0 + M), "role_denied"),
    ]
    for action, code in refusals:
        before = dump(reg)
        with pytest.raises(PermissionDenied) as err:
            action()
        assert err.value.code == code
        for lang in ("kk", "ru"):
            assert err.value.message(lang) != code
        assert dump(reg) == before, code
    # the akim cannot act on the department's own cases either
    counter = reg.register_case(akims["clerk"], "S6", applicant(9), None, documents(reg, "S6"), now=T0)
    before = dump(reg)
    with pytest.raises(PermissionDenied):
        reg.perform(akims["akim"], counter.reg_no, "resolve", resolution="x", now=T0 + M)
    assert dump(reg) == before
    # a later step by the wrong akim, too
    reg.perform(akims["akim"], case.reg_no, "resolve", resolution="Беріңіз", now=T0 + 2 * M)
    reg.perform(akims["akim"], case.reg_no, "draft", decision="approved", text="", result=RESULT_FIELDS["S6"],
                now=T0 + 3 * M)
    before = dump(reg)
    with pytest.raises(PermissionDenied) as err:
        reg.perform(akims["akim2"], case.reg_no, "sign", now=T0 + 4 * M)
    assert err.value.code == "akim_other_akimat" and dump(reg) == before


def test_s7_from_an_akimat_is_forwarded_on_a_registry(register, akims):
    reg, desk, akim = register, register.packages, akims["akim"]
    case = akim_intake(reg, akim, "S7")
    assert (case.stage, case.package, case.channel) == ("awaiting_receipt", "at_branch", f"akimat:{BAKANAS}")
    service = reg.catalogue.service("S7")
    due = T0
    for step in service.steps:  # path A's deadline: the akim is the local executive body
        due = reg.calendar().add(due, step.duration_value, step.duration_unit)
    assert case.due_at == due
    with pytest.raises(PermissionDenied):  # the akim does not sign S7: the department's head does
        reg.perform(akim, case.reg_no, "resolve", resolution="x", now=T0 + M)
    before = dump(reg)
    with pytest.raises(PermissionDenied) as err:
        desk.create_registry(akims["akim2"], f"akimat:{BAKANAS}", now=T0 + M)
    assert err.value.code == "other_place" and dump(reg) == before

    registry = desk.create_registry(akim, f"akimat:{BAKANAS}", now=T0 + dt.timedelta(hours=4))
    assert registry.source == f"akimat:{BAKANAS}" and [i.reg_no for i in registry.items] == [case.reg_no]
    t = dt.datetime(2026, 3, 3, 10, 0)
    assert desk.receive_scan(akims["clerk"], registry.number, case.reg_no, now=t).ok
    assert reg.case(case.reg_no).step_due_at == t + 30 * M  # path A: the head's 30 minutes
    case = reg.perform(akims["head"], case.reg_no, "resolve", executor=akims["executor1"].id, resolution="Қараңыз",
                       now=t + M)
    # path A: 3 + 3 working days (9 March is off) would end on 12 March 10:01, after the case's own deadline,
    # which binds (workflow.within_deadline)
    assert case.due_at < dt.datetime(2026, 3, 12, 10, 1) and case.step_due_at == case.due_at
    reg.perform(akims["executor1"], case.reg_no, "draft", decision="approved", text="", now=t + 2 * M)
    reg.perform(akims["head"], case.reg_no, "sign", now=t + 3 * M)
    back = desk.create_registry(akims["clerk"], f"akimat:{BAKANAS}", direction="to-branch", now=t + 4 * M)
    with pytest.raises(PermissionDenied):
        desk.receive_scan(akims["akim2"], back.number, case.reg_no, now=t + 5 * M)
    assert desk.receive_scan(akim, back.number, case.reg_no, now=t + 5 * M).ok
    with pytest.raises(DomainError):
        desk.hand_over(akims["akim2"], case.reg_no, now=t + 6 * M)
    done = desk.hand_over(akim, case.reg_no, now=t + 6 * M)
    assert done.stage == "delivered" and done.data["delivery"]["method"] == "akimat"
    assert reg.verify().ok
