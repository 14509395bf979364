"""The village akim's tab (әкім): regulation 6 and 7 applications taken at the akimat.

The akim registers S6 and S7 at the counter (the clerk's form with channel = his akimat). For S6 the akim issues
and signs the АНЫҚТАМА himself (regulation 6 annex 3 names the "кент, ауыл, ауылдық округ әкімі"): on "Decide and
sign" he takes the application to issue (the core's resolve, with himself as executor) and later signs the draft;
"Write and issue" is the executor's desk (desktop/ui/executor_tab.py) for drafting, printing and handing over.
S7 packages go to the department on a registry like a PSC branch's, and the signed letters come back on a return
registry to be given out. The core decides every action again (desktop/core/channels.py: akim_acts).

As on the head's desk, signing and returning first ask, naming the case (Enter confirms, Esc cancels), and a
repeated click or key does nothing more. Keys on "Decide and sign": F2 the list, F8 / Shift+F8 next / previous
case, F3 the resolution or the return reason, F9 take to issue / sign, Shift+F9 return, F4 open in "Write and issue".
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QStackedWidget, QTableView, QTabWidget, QTextBrowser, \
    QWidget

from ..core import workflow
from ..core.errors import KenseError, ValidationError
from ..core.model import Case
from ..store import now_local
from . import alerts
from .casework import (case_header_html, select_reg_no, selected_reg_no, set_message, setup_table,
                       style_error_label, submit, user_names)
from .clerk_tab import ClerkTab
from .context import AppContext
from .desk_keys import NEXT_KEY, PREVIOUS_KEY, Keys, RepeatGuard, case_rows, confirm_case, step
from .executor_tab import ExecutorTab
from .forms import child, load_into
from .labels import decision_title, stage_title
from .models import fit_columns
from .receipt_desk import ReceivePanel
from .registries import REG_NO_RE, REGISTRY_NO_RE, HandOverPanel, RegistryBuilder, is_code, own_source, \
    package_model, place_title

SERVICES = ("S6", "S7")
CASE_COLUMNS = ("reg_no", "service", "applicant", "stage", "step_due_at", "due_at")
STAGES = ("awaiting_resolution", "with_executor", "awaiting_signature", "signed")
WIDGETS: dict[str, type] = {
    "placeLabel": QLabel, "akimTabs": QTabWidget, "casesLabel": QLabel, "casesView": QTableView,
    "caseView": QTextBrowser, "actionStack": QStackedWidget, "emptyLabel": QLabel, "resolutionEdit": QLineEdit,
    "resolveButton": QPushButton, "signButton": QPushButton, "returnReasonEdit": QLineEdit,
    "returnButton": QPushButton, "workLabel": QLabel, "openDraftButton": QPushButton, "actionError": QLabel,
    **{name: QWidget for name in ("emptyPage", "resolvePage", "signPage", "workPage", "counterPage", "decidePage",
                                  "draftPage", "sendPage", "receivePage", "handoverPage")},
}


def receipt_kinds(case: Case) -> list[str]:
    """The akimat's receipt, and a barcode label when the documents travel to the department as a package."""
    return ["receipt", "label"] if case.package is not None else ["receipt"]


class AkimTab(QWidget):
    """Әкім: intake, the akimat's own certificates (decide, draft, sign, issue) and the S7 packages."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        load_into(self, "akim_tab")
        self.ctx, self.reg = ctx, ctx.register
        self.now: Callable[[], dt.datetime] = now_local
        self.source = own_source(ctx.user)
        self.w = {name: child(self, kind, name) for name, kind in WIDGETS.items()}
        self.tabs: QTabWidget = self.w["akimTabs"]
        self._names = user_names(self.reg)
        self._default_resolution = ""
        self.guard = RepeatGuard()
        self.confirmation = None
        self._loaded = self._refreshing = False
        style_error_label(self.w["actionError"])
        self.cases = package_model(self._case_ids, self.reg, columns=CASE_COLUMNS, lang=ctx.lang,
                                   deadline="step_due_at", parent=self)  # ordered by the step's due time
        setup_table(self.w["casesView"], self.cases)
        self.w["casesView"].selectionModel().selectionChanged.connect(lambda *_a: self._picked())
        self.w["casesView"].activated.connect(lambda i: self.ctx.open_case(self.cases.reg_no(i.row()) or ""))
        self.counter = self.drafting = self.builder = self.receiver = self.handover = None
        if self.source is not None:
            self._build_pages()
        else:
            for page in ("counterPage", "decidePage", "draftPage", "sendPage", "receivePage", "handoverPage"):
                self.tabs.removeTab(self.tabs.indexOf(self.w[page]))
        self._connect()
        self._setup_keys()
        self.refresh()
        self._loaded = True

    def _build_pages(self) -> None:
        ctx, source = self.ctx, self.source
        self.counter = self._host("counterPage", ClerkTab(ctx, self, channel="akimat", services=SERVICES,
                                                          receipt_kinds=receipt_kinds))
        self.drafting = self._host("draftPage", ExecutorTab(ctx, self))
        self.drafting.w["listTabs"].setTabVisible(1, False)  # S4 slips: not an akimat service
        self.builder = self._host("sendPage", RegistryBuilder(ctx, "to_department", source, self))
        self.receiver = self._host("receivePage", ReceivePanel(ctx, "to_branch", source, self))
        self.handover = self._host("handoverPage", HandOverPanel(ctx, source, self))

    def _host(self, page: str, widget: QWidget):
        self.w[page].layout().addWidget(widget)
        return widget

    def _connect(self) -> None:
        self.tabs.currentChanged.connect(lambda _i: self._page_shown())
        self.w["resolveButton"].clicked.connect(self.resolve)
        self.w["resolutionEdit"].returnPressed.connect(self.resolve)
        self.w["signButton"].clicked.connect(self.sign)
        self.w["returnButton"].clicked.connect(self.return_draft)
        self.w["returnReasonEdit"].returnPressed.connect(self.return_draft)
        self.w["openDraftButton"].clicked.connect(lambda: self.open_in_drafting(self._current_reg_no()))

    def _setup_keys(self) -> None:
        keys = self.keys = Keys(self)
        w, page = self.w, self.w["decidePage"]
        keys.bind("F2", page, lambda: w["casesView"].setFocus(Qt.FocusReason.ShortcutFocusReason))
        keys.bind(NEXT_KEY, page, lambda: step(w["casesView"], True))
        keys.bind(PREVIOUS_KEY, page, lambda: step(w["casesView"], False))
        keys.bind("F3", w["resolvePage"], w["resolutionEdit"])
        keys.bind("F9", w["resolvePage"], w["resolveButton"])
        keys.bind("F9", w["signPage"], w["signButton"])
        keys.bind("F3", w["signPage"], w["returnReasonEdit"])
        keys.bind("Shift+F9", w["signPage"], w["returnButton"])
        keys.bind("F4", w["workPage"], w["openDraftButton"])
        keys.decorate()

    def focus_first(self) -> None:
        """After the login: the akimat's counter, the cursor in the applicant's IIN."""
        if self.counter is not None:
            self.tabs.setCurrentWidget(self.w["counterPage"])
            self.counter.focus_first()

    def _picked(self) -> None:
        if not self._refreshing and self._current_reg_no():
            self.guard.moved()
        self._show_case()

    @property
    def lang(self) -> str:
        return self.ctx.lang

    # ------------------------------------------------------------ the tab contract

    def refresh(self, _reg_no: str = "") -> None:
        self._names = user_names(self.reg)
        self._show_place()
        self._refresh_cases()
        for widget in (self.counter, self.drafting, self.builder, self.receiver, self.handover):
            if widget is not None:
                widget.refresh()

    def _page_shown(self) -> None:
        """A page is shown: what another page wrote (an intake, a resolution) is there at once."""
        page = self.tabs.currentWidget()
        if page is self.w["decidePage"]:
            return self._refresh_cases()
        hosted = {"counterPage": self.counter, "draftPage": self.drafting, "sendPage": self.builder,
                  "receivePage": self.receiver, "handoverPage": self.handover}.get(page.objectName())
        if hosted is not None:
            hosted.refresh()

    def _refresh_cases(self) -> None:
        keep = selected_reg_no(self.w["casesView"])
        self._refreshing = True
        try:
            self.cases.set_language(self.lang)
            self.cases.refresh()
            fit_columns(self.w["casesView"], samples={"stage": [stage_title(s, self.lang) for s in STAGES]})
            select_reg_no(self.w["casesView"], keep, fallback_first=not self._loaded)  # later: only when asked
        finally:
            self._refreshing = False
        self.w["casesLabel"].setText(self.tr("The akimat's certificates in work: %1")
                                     .replace("%1", str(self.cases.rowCount())))
        self._show_case()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            QTimer.singleShot(0, self, self._retitle)
        super().changeEvent(event)

    def _show_place(self) -> None:
        place = place_title(self.source, self.lang) if self.source else ""
        self.w["placeLabel"].setText(self.tr("Akimat: %1").replace("%1", place) if self.source else
                                     self.tr("This account is not bound to an akimat; ask the administrator."))

    def _retitle(self) -> None:
        self.keys.decorate()
        self._show_place()
        self.cases.set_language(self.lang)
        self._show_case()

    def receipt_open(self) -> bool:
        return self.receiver is not None and self.receiver.in_progress()

    def accept_scan(self, code: str) -> bool:
        current = self.tabs.currentWidget()
        if self.receiver is not None and (current is self.w["receivePage"] or self.receipt_open()):
            self.tabs.setCurrentWidget(self.w["receivePage"])
            return self.receiver.accept_scan(code)
        if self.handover is not None and current is self.w["handoverPage"] and is_code(code, REG_NO_RE):
            return self.handover.accept_scan(code)
        if current is self.w["decidePage"] and is_code(code, REG_NO_RE):
            return select_reg_no(self.w["casesView"], code, fallback_first=False)
        if is_code(code, REGISTRY_NO_RE):
            return self.open_registry(code)
        return False

    def open_registry(self, number: str) -> bool:
        try:
            registry = self.reg.packages.registry(number)
        except KenseError:
            registry = None
        if registry is not None and registry.direction == "to_department" and self.builder is not None:
            self.tabs.setCurrentWidget(self.w["sendPage"])
            return self.builder.select_registry(registry.number)
        if self.receiver is None:
            return False
        self.tabs.setCurrentWidget(self.w["receivePage"])
        return self.receiver.open_registry(number)

    # ------------------------------------------------------------ the akimat's own cases

    def _case_ids(self) -> list[int]:
        """Open certificates issued at this akimat (local cases: no package), by the current step's due time."""
        if self.source is None:
            return []
        ids = [*self.reg.inbox_ids("resolution"), *self.reg.inbox_ids("signature"),
               *self.reg.inbox_ids("executor", executor_id=self.ctx.user.id)]
        rows = self.reg.summaries(ids)
        mine = [rows[i] for i in dict.fromkeys(ids) if i in rows and rows[i].channel == self.source
                and rows[i].package is None and rows[i].stage in STAGES]
        mine.sort(key=lambda s: (s.step_due_at or s.due_at, s.id))
        return [s.id for s in mine]

    def _current_reg_no(self) -> str | None:
        return selected_reg_no(self.w["casesView"])

    def current_case(self) -> Case | None:
        reg_no = self._current_reg_no()
        try:
            return self.reg.case(reg_no) if reg_no else None
        except KenseError:
            return None

    def _show_case(self) -> None:
        case = self.current_case()
        set_message(self.w["actionError"], "")
        if case is None:
            note = self.tr("Choose a case on the left.")  # outside the f-string, where lupdate finds it
            self.w["caseView"].setHtml(f"<p style='color:#555'>{note}</p>")
            return self._page("emptyPage", self.tr("Nothing to decide or sign now."))
        service = self.reg.service_of(case)
        self.w["caseView"].setHtml(case_header_html(case, service, self.lang, self._names, self.now(), draft=True))
        allowed = workflow.allowed_actions(case, self.ctx.user, service)
        if case.stage == "awaiting_resolution":
            default, edit = self.tr("Issue the certificate"), self.w["resolutionEdit"]
            if not edit.text() or edit.text() == self._default_resolution:  # keep what the akim typed
                edit.setText(default)
            self._default_resolution = default
            self.w["resolveButton"].setEnabled("resolve" in allowed)
            return self._page("resolvePage")
        if case.stage == "awaiting_signature":
            self.w["signButton"].setEnabled("sign" in allowed)
            self.w["returnButton"].setEnabled("return" in allowed)
            return self._page("signPage")
        if case.executor_id == self.ctx.user.id:
            work = self.tr("Draft the certificate (or the refusal) and send it for your signature in “Write and "
                           "issue”.") if case.stage == "with_executor" else \
                self.tr("Signed: print the certificate and hand it over in “Write and issue”.")
            self.w["workLabel"].setText(work)
            return self._page("workPage")
        name = self._names.get(case.executor_id or 0, "—")
        self._page("emptyPage", self.tr("The department's executor %1 works on this case.").replace("%1", name))

    def _page(self, name: str, text: str = "") -> None:
        if name == "emptyPage":
            self.w["emptyLabel"].setText(text)
        self.w["actionStack"].setCurrentWidget(self.w[name])

    def open_in_drafting(self, reg_no: str | None) -> None:
        if self.drafting is None or not reg_no:
            return
        self.tabs.setCurrentWidget(self.w["draftPage"])
        self.drafting.refresh()
        select_reg_no(self.drafting.w["myCasesView"], reg_no)

    # ------------------------------------------------------------ actions

    def resolve(self) -> Case | None:
        """Take the application to issue: the akim is the executor of his akimat's certificate."""
        case = self.current_case()
        if case is None or not self.w["resolveButton"].isEnabled() or not self.guard.allow("resolve", case.reg_no):
            return None
        done = self._perform(case, "resolve", resolution=self.w["resolutionEdit"].text())
        if done is not None:
            self.w["resolutionEdit"].clear()
            self.open_in_drafting(done.reg_no)
        return done

    def sign(self) -> None:
        """Ask, naming the case and the draft's decision; sign after Enter."""
        case = self.current_case()
        if case is None or not self.w["signButton"].isEnabled() or not self.guard.allow("sign", case.reg_no):
            return
        set_message(self.w["actionError"], "")
        self._confirm(case, "sign", self.tr("Sign"), self.tr("Sign this certificate?"), [], {})

    def return_draft(self) -> None:
        """Check the reason, ask naming the case, then return the draft for completion."""
        case = self.current_case()
        if case is None or not self.w["returnButton"].isEnabled() or not self.guard.allow("return", case.reg_no):
            return
        set_message(self.w["actionError"], "")
        reason = " ".join(self.w["returnReasonEdit"].text().split())
        try:  # the core's own checks on a copy: a missing reason is answered before the question
            workflow.perform(case, service=self.reg.service_of(case), actor=self.ctx.user, action="return",
                             now=self.now(), params={"reason": reason}, calendar=self.reg.calendar())
        except ValidationError as exc:
            set_message(self.w["actionError"], exc.message(self.lang))
            self.w["returnReasonEdit"].setFocus(Qt.FocusReason.OtherFocusReason)
            return
        except KenseError as exc:
            alerts.refusal(self, exc)
            self.refresh()
            return
        self._confirm(case, "return", self.tr("Return"), self.tr("Return this draft for completion?"),
                      [(self.tr("Return reason"), reason)], {"reason": reason})

    def _confirm(self, case: Case, action: str, verb: str, question: str, extra: list[tuple[str, str]],
                 params: dict) -> None:
        rows = case_rows(case, self.reg.service_of(case).title(self.lang),
                         decision_title(case.decision or "", self.lang)) + extra

        def confirmed() -> None:
            # the case the question named, at the version it showed (changed meanwhile: a Conflict, told calmly)
            if self._perform(case, action, **params) is not None and action == "return":
                self.w["returnReasonEdit"].clear()

        self.confirmation = confirm_case(self, action, verb, question, rows, verb, confirmed, self.guard)

    def _perform(self, case: Case, action: str, **params) -> Case | None:
        now = self.now()
        try:
            version = case.version  # the case as shown: changed at another desk meanwhile is a Conflict
            new = submit(self, lambda token: self.reg.perform(self.ctx.user, case.reg_no, action, now=now,
                                                              expected_version=version, request=token, **params),
                         lambda new: self._performed(action, new), self._refused)
        except KenseError as exc:
            self._refused(exc)
            return None
        if new is not None:
            self._performed(action, new)
        return new

    def _performed(self, action: str, new: Case) -> None:
        self.guard.done(action, new.reg_no)
        self.refresh()
        self._refreshing = True  # the same case, re-selected: not a new choice for the guard
        try:
            select_reg_no(self.w["casesView"], new.reg_no, fallback_first=False)
        finally:
            self._refreshing = False
        self.ctx.signals.cases_changed.emit(new.reg_no)

    def _refused(self, exc: KenseError) -> None:
        if isinstance(exc, ValidationError):
            set_message(self.w["actionError"], exc.message(self.lang))
            return
        alerts.refusal(self, exc)
        self.refresh()


__all__ = ["AkimTab", "receipt_kinds"]
