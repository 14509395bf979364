"""Code128 barcodes: python-barcode does the encoding, reportlab paints the bars as vectors.

Vector bars stay sharp on any printer (a 203 dpi thermal printer as well as a 600 dpi laser), unlike a PNG.
python-barcode's ``BaseWriter`` is the extension point: it walks the module string and calls ``paint_module``
for every run of bars, which we turn into filled rectangles on the canvas.
"""
from __future__ import annotations

from functools import lru_cache

import barcode
from barcode.errors import BarcodeError
from barcode.writer import BaseWriter
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from .errors import DocumentError
from .fonts import BOLD, register_fonts

MODULE_MM = 0.33       # narrow bar: 2.6 dots at 203 dpi, 2 px at 150 dpi — still decodes
QUIET_MODULES = 10     # Code128 wants at least 10 modules of white on each side


class ReportlabWriter(BaseWriter):
    """Paints python-barcode's modules as rectangles on a reportlab canvas (units: mm, origin top-left)."""

    def __init__(self, canvas: Canvas, x: float, y_top: float) -> None:
        super().__init__(None, self._paint_module, None, lambda: None)
        self.canvas, self.x0, self.y_top = canvas, x, y_top

    def calculate_size(self, modules_per_line: int, number_of_lines: int) -> tuple[float, float]:
        return 2 * self.quiet_zone + modules_per_line * self.module_width, self.module_height

    def _paint_module(self, xpos: float, ypos: float, width: float, color: str) -> None:
        if color != self.foreground:
            return
        self.canvas.rect(self.x0 + xpos * mm, self.y_top - (ypos + self.module_height) * mm,
                         width * mm, self.module_height * mm, stroke=0, fill=1)


@lru_cache(maxsize=256)
def code128_modules(value: str) -> str:
    """The bar pattern ('1' = bar, '0' = space) of ``value``; the content must be printable ASCII."""
    if not value or not value.isascii() or not value.isprintable():
        raise DocumentError("doc_bad_barcode", value=value)
    try:
        return barcode.get("code128", value).build()[0]
    except BarcodeError:
        raise DocumentError("doc_bad_barcode", value=value) from None


def code128_width(value: str, module_mm: float = MODULE_MM) -> float:
    """Width in points including both quiet zones."""
    return (len(code128_modules(value)) + 2 * QUIET_MODULES) * module_mm * mm


def draw_code128(canvas: Canvas, value: str, x: float, y: float, *, height: float,
                 module_mm: float = MODULE_MM) -> float:
    """Draw the bars with their lower-left corner (quiet zone included) at x, y; returns the width in points.

    The bars are painted once per PDF into a form XObject and placed wherever the same code recurs (the two
    copies of a receipt, every page of a letter, a sheet of one case's labels): smaller files, faster output."""
    width = code128_width(value, module_mm)
    key = f"{value}|{module_mm}|{height:.3f}"
    forms: dict[str, str] = canvas.__dict__.setdefault("_kense_code128_forms", {})
    name = forms.get(key)
    if name is None:
        name = forms[key] = f"KenseCode128n{len(forms)}"
        canvas.beginForm(name, 0, 0, width, height)
        canvas.setFillColorRGB(0, 0, 0)
        writer = ReportlabWriter(canvas, 0, height)
        writer.set_options({"module_width": module_mm, "module_height": height / mm,
                            "quiet_zone": QUIET_MODULES * module_mm, "margin_top": 0, "margin_bottom": 0,
                            "write_text": False, "text": ""})
        writer.render([code128_modules(value)])
        canvas.endForm()
    canvas.saveState()
    canvas.translate(x, y)
    canvas.doForm(name)
    canvas.restoreState()
    return width


class BarcodeFlowable(Flowable):
    """A Code128 block for Platypus stories: bars and, below them, the human-readable value."""

    def __init__(self, value: str, *, height: float = 10 * mm, module_mm: float = MODULE_MM,
                 font_size: float = 8, align: str = "RIGHT") -> None:
        super().__init__()
        self.value, self.bar_height, self.module_mm, self.font_size = value, height, module_mm, font_size
        self.hAlign = align
        self.bar_width = code128_width(value, module_mm)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.bar_width, self.bar_height + self.font_size * 1.3

    def draw(self) -> None:
        canvas = self.canv
        text_h = self.font_size * 1.3
        draw_code128(canvas, self.value, 0, text_h, height=self.bar_height, module_mm=self.module_mm)
        register_fonts()
        canvas.setFont(BOLD, self.font_size)
        canvas.drawCentredString(self.bar_width / 2, text_h - self.font_size, self.value)
