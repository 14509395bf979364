"""Print preview and printing of Kense documents (PDF bytes from desktop.documents).

The PDF is the single source of truth: the preview shows its pages rasterised by pypdfium2, and printing
rasterises each page at the printer's resolution and paints it on a QPrinter whose page is the PDF's own page
(A4, or the 58×40 mm thermal label, full page, no margins) — so what was previewed is what comes out, on a
laser printer, a thermal label printer or "print to PDF". Dialogs are non-modal.

Opening a preview is not printing. The preview's ``PrintJob`` records what really happened, by the print log's
one rule (desktop/documents/printlog.py, shared with ``kense print``): printed on a printer (its name, copies),
written as a PDF file (its name), or nothing when the preview is closed. A case document is shown with the number
its next print carries, and after a print the preview shows the following number.

    print_document(ctx, kind, reg_no, parent=None)   render in ctx.lang and open the preview (logs on print/save)
    PreviewDialog.preview(pdf_or_job, title=..., file_name=..., parent=None) -> PreviewDialog
    CaseDocumentJob(ctx, kind, reg_no, lang)          a case's document and its print log
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

from ..core.errors import KenseError
from ..documents import DocumentError
from . import alerts
from .context import AppContext
from .screens import fit_to_screen

MAX_PRINT_DPI = 600        # a 1200 dpi "printer" (Qt's HighResolution PDF writer) would need 140 MB per page
PREVIEW_WIDTH_PX = 820     # an A4 page is shown about 100 dpi wide; a label is enlarged up to 4×
PREVIEW_HEIGHT_PX = 900    # wanted; on a smaller screen (1366×768) the preview takes what the screen has
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
    """Rasterise every page at the printer's resolution and paint it over the full page; returns the pages sent.

    A printer that cannot make copies itself (a PDF file, a printer without CUPS) gets the document
    ``copyCount()`` times, so the copies asked for in the print dialog are the copies made."""
    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    repeats = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
    doc = pypdfium2.PdfDocument(pdf)
    painter = QPainter()
    try:
        if not painter.begin(printer):
            raise DocumentError("doc_printer", printer=printer.printerName() or printer.outputFileName())
        target = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
        pages = len(doc)
        kept: dict[int, QImage] = {}  # rasterised once when the document is repeated (a 600 dpi A4 is 35 MB)
        for n in range(repeats * pages):
            if n:
                printer.newPage()
            index = n % pages
            image = kept.get(index)
            if image is None:
                image = page_image(doc[index], dpi, grayscale=True)
                if repeats > 1:
                    kept[index] = image
            painter.drawImage(target, image)
        painter.end()
        return repeats * pages
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


# ---------------------------------------------------------------- what a print records


def destination(printer: QPrinter) -> dict[str, str]:
    """Where a QPrinter's output went, for the print log: the printer's name, or the PDF file's name."""
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        return {"file": printer.outputFileName()}
    return {"printer": printer.printerName() or "?"}


class PrintJob:
    """A previewed PDF and what its print records. This base records nothing (a preview of bytes, e.g. in tests)."""

    def __init__(self, pdf: bytes) -> None:
        self._pdf = pdf

    @property
    def pdf(self) -> bytes:
        return self._pdf

    def refresh(self) -> bool:
        """Bring the PDF up to date before a print (its print number); True when it changed."""
        return False

    def record(self, *, copies: int = 1, printer: str | None = None, file: str | None = None) -> None:
        """The PDF went to ``printer`` (``copies`` times) or was written to ``file``."""


class CaseDocumentJob(PrintJob):
    """One case's document in the interface language, numbered by the print log's rule and logged when it leaves."""

    def __init__(self, ctx: AppContext, kind: str, reg_no: str, lang: str) -> None:
        from ..documents import prepare
        self.ctx, self.kind, self.lang = ctx, kind, lang
        self.rendered = prepare(kind, ctx.register, reg_no, lang)
        self.reg_no = self.rendered.reg_no
        super().__init__(self.rendered.pdf)

    @property
    def pdf(self) -> bytes:
        return self.rendered.pdf

    def refresh(self) -> bool:
        """Render again when the next print's number is no longer the one on the paper (this preview or another
        workstation printed it meanwhile)."""
        from ..documents import next_print_number, prepare
        if next_print_number(self.ctx.register, self.reg_no, self.kind) == self.rendered.copy_no:
            return False
        self.rendered = prepare(self.kind, self.ctx.register, self.reg_no, self.lang)
        return True

    def record(self, *, copies: int = 1, printer: str | None = None, file: str | None = None) -> None:
        from ..documents import log_print
        log_print(self.ctx.register, self.ctx.user, self.reg_no,
                  self.rendered.details(printer_copies=copies, printer=printer, file=file))
        self.ctx.signals.cases_changed.emit(self.reg_no)


# ---------------------------------------------------------------- the preview


class PreviewDialog(QDialog):
    """Scrollable pages on a grey desk, with Print, Save PDF and Close; sized to fit the screen it opens on."""

    def __init__(self, pdf: bytes | PrintJob, *, title: str = "", file_name: str = "document.pdf",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printPreview")
        self.setWindowTitle(title or self.tr("Print preview"))
        self.job = pdf if isinstance(pdf, PrintJob) else PrintJob(pdf)
        self.file_name = file_name
        self.printer: QPrinter | None = None
        self.page_labels: list[QLabel] = []
        self._build()
        fit_to_screen(self, PREVIEW_WIDTH_PX + 80, PREVIEW_HEIGHT_PX)

    @property
    def pdf(self) -> bytes:
        return self.job.pdf

    def _build(self) -> None:
        self.pages = QWidget()
        self.pages.setObjectName("previewPages")
        self.pages.setStyleSheet("#previewPages { background: #7f7f7f; }")
        self.column = QVBoxLayout(self.pages)
        self.column.setSpacing(12)
        self.column.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self._show_pages()
        scroll = QScrollArea()
        scroll.setObjectName("previewScroll")
        scroll.setWidget(self.pages)
        scroll.setWidgetResizable(True)
        buttons = QDialogButtonBox()
        buttons.setObjectName("previewButtons")
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

    def _show_pages(self) -> None:
        for label in self.page_labels:
            self.column.removeWidget(label)
            label.deleteLater()
        self.page_labels = []
        for image in self.render_pages():
            label = QLabel()
            label.setObjectName("previewPage")
            label.setPixmap(QPixmap.fromImage(image))
            label.setStyleSheet("background: white;")
            self.column.addWidget(label)
            self.page_labels.append(label)

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

    def _up_to_date(self) -> None:
        """The paper shows the number this print will carry (the preview follows when it changed)."""
        if self.job.refresh():
            self._show_pages()

    # ------------------------------------------------------------ actions

    def ask_print(self) -> QPrintDialog:
        """The system print dialog, opened non-modally; printing starts when it is accepted."""
        self._up_to_date()
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare_printer(self.printer, self.pdf)
        if self.printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:  # no printer here: a PDF file it is
            self.printer.setOutputFileName(str(Path.home() / self.file_name))
        dialog = QPrintDialog(self.printer, self)
        dialog.setObjectName("previewPrintDialog")
        dialog.accepted.connect(lambda: self._output(lambda: self.print_to(self.printer)))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()
        return dialog

    def print_to(self, printer: QPrinter) -> int:
        """Print on ``printer`` and record it (its name and copies, or the PDF file's name); returns the pages sent.
        Nothing is recorded when printing could not start."""
        self._up_to_date()
        pages = paint_pdf(printer, self.pdf)
        self.job.record(copies=max(1, printer.copyCount()), **destination(printer))
        self._up_to_date()
        return pages

    def ask_save(self) -> QFileDialog:
        dialog = QFileDialog(self, self.tr("Save PDF"), str(Path.home() / self.file_name), "PDF (*.pdf)")
        dialog.setObjectName("previewSaveDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        dialog.fileSelected.connect(lambda path: self._output(lambda: self.save_pdf(path)))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()
        return dialog

    def save_pdf(self, path: str | Path) -> None:
        """Write the PDF and record it by its file name; nothing is recorded when the file could not be written."""
        from ..documents.api import write_pdf
        self._up_to_date()
        write_pdf(self.pdf, Path(path))
        self.job.record(file=str(path))
        self._up_to_date()

    def _output(self, action) -> None:
        """A print or a save asked for in a dialog: a refusal (printer off, folder not writable) is a calm message."""
        try:
            action()
        except KenseError as exc:
            alerts.refusal(self, exc, self.windowTitle())

    @classmethod
    def preview(cls, pdf: bytes | PrintJob, *, title: str = "", file_name: str = "document.pdf",
                parent: QWidget | None = None) -> PreviewDialog:
        """Show the preview non-modally and keep it alive until it is closed; returns it (tests drive it)."""
        dialog = cls(pdf, title=title, file_name=file_name, parent=parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        _open_dialogs.add(dialog)
        dialog.finished.connect(lambda _result: _open_dialogs.discard(dialog))
        dialog.show()
        return dialog


def print_document(ctx: AppContext, kind: str, reg_no: str, parent: QWidget | None = None) -> PreviewDialog:
    """Render the document in the interface language and open the preview; the print is recorded (who, kind,
    print number, printer and copies or file) only when it is printed or saved.

    Raises DocumentError (or another KenseError) when the kind does not fit the case: the caller shows it
    through desktop.ui.alerts."""
    from ..documents.errors import KIND_TITLES
    lang = ctx.lang if ctx.lang in ("kk", "ru") else "kk"
    job = CaseDocumentJob(ctx, kind, reg_no, lang)
    title = f"{KIND_TITLES.get(kind, {}).get(lang, kind)} — {job.reg_no}"
    return PreviewDialog.preview(job, title=title, file_name=f"{job.reg_no}-{kind}.pdf", parent=parent)
