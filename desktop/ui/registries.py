"""Shared parts of the registry (реестр) desks of issue 5: package lists, who may see which case, registry tables,
printing a registry, building one, and the hand-over against the Қолхат.

Used by the department clerk's registry desk (desktop/ui/receipt_desk.py), the public service centre tab
(psc_tab.py) and the akim's tab (akim_tab.py). Every write goes through ``reg.packages`` (desktop/store/psc.py);
the store checks the role and the branch again, so a widget that shows a button by mistake still cannot act.
"""
from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHeaderView, QLabel, QLineEdit, QPushButton, QSplitter,
                               QStyle, QTableView, QTableWidget, QTableWidgetItem, QTextBrowser, QWidget)

from ..core import channels, packages
from ..core.errors import KenseError, PermissionDenied
from ..core.model import Case, User
from ..store import Register, now_local
from ..store.psc import Registry
from . import alerts
from .casework import (GREEN, RED, case_header_html, select_reg_no, selected_reg_no,
                       set_message, setup_table, user_names)
from .context import AppContext
from .desk_keys import RepeatGuard
from .forms import child, load_into
from .labels import fmt_date
from .models import CaseTableModel, Column, fit_columns

translate = QCoreApplication.translate
REG_NO_RE = re.compile(r"K\d{12}")
REGISTRY_NO_RE = re.compile(r"R\d{12}")
DEPARTMENT_ROLES = ("clerk", "head", "executor", "admin")
CHANNEL_ROLES = (*channels.PSC_ROLES, *channels.AKIM_ROLES)
OK_STYLE = f"color: {GREEN[0]}; background: {GREEN[1]}; border-radius: 3px; padding: 4px;"
BAD_STYLE = f"color: {RED[0]}; background: {RED[1]}; border-radius: 3px; padding: 4px;"
MARK_COLOURS = {"received": GREEN[1], "missing": RED[1]}
STATUS_COLOURS = {"received": GREEN[1], "incomplete": RED[1], "receiving": "#fff3cd"}


# ------------------------------------------------------------------ who sees what

def is_code(text: str, pattern: re.Pattern[str]) -> bool:
    return bool(pattern.fullmatch(packages.normalise_code(text)))


def own_source(user: User) -> str | None:
    """The branch ('psc:N') or akimat ('akimat:ID') this user works at, None for department staff."""
    if any(user.has(r) for r in channels.PSC_ROLES) and user.psc_branch is not None:
        return f"psc:{user.psc_branch}"
    if user.has("akim") and user.akimat_id is not None:
        return f"akimat:{user.akimat_id}"
    return None


def channel_staff_only(user: User) -> bool:
    """A PSC inspector or an akim without a department role: they see only their own branch's or akimat's cases."""
    return any(user.has(r) for r in CHANNEL_ROLES) and not any(user.has(r) for r in DEPARTMENT_ROLES)


def check_visible(register: Register, user: User, reg_no: str) -> None:
    """Raise PermissionDenied when a branch's or akimat's staff asks for a case that is not theirs."""
    if not channel_staff_only(user):
        return
    case = register.case(reg_no)
    own = own_source(user) or "—"
    if case.channel != own:
        raise PermissionDenied("other_place", user=user.username, channel=case.channel, own=own)


# ------------------------------------------------------------------ words

def place_title(source: str, lang: str = "kk") -> str:
    """'PSC branch No 3 (Балқаш ауданы)' or the akimat's name; the department for 'department'."""
    ch = channels.split(source)
    place = ch.place() or {}
    if ch.kind == "psc":
        district = (place.get("address_kk") or "").split(",")[0].strip()
        text = translate("Registries", "PSC branch No %1").replace("%1", str(ch.ref))
        return f"{text} ({district})" if district else text
    if ch.kind == "akimat":
        return place.get(f"name_{lang}") or place.get("name_kk") or source
    return translate("Registries", "the department")


def status_title(status: str) -> str:
    return {"dispatched": translate("Registries", "on its way"),
            "receiving": translate("Registries", "being received"),
            "received": translate("Registries", "received in full"),
            "incomplete": translate("Registries", "closed, packages missing")}.get(status, status)


def direction_title(direction: str) -> str:
    return {"to_department": translate("Registries", "to the department"),
            "to_branch": translate("Registries", "back to the branch")}.get(direction, direction)


def mark_title(state: str | None) -> str:
    return {"received": "✔ " + translate("Registries", "received"),
            "missing": "✘ " + translate("Registries", "missing"),
            "in_transit": "… " + translate("Registries", "not scanned yet")}.get(state or "", "")


def print_registry(ctx: AppContext, number: str, parent: QWidget | None = None) -> Any:
    """Render the registry in the interface language and open the print preview; the print is audited when it is
    printed or saved (desktop/documents/printlog.py), not when the preview opens."""
    from ..documents.registry import log_registry_prints, render_registry
    from .printing import PreviewDialog, PrintJob
    lang = ctx.lang if ctx.lang in ("kk", "ru") else "kk"

    class RegistryJob(PrintJob):
        def record(self, *, copies: int = 1, printer: str | None = None, file: str | None = None) -> None:
            log_registry_prints(ctx.register, ctx.user, [number], lang, copies=copies, printer=printer, file=file)

    job = RegistryJob(render_registry(ctx.register, number, lang, actor=ctx.user, log=False))
    title = translate("Registries", "Registry %1").replace("%1", number)
    return PreviewDialog.preview(job, title=title, file_name=f"{number}-registry.pdf", parent=parent)


# ------------------------------------------------------------------ lists

Index = QModelIndex | QPersistentModelIndex


class PackageTableModel(CaseTableModel):
    """The case list with where each package is, its branch or akimat, and its tick on a registry."""

    EXTRA = ("package", "place", "mark")

    def __init__(self, fetch_page: Callable[[int, int], Sequence[int]], load_rows: Callable, *,
                 columns: Sequence[str], lang: str, marks: Callable[[], dict[str, str]] | None = None,
                 deadline: str = "due_at", parent: Any = None) -> None:
        self._marks_of = marks or (lambda: {})
        self._marks: dict[str, str] = {}
        super().__init__(fetch_page, load_rows, columns=[c for c in columns if c not in self.EXTRA], lang=lang,
                         deadline=deadline, parent=parent)
        known = {c.key: c for c in self._columns}
        known.update({
            "package": Column("package", lambda: translate("PackageTableModel", "Package")),
            "place": Column("place", lambda: translate("PackageTableModel", "Branch or akimat")),
            "mark": Column("mark", lambda: translate("PackageTableModel", "On the registry")),
        })
        self.beginResetModel()
        self._columns = [known[c] for c in columns]
        self.endResetModel()

    def refresh(self) -> None:
        self._marks = dict(self._marks_of())
        super().refresh()

    def mark(self, row: int) -> str | None:
        reg_no = self.reg_no(row)
        return self._marks.get(reg_no) if reg_no else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.BackgroundRole and index.isValid() and \
                self._columns[index.column()].key == "mark":
            colour = MARK_COLOURS.get(self.mark(index.row()) or "")
            if colour:
                return QBrush(QColor(colour))
        return super().data(index, role)

    def _text(self, s, key: str) -> str:
        if key == "package":
            return packages.package_title(s.package, s.channel, self._lang)
        if key == "place":
            return place_title(s.channel, self._lang)
        if key == "mark":
            return mark_title(self._marks.get(s.reg_no))
        return super()._text(s, key)


def package_model(query: Callable[[], Sequence[int]], register: Register, *, columns: Sequence[str], lang: str,
                  marks: Callable[[], dict[str, str]] | None = None, deadline: str = "due_at",
                  parent: Any = None) -> PackageTableModel:
    """A lazy package list over a query returning case ids (re-run on refresh); rows coloured by ``deadline``."""
    ids: list[int] = []

    def fetch_page(offset: int, limit: int) -> list[int]:
        if offset == 0:
            ids[:] = list(query())
        return ids[offset:offset + limit]

    return PackageTableModel(fetch_page, register.summaries, columns=columns, lang=lang, marks=marks,
                             deadline=deadline, parent=parent)


def setup_registry_table(table: QTableWidget) -> None:
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)  # compact, like the case lists
    table.setWordWrap(False)
    table.horizontalHeader().setStretchLastSection(True)


REGISTRY_STATUSES = ("dispatched", "receiving", "received", "incomplete")
PLACE_COLUMN = 1


def fill_registry_table(table: QTableWidget, registries: Iterable[Registry], lang: str, *,
                        place: bool = True) -> None:
    """One row per registry: number, place, day and run, packages, received, status (coloured).

    ``place`` False hides the branch-or-akimat column where every registry comes from the same place (a branch's
    or an akimat's own list, whose title names it already)."""
    keep = registry_at(table, table.currentRow())
    rows = list(registries)
    headers = [translate("Registries", "Registry No"), translate("Registries", "Branch or akimat"),
               translate("Registries", "Day, run"), translate("Registries", "Packages"),
               translate("Registries", "Received"), translate("Registries", "Status")]
    table.clear()
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setRowCount(len(rows))
    for r, reg in enumerate(rows):
        cells = [reg.number, place_title(reg.source, lang), f"{fmt_date(reg.day, lang)} · {reg.run}",
                 str(reg.expected), str(len(reg.received)), status_title(reg.status)]
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, reg.number)
            if c == len(cells) - 1 and reg.status in STATUS_COLOURS:
                item.setBackground(QBrush(QColor(STATUS_COLOURS[reg.status])))
            table.setItem(r, c, item)
    table.setColumnHidden(PLACE_COLUMN, not place)
    fit_registry_table(table)
    select_registry_row(table, keep)


def fit_registry_table(table: QTableWidget) -> None:
    """Every column as wide as its texts, the status as its longest title, and the place takes what is left
    (elided if it must), so the status stays in sight instead of behind a horizontal scrollbar."""
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    table.resizeColumnsToContents()
    status = table.columnCount() - 1
    pad = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1) + 4
    widest = max(table.fontMetrics().horizontalAdvance(status_title(s)) for s in REGISTRY_STATUSES) + pad
    for column in range(table.columnCount()):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
    header.resizeSection(status, max(header.sectionSize(status), widest))
    if not table.isColumnHidden(PLACE_COLUMN):
        header.setSectionResizeMode(PLACE_COLUMN, QHeaderView.ResizeMode.Stretch)
    else:
        header.setStretchLastSection(True)


def registry_at(table: QTableWidget, row: int) -> str | None:
    item = table.item(row, 0) if row >= 0 else None
    return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None


def select_registry_row(table: QTableWidget, number: str | None) -> bool:
    for row in range(table.rowCount()):
        if number and registry_at(table, row) == number:
            table.selectRow(row)
            return True
    return False


# ------------------------------------------------------------------ building a registry

BUILDER_WIDGETS: dict[str, type] = {
    "sourceLabel": QLabel, "sourceCombo": QComboBox, "placeLabel": QLabel, "runsLabel": QLabel,
    "waitingView": QTableView, "buildButton": QPushButton, "builderMessage": QLabel, "sentTable": QTableWidget,
    "itemsView": QTableView, "printButton": QPushButton,
}
WAITING_COLUMNS = ("reg_no", "service", "applicant", "registered_at", "step_due_at", "package")
ITEM_COLUMNS = ("reg_no", "applicant", "service", "mark", "package")


class RegistryBuilder(QWidget):
    """Build today's registry of the packages waiting at ``source`` (or at a chosen branch) and print it.

    To the department: the branch's collecting inspector or the akim, with ``source`` fixed. Back to the
    branches: the department's clerk, choosing the branch among those with signed results waiting."""

    built = Signal(str)

    def __init__(self, ctx: AppContext, direction: str, source: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        load_into(self, "registry_builder")
        self.ctx, self.reg, self.desk = ctx, ctx.register, ctx.register.packages
        self.guard = RepeatGuard()  # a double click builds one registry
        self.direction = packages.normalise_direction(direction)
        self.fixed = source
        self.now: Callable[[], dt.datetime] = now_local
        self.w = {name: child(self, kind, name) for name, kind in BUILDER_WIDGETS.items()}
        self.w["sourceLabel"].setVisible(source is None)
        self.w["sourceCombo"].setVisible(source is None)
        self.waiting = package_model(self._waiting_ids, self.reg, columns=WAITING_COLUMNS, lang=ctx.lang,
                                     deadline="step_due_at", parent=self)  # the only due time it shows
        self.items = package_model(self._item_ids, self.reg, columns=ITEM_COLUMNS, lang=ctx.lang,
                                   marks=self._item_marks, parent=self)
        setup_table(self.w["waitingView"], self.waiting)
        setup_table(self.w["itemsView"], self.items)
        setup_registry_table(self.w["sentTable"])
        # the registries and, beside them, the chosen one's packages; a list of many places needs its place column
        self.findChild(QSplitter, "sentSplitter").setSizes([650, 650] if source is not None else [700, 600])
        for view, model in ((self.w["waitingView"], self.waiting), (self.w["itemsView"], self.items)):
            view.activated.connect(lambda index, m=model: self.ctx.open_case(m.reg_no(index.row()) or ""))
        self.w["sourceCombo"].currentIndexChanged.connect(lambda _i: self._source_changed())
        self.w["buildButton"].clicked.connect(self.build)
        self.w["printButton"].clicked.connect(self.print_selected)
        self.w["sentTable"].itemSelectionChanged.connect(self._sent_changed)
        self.w["sentTable"].itemActivated.connect(lambda _item: self.print_selected())
        self.refresh()

    @property
    def lang(self) -> str:
        return self.ctx.lang

    def source(self) -> str | None:
        if self.fixed is not None:
            return self.fixed
        combo: QComboBox = self.w["sourceCombo"]
        return combo.itemData(combo.currentIndex()) if combo.currentIndex() >= 0 else None

    def selected_registry(self) -> str | None:
        table: QTableWidget = self.w["sentTable"]
        return registry_at(table, table.currentRow())

    # ------------------------------------------------------------ refresh

    def refresh(self, _reg_no: str = "") -> None:
        if self.fixed is None:
            self._fill_sources()
        self._source_changed()

    def _fill_sources(self) -> None:
        combo: QComboBox = self.w["sourceCombo"]
        keep = self.source()
        combo.blockSignals(True)
        combo.clear()
        for source, count in self.desk.waiting_by_source(self.direction).items():
            combo.addItem(f"{place_title(source, self.lang)} — {count}", source)
        combo.setCurrentIndex(max(combo.findData(keep), 0) if combo.count() else -1)
        combo.blockSignals(False)

    def _source_changed(self) -> None:
        source = self.source()
        self.waiting.set_language(self.lang)
        self.items.set_language(self.lang)
        self.waiting.refresh()
        self.w["waitingView"].resizeColumnsToContents()
        self.w["placeLabel"].setText(place_title(source, self.lang) if self.fixed else "")
        self.w["buildButton"].setEnabled(source is not None and self.waiting.rowCount() > 0)
        self._show_runs(source)
        registries = self.desk.registries(source=self.fixed, direction=self.direction, limit=50)
        fill_registry_table(self.w["sentTable"], registries, self.lang, place=self.fixed is None)
        self._sent_changed()

    def _show_runs(self, source: str | None) -> None:
        if source is None:
            self.w["runsLabel"].setText(self.tr("No signed results are waiting to go back.")
                                        if self.direction == "to_branch" else "")
            return
        used = len(self.desk.registries(source=source, direction=self.direction, day=self.now().date()))
        self.w["runsLabel"].setText(self.tr("Waiting: %1 · courier runs today: %2 of %3 used")
                                    .replace("%1", str(self.waiting.rowCount())).replace("%2", str(used))
                                    .replace("%3", str(self.desk.courier_runs())))

    def _waiting_ids(self) -> list[int]:
        source = self.source()
        return [s.id for s in self.desk.ready(source, self.direction)] if source else []

    def _chosen(self) -> Registry | None:
        number = self.selected_registry()
        try:
            return self.desk.registry(number) if number else None
        except KenseError:
            return None

    def _item_ids(self) -> list[int]:
        registry = self._chosen()
        return [i.case_id for i in registry.items] if registry else []

    def _item_marks(self) -> dict[str, str]:
        registry = self._chosen()
        return {i.reg_no: i.state for i in registry.items} if registry else {}

    def _sent_changed(self) -> None:
        self.items.refresh()
        fit_columns(self.w["itemsView"])  # the package's state in sight, the name takes what is left
        self.w["printButton"].setEnabled(self.selected_registry() is not None)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            QTimer.singleShot(0, self, self.refresh)
        super().changeEvent(event)

    # ------------------------------------------------------------ actions

    def build(self) -> Registry | None:
        """Put every waiting package of the source on a new registry (dispatched) and print it."""
        source = self.source()
        if source is None or not self.w["buildButton"].isEnabled() or not self.guard.allow("build", source):
            return None
        try:
            registry = self.desk.create_registry(self.ctx.user, source, direction=self.direction, now=self.now())
        except KenseError as exc:
            alerts.refusal(self, exc)
            return None
        self.guard.done("build", source)
        self.ctx.signals.cases_changed.emit("")
        self.refresh()
        select_registry_row(self.w["sentTable"], registry.number)
        self.w["builderMessage"].setStyleSheet(OK_STYLE)
        set_message(self.w["builderMessage"], self.tr("Registry %1 is built: %n package(s).", "",
                                                      registry.expected).replace("%1", registry.number))
        self.built.emit(registry.number)
        self._print(registry.number)
        return registry

    def select_registry(self, number: str) -> bool:
        return select_registry_row(self.w["sentTable"], packages.normalise_code(number))

    def print_selected(self) -> None:
        number = self.selected_registry()
        if number:
            self._print(number)

    def _print(self, number: str) -> None:
        try:
            print_registry(self.ctx, number, self)
        except KenseError as exc:
            alerts.refusal(self, exc)


# ------------------------------------------------------------------ hand-over against the Қолхат

HANDOVER_WIDGETS: dict[str, type] = {
    "returnedLabel": QLabel, "returnedView": QTableView, "kolkhatEdit": QLineEdit, "handoverMessage": QLabel,
    "caseView": QTextBrowser, "handOverButton": QPushButton,
}
RETURNED_COLUMNS = ("reg_no", "applicant", "iin", "service", "decision", "due_at")


class HandOverPanel(QWidget):
    """Results back at the branch (or akimat): scan the applicant's Қолхат, check, hand over (→ delivered)."""

    def __init__(self, ctx: AppContext, source: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        load_into(self, "handover_panel")
        self.ctx, self.reg, self.desk, self.source = ctx, ctx.register, ctx.register.packages, source
        self.guard = RepeatGuard()  # a double click hands one result over
        self.now: Callable[[], dt.datetime] = now_local
        self.w = {name: child(self, kind, name) for name, kind in HANDOVER_WIDGETS.items()}
        self.model = package_model(lambda: [s.id for s in self.desk.returned(source)], self.reg,
                                   columns=RETURNED_COLUMNS, lang=ctx.lang, parent=self)
        view: QTableView = self.w["returnedView"]
        setup_table(view, self.model)
        view.selectionModel().selectionChanged.connect(lambda *_a: self._show())
        view.activated.connect(lambda index: self.ctx.open_case(self.model.reg_no(index.row()) or ""))
        self.w["kolkhatEdit"].returnPressed.connect(lambda: self.select(self.w["kolkhatEdit"].text()))
        self.w["handOverButton"].clicked.connect(self.hand_over)
        self.w["handoverMessage"].setVisible(False)
        self.refresh()

    @property
    def lang(self) -> str:
        return self.ctx.lang

    def refresh(self, _reg_no: str = "") -> None:
        keep = selected_reg_no(self.w["returnedView"])
        self.model.set_language(self.lang)
        self.model.refresh()
        self.w["returnedView"].resizeColumnsToContents()
        select_reg_no(self.w["returnedView"], keep, fallback_first=False)
        self.w["returnedLabel"].setText(self.tr("Results waiting for the applicant: %1")
                                        .replace("%1", str(self.model.rowCount())))
        against = self.tr("&Hand over against the Қолхат") if self.source.startswith("psc") \
            else self.tr("&Hand over to the applicant")
        self.w["handOverButton"].setText(against)
        self._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            QTimer.singleShot(0, self, self.refresh)
        super().changeEvent(event)

    def current(self) -> Case | None:
        reg_no = selected_reg_no(self.w["returnedView"])
        try:
            return self.reg.case(reg_no) if reg_no else None
        except KenseError:
            return None

    def _show(self) -> None:
        case = self.current()
        self.w["handOverButton"].setEnabled(case is not None)
        if case is None:
            note = self.tr("Scan the Қолхат or choose a result on the left.")  # where lupdate finds it
            self.w["caseView"].setHtml(f"<p style='color:#555'>{html.escape(note)}</p>")
            return
        service = self.reg.service_of(case)
        self.w["caseView"].setHtml(case_header_html(case, service, self.lang, user_names(self.reg), self.now(),
                                                    draft=True))

    def _say(self, text: str, ok: bool) -> None:
        self.w["handoverMessage"].setStyleSheet(OK_STYLE if ok else BAD_STYLE)
        set_message(self.w["handoverMessage"], text)

    def accept_scan(self, code: str) -> bool:
        if not is_code(code, REG_NO_RE):
            return False
        self.select(code)
        return True

    def select(self, code: str) -> bool:
        """Find the scanned or typed Қолхат number among the returned results; say why when it is not there."""
        reg_no = packages.normalise_code(code)
        edit: QLineEdit = self.w["kolkhatEdit"]
        if select_reg_no(self.w["returnedView"], reg_no, fallback_first=False):
            edit.clear()
            self._say(self.tr("%1: the result is here. Check the applicant's identity and hand it over.")
                      .replace("%1", reg_no), True)
            return True
        edit.selectAll()
        try:
            case = self.reg.case(reg_no)
            check_visible(self.reg, self.ctx.user, reg_no)
        except KenseError as exc:
            self._say(exc.message(self.lang), False)
            return False
        where = packages.package_title(case.package, case.channel, self.lang) or self.tr("not a package")
        self._say(self.tr("%1 is not waiting here for the applicant (%2).").replace("%1", reg_no)
                  .replace("%2", where), False)
        return False

    def hand_over(self) -> Case | None:
        case = self.current()
        if case is None or not self.guard.allow("hand_over", case.reg_no):
            return None
        try:
            done = self.desk.hand_over(self.ctx.user, case.reg_no, now=self.now())
        except KenseError as exc:
            alerts.refusal(self, exc)
            self.refresh()
            return None
        self.guard.done("hand_over", case.reg_no)
        self._say(self.tr("%1 is handed over to %2.").replace("%1", done.reg_no)
                  .replace("%2", done.applicant.full_name), True)
        self.refresh()
        self.ctx.signals.cases_changed.emit(done.reg_no)
        return done


__all__ = ["HandOverPanel", "PackageTableModel", "RegistryBuilder", "channel_staff_only", "check_visible",
           "fill_registry_table", "own_source", "package_model", "place_title", "print_registry"]
