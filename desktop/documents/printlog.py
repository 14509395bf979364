"""The print log: one audit event for each print that really happened, the same rule for the CLI and the app.

A *print* is a document leaving Kense: sent to a printer, or written as a PDF file (``kense print -o FILE``, the
preview's "Save PDF", or a print dialog's "print to file"). Rendering a document, or opening and closing a preview,
is not a print and logs nothing.

Copies are numbered by one rule, here: a print of a case's document carries **print number** ``copy`` =
1 + the prints of the same kind of that case already in the audit trail, whoever made them and however (the CLI,
any workstation's app). The number is on the paper (the footer's "N-басылым" / "печать № N") and in the event;
every copy made by that one print carries the same number, and the event says how many were made (``copies``:
the copies in the file times the printer's copies; for a label sheet, the labels).

    next_print_number(reg, reg_no, kind) -> int
    print_details(kind, copy_no, lang, copies=1, printer=None, file=None) -> dict
    log_print(reg, actor, reg_no, details, now=None)

Event details: ``kind``, ``copy``, ``lang``, ``copies``, and ``printer`` (the printer's name) or ``file`` (the
PDF's file name). This module imports nothing heavy: the CLI and the preview both use it.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any


def print_count(reg: Any, reg_no: str, kind: str) -> int:
    """How many times this kind has been printed for the case (from the audit trail)."""
    return sum(1 for e in reg.history(reg_no) if e.action == "print" and e.details.get("kind") == kind)


def next_print_number(reg: Any, reg_no: str, kind: str) -> int:
    """The number the next print of ``kind`` of this case carries (on the paper and in the log)."""
    return print_count(reg, reg_no, kind) + 1


def print_details(kind: str, copy_no: int | None, lang: str, *, copies: int = 1, printer: str | None = None,
                  file: str | Path | None = None, **extra: Any) -> dict[str, Any]:
    """The event's details. ``file`` is recorded by its name only; ``copy_no`` None for papers that are not one
    case's (the registry)."""
    details: dict[str, Any] = {"kind": kind}
    if copy_no is not None:
        details["copy"] = copy_no
    details["lang"] = lang
    details["copies"] = int(copies)
    if printer:
        details["printer"] = printer
    if file:
        details["file"] = Path(file).name
    details.update(extra)
    return details


def log_print(reg: Any, actor: Any, reg_no: str | None, details: dict[str, Any],
              now: dt.datetime | None = None) -> None:
    """Record one print (``actor`` None: the command line's operating-system user)."""
    reg.log_event(actor, reg_no, "print", details, now=now)


__all__ = ["log_print", "next_print_number", "print_count", "print_details"]
