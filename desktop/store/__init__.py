"""The store: the case register on SQLite. All SQL lives here."""
from __future__ import annotations

from .errors import DatabaseBusy, DatabaseCorrupt, DatabaseMissing, DatabaseTooNew, NotInitialised, StoreError
from .records import CaseSummary, Filters, HistoryEntry, VerifyReport, format_reg_no, now_local
from .register import Register

__all__ = ["CaseSummary", "DatabaseBusy", "DatabaseCorrupt", "DatabaseMissing", "DatabaseTooNew", "Filters",
           "HistoryEntry", "NotInitialised", "Register", "StoreError", "VerifyReport", "format_reg_no",
           "now_local"]
