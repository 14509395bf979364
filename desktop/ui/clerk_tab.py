"""The clerk's counter (кеңсе): register an application by keyboard, show its number big, offer the receipt.

The form (forms/clerk_tab.ui) holds the fixed part (service, IIN, name, address, phone) in the tab order a clerk
types; the service's own fields and its documents checklist are built from the catalogue when the service
changes. Enter registers, Esc clears, F9 prints the receipt of the case just registered. The core validates;
its message is shown under the field it names, and nothing is registered.
"""
from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFrame, QGroupBox, QLabel, QLineEdit, QPushButton, QStyle,
                               QStyleOptionComboBox, QTableView, QWidget)

from ..core import channels, workflow
from ..core.catalogue import Service
from ..core.errors import KenseError, ValidationError
from ..core.iin import parse_iin
from ..core.messages import message
from ..core.model import Applicant, Case
from ..store import now_local
from . import alerts
from .casework import (WARNING_STYLE, combo_data, InlineErrors, id_list_model, set_message, setup_table,
                       style_error_label, submit)
from .context import AppContext
from .desk_keys import RepeatGuard
from .forms import child, load_into
from .intake_fields import FieldsPanel, digits_only, phone_in_one_form
from .labels import fmt_date, fmt_datetime, stage_title
from .models import fit_columns

APPLICANT_FIELDS = ("surname", "name", "patronymic", "address", "phone")
# today's journal: the time alone (the day is today), the number and the IIN always whole, the name takes the rest
JOURNAL_COLUMNS = ("reg_no", "registered_time", "service", "applicant", "iin", "stage")
REG_NO_RE = re.compile(r"K\d{12}", re.IGNORECASE)

# The widgets this tab takes from forms/clerk_tab.ui (the forms test checks each exists with this type).
WIDGETS: dict[str, type] = {
    "serviceCombo": QComboBox, "serviceInfo": QLabel, "iinEdit": QLineEdit, "iinInfo": QLabel,
    "iinError": QLabel, "historyFrame": QFrame, "historyLabel": QLabel, "fillButton": QPushButton,
    "openCaseWarning": QLabel, "fieldsHost": QWidget, "documentsBox": QGroupBox, "documentsError": QLabel,
    "formError": QLabel, "registerButton": QPushButton, "clearButton": QPushButton, "scanEdit": QLineEdit,
    "scanError": QLabel, "regNoLabel": QLabel, "resultInfo": QLabel, "printReceiptButton": QPushButton,
    "printHint": QLabel, "journalLabel": QLabel, "journalView": QTableView, "intakeBox": QGroupBox,
    **{f"{name}Edit": QLineEdit for name in APPLICANT_FIELDS},
    **{f"{name}Error": QLabel for name in APPLICANT_FIELDS},
}


class ClerkTab(QWidget):
    """Кеңсе: the intake form, the number just given, the receipt, today's journal and the scan field.

    The same form serves the other intake channels (issue 5): ``channel`` 'psc' for a public service centre
    inspector, 'akimat' for a village akim (the case is registered at the user's own branch or akimat),
    ``services`` limits the service list, and ``receipt_kinds`` names what F9 prints (a list, or a function of
    the new case): the department's receipt, or the PSC's Қолхат and the package's barcode label."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, channel: str = "department",
                 services: Sequence[str] | None = None,
                 receipt_kinds: Sequence[str] | Callable[[Case], Sequence[str]] = ("receipt",)) -> None:
        super().__init__(parent)
        self.guard = RepeatGuard()
        load_into(self, "clerk_tab")
        self.ctx = ctx
        self.reg = ctx.register
        self.channel = channel
        self.services = tuple(services) if services is not None else None
        self.receipt_kinds = receipt_kinds
        self.may_register = any(ctx.user.has(r) for r in workflow.REGISTER_ROLES.get(channel, ("clerk",)))
        self.now: Callable[[], dt.datetime] = now_local  # tests may pin the clock
        self.last_reg_no: str | None = None
        self._known: Applicant | None = None
        self._panel: FieldsPanel | None = None
        self._doc_boxes: list[QCheckBox] = []
        self.w = {name: child(self, kind, name) for name, kind in WIDGETS.items()}
        self._due_now = ""
        self.w["serviceCombo"].installEventFilter(self)
        self._setup_messages()
        self._setup_services()
        self._setup_actions()
        self._setup_journal()
        self._connect()
        self._service_changed()
        self._set_iin_feedback(None)
        self.refresh()

    # ------------------------------------------------------------ setup

    def _setup_messages(self) -> None:
        for name in ("iinError", "documentsError", "formError", "scanError",
                     *(f"{n}Error" for n in APPLICANT_FIELDS)):
            style_error_label(self.w[name])
        self.w["openCaseWarning"].setStyleSheet(WARNING_STYLE)
        self.w["openCaseWarning"].setVisible(False)
        self.w["historyFrame"].setVisible(False)
        self.w["printHint"].setStyleSheet("color: #555;")
        self.errors = InlineErrors(lambda: self.lang, self.w["formError"])
        for name in APPLICANT_FIELDS:
            self.errors.add(name, self.w[f"{name}Error"], self.w[f"{name}Edit"])
        self.errors.add("iin", self.w["iinError"], self.w["iinEdit"])
        self.errors.add("documents", self.w["documentsError"], None)
        if not self.may_register:
            self.w["registerButton"].setEnabled(False)
            self.w["registerButton"].setToolTip(self.tr("Only a clerk registers applications."))

    def _setup_services(self) -> None:
        combo: QComboBox = self.w["serviceCombo"]
        for service in self.reg.catalogue.services:
            if self.channel in service.channels and (self.services is None or service.code in self.services):
                combo.addItem(service.code, service.code)
        self._title_services()
        remembered = getattr(self.ctx.settings, "last_service", None)
        index = combo.findData(remembered) if remembered else -1
        combo.setCurrentIndex(max(index, 0))

    def _title_services(self) -> None:
        combo: QComboBox = self.w["serviceCombo"]
        for i in range(combo.count()):
            service = self.reg.catalogue.service(combo.itemData(i))
            combo.setItemText(i, f"{service.code} · {service.title(self.lang)}")
            combo.setItemData(i, service.title(self.lang), Qt.ItemDataRole.ToolTipRole)

    def _setup_actions(self) -> None:
        intake: QGroupBox = self.w["intakeBox"]
        self.register_action = self._action(intake, self.tr("Register"), [QKeySequence(Qt.Key.Key_Return),
                                                                         QKeySequence(Qt.Key.Key_Enter)],
                                            self.register)
        self.register_action.setEnabled(self.may_register)
        self.clear_action = self._action(intake, self.tr("Clear"), [QKeySequence(Qt.Key.Key_Escape)], self.clear)
        self.print_action = self._action(self, self.tr("Print receipt"), [QKeySequence(Qt.Key.Key_F9)],
                                         self.print_receipt)

    def _action(self, owner: QWidget, text: str, keys: list[QKeySequence], slot: Callable[[], None]) -> QAction:
        action = QAction(text, owner)
        action.setShortcuts(keys)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        owner.addAction(action)
        return action

    def _setup_journal(self) -> None:
        self.journal = id_list_model(lambda: [s.id for s in self.reg.intakes_on(self.now().date())
                                              if self.channel == "department" or s.channel == self._channel_text()],
                                     self.reg,
                                     columns=JOURNAL_COLUMNS, lang=self.lang, parent=self)
        view: QTableView = self.w["journalView"]
        setup_table(view, self.journal)
        fit_columns(view)
        view.activated.connect(lambda index: self._open(self.journal.reg_no(index.row())))

    def _connect(self) -> None:
        self.w["serviceCombo"].currentIndexChanged.connect(self._service_changed)
        digits_only(self.w["iinEdit"])  # issue 10: digits only, 12; the phone shown as it is stored
        phone_in_one_form(self.w["phoneEdit"])
        self.w["iinEdit"].textChanged.connect(self._iin_changed)
        self.w["iinEdit"].editingFinished.connect(self._iin_finished)
        self.w["fillButton"].clicked.connect(self.fill_from_history)
        self.w["historyLabel"].linkActivated.connect(self._open)
        self.w["openCaseWarning"].linkActivated.connect(self._open)
        self.w["registerButton"].clicked.connect(self.register)
        self.w["clearButton"].clicked.connect(self.clear)
        self.w["printReceiptButton"].clicked.connect(self.print_receipt)
        self.w["scanEdit"].returnPressed.connect(self.open_scanned)
        self.w["scanEdit"].textEdited.connect(lambda _text: set_message(self.w["scanError"], ""))

    # ------------------------------------------------------------ public

    @property
    def lang(self) -> str:
        return self.ctx.lang

    def refresh(self, _reg_no: str = "") -> None:
        """Re-read today's journal and the print availability (never touches what the clerk is typing)."""
        self.journal.refresh()
        self.w["journalLabel"].setText(self.tr("Today's intakes: %n", "", self.journal.rowCount()))
        self._update_print()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            # the form's own texts are retranslated by its children after this handler: follow them
            QTimer.singleShot(0, self, self.retranslate)
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Texts that come from the catalogue or from code follow the new language; typed input is kept."""
        if self._panel is None:  # a LanguageChange may arrive while the form is still being built
            return
        values = self._panel.values()
        checked = self._documents()
        self._title_services()
        self._service_changed()
        self._panel.set_values(values)
        for box in self._doc_boxes:
            box.setChecked(box.property("doc_id") in checked)
        self.errors.clear()
        self.journal.set_language(self.lang)
        fit_columns(self.w["journalView"])
        self.refresh()
        if self.w["iinEdit"].text().strip():
            self._evaluate_iin(show_error=False)
        if self.last_reg_no:
            self._show_registered(self.reg.case(self.last_reg_no))

    def service(self) -> Service:
        return self.reg.catalogue.service(combo_data(self.w["serviceCombo"]))

    def _channel_text(self) -> str:
        """'department', or the user's own 'psc:N' / 'akimat:ID' (the kind alone when the user is not bound)."""
        try:
            return channels.bound_channel(self.ctx.user, self.channel).text
        except KenseError:
            return self.channel

    def register(self) -> Case | None:
        """Register the application on the form (Enter); on bad input show the message and register nothing."""
        applicant = self.w["iinEdit"].text().strip() or None
        if not self.may_register or not self.guard.allow("register", applicant):
            return None  # a double Enter or double click registers once: the form is empty by then
        self._clear_errors()
        if self._panel is not None and self._panel.precheck() is not None:
            return None
        service = self.service()
        # the values as typed now: a retry after a lost connection sends exactly these, under the same token
        sent = (self.ctx.user, service.code, self._applicant(), self._panel.values() if self._panel else {},
                self._documents())
        channel, now = self.channel, self.now()
        try:
            case = submit(self, lambda token: self.reg.register_case(*sent, channel=channel, now=now, request=token),
                          self._registered, self._register_refused)
        except KenseError as exc:
            self._register_refused(exc)
            return None
        if case is not None:
            self._registered(case)
        return case

    def _register_refused(self, exc: KenseError) -> None:
        if isinstance(exc, ValidationError):
            self._show_validation(exc)
        else:
            alerts.refusal(self, exc)

    def focus_first(self) -> None:
        """The first field of an intake: the applicant's IIN (the service stays as last chosen)."""
        self.w["iinEdit"].setFocus(Qt.FocusReason.OtherFocusReason)

    def clear(self) -> None:
        """Esc: an empty form for the next applicant (the service and the last number stay)."""
        for name in APPLICANT_FIELDS:
            self.w[f"{name}Edit"].clear()
        self.w["iinEdit"].clear()
        if self._panel is not None:
            self._panel.clear()
        for box in self._doc_boxes:
            box.setChecked(False)
        self._clear_errors()
        self._set_iin_feedback(None)
        self.w["iinEdit"].setFocus(Qt.FocusReason.ShortcutFocusReason)

    def fill_from_history(self) -> None:
        """Fill the name, address and phone from the applicant's latest case."""
        if self._known is None:
            return
        for name in APPLICANT_FIELDS:
            self.w[f"{name}Edit"].setText(getattr(self._known, name))

    def print_receipt(self) -> None:
        if self.ctx.print_document is None or not self.last_reg_no:
            return
        try:
            kinds = self.receipt_kinds
            for kind in kinds(self.reg.case(self.last_reg_no)) if callable(kinds) else kinds:
                self.ctx.print_document(kind, self.last_reg_no)
        except KenseError as exc:  # the document does not fit the case: a calm message
            alerts.refusal(self, exc)

    def open_scanned(self) -> None:
        """A barcode scanner types the number and Enter: open that case's card."""
        edit: QLineEdit = self.w["scanEdit"]
        text = edit.text().strip()
        if not text:
            return
        found = REG_NO_RE.search(text)
        reg_no = (found.group(0) if found else text).upper()
        try:
            self.reg.case(reg_no)
        except KenseError as exc:
            set_message(self.w["scanError"], exc.message(self.lang))
            edit.selectAll()
            return
        set_message(self.w["scanError"], "")
        edit.clear()
        self._open(reg_no)

    # ------------------------------------------------------------ service and documents

    def _service_changed(self) -> None:
        service = self.service()
        today = self.now()
        due = workflow.chain(today, channels.deadline_parts(service, self._channel_text()), self.reg.calendar())
        self._due_now = self.tr("Result due if registered now: %1").replace("%1", fmt_datetime(due, self.lang))
        self._show_service_info()
        self._build_fields(service)
        self._build_documents(service)
        self._fix_tab_order()
        self._check_open_cases()
        if self.ctx.settings is not None and hasattr(self.ctx.settings, "last_service"):
            self.ctx.settings.last_service = service.code

    def _show_service_info(self) -> None:
        """Under the service box: the due time if registered now, and the service's title only when the box
        cannot show it whole (the box already shows 'S1 · title'; repeating it in full would be noise)."""
        lines = [self.service().title(self.lang)] if self.service_title_cut() else []
        self.w["serviceInfo"].setText("\n".join([*lines, self._due_now]))

    def service_title_cut(self) -> bool:
        """Whether the service box cuts its text (a long title in a narrow window)."""
        combo: QComboBox = self.w["serviceCombo"]
        option = QStyleOptionComboBox()
        combo.initStyleOption(option)
        field = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                             QStyle.SubControl.SC_ComboBoxEditField, combo)
        return combo.fontMetrics().horizontalAdvance(combo.currentText()) > field.width()

    def eventFilter(self, watched, event: QEvent) -> bool:
        if watched is self.w["serviceCombo"] and event.type() == QEvent.Type.Resize and self._due_now:
            self._show_service_info()
        return super().eventFilter(watched, event)

    def _build_fields(self, service: Service) -> None:
        if self._panel is not None:
            self._panel.hide()
            self._panel.deleteLater()
        host: QWidget = self.w["fieldsHost"]
        fields = service.fields_for("intake")
        self._panel = FieldsPanel(fields, self.lang, self.now().date(), host)
        self._panel.focus_chain_changed.connect(self._fix_tab_order)
        host.layout().addWidget(self._panel)
        host.setVisible(bool(fields))

    def _build_documents(self, service: Service) -> None:
        layout = self.w["documentsBox"].layout()
        for box in self._doc_boxes:
            box.hide()
            box.deleteLater()
        self._doc_boxes = []
        for doc in service.documents:
            box = QCheckBox(doc.title(self.lang), self.w["documentsBox"])
            box.setObjectName(f"doc_{doc.id}")
            box.setProperty("doc_id", doc.id)
            layout.addWidget(box)
            self._doc_boxes.append(box)

    def _fix_tab_order(self) -> None:
        """The .ui fixes the order of the static widgets; the catalogue's widgets are threaded in after phone."""
        w = self.w
        chain: list[QWidget] = [w["serviceCombo"], w["iinEdit"], w["fillButton"],
                                *(w[f"{n}Edit"] for n in APPLICANT_FIELDS)]
        chain += self._panel.focus_widgets() if self._panel else []
        chain += self._doc_boxes
        chain += [w["registerButton"], w["clearButton"], w["scanEdit"], w["printReceiptButton"], w["journalView"]]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    # ------------------------------------------------------------ IIN, history, open cases

    def _iin_changed(self, text: str) -> None:
        set_message(self.w["iinError"], "")
        if len(text.strip()) == 12:
            self._evaluate_iin(show_error=True)
        else:
            self._set_iin_feedback(None)

    def _iin_finished(self) -> None:
        if self.w["iinEdit"].text().strip():
            self._evaluate_iin(show_error=True)

    def _evaluate_iin(self, show_error: bool) -> None:
        text = self.w["iinEdit"].text().strip()
        try:
            iin = parse_iin(text, today=self.now().date())
        except ValidationError as exc:
            self._set_iin_feedback(None)
            if show_error:
                set_message(self.w["iinError"], exc.message(self.lang))
            return
        sex = self.tr("male") if iin.sex == "M" else self.tr("female")
        self.w["iinInfo"].setText(self.tr("born %1, %2").replace("%1", fmt_date(iin.birth_date, self.lang))
                                  .replace("%2", sex))
        self._set_iin_feedback(iin.text)

    def _set_iin_feedback(self, iin: str | None) -> None:
        """Birth date and sex, the applicant's earlier data and cases, and the open-case warning."""
        if iin is None:
            self.w["iinInfo"].clear()
            self._known = None
            self.w["historyFrame"].setVisible(False)
            self.w["fillButton"].setEnabled(False)
            set_message(self.w["openCaseWarning"], "")
            return
        known, cases = self.reg.applicant_history(iin)
        self._known = known
        self.w["fillButton"].setEnabled(known is not None)
        self.w["historyFrame"].setVisible(known is not None)
        if known is not None:
            self.w["historyLabel"].setText(self._history_html(known, cases))
        self._check_open_cases()

    def _history_html(self, known: Applicant, cases: list) -> str:
        who = html.escape(" · ".join(p for p in (known.full_name, known.address, known.phone) if p))
        lines = [self.tr("Known applicant: %1").replace("%1", f"<b>{who}</b>")]
        shown = [f"<a href='{c.reg_no}'>{c.reg_no}</a> {c.service} {html.escape(stage_title(c.stage, self.lang))}"
                 f" ({fmt_date(c.registered_at.date(), self.lang)})" for c in cases[:5]]
        lines.append(self.tr("Earlier cases (%n):", "", len(cases)) + " " + "; ".join(shown)
                     + (" …" if len(cases) > 5 else ""))
        return "<br>".join(lines)

    def _check_open_cases(self) -> None:
        label: QLabel = self.w["openCaseWarning"]
        iin = self.w["iinEdit"].text().strip()
        if len(iin) != 12 or not iin.isdigit():
            set_message(label, "")
            return
        service = self.service()
        open_cases = self.reg.open_cases(iin, service.code)
        if not open_cases:
            set_message(label, "")
            return
        links = ", ".join(f"<a href='{r}'>{r}</a>" for r in open_cases)
        set_message(label, "⚠ " + html.escape(message("second_open_case", self.lang, service=service.code,
                                                      reg_nos="\x00")).replace("\x00", links))

    # ------------------------------------------------------------ register helpers

    def _applicant(self) -> dict[str, str]:
        data = {name: self.w[f"{name}Edit"].text() for name in APPLICANT_FIELDS}
        data["iin"] = self.w["iinEdit"].text().strip()
        return data

    def _documents(self) -> list[str]:
        return [box.property("doc_id") for box in self._doc_boxes if box.isChecked()]

    def _clear_errors(self) -> None:
        self.errors.clear()
        if self._panel is not None:
            self._panel.clear_errors()

    def _show_validation(self, exc: ValidationError) -> None:
        if exc.field == "iin" and self._panel is not None and self._applicant_iin_valid():
            if self._panel.show_error(exc):  # a child's IIN, not the applicant's
                return
        self.errors.show(exc, extra=self._panel.show_error if self._panel else None)

    def _applicant_iin_valid(self) -> bool:
        try:
            parse_iin(self.w["iinEdit"].text(), today=self.now().date())
        except ValidationError:
            return False
        return True

    def _registered(self, case: Case) -> None:
        self.guard.done("register", case.applicant.iin)
        self.last_reg_no = case.reg_no
        self._show_registered(case)
        self.clear()
        self.refresh()  # the window refreshes the other tabs when it hears the change
        self.ctx.signals.cases_changed.emit(case.reg_no)

    def _show_registered(self, case: Case) -> None:
        service = self.reg.service_of(case)
        self.w["regNoLabel"].setText(case.reg_no)
        self.w["resultInfo"].setText(
            self.tr("%1 · %2\nresult due %3").replace("%1", f"{service.code} {service.title(self.lang)}")
            .replace("%2", case.applicant.full_name).replace("%3", fmt_datetime(case.due_at, self.lang)))

    def _update_print(self) -> None:
        available = self.ctx.print_document is not None
        enabled = available and self.last_reg_no is not None
        self.print_action.setEnabled(enabled)
        self.w["printReceiptButton"].setEnabled(enabled)
        if not available:
            hint = self.tr("Printing is not available yet.")
        elif self.last_reg_no is None:
            hint = self.tr("Register an application to print its receipt.")
        else:
            hint = ""
        self.w["printHint"].setText(hint)
        self.w["printReceiptButton"].setToolTip(hint)

    def _open(self, reg_no: str | None) -> None:
        if reg_no:
            self.ctx.open_case(reg_no)
