"""Starting the app: QApplication, logging, language, the register, login, the main window.

``run(args)`` is what ``kense`` calls without a sub-command. It returns the process exit code: 0 after a normal
end, 2 when the register cannot be used (too new, damaged, busy, on a network share, missing) — shown as a calm
message, never a traceback. With ``--screenshot FILE.png`` the window is rendered offscreen for the user named by
``--user`` (no password: the file is the proof of access), saved, and the app exits.

Without a graphical display (no X server or Wayland compositor to talk to: an SSH session, a server, a cron job)
Qt would abort with a core dump; ``run`` says so in the user's language and returns 2 before Qt is started.

The register is ``--db`` (a SQLite file or the office server's ``postgresql://`` URL), else the one chosen with
File → Connect to server… (settings, without a password), else this computer's own. On a server there is nothing to
open before the login: the login dialog connects as the user who types their name and password, and logging out
closes that connection.
"""
from __future__ import annotations

import argparse
import logging
import os
import re
import socket
import sys
from collections.abc import Mapping
from pathlib import Path

EXIT_OK = 0
EXIT_REGISTER = 2
SCREENSHOT_SIZE = (1360, 820)
CHECK_AT_OPEN_BYTES = 64 * 1024 * 1024

log = logging.getLogger("kense.app")
EXIT_NO_DISPLAY = 2
_X_DISPLAY = re.compile(r"^(?P<host>[^:/]*):(?P<number>\d+)(\.\d+)?$")


# ---------------------------------------------------------------- is there a display at all?


def _x_server_reachable(display: str) -> bool:
    """An X server answers at ``display`` (":0", "unix:1", "localhost:10.0" for SSH forwarding)."""
    if not display:
        return False
    found = _X_DISPLAY.match(display)
    if found is None:  # a form we do not know (XQuartz's launchd path, ...): let Qt try it
        return True
    host, number = found["host"], int(found["number"])
    if host in ("", "unix"):
        path = f"/tmp/.X11-unix/X{number}"
        if Path(path).exists():
            return True
        if not sys.platform.startswith("linux"):
            return False
        target, family = "\0" + path, socket.AF_UNIX  # Linux's abstract socket, which X servers also listen on
    else:
        target, family = (host, 6000 + number), socket.AF_INET
    try:
        with socket.socket(family, socket.SOCK_STREAM) as sock:
            sock.settimeout(2)
            sock.connect(target)
        return True
    except OSError:
        return False


def _wayland_reachable(environ: Mapping[str, str]) -> bool:
    """A Wayland compositor's socket is there (libwayland's default name in a Wayland session)."""
    name = environ.get("WAYLAND_DISPLAY", "") or ("wayland-0" if environ.get("XDG_SESSION_TYPE") == "wayland" else "")
    if not name:
        return False
    runtime = environ.get("XDG_RUNTIME_DIR", "")
    path = Path(name) if os.path.isabs(name) else (Path(runtime) / name if runtime else None)
    return path is None or path.exists()


def no_display(environ: Mapping[str, str] | None = None, platform: str | None = None) -> bool:
    """True when Qt would find no display to open a window on (and abort): on Linux/BSD with Qt's platform
    unset (or xcb / wayland), no reachable X server at $DISPLAY and no Wayland socket at $WAYLAND_DISPLAY.
    Windows and macOS always have one; a platform chosen by name (offscreen, vnc, eglfs, ...) is Qt's business."""
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if platform.startswith(("win", "darwin", "cygwin")):
        return False
    wanted = [p.split(":")[0].strip() for p in environ.get("QT_QPA_PLATFORM", "").split(";") if p.strip()]
    if wanted and not any(p == "xcb" or p.startswith("wayland") for p in wanted):
        return False
    x11 = not wanted or "xcb" in wanted
    wayland = not wanted or any(p.startswith("wayland") for p in wanted)
    reachable = (wayland and _wayland_reachable(environ)) or (x11 and _x_server_reachable(environ.get("DISPLAY", "")))
    return not reachable


def _report_no_display(args: argparse.Namespace) -> int:
    """The message in the user's language (--lang, KENSE_LANG, else the language chosen in the app last time)."""
    from ..core import messages
    lang = getattr(args, "lang", None) or "kk"
    try:
        from .settings import Settings, default_settings_path
        if default_settings_path().exists():  # read, never created, by an app that does not start
            lang = _choose_language(args, Settings())
    except Exception:  # noqa: BLE001 - the message matters more than the remembered language
        pass
    if lang not in messages.LANGUAGES:
        lang = "kk"
    sys.stderr.write(f"kense: {messages.message('app_no_display', lang)}\n")
    return EXIT_NO_DISPLAY


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


def register_path(args: argparse.Namespace, settings=None) -> Path | str:
    """``--db``, else the register chosen in the settings, else this computer's own; a server URL stays a str."""
    from ..cli import db_target  # a SQLite file or a postgresql:// URL
    return db_target(args.db or (settings.connection if settings is not None else "") or None)


def is_server(target: Path | str) -> bool:
    from ..store.engines import is_postgres
    return is_postgres(target)


def checked_at_open(path: Path | str) -> bool:
    """Small registers are checked (SQLite quick_check) before the login; a big one after the window is up.

    quick_check reads the whole file: about 10 s for a 1 000 000-case register (3 GB) with a warm disk cache and
    minutes with a cold one, which nobody should wait for at every start. The window then checks in the background.
    """
    if is_server(path):
        return True  # the server keeps its pages itself; nothing to read through here
    try:
        return Path(path).stat().st_size <= CHECK_AT_OPEN_BYTES
    except OSError:
        return True


def open_register(args: argparse.Namespace, settings=None):
    """The register named by --db (or chosen in the settings), or the user's own (a demo office is made when it
    is new). A server is opened with the credentials of the URL or ~/.pgpass (the screenshot mode)."""
    from ..core.errors import KenseError
    from ..paths import default_db_path
    from ..store import NotInitialised, Register
    path = register_path(args, settings)
    if is_server(path):
        reg = Register.open(path, interactive=False)
    elif args.db or path != default_db_path() or not checked_at_open(path):
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


def login_dialog(reg, args: argparse.Namespace, settings, switching: bool = False, server: str | None = None):
    """The login: at the start the last user's name is filled in (the cursor in the password); after File → Log
    out the name field is empty and has the cursor, since it is someone else's turn. On a server ``reg`` is None:
    the dialog connects as the user who types their name and password."""
    from .login import LoginDialog
    return LoginDialog(reg, username="" if switching else (args.user or settings.last_user), server=server)


def _login(reg, args: argparse.Namespace, settings, switching: bool = False, server: str | None = None):
    """The login dialog; returns (register, user), the user None when cancelled. On a server the register is the
    connection the dialog opened as that user."""
    dialog = login_dialog(reg, args, settings, switching, server)
    dialog.exec()
    if dialog.user is not None:
        settings.last_user = dialog.user.username
    return dialog.register, dialog.user


def _window(reg, user, lang: str, settings, tab: str | None, live: bool = False):
    from .context import AppContext
    from .mainwindow import MainWindow
    ctx = AppContext(register=reg, user=user, lang=lang, settings=settings)
    return MainWindow(ctx, settings, initial_tab=tab, live=live)


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
    elif no_display():
        return _report_no_display(args)
    app = _application()
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
    if screenshot or not is_server(register_path(args, settings)):
        reg = _open_file(args, settings, lang, screenshot)
        if reg is None:
            return EXIT_REGISTER
        if screenshot:
            with reg:
                return take_screenshot(reg, args, settings, lang)
    else:
        reg = None
    return _session(app, reg, args, settings)


def _open_file(args: argparse.Namespace, settings, lang: str, screenshot: bool = False):
    """The register to work on, or None after a calm message."""
    from ..core.errors import KenseError
    try:
        return open_register(args, settings)
    except KenseError as exc:
        _report(exc.message(lang), screenshot)
    except _Refused as exc:
        _report(str(exc), screenshot)
    return None


def _session(app, reg, args: argparse.Namespace, settings) -> int:
    """Log in, work, and after "log out" show the login again; closing the window ends the app.

    ``reg`` is the open SQLite register, or None for a server (each login opens the user's own connection, each
    log out closes it). File → Connect to server… ends the session and starts one on the register chosen."""
    from .i18n import languages
    switching = False
    try:
        while True:
            target = register_path(args, settings)
            server = str(target) if is_server(target) else None
            if server is None and reg is None:
                reg = _open_file(args, settings, languages().current)
                if reg is None:
                    return EXIT_REGISTER
            reg, user = _login(reg, args, settings, switching, server=server)
            if user is None:
                return EXIT_OK
            window = _window(reg, user, languages().current, settings, args.tab, live=True)
            window.show()
            if not checked_at_open(reg.path) and str(reg.path) not in _integrity_checked:
                _integrity_checked.add(str(reg.path))
                window.check_integrity()
            app.exec()
            if window.switch_to is not None:  # File → Connect to server…: remembered without a password
                settings.connection = window.switch_to
                args.db = None
            settings.sync()
            if server is not None or window.switch_to is not None:
                reg.close()  # log out closes the user's connection to the server
                reg = None
            if not window.logged_out:
                return EXIT_OK
            window.deleteLater()
            args.user = None
            switching = True
    finally:
        if reg is not None:
            reg.close()
