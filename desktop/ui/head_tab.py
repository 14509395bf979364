"""The head's desk (басшы): resolve and assign, read and sign drafts (or return them), watch the deadlines.

Two queues ordered by the current step's due time, each with the selected case beside it, the suspended cases
(a case awaiting resolution is suspended here while the applicant brings missing documents, and resumed here),
and a traffic-light board of open cases per service and per executor. Buttons are enabled only for actions the
core allows this user on the selected case (``workflow.allowed_actions``); the core checks again when the
action is performed.

Every action acts on the case shown in the pane and nothing else: sign and return first ask, naming the case
(number, applicant, decision; Enter confirms, Esc cancels), a repeated click or key does nothing more
(``RepeatGuard``), and afterwards the list keeps its place with nothing selected while the pane says what was done
to which case; F8 selects the next case. Keys (any keyboard layout): F5 / F6 / F7 / F12 the queues and the board,
F2 the list, F8 / Shift+F8 next / previous case, F3 / F4 / F11 the fields, F9 the page's action, Shift+F9 the other
one (suspend, return).
"""
from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from typing import Any

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
from .desk_keys import (NEXT_KEY, PREVIOUS_KEY, Keys, RepeatGuard, case_rows, confirm_case, done_banner, keep_scroll,
                        let_go, selected_row, step)
from .forms import child, load_into
from .labels import decision_title, fmt_datetime, stage_title
from .models import CaseTableModel, fit_columns, fit_splitter

RESOLUTION_COLUMNS = ("reg_no", "service", "applicant", "registered_at", "step_due_at", "due_at")
SIGNATURE_COLUMNS = ("reg_no", "service", "applicant", "decision", "executor", "step_due_at", "due_at")
SUSPENDED_COLUMNS = ("reg_no", "service", "applicant", "executor", "registered_at", "due_at")
REASSIGN_COLUMNS = ("reg_no", "service", "applicant", "executor", "stage", "due_at")
BOARD_KEYS = ("overdue", "due_today", "on_time")
QUEUES = {"resolution": "resolutionView", "signature": "signatureView", "suspended": "suspendedView",
          "reassign": "reassignView"}
QUEUE_OF = {"resolve": "resolution", "suspend": "resolution", "resume": "suspended", "reassign": "reassign"}

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
    "reassignPage": QWidget, "reassignView": QTableView, "reassignCase": QTextBrowser,
    "reassignExecutorCombo": QComboBox, "reassignExecutorError": QLabel, "reassignReasonEdit": QLineEdit,
    "reassignReasonError": QLabel, "reassignMessage": QLabel, "reassignButton": QPushButton,
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
        self._shown: dict[str, tuple[Any, ...] | None] = {queue: None for queue in QUEUES}
        # what the last action in each queue did, to which case: (reg_no, sentence) shown over the pane
        self._acted: dict[str, tuple[str, str] | None] = {queue: None for queue in QUEUES}
        self.guard = RepeatGuard()
        self.confirmation = None  # the open sign / return question, if any
        self._loaded = False
        self._refreshing = False
        self.seen = SeenVersions()  # the version each pane shows: what an action is computed from
        self._setup_messages()
        self._setup_queues()
        self._setup_reassign()
        self._setup_boards()
        self._setup_actions()
        self._setup_keys()
        self.refresh()
        self._loaded = True

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
            view.selectionModel().selectionChanged.connect(lambda *_a, v=view, s=slot: self._picked(v, s))
            view.activated.connect(lambda index, m=model: self.ctx.open_case(m.reg_no(index.row()) or ""))
        self._fit_columns()

    def _picked(self, view: QTableView, show: Callable[[], None]) -> None:
        """A case chosen by the person (not re-selected by a refresh) starts a new action for the guard."""
        if not self._refreshing and selected_reg_no(view):
            self.guard.moved()
        show()

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

    def _setup_keys(self) -> None:
        """F-keys, live on the page that shows their widget (Qt fires a shortcut only while it is visible)."""
        keys = self.keys = Keys(self)
        w = self.w
        tabs: QTabWidget = w["headTabs"]
        for key, page, view in (("F5", "resolutionPage", "resolutionView"), ("F6", "signaturePage", "signatureView"),
                                ("F7", "suspendedPage", "suspendedView"), ("F10", "reassignPage", "reassignView"),
                                ("F12", "boardPage", None)):
            keys.tab(key, tabs, w[page], (lambda v=view: self.focus_list(v)) if view else None)
            if view is not None:
                keys.bind("F2", w[page], lambda v=view: self.focus_list(v))
                keys.bind(NEXT_KEY, w[page], lambda v=view: step(self.w[v], True))
                keys.bind(PREVIOUS_KEY, w[page], lambda v=view: step(self.w[v], False))
        page = w["resolutionPage"]
        keys.bind("F3", page, w["resolutionEdit"])
        keys.bind("F4", page, w["executorCombo"])
        keys.bind("F9", page, w["assignButton"])
        keys.bind("F11", page, w["suspendReasonEdit"])
        keys.bind("Shift+F9", page, w["suspendButton"])
        page = w["signaturePage"]
        keys.bind("F9", page, w["signButton"])
        keys.bind("F3", page, w["returnReasonEdit"])
        keys.bind("Shift+F9", page, w["returnButton"])
        keys.bind("F9", w["suspendedPage"], w["resumeButton"])
        page = w["reassignPage"]
        keys.bind("F4", page, w["reassignExecutorCombo"])
        keys.bind("F3", page, w["reassignReasonEdit"])
        keys.bind("F9", page, w["reassignButton"])
        keys.decorate()

    def focus_list(self, view: str) -> None:
        self.w[view].setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_first(self) -> None:
        """After the login: the resolution text of the case shown, or the list when there is nothing to resolve."""
        self.w["headTabs"].setCurrentWidget(self.w["resolutionPage"])
        edit = self.w["resolutionEdit"]
        (edit if edit.isEnabled() else self.w["resolutionView"]).setFocus(Qt.FocusReason.OtherFocusReason)

    # ------------------------------------------------------------ refresh and language

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            # the form's own texts are retranslated by its children after this handler: follow them
            QTimer.singleShot(0, self, self.retranslate)
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Catalogue and code texts follow the new language; what the head has typed is kept."""
        typed = {name: self.w[name].text() for name in ("resolutionEdit", "returnReasonEdit", "suspendReasonEdit",
                                                        "reassignReasonEdit")}
        executor = combo_data(self.w["executorCombo"])
        for model in (self.resolution_model, self.signature_model, self.suspended_model, self.reassign_model):
            model.set_language(self.lang)
        self._fit_columns()
        self._shown = {queue: None for queue in QUEUES}
        self.refresh()
        self.keys.decorate()
        for name, text in typed.items():
            self.w[name].setText(text)
        combo: QComboBox = self.w["executorCombo"]
        if executor is not None and combo.findData(executor) >= 0:
            combo.setCurrentIndex(combo.findData(executor))

    def refresh(self, _reg_no: str = "") -> None:
        """Re-read the queues and the board; keep the selected case (and what was typed) when it is still there.

        Only the first reading selects the first case: later a case that left a list (acted on here or by someone
        else) leaves nothing selected, and the list stays where it was, until the person picks a case (F8)."""
        self._names = user_names(self.reg)
        self._refreshing = True
        try:
            for view, model in ((self.w["resolutionView"], self.resolution_model),
                                (self.w["signatureView"], self.signature_model),
                                (self.w["suspendedView"], self.suspended_model),
                                (self.w["reassignView"], self.reassign_model)):
                keep = selected_reg_no(view)
                place = view.currentIndex().row() if view.currentIndex().isValid() else None
                scrolled = keep_scroll(view)
                model.refresh()
                if not select_reg_no(view, keep, fallback_first=not self._loaded) and self._loaded:
                    let_go(view, place)
                scrolled()
        finally:
            self._refreshing = False
        self._show_resolution()
        self._show_signature()
        self._show_suspended()
        self._refresh_reassign()
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
        self._forget_acted("resolution", case)
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
            self.w["executorCombo"].clear()
            if not self._show_acted("resolution", "resolutionCase"):
                self._show_empty("resolutionCase", self.resolution_model, self.tr("No case awaits a resolution."))
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
        if case is None or not self.w["assignButton"].isEnabled() or not self.guard.allow("resolve", case.reg_no):
            return
        self.resolution_errors.clear()
        executor = combo_data(self.w["executorCombo"])
        if executor is None:
            set_message(self.w["executorError"], self.tr("Choose the executor."))
            return
        name = self._names.get(int(executor), str(executor))
        self._perform(self.resolution_errors, case, "resolve", executor=int(executor),
                      resolution=self.w["resolutionEdit"].text(),
                      done=self.tr("%1 (%2) is assigned to %3.").replace("%3", name))

    def suspend(self) -> None:
        """Suspend the case while the applicant brings missing documents (the clock stops; the core wants a reason)."""
        case = self._current("resolutionView")
        if case is None or not self.w["suspendButton"].isEnabled() or not self.guard.allow("suspend", case.reg_no):
            return
        self.resolution_errors.clear()
        self._perform(self.resolution_errors, case, "suspend", reason=self.w["suspendReasonEdit"].text(),
                      done=self.tr("%1 (%2) is suspended."))

    # ------------------------------------------------------------ suspended cases

    def _show_suspended(self) -> None:
        case = self._current("suspendedView")
        key = (case.reg_no, case.stage, case.version) if case else None
        if key == self._shown["suspended"] and case is not None:
            return
        self._shown["suspended"] = key
        self._forget_acted("suspended", case)
        self.seen.note(case)
        self.suspended_errors.clear()
        allowed = case is not None and "resume" in workflow.allowed_actions(case, self.ctx.user)
        self.w["resumeButton"].setEnabled(allowed)
        if case is None:
            if not self._show_acted("suspended", "suspendedCase"):
                self._show_empty("suspendedCase", self.suspended_model, self.tr("No case is suspended."))
            return
        since = case.data.get("suspended_at")
        when = fmt_datetime(dt.datetime.fromisoformat(since), self.lang) if since else "—"
        stage = stage_title(case.data.get("suspended_from", ""), self.lang)
        note = self.tr("Suspended on %1 at the stage “%2”.").replace("%1", when).replace("%2", stage)
        self.w["suspendedCase"].setHtml(self._header(case) + f"<p style='color:#555'>{html.escape(note)}</p>")

    def resume(self) -> None:
        """Take the suspended case up again where it stopped; its deadlines move on by the time it waited."""
        case = self._current("suspendedView")
        if case is not None and self.w["resumeButton"].isEnabled() and self.guard.allow("resume", case.reg_no):
            self.suspended_errors.clear()
            self._perform(self.suspended_errors, case, "resume", done=self.tr("%1 (%2) is taken up again."))

    # ------------------------------------------------------------ signature

    def _show_signature(self) -> None:
        case = self._current("signatureView")
        key = (case.reg_no, case.stage, case.version) if case else None
        if key == self._shown["signature"] and case is not None:
            return
        self._shown["signature"] = key
        self._forget_acted("signature", case)
        self.seen.note(case)
        self.signature_errors.clear()
        self.w["returnReasonEdit"].clear()
        allowed = workflow.allowed_actions(case, self.ctx.user) if case is not None else []
        self.w["signButton"].setEnabled("sign" in allowed)
        if case is None:
            self.w["draftView"].clear()
            self._enable_return(False, "")
            if not self._show_acted("signature", "signatureCase"):
                self._show_empty("signatureCase", self.signature_model, self.tr("No draft awaits a signature."))
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
        """Ask, naming the case and its decision; sign only after Enter (or a click on the confirming button)."""
        case = self._current("signatureView")
        if case is None or not self.w["signButton"].isEnabled() or not self.guard.allow("sign", case.reg_no):
            return
        self.signature_errors.clear()
        if self._changed_meanwhile(case, "sign"):
            return
        self._confirm(case, "sign", self.tr("Sign"), self.tr("Sign this draft?"), [],
                      self.tr("%1 (%2) is signed: %3."))

    def return_draft(self) -> None:
        """Check the reason, ask naming the case, and only then return the draft to the executor."""
        case = self._current("signatureView")
        if case is None or not self.w["returnButton"].isEnabled() or not self.guard.allow("return", case.reg_no):
            return
        self.signature_errors.clear()
        reason = " ".join(self.w["returnReasonEdit"].text().split())
        if self._changed_meanwhile(case, "return", reason=reason):
            return
        try:  # the core's own checks, on a copy: a missing reason is answered before the question
            workflow.perform(case, service=self.reg.service_of(case), actor=self.ctx.user, action="return",
                             now=self.now(), params={"reason": reason}, calendar=self.reg.calendar())
        except ValidationError as exc:
            self.signature_errors.show(exc)
            return
        except KenseError as exc:
            alerts.refusal(self, exc)
            self.refresh()
            return
        self._confirm(case, "return", self.tr("Return"), self.tr("Return this draft to the executor?"),
                      [(self.tr("Return reason"), reason)], self.tr("%1 (%2) is returned to the executor: %3."),
                      reason=reason)

    def _changed_meanwhile(self, case: Case, action: str, **params) -> bool:
        """The case changed at another desk since the pane showed it: no question about a case nobody sees; the
        register is asked with the version shown and answers with its Conflict (who, when, what), told calmly."""
        if case.version == self.seen.of(case):
            return False
        self._perform(self.signature_errors, case, action, done="", **params)
        return True

    def _confirm(self, case: Case, action: str, verb: str, question: str, extra: list[tuple[str, str]],
                 done: str, **params) -> None:
        rows = case_rows(case, self.reg.service_of(case).title(self.lang),
                         decision_title(case.decision or "", self.lang)) + extra

        def confirmed() -> None:
            # the case the question named, at the version it showed: changed meanwhile at another desk, the
            # register answers with a Conflict (who, when, what) and the pane shows the case as it is now
            self._perform(self.signature_errors, case, action, done=done, **params)

        self.confirmation = confirm_case(self, action, verb, question, rows, verb, confirmed, self.guard)
        self.confirmation.finished.connect(lambda _r: setattr(self, "confirmation", None))

    # ------------------------------------------------------------ reassign (issue 10)

    def _setup_reassign(self) -> None:
        """The cases with an executor (at work or suspended): the head hands one to another executor, with a reason."""
        names = lambda uid: short_name(self._names.get(uid, str(uid)))  # noqa: E731
        working, suspended = Filters(stage="with_executor"), Filters(stage="suspended")
        # both lists newest first (by id): merged, they stay newest first
        self.reassign_model = id_list_model(
            lambda: sorted(self.reg.find_ids(working) + self.reg.find_ids(suspended), reverse=True), self.reg,
            columns=REASSIGN_COLUMNS, lang=self.lang, executor_names=names, now=lambda: self.now(), parent=self)
        view: QTableView = self.w["reassignView"]
        setup_table(view, self.reassign_model)
        view.selectionModel().selectionChanged.connect(lambda *_a: self._show_reassign())
        view.activated.connect(lambda index: self.ctx.open_case(self.reassign_model.reg_no(index.row()) or ""))
        fit_columns(view)
        fit_splitter(self.findChild(QSplitter, "reassignSplitter"), view)
        for name in ("reassignExecutorError", "reassignReasonError", "reassignMessage"):
            style_error_label(self.w[name])
        self.reassign_errors = InlineErrors(lambda: self.lang, self.w["reassignMessage"])
        self.reassign_errors.add("executor", self.w["reassignExecutorError"], self.w["reassignExecutorCombo"])
        self.reassign_errors.add("reason", self.w["reassignReasonError"], self.w["reassignReasonEdit"])
        self.w["reassignButton"].clicked.connect(self.reassign)
        self.w["reassignReasonEdit"].returnPressed.connect(self.reassign)

    def _refresh_reassign(self) -> None:
        """The page's pane and its count (its list is re-read with the other queues in ``refresh``)."""
        self._show_reassign()
        tabs: QTabWidget = self.w["headTabs"]
        tabs.setTabText(tabs.indexOf(self.w["reassignPage"]),
                        self.tr("With e&xecutors (%1)").replace("%1", str(self.reassign_model.rowCount())))

    def _show_reassign(self) -> None:
        case = self._current("reassignView")
        key = (case.reg_no, case.stage, case.version) if case else None
        if key == self._shown["reassign"] and case is not None:
            return  # the same case: keep what the head has typed
        self._shown["reassign"] = key
        self._forget_acted("reassign", case)
        self.seen.note(case)
        self.reassign_errors.clear()
        self.w["reassignReasonEdit"].clear()
        combo: QComboBox = self.w["reassignExecutorCombo"]
        combo.clear()
        allowed = case is not None and case.executor_id is not None and \
            "reassign" in workflow.allowed_actions(case, self.ctx.user)
        for name in ("reassignExecutorCombo", "reassignReasonEdit", "reassignButton"):
            self.w[name].setEnabled(allowed)
        if case is None:
            if not self._show_acted("reassign", "reassignCase"):
                self._show_empty("reassignCase", self.reassign_model, self.tr("No case is with an executor."))
            return
        note = ""
        if case.executor_id is None:  # suspended before a resolution
            note = message("no_executor_yet", self.lang, reg_no=case.reg_no)
        self.w["reassignCase"].setHtml(self._header(case) + (f"<p style='color:#555'>{html.escape(note)}</p>"
                                                             if note else ""))
        if not allowed:
            return
        others = [(u, load) for u, load in self.reg.executors_with_load() if u.id != case.executor_id]
        for user, load in others:
            combo.addItem(self.tr("%1 — %n open case(s)", "", load).replace("%1", user.full_name), user.id)
        if others:  # the least loaded other executor first
            combo.setCurrentIndex(min(range(len(others)), key=lambda i: others[i][1]))

    def reassign(self) -> None:
        """Hand the chosen case to the chosen executor; the core wants another active executor and a reason."""
        case = self._current("reassignView")
        if case is None or not self.w["reassignButton"].isEnabled() or not self.guard.allow("reassign", case.reg_no):
            return
        self.reassign_errors.clear()
        chosen = combo_data(self.w["reassignExecutorCombo"])
        if chosen is None:
            set_message(self.w["reassignExecutorError"], self.tr("Choose the executor."))
            return
        try:
            executor = self.reg.user(int(chosen))  # the account as it is now (it may have been switched off)
        except KenseError as exc:
            self.reassign_errors.show(exc)
            return
        self._perform(self.reassign_errors, case, "reassign", executor=executor,
                      reason=self.w["reassignReasonEdit"].text(),
                      done=self.tr("%1 (%2) is handed to another executor: %3."))

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

    def _perform(self, errors: InlineErrors, case: Case, action: str, *, done: str, **params) -> Case | None:
        """One workflow action on ``case`` through the register (one transaction); refusals shown inline or calmly.

        Afterwards the pane says what was done to which case (``done``: %1 number, %2 applicant, %3 decision or
        reason), the list keeps its place and nothing else is selected; the focus goes to the list, where F8
        picks the next case."""
        version = self.seen.of(case)
        try:
            new = submit(self, lambda token: self.reg.perform(self.ctx.user, case.reg_no, action, request=token,
                                                              expected_version=version, **params),
                         lambda new: self._performed(action, case, new, params, done),
                         lambda exc: self._refused(errors, exc))
        except KenseError as exc:
            self._refused(errors, exc)
            return None
        if new is not None:
            self._performed(action, case, new, params, done)
        return new

    def _performed(self, action: str, case: Case, new: Case, params: dict, done: str) -> None:
        """After the action (now, or when a lost server came back): say what was done to which case, keep the
        list's place, select nothing else; the focus goes to the list, where F8 picks the next case."""
        queue = QUEUE_OF.get(action, "signature")
        view = self.w[QUEUES[queue]]
        self.guard.done(action, case.reg_no)
        third = params.get("reason") or decision_title(new.decision or "", self.lang)
        self._acted[queue] = (case.reg_no, done.replace("%1", case.reg_no)
                              .replace("%2", case.applicant.full_name).replace("%3", third))
        place = selected_row(view)
        view.selectionModel().clearSelection()
        self.refresh()  # the window refreshes the other tabs when it hears the change
        let_go(view, place)
        self._shown[queue] = None
        {"resolution": self._show_resolution, "signature": self._show_signature,
         "suspended": self._show_suspended, "reassign": self._show_reassign}[queue]()
        view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.ctx.signals.cases_changed.emit(case.reg_no)

    def _refused(self, errors: InlineErrors, exc: KenseError) -> None:
        if isinstance(exc, ValidationError):
            errors.show(exc)
            return
        alerts.refusal(self, exc)
        self.refresh()  # a pane shows its case again when its version changed: the case as it is now

    def _forget_acted(self, queue: str, case: Case | None) -> None:
        """The person chose another case: the note about the last action goes."""
        acted = self._acted[queue]
        if self._refreshing:  # a list updated in place may move its current row: not the person's choice
            return
        if case is not None and acted is not None and acted[0] != case.reg_no:
            self._acted[queue] = None

    def _show_acted(self, queue: str, browser: str) -> bool:
        """The case the last action acted on, as it is now, under a line saying what was done (nothing selected)."""
        acted = self._acted[queue]
        if acted is None:
            return False
        reg_no, text = acted
        try:
            case = self.reg.case(reg_no)
        except KenseError:
            return False
        hint = self.tr("%1: the next case.").replace("%1", NEXT_KEY)
        self.w[browser].setHtml(done_banner(text) + self._header(case) +
                                f"<p style='color:#555'>{html.escape(hint)}</p>")
        return True

    def _show_empty(self, browser: str, model: CaseTableModel, empty: str) -> None:
        text = self.tr("Choose a case in the list (%1: the next case).").replace("%1", NEXT_KEY) \
            if model.rowCount() else empty
        self.w[browser].setHtml(f"<p style='color:#555'>{html.escape(text)}</p>")
