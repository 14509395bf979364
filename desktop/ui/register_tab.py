"""The register tab (тізілім): every user searches the whole register and opens a case card.

The results are a lazy CaseTableModel: the query returns a page of ids, rows are read in blocks when the view
paints them, more pages arrive as the user scrolls. A 1 000 000-case register therefore costs one indexed page
query per search, never a full load. Typing searches after a short pause; Enter searches at once.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, Qt, QTimer
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDateEdit, QGroupBox, QHeaderView, QLabel,
                               QLineEdit, QPushButton, QTableView, QWidget)

from ..core.errors import KenseError
from ..core.iin import parse_iin
from ..core.model import STAGES
from ..store import Filters, format_reg_no
from .context import AppContext
from .forms import child, load_into
from .labels import stage_title
from .models import CaseTableModel

COLUMNS = ("reg_no", "service", "applicant", "iin", "stage", "decision", "registered_at", "due_at", "executor")
SEARCH_DELAY_MS = 350


class RegisterTab(QWidget):
    """Search by registration number, IIN, name prefix, service, stage and registration period."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        load_into(self, "register_tab")
        self.ctx = ctx
        self.filters = Filters()
        self._names: dict[int, str] = {}
        self.reg_no_edit: QLineEdit = child(self, QLineEdit, "regNoEdit")
        self.iin_edit: QLineEdit = child(self, QLineEdit, "iinEdit")
        self.name_edit: QLineEdit = child(self, QLineEdit, "nameEdit")
        self.service_combo: QComboBox = child(self, QComboBox, "serviceCombo")
        self.stage_combo: QComboBox = child(self, QComboBox, "stageCombo")
        self.period_check: QCheckBox = child(self, QCheckBox, "periodCheck")
        self.from_date: QDateEdit = child(self, QDateEdit, "fromDate")
        self.to_date: QDateEdit = child(self, QDateEdit, "toDate")
        self.search_button: QPushButton = child(self, QPushButton, "searchButton")
        # an example number of this office and year, in the real format
        self.reg_no_edit.setPlaceholderText(format_reg_no(ctx.register.office_number or 1, dt.date.today().year, 123))
        self.clear_button: QPushButton = child(self, QPushButton, "clearButton")
        self.message_label: QLabel = child(self, QLabel, "messageLabel")
        self.count_label: QLabel = child(self, QLabel, "countLabel")
        self.view: QTableView = child(self, QTableView, "resultsView")
        child(self, QGroupBox, "filterBox")
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search)
        self._setup_filters()
        self._load_names()
        reg = ctx.register
        self.model = CaseTableModel(fetch_page=lambda offset, limit: reg.find_ids(self.filters, limit, offset),
                                    load_rows=reg.summaries, columns=COLUMNS, lang=ctx.lang,
                                    executor_names=lambda uid: self._names.get(uid, str(uid)), parent=self)
        self._setup_view()
        self._connect()
        self._show_count()

    # ---------------------------------------------------------------- setup

    def _setup_filters(self) -> None:
        today = QDate.currentDate()
        for edit in (self.from_date, self.to_date):
            edit.setDisplayFormat("dd.MM.yyyy")
        self.from_date.setDate(today.addMonths(-1))
        self.to_date.setDate(today)
        self._fill_combos()

    def _fill_combos(self) -> None:
        lang = self.ctx.lang
        for combo in (self.service_combo, self.stage_combo):
            combo.blockSignals(True)
        service, stage = self.service_combo.currentData(), self.stage_combo.currentData()
        self.service_combo.clear()
        self.service_combo.addItem(self.tr("All services"), None)
        for s in self.ctx.register.catalogue.services:
            self.service_combo.addItem(f"{s.code} — {s.title(lang)}", s.code)
            self.service_combo.setItemData(self.service_combo.count() - 1, s.title(lang), Qt.ItemDataRole.ToolTipRole)
        self.stage_combo.clear()
        self.stage_combo.addItem(self.tr("All stages"), None)
        for st in STAGES:
            self.stage_combo.addItem(stage_title(st, lang), st)
        self.service_combo.setCurrentIndex(max(0, self.service_combo.findData(service)))
        self.stage_combo.setCurrentIndex(max(0, self.stage_combo.findData(stage)))
        for combo in (self.service_combo, self.stage_combo):
            combo.blockSignals(False)

    def _setup_view(self) -> None:
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        widths = {"reg_no": 130, "service": 60, "applicant": 260, "iin": 115, "stage": 150, "decision": 110,
                  "registered_at": 125, "due_at": 125, "executor": 160}
        for column, key in enumerate(COLUMNS):
            self.view.setColumnWidth(column, widths[key])

    def _connect(self) -> None:
        for edit in (self.reg_no_edit, self.iin_edit, self.name_edit):
            edit.textChanged.connect(self._later)
            edit.returnPressed.connect(self.search)
        self.service_combo.currentIndexChanged.connect(self._later)
        self.stage_combo.currentIndexChanged.connect(self._later)
        self.period_check.toggled.connect(self._period_toggled)
        self.from_date.dateChanged.connect(self._later)
        self.to_date.dateChanged.connect(self._later)
        self.search_button.clicked.connect(self.search)
        self.clear_button.clicked.connect(self.clear)
        self.view.activated.connect(self._open_index)
        self.model.rowsInserted.connect(self._show_count)
        self.model.rowsRemoved.connect(self._show_count)  # a refresh in place removes and inserts rows
        self.model.modelReset.connect(self._show_count)

    def _load_names(self) -> None:
        self._names = {u.id: u.full_name for u in self.ctx.register.users()}

    # ---------------------------------------------------------------- searching

    def _later(self, *_: object) -> None:
        self._timer.start()

    def _period_toggled(self, on: bool) -> None:
        self.from_date.setEnabled(on)
        self.to_date.setEnabled(on)
        self._later()

    def read_filters(self) -> Filters:
        """The filters typed in the form; raises a KenseError (shown inline) on a bad IIN or period."""
        iin = self.iin_edit.text().strip()
        if iin:
            iin = parse_iin(iin).text
        date_from = date_to = None
        if self.period_check.isChecked():
            date_from = self.from_date.date().toPython()
            date_to = self.to_date.date().toPython()
            if date_from > date_to:
                raise _PeriodError(self.tr("The period ends before it starts."))
        return Filters(service=self.service_combo.currentData(), stage=self.stage_combo.currentData(),
                       iin=iin or None, reg_no=self.reg_no_edit.text().strip() or None,
                       name_prefix=self.name_edit.text().strip() or None,
                       registered_from=date_from, registered_to=date_to)

    def search(self) -> None:
        """Run the query for the current filters (first page of ids only)."""
        self._timer.stop()
        try:
            filters = self.read_filters()
        except _PeriodError as exc:
            self._message(str(exc))
            return
        except KenseError as exc:
            self._message(exc.message(self.ctx.lang))
            return
        self._message("")
        self.filters = filters
        self.model.refresh()
        if self.model.rowCount():
            self.view.selectRow(0)

    def clear(self) -> None:
        for edit in (self.reg_no_edit, self.iin_edit, self.name_edit):
            edit.clear()
        self.service_combo.setCurrentIndex(0)
        self.stage_combo.setCurrentIndex(0)
        self.period_check.setChecked(False)
        self.search()

    def refresh(self) -> None:
        """Re-query with the same filters (after a write somewhere in the app)."""
        self._load_names()
        self.model.refresh()

    def _message(self, text: str) -> None:
        self.message_label.setText(text)

    def _show_count(self, *_: object) -> None:
        rows = self.model.rowCount()
        more = self.model.canFetchMore()
        if rows == 0:
            self.count_label.setText(self.tr("Nothing found"))
        elif more:
            self.count_label.setText(self.tr("First %1 cases shown; scroll for more").replace("%1", str(rows)))
        else:
            self.count_label.setText(self.tr("Cases found: %1").replace("%1", str(rows)))

    # ---------------------------------------------------------------- opening cases

    def _open_index(self, index) -> None:
        reg_no = self.model.reg_no(index.row())
        if reg_no:
            self.ctx.open_case(reg_no)

    def open_current(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self._open_index(index)

    # ---------------------------------------------------------------- language

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        lang = self.ctx.lang
        self._fill_combos()
        self.model.set_language(lang)
        self._show_count()


class _PeriodError(ValueError):
    pass

