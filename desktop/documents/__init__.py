"""Printed documents: receipts, result letters, ЖОЛДАМА, АНЫҚТАМА, Қолхат and barcode labels (reportlab).

Public API (imported lazily, so that ``kense`` commands that print nothing do not load reportlab):

    render(kind, reg, reg_no, lang="kk", out=None, *, actor=None, copies=None, log=True) -> bytes
    prepare(kind, reg, reg_no, lang="kk", *, copies=None) -> Rendered     rendered, not printed (nothing logged)
    next_print_number(reg, reg_no, kind), print_details(...), log_print(...)   the print log (printlog.py)
    applicable_kinds(reg, case) -> list[str]
    render_label_sheet(reg, reg_nos, lang="kk", out=None, *, actor=None) -> bytes
    DocumentError, KINDS, Kind, register_kind
"""
from __future__ import annotations

from typing import Any

from .errors import DocumentError

__all__ = ["DocumentError", "KINDS", "Kind", "Rendered", "applicable_kinds", "check_kind", "log_print",
           "next_print_number", "prepare", "print_count", "print_details", "register_kind", "render",
           "render_label_sheet"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from importlib import import_module
        return getattr(import_module(".api", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
