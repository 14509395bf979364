"""Receiving a registry (реестр) by scanning, the clerk's registry desk, and scanning anywhere in the window.

``ReceivePanel`` is the receiving desk: scan the registry's barcode, then each package. Every scan is written by
the store (desktop/store/psc.py) — received, or flagged as not on this registry, unknown or already received —
and answered at once with a coloured, blinking line (no sound: a counter is a quiet place) and a tick in the list
of expected packages. Finishing the receipt flags the packages that did not come as missing; they stay on the
registry, in transit, and are received when they turn up. The department's clerk receives registries from the
branches and akimats; a branch's inspectors (or the akim) receive the return registries with the results.

``ClerkDesk`` is the clerk's tab: the counter (ClerkTab), receiving registries, and sending the signed results
back to the branches. ``WindowScanner`` sits on the application for one main window and hands every scanned
Kense code (a registration or registry number) to ``route_scan``: the open receiving desk first, then the
registry desks, then the case card.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QLabel, QLineEdit, QPushButton, QTableView, QTableWidget,
                               QTableWidgetItem, QTabWidget, QWidget)

from ..core import packages
from ..core.errors import KenseError
from ..core.packages import SCAN_TITLES, ScanResult
from ..store.psc import Registry
from . import alerts
from .casework import AMBER, GREEN, RED, select_reg_no, setup_table
from .clerk_tab import ClerkTab
from .context import AppContext
from .forms import child, load_into
from .labels import fmt_date, fmt_datetime
from .registries import (REG_NO_RE, REGISTRY_NO_RE, RegistryBuilder, fill_registry_table, is_code,
                         package_model, place_title, registry_at, setup_registry_table, status_title, translate)
from .scanner import SLOW_GAP_MS, ScannerFilter

BLUE = ("#055160", "#cff4fc")
# what a registration (K…) or registry (R…) number has typed so far: the keys a scanner filter holds back
CODE_PREFIX_RE = re.compile(r"[KR]\d{0,12}")
CUES: dict[str, tuple[tuple[str, str], str]] = {
    "received": (GREEN, "✔"), "done": (GREEN, "✔"), "duplicate": (AMBER, "⚠"), "not_on_registry": (RED, "✘"),
    "unknown": (RED, "✘"), "missing": (RED, "✘"), "registry": (BLUE, "ℹ"), "info": (BLUE, "ℹ"),
}
BLINKS = 3            # a flagged scan blinks three times, a good one once
BLINK_MS = 160
OPEN_STATUSES = ("dispatched", "receiving", "incomplete")
EXPECTED_COLUMNS = ("reg_no", "applicant", "iin", "service", "mark", "package")

PANEL_WIDGETS: dict[str, type] = {
    "scanEdit": QLineEdit, "closeButton": QPushButton, "cueLabel": QLabel, "registryInfo": QLabel,
    "expectedView": QTableView, "scansTable": QTableWidget, "flagsLabel": QLabel, "incomingTable": QTableWidget,
}


class ReceivePanel(QWidget):
    """Receive one registry at a time by scanning; ``source`` limits the desk to one branch's return registries."""

    def __init__(self, ctx: AppContext, direction: str = "to_department", source: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        load_into(self, "receive_panel")
        self.ctx, self.reg, self.desk = ctx, ctx.register, ctx.register.packages
        self.direction = packages.normalise_direction(direction)
        self.source = source
        self.registry: Registry | None = None
        self.last: ScanResult | None = None
        self.cue = ""  # the result the cue line shows now (tests read it)
        self._blinks = 0
        self.w = {name: child(self, kind, name) for name, kind in PANEL_WIDGETS.items()}
        self.expected = package_model(self._expected_ids, self.reg, columns=EXPECTED_COLUMNS, lang=ctx.lang,
                                      marks=self._marks, parent=self)
        setup_table(self.w["expectedView"], self.expected)
        self.w["expectedView"].activated.connect(lambda i: self.ctx.open_case(self.expected.reg_no(i.row()) or ""))
        for name in ("scansTable", "incomingTable"):
            setup_registry_table(self.w[name])
        self.w["incomingTable"].itemActivated.connect(
            lambda item: self.open_registry(registry_at(self.w["incomingTable"], item.row()) or ""))
        self.w["scanEdit"].returnPressed.connect(self._typed)
        self.w["closeButton"].clicked.connect(self.finish)
        self._timer = QTimer(self, interval=BLINK_MS)
        self._timer.timeout.connect(self._blink)
        self.findChild(QWidget, "receiveSplitter").setSizes([640, 520])
        self._set_cue("info", self.tr("Scan the barcode of the registry that came with the courier."))
        self.refresh()

    @property
    def lang(self) -> str:
        return self.ctx.lang

    # ------------------------------------------------------------ reading

    def refresh(self, _reg_no: str = "") -> None:
        """Re-read the open registry, its scans and the registries still to be received."""
        if self.registry is not None:
            try:
                self.registry = self.desk.registry(self.registry.number)
            except KenseError:
                self.registry = None
        self.expected.set_language(self.lang)
        self.expected.refresh()
        self.w["expectedView"].resizeColumnsToContents()
        if self.last is not None and self.last.reg_no:
            select_reg_no(self.w["expectedView"], self.last.reg_no, fallback_first=False)
        self._fill_info()
        self._fill_scans()
        waiting = self.desk.registries(source=self.source, direction=self.direction, status=OPEN_STATUSES)
        fill_registry_table(self.w["incomingTable"], waiting, self.lang, place=self.source is None)
        self.w["closeButton"].setEnabled(self.registry is not None and self.registry.closed_at is None)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            QTimer.singleShot(0, self, self.refresh)
        super().changeEvent(event)

    def _expected_ids(self) -> list[int]:
        return [i.case_id for i in self.registry.items] if self.registry else []

    def _marks(self) -> dict[str, str]:
        return {i.reg_no: i.state for i in self.registry.items} if self.registry else {}

    def _fill_info(self) -> None:
        r = self.registry
        if r is None:
            self.w["registryInfo"].setText(self.tr("No registry is open."))
            self.w["flagsLabel"].clear()
            return
        place = place_title(r.source, self.lang)
        self.w["registryInfo"].setText(
            self.tr("<b>%1</b> · %2 · %3, courier run %4 · %5 · received %6 of %7")
            .replace("%1", r.number).replace("%2", place).replace("%3", fmt_date(r.day, self.lang))
            .replace("%4", str(r.run)).replace("%5", status_title(r.status)).replace("%6", str(len(r.received)))
            .replace("%7", str(r.expected)))
        self._fill_flags(r)

    def _fill_flags(self, r: Registry) -> None:
        scans = self.desk.registry_scans(r.number)
        extra = sorted({s.code for s in scans if s.result in ("not_on_registry", "unknown")})
        lines = []
        if r.missing:
            lines.append(self.tr("Missing (flagged): %1").replace("%1", ", ".join(i.reg_no for i in r.missing)))
        if extra:
            lines.append(self.tr("Not on this registry (set aside, flagged): %1").replace("%1", ", ".join(extra)))
        duplicates = sum(1 for s in scans if s.result == "duplicate")
        if duplicates:
            lines.append(self.tr("Scanned twice: %1").replace("%1", str(duplicates)))
        label: QLabel = self.w["flagsLabel"]
        label.setText("<br>".join(f"⚑ {line}" for line in lines))
        label.setStyleSheet(f"color: {RED[0]}; font-weight: 600;" if lines else "")

    def _fill_scans(self) -> None:
        table: QTableWidget = self.w["scansTable"]
        scans = list(reversed(self.desk.registry_scans(self.registry.number))) if self.registry else []
        headers = [self.tr("Time"), self.tr("Code"), self.tr("Result"), self.tr("Scanned by")]
        table.clear()
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(scans))
        for r, scan in enumerate(scans):
            colours, sign = CUES.get(scan.result, (BLUE, ""))
            title = SCAN_TITLES.get(scan.result, {}).get(self.lang, scan.result)
            for c, text in enumerate((fmt_datetime(scan.at, self.lang), scan.code, f"{sign} {title}", scan.actor)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, scan.result)
                item.setBackground(QBrush(QColor(colours[1])))
                table.setItem(r, c, item)
        table.resizeColumnsToContents()

    # ------------------------------------------------------------ the visual cue

    def _set_cue(self, result: str, text: str) -> None:
        self.cue = result
        self._cue_text = text
        self._blinks = 2 * (BLINKS if result in packages.FLAGGED or result == "missing" else 1)
        self._paint_cue(strong=True)
        self._timer.start()

    def _blink(self) -> None:
        self._blinks -= 1
        self._paint_cue(strong=self._blinks % 2 == 1 and self._blinks > 0)
        if self._blinks <= 0:
            self._timer.stop()

    def _paint_cue(self, strong: bool) -> None:
        (dark, light), sign = CUES.get(self.cue, (BLUE, "ℹ"))
        style = f"background: {dark}; color: white;" if strong else f"background: {light}; color: {dark};"
        label: QLabel = self.w["cueLabel"]
        label.setStyleSheet(f"QLabel {{ {style} border: 2px solid {dark}; border-radius: 4px; padding: 6px; }}")
        label.setText(f"{sign}  {self._cue_text}")

    # ------------------------------------------------------------ scanning

    def open_registry(self, number: str) -> bool:
        """Open a registry of this desk for receiving (opening writes nothing)."""
        code = packages.normalise_code(number)
        try:
            registry = self.desk.registry(code)
        except KenseError as exc:
            self._set_cue("unknown", exc.message(self.lang))
            return False
        if registry.direction != self.direction or (self.source is not None and registry.source != self.source):
            self._set_cue("not_on_registry", self.tr("%1 is not a registry for this desk (%2, %3).")
                          .replace("%1", code).replace("%2", place_title(registry.source, self.lang))
                          .replace("%3", status_title(registry.status)))
            return False
        self.registry, self.last = registry, None
        self._set_cue("registry", self.tr("Registry %1 is open: %n package(s). Scan each package now.", "",
                                          registry.expected).replace("%1", code))
        self.refresh()
        self.w["scanEdit"].setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def in_progress(self) -> bool:
        """A registry is open and its receipt is not finished: every scan in the window belongs here."""
        return self.registry is not None and self.registry.closed_at is None

    def accept_scan(self, code: str) -> bool:
        """A code scanned anywhere in the window while this desk is shown: it is this desk's."""
        self.scan(code)
        return True

    def _typed(self) -> None:
        edit: QLineEdit = self.w["scanEdit"]
        text = edit.text()
        edit.clear()
        if text.strip():
            self.scan(text)

    def scan(self, code: str) -> ScanResult | None:
        """One scanned (or typed) code: another registry's number opens that registry; a package is received or
        flagged by the store, and the answer is shown at once."""
        text = packages.normalise_code(code)
        if is_code(text, REGISTRY_NO_RE) and (self.registry is None or text != self.registry.number):
            self.open_registry(text)
            return None
        if self.registry is None:
            self._set_cue("unknown", self.tr("Scan the registry's barcode first; %1 is not a registry number.")
                          .replace("%1", text or "—"))
            return None
        try:
            result = self.desk.receive_scan(self.ctx.user, self.registry.number, text)
        except KenseError as exc:
            alerts.refusal(self, exc)
            return None
        self.last = result
        self._set_cue(result.result, result.message(self.lang))
        self.refresh()
        self.ctx.signals.cases_changed.emit(result.reg_no or "")
        if result.ok and result.received == result.expected:
            self._set_cue("done", result.message(self.lang) + " " + self.tr("Every package has arrived."))
        return result

    def finish(self) -> list[str] | None:
        """End the receipt: packages not scanned are flagged missing (they stay in transit, nothing is lost)."""
        r = self.registry
        if r is None or r.closed_at is not None:
            return None
        pending = [i.reg_no for i in r.pending]
        if pending and not alerts.question(
                self, self.tr("Finish the receipt"),
                self.tr("%n package(s) of registry %1 were not scanned: %2.\n\nFinish the receipt and flag them as "
                        "missing? They stay on the registry and can still be scanned in when they turn up.", "",
                        len(pending)).replace("%1", r.number).replace("%2", ", ".join(pending))):
            return None
        try:
            missing = self.desk.close_receipt(self.ctx.user, r.number)
        except KenseError as exc:
            alerts.refusal(self, exc)
            return None
        if missing:
            self._set_cue("missing", self.tr("Receipt finished; missing and flagged: %1").replace("%1",
                                                                                                 ", ".join(missing)))
        else:
            self._set_cue("done", self.tr("Receipt finished: every package has arrived."))
        self.refresh()
        self.ctx.signals.cases_changed.emit("")
        return missing


# ------------------------------------------------------------------ the clerk's tab


class ClerkDesk(QWidget):
    """Кеңсе: the counter, receiving the branches' registries, and sending the signed results back."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        load_into(self, "clerk_desk")
        self.ctx = ctx
        self.tabs: QTabWidget = child(self, QTabWidget, "clerkTabs")
        self.counter = ClerkTab(ctx, parent=self)
        self.receiver = ReceivePanel(ctx, "to_department", parent=self)
        self.returns = RegistryBuilder(ctx, "to_branch", parent=self)
        for page, widget in (("counterPage", self.counter), ("receivePage", self.receiver),
                             ("returnPage", self.returns)):
            child(self, QWidget, page).layout().addWidget(widget)
        self.tabs.currentChanged.connect(lambda _i: self._page_shown())

    def focus_first(self) -> None:
        """After the login: the counter, the cursor in the IIN of the next applicant (the service is remembered)."""
        self.tabs.setCurrentWidget(child(self, QWidget, "counterPage"))
        self.counter.focus_first()

    def _page_shown(self) -> None:
        """A page is shown: what another page wrote is there at once."""
        page = self.tabs.currentWidget().objectName()
        {"counterPage": self.counter, "receivePage": self.receiver, "returnPage": self.returns}[page].refresh()

    def refresh(self, reg_no: str = "") -> None:
        for widget in (self.counter, self.receiver, self.returns):
            widget.refresh()

    def receipt_open(self) -> bool:
        return self.receiver.in_progress()

    def accept_scan(self, code: str) -> bool:
        """While a receipt is open, or on the receiving page, every scan is the desk's; elsewhere a registry
        number opens its desk."""
        page = child(self, QWidget, "receivePage")
        if self.tabs.currentWidget() is page or self.receipt_open():
            self.tabs.setCurrentWidget(page)
            return self.receiver.accept_scan(code)
        if is_code(code, REGISTRY_NO_RE):
            return self.open_registry(code)
        return False

    def open_registry(self, number: str) -> bool:
        """A registry from a branch opens for receiving; one of ours back to a branch is shown among those sent."""
        try:
            registry = self.ctx.register.packages.registry(number)
        except KenseError:
            registry = None
        if registry is not None and registry.direction == "to_branch":
            self.tabs.setCurrentWidget(child(self, QWidget, "returnPage"))
            return self.returns.select_registry(registry.number)
        self.tabs.setCurrentWidget(child(self, QWidget, "receivePage"))
        return self.receiver.open_registry(number)


# ------------------------------------------------------------------ scanning anywhere in the window


class WindowScanner(ScannerFilter):
    """The wedge-scanner filter of one main window: only Kense codes (K… and R… numbers), only in that window.

    Only keys that can begin a Kense code (K or R, then digits) are held back while the filter decides, so typing
    that is merely fast (or a test's synthetic keys) reaches its field at once unless it is a whole Kense code: an
    IIN typed quickly and followed by Tab still reaches its field, 'S' typed in a combo searches it at once. A
    scanned code never reaches the focused widget (see desktop/ui/scanner.py), and its closing Enter fires no
    shortcut (Enter registers an application at the counter) and no default button."""

    CODE_FIELDS = ("scanEdit", "regNoEdit")  # the scan fields and the register's number search: codes by hand

    def __init__(self, window: QWidget, clock: Callable[[], float] | None = None) -> None:
        super().__init__(window, clock=clock, slow_gap_ms=SLOW_GAP_MS)
        self.window = window

    def takes_codes(self, widget: QWidget) -> bool:
        return widget.objectName() in self.CODE_FIELDS

    def watches(self, widget: QWidget) -> bool:
        while widget is not None:
            top = widget.window()
            if top is self.window:
                return True
            widget = top.parentWidget()
        return False

    def could_become(self, prefix: str) -> bool:
        return bool(CODE_PREFIX_RE.fullmatch(prefix))

    def accepts(self, code: str) -> bool:
        return bool(REG_NO_RE.fullmatch(code) or REGISTRY_NO_RE.fullmatch(code))


def route_scan(window: object, code: str) -> str:
    """Where a scan goes: a receipt in progress, else the shown tab's desk if it takes it, a registry desk for a
    registry number, else the case card. Returns 'receipt', 'tab', 'registry', 'case' or 'none'."""
    code = packages.normalise_code(code)
    for key, widget in window.tab_widgets.items():  # a receipt in progress takes every scan
        receipt_open = getattr(widget, "receipt_open", None)
        if callable(receipt_open) and receipt_open():
            window.select_tab(key)
            widget.accept_scan(code)
            return "receipt"
    current = window.tabs.currentWidget()
    accept = getattr(current, "accept_scan", None)
    if callable(accept) and accept(code):
        return "tab"
    if is_code(code, REGISTRY_NO_RE):
        for key, widget in window.tab_widgets.items():
            opener = getattr(widget, "open_registry", None)
            if callable(opener):
                window.select_tab(key)
                opener(code)
                return "registry"
        window.statusBar().showMessage(translate("ReceiptDesk", "%1 is a registry number: registries are received "
                                                                "at the registry desks.").replace("%1", code), 8000)
        return "none"
    window.ctx.open_case(code)
    return "case"


def offer_slow_code(window: Any, code: str) -> str:
    """A whole code typed too slowly to be a scan: its Enter pressed nothing and it was taken back out of the field.
    Ask before opening it (a person may have typed it into the wrong field); returns route_scan's answer or 'no'."""
    code = packages.normalise_code(code)
    if is_code(code, REGISTRY_NO_RE):
        text = translate("ReceiptDesk", "%1 was not recognised as a scan (the keys came too slowly), so it was not "
                                        "typed into the field. Open registry %1?")
    else:
        text = translate("ReceiptDesk", "%1 was not recognised as a scan (the keys came too slowly), so it was not "
                                        "typed into the field. Open case %1?")
    if not alerts.question(window, translate("ReceiptDesk", "Not recognised as a scan"), text.replace("%1", code)):
        return "no"
    return route_scan(window, code)


__all__ = ["ClerkDesk", "ReceivePanel", "WindowScanner", "offer_slow_code", "route_scan"]
