"""Logging for the app: a rotating file in the user's data folder, Qt's own warnings and uncaught exceptions.

A district office has no developer at hand: when something goes wrong, the log file (Help → Log file) is what
support asks for. So the app logs to a file that cannot grow without bound, Qt's warnings land there too
(qInstallMessageHandler), and an unexpected exception is written with its traceback before the report dialog
shows it.
"""
from __future__ import annotations

import logging
import logging.handlers
import platform
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler, qVersion

from .. import __version__
from ..paths import user_data_dir

LOG_NAME = "kense.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"

log = logging.getLogger("kense")
qt_log = logging.getLogger("kense.qt")

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}
_handler: logging.Handler | None = None


def log_path(folder: Path | None = None) -> Path:
    return (folder or user_data_dir()) / "logs" / LOG_NAME


def setup_logging(folder: Path | None = None, level: int = logging.INFO) -> Path:
    """Send the ``kense`` loggers to a rotating file; returns the file's path. Safe to call twice."""
    global _handler
    path = log_path(folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    if _handler is not None:
        log.removeHandler(_handler)
        _handler.close()
    _handler = logging.handlers.RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                                    encoding="utf-8")
    _handler.setFormatter(logging.Formatter(FORMAT))
    log.addHandler(_handler)
    log.setLevel(level)
    return path


def current_log_file() -> Path | None:
    return Path(_handler.baseFilename) if isinstance(_handler, logging.FileHandler) else None


def qt_message_handler(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's warnings go to the log instead of a console nobody reads."""
    where = f" ({context.file}:{context.line})" if context and context.file else ""
    qt_log.log(_QT_LEVELS.get(mode, logging.WARNING), "%s%s", message, where)


def install_qt_handler() -> Callable | None:
    """Route Qt messages to the log; returns the previous handler (tests put it back)."""
    return qInstallMessageHandler(qt_message_handler)


def environment() -> str:
    """What a bug report needs besides the traceback."""
    return (f"Kense {__version__}; Python {platform.python_version()}; PySide6 {pyside_version}; "
            f"Qt {qVersion()}; {platform.platform()}")


def format_exception(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> str:
    return "".join(traceback.format_exception(kind, value, tb))


def log_exception(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> str:
    """Write an unexpected exception to the log; returns the report text (environment + traceback)."""
    text = f"{environment()}\n\n{format_exception(kind, value, tb)}"
    log.error("unexpected exception\n%s", text)
    return text


def stderr(text: str) -> None:
    sys.stderr.write(text + "\n")
