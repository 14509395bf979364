"""The head's desk (басшы): resolve and assign, read and sign drafts (or return them), watch the deadlines.

Two queues ordered by the current step's due time, each with the selected case beside it, the suspended cases
(a case awaiting resolution is suspended here while the applicant brings missing documents, and resumed here),
and a traffic-light board of open cases per service and per executor. Buttons are enabled only for actions the
core allows this user on the selected case (``workflow.allowed_actions``); the core checks again when the
action is performed.
"""
from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QBrush, QColor, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHeaderView, QLabel, QLineEdit, QPushButton, QSplitter,
                               QTableView, QTableWidget, QTableWidgetItem, QTabWidget, QTextBrowser, QWidget)

from ..core import workflow
from ..core.errors import KenseError, ValidationError
from ..core.messages import message
from ..core.model import Case
from ..store import Filters, now_local
from . import alerts
from .casework import (AMBER, GREEN, RED, InlineErrors, SeenVersions, case_header_html, combo_data, draft_html,
                       id_list_model, select_reg_no, selected_reg_no, set_message, setup_table, style_error_label,
                       submit, user_names)
from .context import AppContext
from .forms import child, load_into
from .labels import fmt_datetime, stage_title
from .models import CaseTableModel, fit_columns, fit_splitter

RESOLUTION_COLUMNS = ("reg_no", "service", "applicant", "registered_at", "step_due_at", "due_at")
SIGNATURE_COLUMNS = ("reg_no", "service", "applicant", "decision", "executor", "step_due_at", "due_at")
SUSPENDED_COLUMNS = ("reg_no", "service", "applicant", "executor", "registered_at", "due_at")
BOARD_KEYS = ("overdue", "due_today", "on_time")

WIDGETS: dict[str, type] = {
    "overdueTile": QLabel, "dueTodayTile": QLabel, "onTimeTile": QLabel, "headTabs": QTabWidget,
    "resolutionView": QTableView, "resolutionPane": QWidget, "resolutionCase": QTextBrowser,
    "resolutionEdit": QLineEdit, "resolutionError": QLabel, "executorCombo": QComboBox, "executorError": QLabel,
    "resolutionMessage": QLabel, "assignButton": QPushButton, "signatureView": QTableView,
    "signaturePane": QWidget, "signatureCase": QTextBrowser, "draftView": QTextBrowser,
    "signatureMessage": QLabel, "signButton": QPushButton, "returnReasonEdit": QLineEdit,
    "returnButton": QPushButton, "returnError": QLabel, "serviceBoard": QTableWidget,
    "executorBoard": QTableWidget, "boardPage": QWidget, "resolutionPage": QWidget, "signaturePage": QWidget,
    "suspendReasonEdit": QLineEdit, "suspendButton": QPushButton, "suspendError": QLabel,
    "suspendedPage": QWidget, "suspendedView": QTableView, "suspendedPane": QWidget,
    "suspendedCase": QTextBrowser, "suspendedMessage": QLabel, "resumeButton": QPushButton,
}


def short_name(full_name: str) -> str:
    """'Оспанова Айгүл Қайратқызы' → 'Оспанова А.Қ.': an executor's name in a narrow queue column."""
    surname, *rest = full_name.split() or [""]
    return f"{surname} {''.join(p[0] + '.' for p in rest)}".strip()


class HeadTab(QWidget):
    """Басшы: the resolution queue, the signature queue and the deadline board."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        load_into(self, "head_tab")
        self.ctx = ctx
        self.reg = ctx.register
        self.now: Callable[[], dt.datetime] = now_local
        self.w = {name: child(self, kind, name) for name, kind in WIDGETS.items()}
        self._names = user_names(self.reg)
        self._shown: dict[str, tuple[str, str, int] | None] = {"resolution": None, "signature": None,
                                                               "suspended": None}
        self.seen = SeenVersions()  # the version each pane shows: what an action is computed from
        self._setup_messages()
        self._setup_queues()
        self._setup_boards()
        self._setup_actions()
        self.refresh()

    @property
    def lang(self) -> str:
        return self.ctx.lang

    # ------------------------------------------------------------ setup

    def _setup_messages(self) -> None:
        for name in ("resolutionError", "executorError", "resolutionMessage", "signatureMessage", "returnError",
                     "suspendError", "suspendedMessage"):
            style_error_label(self.w[name])
        self.resolution_errors = InlineErrors(lambda: self.lang, self.w["resolutionMessage"])
        self.resolution_errors.add("resolution", self.w["resolutionError"], self.w["resolutionEdit"])
        self.resolution_errors.add("executor", self.w["executorError"], self.w["executorCombo"])
        # the suspension's reason is the only 'reason' of the resolution pane
        self.resolution_errors.add("reason", self.w["suspendError"], self.w["suspendReasonEdit"])
        self.suspended_errors = InlineErrors(lambda: self.lang, self.w["suspendedMessage"])
        self.signature_errors = InlineErrors(lambda: self.lang, self.w["signatureMessage"])
        self.signature_errors.add("reason", self.w["returnError"], self.w["returnReasonEdit"])
        self.signature_errors.add("action", self.w["returnError"], self.w["returnReasonEdit"])

    def _setup_queues(self) -> None:
        names = lambda uid: short_name(self._names.get(uid, str(uid)))  # noqa: E731
        # both queues are ordered by the step's due time, and their rows are coloured by it
        self.resolution_model = id_list_model(lambda: self.reg.inbox_ids("resolution"), self.reg,
                                              columns=RESOLUTION_COLUMNS, lang=self.lang, deadline="step_due_at",
                                              now=lambda: self.now(), parent=self)
        self.signature_model = id_list_model(lambda: self.reg.inbox_ids("signature"), self.reg,
                                             columns=SIGNATURE_COLUMNS, lang=self.lang, executor_names=names,
                                             deadline="step_due_at", now=lambda: self.now(), parent=self)
        suspended = Filters(stage="suspended")  # every suspended case, newest first, a page at a time
        self.suspended_model = CaseTableModel(lambda offset, limit: self.reg.find_ids(suspended, limit, offset),
                                              self.reg.summaries, columns=SUSPENDED_COLUMNS, lang=self.lang,
                                              executor_names=names, parent=self)
        for view, model, slot in ((self.w["resolutionView"], self.resolution_model, self._show_resolution),
                                  (self.w["signatureView"], self.signature_model, self._show_signature),
                                  (self.w["suspendedView"], self.suspended_model, self._show_suspended)):
            setup_table(view, model)
            view.selectionModel().selectionChanged.connect(lambda *_a, s=slot: s())
            view.activated.connect(lambda index, m=model: self.ctx.open_case(m.reg_no(index.row()) or ""))
        self._fit_columns()

    def _fit_columns(self) -> None:
        """The due times stay in sight at 1366 px: fixed-width columns, the applicant takes what is left, and each
        list is wide enough for a long name beside them (the case pane takes the rest)."""
        for view, splitter in (("resolutionView", "resolutionSplitter"), ("signatureView", "signatureSplitter"),
                               ("suspendedView", "suspendedSplitter")):
            fit_columns(self.w[view])
            fit_splitter(self.findChild(QSplitter, splitter), self.w[view])

    def _setup_boards(self) -> None:
        for name in ("serviceBoard", "executorBoard"):
            board: QTableWidget = self.w[name]
            board.setColumnCount(4)
            board.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            board.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
            board.verticalHeader().setVisible(False)
            board.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            for col in range(1, 4):
                board.horizontalHeader().setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)

    def _setup_actions(self) -> None:
        self.w["assignButton"].clicked.connect(self.assign)
        self.w["resolutionEdit"].returnPressed.connect(self.assign)
        self.w["signButton"].clicked.connect(self.sign)
        self.w["returnButton"].clicked.connect(self.return_draft)
        self.w["returnReasonEdit"].returnPressed.connect(self.return_draft)
        self.w["suspendButton"].clicked.connect(self.suspend)
        self.w["suspendReasonEdit"].returnPressed.connect(self.suspend)
        self.w["resumeButton"].clicked.connect(self.resume)
        assign = QAction(self.tr("Assign"), self.w["resolutionPane"])
        assign.setShortcuts([QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Return),
                             QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Enter)])
        assign.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        assign.triggered.connect(self.assign)
        self.w["resolutionPane"].addAction(assign)

    # ------------------------------------------------------------ refresh and language

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            # the form's own texts are retranslated by its children after this handler: follow them
            QTimer.singleShot(0, self, self.retranslate)
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Catalogue and code texts follow the new language; what the head has typed is kept."""
        typed = {name: self.w[name].text() for name in ("resolutionEdit", "returnReasonEdit", "suspendReasonEdit")}
        executor = combo_data(self.w["executorCombo"])
        for model in (self.resolution_model, self.signature_model, self.suspended_model):
            model.set_language(self.lang)
        self._fit_columns()
        self._shown = {"resolution": None, "signature": None, "suspended": None}
        self.refresh()
        for name, text in typed.items():
            self.w[name].setText(text)
        combo: QComboBox = self.w["executorCombo"]
        if executor is not None and combo.findData(executor) >= 0:
            combo.setCurrentIndex(combo.findData(executor))

    def refresh(self, _reg_no: str = "") -> None:
        """Re-read both queues and the board; keep the selected case (and what was typed) when it is still there."""
        self._names = user_names(self.reg)
        for view, model in ((self.w["resolutionView"], self.resolution_model),
                            (self.w["signatureView"], self.signature_model),
                            (self.w["suspendedView"], self.suspended_model)):
            keep = selected_reg_no(view)
            model.refresh()
            select_reg_no(view, keep)
        self._show_resolution()
        self._show_signature()
        self._show_suspended()
        self._fill_board()
        tabs: QTabWidget = self.w["headTabs"]
        tabs.setTabText(0, self.tr("Awaiting &resolution (%1)").replace("%1", str(self.resolution_model.rowCount())))
        tabs.setTabText(1, self.tr("Awaiting &signature (%1)").replace("%1", str(self.signature_model.rowCount())))
        suspended = self.suspended_model
        count = f"{suspended.rowCount()}+" if suspended.canFetchMore() else str(suspended.rowCount())
        tabs.setTabText(tabs.indexOf(self.w["suspendedPage"]), self.tr("S&uspended (%1)").replace("%1", count))

    # ------------------------------------------------------------ resolution

    def _current(self, view: str) -> Case | None:
        reg_no = selected_reg_no(self.w[view])
        if not reg_no:
            return None
        try:
            return self.reg.case(reg_no)
        except KenseError:
            return None

    def _show_resolution(self) -> None:
        case = self._current("resolutionView")
        key = (case.reg_no, case.stage, case.version) if case else None
        if key == self._shown["resolution"] and case is not None:
            return  # the same case: keep what the head has typed
        self._shown["resolution"] = key
        self.seen.note(case)
        self.resolution_errors.clear()
        self.w["resolutionEdit"].clear()
        self.w["suspendReasonEdit"].clear()
        actions = workflow.allowed_actions(case, self.ctx.user) if case is not None else []
        allowed = "resolve" in actions
        for name in ("resolutionEdit", "executorCombo", "assignButton"):
            self.w[name].setEnabled(allowed)
        for name in ("suspendReasonEdit", "suspendButton"):
            self.w[name].setEnabled("suspend" in actions)
        if case is None:
            self.w["resolutionCase"].setHtml(f"<p style='color:#555'>{self.tr('No case awaits a resolution.')}</p>")
            self.w["executorCombo"].clear()
            return
        self.w["resolutionCase"].setHtml(self._header(case))
        self._fill_executors()
        if not allowed:
            self.w["assignButton"].setToolTip(self.tr("Only the head puts a resolution."))

    def _fill_executors(self) -> None:
        combo: QComboBox = self.w["executorCombo"]
        combo.clear()
        loads = self.reg.executors_with_load()
        for user, load in loads:
            combo.addItem(self.tr("%1 — %n open case(s)", "", load).replace("%1", user.full_name), user.id)
        if loads:
            lightest = min(range(len(loads)), key=lambda i: loads[i][1])
            combo.setCurrentIndex(lightest)

    def assign(self) -> None:
        """Put the resolution and hand the case to the chosen executor."""
        case = self._current("resolutionView")
        if case is None or not self.w["assignButton"].isEnabled():
            return
        self.resolution_errors.clear()
        executor = combo_data(self.w["executorCombo"])
        if executor is None:
            set_message(self.w["executorError"], self.tr("Choose the executor."))
            return
        self._perform(self.resolution_errors, case, "resolve", executor=int(executor),
                      resolution=self.w["resolutionEdit"].text())

    def suspend(self) -> None:
        """Suspend the case while the applicant brings missing documents (the clock stops; the core wants a reason)."""
        case = self._current("resolutionView")
        if case is None or not self.w["suspendButton"].isEnabled():
            return
        self.resolution_errors.clear()
        self._perform(self.resolution_errors, case, "suspend", reason=self.w["suspendReasonEdit"].text())

    # ------------------------------------------------------------ suspended cases

    def _show_suspended(self) -> None:
        case = self._current("suspendedView")
        key = (case.reg_no, case.stage, case.version) if case else None
        if key == self._shown["suspended"] and case is not None:
            return
        self._shown["suspended"] = key
        self.seen.note(case)
        self.suspended_errors.clear()
        allowed = case is not None and "resume" in workflow.allowed_actions(case, self.ctx.user)
        self.w["resumeButton"].setEnabled(allowed)
        if case is None:
            self.w["suspendedCase"].setHtml(f"<p style='color:#555'>{self.tr('No case is suspended.')}</p>")
            return
        since = case.data.get("suspended_at")
        when = fmt_datetime(dt.datetime.fromisoformat(since), self.lang) if since else "—"
        stage = stage_title(case.data.get("suspended_from", ""), self.lang)
        note = self.tr("Suspended on %1 at the stage “%2”.").replace("%1", when).replace("%2", stage)
        self.w["suspendedCase"].setHtml(self._header(case) + f"<p style='color:#555'>{html.escape(note)}</p>")

    def resume(self) -> None:
        """Take the suspended case up again where it stopped; its deadlines move on by the time it waited."""
        case = self._current("suspendedView")
        if case is not None and self.w["resumeButton"].isEnabled():
            self.suspended_errors.clear()
            self._perform(self.suspended_errors, case, "resume")

    # ------------------------------------------------------------ signature

    def _show_signature(self) -> None:
        case = self._current("signatureView")
        key = (case.reg_no, case.stage, case.version) if case else None
        if key == self._shown["signature"] and case is not None:
            return
        self._shown["signature"] = key
        self.seen.note(case)
        self.signature_errors.clear()
        self.w["returnReasonEdit"].clear()
        allowed = workflow.allowed_actions(case, self.ctx.user) if case is not None else []
        self.w["signButton"].setEnabled("sign" in allowed)
        if case is None:
            self.w["signatureCase"].setHtml(f"<p style='color:#555'>{self.tr('No draft awaits a signature.')}</p>")
            self.w["draftView"].clear()
            self._enable_return(False, "")
            return
        service = self.reg.service_of(case)
        self.w["signatureCase"].setHtml(self._header(case))
        self.w["draftView"].setHtml(draft_html(case, service, self.lang))
        if "return" not in allowed:
            self._enable_return(False, self.tr("Only the head returns a draft."))
        elif not service.head_may_return:
            self._enable_return(False, message("no_return", self.lang, service=service.code))
        else:
            self._enable_return(True, "")

    def _enable_return(self, enabled: bool, why: str) -> None:
        for name in ("returnReasonEdit", "returnButton"):
            self.w[name].setEnabled(enabled)
            self.w[name].setToolTip(why)

    def sign(self) -> None:
        case = self._current("signatureView")
        if case is not None and self.w["signButton"].isEnabled():
            self._perform(self.signature_errors, case, "sign")

    def return_draft(self) -> None:
        case = self._current("signatureView")
        if case is not None and self.w["returnButton"].isEnabled():
            self.signature_errors.clear()
            self._perform(self.signature_errors, case, "return", reason=self.w["returnReasonEdit"].text())

    # ------------------------------------------------------------ board

    def _fill_board(self) -> None:
        board = self.reg.deadline_board(self.now())
        totals = {k: sum(v[k] for v in board["service"].values()) for k in BOARD_KEYS}
        self._tile("overdueTile", self.tr("Overdue"), totals["overdue"], RED)
        self._tile("dueTodayTile", self.tr("Due today"), totals["due_today"], AMBER)
        self._tile("onTimeTile", self.tr("On time"), totals["on_time"], GREEN)
        services = [(s.code, f"{s.code} · {s.title(self.lang)}") for s in self.reg.catalogue.services]
        self._fill_table(self.w["serviceBoard"], self.tr("Service"), services, board["service"])
        executors = sorted(((uid, self._names.get(uid, str(uid)) if uid is not None else self.tr("Not assigned yet"))
                            for uid in board["executor"]), key=lambda p: (p[0] is not None, p[1]))
        self._fill_table(self.w["executorBoard"], self.tr("Executor"), executors, board["executor"])

    def _tile(self, name: str, title: str, count: int, colours: tuple[str, str]) -> None:
        strong, light = colours
        label: QLabel = self.w[name]
        label.setText(f"<div style='font-size:22pt;font-weight:700'>{count}</div><div>{title}</div>")
        label.setStyleSheet(f"QLabel {{ color: {strong}; background: {light}; border: 1px solid {strong};"
                            " border-radius: 4px; padding: 4px 12px; }")

    def _fill_table(self, table: QTableWidget, first: str, rows: list, counts: dict) -> None:
        table.setHorizontalHeaderLabels([first, self.tr("Overdue"), self.tr("Due today"), self.tr("On time")])
        table.setRowCount(len(rows))
        for r, (key, title) in enumerate(rows):
            slot = counts.get(key, {})
            table.setItem(r, 0, QTableWidgetItem(title))
            for c, (field, colours) in enumerate(zip(BOARD_KEYS, (RED, AMBER, GREEN)), start=1):
                value = int(slot.get(field, 0))
                item = QTableWidgetItem(str(value))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if value:
                    item.setBackground(QBrush(QColor(colours[1])))
                    item.setForeground(QBrush(QColor(colours[0])))
                table.setItem(r, c, item)

    # ------------------------------------------------------------ helpers

    def _header(self, case: Case) -> str:
        return case_header_html(case, self.reg.service_of(case), self.lang, self._names, self.now())

    def _perform(self, errors: InlineErrors, case: Case, action: str, **params) -> Case | None:
        """One workflow action through the register (one transaction); refusals shown inline or calmly; a case
        changed meanwhile at another desk is a Conflict, and the pane then shows the case as it is now."""
        version = self.seen.of(case)
        try:
            new = submit(self, lambda token: self.reg.perform(self.ctx.user, case.reg_no, action, request=token,
                                                              expected_version=version, **params),
                         lambda new: self._performed(case.reg_no), lambda exc: self._refused(errors, exc))
        except KenseError as exc:
            self._refused(errors, exc)
            return None
        if new is not None:
            self._performed(case.reg_no)
        return new

    def _performed(self, reg_no: str) -> None:
        self.refresh()  # the window refreshes the other tabs when it hears the change
        self.ctx.signals.cases_changed.emit(reg_no)

    def _refused(self, errors: InlineErrors, exc: KenseError) -> None:
        if isinstance(exc, ValidationError):
            errors.show(exc)
            return
        alerts.refusal(self, exc)
        self.refresh()  # a pane shows its case again when its version changed: the case as it is now
