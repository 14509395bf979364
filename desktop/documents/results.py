"""Result papers with their own regulation forms: the S4 ЖОЛДАМА (with its tear-off notice) and S6 АНЫҚТАМА."""
from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from .context import DocContext
from .layout import FRAME_WIDTH, CutLine, P, blank, build_pdf, esc, grid, letterhead, row, signature, \
    title_with_barcode


def _ordered(ctx: DocContext, key: str, parts: dict[str, tuple[Flowable, float]]) -> Flowable:
    """A row of the form in the language's word order (the template's ``term_order`` / ``form_order``)."""
    order = [name for name in ctx.words.raw(key, list(parts)) if name in parts]
    return row([parts[name][0] for name in order], [parts[name][1] for name in order])


def _referral_main(ctx: DocContext) -> list[Flowable]:
    w, fw = ctx.words, FRAME_WIDTH
    head = [P(esc(ctx.office_name), "cellbold"), Spacer(1, 2 * mm), P(w.text("number", reg_no=ctx.reg_no),
                                                                         "title"),
            P(w.text("service", title=ctx.service_title), "caption")]
    issued = ctx.signed_at or ctx.printed_at
    return [
        title_with_barcode(ctx, head, fw), Spacer(1, 5 * mm),
        blank(f"<b>{esc(ctx.case.applicant.full_name)}</b>", w.text("applicant_caption")), Spacer(1, 3 * mm),
        _ordered(ctx, "term_order", {
            "term": (blank(esc(ctx.field("term") or ""), w.text("term_caption"), fw * 0.2), fw * 0.22),
            "suffix": (P(w.text("term_suffix"), "left"), fw * 0.26),
            "institution": (blank(esc(ctx.field("institution") or ""), w.text("institution_caption"), fw * 0.5),
                            fw * 0.52)}),
        Spacer(1, 3 * mm),
        _ordered(ctx, "form_order", {
            "form": (blank(esc(ctx.choice_title("employment_form")), w.text("form_caption"), fw * 0.76), fw * 0.78),
            "sent": (P(w.text("sent"), "left"), fw * 0.22)}),
        Spacer(1, 8 * mm),
        signature(ctx, w.text("signer"), esc(ctx.person_name(ctx.signer)), fw),
        Spacer(1, 3 * mm),
        row([P(w.text("issued", date=ctx.date(issued)), "left"), P(w.text("seal"), "right")],
             [fw * 0.7, fw * 0.3]),
    ]


def _referral_return(ctx: DocContext) -> list[Flowable]:
    """The tear-off notice: prefilled with who and where; the institution fills the start date and order."""
    w, fw = ctx.words, FRAME_WIDTH
    head = [P(w.text("return_to", office=ctx.office_name), "small"), Spacer(1, 2 * mm),
            P(w.text("return_title", reg_no=ctx.reg_no), "head")]
    return [
        title_with_barcode(ctx, head, fw), Spacer(1, 4 * mm),
        blank(esc(ctx.case.applicant.full_name), w.text("applicant_caption")), Spacer(1, 3 * mm),
        blank(esc(ctx.field("institution") or ""), w.text("institution_caption")), Spacer(1, 3 * mm),
        row([P(w.text("started"), "left"),
              blank(esc(ctx.choice_title("employment_form")), w.text("form_caption"), fw * 0.58)],
             [fw * 0.42, fw * 0.58]),
        P(w.text("started_suffix"), "left"), Spacer(1, 2 * mm),
        P(w.text("order"), "left"), Spacer(1, 8 * mm),
        signature(ctx, w.text("institution_head"), "", fw), Spacer(1, 2 * mm),
        P(w.text("seal"), "right"),
    ]


def referral(ctx: DocContext, copies: int = 1) -> bytes:
    """Regulation 4 annex 2: ЖОЛДАМА, 'Кесу сызығы', then the return notice — each half with its barcode."""
    def story() -> list[Flowable]:
        return [KeepTogether(_referral_main(ctx)), CutLine(ctx.words.plain("cut"), space=8 * mm),
                KeepTogether(_referral_return(ctx))]
    return build_pdf(ctx, story, copies=copies, page_barcode=False)


def _members(ctx: DocContext) -> list[tuple[str, str, str]]:
    applicant = ctx.case.applicant
    rows = [(applicant.full_name, ctx.words.plain("applicant_relation"), applicant.iin)]
    for person in ctx.field("family_members") or []:
        rows.append((person.get("full_name", ""), ctx.relation_title("family_members", person),
                     person.get("iin", "")))
    return rows


def certificate(ctx: DocContext, copies: int = 1) -> bytes:
    """Regulation 6 annex 3: АНЫҚТАМА for the quarter, listing the applicant and every family member."""
    w, case = ctx.words, ctx.case
    akim = ctx.signer is not None and ctx.signer.has("akim") and not ctx.signer.has("head")
    issued = ctx.signed_at or ctx.printed_at

    def story() -> list[Flowable]:
        year, quarter = ctx.quarter()
        members = _members(ctx)
        rows: list[list[Flowable]] = [[P(w.text(k), "cellbold") for k in
                                       ("col_no", "col_name", "col_relation", "col_iin")]]
        rows += [[P(str(i), "cell"), P(esc(name), "cell"), P(esc(rel), "cell"), P(esc(iin), "cell")]
                 for i, (name, rel, iin) in enumerate(members, 1)]
        out: list[Flowable] = letterhead(ctx)
        if akim and ctx.akimat():
            out.append(P(esc(ctx.akimat()["name_kk"]), "subtitle"))
        out += [Spacer(1, 4 * mm), P(w.text("title"), "title"), P(w.text("subtitle"), "subtitle"),
                P(w.text("number", reg_no=ctx.reg_no, date=ctx.date(issued)), "subtitle"), Spacer(1, 6 * mm),
                P(w.text("body", applicant=case.applicant.full_name, iin=case.applicant.iin,
                         address=case.applicant.address, year=year, quarter=quarter, reg_no=ctx.reg_no), "indent"),
                Spacer(1, 4 * mm), P(w.text("members", count=len(members)), "left"), Spacer(1, 2 * mm),
                grid(rows, [FRAME_WIDTH * f for f in (0.07, 0.45, 0.23, 0.25)], header=True),
                Spacer(1, 4 * mm), P(w.text("purpose"), "indent"), Spacer(1, 2 * mm),
                P(w.text("service", title=ctx.service_title), "small"), Spacer(1, 10 * mm),
                signature(ctx, w.text("signer_akim" if akim else "signer_head"), esc(ctx.person_name(ctx.signer)),
                          FRAME_WIDTH),
                P(w.text("seal"), "left")]
        return out
    return build_pdf(ctx, story, copies=copies)
