"""The main window: one tab per role the user holds, the status line, and the File / Language / Help menus.

The window owns the AppContext the tabs share: it opens case cards (``ctx.open_case``), hands out printing
(``ctx.print_document``) when the printing module is installed, and refreshes the tabs when one of them reports
a change (``ctx.signals.cases_changed``) — the visible tab at once, the others when they are next shown.
"""
from __future__ import annotations

import datetime as dt
import importlib
import logging
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QDate, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QMenu, QStatusBar, QTabWidget, QVBoxLayout, QWidget

from .. import __version__
from ..core.errors import KenseError
from ..store import VerifyReport
from . import alerts, logs
from .casecard import CaseCard
from .context import AppContext
from .forms import child, load_into
from .i18n import LANGUAGES, Languages, languages
from .labels import locale_for, role_title
from .live import LiveUpdates, busy_with_a_dialog, kept_view, later
from .receipt_desk import WindowScanner, offer_slow_code, route_scan
from .registries import channel_staff_only, check_visible
from .screens import fit_to_screen
from .settings import Settings
from .workers import Runner, backup_job, integrity_job, run_in_background, run_with_progress

log = logging.getLogger("kense.window")


@dataclass(frozen=True)
class TabSpec:
    key: str
    role: str | tuple[str, ...] | None  # None: every user; a tuple: any of these roles
    module: str
    cls: str
    department_only: bool = False  # hidden from PSC and akimat staff, who see only their own place's cases


FIRST_START_SIZE = (1280, 800)  # wanted at the first start; a 1366×768 screen gets what it has
TABS = (
    TabSpec("clerk", "clerk", "desktop.ui.receipt_desk", "ClerkDesk"),  # the counter and the registry desks
    TabSpec("head", "head", "desktop.ui.head_tab", "HeadTab"),
    TabSpec("executor", "executor", "desktop.ui.executor_tab", "ExecutorTab"),
    TabSpec("register", None, "desktop.ui.register_tab", "RegisterTab", department_only=True),
    TabSpec("admin", "admin", "desktop.ui.admin_tab", "AdminTab"),
    TabSpec("psc", ("psc_inspector", "psc_collector"), "desktop.ui.psc_tab", "PscTab"),
    TabSpec("akim", "akim", "desktop.ui.akim_tab", "AkimTab"),
)


# each role's main task, in the order a user holding several roles starts with
MAIN_TAB_ORDER = ("clerk", "head", "executor", "psc", "akim", "admin", "register")


def main_tab(keys: list[str]) -> str:
    """The tab of the user's main task among ``keys`` (the tabs the user has)."""
    return next((k for k in MAIN_TAB_ORDER if k in keys), keys[0] if keys else "")


def visible_tabs(ctx: AppContext) -> list[TabSpec]:
    """The tabs this user's roles allow (a deactivated role shows nothing)."""
    return [t for t in TABS if _allowed(ctx, t)]


def _allowed(ctx: AppContext, spec: TabSpec) -> bool:
    if spec.role is None:
        return not (spec.department_only and channel_staff_only(ctx.user))
    roles = (spec.role,) if isinstance(spec.role, str) else spec.role
    return any(ctx.user.has(r) for r in roles)


# tabs a change at another desk refreshes while they are shown (the admin's pages are forms, not queues: they are
# re-read when next shown, so an admin editing a user is not interrupted by a clerk's intake)
LIVE_TABS = ("clerk", "head", "executor", "register", "psc", "akim")


class MainWindow(QMainWindow):
    """The application window for one logged-in user."""

    live_refreshed = Signal()  # the visible tab and the open cards show what another desk committed

    def __init__(self, ctx: AppContext, settings: Settings | None = None, langs: Languages | None = None,
                 initial_tab: str | None = None, parent: QWidget | None = None, live: bool = False) -> None:
        super().__init__(parent)
        load_into(self, "main_window")
        self.ctx = ctx
        self.settings = settings if settings is not None else ctx.settings
        ctx.settings = self.settings
        self.languages = langs or languages()
        self.logged_out = False
        self.remember = True  # the screenshot mode turns this off: it must not change the user's settings
        self.tabs: QTabWidget = child(self, QTabWidget, "tabs")
        self.tab_widgets: dict[str, QWidget] = {}
        self._stale: set[str] = set()
        self.cards: dict[str, CaseCard] = {}
        self.runner: Runner | None = None
        self.live: LiveUpdates | None = None
        self._live_retry = later(self, 300, self.live_refresh)
        self.switch_to: str | None = None  # a register chosen with File → Connect to server… (app.py opens it)
        ctx.open_case = self.open_case
        ctx.print_document = self._printing()
        self._build_tabs()
        self._build_status()
        self._connect_menus()
        ctx.signals.cases_changed.connect(self._cases_changed)
        ctx.signals.case_requested.connect(self.open_case)
        self.tabs.currentChanged.connect(self._tab_shown)
        self.scanner = WindowScanner(self)  # a wedge scanner's code, scanned anywhere in this window
        self.scanner.scanned.connect(lambda code: route_scan(self, code))
        self.scanner.slow_code.connect(lambda code: offer_slow_code(self, code))  # too slow for a scan: ask
        self.scanner.install()
        self._restore(initial_tab)
        self.retranslate()
        if live:
            self.start_live()

    # ---------------------------------------------------------------- building

    def _printing(self):
        try:
            from .printing import print_document
        except ImportError:
            log.info("printing module not available: print actions stay disabled")
            return None
        return lambda kind, reg_no: print_document(self.ctx, kind, reg_no, parent=self)

    def _build_tabs(self) -> None:
        for spec in visible_tabs(self.ctx):
            widget = self._make_tab(spec)
            widget.setProperty("tabKey", spec.key)
            self.tab_widgets[spec.key] = widget
            self.tabs.addTab(widget, "")

    def _make_tab(self, spec: TabSpec) -> QWidget:
        """The role's tab; while its module is not installed yet, a placeholder that says so."""
        try:
            module = importlib.import_module(spec.module)
            cls = getattr(module, spec.cls)
        except (ImportError, AttributeError) as exc:
            log.warning("tab %s not available: %s", spec.key, exc)
            return self._placeholder(spec)
        return cls(self.ctx, parent=self.tabs)

    def _placeholder(self, spec: TabSpec) -> QWidget:
        widget = QWidget(self.tabs)
        widget.setObjectName(f"{spec.key}Placeholder")
        label = QLabel(self.tr("This part of Kense is not installed yet."), widget)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        QVBoxLayout(widget).addWidget(label)
        return widget

    def _build_status(self) -> None:
        bar: QStatusBar = child(self, QStatusBar, "statusBar")
        self.user_label = QLabel(objectName="statusUser")
        self.office_label = QLabel(objectName="statusOffice")
        self.date_label = QLabel(objectName="statusDate")
        for label in (self.user_label, self.office_label, self.date_label):
            label.setContentsMargins(6, 0, 12, 0)
        bar.addWidget(self.user_label)
        bar.addWidget(self.office_label, 1)
        self.server_label = QLabel(objectName="statusServer")  # which server this desk works on (several desks)
        self.server_label.setContentsMargins(6, 0, 12, 0)
        self.server_label.setVisible(bool(self.ctx.register.is_server))
        bar.addPermanentWidget(self.server_label)
        bar.addPermanentWidget(self.date_label)
        self._clock = QTimer(self, interval=60_000)
        self._clock.timeout.connect(self._show_date)
        self._clock.start()

    def _connect_menus(self) -> None:
        self.connect_action = QAction(self, objectName="actionConnect")
        self.connect_action.triggered.connect(self.connect_to_server)
        child(self, QMenu, "menuFile").insertAction(child(self, QAction, "actionLogout"), self.connect_action)
        child(self, QAction, "actionBackup").triggered.connect(self.backup)
        child(self, QAction, "actionLogout").triggered.connect(self.logout)
        child(self, QAction, "actionQuit").triggered.connect(self.close)
        child(self, QAction, "actionLogFile").triggered.connect(self.show_log_file)
        child(self, QAction, "actionAbout").triggered.connect(self.about)
        group = QActionGroup(self)
        group.setExclusive(True)
        self.language_actions = {"kk": child(self, QAction, "actionKazakh"),
                                 "ru": child(self, QAction, "actionRussian")}
        for lang, action in self.language_actions.items():
            group.addAction(action)
            action.setChecked(lang == self.ctx.lang)
            action.triggered.connect(lambda _checked=False, lang=lang: self.set_language(lang))

    def _restore(self, initial_tab: str | None) -> None:
        """The window's size, and the tab: the one asked for, else the one this user left, else the user's main
        task (never the tab the previous user of this computer left open)."""
        settings = self.settings
        if settings is not None and not settings.geometry.isEmpty():
            self.restoreGeometry(settings.geometry)
            fit_to_screen(self)  # within this screen (a 1366×768 laptop, or smaller than where it was remembered)
        else:
            fit_to_screen(self, *FIRST_START_SIZE)
        same_user = settings is not None and settings.last_tab_user == self.ctx.user.username
        wanted = initial_tab or (settings.last_tab if same_user else "")
        if not self.select_tab(wanted):
            self.select_tab(main_tab(list(self.tab_widgets)))
        self._focus_pending = True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if getattr(self, "_focus_pending", False):
            self._focus_pending = False
            QTimer.singleShot(0, self, self.focus_first_field)

    def focus_first_field(self) -> None:
        """The cursor in the first field of the shown tab's task (the tab says which), or its first focusable widget."""
        tab = self.tabs.currentWidget()
        if tab is None:
            return
        first = getattr(tab, "focus_first", None)
        if callable(first):
            first()
            return
        widget = tab.nextInFocusChain()
        while widget is not None and widget is not tab:
            if tab.isAncestorOf(widget) and widget.isVisibleTo(tab) and widget.isEnabled() \
                    and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return
            widget = widget.nextInFocusChain()

    # ---------------------------------------------------------------- tabs

    def select_tab(self, key: str | None) -> bool:
        widget = self.tab_widgets.get(key or "")
        if widget is None:
            return False
        self.tabs.setCurrentWidget(widget)
        return True

    def current_key(self) -> str:
        widget = self.tabs.currentWidget()
        return str(widget.property("tabKey")) if widget is not None else ""

    def tab_title(self, key: str) -> str:
        return {"clerk": self.tr("Clerk"), "head": self.tr("Head"), "executor": self.tr("Executor"),
                "register": self.tr("Register"), "admin": self.tr("Admin"), "psc": self.tr("PSC"),
                "akim": self.tr("Akim")}.get(key, key)

    def tab_titles(self) -> list[str]:
        return [self.tabs.tabText(i) for i in range(self.tabs.count())]

    def _cases_changed(self, reg_no: str) -> None:
        self._stale = set(self.tab_widgets)
        self._refresh(self.current_key())

    def _tab_shown(self, _index: int) -> None:
        key = self.current_key()
        if key in self._stale:
            self._refresh(key)
        if self.remember and self.settings is not None:
            self.settings.last_tab = key
            self.settings.last_tab_user = self.ctx.user.username

    # ---------------------------------------------------------------- live queues (another desk's commits)

    def start_live(self) -> LiveUpdates:
        """Listen to the register's changes (desktop/ui/live.py) and show them within a second."""
        if self.live is None:
            self.live = LiveUpdates(self.ctx.register, parent=self)
            self.live.changed.connect(self.live_refresh)
            self.live.lost.connect(self._live_lost)
            self.live.back.connect(self._live_back)
            self.live.start()
        return self.live

    def live_refresh(self) -> None:
        """Another desk (or window) committed: refresh the visible tab and the open case cards in place; the other
        tabs when they are next shown. Never under a question box or an open list: just after it closes."""
        if busy_with_a_dialog():
            self._live_retry.start()
            return
        key = self.current_key()
        self._stale = set(self.tab_widgets)
        try:
            if key in LIVE_TABS:
                self._stale.discard(key)
                widget = self.tab_widgets.get(key)
                refresh = getattr(widget, "refresh", None)
                if callable(refresh):
                    with kept_view(widget):
                        refresh()
            for card in list(self.cards.values()):
                self._live_card(card)
        except KenseError as exc:  # the register is away for a moment: say so in the status line, not in a box
            log.warning("live refresh failed: %s", exc.message("en"))
            self.statusBar().showMessage(exc.message(self.ctx.lang), 10_000)
        self.live_refreshed.emit()

    def _live_card(self, card: CaseCard) -> None:
        """Reload an open case card if its case (or its history) changed; keep its scroll positions."""
        if card.case is None:
            return
        reg = self.ctx.register
        case = reg.case(card.case.reg_no)
        if case == card.case and len(reg.history(case.id)) == len(card.history):
            return
        with kept_view(card):
            card.load(case.reg_no)

    def _live_lost(self, code: str) -> None:
        self.statusBar().showMessage(QCoreApplication.translate(
            "Server", "The register cannot be reached; the lists are refreshed again as soon as it answers."))

    def _live_back(self) -> None:
        self.statusBar().clearMessage()

    def _refresh(self, key: str) -> None:
        self._stale.discard(key)
        refresh = getattr(self.tab_widgets.get(key), "refresh", None)
        if callable(refresh):
            try:
                refresh()
            except KenseError as exc:
                alerts.refusal(self, exc)

    # ---------------------------------------------------------------- cases

    def open_case(self, reg_no: str) -> CaseCard | None:
        """The case card of ``reg_no`` (raised if already open); an unknown number is a calm message."""
        key = (reg_no or "").strip().upper()
        card = self.cards.get(key)
        if card is not None:
            card.raise_()
            card.activateWindow()
            return card
        try:
            check_visible(self.ctx.register, self.ctx.user, key)
            card = CaseCard(self.ctx, key, parent=self)
        except KenseError as exc:
            alerts.refusal(self, exc)
            return None
        card.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        card.finished.connect(lambda _result, key=key: self.cards.pop(key, None))
        self.cards[key] = card
        card.show()
        return card

    # ---------------------------------------------------------------- status line and language

    def _show_date(self) -> None:
        self.date_label.setText(locale_for(self.ctx.lang).toString(QDate.currentDate(), "d MMMM yyyy, dddd"))

    def _show_status(self) -> None:
        user, lang = self.ctx.user, self.ctx.lang
        roles = ", ".join(role_title(r, lang) for r in sorted(user.roles))
        self.user_label.setText(self.tr("%1 (%2) — %3").replace("%1", user.full_name)
                                .replace("%2", user.username).replace("%3", roles))
        try:
            office = self.ctx.register.office()
            name = office.get("name_ru" if lang == "ru" else "name_kk", "")
            self.office_label.setText(f"№{office.get('number', '')} {name}")
        except KenseError:
            self.office_label.setText("")
        self._show_date()

    def set_language(self, lang: str) -> None:
        """Switch the interface live; Qt sends LanguageChange to every widget, the tabs retranslate."""
        if lang not in LANGUAGES:
            return
        self.ctx.lang = self.languages.apply(lang)
        if self.remember and self.settings is not None:
            self.settings.language = self.ctx.lang
        self.language_actions[lang].setChecked(True)
        self.ctx.signals.language_changed.emit(self.ctx.lang)
        log.info("language: %s", self.ctx.lang)

    def retranslate(self) -> None:
        self.connect_action.setText(QCoreApplication.translate("Server", "&Connect to server…"))
        if self.ctx.register.is_server:
            from .login import server_address
            self.server_label.setText(QCoreApplication.translate("Server", "Office server: %1")
                                      .replace("%1", server_address(str(self.ctx.register.path))))
        for i in range(self.tabs.count()):
            self.tabs.setTabText(i, self.tab_title(str(self.tabs.widget(i).property("tabKey"))))
        self.setWindowTitle(self.tr("Kense — %1").replace("%1", self.ctx.user.full_name))
        self._show_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "date_label"):
            self.retranslate()
        super().changeEvent(event)

    # ---------------------------------------------------------------- menu actions

    def ask_backup_path(self) -> Path | None:
        folder = self.settings.get("backup/last_dir") if self.settings is not None else ""
        name = f"kense-backup-{dt.date.today():%Y-%m-%d}.sqlite3"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Back up the register"), str(Path(folder or "") / name),
                                              self.tr("Kense register (*.sqlite3)"))
        return Path(path) if path else None

    def backup(self) -> Runner | None:
        if self.ctx.register.is_server:
            self.explain_server_backup()
            return None
        dest = self.ask_backup_path()
        if dest is None:
            return None
        return self.backup_to(dest)

    def backup_to(self, dest: Path) -> Runner:
        """Copy the register to ``dest`` on a worker thread (its own connection) with a progress dialog."""
        if dest.resolve() == Path(self.ctx.register.path).resolve():
            raise ValueError("the backup cannot overwrite the register itself")
        if self.settings is not None:
            self.settings.set("backup/last_dir", str(dest.parent))
        self.runner = run_with_progress(self, self.tr("Backing up the register…"),
                                        backup_job(Path(self.ctx.register.path), dest), self._backup_done)
        return self.runner

    def explain_server_backup(self) -> None:
        """A register on a server is backed up on the server (pg_dump), not copied to this desk."""
        alerts.info(self, self.tr("Backup"), QCoreApplication.translate(
            "Server", "The register is on the office server (%1). It is backed up there, with pg_dump, by the "
                      "server's nightly job (see the README); kense verify --db checks the register "
                      "and a restored copy.").replace("%1", str(self.ctx.register.path)))

    def connect_to_server(self) -> str | None:
        """File → Connect to server…: choose the office server (or this computer's register) and log in there."""
        from .login import ask_connection
        current = self.settings.connection if self.settings is not None else ""
        chosen = ask_connection(self, current or (str(self.ctx.register.path) if self.ctx.register.is_server
                                                  else ""))
        if chosen is None:
            return None
        self.switch_to = chosen
        self.logout()
        return chosen

    def _backup_done(self, report: VerifyReport) -> None:
        log.info("backup done: %s events", report.events)
        alerts.info(self, self.tr("Backup"),
                    self.tr("The copy is saved and verified (%1 audit events).").replace("%1", str(report.events)))

    def check_integrity(self) -> Runner:
        """The SQLite quick_check of a big register on a worker thread (its own connection) while the user works."""
        bar: QStatusBar = child(self, QStatusBar, "statusBar")
        bar.showMessage(self.tr("Checking the register file…"))

        def done(_result: object) -> None:
            bar.clearMessage()
            log.info("integrity check of %s: ok", self.ctx.register.path)

        def failed(exc: BaseException) -> None:
            bar.clearMessage()
            log.error("integrity check of %s failed: %s", self.ctx.register.path, exc)
            if isinstance(exc, KenseError):
                alerts.error(self, self.tr("The register file is damaged"),
                             exc.message(self.ctx.lang) + "\n\n" +
                             self.tr("Stop work and restore the register from the latest backup."))
            else:
                sys.excepthook(type(exc), exc, exc.__traceback__)

        self.integrity_runner = run_in_background(self, integrity_job(Path(self.ctx.register.path)), done, failed)
        return self.integrity_runner

    def show_log_file(self) -> None:
        path = logs.current_log_file() or logs.log_path()
        alerts.info(self, self.tr("Log file"), self.tr("Kense writes its log to:\n%1").replace("%1", str(path)))

    def about(self) -> None:
        alerts.info(self, self.tr("About Kense"),
                    self.tr("Kense %1 — case register of a district department of employment and social "
                            "programmes (Almaty oblast regulation No 349).\n\n%2")
                    .replace("%1", __version__).replace("%2", logs.environment()))

    def logout(self) -> None:
        self.logged_out = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.live is not None:
            self.live.stop()
        self.scanner.remove()
        for card in list(self.cards.values()):
            card.close()
        if self.remember and self.settings is not None:
            self.settings.geometry = QByteArray(self.saveGeometry())
            self.settings.last_tab = self.current_key()
            self.settings.last_tab_user = self.ctx.user.username
            self.settings.sync()
        super().closeEvent(event)
