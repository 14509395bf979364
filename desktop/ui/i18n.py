"""Interface languages: Qt Linguist sources (.ts) compiled at run time, installed with QTranslator.

The source strings are English (``tr()``); Kazakh is the default and Russian the second language. The compiled
``.qm`` files are not kept in git: they are built from ``resources/i18n/kense_<lang>.ts`` with Qt's own lrelease
(shipped in PySide6-Essentials) when missing or older than their source, into ``resources/i18n`` when that is
writable (a checkout) or the user's data folder otherwise (an installed copy). Switching the language installs
the other translator; Qt then sends every widget a LanguageChange event, so the window changes live.
"""
from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import PySide6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ..core import messages
from ..paths import resources_dir, user_data_dir
from .labels import locale_for

LANGUAGES = ("kk", "ru")
LANGUAGE_NAMES = {"kk": "Қазақша", "ru": "Русский"}
DEFAULT = "kk"
PREFIX = "kense"

log = logging.getLogger("kense.i18n")
# Qt's own Russian names the OK button in Latin letters; kense_ru.ts corrects it to «ОК» (our translator is asked
# first). The marker keeps tools/update_translations.sh from dropping that entry as unused.
QT_CORRECTIONS = (QT_TRANSLATE_NOOP("QPlatformTheme", "OK"),)


def source_dir() -> Path:
    return resources_dir() / "i18n"


def ts_path(lang: str) -> Path:
    return source_dir() / f"{PREFIX}_{lang}.ts"


def find_lrelease() -> Path | None:
    """Qt's lrelease: inside the PySide6 wheel, beside the interpreter's scripts, or on PATH."""
    exe = ".exe" if os.name == "nt" else ""
    pyside = Path(PySide6.__file__).resolve().parent
    candidates = [pyside / f"lrelease{exe}", pyside / "Qt" / "libexec" / f"lrelease{exe}",
                  Path(sys.executable).parent / f"pyside6-lrelease{exe}"]
    for found in (shutil.which("pyside6-lrelease"), shutil.which("lrelease")):
        if found:
            candidates.append(Path(found))
    return next((c for c in candidates if c.is_file() and os.access(c, os.X_OK)), None)


def _writable(folder: Path) -> bool:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(folder, os.W_OK)


def qm_targets(lang: str) -> list[Path]:
    """Where a compiled translation may live, preferred first."""
    name = f"{PREFIX}_{lang}.qm"
    return [source_dir() / name, user_data_dir() / "i18n" / name]


def _fresh(qm: Path, ts: Path) -> bool:
    return qm.is_file() and qm.stat().st_size > 0 and (not ts.is_file() or qm.stat().st_mtime >= ts.stat().st_mtime)


def compile_ts(ts: Path, qm: Path, lrelease: Path | None = None) -> bool:
    """Run lrelease on one .ts; the .qm appears atomically (never a half-written file). False on failure."""
    lrelease = lrelease or find_lrelease()
    if lrelease is None:
        log.warning("lrelease not found: the interface stays in English")
        return False
    qm.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(suffix=".qm", dir=qm.parent)
    os.close(fd)
    source = Path(tmp).with_suffix(".ts")
    try:
        shutil.copyfile(ts, source)
        done = subprocess.run([str(lrelease), "-silent", str(source), "-qm", tmp], capture_output=True, text=True,
                              timeout=120, check=False)
        if done.returncode != 0 or not Path(tmp).stat().st_size:
            log.warning("lrelease failed on %s: %s", ts, done.stderr.strip() or done.stdout.strip())
            return False
        os.replace(tmp, qm)
        return True
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("lrelease failed on %s: %s", ts, exc)
        return False
    finally:
        for leftover in (tmp, source):
            if os.path.exists(leftover):
                os.unlink(leftover)


def ensure_qm(lang: str) -> Path | None:
    """The compiled translation for ``lang``, built first if missing or stale; None if it cannot be had."""
    ts = ts_path(lang)
    targets = qm_targets(lang)
    for qm in targets:
        if _fresh(qm, ts):
            return qm
    if not ts.is_file():
        return None
    for qm in targets:
        if _writable(qm.parent) and compile_ts(ts, qm):
            return qm
    return None


class Languages:
    """Installs the translators of the chosen language (ours and Qt's own) and keeps the domain messages in step."""

    def __init__(self) -> None:
        self.current = "en"
        self._installed: list[QTranslator] = []

    def apply(self, lang: str) -> str:
        """Switch the interface to ``lang`` ('kk', 'ru' or 'en' = untranslated); returns the language applied."""
        if lang not in (*LANGUAGES, "en"):
            lang = DEFAULT
        app = QCoreApplication.instance()
        for old in self._installed:
            app.removeTranslator(old)
        self._installed = []
        if lang != "en":
            self._install_qt(lang)
            self._install(ensure_qm(lang))  # last installed is asked first: ours may correct Qt's (ru "OK" → "ОК")
        messages.set_language(lang)
        QLocale.setDefault(locale_for(lang) if lang != "en" else QLocale(QLocale.Language.English))
        self.current = lang
        return lang

    def _install(self, qm: Path | None) -> None:
        if qm is None:
            return
        app = QCoreApplication.instance()
        translator = QTranslator(app)
        if not translator.load(str(qm)):
            log.warning("cannot load translation %s", qm)
            return
        app.installTranslator(translator)
        self._installed.append(translator)

    def _install_qt(self, lang: str) -> None:
        """Qt's own strings (standard buttons, file dialogs) from the wheel's translations folder."""
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for candidate in (lang, "ru"):  # Russian is the fallback every Kazakh office reads
            translator = QTranslator(QCoreApplication.instance())
            if translator.load(f"qtbase_{candidate}", folder):
                QCoreApplication.instance().installTranslator(translator)
                self._installed.append(translator)
                return


_languages: Languages | None = None


def languages() -> Languages:
    """The application's one language switch."""
    global _languages
    if _languages is None:
        _languages = Languages()
    return _languages
