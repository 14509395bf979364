"""The executor's desk (орындаушы): my cases by due time, the draft, suspension, hand-over and the S4 slip.

The right-hand pane shows the selected case and one page for what can be done at its stage: the draft
(approve with the service's result fields, or refuse with catalogue reasons and a text), resuming a suspended
case, handing a signed result over in person or by post, and recording the returned ЖОЛДАМА slip of an
approved S4 referral. Each button is enabled only if the core allows the action; the core decides again.

Every action acts on the case shown and nothing else: a repeated click or key does nothing more (``RepeatGuard``),
and afterwards the pane says what was done to which case while the list keeps its place; a case that left the list
leaves nothing selected until the executor asks for the next one (F8). Keys (any keyboard layout): F2 / Shift+F2
the lists, F8 / Shift+F8 next / previous case, F3 approve / in person, F4 refuse / by post, F5 / F6 / F7 the page's
fields, F11 the suspension reason, F9 the page's action (send, resume, hand over, record the slip), Shift+F9
suspend, F12 print the result.
"""
from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable

from PySide6.QtCore import QDate, QEvent, Qt, QTimer
from PySide6.QtWidgets import (QDateEdit, QGroupBox, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                               QPlainTextEdit, QPushButton, QRadioButton, QSplitter, QStackedWidget, QTableView,
                               QTabWidget,
                               QTextBrowser, QWidget)

from ..core import workflow
from ..core.errors import KenseError, ValidationError
from ..core.messages import message
from ..core.model import Case
from ..store import Filters, now_local
from . import alerts
from .casework import (InlineErrors, SeenVersions, case_header_html, id_list_model, result_kind, select_reg_no,
                       selected_reg_no, setup_table, style_error_label, submit, user_names)
from .context import AppContext
from .desk_keys import NEXT_KEY, PREVIOUS_KEY, Keys, RepeatGuard, done_banner, keep_scroll, let_go, selected_row, step
from .forms import child, load_into
from .intake_fields import FieldsPanel
from .labels import decision_title, stage_title
from .models import fit_columns, fit_splitter

QUEUE_COLUMNS = ("reg_no", "service", "applicant", "stage", "step_due_at", "due_at")
QUEUE_STAGES = ("with_executor", "signed", "suspended")  # what store.inbox_ids("executor") can hold
SLIP_COLUMNS = ("reg_no", "applicant", "decision", "registered_at")
SLIP_SCAN_LIMIT = 300  # the newest delivered S4 cases looked at for a missing slip ...
SLIP_LOOKBACK = dt.timedelta(days=366)  # ... registered within a year (an index keeps this fast on 1e6 cases)

PAGES = {"with_executor": "workPage", "suspended": "suspendedPage", "signed": "signedPage"}

WIDGETS: dict[str, type] = {
    "listTabs": QTabWidget, "myCasesView": QTableView, "slipsView": QTableView, "caseView": QTextBrowser,
    "stageStack": QStackedWidget, "emptyLabel": QLabel, "decisionBox": QGroupBox, "approveRadio": QRadioButton,
    "refuseRadio": QRadioButton, "decisionError": QLabel, "resultHost": QWidget, "reasonsLabel": QLabel,
    "reasonsList": QListWidget, "reasonsError": QLabel, "draftText": QPlainTextEdit, "sendButton": QPushButton,
    "suspendReasonEdit": QLineEdit, "suspendButton": QPushButton, "suspendError": QLabel,
    "suspendedLabel": QLabel, "resumeButton": QPushButton, "inPersonRadio": QRadioButton,
    "postRadio": QRadioButton, "deliveryDate": QDateEdit, "postNumberEdit": QLineEdit, "deliveryError": QLabel,
    "deliverButton": QPushButton, "slipStartedDate": QDateEdit, "slipOrderEdit": QLineEdit,
    "slipInstitutionEdit": QLineEdit, "slipError": QLabel, "slipButton": QPushButton, "paneMessage": QLabel,
    "printResultButton": QPushButton, "printHint": QLabel,
    **{name: QWidget for name in ("emptyPage", "workPage", "suspendedPage", "signedPage", "slipPage")},
}


class ExecutorTab(QWidget):
    """Орындаушы: the executor's own cases and what to do next with each."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        load_into(self, "executor_tab")
        self.ctx = ctx
        self.reg = ctx.register
        self.now: Callable[[], dt.datetime] = now_local
        self.w = {name: child(self, kind, name) for name, kind in WIDGETS.items()}
        self._names = user_names(self.reg)
        self._panel: FieldsPanel | None = None
        self._shown: tuple[str, str, int] | None = None
        self._acted: tuple[str, str] | None = None  # (reg_no, what was done to it) shown over the pane
        self.guard = RepeatGuard()
        self._loaded = False
        self._refreshing = False
        self.seen = SeenVersions()  # the version the pane shows: what an action is computed from
        self._setup_messages()
        self._setup_lists()
        self._connect()
        self._setup_keys()
        self.refresh()
        self._loaded = True

    @property
    def lang(self) -> str:
        return self.ctx.lang

    # ------------------------------------------------------------ setup

    def _setup_messages(self) -> None:
        for name in ("decisionError", "reasonsError", "suspendError", "deliveryError", "slipError", "paneMessage"):
            style_error_label(self.w[name])
        self.errors = InlineErrors(lambda: self.lang, self.w["paneMessage"])
        self.errors.add("decision", self.w["decisionError"], self.w["approveRadio"])
        self.errors.add("reasons", self.w["reasonsError"], self.w["reasonsList"])
        self.errors.add("reason", self.w["suspendError"], self.w["suspendReasonEdit"])
        for field in ("method", "date", "post_number"):
            self.errors.add(field, self.w["deliveryError"], self.w["postNumberEdit"] if field == "post_number"
                            else None)
        for field in ("started_on", "slip"):
            self.errors.add(field, self.w["slipError"], self.w["slipStartedDate"])

    def _setup_lists(self) -> None:
        uid = self.ctx.user.id
        self.queue_model = id_list_model(lambda: self.reg.inbox_ids("executor", executor_id=uid), self.reg,
                                         columns=QUEUE_COLUMNS, lang=self.lang, deadline="step_due_at",
                                         now=lambda: self.now(), parent=self)  # ordered by the step's due time
        self.slip_model = id_list_model(self._slips_awaited, self.reg, columns=SLIP_COLUMNS, lang=self.lang,
                                        parent=self)
        for view, model in ((self.w["myCasesView"], self.queue_model), (self.w["slipsView"], self.slip_model)):
            setup_table(view, model)
            view.selectionModel().selectionChanged.connect(lambda *_a: self._picked())
            view.activated.connect(lambda index, m=model: self.ctx.open_case(m.reg_no(index.row()) or ""))
        self._fit_columns()
        self.w["listTabs"].currentChanged.connect(lambda _i: self._show_case())

    def _fit_columns(self) -> None:
        """The due times stay in sight at 1366 px: fixed-width columns, the applicant takes what is left, and the
        list is wide enough for a long name beside them (the case pane takes the rest)."""
        fit_columns(self.w["myCasesView"], samples={"stage": [stage_title(s, self.lang) for s in QUEUE_STAGES]})
        fit_columns(self.w["slipsView"])
        fit_splitter(self.findChild(QSplitter, "executorSplitter"), self.w["myCasesView"])

    def _connect(self) -> None:
        self.w["approveRadio"].toggled.connect(self._decision_changed)
        self.w["refuseRadio"].toggled.connect(self._decision_changed)
        self.w["sendButton"].clicked.connect(self.send_draft)
        self.w["suspendButton"].clicked.connect(self.suspend)
        self.w["suspendReasonEdit"].returnPressed.connect(self.suspend)
        self.w["resumeButton"].clicked.connect(self.resume)
        self.w["postRadio"].toggled.connect(self._method_changed)
        self.w["deliverButton"].clicked.connect(self.deliver)
        self.w["postNumberEdit"].returnPressed.connect(self.deliver)
        self.w["slipButton"].clicked.connect(self.record_slip)
        self.w["printResultButton"].clicked.connect(self.print_result)

    def _setup_keys(self) -> None:
        """F-keys, live on the page that shows their widget (Qt fires a shortcut only while it is visible)."""
        keys = self.keys = Keys(self)
        w = self.w
        keys.bind("F2", self, lambda: self.focus_list(0))
        keys.bind("Shift+F2", self, lambda: self.focus_list(1))
        keys.bind(NEXT_KEY, self, lambda: step(self._view(), True))
        keys.bind(PREVIOUS_KEY, self, lambda: step(self._view(), False))
        keys.bind("F12", self, w["printResultButton"])
        page = w["workPage"]
        keys.bind("F3", page, w["approveRadio"])
        keys.bind("F4", page, w["refuseRadio"])
        keys.bind("F5", page, self.focus_details, show_on=w["reasonsLabel"])
        keys.bind("F6", page, w["draftText"])
        keys.bind("F9", page, w["sendButton"])
        keys.bind("F11", page, w["suspendReasonEdit"])
        keys.bind("Shift+F9", page, w["suspendButton"])
        keys.bind("F9", w["suspendedPage"], w["resumeButton"])
        page = w["signedPage"]
        keys.bind("F3", page, w["inPersonRadio"])
        keys.bind("F4", page, w["postRadio"])
        keys.bind("F5", page, w["deliveryDate"])
        keys.bind("F6", page, w["postNumberEdit"])
        keys.bind("F9", page, w["deliverButton"])
        page = w["slipPage"]
        keys.bind("F5", page, w["slipStartedDate"])
        keys.bind("F6", page, w["slipOrderEdit"])
        keys.bind("F7", page, w["slipInstitutionEdit"])
        keys.bind("F9", page, w["slipButton"])
        keys.decorate()

    def _view(self) -> QTableView:
        return self.w["myCasesView"] if self.w["listTabs"].currentIndex() == 0 else self.w["slipsView"]

    def focus_list(self, index: int) -> None:
        self.w["listTabs"].setCurrentIndex(index)
        self._view().setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_details(self) -> None:
        """F5 on the draft: the first result field of an approval, or the refusal reasons."""
        if self.w["refuseRadio"].isChecked() and self.w["reasonsList"].isEnabled():
            self.w["reasonsList"].setFocus(Qt.FocusReason.ShortcutFocusReason)
        elif self._panel is not None and self._panel.isEnabled() and self._panel.focus_widgets() \
                and self.w["resultHost"].isVisible():
            self._panel.focus_widgets()[0].setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_first(self) -> None:
        """After the login: the decision of the case shown, or the list when there is nothing to draft."""
        page = self.w["stageStack"].currentWidget()
        first = {"workPage": "approveRadio", "signedPage": "inPersonRadio", "slipPage": "slipStartedDate",
                 "suspendedPage": "resumeButton"}.get(page.objectName())
        widget = self.w[first] if first else None
        (widget if widget is not None and widget.isEnabled() else self._view()).setFocus(
            Qt.FocusReason.OtherFocusReason)

    def _picked(self) -> None:
        """A case chosen by the person (not re-selected by a refresh) starts a new action for the guard."""
        if not self._refreshing and self.current_case() is not None:
            self.guard.moved()
        self._show_case()

    def _slips_awaited(self) -> list[int]:
        """My delivered, approved S4 referrals whose returned slip is not recorded yet, newest first."""
        since = self.now().date() - SLIP_LOOKBACK
        ids = self.reg.find_ids(Filters(service="S4", stage="delivered", executor_id=self.ctx.user.id,
                                        registered_from=since), limit=SLIP_SCAN_LIMIT)
        out = []
        for case_id in ids:
            case = self.reg.case(case_id)
            if case.decision == "approved" and "slip" not in case.data:
                out.append(case_id)
        return out

    # ------------------------------------------------------------ refresh and language

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            QTimer.singleShot(0, self, self.retranslate)
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Catalogue and code texts follow the new language; the draft being typed is kept."""
        kept = self._typed()
        self.queue_model.set_language(self.lang)
        self.slip_model.set_language(self.lang)
        self._fit_columns()
        self._shown = None
        self.refresh()
        self.keys.decorate()
        self._restore_typed(kept)

    def _typed(self) -> dict | None:
        case = self.current_case()
        if case is None or self.w["stageStack"].currentWidget() is not self.w["workPage"]:
            return None
        return {"reg_no": case.reg_no, "approve": self.w["approveRadio"].isChecked(),
                "refuse": self.w["refuseRadio"].isChecked(), "reasons": self._checked_reasons(),
                "result": self._panel.values() if self._panel is not None else {},
                "text": self.w["draftText"].toPlainText(), "suspend": self.w["suspendReasonEdit"].text()}

    def _restore_typed(self, kept: dict | None) -> None:
        case = self.current_case()
        if kept is None or case is None or case.reg_no != kept["reg_no"] or case.stage != "with_executor":
            return
        self.w["approveRadio"].setChecked(kept["approve"])
        self.w["refuseRadio"].setChecked(kept["refuse"])
        if self._panel is not None:
            self._panel.set_values(kept["result"])
        reasons: QListWidget = self.w["reasonsList"]
        for i in range(reasons.count()):
            ticked = reasons.item(i).data(Qt.ItemDataRole.UserRole) in kept["reasons"]
            reasons.item(i).setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        self.w["draftText"].setPlainText(kept["text"])
        self.w["suspendReasonEdit"].setText(kept["suspend"])

    def refresh(self, _reg_no: str = "") -> None:
        """Re-read my queue and the slips list; keep the selected case and the typed draft if it is unchanged.

        Only the first reading selects the first case: later a case that left a list leaves nothing selected and the
        list where it was, until the executor picks a case (F8)."""
        self._names = user_names(self.reg)
        self._refreshing = True
        try:
            for view, model in ((self.w["myCasesView"], self.queue_model), (self.w["slipsView"], self.slip_model)):
                keep = selected_reg_no(view)
                place = view.currentIndex().row() if view.currentIndex().isValid() else None
                scrolled = keep_scroll(view)
                model.refresh()
                if not select_reg_no(view, keep, fallback_first=not self._loaded) and self._loaded:
                    let_go(view, place)
                scrolled()
        finally:
            self._refreshing = False
        tabs: QTabWidget = self.w["listTabs"]
        tabs.setTabText(0, self.tr("My &cases (%1)").replace("%1", str(self.queue_model.rowCount())))
        tabs.setTabText(1, self.tr("S4 s&lips awaited (%1)").replace("%1", str(self.slip_model.rowCount())))
        self._show_case()

    def current_case(self) -> Case | None:
        reg_no = selected_reg_no(self._view())
        if not reg_no:
            return None
        try:
            return self.reg.case(reg_no)
        except KenseError:
            return None

    # ------------------------------------------------------------ showing a case

    def _show_case(self) -> None:
        case = self.current_case()
        key = (case.reg_no, case.stage, case.version) if case else None
        if case is not None and key == self._shown:
            return  # unchanged: keep what the executor has typed
        self._shown = key
        if case is not None and self._acted is not None and self._acted[0] != case.reg_no and not self._refreshing:
            self._acted = None  # another case is chosen: the note about the last action goes
        self.seen.note(case)
        self.errors.clear()
        self._update_print(case)
        if case is None:
            if not self._show_acted():
                hint = self.tr("Choose a case on the left (%1: the next case).").replace("%1", NEXT_KEY)
                self.w["caseView"].setHtml(f"<p style='color:#555'>{html.escape(hint)}</p>")
                self._page("emptyPage", self.tr("Nothing to do: the list is empty or no case is chosen."))
            return
        service = self.reg.service_of(case)
        banner = done_banner(self._acted[1]) if self._acted is not None else ""
        self.w["caseView"].setHtml(banner + case_header_html(case, service, self.lang, self._names, self.now(),
                                                             draft=True))
        allowed = workflow.allowed_actions(case, self.ctx.user)
        page = PAGES.get(case.stage)
        if "record_slip" in allowed and service.code == "S4" and case.decision == "approved" \
                and "slip" not in case.data:
            page = "slipPage"
        if page is None:
            self._page("emptyPage", self.tr("This case needs nothing from you now."))
            return
        getattr(self, f"_fill_{page}")(case, service, allowed)
        self._page(page)

    def _show_acted(self) -> bool:
        """Nothing selected after an action: the case acted on, as it is now, under a line saying what was done."""
        if self._acted is None:
            return False
        try:
            case = self.reg.case(self._acted[0])
        except KenseError:
            return False
        service = self.reg.service_of(case)
        self.w["caseView"].setHtml(done_banner(self._acted[1]) +
                                   case_header_html(case, service, self.lang, self._names, self.now(), draft=True))
        self._page("emptyPage", self.tr("%1: the next case.").replace("%1", NEXT_KEY))
        return True

    def _page(self, name: str, text: str = "") -> None:
        if name == "emptyPage":
            self.w["emptyLabel"].setText(text)
        self.w["stageStack"].setCurrentWidget(self.w[name])

    def _fill_workPage(self, case: Case, service, allowed: list[str]) -> None:
        today = self.now().date()
        if self._panel is not None:
            self._panel.hide()
            self._panel.deleteLater()
        fields = service.fields_for("result")
        self._panel = FieldsPanel(fields, self.lang, today, self.w["resultHost"])
        self.w["resultHost"].layout().addWidget(self._panel)
        self._panel.show()
        self.w["resultHost"].setVisible(bool(fields))
        self._panel.set_values(case.data.get("result", {}))  # a returned draft comes back as it was
        reasons: QListWidget = self.w["reasonsList"]
        reasons.clear()
        earlier = set(case.data.get("refusal_reasons", []))
        for reason in service.refusal_reasons:
            item = QListWidgetItem(reason.title(self.lang), reasons)
            item.setData(Qt.ItemDataRole.UserRole, reason.id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable)
            item.setCheckState(Qt.CheckState.Checked if reason.id in earlier else Qt.CheckState.Unchecked)
        reasons.setCurrentRow(0)
        self.w["draftText"].setPlainText(case.data.get("draft_text", ""))
        self.w["suspendReasonEdit"].clear()
        for radio in ("approveRadio", "refuseRadio"):
            self.w[radio].setAutoExclusive(False)
            self.w[radio].setChecked(False)
            self.w[radio].setAutoExclusive(True)
        self._decision_changed()
        for name in ("approveRadio", "refuseRadio", "reasonsList", "draftText", "sendButton"):
            self.w[name].setEnabled("draft" in allowed)
        self._panel.setEnabled("draft" in allowed)
        for name in ("suspendReasonEdit", "suspendButton"):
            self.w[name].setEnabled("suspend" in allowed)
        chain = [self.w["approveRadio"], self.w["refuseRadio"], *self._panel.focus_widgets(),
                 self.w["reasonsList"], self.w["draftText"], self.w["sendButton"], self.w["suspendReasonEdit"],
                 self.w["suspendButton"], self.w["printResultButton"]]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)
        self._panel.focus_chain_changed.connect(lambda: self._refix_chain(chain))

    def _refix_chain(self, chain: list[QWidget]) -> None:
        if self._panel is None:
            return
        chain = [chain[0], chain[1], *self._panel.focus_widgets(), *chain[-6:]]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    def _fill_suspendedPage(self, case: Case, service, allowed: list[str]) -> None:
        self.w["suspendedLabel"].setText(self.tr("Suspended: %1").replace("%1", case.data.get("suspend_reason", "")))
        self.w["resumeButton"].setEnabled("resume" in allowed)

    def _fill_signedPage(self, case: Case, service, allowed: list[str]) -> None:
        may_post = "post" in service.delivery
        post: QRadioButton = self.w["postRadio"]
        post.setEnabled(may_post)
        post.setToolTip("" if may_post else message("delivery_not_allowed", self.lang, service=service.code,
                                                     method=self.tr("by post")))
        self.w["inPersonRadio"].setChecked(True)
        self.w["deliveryDate"].setDate(QDate(self.now().date()))
        self.w["postNumberEdit"].clear()
        self._method_changed()
        self.w["deliverButton"].setEnabled("deliver" in allowed)

    def _fill_slipPage(self, case: Case, service, allowed: list[str]) -> None:
        self.w["slipStartedDate"].setDate(QDate(self.now().date()))
        self.w["slipOrderEdit"].clear()
        self.w["slipInstitutionEdit"].setText(case.data.get("result", {}).get("institution", ""))
        self.w["slipButton"].setEnabled("record_slip" in allowed)

    def _decision_changed(self) -> None:
        refuse = self.w["refuseRadio"].isChecked()
        approve = self.w["approveRadio"].isChecked()
        self.w["reasonsList"].setVisible(refuse)
        self.w["reasonsLabel"].setVisible(refuse)
        self.w["resultHost"].setVisible(approve and self._panel is not None and bool(self._panel.editors))

    def _method_changed(self) -> None:
        by_post = self.w["postRadio"].isChecked()
        self.w["postNumberEdit"].setEnabled(by_post)

    # ------------------------------------------------------------ actions

    def send_draft(self) -> None:
        """Send the decision to the head for signature (action ``draft``)."""
        case = self.current_case()
        if case is None or not self.w["sendButton"].isEnabled() or not self.guard.allow("draft", case.reg_no):
            return
        self.errors.clear()
        params: dict = {"text": self.w["draftText"].toPlainText()}
        if self.w["approveRadio"].isChecked():
            params["decision"] = "approved"
            if self._panel is not None:
                self._panel.clear_errors()
                if self._panel.precheck() is not None:
                    return
                params["result"] = self._panel.values()
        elif self.w["refuseRadio"].isChecked():
            params["decision"] = "refused"
            params["reasons"] = self._checked_reasons()
        self._perform(case, "draft", done=self.tr("%1 (%2) is sent to the head: %3."), **params)

    def _checked_reasons(self) -> list[str]:
        reasons: QListWidget = self.w["reasonsList"]
        return [reasons.item(i).data(Qt.ItemDataRole.UserRole) for i in range(reasons.count())
                if reasons.item(i).checkState() == Qt.CheckState.Checked]

    def suspend(self) -> None:
        case = self.current_case()
        if case is not None and self.w["suspendButton"].isEnabled() and self.guard.allow("suspend", case.reg_no):
            self.errors.clear()
            self._perform(case, "suspend", reason=self.w["suspendReasonEdit"].text(),
                          done=self.tr("%1 (%2) is suspended: %3."))

    def resume(self) -> None:
        case = self.current_case()
        if case is not None and self.w["resumeButton"].isEnabled() and self.guard.allow("resume", case.reg_no):
            self._perform(case, "resume", done=self.tr("%1 (%2) is taken up again."))

    def deliver(self) -> None:
        """Record the hand-over: in person, or by post with the date and the post receipt number."""
        case = self.current_case()
        if case is None or not self.w["deliverButton"].isEnabled() or not self.guard.allow("deliver", case.reg_no):
            return
        self.errors.clear()
        method = "post" if self.w["postRadio"].isChecked() else "in_person"
        params = {"method": method, "date": self.w["deliveryDate"].date().toPython().isoformat()}
        if method == "post":
            params["post_number"] = self.w["postNumberEdit"].text()
        done = self.tr("%1 (%2) is posted.") if method == "post" else self.tr("%1 (%2) is handed over.")
        self._perform(case, "deliver", done=done, **params)

    def record_slip(self) -> None:
        case = self.current_case()
        if case is None or not self.w["slipButton"].isEnabled() or not self.guard.allow("record_slip", case.reg_no):
            return
        self.errors.clear()
        self._perform(case, "record_slip", done=self.tr("The slip of %1 (%2) is recorded."),
                      started_on=self.w["slipStartedDate"].date().toPython().isoformat(),
                      order_no=self.w["slipOrderEdit"].text(), institution=self.w["slipInstitutionEdit"].text())

    def print_result(self) -> None:
        case = self.current_case()
        if case is None or self.ctx.print_document is None or not self.w["printResultButton"].isEnabled():
            return
        try:
            self.ctx.print_document(result_kind(case, self.reg.service_of(case)), case.reg_no)
        except KenseError as exc:  # the document does not fit the case: a calm message
            alerts.refusal(self, exc)

    def _update_print(self, case: Case | None) -> None:
        ready = case is not None and case.stage in ("signed", "delivered") and case.decision is not None
        available = self.ctx.print_document is not None
        self.w["printResultButton"].setEnabled(ready and available)
        if not available:
            hint = self.tr("Printing is not available yet.")
        elif not ready:
            hint = self.tr("The result can be printed once the head has signed it.")
        else:
            hint = ""
        self.w["printHint"].setText(hint)
        self.w["printResultButton"].setToolTip(hint)

    def _perform(self, case: Case, action: str, *, done: str, **params) -> Case | None:
        """One workflow action on ``case`` through the register; bad input answered inline, other refusals calmly.

        Afterwards the pane says what was done to which case (``done``: %1 number, %2 applicant, %3 decision or
        reason); the list keeps its place, and a case that left it leaves nothing selected (F8: the next one)."""
        version = self.seen.of(case)
        try:
            new = submit(self, lambda token: self.reg.perform(self.ctx.user, case.reg_no, action, request=token,
                                                              expected_version=version, **params),
                         lambda new: self._performed(action, case, new, params, done), self._refused)
        except KenseError as exc:
            self._refused(exc)
            return None
        if new is not None:
            self._performed(action, case, new, params, done)
        return new

    def _performed(self, action: str, case: Case, new: Case, params: dict, done: str) -> None:
        """After the action (now, or when a lost server came back): say what was done to which case; the list
        keeps its place, and a case that left it leaves nothing selected (F8: the next one)."""
        view = self._view()
        place = selected_row(view)
        self.guard.done(action, case.reg_no)
        third = params.get("reason") or decision_title(new.decision or "", self.lang)
        self._acted = (case.reg_no, done.replace("%1", case.reg_no).replace("%2", case.applicant.full_name)
                       .replace("%3", third))
        self._shown = None
        self.refresh()  # the window refreshes the other tabs when it hears the change
        if self.current_case() is None:
            let_go(view, place)
            view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.ctx.signals.cases_changed.emit(case.reg_no)

    def _refused(self, exc: KenseError) -> None:
        if isinstance(exc, ValidationError):
            self.errors.show(exc, extra=self._panel.show_error if self._panel is not None else None)
            return
        alerts.refusal(self, exc)
        kept = self._typed()
        self._shown = None
        self.refresh()
        self._restore_typed(kept)
