"""Helpers for the document tests: cases driven through Register.perform to the stage a document needs, and
PDF inspection (text, barcodes at a given dpi, glyph coverage)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pypdfium2
import zxingcpp

from desktop.core.errors import NotFound
from desktop.core.model import Case, User
from desktop.store import Register


from kense_testdata import INTAKE_FIELDS, RESULT_FIELDS, T0, applicant  # noqa: E402

CODES = ("S1", "S2", "S3", "S4", "S5", "S6", "S7")
PSC_BRANCH = 3


def psc_inspector(reg: Register) -> User:
    try:
        return reg.user("inspector")
    except NotFound:
        return reg.create_user(reg.user("admin"), "inspector", "Бекова Жанар", ["psc_inspector"], "inspector-pw",
                               "+7 705 000 11 22", psc_branch=PSC_BRANCH)


def new_case(reg: Register, people: dict[str, User], code: str, *, serial: int = 1, channel: str = "department",
             **applicant_over: Any) -> Case:
    """A registered case with every catalogue document presented."""
    docs = [d.id for d in reg.catalogue.service(code).documents]
    if channel == "psc":
        return reg.register_case(psc_inspector(reg), code, applicant(serial, **applicant_over),
                                 INTAKE_FIELDS.get(code), docs, channel="psc", channel_ref=f"psc:{PSC_BRANCH}",
                                 now=T0)
    return reg.register_case(people["clerk"], code, applicant(serial, **applicant_over), INTAKE_FIELDS.get(code),
                             docs, now=T0)


def signed_case(reg: Register, people: dict[str, User], code: str, decision: str = "approved", *,
                serial: int = 1, channel: str = "department", result: dict[str, Any] | None = None,
                sign: bool = True, **applicant_over: Any) -> Case:
    """A case taken through resolution and draft (approved or refused) and, with ``sign``, the head's signature."""
    case = new_case(reg, people, code, serial=serial, channel=channel, **applicant_over)
    head, executor = people["head"], people["executor1"]
    now = T0 + dt.timedelta(minutes=20)
    reg.perform(head, case.reg_no, "resolve", executor=executor.id, resolution="Қарап, шешім дайындаңыз", now=now)
    service = reg.catalogue.service(code)
    if decision == "refused":
        params = {"decision": "refused", "reasons": [r.id for r in service.refusal_reasons[:2]],
                  "text": "Ұсынылған құжаттар талаптарға сай емес"}
    else:
        params = {"decision": "approved", "text": "", "result": result if result is not None
                  else RESULT_FIELDS.get(code, {})}
    reg.perform(executor, case.reg_no, "draft", now=now + dt.timedelta(hours=1), **params)
    if sign:
        return reg.perform(head, case.reg_no, "sign", now=now + dt.timedelta(hours=2))
    return reg.case(case.reg_no)


# ---------------------------------------------------------------- PDF inspection


@dataclass
class Page:
    text: str        # whitespace collapsed
    raw: str


def pdf_pages(pdf: bytes) -> list[Page]:
    doc = pypdfium2.PdfDocument(pdf)
    try:
        out = []
        for page in doc:
            raw = page.get_textpage().get_text_range()
            out.append(Page(" ".join(raw.split()), raw))
        return out
    finally:
        doc.close()


def pdf_text(pdf: bytes) -> str:
    return " ".join(p.text for p in pdf_pages(pdf))


def page_count(pdf: bytes) -> int:
    doc = pypdfium2.PdfDocument(pdf)
    try:
        return len(doc)
    finally:
        doc.close()


def barcodes(pdf: bytes, dpi: float, page_index: int = 0) -> list[tuple[str, str]]:
    """(text, format name) of every Code128 zxing-cpp finds on the page rasterised at ``dpi`` (limiting the
    search to Code128 makes it four times faster; a barcode of another symbology is then simply not found)."""
    doc = pypdfium2.PdfDocument(pdf)
    try:
        image = doc[page_index].render(scale=dpi / 72, fill_color=(255, 255, 255, 255), grayscale=True).to_pil()
    finally:
        doc.close()
    found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.Code128)
    return [(r.text, r.format.name) for r in found]


def page_size_mm(pdf: bytes, page_index: int = 0) -> tuple[float, float]:
    doc = pypdfium2.PdfDocument(pdf)
    try:
        w, h = doc[page_index].get_size()
    finally:
        doc.close()
    return round(w / 72 * 25.4, 1), round(h / 72 * 25.4, 1)
