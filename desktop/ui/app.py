"""Starting the app: QApplication, logging, language, the register, login, the main window.

``run(args)`` is what ``kense`` calls without a sub-command. It returns the process exit code: 0 after a normal
end, 2 when the register cannot be used (too new, damaged, busy, on a network share, missing) — shown as a calm
message, never a traceback. With ``--screenshot FILE.png`` the window is rendered offscreen for the user named by
``--user`` (no password: the file is the proof of access), saved, and the app exits.
"""
from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

EXIT_OK = 0
EXIT_REGISTER = 2
SCREENSHOT_SIZE = (1360, 820)
CHECK_AT_OPEN_BYTES = 64 * 1024 * 1024

log = logging.getLogger("kense.app")


def _application():
    from PySide6.QtWidgets import QApplication

    from .. import __version__
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("Kense")
    app.setApplicationName("Kense")
    app.setApplicationVersion(__version__)
    _load_fonts()
    return app


def _load_fonts() -> None:
    """The bundled DejaVu Sans covers Kazakh letters on machines whose fonts do not."""
    from PySide6.QtGui import QFontDatabase

    from ..paths import resources_dir
    for path in sorted((resources_dir() / "fonts").glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(path))


def _choose_language(args: argparse.Namespace, settings) -> str:
    """An explicit --lang other than the default wins; otherwise the language the user chose last time."""
    wanted = getattr(args, "lang", None) or "kk"
    if wanted != "kk" or not settings.is_set("ui/language"):
        return wanted
    return settings.language


def _report(text: str, screenshot: bool) -> None:
    from . import alerts
    log.error("cannot open the register: %s", text)
    if screenshot:
        sys.stderr.write(f"kense: {text}\n")
    else:
        alerts.error(None, "Kense", text)


def register_path(args: argparse.Namespace) -> Path | str:
    from ..cli import db_target  # a SQLite file or a postgresql:// URL
    return db_target(args.db)


def checked_at_open(path: Path) -> bool:
    """Small registers are checked (SQLite quick_check) before the login; a big one after the window is up.

    quick_check reads the whole file: about 10 s for a 1 000 000-case register (3 GB) with a warm disk cache and
    minutes with a cold one, which nobody should wait for at every start. The window then checks in the background.
    """
    if not isinstance(path, Path):  # a server checks its own pages
        return True
    try:
        return path.stat().st_size <= CHECK_AT_OPEN_BYTES
    except OSError:
        return True


def open_register(args: argparse.Namespace):
    """The register named by --db, or the user's own (a demo office is made when it is new)."""
    from ..core.errors import KenseError
    from ..store import NotInitialised, Register
    path = register_path(args)
    if args.db or not checked_at_open(path):
        reg = Register.open(path, check=checked_at_open(path))
    else:
        from ..store.demo import ensure_demo_register  # written with the demo loader; imported only here
        reg = ensure_demo_register(path)
    try:
        if reg.office_number is None:
            raise NotInitialised()
        if reg.warnings:
            raise _Refused(" ".join(reg.warnings))
    except (KenseError, _Refused):
        reg.close()
        raise
    return reg


class _Refused(Exception):
    """The register opened but must not be used here (a network share)."""


def _login(reg, args: argparse.Namespace, settings):
    from .login import LoginDialog
    dialog = LoginDialog(reg, username=args.user or settings.last_user)
    dialog.exec()
    if dialog.user is not None:
        settings.last_user = dialog.user.username
    return dialog.user


def _window(reg, user, lang: str, settings, tab: str | None):
    from .context import AppContext
    from .mainwindow import MainWindow
    ctx = AppContext(register=reg, user=user, lang=lang, settings=settings)
    return MainWindow(ctx, settings, initial_tab=tab)


_integrity_checked: set[str] = set()


def take_screenshot(reg, args: argparse.Namespace, settings, lang: str) -> int:
    """Render the window of ``--user`` offscreen on ``--tab`` and save it as a PNG.

    A tab the user does not have is refused (exit 2, nothing written): a PNG of some other tab would pass for it.
    """
    from PySide6.QtWidgets import QApplication

    from ..core import messages
    from ..core.errors import KenseError
    if not args.user:
        sys.stderr.write(f"kense: {messages.message('cli_screenshot_needs_user', lang)}\n")
        return EXIT_REGISTER
    try:
        user = reg.user(args.user)
    except KenseError as exc:
        sys.stderr.write(f"kense: {exc.message(lang)}\n")
        return EXIT_REGISTER
    window = _window(reg, user, lang, settings, args.tab)
    window.remember = False
    if args.tab and not window.select_tab(args.tab):
        tabs = ", ".join(window.tab_widgets) or "—"
        window.close()
        window.deleteLater()
        sys.stderr.write("kense: " + messages.message("cli_no_tab", lang, user=user.username, tab=args.tab,
                                                      tabs=tabs) + "\n")
        return EXIT_REGISTER
    window.resize(*SCREENSHOT_SIZE)
    window.show()
    for _ in range(5):
        QApplication.processEvents()
    out = Path(args.screenshot)
    out.parent.mkdir(parents=True, exist_ok=True)
    ok = window.grab().save(str(out), "PNG")
    window.close()
    if not ok:
        sys.stderr.write(f"kense: {messages.message('cli_cannot_write', lang, path=out)}\n")
        return EXIT_REGISTER
    return EXIT_OK


def run(args: argparse.Namespace) -> int:
    """The GUI. Returns the exit code."""
    screenshot = bool(getattr(args, "screenshot", None))
    if screenshot:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = _application()
    from ..core.errors import KenseError
    from . import crash, logs
    from .i18n import languages
    from .settings import Settings
    log_file = logs.setup_logging()
    logs.install_qt_handler()
    if not screenshot:
        crash.install_excepthook()
    log.info("start: %s; log %s", logs.environment(), log_file)
    settings = Settings()
    lang = languages().apply(_choose_language(args, settings))
    try:
        reg = open_register(args)
    except KenseError as exc:
        _report(exc.message(lang), screenshot)
        return EXIT_REGISTER
    except _Refused as exc:
        _report(str(exc), screenshot)
        return EXIT_REGISTER
    with reg:
        if screenshot:
            return take_screenshot(reg, args, settings, lang)
        return _session(app, reg, args, settings)


def _session(app, reg, args: argparse.Namespace, settings) -> int:
    """Log in, work, and after "log out" show the login again; closing the window ends the app."""
    from .i18n import languages
    while True:
        user = _login(reg, args, settings)
        if user is None:
            return EXIT_OK
        window = _window(reg, user, languages().current, settings, args.tab)
        window.show()
        if not checked_at_open(Path(reg.path)) and str(reg.path) not in _integrity_checked:
            _integrity_checked.add(str(reg.path))
            window.check_integrity()
        app.exec()
        settings.sync()
        if not window.logged_out:
            return EXIT_OK
        window.deleteLater()
        args.user = None
