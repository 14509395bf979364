"""Shared page furniture: paragraph styles, the page frame with footer and barcode, letterhead, blanks, signatures.

Every A4 document is a Platypus story laid into one frame; the ``onPage`` hook paints the footer (office,
registration number, print number, page) and, unless the story carries its own barcodes, the Code128 of the
registration number in the bottom-right corner of every page, so any page of a multi-page paper can be scanned.
"""
from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, HRFlowable, PageBreak, PageTemplate, Paragraph, \
    Spacer, Table, TableStyle

from .barcodes import BarcodeFlowable, code128_width, draw_code128
from .context import DocContext
from .fonts import BOLD, REGULAR, register_fonts

MARGIN = 20 * mm
BARCODE_HEIGHT = 10 * mm
GREY = colors.Color(0.35, 0.35, 0.35)


@lru_cache(maxsize=1)
def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    # Left-aligned, never justified: a receipt's line that ends before a long unbreakable word (a registration
    # number in bold, a long Kazakh word) would otherwise be stretched into wide gaps ("«25»   қараша   сағат").
    base = ParagraphStyle("body", fontName=REGULAR, fontSize=11, leading=15, alignment=TA_LEFT)
    return {
        "body": base,
        "left": ParagraphStyle("left", base, alignment=TA_LEFT),
        "indent": ParagraphStyle("indent", base, firstLineIndent=10 * mm),
        "right": ParagraphStyle("right", base, alignment=TA_RIGHT),
        "center": ParagraphStyle("center", base, alignment=TA_CENTER),
        "small": ParagraphStyle("small", base, fontSize=9, leading=11.5, alignment=TA_LEFT),
        "caption": ParagraphStyle("caption", base, fontSize=7, leading=8.5, alignment=TA_CENTER,
                                  textColor=GREY),
        "title": ParagraphStyle("title", base, fontName=BOLD, fontSize=15, leading=19, alignment=TA_CENTER,
                                spaceBefore=4, spaceAfter=6),
        "subtitle": ParagraphStyle("subtitle", base, fontSize=10, leading=13, alignment=TA_CENTER),
        "head": ParagraphStyle("head", base, fontName=BOLD, fontSize=11.5, leading=14.5, alignment=TA_CENTER),
        "cell": ParagraphStyle("cell", base, fontSize=10, leading=13, alignment=TA_LEFT),
        "cellbold": ParagraphStyle("cellbold", base, fontName=BOLD, fontSize=10, leading=13, alignment=TA_LEFT),
    }


def esc(text: object) -> str:
    """Data put straight into Paragraph markup (names, addresses) must not be read as markup."""
    return escape(str(text))


def P(text: str, style: str = "body") -> Paragraph:
    return Paragraph(text, styles()[style])


# ---------------------------------------------------------------- the page


def _decorate(ctx: DocContext, page_barcode: bool, canvas: Canvas, doc: BaseDocTemplate) -> None:
    width, _ = doc.pagesize
    canvas.saveState()
    if page_barcode:
        bar_w = code128_width(ctx.reg_no)
        x = width - MARGIN - bar_w
        draw_code128(canvas, ctx.reg_no, x, 17 * mm, height=BARCODE_HEIGHT)
        canvas.setFont(BOLD, 8)
        canvas.drawCentredString(x + bar_w / 2, 13.5 * mm, ctx.reg_no)
    canvas.setFont(REGULAR, 7)
    canvas.setFillColor(GREY)
    canvas.setStrokeColor(GREY)
    canvas.setLineWidth(0.3)
    canvas.line(MARGIN, 11 * mm, width - MARGIN, 11 * mm)
    footer = ctx.common.plain("footer", office=ctx.office_name, reg_no=ctx.reg_no, copy=ctx.copy_no,
                              printed=ctx.printed_at.strftime("%d.%m.%Y %H:%M"), page=doc.page)
    available = width - 2 * MARGIN
    size = max(4.5, min(7.0, 7.0 * available / max(1.0, canvas.stringWidth(footer, REGULAR, 7))))
    canvas.setFont(REGULAR, size)
    canvas.drawString(MARGIN, 7.5 * mm, footer)
    canvas.restoreState()


def build_pdf(ctx: DocContext, story: Callable[[], list[Flowable]], *, copies: int = 1,
              page_barcode: bool = True, pagesize: tuple[float, float] = A4) -> bytes:
    """Lay ``copies`` fresh copies of the story out on A4 pages; returns the PDF bytes."""
    register_fonts()
    buf = BytesIO()
    bottom = 32 * mm if page_barcode else 15 * mm
    doc = BaseDocTemplate(buf, pagesize=pagesize, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=15 * mm,
                          bottomMargin=bottom, title=ctx.words.plain("title", default=ctx.kind),
                          author=ctx.office_name, subject=f"{ctx.reg_no} · {ctx.service.code}",
                          creator="Kense", lang=ctx.lang,
                          # else every page starts by selecting Helvetica (no Cyrillic, never embedded)
                          initialFontName=REGULAR, initialFontSize=11)
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body", leftPadding=0,
                  rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates(PageTemplate("page", [frame], onPage=lambda c, d: _decorate(ctx, page_barcode, c, d)))
    flowables: list[Flowable] = []
    for i in range(copies):
        if i:
            flowables.append(PageBreak())
        flowables.extend(story())
    doc.build(flowables)
    return buf.getvalue()


# ---------------------------------------------------------------- building blocks


def letterhead(ctx: DocContext) -> list[Flowable]:
    """The department's letterhead: name, address, contacts, a double rule (F5 'Мекеме хаттарының бланкі')."""
    out: list[Flowable] = [P(ctx.words.text("state_body", default="{office}", office=ctx.office_name), "head"),
                           Spacer(1, 1.5 * mm),
                           P(ctx.common.text("address_line", address=ctx.office_address,
                                             contacts=ctx.office_contacts), "subtitle"),
                           Spacer(1, 1.5 * mm)]
    out.append(HRFlowable(width="100%", thickness=1.2, color=colors.black, spaceBefore=1, spaceAfter=1))
    out.append(HRFlowable(width="100%", thickness=0.4, color=colors.black, spaceBefore=0, spaceAfter=6))
    return out


def table(data: list[list], widths: list[float] | None, commands: list[tuple], **kwargs) -> Table:
    """A Table whose own text font is ours too (its default, Helvetica, has no Cyrillic and is not embedded)."""
    t = Table(data, colWidths=widths, **kwargs)
    t.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR), *commands]))
    return t


_FLUSH = [("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]


def row(cells: list, widths: list[float], valign: str = "TOP") -> Table:
    """Cells side by side without borders or side padding."""
    return table([cells], widths, [("VALIGN", (0, 0), (-1, -1), valign), *_FLUSH])


def blank(value: str, caption: str, width: float | None = None) -> Table:
    """A filled-in form blank: the value on an underline, the form's caption in small print beneath."""
    return table([[P(value or "&nbsp;", "center")], [P(caption, "caption")]], [width] if width else None,
                 [("LINEBELOW", (0, 0), (0, 0), 0.5, colors.black), *_FLUSH,
                  ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)])


def signature(ctx: DocContext, role: str, name: str, width: float) -> Table:
    """Role — signature line with '(қолы)' — name, on one row."""
    cells = [[P(role, "left"), blank("", ctx.common.text("signature_caption"), 40 * mm), P(name, "right")]]
    return row(cells[0], [width * 0.38, width * 0.27, width * 0.35], "BOTTOM")


def grid(rows: list[list[Flowable | str]], widths: list[float], header: bool = False) -> Table:
    style = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP"),
             ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4)]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.92, 0.92)))
    return table(rows, widths, style, repeatRows=1 if header else 0)


class CutLine(Flowable):
    """A dashed line across the frame with the form's 'Кесу сызығы' (cut line) caption and scissors."""

    def __init__(self, caption: str, space: float = 5 * mm) -> None:
        super().__init__()
        self.caption, self.space = caption, space

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, 2 * self.space

    def draw(self) -> None:
        c, y = self.canv, self.space
        c.saveState()
        c.setDash(3, 2)
        c.setLineWidth(0.6)
        c.line(0, y, self.width, y)
        c.setDash()
        label = f"\u2702 {self.caption}"
        c.setFont(REGULAR, 8)
        text_w = c.stringWidth(label, REGULAR, 8)
        c.setFillColor(colors.white)
        c.rect(self.width / 2 - text_w / 2 - 2 * mm, y - 2 * mm, text_w + 4 * mm, 4 * mm, stroke=0, fill=1)
        c.setFillColor(colors.black)
        c.drawCentredString(self.width / 2, y - 1 * mm, label)
        c.restoreState()


class TitleWithBarcode(Flowable):
    """A title block on the left, the Code128 of the registration number on the right, vertically centred.

    A one-row Table would do the same, but lays its cell out twice; this is on the hot path of every receipt."""

    def __init__(self, reg_no: str, title: list[Flowable], gap: float = 4 * mm) -> None:
        super().__init__()
        self.bar = BarcodeFlowable(reg_no, height=BARCODE_HEIGHT)
        self.title, self.gap = title, gap

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        bar_w, self.bar_h = self.bar.wrap(available_width, available_height)
        text_w = available_width - bar_w - self.gap
        self.sizes = [f.wrap(text_w, available_height) for f in self.title]
        self.text_h = sum(h for _, h in self.sizes)
        self.width, self.height = available_width, max(self.text_h, self.bar_h)
        return self.width, self.height

    def draw(self) -> None:
        y = self.height - (self.height - self.text_h) / 2
        for flowable, (_, h) in zip(self.title, self.sizes):
            y -= h
            flowable.drawOn(self.canv, 0, y)
        self.bar.drawOn(self.canv, self.width - self.bar.bar_width, (self.height - self.bar_h) / 2)


def title_with_barcode(ctx: DocContext, title_flowables: list[Flowable], width: float) -> Flowable:
    """A title block on the left and the Code128 of the registration number on the right (in-story barcode)."""
    return TitleWithBarcode(ctx.reg_no, title_flowables)


FRAME_WIDTH = A4[0] - 2 * MARGIN
