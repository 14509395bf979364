"""Helpers shared by the three role tabs (clerk, head, executor): queue models, tables, inline errors, case text.

Kept apart from the tabs so each tab stays small and the three behave alike: the same table look, the same
red inline message under the offending widget, the same way of re-selecting a case after a write.
"""
from __future__ import annotations

import datetime as dt
import html
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QObject, Qt, QTimer
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHeaderView, QLabel, QMainWindow, QTableView,
                               QWidget)

from ..core.catalogue import Field, Service
from ..core.errors import KenseError, ValidationError
from ..core.model import Case
from ..store import Register
from ..store.errors import ConnectionLost
from .labels import decision_title, fmt_date, fmt_datetime, quarter_title, stage_title
from .models import CaseTableModel

# Traffic-light colours: (strong, light background) — red overdue, amber due today, green on time.
RED = ("#b02a37", "#f8d7da")
AMBER = ("#997404", "#fff3cd")
GREEN = ("#146c43", "#d1e7dd")
ERROR_STYLE = "color: #b02a37;"
WARNING_STYLE = "color: #664d03; background: #fff3cd; border: 1px solid #ffda6a; border-radius: 3px; padding: 4px;"
INFO_STYLE = "color: #055160; background: #cff4fc; border: 1px solid #9eeaf9; border-radius: 3px; padding: 4px;"


translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") with its literal context


# ------------------------------------------------------------------ lists

def id_list_model(query: Callable[[], Sequence[int]], register: Register, *, columns: Sequence[str], lang: str,
                  executor_names: Callable[[int], str] | None = None, deadline: str = "due_at",
                  now: Callable[[], dt.datetime] | None = None, parent: Any = None) -> CaseTableModel:
    """A lazy case model over a query that returns ids only (a queue): the id list is re-read on refresh.

    ``deadline`` is the due time the rows are coloured by: 'step_due_at' for a queue ordered by the step's due
    time (the resolution, signature and executor queues), so a row's colour agrees with its place in the list."""
    ids: list[int] = []

    def fetch_page(offset: int, limit: int) -> list[int]:
        if offset == 0:
            ids[:] = list(query())
        return ids[offset:offset + limit]

    return CaseTableModel(fetch_page, register.summaries, columns=columns, lang=lang,
                          executor_names=executor_names, deadline=deadline, parent=parent,
                          **({"now": now} if now is not None else {}))


def setup_table(view: QTableView, model: CaseTableModel) -> None:
    """One look for every case list: whole rows, one selection, no row numbers, compact rows, Tab leaves."""
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)  # Tab leaves the list for the case pane; the arrows move within it
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    header.setResizeContentsPrecision(40)  # widths from the first rows only: a queue may hold thousands
    view.resizeColumnsToContents()


def selected_reg_no(view: QTableView) -> str | None:
    model = view.model()
    index = view.currentIndex()
    if model is None or not index.isValid() or not view.selectionModel().isSelected(index):
        return None
    return model.reg_no(index.row())


def select_reg_no(view: QTableView, reg_no: str | None, fallback_first: bool = True) -> bool:
    """Select the row of ``reg_no`` (or the first row); returns whether something is selected."""
    model: CaseTableModel = view.model()
    row = model.row_of(reg_no) if reg_no else None
    if row is None and fallback_first and model.rowCount() > 0:
        row = 0
    if row is None:
        view.clearSelection()
        view.setCurrentIndex(model.index(-1, -1))
        return False
    index = model.index(row, 0)
    view.selectionModel().setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    view.scrollTo(index)
    return True


def combo_data(combo: QComboBox) -> Any:
    """The current item's data, or None when nothing is chosen (without asking Qt for the data of no item)."""
    return combo.itemData(combo.currentIndex()) if combo.currentIndex() >= 0 else None


def user_names(register: Register) -> dict[int, str]:
    return {u.id: u.full_name for u in register.users()}


# ------------------------------------------------------------------ inline errors

def make_error_label(parent: QWidget | None = None, name: str = "") -> QLabel:
    label = QLabel(parent)
    if name:
        label.setObjectName(name)
    style_error_label(label)
    return label


def style_error_label(label: QLabel) -> None:
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.setVisible(False)


def set_message(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


class InlineErrors:
    """Maps a ValidationError's field to the label under the widget that holds that field.

    ``show`` puts the message (in the user's language) under the widget and moves focus there, so bad input is
    answered where it was typed and not by a dialog."""

    def __init__(self, lang: Callable[[], str], fallback: QLabel) -> None:
        self.lang = lang
        self.fallback = fallback
        self._slots: dict[str, tuple[QLabel, QWidget | None]] = {}

    def add(self, field: str, label: QLabel, widget: QWidget | None = None) -> None:
        self._slots[field] = (label, widget)

    def labels(self) -> Iterable[QLabel]:
        return {id(lbl): lbl for lbl, _ in self._slots.values()}.values()

    def clear(self) -> None:
        for label in self.labels():
            set_message(label, "")
        set_message(self.fallback, "")

    def show(self, exc: KenseError, extra: Callable[[ValidationError], bool] | None = None) -> None:
        field = getattr(exc, "field", None)
        slot = self._slots.get(field or "")
        if slot is not None:
            label, widget = slot
            set_message(label, exc.message(self.lang()))
            if widget is not None and widget.isEnabled():
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if isinstance(exc, ValidationError) and extra is not None and extra(exc):
            return
        set_message(self.fallback, exc.message(self.lang()))


# ------------------------------------------------------------------ case text

def person_lines(value: Any, field: Field | None = None, lang: str = "kk") -> list[str]:
    """Each person as one line; the relation by its catalogue title in ``lang`` (typed text as typed)."""
    out = []
    for p in value or ():
        parts = [p.get("full_name", "")]
        if p.get("relation"):
            parts.append(field.relation_label(p["relation"], lang) if field is not None else str(p["relation"]))
        if p.get("iin"):
            parts.append(translate("Casework", "IIN %1").replace("%1", p["iin"]))
        out.append(", ".join(parts))
    return out


def field_lines(service: Service, values: Mapping[str, Any], lang: str) -> list[tuple[str, str]]:
    """(title, shown value) for a service's extra fields, in catalogue order."""
    out = []
    for f in service.fields:
        if f.name not in values:
            continue
        value = values[f.name]
        if f.type == "persons":
            shown = "; ".join(person_lines(value, f, lang))
        elif f.type == "choice":
            shown = f.label(value, lang)
        elif f.type == "date":
            shown = fmt_date(dt.date.fromisoformat(value), lang)
        elif f.type == "quarter":
            shown = quarter_title(value, lang)
        else:
            shown = str(value)
        out.append((f.title(lang), shown))
    return out


def _row(title: str, value: str) -> str:
    return f"<tr><td style='color:#555;padding-right:8px'>{html.escape(title)}</td><td>{value}</td></tr>"


def _nowrap(text: str) -> str:
    """Escaped, and never broken across lines (a phone number wraps mid-number otherwise)."""
    return html.escape(text).replace(" ", "&nbsp;")


def case_header_html(case: Case, service: Service, lang: str, names: Mapping[int, str],
                     now: dt.datetime | None = None, *, draft: bool = False) -> str:
    """The case as the head and the executor read it: who, what, when due, what was presented.

    ``draft`` adds the executor's draft (decision, reasons, result fields, text) to the same table, so its
    titles line up with the case's instead of starting a second table of other column widths."""
    now = now or dt.datetime.now()
    a = case.applicant
    if not case.is_open or case.stage == "suspended":
        due_colour = "#333"  # closed or paused: no traffic light
    elif case.overdue(now):
        due_colour = RED[0]
    else:
        due_colour = AMBER[0] if case.due_at.date() == now.date() else GREEN[0]
    rows = [
        _row(translate("Casework", "Service"), html.escape(f"{service.code} · {service.title(lang)}")),
        _row(translate("Casework", "Applicant"), html.escape(f"{a.full_name} · {a.iin}")),
        _row(translate("Casework", "Address"), html.escape(a.address)),
        *([_row(translate("Casework", "Phone"), _nowrap(a.phone))] if a.phone else []),
        _row(translate("Casework", "Stage"), html.escape(stage_title(case.stage, lang))),
        _row(translate("Casework", "Registered"), html.escape(fmt_datetime(case.registered_at, lang))),
        _row(translate("Casework", "Step due"), html.escape(fmt_datetime(case.step_due_at, lang))),
        _row(translate("Casework", "Due"),
             f"<b style='color:{due_colour}'>{html.escape(fmt_datetime(case.due_at, lang))}</b>"),
    ]
    for title, value in field_lines(service, case.data.get("fields", {}), lang):
        rows.append(_row(title, html.escape(value)))
    presented = set(case.data.get("documents", []))
    docs = [("✔ " if d.id in presented else "✘ ") + html.escape(d.title(lang)) for d in service.documents]
    rows.append(_row(translate("Casework", "Documents"), "<br>".join(docs)))
    if case.data.get("resolution"):
        rows.append(_row(translate("Casework", "Resolution"), html.escape(case.data["resolution"])))
    if case.executor_id:
        name = names.get(case.executor_id, str(case.executor_id))
        rows.append(_row(translate("Casework", "Executor"), html.escape(name)))
    if case.data.get("last_return"):
        rows.append(_row(translate("Casework", "Returned by the head"),
                         f"<span style='color:{RED[0]}'>{html.escape(case.data['last_return'])}</span>"))
    if case.data.get("suspend_reason"):
        rows.append(_row(translate("Casework", "Suspended"), html.escape(case.data["suspend_reason"])))
    if draft and case.decision:
        rows.append("<tr><td colspan='2' style='font-size:4pt'>&nbsp;</td></tr>")  # a little air before the draft
        rows += draft_rows(case, service, lang)
    return (f"<p style='font-size:15pt;font-weight:600;margin:0'>{html.escape(case.reg_no)}</p>"
            f"<table cellspacing='2'>{''.join(rows)}</table>")


def draft_html(case: Case, service: Service, lang: str) -> str:
    """The executor's draft as the head reads it before signing (a table of its own)."""
    return f"<table cellspacing='2'>{''.join(draft_rows(case, service, lang))}</table>"


def draft_rows(case: Case, service: Service, lang: str) -> list[str]:
    """The draft's rows: decision, refusal reasons, result fields, the text, earlier returns."""
    decision = case.decision or ""
    colour = GREEN[0] if decision == "approved" else RED[0]
    shown = html.escape(decision_title(decision, lang))
    rows = [_row(translate("Casework", "Decision"), f"<b style='color:{colour}'>{shown}</b>")]
    reasons = [service.reason(r) for r in case.data.get("refusal_reasons", [])]
    if reasons:
        rows.append(_row(translate("Casework", "Refusal reasons"),
                         "<br>".join("• " + html.escape(r.title(lang)) for r in reasons if r is not None)))
    for title, value in field_lines(service, case.data.get("result", {}), lang):
        rows.append(_row(title, html.escape(value)))
    if case.data.get("draft_text"):
        rows.append(_row(translate("Casework", "Text"), html.escape(case.data["draft_text"])))
    returns = int(case.data.get("returns", 0))
    if returns:
        rows.append(_row(translate("Casework", "Returned before"), str(returns)))
    return rows


def result_kind(case: Case, service: Service) -> str:
    """The printed result of a decided case: a refusal, or the service's own result document."""
    if case.decision == "refused":
        return "refusal"
    return next((k for k in service.result_kinds if k != "refusal"), "notification")


# ------------------------------------------------------------------ several desks (issue 9): versions, a lost server

T = TypeVar("T")
RETRY_MS = 3000  # while the server is unreachable, an action in flight is asked again this often
RESTORED_MS = 8000  # how long "connection restored" stays in the window


class SeenVersions:
    """The version of each case as this pane last showed it: an action is sent with that version, so if someone
    changed the case meanwhile the register answers with a Conflict (who, when, what) instead of acting on it."""

    def __init__(self) -> None:
        self._versions: dict[str, int] = {}

    def note(self, case: Case | None) -> None:
        if case is not None:
            self._versions[case.reg_no] = case.version

    def of(self, case: Case) -> int:
        return self._versions.get(case.reg_no, case.version)


def new_request() -> str:
    """A client token for one press of a button: the register applies the request once however often it is sent."""
    return uuid.uuid4().hex


def submit(widget: QWidget, call: Callable[[str], T], done: Callable[[T], None],
           refused: Callable[[KenseError], None] | None = None) -> T | None:
    """Run a register write ``call(token)`` now, with a new request token; returns its result.

    Its refusals (bad input, a Conflict, a wrong stage) are raised as from a direct call, for the caller's usual
    handling. If the server cannot be reached, the window says so calmly, nothing the user typed is cleared, None
    is returned, and the same request (same token: never applied twice) is asked again in the background every
    few seconds; when it gets through the window says so and ``done(result)`` runs, or a refusal then goes to
    ``refused`` (else a calm message box). ``call`` must capture the values to send before it is handed over."""
    token = new_request()
    try:
        return call(token)
    except ConnectionLost:
        Reconnector.of(widget).add(widget, call, token, done, refused)
        return None


class Reconnector(QObject):
    """One per window: the actions waiting for the server, retried in order, and the banner that says so."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("reconnector")
        self.window = window
        self.pending: list[tuple[QWidget, Callable[[str], Any], str, Callable[[Any], None],
                                 Callable[[KenseError], None] | None]] = []
        self.timer = QTimer(self)
        self.timer.setInterval(RETRY_MS)
        self.timer.timeout.connect(self.retry)
        self.hide_timer = QTimer(self)
        self.hide_timer.setSingleShot(True)
        self.hide_timer.timeout.connect(lambda: self.banner.setVisible(False))
        self.banner = QLabel(objectName="connectionBanner")
        self.banner.setWordWrap(True)
        self.banner.setVisible(False)
        self.bar = bar = window.statusBar() if isinstance(window, QMainWindow) else None
        if bar is not None:
            bar.insertWidget(0, self.banner, 1)
        else:  # a window without a status line (a dialog, a tab on its own): the banner floats at its top
            self.banner.setParent(window)
            self.banner.move(8, 4)

    @staticmethod
    def of(widget: QWidget) -> Reconnector:
        window = widget.window()
        found = window.findChild(Reconnector, "reconnector")
        return found if found is not None else Reconnector(window)

    def add(self, widget: QWidget, call: Callable[[str], Any], token: str, done: Callable[[Any], None],
            refused: Callable[[KenseError], None] | None) -> None:
        self.pending.append((widget, call, token, done, refused))
        self._show(translate("Casework", "No connection to the server — retrying…"), WARNING_STYLE)
        self.hide_timer.stop()
        if not self.timer.isActive():
            self.timer.start()

    def retry(self) -> None:
        """Ask again, in order, with each action's own token; stop at the first that still finds no server."""
        while self.pending:
            widget, call, token, done, refused = self.pending[0]
            try:
                result = call(token)
            except ConnectionLost:
                return  # still unreachable: next time
            except KenseError as exc:
                self.pending.pop(0)
                self._restored(done=False)
                if refused is not None:
                    refused(exc)
                else:
                    from . import alerts
                    alerts.refusal(widget, exc)
                continue
            self.pending.pop(0)
            self._restored(done=True)
            done(result)
        self.timer.stop()

    def _restored(self, done: bool) -> None:
        if self.pending:
            return
        self._show(translate("Casework", "Connection restored — the action is done.") if done else
                   translate("Casework", "Connection restored."), INFO_STYLE)
        self.hide_timer.start(RESTORED_MS)

    def _show(self, text: str, style: str) -> None:
        self.banner.setText(text)
        self.banner.setStyleSheet(style)
        self.banner.adjustSize()
        if self.bar is not None and not self.bar.isVisible():
            self.bar.setVisible(True)
        self.banner.setVisible(True)
        self.banner.raise_()
