"""The admin tab (әкімші): users and roles, the office, the calendar overrides, the service catalogue.

The office is one of the 19 district departments, fixed when the register was created, so it is shown read-only
with the letterhead details documents print. The catalogue is data (data/catalogue.toml) and is shown read-only
here. Calendar overrides change deadlines, so only an admin may set them (the core checks it again).
"""
from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject
from PySide6.QtWidgets import (QComboBox, QDateEdit, QGroupBox, QHeaderView, QLabel, QLineEdit, QPushButton, QSpinBox,
                               QTableWidget, QTableWidgetItem, QTabWidget, QTreeWidget, QTreeWidgetItem, QWidget)

from ..core.catalogue import Service
from ..core.errors import KenseError
from . import alerts
from .admin_users import UsersPage
from .context import AppContext
from .forms import child, load_into
from .labels import fmt_date, locale_for, role_title
from .workers import Runner, default_failure, demo_job, run_with_progress

log = logging.getLogger("kense.admin")
translate = QCoreApplication.translate  # lupdate reads translate("Server", "text") with its literal context


class CalendarPage(QObject):
    """Local days off and working days that override the national calendar."""

    def __init__(self, ctx: AppContext, form: QWidget) -> None:
        super().__init__(form)
        self.ctx = ctx
        self.form = form
        self.table: QTableWidget = child(form, QTableWidget, "overridesTable")
        self.day_edit: QDateEdit = child(form, QDateEdit, "dayEdit")
        self.kind_combo: QComboBox = child(form, QComboBox, "kindCombo")
        self.note_edit: QLineEdit = child(form, QLineEdit, "noteEdit")
        self.add_button: QPushButton = child(form, QPushButton, "addOverrideButton")
        self.remove_button: QPushButton = child(form, QPushButton, "removeOverrideButton")
        self.day_edit.setDisplayFormat("dd.MM.yyyy")
        self.day_edit.setDate(QDate.currentDate())
        self.overrides: list[tuple[dt.date, str, str]] = []
        self._fill_kinds()
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        self.note_edit.returnPressed.connect(self.add)
        self.table.itemSelectionChanged.connect(self._selection_changed)

    def _fill_kinds(self) -> None:
        current = self.kind_combo.currentData()
        self.kind_combo.clear()
        self.kind_combo.addItem(self.tr("Day off"), "holiday")
        self.kind_combo.addItem(self.tr("Working day"), "workday")
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(current)))

    def kind_title(self, kind: str) -> str:
        return self.tr("Day off") if kind == "holiday" else self.tr("Working day")

    def refresh(self) -> None:
        self._fill_kinds()
        self.overrides = self.ctx.register.calendar_overrides()
        headers = [self.tr("Day"), self.tr("Kind"), self.tr("Note")]
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(self.overrides))
        for row, (day, kind, note) in enumerate(self.overrides):
            for column, text in enumerate((fmt_date(day, self.ctx.lang), self.kind_title(kind), note)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(0, max(self.table.columnWidth(0), 120))
        self.table.setColumnWidth(1, max(self.table.columnWidth(1), 160))
        self._selection_changed()

    def _selection_changed(self) -> None:
        self.remove_button.setEnabled(len({i.row() for i in self.table.selectedItems()}) == 1)

    def add(self) -> None:
        day = self.day_edit.date().toPython()
        try:
            self.ctx.register.set_calendar_override(self.ctx.user, day, self.kind_combo.currentData(),
                                                    self.note_edit.text().strip())
        except KenseError as exc:
            alerts.refusal(self.form, exc)
            return
        log.info("calendar override %s %s by %s", day, self.kind_combo.currentData(), self.ctx.user.username)
        self.note_edit.clear()
        self.refresh()
        self.ctx.signals.cases_changed.emit("")

    def remove(self) -> None:
        rows = {i.row() for i in self.table.selectedItems()}
        if len(rows) != 1:
            return
        day = self.overrides[rows.pop()][0]
        try:
            self.ctx.register.set_calendar_override(self.ctx.user, day, None)
        except KenseError as exc:
            alerts.refusal(self.form, exc)
            return
        self.refresh()
        self.ctx.signals.cases_changed.emit("")


class CataloguePage(QObject):
    """The services in force with their steps (actor, duration), documents, refusal reasons and fields."""

    def __init__(self, ctx: AppContext, form: QWidget) -> None:
        super().__init__(form)
        self.ctx = ctx
        self.tree: QTreeWidget = child(form, QTreeWidget, "catalogueTree")
        self.label: QLabel = child(form, QLabel, "catalogueLabel")
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)

    def unit_title(self, value: int, unit: str) -> str:
        words = {"minutes": self.tr("%1 min"), "hours": self.tr("%1 h"), "calendar_days": self.tr("%1 calendar days"),
                 "working_days": self.tr("%1 working days")}
        return words.get(unit, "%1 " + unit).replace("%1", str(value))

    def refresh(self) -> None:
        cat = self.ctx.register.catalogue
        # in the interface language; the catalogue's own (English) name and its version hash only as a tooltip
        self.label.setText(self.tr("The service catalogue in force: %n service(s). Read-only: the office edits "
                                   "the file catalogue.toml.", "", len(cat.services)))
        self.label.setToolTip(f"{cat.name} — {cat.version}")
        self.tree.clear()
        for service in cat.services:
            self.tree.addTopLevelItem(self._service_item(service))

    def _service_item(self, s: Service) -> QTreeWidgetItem:
        lang = self.ctx.lang
        top = QTreeWidgetItem([f"{s.code}", s.title(lang)])
        top.setToolTip(1, s.title(lang))
        total = ", ".join(self.unit_title(v, u) for v, u in s.deadline_parts())
        QTreeWidgetItem(top, [self.tr("Deadline"), total])
        QTreeWidgetItem(top, [self.tr("Head may return a draft"), self.tr("yes") if s.head_may_return
                              else self.tr("no")])
        steps = QTreeWidgetItem(top, [self.tr("Steps"), str(len(s.steps))])
        for i, step in enumerate(s.steps, 1):
            title = step.title_ru if lang == "ru" else step.title_kk
            QTreeWidgetItem(steps, [f"{i}. {role_title(step.actor, lang)}",
                                    f"{self.unit_title(step.duration_value, step.duration_unit)} — {title}"])
        docs = QTreeWidgetItem(top, [self.tr("Documents"), str(len(s.documents))])
        for n, doc in enumerate(s.documents, 1):  # the id the file uses is a tooltip, not a column of English
            self._item(docs, n, doc.id, doc.title(lang))
        reasons = QTreeWidgetItem(top, [self.tr("Refusal reasons"), str(len(s.refusal_reasons))])
        for n, reason in enumerate(s.refusal_reasons, 1):
            self._item(reasons, n, reason.id, reason.title(lang))
        if s.fields:
            fields = QTreeWidgetItem(top, [self.tr("Fields"), str(len(s.fields))])
            for n, f in enumerate(s.fields, 1):
                phase = self.tr("intake") if f.phase == "intake" else self.tr("result")
                required = self.tr("required") if f.required else self.tr("optional")
                self._item(fields, n, f.name, f"{f.title(lang)} ({phase}, {required})")
        return top

    @staticmethod
    def _item(parent: QTreeWidgetItem, n: int, key: str, title: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [f"{n}.", title])
        item.setToolTip(0, key)
        item.setToolTip(1, key)
        return item


class AdminTab(QWidget):
    """Users, office, calendar and catalogue; shown to admins (the core refuses the writes to anyone else)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        load_into(self, "admin_tab")
        self.ctx = ctx
        self.pages: QTabWidget = child(self, QTabWidget, "adminTabs")
        self.users = UsersPage(ctx, self)
        self.calendar = CalendarPage(ctx, self)
        self.catalogue = CataloguePage(ctx, self)
        self.demo_spin: QSpinBox = child(self, QSpinBox, "demoCountSpin")
        self.demo_button: QPushButton = child(self, QPushButton, "loadDemoButton")
        self.register_label: QLabel = child(self, QLabel, "registerInfoLabel")
        self.demo_button.clicked.connect(self.load_demo)
        self.runner: Runner | None = None
        self.refresh()

    def refresh(self) -> None:
        self.users.refresh()
        self._fill_office()
        self.calendar.refresh()
        self.catalogue.refresh()

    def _fill_office(self) -> None:
        reg = self.ctx.register
        try:
            office = reg.office()
        except KenseError:
            office = {}
        labels = {"officeNumberLabel": f"№{office.get('number', '—')}",
                  "officeNameKkLabel": office.get("name_kk", ""), "officeNameRuLabel": office.get("name_ru", ""),
                  "officeAddressLabel": office.get("address_kk", ""),
                  "officePhoneLabel": office.get("phone", ""), "officeEmailLabel": office.get("email", ""),
                  "officeHoursLabel": office.get("hours_ru" if self.ctx.lang == "ru" else "hours_kk", "")}
        for name, text in labels.items():
            child(self, QLabel, name).setText(text)
        # synthetic cases: only in a demo register, and only in a file (on a server: ``kense demo --db`` there)
        for name in ("demoCaption", "demoCountSpin", "loadDemoButton"):
            self.findChild(QWidget, name).setVisible(reg.is_demo and not reg.is_server)
        cases = locale_for(self.ctx.lang).toString(reg.count())
        if reg.is_server:
            child(self, QGroupBox, "registerBox").setTitle(translate("Server", "Register on the office server"))
            text = translate("Server", "Server: %1\nCases: %2\nThe register is on the office server: it is backed up "
                                       "there with pg_dump and checked with kense verify (see the README).")
            if reg.is_demo:
                text += "\n" + translate("Server", "Demo cases are added on the server with kense demo --db.")
        else:
            text = self.tr("File: %1\nCases: %2")
        self.register_label.setText(text.replace("%1", str(reg.path)).replace("%2", cases))

    # ---------------------------------------------------------------- demo data

    def load_demo(self) -> Runner | None:
        """Add synthetic cases on a worker thread (its own connection), behind a progress dialog."""
        count = self.demo_spin.value()
        if not alerts.question(self, self.tr("Demo cases"),
                               self.tr("Add %1 synthetic demo cases to this register? They cannot be removed later.")
                               .replace("%1", str(count))):
            return None
        reg = self.ctx.register
        self.demo_button.setEnabled(False)
        self.runner = run_with_progress(self, self.tr("Loading demo cases…"),
                                        demo_job(reg.path, count, reg.office_number or 1), self._demo_done,
                                        self._demo_failed)
        return self.runner

    def _demo_done(self, made: object) -> None:
        self.demo_button.setEnabled(True)
        self.refresh()
        self.ctx.signals.cases_changed.emit("")
        alerts.info(self, self.tr("Demo cases"), self.tr("%1 demo cases added.").replace("%1", str(made)))

    def _demo_failed(self, exc: BaseException) -> None:
        self.demo_button.setEnabled(True)
        default_failure(self, exc)

    # ---------------------------------------------------------------- language

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "catalogue"):
            self.refresh()
        super().changeEvent(event)
