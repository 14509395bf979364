"""Result letters on the department's letterhead: the approval notification and the reasoned refusal."""
from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from .context import DocContext
from .layout import FRAME_WIDTH, P, build_pdf, esc, letterhead, row, signature


def field_lines(ctx: DocContext) -> list[tuple[str, str]]:
    """The service's own fields (category, children, …) as label/value pairs, in the catalogue's order."""
    out = []
    for f in ctx.service.fields:
        value = ctx.field(f.name)
        if value in (None, "", []):
            continue
        if f.type == "choice":
            text = ctx.choice_title(f.name)
        elif f.type == "persons":
            text = "; ".join(p.get("full_name", "") + (f" ({p['iin']})" if p.get("iin") else "") for p in value)
        elif f.type == "quarter":
            year, quarter = ctx.quarter(f.name)
            text = f"{year} {quarter}"
        else:
            text = str(value)
        out.append((f.title(ctx.lang), text))
    return out


def _heading(ctx: DocContext) -> list[Flowable]:
    """Letterhead, outgoing number and date on the left, the addressee on the right, the subject line."""
    w, case = ctx.words, ctx.case
    date = ctx.signed_at or ctx.printed_at
    numbers = row([P(w.text("outgoing", date=ctx.date(date), reg_no=ctx.reg_no), "left"),
                   P(w.text("addressee", applicant=case.applicant.full_name, address=case.applicant.address),
                     "left")], [FRAME_WIDTH * 0.5, FRAME_WIDTH * 0.5])
    return [*letterhead(ctx), numbers, Spacer(1, 6 * mm),
            P(w.text("regarding", title=ctx.service_title), "small"), Spacer(1, 6 * mm),
            P(w.text("salutation", applicant=case.applicant.full_name), "center"), Spacer(1, 4 * mm)]


def executor_line(ctx: DocContext) -> str:
    """F5's "Орын. аты-жөні, телефон нөмірі": the executor's name, and the phone only when there is one
    (``executor_phone``; ``executor`` without it), never a "тел. —" placeholder."""
    executor = ctx.executor
    if executor is None:
        return ""
    phone = (executor.phone or "").strip()
    key = "executor_phone" if phone else "executor"
    words = ctx.words if isinstance(ctx.words.raw(key), str) else ctx.common
    return words.text(key, name=executor.full_name, phone=phone)


def _closing(ctx: DocContext) -> list[Flowable]:
    w = ctx.words
    out: list[Flowable] = [Spacer(1, 12 * mm),
                           signature(ctx, w.text("signer"), esc(ctx.person_name(ctx.signer)), FRAME_WIDTH),
                           Spacer(1, 14 * mm)]
    line = executor_line(ctx)
    if line:
        out.append(P(line, "small"))
    return out


def notification(ctx: DocContext, copies: int = 1) -> bytes:
    """F2/F5 with the service's own sentence (never another service's wording, spec §7)."""
    w = ctx.words
    code = ctx.service.code
    key = f"body.{code}" if w.raw(f"body.{code}") else "body.default"

    def story() -> list[Flowable]:
        out = _heading(ctx)
        out.append(P(w.text(key, office=ctx.office_name, title=ctx.service_title), "indent"))
        lines = field_lines(ctx)
        if lines:
            out += [Spacer(1, 3 * mm), P(w.text("details"), "left")]
            out += [P(f"{esc(label)}: {esc(value)}", "small") for label, value in lines]
        text = ctx.case.data.get("draft_text")
        if text:
            out += [Spacer(1, 3 * mm), P(w.text("note", text=text), "indent")]
        return out + _closing(ctx)
    return build_pdf(ctx, story, copies=copies)


def refusal(ctx: DocContext, copies: int = 1) -> bytes:
    """A reasoned refusal: the catalogue reasons, the executor's explanation, how to appeal."""
    w, case = ctx.words, ctx.case

    def story() -> list[Flowable]:
        out = _heading(ctx)
        out.append(P(w.text("body", office=ctx.office_name, title=ctx.service_title,
                            date=ctx.date(case.registered_at), reg_no=ctx.reg_no), "indent"))
        out += [Spacer(1, 3 * mm), P(w.text("reasons"), "left")]
        out += [P(f"{i}. {esc(r)}", "left") for i, r in enumerate(ctx.reasons(), 1)]
        text = case.data.get("draft_text")
        if text:
            out += [Spacer(1, 3 * mm), P(w.text("explanation", text=text), "indent")]
        out += [Spacer(1, 3 * mm), P(w.text("appeal"), "indent")]
        return out + _closing(ctx)
    return build_pdf(ctx, story, copies=copies)
