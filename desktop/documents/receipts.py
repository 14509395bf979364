"""Intake papers: the receipt (түбіртек / талон) and the public service centre's Қолхат."""
from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer

from .context import DocContext
from .layout import FRAME_WIDTH, CutLine, P, build_pdf, grid, signature, title_with_barcode
from .layout import esc as _esc


def _place(ctx: DocContext) -> str:
    """Where the documents were accepted when it was not the department's own counter."""
    kind, _ = ctx.channel
    if kind == "psc":
        branch = ctx.psc_branch()
        return branch["name_kk"] if branch else ""
    if kind == "akimat":
        akimat = ctx.akimat()
        return akimat["name_kk"] if akimat else ""
    return ""


def _receipt_form(ctx: DocContext) -> str:
    """The catalogue's receipt form (tubirtek or talon), when the template has it."""
    return ctx.service.receipt if ctx.words.raw(f"forms.{ctx.service.receipt}") else "tubirtek"


def _receipt_head(ctx: DocContext, copy_caption: str) -> Flowable:
    head = [P(_esc(ctx.office_name), "cellbold"), Spacer(1, 2 * mm),
            P(ctx.words.text(f"forms.{_receipt_form(ctx)}.title"), "title"), P(f"({copy_caption})", "caption")]
    return title_with_barcode(ctx, head, FRAME_WIDTH)


def _receipt_body(ctx: DocContext) -> list[Flowable]:
    """What both copies say (built once, drawn twice: a Paragraph may be laid out again)."""
    w, case = ctx.words, ctx.case
    out: list[Flowable] = [Spacer(1, 3 * mm), P(w.text("service", title=ctx.service_title), "left"),
                           Spacer(1, 2 * mm),
                           P(w.text(f"forms.{_receipt_form(ctx)}.body", applicant=case.applicant.full_name,
                                    date=ctx.date(case.registered_at), time=f"{case.registered_at:%H:%M}",
                                    reg_no=ctx.reg_no))]
    place = _place(ctx)
    if place:
        out.append(P(w.text("accepted_at", place=place), "left"))
    docs = ctx.documents()
    out.append(Spacer(1, 2 * mm))
    if docs:
        out.append(P(w.text("documents", count=len(docs)), "left"))
        out.append(P("<br/>".join(f"{i}. {_esc(d)}" for i, d in enumerate(docs, 1)), "small"))
    else:
        out.append(P(w.text("no_documents"), "left"))
    out += [Spacer(1, 2 * mm), P(w.text("due", date=ctx.date(case.due_at), time=f"{case.due_at:%H:%M}"), "left"),
            Spacer(1, 2 * mm), P(w.text("clerk", clerk=ctx.person_name(ctx.clerk)), "left"),
            P(_esc(ctx.intake_contacts), "small")]
    return out


def receipt(ctx: DocContext, copies: int = 1) -> bytes:
    """Two copies on one sheet, cut apart: the applicant keeps one, the department files the signed one."""
    w = ctx.words

    def story() -> list[Flowable]:
        body = _receipt_body(ctx)
        # CondPageBreak, not KeepTogether: the same guarantee for a normal receipt at half the layout work
        return [_receipt_head(ctx, w.text("copy_applicant")), *body,
                CutLine(w.plain("cut"), space=6 * mm), CondPageBreak(110 * mm),
                _receipt_head(ctx, w.text("copy_office")), *body, Spacer(1, 4 * mm),
                signature(ctx, w.text("received"), _esc(ctx.case.applicant.full_name), FRAME_WIDTH)]
    return build_pdf(ctx, story, copies=copies, page_barcode=False)


def kolkhat(ctx: DocContext, copies: int = 1) -> bytes:
    """Regulation 7 annex 6: the Қолхат the PSC inspector gives; the result is handed over against it."""
    w, case = ctx.words, ctx.case
    branch = ctx.psc_branch()

    def story() -> list[Flowable]:
        docs = ctx.documents()
        attachments = [P(f"{i}. {d}", "cell") for i, d in enumerate(docs, 1)]
        attachments.append(P(w.text("attachments_total", count=len(docs)), "cellbold"))
        if branch:
            hours = branch.get(f"hours_{ctx.lang}") or branch.get("hours_kk", "")
            where = w.text("return_value", branch=branch["name_kk"], address=branch.get("address_kk", "").rstrip(". "),
                           date=ctx.date(case.due_at), hours=hours)
        else:
            where = w.text("return_unknown", date=ctx.date(case.due_at))
        rows = [
            [P(w.text("number_date"), "cell"),
             P(w.text("number_date_value", reg_no=ctx.reg_no, date=ctx.date(case.registered_at),
                      time=f"{case.registered_at:%H:%M}"), "cell")],
            [P(w.text("applicant"), "cell"), P(f"<b>{_esc(case.applicant.full_name)}</b>, "
                                               f"{_esc(ctx.common.plain('iin'))} {case.applicant.iin}", "cell")],
            [P(w.text("service"), "cell"), P(_esc(ctx.service_title), "cell")],
            [P(w.text("attachments"), "cell"), attachments],
            [P(w.text("return_place"), "cell"), P(where, "cell")],
            [P(w.text("inspector"), "cell"), [P(_esc(ctx.person_name(ctx.clerk)), "cellbold"),
                                              P(_esc(ctx.place_contacts(branch) or ctx.office_contacts), "cell")]],
        ]
        head = [P(_esc(branch["name_kk"] if branch else ctx.office_name), "cellbold"), Spacer(1, 2 * mm),
                P(w.text("title"), "title"), P(w.text("subtitle"), "subtitle")]
        return [title_with_barcode(ctx, head, FRAME_WIDTH), Spacer(1, 5 * mm),
                grid(rows, [FRAME_WIDTH * 0.38, FRAME_WIDTH * 0.62]), Spacer(1, 4 * mm),
                P(w.text("department", office=ctx.office_name), "small"), Spacer(1, 8 * mm),
                signature(ctx, w.text("inspector_short"), _esc(ctx.person_name(ctx.clerk)), FRAME_WIDTH),
                Spacer(1, 6 * mm),
                signature(ctx, w.text("received"), _esc(case.applicant.full_name), FRAME_WIDTH)]
    return build_pdf(ctx, story, copies=copies, page_barcode=False)
