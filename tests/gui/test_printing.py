"""Printing through Qt, offscreen: QPrinter into a PDF file, and the preview dialog."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pypdfium2
import pytest
import zxingcpp
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from desktop.documents import DocumentError, render
from desktop.ui.context import AppContext
from desktop.ui.printing import PreviewDialog, print_document, print_to_file

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


def _pdf_facts(path: Path) -> tuple[int, tuple[float, float], list[str]]:
    """Pages, first page size in mm, and the Code128 texts found on page 1 rasterised at 200 dpi."""
    doc = pypdfium2.PdfDocument(str(path))
    try:
        w, h = doc[0].get_size()
        image = doc[0].render(scale=200 / 72, grayscale=True, fill_color=(255, 255, 255, 255)).to_pil()
        found = [r.text for r in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.Code128)]
        return len(doc), (round(w / 72 * 25.4), round(h / 72 * 25.4)), found
    finally:
        doc.close()


def _history_prints(register, reg_no):
    return [(e.actor, e.details) for e in register.history(reg_no) if e.action == "print"]


def test_print_to_pdf_file_through_qprinter(qtbot, register, people, tmp_path):
    case = _docs_cases().signed_case(register, people, "S6")
    pdf = render("certificate", register, case.reg_no, "kk", copies=2, log=False)
    out = tmp_path / "printed.pdf"
    assert print_to_file(pdf, out) == 2
    pages, size, found = _pdf_facts(out)
    assert pages == 2 and size == (210, 297)
    assert found == [case.reg_no]


def test_thermal_label_prints_on_a_58_by_40_mm_page(qtbot, register, people, tmp_path):
    case = _docs_cases().new_case(register, people, "S7")
    out = tmp_path / "label.pdf"
    assert print_to_file(render("label", register, case.reg_no, log=False), out, dpi=203) == 1
    pages, size, found = _pdf_facts(out)
    assert pages == 1 and size == (58, 40)
    assert found == [case.reg_no]


def test_preview_shows_every_page_on_white_and_prints(qtbot, register, people, tmp_path):
    case = _docs_cases().new_case(register, people, "S1")
    pdf = render("receipt", register, case.reg_no, "ru", copies=3, log=False)
    dialog = PreviewDialog(pdf, title="preview", file_name="r.pdf")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.page_count == 3
    for label in dialog.page_labels:
        image = label.pixmap().toImage()
        assert image.width() > 700 and image.height() > image.width()      # A4 portrait, readable size
        assert image.pixelColor(2, 2).name() == "#ffffff"                  # white paper, not transparent
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "from-dialog.pdf"))
    printer.setResolution(200)
    assert dialog.print_to(printer) == 3
    assert _pdf_facts(tmp_path / "from-dialog.pdf")[0] == 3
    dialog.save_pdf(tmp_path / "saved.pdf")
    assert (tmp_path / "saved.pdf").read_bytes() == pdf
    system_dialog = dialog.ask_print()                  # non-modal: the test goes on while it is open
    assert system_dialog.isVisible() and dialog.printer is not None
    system_dialog.reject()
    save_dialog = dialog.ask_save()
    assert save_dialog.isVisible()
    save_dialog.reject()


def test_print_document_refuses_a_kind_that_does_not_fit(qtbot, register, people):
    case = _docs_cases().new_case(register, people, "S6")
    ctx = AppContext(register=register, user=people["clerk"], lang="kk")
    with pytest.raises(DocumentError):
        print_document(ctx, "certificate", case.reg_no)
    assert not any(isinstance(w, PreviewDialog) and w.isVisible() for w in QApplication.topLevelWidgets())
    assert _history_prints(register, case.reg_no) == []
