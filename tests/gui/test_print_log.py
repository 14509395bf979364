"""The honest print log: opening a preview is not printing.

Each path of the preview is driven through the real dialogs offscreen — the system print dialog (with no printer
installed Qt offers "Print to File (PDF)", so the printed PDF is read back), the file dialog, and Close — against
a real SQLite register; and the CLI and the app number their prints by one rule (desktop/documents/printlog.py).
"""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pypdfium2
import pytest
import zxingcpp
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QLineEdit, QSpinBox

from desktop.cli import main
from desktop.documents import next_print_number
from desktop.ui import registries
from desktop.ui.context import AppContext
from desktop.ui.printing import CaseDocumentJob, PreviewDialog, destination, print_document

pytestmark = pytest.mark.gui


def _docs_cases():
    """tests/docs/docs_cases.py, loaded by path (the gui folder must not depend on sys.path order)."""
    name = "kense_tests_docs_cases"
    if name not in sys.modules:
        path = Path(__file__).resolve().parents[1] / "docs" / "docs_cases.py"
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


def prints(register, reg_no):
    return [(e.actor, e.details) for e in register.history(reg_no) if e.action == "print"]


def pdf_text(data: bytes | Path) -> list[str]:
    doc = pypdfium2.PdfDocument(data if isinstance(data, bytes) else str(data))
    try:
        return [" ".join(page.get_textpage().get_text_range().split()) for page in doc]
    finally:
        doc.close()


def barcodes_per_page(path: Path) -> list[list[str]]:
    """The Code128 texts on each page of a printed (rasterised) PDF, read at 150 dpi."""
    doc = pypdfium2.PdfDocument(str(path))
    try:
        return [[r.text for r in zxingcpp.read_barcodes(page.render(scale=150 / 72, grayscale=True).to_pil(),
                                                         formats=zxingcpp.BarcodeFormat.Code128)] for page in doc]
    finally:
        doc.close()


def open_previews() -> list[PreviewDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, PreviewDialog) and w.isVisible()]


@pytest.fixture
def preview(qtbot, register, people):
    """The clerk's receipt of a new S5 case in a real preview opened by print_document (as F9 does), in Russian."""
    case = _docs_cases().new_case(register, people, "S5")
    ctx = AppContext(register=register, user=people["clerk"], lang="ru")
    dialog = print_document(ctx, "receipt", case.reg_no.lower())
    qtbot.waitExposed(dialog)
    yield dialog, ctx, case.reg_no
    if dialog in open_previews():
        dialog.close()


def print_through_the_dialog(qtbot, dialog: PreviewDialog, out: Path, copies: int = 1) -> None:
    """Press Print, fill the system print dialog (print to file, copies) and press its OK, as a person does."""
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    system = [w for w in dialog.findChildren(QPrintDialog, "previewPrintDialog") if w.isVisible()][-1]
    assert system.findChild(QLineEdit, "filename").text().endswith(dialog.file_name)   # a sensible default name
    system.findChild(QLineEdit, "filename").setText(str(out))
    system.findChild(QSpinBox, "copies").setValue(copies)
    system.accept()


def test_a_preview_opened_and_closed_logs_nothing(qtbot, preview, register):
    dialog, ctx, reg_no = preview
    assert open_previews() == [dialog] and reg_no in dialog.windowTitle()
    assert "печать № 1" in pdf_text(dialog.pdf)[0]                # the number its print will carry
    assert prints(register, reg_no) == []
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)                     # closed without printing
    qtbot.waitUntil(lambda: not open_previews())
    assert prints(register, reg_no) == []
    assert next_print_number(register, reg_no, "receipt") == 1    # the next print is still the first
    assert register.verify().ok


def test_printed_on_a_printer_records_where_and_how_many(qtbot, preview, register, tmp_path):
    dialog, ctx, reg_no = preview
    out = tmp_path / "printed.pdf"
    assert "печать № 1" in pdf_text(dialog.pdf)[0]                # the PDF the printer is given
    with qtbot.waitSignal(ctx.signals.cases_changed, timeout=5000) as changed:
        print_through_the_dialog(qtbot, dialog, out, copies=2)
    assert changed.args == [reg_no]
    assert [set(p) for p in barcodes_per_page(out)] == [{reg_no}] * 2   # two copies out of the (PDF) printer
    assert prints(register, reg_no) == [
        ("clerk", {"kind": "receipt", "copy": 1, "lang": "ru", "copies": 2, "file": "printed.pdf"})]
    # the preview now shows the next print's number; printing again from it is print No 2
    assert "печать № 2" in pdf_text(dialog.pdf)[0]
    again = tmp_path / "again.pdf"
    print_through_the_dialog(qtbot, dialog, again)
    assert [set(p) for p in barcodes_per_page(again)] == [{reg_no}]
    assert [d["copy"] for _, d in prints(register, reg_no)] == [1, 2]


def test_a_named_printer_is_recorded_by_its_name(qtbot, register, people):
    """Qt without CUPS (this machine) has no printer to name and refuses made-up names, so the printer's name is
    handed to the job as print_to() hands it after a print on a real printer."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName("/tmp/x/receipt.pdf")
    assert destination(printer) == {"file": "/tmp/x/receipt.pdf"}
    case = _docs_cases().new_case(register, people, "S1")
    job = CaseDocumentJob(AppContext(register=register, user=people["clerk"], lang="kk"), "receipt",
                          case.reg_no, "kk")
    job.record(copies=3, printer="Kense-HP-LaserJet")
    assert prints(register, case.reg_no) == [
        ("clerk", {"kind": "receipt", "copy": 1, "lang": "kk", "copies": 3, "printer": "Kense-HP-LaserJet"})]


def test_saved_as_pdf_records_the_file_name(qtbot, preview, register, tmp_path):
    dialog, ctx, reg_no = preview
    out = tmp_path / "K-receipt.pdf"
    save = dialog.ask_save()
    assert save.isVisible() and not prints(register, reg_no)      # the file dialog alone is not a print
    save.selectFile(str(out))
    save.accept()
    qtbot.waitUntil(out.exists)
    assert out.read_bytes().startswith(b"%PDF") and "печать № 1" in pdf_text(out)[0]
    assert prints(register, reg_no) == [
        ("clerk", {"kind": "receipt", "copy": 1, "lang": "ru", "copies": 1, "file": "K-receipt.pdf"})]
    cancelled = dialog.ask_save()                                 # a save dialog cancelled: nothing more
    cancelled.reject()
    assert len(prints(register, reg_no)) == 1


def test_a_save_that_fails_logs_nothing(qtbot, preview, register, tmp_path, shown_alerts):
    dialog, ctx, reg_no = preview
    save = dialog.ask_save()
    save.fileSelected.emit(str(tmp_path / "no such folder" / "r.pdf"))   # the folder went away meanwhile
    assert [a["kind"] for a in shown_alerts] == ["warn"] and "r.pdf" in shown_alerts[0]["text"]
    save.reject()
    assert prints(register, reg_no) == []


def test_the_cli_and_the_app_number_prints_the_same_way(qtbot, register, people, tmp_path, capsys):
    case = _docs_cases().new_case(register, people, "S1")
    db = str(register.path)
    assert main(["print", "receipt", case.reg_no, "--db", db, "-o", str(tmp_path / "cli-1.pdf")]) == 0
    ctx = AppContext(register=register, user=people["clerk"], lang="kk")
    dialog = print_document(ctx, "receipt", case.reg_no)
    assert "2-басылым" in pdf_text(dialog.pdf)[0]                  # after the CLI's print No 1
    dialog.close()                                                # not printed
    assert main(["print", "receipt", case.reg_no, "--db", db, "--copies", "2", "-o", str(tmp_path / "cli-2.pdf")]) == 0
    assert all("2-басылым" in page for page in pdf_text(tmp_path / "cli-2.pdf"))
    dialog = print_document(ctx, "receipt", case.reg_no)
    assert "3-басылым" in pdf_text(dialog.pdf)[0]
    dialog.save_pdf(tmp_path / "app-3.pdf")
    dialog.close()
    assert main(["print", "receipt", case.reg_no, "--db", db, "-o", str(tmp_path / "cli-4.pdf")]) == 0
    logged = prints(register, case.reg_no)
    assert [(d["copy"], d["copies"], d["file"]) for _, d in logged] == [
        (1, 1, "cli-1.pdf"), (2, 2, "cli-2.pdf"), (3, 1, "app-3.pdf"), (4, 1, "cli-4.pdf")]
    assert [a for a, _ in logged][2] == "clerk" and all(a.startswith("cli:") for a, _ in logged[:2])
    assert "4-басылым" in pdf_text(tmp_path / "cli-4.pdf")[0]
    assert "№4" in capsys.readouterr().out                          # the CLI says which print it made
    assert register.verify().ok


def test_a_preview_follows_a_print_made_elsewhere(qtbot, register, people, tmp_path):
    """Another workstation (here the CLI) printed while the preview was open: the paper gets the next number."""
    case = _docs_cases().new_case(register, people, "S1")
    ctx = AppContext(register=register, user=people["clerk"], lang="kk")
    dialog = print_document(ctx, "receipt", case.reg_no)
    assert "1-басылым" in pdf_text(dialog.pdf)[0]
    assert main(["print", "receipt", case.reg_no, "--db", str(register.path), "-o", str(tmp_path / "c.pdf")]) == 0
    dialog.save_pdf(tmp_path / "app.pdf")
    dialog.close()
    assert "2-басылым" in pdf_text(tmp_path / "app.pdf")[0]
    assert [d["copy"] for _, d in prints(register, case.reg_no)] == [1, 2]


def test_a_registry_is_logged_when_printed_not_when_previewed(qtbot, register, people, tmp_path):
    cases = _docs_cases()
    case = cases.new_case(register, people, "S7", channel="psc")
    collector = register.create_user(people["admin"], "coll3", "Тоқтаров Асқар", ["psc_collector"], "coll3-pw",
                                     psc_branch=cases.PSC_BRANCH)
    registry = register.packages.create_registry(collector, f"psc:{cases.PSC_BRANCH}", now=cases.T0)

    def registry_prints() -> list[str]:
        rows = register._all("SELECT details FROM events WHERE case_id IS NULL AND action='print'")
        return [json.loads(row[0]) for row in rows]

    ctx = AppContext(register=register, user=collector, lang="kk")
    dialog = registries.print_registry(ctx, registry.number)
    assert case.reg_no in " ".join(pdf_text(dialog.pdf))
    dialog.close()
    assert registry_prints() == []
    dialog = registries.print_registry(ctx, registry.number)
    out = tmp_path / "registry.pdf"
    pages = len(pdf_text(dialog.pdf))
    print_through_the_dialog(qtbot, dialog, out, copies=2)
    dialog.close()
    assert len(barcodes_per_page(out)) == 2 * pages
    assert registry_prints() == [{"kind": "registry", "lang": "kk", "copies": 2, "file": "registry.pdf",
                                  "registry": registry.number, "packages": 1}]


@pytest.mark.parametrize("lang, words", [
    ("kk", "дана саны: 2; басылым №: 1; құжат: Түбіртек; тілі: орысша; принтер: Kense-HP"),
    ("ru", "экземпляров: 2; печать №: 1; документ: Расписка; язык: русский; принтер: Kense-HP")])
def test_the_case_history_says_what_was_printed_in_the_interface_language(qtbot, register, people, lang, words):
    from desktop.ui.casecard_details import CaseDetails
    from desktop.ui.i18n import languages
    case = _docs_cases().new_case(register, people, "S1")
    job = CaseDocumentJob(AppContext(register=register, user=people["clerk"], lang="ru"), "receipt",
                          case.reg_no, "ru")
    job.record(copies=2, printer="Kense-HP")
    languages().apply(lang)
    [event] = [e for e in register.history(case.reg_no) if e.action == "print"]
    assert CaseDetails(register, lang).details_line(event.details) == words   # keys in the stored order
