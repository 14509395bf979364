"""What every tab and dialog is given: the register, the logged-in user, settings and app-wide signals.

Contract between the main window and the tabs:
  * a tab is a QWidget constructed as ``Tab(ctx, parent=None)``; it shows data for ``ctx.user``;
  * it exposes ``refresh()`` (re-query the register) and is refreshed when ``ctx.signals.cases_changed`` fires;
  * after any write it emits ``ctx.signals.cases_changed`` (with the registration number);
  * to show a case it calls ``ctx.open_case(reg_no)`` (the case card dialog, owned by the main window);
  * it never shows a QMessageBox itself: ``desktop.ui.alerts`` is the one place that does.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from ..core.model import User
from ..store import Register


class AppSignals(QObject):
    cases_changed = Signal(str)      # a registration number ("" = many)
    case_requested = Signal(str)     # somebody wants the case card of this registration number
    language_changed = Signal(str)   # "kk" or "ru"


@dataclass
class AppContext:
    register: Register
    user: User
    lang: str = "kk"
    signals: AppSignals = field(default_factory=AppSignals)
    settings: object | None = None   # desktop.ui.settings.Settings
    open_case: Callable[[str], None] = lambda reg_no: None
    print_document: Callable[[str, str], None] | None = None  # (kind, reg_no); None until printing exists
