"""The public entry point: which documents fit a case, render one, and log every print in the audit trail.

Kinds are a registry (``KINDS``) so that later papers (the PSC registry of issue 5) add themselves without
touching the dispatch. Each kind says which template holds its wording, how to check that it fits a case,
and how to build the PDF.
"""
from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core.catalogue import Service
from ..core.model import Case, User
from .context import build_context
from .errors import DocumentError
from .printlog import log_print, next_print_number, print_count, print_details  # noqa: F401 (re-exported)

LANGS = ("kk", "ru")
SIGNED_STAGES = ("signed", "delivered")
MAX_COPIES = 500


@dataclass(frozen=True)
class Kind:
    name: str
    template: str
    build: Callable[..., bytes]
    check: Callable[[Case, Service], None]
    default_copies: int | None = 1


def _fits_every_case(case: Case, service: Service) -> None:
    return None


def _result(kind: str, decision: str, result_kind: str | None = None) -> Callable[[Case, Service], None]:
    """A result paper: the service must issue it, the decision must match, and the head must have signed."""
    def check(case: Case, service: Service) -> None:
        if (result_kind or kind) not in service.result_kinds:
            raise DocumentError("doc_wrong_service", kind=kind, service=service.code, reg_no=case.reg_no)
        if case.decision is not None and case.decision != decision:
            raise DocumentError("doc_wrong_decision", kind=kind, decision=case.decision, reg_no=case.reg_no)
        if case.stage not in SIGNED_STAGES:
            raise DocumentError("doc_not_signed", kind=kind, stage=case.stage, reg_no=case.reg_no)
    return check


def _psc_only(case: Case, service: Service) -> None:
    if not (case.channel or "").startswith("psc"):
        raise DocumentError("doc_not_psc", reg_no=case.reg_no, channel=case.channel)


def _kinds() -> dict[str, Kind]:
    from . import labels, letters, receipts, results
    return {k.name: k for k in (
        Kind("receipt", "receipt", receipts.receipt, _fits_every_case),
        Kind("notification", "notification", letters.notification, _result("notification", "approved")),
        Kind("refusal", "refusal", letters.refusal, _result("refusal", "refused")),
        Kind("referral", "referral", results.referral, _result("referral", "approved")),
        Kind("certificate", "certificate", results.certificate, _result("certificate", "approved")),
        Kind("kolkhat", "kolkhat", receipts.kolkhat, _psc_only),
        Kind("label", "label", labels.label, _fits_every_case),
        Kind("label-sheet", "label", labels.label_sheet, _fits_every_case, default_copies=None),
    )}


KINDS: dict[str, Kind] = _kinds()


def register_kind(kind: Kind) -> None:
    """Add (or replace) a per-case document kind."""
    KINDS[kind.name] = kind


def kind_spec(name: str) -> Kind:
    spec = KINDS.get(name)
    if spec is None:
        raise DocumentError("doc_unknown_kind", kind=name, kinds=", ".join(KINDS))
    return spec


def applicable_kinds(reg: Any, case: Case) -> list[str]:
    """The kinds that can be printed for this case now, in the registry's order."""
    service = reg.service_of(case)
    out = []
    for spec in KINDS.values():
        try:
            spec.check(case, service)
        except DocumentError:
            continue
        out.append(spec.name)
    return out


def check_kind(reg: Any, case: Case, kind: str) -> None:
    """Raise the DocumentError that explains why ``kind`` does not fit ``case``; nothing when it fits."""
    kind_spec(kind).check(case, reg.service_of(case))


def _check_args(lang: str, copies: int | None) -> None:
    if lang not in LANGS:
        raise DocumentError("doc_bad_language", lang=lang)
    if copies is not None and not (isinstance(copies, int) and 1 <= copies <= MAX_COPIES):
        raise DocumentError("doc_bad_copies", copies=copies, max=MAX_COPIES)


def write_pdf(pdf: bytes, out: Path | str) -> None:
    """Write through a temporary file and rename, so a failed write never leaves half a PDF."""
    out = Path(out)
    try:
        fd, tmp = tempfile.mkstemp(prefix=".kense-", suffix=".pdf", dir=out.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(pdf)
        os.replace(tmp, out)
    except OSError as exc:
        raise DocumentError("doc_write_failed", path=str(out), detail=exc.strerror or str(exc)) from None


@dataclass(frozen=True)
class Rendered:
    """A case's document rendered for print number ``copy_no`` (not yet printed: nothing is logged)."""
    kind: str
    reg_no: str
    lang: str
    copy_no: int
    copies: int          # copies of the document in the PDF (label-sheet: labels)
    pdf: bytes
    printed_at: dt.datetime

    def details(self, *, printer_copies: int = 1, printer: str | None = None,
                file: str | Path | None = None) -> dict[str, Any]:
        """The print log's details once this PDF has gone to ``printer`` (``printer_copies`` times) or ``file``."""
        return print_details(self.kind, self.copy_no, self.lang, copies=self.copies * max(1, printer_copies),
                             printer=printer, file=file)


def _copies_in_pdf(spec: Kind, copies: int | None) -> int:
    if copies is not None:
        return copies
    if spec.default_copies is not None:
        return spec.default_copies
    from .labels import SheetLayout  # the label sheet: a full sheet
    return SheetLayout.from_template().per_sheet


def prepare(kind: str, reg: Any, reg_no: str, lang: str = "kk", *, copies: int | None = None,
            now: dt.datetime | None = None) -> Rendered:
    """Check that ``kind`` fits the case and render it with the next print number; log nothing (a preview)."""
    spec = kind_spec(kind)
    _check_args(lang, copies)
    case = reg.case(reg_no)
    service = reg.service_of(case)
    spec.check(case, service)
    copy_no = next_print_number(reg, case.reg_no, kind)
    now = now or dt.datetime.now().replace(microsecond=0)
    ctx = build_context(reg, case, service, kind, lang, copy_no, now, spec.template)
    pdf = spec.build(ctx, copies if copies is not None else spec.default_copies)
    return Rendered(kind, case.reg_no, lang, copy_no, _copies_in_pdf(spec, copies), pdf, now)


def render(kind: str, reg: Any, reg_no: str, lang: str = "kk", out: Path | None = None, *,
           actor: User | None = None, copies: int | None = None, log: bool = True,
           now: dt.datetime | None = None) -> bytes:
    """Render one document of a case as PDF bytes (and write ``out`` when given); log the print.

    ``copies`` repeats the document (for label-sheet: the number of labels, default a full sheet).
    The print is recorded by desktop/documents/printlog.py's rule: ``reg.log_event(actor, reg_no, "print",
    {"kind", "copy", "lang", "copies", "file"})`` where copy is 1 + the earlier prints of this kind and file is
    ``out``'s name; ``log=False`` renders without printing (a preview, a test).
    """
    done = prepare(kind, reg, reg_no, lang, copies=copies, now=now)
    if out is not None:
        write_pdf(done.pdf, out)
    if log:
        log_print(reg, actor, done.reg_no, done.details(file=out), now=done.printed_at)
    return done.pdf


def render_label_sheet(reg: Any, reg_nos: Iterable[str], lang: str = "kk", out: Path | None = None, *,
                       actor: User | None = None, log: bool = True, now: dt.datetime | None = None) -> bytes:
    """One label per case on A4 sheets (a day's packages); each case's print is logged as 'label-sheet'."""
    from .labels import LabelInfo, sheet
    _check_args(lang, None)
    now = now or dt.datetime.now().replace(microsecond=0)
    cases = [reg.case(r) for r in reg_nos]
    if not cases:
        raise DocumentError("doc_no_cases")
    infos, copy_nos = [], []
    for case in cases:
        copy_no = next_print_number(reg, case.reg_no, "label-sheet")
        ctx = build_context(reg, case, reg.service_of(case), "label-sheet", lang, copy_no, now, "label")
        infos.append(LabelInfo.of(ctx))
        copy_nos.append(copy_no)
    pdf = sheet(infos, ctx.words.plain("sheet_title"), ctx.office_name)
    if out is not None:
        write_pdf(pdf, out)
    if log:
        for case, copy_no in zip(cases, copy_nos):
            log_print(reg, actor, case.reg_no, print_details("label-sheet", copy_no, lang, file=out), now=now)
    return pdf
