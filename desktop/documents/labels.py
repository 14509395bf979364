"""Barcode labels for the document package: a 58×40 mm thermal label and A4 sheets of 70×37 mm labels.

Labels are drawn straight on a reportlab canvas (no Platypus): a sheet of a hundred labels is a hot path at a
PSC counter, and fixed geometry is all a label needs.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from io import BytesIO

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from .barcodes import code128_width, draw_code128
from .context import DocContext
from .errors import DocumentError
from .fonts import BOLD, REGULAR, register_fonts
from .templates import load_template

THERMAL = (58 * mm, 40 * mm)
PAD = 2.5 * mm


@dataclass(frozen=True)
class SheetLayout:
    """The A4 label stock, from the [sheet] table of resources/templates/label.toml (an office's own stock)."""
    columns: int = 3
    rows: int = 7
    width_mm: float = 63.5
    height_mm: float = 38.1
    left_mm: float = 7.2
    top_mm: float = 15.15
    pitch_x_mm: float = 66.04
    pitch_y_mm: float = 38.1

    @property
    def per_sheet(self) -> int:
        return self.columns * self.rows

    def slot(self, index: int) -> tuple[float, float]:
        """Lower-left corner (points) of the label at ``index`` on its page, filled row by row."""
        col, row = index % self.columns, index // self.columns
        x = (self.left_mm + col * self.pitch_x_mm) * mm
        y = A4[1] - (self.top_mm + row * self.pitch_y_mm + self.height_mm) * mm
        return x, y

    @classmethod
    def from_template(cls) -> SheetLayout:
        data, source = load_template("label")
        raw = data.get("sheet", {})
        try:
            layout = cls(**{k: type(getattr(cls, k))(v) for k, v in raw.items()})
        except (TypeError, ValueError) as exc:
            raise DocumentError("doc_template", file=source, detail=f"[sheet] {exc}") from None
        if layout.columns < 1 or layout.rows < 1 or layout.width_mm < 40 or layout.height_mm < 25:
            raise DocumentError("doc_template", file=source, detail="[sheet] labels must be at least 40 × 25 mm")
        return layout


@dataclass(frozen=True)
class LabelInfo:
    reg_no: str
    service: str
    date: str
    initials: str
    office: str

    @classmethod
    def of(cls, ctx: DocContext) -> LabelInfo:
        return cls(ctx.reg_no, ctx.service.code, ctx.short_date(ctx.case.registered_at),
                   ctx.case.applicant.initials, ctx.office_name)


def draw_label(c: Canvas, info: LabelInfo, x: float, y: float, width: float, height: float) -> None:
    """One label in the box (x, y, width, height): office, code and date, bars, number, initials."""
    top = y + height - PAD
    c.setFillColorRGB(0, 0, 0)
    c.setFont(REGULAR, 5.5)
    for line in simpleSplit(info.office, REGULAR, 5.5, width - 2 * PAD)[:2]:
        top -= 6.2
        c.drawString(x + PAD, top, line)
    top -= 10
    c.setFont(BOLD, 9)
    c.drawString(x + PAD, top, info.service)
    c.drawRightString(x + width - PAD, top, info.date)
    bottom = y + PAD
    c.setFont(REGULAR, 8)
    c.drawCentredString(x + width / 2, bottom + 1, info.initials)
    number_base = bottom + 11
    c.setFont(BOLD, 10)
    c.drawCentredString(x + width / 2, number_base, info.reg_no)
    bars_bottom = number_base + 10
    bars_height = min(14 * mm, top - 3 - bars_bottom)
    bar_w = code128_width(info.reg_no)
    draw_code128(c, info.reg_no, x + (width - bar_w) / 2, bars_bottom, height=bars_height)


def _canvas(buf: BytesIO, size: tuple[float, float], title: str, author: str) -> Canvas:
    register_fonts()
    c = Canvas(buf, pagesize=size, pageCompression=1, initialFontName=REGULAR, initialFontSize=8)
    c.setTitle(title)
    c.setAuthor(author)
    c.setCreator("Kense")
    return c


def label(ctx: DocContext, copies: int = 1) -> bytes:
    """Thermal labels, one per page (the printer's page is the 58×40 mm label)."""
    info = LabelInfo.of(ctx)
    buf = BytesIO()
    c = _canvas(buf, THERMAL, ctx.words.plain("title"), ctx.office_name)
    for _ in range(copies):
        draw_label(c, info, 0, 0, *THERMAL)
        c.showPage()
    c.save()
    return buf.getvalue()


def sheet(infos: Iterable[LabelInfo], title: str, author: str, layout: SheetLayout | None = None) -> bytes:
    """A4 sheets of labels, filled row by row, as many pages as needed."""
    layout = layout or SheetLayout.from_template()
    buf = BytesIO()
    c = _canvas(buf, A4, title, author)
    size = (layout.width_mm * mm, layout.height_mm * mm)
    n = 0
    for n, info in enumerate(infos, 1):
        slot = (n - 1) % layout.per_sheet
        if slot == 0 and n > 1:
            c.showPage()
        draw_label(c, info, *layout.slot(slot), *size)
    if n:
        c.showPage()
    c.save()
    return buf.getvalue()


def label_sheet(ctx: DocContext, copies: int | None = None) -> bytes:
    """One case's labels: a full sheet by default, or exactly ``copies`` labels."""
    layout = SheetLayout.from_template()
    count = layout.per_sheet if copies is None else copies
    return sheet([LabelInfo.of(ctx)] * count, ctx.words.plain("sheet_title"), ctx.office_name, layout)
