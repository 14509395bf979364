"""Every document kind × language × service it applies to: the PDF opens, says who/what/where, scans, and uses
only glyphs of the bundled font."""
from __future__ import annotations

import re

import pytest
from docs_cases import CODES, barcodes, new_case, page_size_mm, pdf_pages, signed_case

from desktop.documents import applicable_kinds, render
from desktop.documents.fonts import missing_glyphs
from desktop.paths import resources_dir

pytestmark = pytest.mark.docs

LANGS = ("kk", "ru")
LABELS = ("label", "label-sheet")
# What the regulation gives each service once the head has signed (catalogue result_kinds), written out here
# independently of the code under test.
EXPECTED = {
    ("S1", "approved"): ["receipt", "notification", "label", "label-sheet"],
    ("S2", "approved"): ["receipt", "notification", "label", "label-sheet"],
    ("S3", "approved"): ["receipt", "notification", "label", "label-sheet"],
    ("S4", "approved"): ["receipt", "referral", "label", "label-sheet"],
    ("S5", "approved"): ["receipt", "notification", "label", "label-sheet"],
    ("S6", "approved"): ["receipt", "certificate", "label", "label-sheet"],
    ("S7", "approved"): ["receipt", "notification", "label", "label-sheet"],
    **{(code, "refused"): ["receipt", "refusal", "label", "label-sheet"] for code in CODES},
    ("S7", "psc"): ["receipt", "kolkhat", "label", "label-sheet"],
}
# Wording of OTHER services that the source's copy-paste errors put into letters (spec §7): never printed.
FOREIGN = {
    "S1": ("қоларба", "әлеуметтік көмек", "кресл", "социальной помощ"),
    "S2": ("қоларба", "санатор", "әлеуметтік көмек", "социальной помощ"),
    "S3": ("санатор", "әлеуметтік көмек", "социальной помощ"),
    "S5": ("18 жас", "атаулы", "до 18 лет", "адресн"),
    "S7": ("әлеуметтік көмек", "социальной помощ", "атаулы"),
}


def _office_name(register, lang: str) -> str:
    return register.office()[f"name_{lang}"]


def _check_text(pdf: bytes, *, must: list[str], where: str) -> str:
    text = " ".join(p.text for p in pdf_pages(pdf))
    for item in must:
        assert " ".join(item.split()) in text, f"{where}: {item!r} not in the PDF text"
    return text


def _check_barcodes(pdf: bytes, reg_no: str, dpis: tuple[int, ...], where: str) -> None:
    for dpi in dpis:
        found = barcodes(pdf, dpi)
        assert found, f"{where}: no barcode decoded at {dpi} dpi"
        assert {text for text, _ in found} == {reg_no}, f"{where} at {dpi} dpi: {found}"
        assert {fmt for _, fmt in found} == {"Code128"}, f"{where} at {dpi} dpi: {found}"


def _check_fonts(pdf: bytes, text: str, where: str) -> None:
    assert not missing_glyphs(text), f"{where}: characters without a glyph: {missing_glyphs(text)}"
    fonts = set(re.findall(rb"/BaseFont\s*/([A-Za-z0-9+\-]+)", pdf))
    assert fonts, f"{where}: no embedded font found"
    assert all(b"DejaVuSans" in f for f in fonts), f"{where}: non-bundled fonts {fonts}"
    assert b"/FontFile2" in pdf, f"{where}: the TrueType font is not embedded"


def _case(register, people, code: str, outcome: str):
    if outcome == "psc":
        return new_case(register, people, code, channel="psc")
    return signed_case(register, people, code, outcome)


@pytest.mark.parametrize("code, outcome", list(EXPECTED), ids=[f"{c}-{o}" for c, o in EXPECTED])
def test_every_applicable_kind_in_both_languages(register, people, code, outcome):
    case = _case(register, people, code, outcome)
    kinds = applicable_kinds(register, case)
    assert kinds == EXPECTED[(code, outcome)]
    service = register.catalogue.service(code)
    for kind in kinds:
        for lang in LANGS:
            where = f"{code}/{outcome}/{kind}/{lang}"
            pdf = render(kind, register, case.reg_no, lang)
            assert pdf.startswith(b"%PDF-")
            if kind in LABELS:
                must = [case.reg_no, case.applicant.initials, code, _office_name(register, lang), "02.03.2026"]
            else:
                must = [case.reg_no, case.applicant.full_name, service.title(lang), _office_name(register, lang)]
            text = _check_text(pdf, must=must, where=where)
            _check_fonts(pdf, text, where)
            low = (150, 203) if kind in LABELS else (180,)
            _check_barcodes(pdf, case.reg_no, (300, *low), where)
            if kind in ("notification", "refusal"):
                body = text.replace(_office_name(register, lang), "")
                for word in FOREIGN.get(code, ()):
                    assert word.casefold() not in body.casefold(), f"{where}: another service's wording {word!r}"


def test_receipt_form_follows_the_catalogue(register, people):
    """S1–S3 (and S4, S6) get the "түбіртек", S5 and S7 the "талон" (regulation annexes 2 and 5)."""
    titles = {}
    for serial, code in enumerate(CODES, 1):
        case = new_case(register, people, code, serial=serial)
        titles[code] = pdf_pages(render("receipt", register, case.reg_no, "kk"))[0].text
    for code in ("S1", "S2", "S3", "S4", "S6"):
        assert "Тұтынушыға берілетін түбіртек" in titles[code]
        assert "талоны" not in titles[code]
    for code in ("S5", "S7"):
        assert "Тұтынушыға қызмет көрсету талоны" in titles[code]


def test_receipt_names_the_clerk_date_and_documents(register, people):
    case = new_case(register, people, "S3")
    text = pdf_pages(render("receipt", register, case.reg_no, "ru"))[0].text
    assert people["clerk"].full_name in text
    assert "«2» марта 2026 г." in text
    for doc in register.catalogue.service("S3").documents:
        assert doc.title_ru in text


def test_letter_carries_head_and_executor(register, people):
    case = signed_case(register, people, "S2")
    text = pdf_pages(render("notification", register, case.reg_no, "kk"))[0].text
    assert people["head"].full_name in text
    assert people["executor1"].full_name in text
    assert register.office()["address_kk"] in text
    assert "жеке көмекшінің немесе ымдау тілі маманының" in text


def test_refusal_cites_reasons_and_escapes_the_executors_text(register, people):
    case = new_case(register, people, "S5")
    head, executor = people["head"], people["executor1"]
    register.perform(head, case.reg_no, "resolve", executor=executor.id, resolution="Қараңыз")
    register.perform(executor, case.reg_no, "draft", decision="refused", reasons=["not_category", "false_data"],
                     text="Анықтама <b>жоқ</b> & мерзімі өткен")
    register.perform(head, case.reg_no, "sign")
    text = pdf_pages(render("refusal", register, case.reg_no, "ru"))[0].text
    service = register.catalogue.service("S5")
    assert service.reason("not_category").title_ru in text
    assert service.reason("false_data").title_ru in text
    assert "Анықтама <b>жоқ</b> & мерзімі өткен" in text


def test_referral_has_cut_line_and_return_notice_with_barcodes(register, people):
    case = signed_case(register, people, "S4")
    pdf = render("referral", register, case.reg_no, "kk")
    text = pdf_pages(pdf)[0].text
    for item in ("ЖОЛДАМА", "Кесу сызығы", "Жолдама берілгені туралы хабарлама", "«Бақанас су» ЖШС", "6 ай",
                 "Қоғамдық жұмыстар", "Мекеме басшысы", people["head"].full_name):
        assert item in text
    assert len(barcodes(pdf, 300)) == 2  # the referral and the tear-off notice are scanned apart


def test_certificate_lists_every_family_member_on_as_many_pages_as_needed(register, people):
    from desktop.core.iin import make_iin
    import datetime as dt
    members = [{"full_name": f"Ахметова Айару {chr(0x410 + i)}", "relation": "қызы",
                "iin": make_iin(dt.date(2010, 1, 1 + i % 27), "F", 100 + i)} for i in range(45)]
    case = signed_case(register, people, "S6", result={"quarter": "2026-Q2", "family_members": members})
    pdf = render("certificate", register, case.reg_no, "kk")
    pages = pdf_pages(pdf)
    assert len(pages) >= 2
    text = " ".join(p.text for p in pages)
    for m in members:
        assert m["full_name"] in text and m["iin"] in text
    assert "2026 жылдың II тоқсанында" in text
    assert people["head"].full_name in text and "Уәкілетті органның басшысы" in text
    for index in range(len(pages)):
        assert {t for t, _ in barcodes(pdf, 200, index)} == {case.reg_no}, f"page {index + 1}"


def test_kolkhat_fields(register, people):
    case = new_case(register, people, "S7", channel="psc")
    text = pdf_pages(render("kolkhat", register, case.reg_no, "kk"))[0].text
    for label in ("Қабылдаған құжаттың нөмірі мен мерзімі", "Көрсетілетін мемлекеттік қызметтің түрі",
                  "Құжаттағы қосымшалардың атауы және саны", "Құжатты қайтарып беретін орны және уақыты",
                  "ХҚКО-ның инспекторының аты-жөні"):
        assert label in text
    assert "Барлығы: 5 құжат" in text
    assert "Бекова Жанар" in text                       # the inspector who registered it
    assert "Балқаш аудандық филиалы" in text            # the branch where the result is returned


def test_label_sizes_and_copies(register, people):
    case = new_case(register, people, "S1")
    pdf = render("label", register, case.reg_no, copies=3)
    assert len(pdf_pages(pdf)) == 3
    assert page_size_mm(pdf) == (58.0, 40.0)
    sheet = render("label-sheet", register, case.reg_no)
    assert page_size_mm(sheet) == (210.0, 297.0)
    assert len(barcodes(sheet, 300)) == 21            # a full sheet by default
    sheet = render("label-sheet", register, case.reg_no, copies=25)
    assert len(pdf_pages(sheet)) == 2
    assert len(barcodes(sheet, 300, 1)) == 4


def test_label_sheet_of_many_cases(register, people):
    from desktop.documents import render_label_sheet
    cases = [new_case(register, people, code, serial=i) for i, code in enumerate(("S1", "S5", "S7"), 1)]
    pdf = render_label_sheet(register, [c.reg_no for c in cases], "ru", actor=people["clerk"])
    assert sorted(t for t, _ in barcodes(pdf, 300)) == sorted(c.reg_no for c in cases)
    for c in cases:
        prints = [e for e in register.history(c.reg_no) if e.action == "print"]
        assert [(e.details["kind"], e.details["copy"], e.actor) for e in prints] == [("label-sheet", 1, "clerk")]


def test_multiple_copies_repeat_the_document(register, people):
    case = new_case(register, people, "S5")
    assert len(pdf_pages(render("receipt", register, case.reg_no, copies=3))) == 3


def test_fonts_are_bundled_with_their_licence():
    fonts = resources_dir() / "fonts"
    assert (fonts / "DejaVuSans.ttf").is_file() and (fonts / "DejaVuSans-Bold.ttf").is_file()
    assert "Bitstream" in (fonts / "LICENSE-DejaVu.txt").read_text(encoding="utf-8")
    kazakh = "ӘҒҚҢӨҰҮҺІәғқңөұүһі№«»–"
    assert missing_glyphs(kazakh) == set()
    from desktop.documents.fonts import BOLD
    assert missing_glyphs(kazakh, BOLD) == set()
    assert missing_glyphs("\u4e2d") == {"\u4e2d"}   # the check itself can fail
