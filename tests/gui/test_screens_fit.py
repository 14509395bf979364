"""Every window and dialog fits a 1366×768 screen with its buttons visible (tests/gui/screens_1366.py).

The checks run in a child pytest whose Qt offscreen screen is 1366×768 (the offscreen plugin's configfile), since
this process's offscreen screen is 800×800 and cannot change. The child also saves the print preview as it looks
on that screen.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

pytestmark = pytest.mark.timeout(600)
TESTS = Path(__file__).resolve().parents[1]
SCREEN_CONFIG = TESTS / "data" / "screen-1366x768.json"


def test_every_window_and_dialog_fits_1366_by_768(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={SCREEN_CONFIG}",
           "KENSE_FIT_SHOTS": str(tmp_path / "shots"), "KENSE_HOME": str(tmp_path / "home")}
    done = subprocess.run([sys.executable, "-m", "pytest", str(TESTS / "gui" / "screens_1366.py"), "-q",
                           "--basetemp", str(tmp_path / "child")],
                          cwd=TESTS.parent, env=env, capture_output=True, text=True, timeout=540)
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-2000:]
    assert " passed" in done.stdout and "skipped" not in done.stdout and "deselected" not in done.stdout
    shot = QImage(str(tmp_path / "shots" / "preview-1366x768.png"))
    assert not shot.isNull()
    assert shot.width() <= 1366 and shot.height() <= 768 - 40   # the preview, title bar aside, on the screen
