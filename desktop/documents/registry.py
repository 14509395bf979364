"""The registry (реестр) of document packages: printed with its own Code128 and each package's Code128.

The PSC's collecting inspector prints it for the courier; the department's clerk receives it by scanning the
registry's barcode and then every package (desktop/store/psc.py). The return registry carries the signed results
back to the branch. The regulation has no form for it (annex 7 table 2 only says "реестр құру"), so this is a
plain list: number, date and courier run, sender and receiver, one line per package (barcode with the
registration number, applicant and IIN, service, number of documents, the receipt mark), totals, signatures.

Public: ``render_registry(reg, number, ...)``, ``render_registries(reg, numbers, ...)``,
``registry_numbers(reg, source, day, direction)``. Every print is audited (case_id NULL, kind 'registry').
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import partial
from io import BytesIO
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageBreak, PageTemplate, Spacer
from reportlab.platypus.doctemplate import NextPageTemplate

from ..core import channels
from ..core.model import User
from ..store.psc import Registry, RegistryItem
from .barcodes import BarcodeFlowable
from .errors import DocumentError
from .fonts import REGULAR, register_fonts
from .layout import FRAME_WIDTH, GREY, MARGIN, P, esc, grid, signature, title_with_barcode
from .templates import Wording

ROW_MODULE_MM = 0.30  # package barcodes: 43 mm wide, still 2.4 dots per bar at 203 dpi
COLUMNS = (0.05, 0.28, 0.29, 0.11, 0.09, 0.18)


class _Ctx:
    """The little a registry needs from the document furniture (``signature`` and the title block use it)."""

    def __init__(self, reg: Any, registry: Registry, lang: str, now: dt.datetime) -> None:
        self.lang, self.registry, self.printed_at = lang, registry, now
        self.words, self.common = Wording("registry", lang), Wording("common", lang)
        office = reg.office()
        self.office_name = office.get(f"name_{lang}") or office.get("name_kk") or ""
        self.reg_no = registry.number  # the title block's barcode
        self.runs = reg.packages.courier_runs()

    def place(self) -> str:
        place = channels.split(self.registry.source).place() or {}
        return place.get(f"name_{self.lang}") or place.get("name_kk") or self.registry.source

    def date(self, day: dt.date) -> str:
        months = self.common.raw("months")
        return self.common.plain("date_long", year=day.year, day=day.day, month=months[day.month - 1])


def _mark(ctx: _Ctx, item: RegistryItem) -> str:
    if item.state == "received" and item.received_at:
        return ctx.words.text("mark_received", time=item.received_at.strftime("%d.%m %H:%M"))
    if item.state == "missing":
        return f"<b>{ctx.words.text('mark_missing')}</b>"
    return ""


def _table(ctx: _Ctx, reg: Any) -> Flowable:
    w = ctx.words
    head = [P(f"<b>{w.text(k)}</b>", "small") for k in ("col_no", "col_barcode", "col_applicant", "col_service",
                                                 "col_count", "col_mark")]
    rows: list[list[Any]] = [head]
    for item in ctx.registry.items:
        rows.append([P(str(item.position), "cell"),
                     BarcodeFlowable(item.reg_no, height=9 * mm, module_mm=ROW_MODULE_MM, align="LEFT"),
                     P(f"{esc(item.applicant)}<br/>{esc(ctx.common.plain('iin'))} {item.iin}", "cell"),
                     P(esc(item.service), "cell"), P(str(item.documents), "cell"),
                     P(_mark(ctx, item), "cell")])
    return grid(rows, [FRAME_WIDTH * f for f in COLUMNS], header=True)


def _story(ctx: _Ctx, reg: Any) -> list[Flowable]:
    w, r = ctx.words, ctx.registry
    sender, receiver = ctx.place(), ctx.office_name
    if r.direction == "to_branch":
        sender, receiver = receiver, sender
    head = [P(w.text("title"), "title"), P(w.text("number", number=r.number), "head"),
            P(w.text(r.direction), "subtitle")]
    out: list[Flowable] = [title_with_barcode(ctx, head, FRAME_WIDTH), Spacer(1, 4 * mm),  # type: ignore[arg-type]
                           P(w.text("from_to", sender=sender, receiver=receiver), "left"),
                           P(w.text("day_run", date=ctx.date(r.day), run=r.run, runs=ctx.runs), "left"),
                           Spacer(1, 4 * mm), _table(ctx, reg), Spacer(1, 3 * mm),
                           P(w.text("total", packages=r.expected, documents=sum(i.documents for i in r.items)),
                             "left")]
    if r.status == "incomplete":
        out.append(P(f"<b>{w.text('status_incomplete', missing=len(r.missing))}</b>", "left"))
    elif r.status == "received":
        out.append(P(w.text("status_received"), "left"))
    sender_name = _name(reg, r.created_by)
    receiver_name = _name(reg, r.closed_by) if r.closed_by else ""
    out += [Spacer(1, 10 * mm), signature(ctx, w.text("sender_sign"), esc(sender_name), FRAME_WIDTH),  # type: ignore
            Spacer(1, 5 * mm), signature(ctx, w.text("courier_sign"), "", FRAME_WIDTH),  # type: ignore
            Spacer(1, 5 * mm), signature(ctx, w.text("receiver_sign"), esc(receiver_name), FRAME_WIDTH)]  # type: ignore
    return out


def _name(reg: Any, user_id: int | None) -> str:
    try:
        user: User = reg.user(int(user_id))
    except Exception:  # noqa: BLE001 - a removed account still prints the registry
        return ""
    return user.full_name


def _footer(ctx: _Ctx, canvas: Canvas, doc: BaseDocTemplate) -> None:
    canvas.saveState()
    canvas.setFont(REGULAR, 7)
    canvas.setFillColor(GREY)
    canvas.drawString(MARGIN, 8 * mm, ctx.words.plain("footer", office=ctx.office_name, number=ctx.registry.number,
                                                       printed=ctx.printed_at.strftime("%d.%m.%Y %H:%M"),
                                                       page=doc.page))
    canvas.restoreState()


def _build(contexts: list[tuple[_Ctx, Any]]) -> bytes:
    register_fonts()
    buf = BytesIO()
    first = contexts[0][0]
    doc = BaseDocTemplate(buf, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=15 * mm,
                          bottomMargin=16 * mm, title=first.words.plain("title"), author=first.office_name,
                          subject=", ".join(c.registry.number for c, _ in contexts), creator="Kense",
                          lang=first.lang, initialFontName=REGULAR, initialFontSize=11)
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body", leftPadding=0,
                  rightPadding=0, topPadding=0, bottomPadding=0)
    templates = [PageTemplate(f"r{i}", [frame], onPage=partial(_footer, ctx)) for i, (ctx, _) in
                 enumerate(contexts)]
    doc.addPageTemplates(templates)
    story: list[Flowable] = []
    for i, (ctx, reg) in enumerate(contexts):
        if i:
            story += [NextPageTemplate(f"r{i}"), PageBreak()]
        story += _story(ctx, reg)
    doc.build(story)
    return buf.getvalue()


def registry_numbers(reg: Any, source: str, day: dt.date | str, direction: str = "to_department") -> list[str]:
    """The numbers of the registries of ``source`` on ``day`` in ``direction``, in courier-run order."""
    found = reg.packages.registries(source=source, day=day, direction=direction)
    if not found:
        raise DocumentError("registry_none_on_day", source=source, day=str(day), direction=direction)
    return [r.number for r in sorted(found, key=lambda r: r.run)]


def render_registries(reg: Any, numbers: Iterable[str], lang: str = "kk", out: Path | str | None = None, *,
                      actor: User | None = None, log: bool = True, now: dt.datetime | None = None) -> bytes:
    """Several registries in one PDF, each from a new page; each print is recorded in the audit trail (with
    ``out``'s file name; ``log=False`` for a preview, which logs through ``log_registry_prints`` once printed)."""
    from .api import _check_args, write_pdf
    _check_args(lang, None)
    now = now or dt.datetime.now().replace(microsecond=0)
    registries = [reg.packages.registry(n) for n in numbers]
    if not registries:
        raise DocumentError("doc_no_cases")
    pdf = _build([(_Ctx(reg, r, lang, now), reg) for r in registries])
    if out is not None:
        write_pdf(pdf, out)
    if log:
        log_registry_prints(reg, actor, [r.number for r in registries], lang, file=out, now=now)
    return pdf


def log_registry_prints(reg: Any, actor: User | None, numbers: Iterable[str], lang: str, *, copies: int = 1,
                        printer: str | None = None, file: Path | str | None = None,
                        now: dt.datetime | None = None) -> None:
    """One print event per registry (case_id NULL), by the print log's rule (printlog.py)."""
    from .printlog import log_print, print_details
    for number in numbers:
        r = reg.packages.registry(number)
        log_print(reg, actor, None, print_details("registry", None, lang, copies=copies, printer=printer, file=file,
                                                  registry=r.number, packages=r.expected), now=now)


def render_registry(reg: Any, number: str, lang: str = "kk", out: Path | str | None = None, *,
                    actor: User | None = None, log: bool = True, now: dt.datetime | None = None) -> bytes:
    return render_registries(reg, [number], lang, out, actor=actor, log=log, now=now)


def branch_name(source: str, lang: str = "kk") -> str:
    """The branch's or akimat's name (for the UI's registry lists)."""
    place = channels.split(source).place() or {}
    return place.get(f"name_{lang}") or place.get("name_kk") or source


__all__ = ["branch_name", "log_registry_prints", "registry_numbers", "render_registries", "render_registry"]
