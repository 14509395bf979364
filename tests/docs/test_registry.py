"""The printed registry (реестр): the registry's own Code128 and every package's Code128 decode from the PDF; the
list, totals and receipt marks; ``kense print registry`` by branch, date and direction (and by akimat or number);
the Қолхат and the package label of a PSC case."""
from __future__ import annotations

import datetime as dt

import pytest
from docs_cases import INTAKE_FIELDS, T0, applicant, barcodes, page_count, pdf_pages, pdf_text

from desktop.cli import main
from desktop.core import reference
from desktop.documents import render
from desktop.documents.registry import registry_numbers, render_registry
from desktop.store import Register

pytestmark = pytest.mark.docs
M = dt.timedelta(minutes=1)
T1 = dt.datetime(2026, 3, 3, 9, 40)
DAY = T0.date().isoformat()


@pytest.fixture
def office(register, people):
    admin = people["admin"]
    made = dict(people)
    made["insp"] = register.create_user(admin, "insp3", "Бекова Жанар", ["psc_inspector"], "insp3-pw", psc_branch=3)
    made["coll"] = register.create_user(admin, "coll3", "Тоқтаров Асқар", ["psc_collector"], "coll3-pw",
                                        psc_branch=3)
    made["akim"] = register.create_user(admin, "akim42", "Тұрсынов Болат", ["akim"], "akim42-pw", akimat_id=42)
    return made


def intake(reg: Register, who, serial: int, channel: str = "psc", now: dt.datetime = T0, docs: int = 5):
    service = reg.catalogue.service("S7")
    return reg.register_case(who, "S7", applicant(serial, surname=f"Сейітов{'а' * (serial % 2)}"),
                             INTAKE_FIELDS["S7"], [d.id for d in service.documents][:docs], channel=channel, now=now)


def test_registry_pdf_has_every_barcode_and_the_receipt_marks(register, office):
    cases = [intake(register, office["insp"], i, docs=5 - i) for i in range(1, 4)]
    registry = register.packages.create_registry(office["coll"], "psc:3", now=T0 + dt.timedelta(hours=6))
    pdf = render_registry(register, registry.number, "kk", now=T0 + dt.timedelta(hours=6))
    found = barcodes(pdf, 200)
    assert sorted(text for text, fmt in found) == sorted([registry.number, *(c.reg_no for c in cases)])
    assert {fmt for _, fmt in found} == {"Code128"}
    text = pdf_text(pdf)
    branch = reference.psc_branch(3)["name_kk"]
    for piece in ("РЕЕСТР", f"№ {registry.number}", "Құжаттар пакеттерін уәкілетті органға жіберу реестрі",
                  "Балқаш аудандық филиалы", register.office()["name_kk"], "2026 жылғы «2» наурыз",
                  "курьердің 1-рейсі (күніне 2 рейс)", "Барлығы: 3 пакет, 9 құжат.", "Тоқтаров Асқар"):
        assert piece in text, piece
    assert branch.split()[0] in text
    for case in cases:
        assert case.applicant.iin in text and case.applicant.surname in text
    prints = register._all("SELECT details FROM events WHERE case_id IS NULL AND action='print'")
    assert len(prints) == 1 and registry.number in prints[0][0]

    # received two, one missing: the marks say so; Russian too
    desk = register.packages
    desk.receive_scan(office["clerk"], registry.number, cases[0].reg_no, now=T1)
    desk.receive_scan(office["clerk"], registry.number, cases[2].reg_no, now=T1 + M)
    desk.close_receipt(office["clerk"], registry.number, now=T1 + 2 * M)
    text = pdf_text(render_registry(register, registry.number, "kk", log=False))
    assert text.count("қабылданды 03.03 09:4") == 2 and "ЖОҚ" in text and "1 пакет келмеді" in text
    assert "Асқарова Гүлнар" in text  # who received it
    ru = pdf_text(render_registry(register, registry.number, "ru", log=False))
    assert "Реестр передачи пакетов документов" in ru and "НЕТ" in ru and "не поступило пакетов: 1" in ru


def test_kense_print_registry_by_branch_date_and_direction(register, office, tmp_path, capsys):
    reg, desk = register, register.packages
    first = [intake(reg, office["insp"], i) for i in (1, 2)]
    morning = desk.create_registry(office["coll"], "psc:3", now=T0 + M * 30)
    late = intake(reg, office["insp"], 3, now=T0 + dt.timedelta(hours=2))
    evening = desk.create_registry(office["coll"], "psc:3", now=T0 + dt.timedelta(hours=6))
    assert registry_numbers(reg, "psc:3", T0.date()) == [morning.number, evening.number]
    db = str(reg.path)
    out = tmp_path / "registry.pdf"
    assert main(["print", "registry", "--db", db, "--branch", "3", "--date", DAY, "-o", str(out)]) == 0
    pdf = out.read_bytes()
    assert page_count(pdf) == 2
    assert sorted(t for t, _ in barcodes(pdf, 200, 0)) == sorted([morning.number, *(c.reg_no for c in first)])
    assert sorted(t for t, _ in barcodes(pdf, 200, 1)) == sorted([evening.number, late.reg_no])
    assert "курьердің 2-рейсі" in pdf_pages(pdf)[1].text
    assert morning.number in capsys.readouterr().out

    # by its number, in Russian
    out_ru = tmp_path / "one.pdf"
    assert main(["print", "registry", evening.number.lower(), "--db", db, "--lang", "ru", "-o", str(out_ru)]) == 0
    assert "РЕЕСТР" in pdf_text(out_ru.read_bytes()) and page_count(out_ru.read_bytes()) == 1

    # the return registry: to-branch
    case = reg.case(first[0].reg_no)
    desk.receive_scan(office["clerk"], morning.number, case.reg_no, now=T1)
    reg.perform(office["head"], case.reg_no, "resolve", executor=office["executor1"].id, resolution="Қараңыз",
                now=T1 + M)
    reg.perform(office["executor1"], case.reg_no, "draft", decision="approved", text="", now=T1 + 2 * M)
    reg.perform(office["head"], case.reg_no, "sign", now=T1 + 3 * M)
    back = desk.create_registry(office["clerk"], "psc:3", direction="to-branch", now=T1 + 4 * M)
    out_back = tmp_path / "back.pdf"
    assert main(["print", "registry", "--db", db, "--branch", "3", "--date", T1.date().isoformat(),
                 "--direction", "to-branch", "-o", str(out_back)]) == 0
    text = pdf_text(out_back.read_bytes())
    assert "Мемлекеттік қызмет нәтижелерін қайтару реестрі" in text and back.number in text
    assert "Жіберуші: " + reg.office()["name_kk"] in text and "Алушы: Балқаш аудандық филиалы" in text

    # nothing that day, both a branch and an akimat, no source at all: a clear message, no file
    capsys.readouterr()
    missing = tmp_path / "none.pdf"
    for argv in (["--branch", "3", "--date", "2026-03-10"], ["--branch", "3", "--akimat", "42", "--date", DAY],
                 [], ["--branch", "3", "--date", "2026-13-01"], ["--branch", "3", "--direction", "up"]):
        assert main(["print", "registry", "--db", db, *argv, "-o", str(missing)]) == 2, argv
        assert "kense:" in capsys.readouterr().err
    assert not missing.exists()


def test_akimat_registry_prints(register, office, tmp_path):
    case = intake(register, office["akim"], 1, channel="akimat")
    registry = register.packages.create_registry(office["akim"], "akimat:42", now=T0 + M)
    out = tmp_path / "akimat.pdf"
    assert main(["print", "registry", "--db", str(register.path), "--akimat", "42", "--date", DAY,
                 "-o", str(out)]) == 0
    pdf = out.read_bytes()
    assert sorted(t for t, _ in barcodes(pdf, 200)) == sorted([registry.number, case.reg_no])
    assert reference.akimat(42)["name_kk"].split()[0] in pdf_text(pdf)


def test_kolkhat_and_label_of_a_psc_case(register, office, tmp_path, capsys):
    case = intake(register, office["insp"], 1)
    out = tmp_path / "kolkhat.pdf"
    assert main(["print", "kolkhat", case.reg_no, "--db", str(register.path), "-o", str(out)]) == 0
    text = pdf_text(out.read_bytes())
    assert "ҚОЛХАТ" in text and "Барлығы: 5 құжат" in text and "Бекова Жанар" in text
    assert "2026 жылғы «5» наурыз" in text  # returned from the PSC table's due date at the branch
    assert "Балқаш аудандық филиалы" in text
    assert (case.reg_no, "Code128") in barcodes(out.read_bytes(), 200)
    label = render("label", register, case.reg_no, "kk")
    assert (case.reg_no, "Code128") in barcodes(label, 300)
