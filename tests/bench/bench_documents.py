"""Benchmark of the printed documents (a script, not a test):  python tests/bench/bench_documents.py [--runs N]

1. The receipt: ``render("receipt", ...)`` (Platypus layout, two copies with barcodes, without the audit write)
   against a bare reportlab canvas that draws the same text lines with the same embedded fonts — the price of
   the layout engine and our templates (the bare canvas draws each run in the weight pdfium reports for it, so
   both embed the same two font subsets). Target: at most 3×. The full print (with the audit-trail write, which
   syncs the database to disk) is shown too.
2. A sheet of 100 labels (five A4 pages of 21 labels), and 100 thermal labels.
"""
from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from io import BytesIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import pypdfium2  # noqa: E402
import pypdfium2.raw as pypdfium2_raw  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from desktop.core.iin import make_iin  # noqa: E402
from desktop.documents import render, render_label_sheet  # noqa: E402
from desktop.documents.fonts import BOLD, REGULAR, register_fonts  # noqa: E402
from desktop.store import Register  # noqa: E402


def timings(fn, runs: int) -> list[float]:
    fn()  # warm-up: font parsing, template loading, imports
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return times


def median_ms(fn, runs: int) -> float:
    return statistics.median(timings(fn, runs))


def paired(fn_a, fn_b, runs: int) -> tuple[float, float, float]:
    """Interleaved runs (a shared machine's load hits both alike): medians of a and b, and the median of a/b."""
    fn_a(), fn_b()
    ratios, a_times, b_times = [], [], []
    for _ in range(runs):
        a, b = timings(fn_a, 1)[-1], timings(fn_b, 1)[-1]
        a_times.append(a)
        b_times.append(b)
        ratios.append(a / b)
    return statistics.median(a_times), statistics.median(b_times), statistics.median(ratios)


def make_register(folder: Path, cases: int) -> tuple[Register, list[str]]:
    reg = Register.open(folder / "bench.sqlite3", create=True)
    reg.initialise(3, "admin-pass")
    admin = reg.user("admin")
    clerk = reg.create_user(admin, "clerk", "Асқарова Гүлнар", ["clerk"], "clerk-pw")
    now = dt.datetime(2026, 3, 2, 10, 0)
    reg_nos = []
    for i in range(cases):
        person = {"surname": "Ахметов", "name": "Ерлан", "patronymic": "Болатұлы",
                  "iin": make_iin(dt.date(1985, 1, 2), "M", i + 1), "address": "Бақанас ауылы, Абай көшесі, 5"}
        docs = [d.id for d in reg.catalogue.service("S1").documents]
        reg_nos.append(reg.register_case(clerk, "S1", person, None, docs, now=now).reg_no)
    return reg, reg_nos


Line = list[tuple[str, bool]]   # runs of (text, bold)


def page_lines(pdf: bytes) -> list[Line]:
    """The document's text lines as runs of regular and bold text (pdfium reports each character's weight)."""
    doc = pypdfium2.PdfDocument(pdf)
    lines: list[Line] = []
    try:
        for page in doc:
            textpage = page.get_textpage()
            line: Line = []
            for i in range(textpage.count_chars()):
                ch = textpage.get_text_range(i, 1)
                if ch in "\r\n":
                    if line:
                        lines.append(line)
                    line = []
                    continue
                bold = pypdfium2_raw.FPDFText_GetFontWeight(textpage, i) >= 600
                if line and line[-1][1] == bold:
                    line[-1] = (line[-1][0] + ch, bold)
                else:
                    line.append((ch, bold))
            if line:
                lines.append(line)
    finally:
        doc.close()
    return lines


def bare_canvas(lines: list[Line]) -> bytes:
    """The same text in the same two embedded fonts, one drawString per run: the floor any layout stands on."""
    buf = BytesIO()
    c = Canvas(buf, pagesize=A4, initialFontName=REGULAR)
    y = A4[1] - 20 * mm
    for line in lines:
        x = 20 * mm
        for text, bold in line:
            font = BOLD if bold else REGULAR
            c.setFont(font, 10)
            c.drawString(x, y, text)
            x += c.stringWidth(text, font, 10)
        y -= 12
    c.showPage()
    c.save()
    return buf.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    register_fonts()
    with tempfile.TemporaryDirectory() as tmp:
        reg, reg_nos = make_register(Path(tmp), 100)
        with reg:
            first = reg_nos[0]
            receipt = render("receipt", reg, first, log=False)
            lines = page_lines(receipt)
            t_receipt, t_bare, ratio = paired(lambda: render("receipt", reg, first, log=False),
                                              lambda: bare_canvas(lines), args.runs)
            t_logged = median_ms(lambda: render("receipt", reg, first), max(5, args.runs // 3))
            t_sheet = median_ms(lambda: render_label_sheet(reg, reg_nos, log=False), max(3, args.runs // 5))
            t_one_sheet = median_ms(lambda: render("label-sheet", reg, first, copies=100, log=False),
                                    max(3, args.runs // 5))
            t_thermal = median_ms(lambda: render("label", reg, first, copies=100, log=False), max(3, args.runs // 5))
    print(f"receipt ({len(lines)} text lines, 2 copies, 2 barcodes): {t_receipt:7.1f} ms   (median of {args.runs})")
    print(f"bare reportlab canvas, same text, regular + bold:  {t_bare:7.1f} ms")
    print(f"ratio receipt / bare canvas (median of pairs):     {ratio:7.2f}×   target ≤ 3× -> "
          f"{'OK' if ratio <= 3 else 'OVER'}")
    print(f"receipt with the audit-trail write (a real print): {t_logged:7.1f} ms")
    print(f"label sheet, 100 cases (5 A4 pages):               {t_sheet:7.1f} ms")
    print(f"label sheet, 100 labels of one case:               {t_one_sheet:7.1f} ms")
    print(f"thermal labels, 100 pages of 58×40 mm:             {t_thermal:7.1f} ms")
    return 0 if ratio <= 3 else 1


if __name__ == "__main__":
    sys.exit(main())
