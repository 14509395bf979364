"""Print preview and printing of Kense documents (PDF bytes from desktop.documents).

The PDF is the single source of truth: the preview shows its pages rasterised by pypdfium2, and printing
rasterises each page at the printer's resolution and paints it on a QPrinter whose page is the PDF's own page
(A4, or the 58×40 mm thermal label, full page, no margins) — so what was previewed is what comes out, on a
laser printer, a thermal label printer or "print to PDF". Dialogs are non-modal; no message boxes here.

    print_document(ctx, kind, reg_no, parent=None)   render in ctx.lang, log the print, open the preview
    PreviewDialog.preview(pdf, title=..., file_name=..., parent=None) -> PreviewDialog
    print_to_file(pdf_bytes, path)                    through QPrinter's PdfFormat (tests, "save as printed")
"""
from __future__ import annotations

from pathlib import Path

import pypdfium2
from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QImage, QKeySequence, QPageLayout, QPageSize, QPainter, QPixmap, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QLabel, QPushButton, QScrollArea, \
    QVBoxLayout, QWidget

from ..documents import DocumentError
from .context import AppContext

MAX_PRINT_DPI = 600        # a 1200 dpi "printer" (Qt's HighResolution PDF writer) would need 140 MB per page
PREVIEW_WIDTH_PX = 820     # an A4 page is shown about 100 dpi wide; a label is enlarged up to 4×
_open_dialogs: set[PreviewDialog] = set()


# ---------------------------------------------------------------- rasterising


def page_image(page: pypdfium2.PdfPage, dpi: float, *, grayscale: bool = False) -> QImage:
    """One PDF page as a QImage on white (pdfium's own rendering; the copy detaches it from pdfium's buffer)."""
    bitmap = page.render(scale=dpi / 72, fill_color=(255, 255, 255, 255), grayscale=grayscale,
                         rev_byteorder=not grayscale)
    fmt = QImage.Format.Format_Grayscale8 if grayscale else QImage.Format.Format_RGB888
    data = bytes(bitmap.buffer)
    image = QImage(data, bitmap.width, bitmap.height, bitmap.stride, fmt).copy()
    bitmap.close()
    return image


def page_size(pdf: bytes) -> QPageSize:
    """The first page's size as a QPageSize in millimetres (A4 when it is A4, so drivers pick the right tray)."""
    doc = pypdfium2.PdfDocument(pdf)
    try:
        width_pt, height_pt = doc[0].get_size()
    finally:
        doc.close()
    size = QSizeF(width_pt / 72 * 25.4, height_pt / 72 * 25.4)
    a4 = QPageSize(QPageSize.PageSizeId.A4).size(QPageSize.Unit.Millimeter)
    if abs(size.width() - a4.width()) < 1 and abs(size.height() - a4.height()) < 1:
        return QPageSize(QPageSize.PageSizeId.A4)
    return QPageSize(size, QPageSize.Unit.Millimeter, "Kense", QPageSize.SizeMatchPolicy.ExactMatch)


def prepare_printer(printer: QPrinter, pdf: bytes) -> None:
    """Set the printer's page to the document's page: full page, no margins, portrait as drawn."""
    size = page_size(pdf)
    mm_size = size.size(QPageSize.Unit.Millimeter)
    orientation = (QPageLayout.Orientation.Landscape if mm_size.width() > mm_size.height()
                   else QPageLayout.Orientation.Portrait)
    if orientation == QPageLayout.Orientation.Landscape:
        # QPageSize keeps sizes portrait-wise; a 58×40 mm label is a 40×58 mm page turned landscape
        size = QPageSize(QSizeF(mm_size.height(), mm_size.width()), QPageSize.Unit.Millimeter, "Kense label",
                         QPageSize.SizeMatchPolicy.ExactMatch)
    printer.setFullPage(True)
    printer.setPageLayout(QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter))


def paint_pdf(printer: QPrinter, pdf: bytes) -> int:
    """Rasterise every page at the printer's resolution and paint it over the full page; returns the page count."""
    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    doc = pypdfium2.PdfDocument(pdf)
    painter = QPainter()
    try:
        if not painter.begin(printer):
            raise DocumentError("doc_printer", printer=printer.printerName() or printer.outputFileName())
        target = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
        for index in range(len(doc)):
            if index:
                printer.newPage()
            painter.drawImage(target, page_image(doc[index], dpi, grayscale=True))
        painter.end()
        return len(doc)
    finally:
        if painter.isActive():
            painter.end()
        doc.close()


def print_to_file(pdf_bytes: bytes, path: Path | str, dpi: int = 300) -> int:
    """Print through QPrinter into a PDF file (what a "Microsoft Print to PDF" queue would get)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(dpi)
    prepare_printer(printer, pdf_bytes)
    return paint_pdf(printer, pdf_bytes)


# ---------------------------------------------------------------- the preview


class PreviewDialog(QDialog):
    """Scrollable pages on a grey desk, with Print, Save PDF and Close."""

    def __init__(self, pdf: bytes, *, title: str = "", file_name: str = "document.pdf",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printPreview")
        self.setWindowTitle(title or self.tr("Print preview"))
        self.pdf, self.file_name = pdf, file_name
        self.printer: QPrinter | None = None
        self.page_labels: list[QLabel] = []
        self._build()
        self.resize(PREVIEW_WIDTH_PX + 80, 900)

    def _build(self) -> None:
        pages = QWidget()
        pages.setObjectName("previewPages")
        pages.setStyleSheet("#previewPages { background: #7f7f7f; }")
        column = QVBoxLayout(pages)
        column.setSpacing(12)
        column.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        for image in self.render_pages():
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setStyleSheet("background: white;")
            column.addWidget(label)
            self.page_labels.append(label)
        scroll = QScrollArea()
        scroll.setObjectName("previewScroll")
        scroll.setWidget(pages)
        scroll.setWidgetResizable(True)
        buttons = QDialogButtonBox()
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.setObjectName("previewPrint")
        self.save_button = QPushButton(self.tr("&Save PDF…"))
        self.save_button.setObjectName("previewSave")
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("previewClose")
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self.ask_print)
        self.save_button.clicked.connect(self.ask_save)
        QShortcut(QKeySequence.StandardKey.Print, self, self.ask_print)
        QShortcut(QKeySequence.StandardKey.Save, self, self.ask_save)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(buttons)
        self.print_button.setDefault(True)

    def render_pages(self) -> list[QImage]:
        doc = pypdfium2.PdfDocument(self.pdf)
        try:
            width_pt = doc[0].get_size()[0]
            dpi = min(4 * 72, PREVIEW_WIDTH_PX / width_pt * 72)
            return [page_image(page, dpi) for page in doc]
        finally:
            doc.close()

    @property
    def page_count(self) -> int:
        return len(self.page_labels)

    # ------------------------------------------------------------ actions

    def ask_print(self) -> QPrintDialog:
        """The system print dialog, opened non-modally; printing starts when it is accepted."""
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare_printer(self.printer, self.pdf)
        dialog = QPrintDialog(self.printer, self)
        dialog.setObjectName("previewPrintDialog")
        dialog.accepted.connect(lambda: self.print_to(self.printer))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()
        return dialog

    def print_to(self, printer: QPrinter) -> int:
        return paint_pdf(printer, self.pdf)

    def ask_save(self) -> QFileDialog:
        dialog = QFileDialog(self, self.tr("Save PDF"), str(Path.home() / self.file_name), "PDF (*.pdf)")
        dialog.setObjectName("previewSaveDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        dialog.fileSelected.connect(self.save_pdf)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()
        return dialog

    def save_pdf(self, path: str | Path) -> None:
        from ..documents.api import write_pdf
        write_pdf(self.pdf, Path(path))

    @classmethod
    def preview(cls, pdf: bytes, *, title: str = "", file_name: str = "document.pdf",
                parent: QWidget | None = None) -> PreviewDialog:
        """Show the preview non-modally and keep it alive until it is closed; returns it (tests drive it)."""
        dialog = cls(pdf, title=title, file_name=file_name, parent=parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        _open_dialogs.add(dialog)
        dialog.finished.connect(lambda _result: _open_dialogs.discard(dialog))
        dialog.show()
        return dialog


def print_document(ctx: AppContext, kind: str, reg_no: str, parent: QWidget | None = None) -> None:
    """Render the document in the interface language, record the print (who, kind, copy), open the preview.

    Raises DocumentError (or another KenseError) when the kind does not fit the case: the caller shows it
    through desktop.ui.alerts."""
    from ..documents import render
    from ..documents.errors import KIND_TITLES
    lang = ctx.lang if ctx.lang in ("kk", "ru") else "kk"
    pdf = render(kind, ctx.register, reg_no, lang, actor=ctx.user)
    reg_no = reg_no.strip().upper()
    title = f"{KIND_TITLES.get(kind, {}).get(lang, kind)} — {reg_no}"
    PreviewDialog.preview(pdf, title=title, file_name=f"{reg_no}-{kind}.pdf", parent=parent)
    ctx.signals.cases_changed.emit(reg_no)
