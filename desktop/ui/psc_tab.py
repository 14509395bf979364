"""The public service centre tab (ХҚКО): the branch's side of the regulation 7 package path (annex 7 table 2).

The PSC inspector registers the application at the counter (the clerk's form with channel = his branch) and
prints the Қолхат and the package's barcode label; when the signed result comes back on the department's return
registry he scans it in and hands it over against the Қолхат. The collecting inspector builds the day's registry
of the waiting packages for the courier, prints it, and sees the registries sent and whether they arrived.
Every page shows only the branch's own packages: the branch is the user's, never chosen.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QLabel, QTabWidget, QWidget

from ..core.errors import KenseError
from .clerk_tab import ClerkTab
from .context import AppContext
from .forms import child, load_into
from .receipt_desk import ReceivePanel
from .registries import REG_NO_RE, REGISTRY_NO_RE, HandOverPanel, RegistryBuilder, is_code, own_source, place_title

PSC_RECEIPT_KINDS = ("kolkhat", "label")  # the applicant's Қолхат and the label stuck on the package


class PscTab(QWidget):
    """ХҚКО: intake and Қолхат, the registry to the department, returned results and the hand-over."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        load_into(self, "psc_tab")
        self.ctx = ctx
        self.source = own_source(ctx.user)
        self.tabs: QTabWidget = child(self, QTabWidget, "pscTabs")
        self.place_label: QLabel = child(self, QLabel, "placeLabel")
        inspector, collector = ctx.user.has("psc_inspector"), ctx.user.has("psc_collector")
        self.counter: ClerkTab | None = None
        self.builder: RegistryBuilder | None = None
        self.receiver: ReceivePanel | None = None
        self.handover: HandOverPanel | None = None
        if self.source is not None:
            if inspector:
                self.counter = self._host("intakePage", ClerkTab(ctx, self, channel="psc",
                                                                 receipt_kinds=PSC_RECEIPT_KINDS))
                self.handover = self._host("handoverPage", HandOverPanel(ctx, self.source, self))
            if collector:
                self.builder = self._host("sendPage", RegistryBuilder(ctx, "to_department", self.source, self))
            self.receiver = self._host("receivePage", ReceivePanel(ctx, "to_branch", self.source, self))
        for page, kept in (("intakePage", self.counter), ("sendPage", self.builder),
                           ("receivePage", self.receiver), ("handoverPage", self.handover)):
            if kept is None:
                self.tabs.removeTab(self.tabs.indexOf(child(self, QWidget, page)))
        self._show_place()
        self.tabs.currentChanged.connect(lambda _i: self._page_shown())

    def focus_first(self) -> None:
        """After the login: the inspector's intake (the IIN), or the collector's registry page."""
        if self.counter is not None:
            self.tabs.setCurrentWidget(child(self, QWidget, "intakePage"))
            self.counter.focus_first()

    def _page_shown(self) -> None:
        """A page is shown: what another page wrote (an intake, a scan) is there at once."""
        hosted = {"intakePage": self.counter, "sendPage": self.builder, "receivePage": self.receiver,
                  "handoverPage": self.handover}.get(self.tabs.currentWidget().objectName())
        if hosted is not None:
            hosted.refresh()

    def _host(self, page: str, widget: QWidget):
        child(self, QWidget, page).layout().addWidget(widget)
        return widget

    def _show_place(self) -> None:
        if self.source is None:
            self.place_label.setText(self.tr("This account is not bound to a public service centre branch; ask "
                                             "the administrator."))
            return
        self.place_label.setText(self.tr("Public service centre: %1").replace("%1", place_title(self.source,
                                                                                                 self.ctx.lang)))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            QTimer.singleShot(0, self, self._show_place)
        super().changeEvent(event)

    def page(self, name: str) -> QWidget:
        return child(self, QWidget, name)

    def show_page(self, name: str) -> None:
        self.tabs.setCurrentWidget(self.page(name))

    # ------------------------------------------------------------ the tab contract

    def refresh(self, _reg_no: str = "") -> None:
        self._show_place()
        for widget in (self.counter, self.builder, self.receiver, self.handover):
            if widget is not None:
                widget.refresh()

    def receipt_open(self) -> bool:
        return self.receiver is not None and self.receiver.in_progress()

    def accept_scan(self, code: str) -> bool:
        """A scan anywhere in the window while this tab is shown: the receiving page takes every code, the
        hand-over page a Қолхат; a registry number opens its page; other numbers open the case card."""
        current = self.tabs.currentWidget()
        if self.receiver is not None and (current is self.page("receivePage") or self.receipt_open()):
            self.tabs.setCurrentWidget(self.page("receivePage"))
            return self.receiver.accept_scan(code)
        if self.handover is not None and current is self.page("handoverPage") and is_code(code, REG_NO_RE):
            return self.handover.accept_scan(code)
        if is_code(code, REGISTRY_NO_RE):
            return self.open_registry(code)
        return False

    def open_registry(self, number: str) -> bool:
        """A return registry opens for receiving; one of the branch's own registries is shown among those sent."""
        try:
            registry = self.ctx.register.packages.registry(number)
        except KenseError:
            registry = None
        if registry is not None and registry.direction == "to_department" and self.builder is not None:
            self.show_page("sendPage")
            return self.builder.select_registry(registry.number)
        if self.receiver is None:
            return False
        self.show_page("receivePage")
        return self.receiver.open_registry(number)
