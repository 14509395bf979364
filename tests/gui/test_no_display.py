"""``kense`` with no graphical display: a clear message in the user's language and exit code 2, not Qt's abort.

Real processes of the installed entry point with DISPLAY, WAYLAND_DISPLAY and QT_QPA_PLATFORM taken out of their
environment (Qt itself would print "could not connect to display" and abort with a core dump).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.core.messages import message
from desktop.ui.app import no_display

pytestmark = pytest.mark.gui
NO_X = ":93"  # a display number no X server here listens on (checked below)


def kense() -> str:
    beside = Path(sys.executable).parent / ("kense.exe" if os.name == "nt" else "kense")
    found = str(beside) if beside.exists() else shutil.which("kense")
    assert found, "the kense entry point is not installed (pip install -e .)"
    return found


def headless(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "KENSE_LANG")}
    env.update(KENSE_HOME=str(tmp_path / "home"), **extra)
    return env


def start(tmp_path: Path, *argv: str, **extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([kense(), *argv], capture_output=True, text=True, env=headless(tmp_path, **extra),
                          timeout=60, stdin=subprocess.DEVNULL)


@pytest.mark.skipif(sys.platform.startswith(("win", "darwin")), reason="always a display there")
def test_no_display_is_a_clear_message_and_exit_code_2(tmp_path):
    done = start(tmp_path)
    assert done.returncode == 2, done.stderr
    assert done.stderr == f"kense: {message('app_no_display', 'kk')}\n"    # Kazakh by default, and nothing else
    assert "графикалық дисплей жоқ" in done.stderr.lower()
    assert done.stdout == ""
    assert not (tmp_path / "home").exists()      # no demo register made, no settings written for an app not started

    done = start(tmp_path, "--lang", "ru", "--db", str(tmp_path / "office.sqlite3"))
    assert (done.returncode, done.stderr) == (2, f"kense: {message('app_no_display', 'ru')}\n")
    assert "Нет графического дисплея" in done.stderr and not (tmp_path / "office.sqlite3").exists()

    done = start(tmp_path, KENSE_LANG="en")
    assert (done.returncode, done.stderr) == (
        2, "kense: No graphical display: run it on a desktop, or use the command line (kense --help).\n")


@pytest.mark.skipif(sys.platform.startswith(("win", "darwin")), reason="always a display there")
def test_the_language_chosen_in_the_app_is_kept(tmp_path):
    from desktop.ui.settings import Settings
    settings = Settings(tmp_path / "home" / "kense.ini")
    settings.set("ui/language", "ru")
    settings.sync()
    done = start(tmp_path)
    assert (done.returncode, done.stderr) == (2, f"kense: {message('app_no_display', 'ru')}\n")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 display numbers")
def test_a_display_nobody_answers_is_no_display(tmp_path):
    assert not Path(f"/tmp/.X11-unix/X{NO_X[1:]}").exists()
    done = start(tmp_path, DISPLAY=NO_X)
    assert (done.returncode, done.stderr) == (2, f"kense: {message('app_no_display', 'kk')}\n")
    done = start(tmp_path, DISPLAY=NO_X, QT_QPA_PLATFORM="xcb")
    assert done.returncode == 2 and "Aborted" not in done.stderr


def test_what_counts_as_a_display(tmp_path):
    assert no_display({}, "linux")
    assert no_display({"DISPLAY": NO_X}, "linux")
    assert no_display({"QT_QPA_PLATFORM": "wayland", "DISPLAY": ":0"}, "linux")   # wayland asked, none there
    assert no_display({"WAYLAND_DISPLAY": "wayland-9", "XDG_RUNTIME_DIR": str(tmp_path)}, "linux")  # no socket
    (tmp_path / "wayland-9").touch()
    assert not no_display({"WAYLAND_DISPLAY": "wayland-9", "XDG_RUNTIME_DIR": str(tmp_path)}, "linux")
    session = {"XDG_SESSION_TYPE": "wayland", "XDG_RUNTIME_DIR": str(tmp_path)}  # libwayland's default name
    assert no_display(session, "linux")
    (tmp_path / "wayland-0").touch()
    assert not no_display(session, "linux")
    assert not no_display({"QT_QPA_PLATFORM": "offscreen"}, "linux")            # a platform chosen by name
    assert not no_display({"QT_QPA_PLATFORM": "vnc:size=1366x768"}, "linux")
    assert not no_display({}, "win32") and not no_display({}, "darwin")
