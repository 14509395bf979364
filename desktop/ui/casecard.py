"""The case card: every field of one case, its steps with their due times, and the full audit history.

Opened from any list (``ctx.open_case(reg_no)``); it reloads itself when the case changes elsewhere in the app.
The step table answers the question the head asks most ("who was late, and where?"): for each stage the case
entered, the due time the store recorded in that event (``step_due_at``), when the case left the stage, and
whether it left late — or, if it is still there, whether it is past due now.

A clerk or the head records the applicant's written withdrawal here (the card is what the clerk opens by scanning
or typing the number at the counter, from the journal or from the register): a reason, a confirmation, then the
core's ``withdraw`` in one transaction with its audit event. The button is enabled only when the core allows it.
"""
from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QGroupBox, QHeaderView, QLabel, QLineEdit, QMenu,
                               QPushButton, QTableWidget, QTableWidgetItem, QTabWidget, QTreeWidget, QTreeWidgetItem,
                               QWidget)

from ..core import workflow
from ..core.errors import KenseError, ValidationError
from ..core.model import Case
from ..core.packages import package_title
from ..core.workflow import STAGE_STEPS
from ..store import HistoryEntry, now_local
from . import alerts
from .casecard_details import CaseDetails, DetailSection, kind_title, case_sections
from .casework import set_message, style_error_label, submit
from .context import AppContext
from .desk_keys import RepeatGuard
from .forms import child, load_into
from .labels import decision_title, fmt_datetime, stage_title
from .models import DUE_TODAY, OVERDUE
from .screens import fit_to_screen

log = logging.getLogger("kense.casecard")
LATE = QColor("#f8d7da")
ON_TIME = QColor("#d1e7dd")


@dataclass(frozen=True)
class StepRow:
    """One stage the case entered: when, by whom, its due time, when it left, and whether it was late."""
    stage: str
    entered_at: dt.datetime
    actor: str
    due_at: dt.datetime | None
    left_at: dt.datetime | None
    late: bool | None  # None: the stage has no deadline (suspended, delivered, withdrawn)


def _when(text: Any) -> dt.datetime | None:
    if not text:
        return None
    try:
        return dt.datetime.fromisoformat(str(text))
    except ValueError:
        return None


def step_rows(history: Sequence[HistoryEntry], now: dt.datetime) -> list[StepRow]:
    """The stages entered, from the audit trail. The due time in force is the last ``step_due_at`` recorded."""
    entered: list[tuple[str, dt.datetime, str, dt.datetime | None]] = []
    leaving: list[dt.datetime | None] = []
    due: dt.datetime | None = None
    for event in history:
        if "step_due_at" in event.details:
            due = _when(event.details["step_due_at"])
        if event.to_stage is None or event.to_stage == event.from_stage:
            continue
        if entered:
            leaving[-1] = event.at
        entered.append((event.to_stage, event.at, event.actor, due if event.to_stage in STAGE_STEPS else None))
        leaving.append(None)
    rows = []
    for (stage, at, actor, stage_due), left in zip(entered, leaving):
        late = None if stage_due is None else (left or now) > stage_due
        rows.append(StepRow(stage, at, actor, stage_due, left, late))
    return rows


class CaseCard(QDialog):
    """All about one case; ``load(reg_no)`` raises NotFound for an unknown number (the window shows it calmly)."""

    def __init__(self, ctx: AppContext, reg_no: str, parent: QWidget | None = None,
                 now: Callable[[], dt.datetime] = now_local) -> None:
        super().__init__(parent)
        load_into(self, "case_card")
        self.ctx = ctx
        self._now = now
        self.case: Case | None = None
        self.history: list[HistoryEntry] = []
        self.title_label: QLabel = child(self, QLabel, "titleLabel")
        self.service_label: QLabel = child(self, QLabel, "serviceLabel")
        self.stage_label: QLabel = child(self, QLabel, "stageLabel")
        self.due_label: QLabel = child(self, QLabel, "dueLabel")
        self.tabs: QTabWidget = child(self, QTabWidget, "cardTabs")
        self.details_tree: QTreeWidget = child(self, QTreeWidget, "detailsTree")
        self.steps_table: QTableWidget = child(self, QTableWidget, "stepsTable")
        self.history_table: QTableWidget = child(self, QTableWidget, "historyTable")
        self.print_button: QPushButton = child(self, QPushButton, "printButton")
        self.withdraw_box: QGroupBox = child(self, QGroupBox, "withdrawBox")
        self.withdraw_edit: QLineEdit = child(self, QLineEdit, "withdrawReasonEdit")
        self.withdraw_button: QPushButton = child(self, QPushButton, "withdrawButton")
        self.withdraw_error: QLabel = child(self, QLabel, "withdrawError")
        style_error_label(self.withdraw_error)
        self.withdraw_button.clicked.connect(self.withdraw)
        self.guard = RepeatGuard()  # a double click or a double Enter withdraws once
        self.withdraw_edit.installEventFilter(self)  # Enter there withdraws, and only that (not the default button)
        self.withdraw_edit.textEdited.connect(lambda _text: set_message(self.withdraw_error, ""))
        buttons: QDialogButtonBox = child(self, QDialogButtonBox, "buttonBox")
        buttons.rejected.connect(self.reject)
        self.details_tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self._rows_timer = QTimer(self, singleShot=True, interval=0)
        self._rows_timer.timeout.connect(self.history_table.resizeRowsToContents)
        self.history_table.horizontalHeader().sectionResized.connect(lambda *_: self._rows_timer.start())
        self._users = {u.username: u.full_name for u in ctx.register.users()}
        self.load(reg_no)
        ctx.signals.cases_changed.connect(self._changed)
        self._restore_geometry()

    @property
    def reg_no(self) -> str:
        return self.case.reg_no if self.case else ""

    # ---------------------------------------------------------------- loading

    def load(self, reg_no: str) -> None:
        reg = self.ctx.register
        case = reg.case(reg_no)
        self.case = case
        self.service = reg.service_of(case)
        self.history = reg.history(case.id)
        self._fill()

    def _changed(self, reg_no: str) -> None:
        if self.case and reg_no in ("", self.case.reg_no):
            try:
                self.load(self.case.reg_no)
            except KenseError as exc:
                log.warning("case card reload failed: %s", exc.message("en"))

    def _fill(self) -> None:
        self._fill_header()
        self._fill_details()
        self._fill_steps()
        self._fill_history()
        self._setup_print()
        self._setup_withdraw()

    def _fill_header(self) -> None:
        case, lang = self.case, self.ctx.lang
        self.setWindowTitle(self.tr("Case %1").replace("%1", case.reg_no))
        self.title_label.setText(f"{case.reg_no} · {case.applicant.full_name}")
        self.service_label.setText(f"{case.service} — {self.service.title(lang)}")
        stage = stage_title(case.stage, lang)
        if case.decision:
            stage += f" ({decision_title(case.decision, lang)})"
        if case.package is not None:
            stage += " · " + self.tr("package: %1").replace("%1", package_title(case.package, case.channel, lang))
        self.stage_label.setText(self.tr("Stage: %1").replace("%1", stage))
        now = self._now()
        due = self.tr("Due: %1").replace("%1", fmt_datetime(case.due_at, lang))
        colour = ""
        if case.overdue(now):
            due += " — " + self.tr("overdue")
            colour = OVERDUE.name()
        elif case.is_open and case.stage != "suspended" and case.due_at.date() == now.date():
            due += " — " + self.tr("due today")
            colour = DUE_TODAY.name()
        self.due_label.setText(due)
        self.due_label.setStyleSheet(f"background: {colour}; padding: 2px 6px;" if colour else "")

    def _fill_details(self) -> None:
        tree = self.details_tree
        tree.clear()
        sections = case_sections(self.ctx.register, self.case, self.service, self.ctx.lang)
        for section in sections:
            tree.addTopLevelItem(_section_item(section))
        tree.expandAll()

    def _fill_steps(self) -> None:
        lang = self.ctx.lang
        rows = step_rows(self.history, self._now())
        table = self.steps_table
        table.clear()
        headers = [self.tr("Stage"), self.tr("Entered"), self.tr("Passed on by"), self.tr("Due"), self.tr("Left"),
                   self.tr("On time?")]
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            if row.late is None:
                verdict, colour = "—", None
            elif row.late:
                verdict = self.tr("late") if row.left_at else self.tr("late, still open")
                colour = LATE
            else:
                verdict = self.tr("on time") if row.left_at else self.tr("open, in time")
                colour = ON_TIME
            cells = [stage_title(row.stage, lang), fmt_datetime(row.entered_at, lang), self._actor(row.actor),
                     fmt_datetime(row.due_at, lang) or "—", fmt_datetime(row.left_at, lang) or "—", verdict]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if colour is not None and c == len(cells) - 1:
                    item.setBackground(QBrush(colour))
                table.setItem(r, c, item)
        table.resizeColumnsToContents()

    def _fill_history(self) -> None:
        lang = self.ctx.lang
        table = self.history_table
        table.clear()
        headers = [self.tr("Time"), self.tr("Actor"), self.tr("Action"), self.tr("Stage"), self.tr("Details")]
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(self.history))
        words = CaseDetails(self.ctx.register, lang)
        for r, event in enumerate(self.history):
            moved = ""
            if event.to_stage and event.to_stage != event.from_stage:
                moved = (f"{stage_title(event.from_stage, lang)} → " if event.from_stage else "→ ") + \
                    stage_title(event.to_stage, lang)
            cells = [fmt_datetime(event.at, lang), self._actor(event.actor),
                     words.action(event.action), moved,
                     words.details_line(event.details, self.service)]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                table.setItem(r, c, item)
        header = table.horizontalHeader()
        for c in range(len(headers) - 1):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
        table.resizeRowsToContents()

    def _actor(self, username: str) -> str:
        name = self._users.get(username)
        return f"{name} ({username})" if name else username

    # ---------------------------------------------------------------- printing

    def _setup_print(self) -> None:
        button = self.print_button
        button.setMenu(None)
        kinds, why = self._print_kinds()
        button.setEnabled(bool(kinds))
        button.setToolTip(why)
        if not kinds:
            return
        menu = QMenu(button)
        menu.setObjectName("printMenu")
        for kind in kinds:
            action = menu.addAction(kind_title(kind, self.ctx.lang))
            action.setObjectName(f"print_{kind}")
            action.triggered.connect(partial(self.print_kind, kind))
        button.setMenu(menu)

    def _print_kinds(self) -> tuple[list[str], str]:
        if self.ctx.print_document is None:
            return [], self.tr("Printing is not available in this installation.")
        try:
            from ..documents import applicable_kinds
        except ImportError:
            return [], self.tr("Printing is not available in this installation.")
        kinds = list(applicable_kinds(self.ctx.register, self.case))
        if not kinds:
            return [], self.tr("No document fits this case at its current stage.")
        return kinds, self.tr("Print a document of this case")

    def print_kind(self, kind: str) -> None:
        try:
            self.ctx.print_document(kind, self.case.reg_no)
        except KenseError as exc:
            alerts.refusal(self, exc)

    # ---------------------------------------------------------------- withdrawal

    def _setup_withdraw(self) -> None:
        """Shown to those who may record a withdrawal while the case is open; enabled when the core allows it now."""
        case, user = self.case, self.ctx.user
        allowed = "withdraw" in workflow.allowed_actions(case, user, self.service)
        may_ever = allowed or any(user.has(role) for role in workflow.RULES["withdraw"].roles)
        self.withdraw_box.setVisible(may_ever and case.is_open)
        why = ""
        if not allowed:
            try:
                workflow.authorise(case, user, "withdraw")
            except KenseError as exc:  # the core's own words: wrong stage, wrong role
                why = exc.message(self.ctx.lang)
        for widget in (self.withdraw_edit, self.withdraw_button):
            widget.setEnabled(allowed)
            widget.setToolTip(why)
        if not allowed:
            self.withdraw_edit.clear()
            set_message(self.withdraw_error, "")

    def withdraw(self) -> Case | None:
        """Record the applicant's written withdrawal: a reason, a confirmation, then the core's ``withdraw``."""
        if self.case is None or not self.withdraw_button.isEnabled() \
                or not self.guard.allow("withdraw", self.case.reg_no):
            return None
        set_message(self.withdraw_error, "")
        reason = " ".join(self.withdraw_edit.text().split())
        if not reason:  # answered here, before the question: nothing to confirm, nothing written
            self._withdraw_refused(ValidationError("reason_required", field="reason"))
            return None
        reg_no = self.case.reg_no
        text = self.tr("Record the applicant's withdrawal of case %1?\n\nReason: %2\n\nThe case is closed and "
                       "cannot be taken up again.").replace("%1", reg_no).replace("%2", reason)
        self.guard.pending = True  # the question is open: a second click waits for it, and then does nothing
        try:
            answered = alerts.question(self, self.tr("Withdrawal"), text)
        finally:
            self.guard.pending = False
        if not answered:
            return None
        version = self.case.version  # the case as this card shows it: changed meanwhile is a Conflict
        try:
            new = submit(self, lambda token: self.ctx.register.perform(
                self.ctx.user, reg_no, "withdraw", reason=reason, expected_version=version, request=token),
                lambda new: self._withdrawn(reg_no), lambda exc: self._withdraw_failed(reg_no, exc))
        except KenseError as exc:
            self._withdraw_failed(reg_no, exc)
            return None
        if new is not None:
            self._withdrawn(reg_no)
        return new

    def _withdrawn(self, reg_no: str) -> None:
        self.guard.done("withdraw", reg_no)
        self.withdraw_edit.clear()
        self.ctx.signals.cases_changed.emit(reg_no)  # the lists refresh; this card reloads itself (_changed)

    def _withdraw_failed(self, reg_no: str, exc: KenseError) -> None:
        if isinstance(exc, ValidationError):
            self._withdraw_refused(exc)
            return
        alerts.refusal(self, exc)  # changed at another desk, the stage changed, the role was taken: calmly
        self._changed(reg_no)  # the card shows the case as it is now

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.withdraw_edit and event.type() == QEvent.Type.KeyPress \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.withdraw()
            return True
        return super().eventFilter(watched, event)

    def _withdraw_refused(self, exc: KenseError) -> None:
        set_message(self.withdraw_error, exc.message(self.ctx.lang))
        self.withdraw_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    # ---------------------------------------------------------------- window state and language

    def _restore_geometry(self) -> None:
        """The remembered size (or the form's 960×680), within this screen."""
        settings = self.ctx.settings
        if settings is not None:
            geometry = settings.get("casecard/geometry")
            if not geometry.isEmpty():
                self.restoreGeometry(geometry)
        fit_to_screen(self)

    def done(self, result: int) -> None:
        if self.ctx.settings is not None:
            self.ctx.settings.set("casecard/geometry", QByteArray(self.saveGeometry()))
        try:
            self.ctx.signals.cases_changed.disconnect(self._changed)
        except (RuntimeError, TypeError):
            pass
        super().done(result)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self.case is not None:
            self._fill()
        super().changeEvent(event)


def _section_item(section: DetailSection) -> QTreeWidgetItem:
    top = QTreeWidgetItem([section.title, ""])
    font = top.font(0)
    font.setBold(True)
    top.setFont(0, font)
    for label, value in section.rows:
        item = QTreeWidgetItem([label, value])
        item.setToolTip(1, value)
        item.setTextAlignment(0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        top.addChild(item)
    return top
