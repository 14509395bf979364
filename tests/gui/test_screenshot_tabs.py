"""``kense --screenshot --tab``: every tab of the window can be asked for (the PSC and akim tabs too); a tab the user
does not have is refused in the user's language with exit code 2, and no PNG is written."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from desktop import cli
from desktop.ui import app as app_module
from desktop.ui.mainwindow import TABS

REPO = Path(__file__).resolve().parents[2]


def run_kense(*argv: str, home: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, KENSE_HOME=str(home), PYTHONPATH=str(REPO))
    env.pop("KENSE_LANG", None)
    return subprocess.run([sys.executable, "-m", "desktop.cli", *argv], capture_output=True, text=True, env=env,
                          timeout=90, cwd=REPO)


def test_the_command_line_offers_every_tab_of_the_window():
    assert cli.TAB_KEYS == tuple(t.key for t in TABS)


@pytest.mark.parametrize("user,tab", [("inspector", "psc"), ("collector", "psc"), ("akim", "akim")])
def test_psc_and_akim_screens_can_be_taken(demo_path, tmp_path, user, tab):
    out = tmp_path / f"{user}.png"
    done = run_kense("--db", str(demo_path), "--user", user, "--screenshot", str(out), "--tab", tab,
                     home=tmp_path / "home")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    image = QImage(str(out))
    assert (image.width(), image.height()) == app_module.SCREENSHOT_SIZE


@pytest.mark.parametrize("user,tab,lang,words", [
    ("clerk", "head", None, ("«clerk» пайдаланушысында «head» қойындысы жоқ", "clerk, register",
                             "Скриншот жасалмады")),
    ("collector", "register", "ru", ("У пользователя «collector» нет вкладки «register»", "его вкладки: psc",
                                     "Снимок не сделан")),
])
def test_a_tab_the_user_does_not_have_is_refused_and_nothing_is_written(demo_path, tmp_path, user, tab, lang,
                                                                         words):
    out = tmp_path / "shots" / "x.png"
    argv = ["--db", str(demo_path), "--user", user, "--screenshot", str(out), "--tab", tab]
    done = run_kense(*argv, *(["--lang", lang] if lang else []), home=tmp_path / "home")
    assert done.returncode == 2
    assert done.stdout == "" and done.stderr.startswith("kense: ")
    for word in words:
        assert word in done.stderr, done.stderr
    assert "has no" not in done.stderr
    assert not out.exists() and not out.parent.exists()


def test_an_unknown_tab_is_an_argparse_error_in_kazakh(demo_path, tmp_path):
    out = tmp_path / "x.png"
    done = run_kense("--db", str(demo_path), "--user", "head", "--screenshot", str(out), "--tab", "boss",
                     home=tmp_path / "home")
    assert done.returncode == 2 and not out.exists()
    assert "--tab параметрі: 'boss' мәні жарамсыз" in done.stderr and "'psc'" in done.stderr
    assert "'akim'" in done.stderr and "invalid choice" not in done.stderr


def test_a_screenshot_without_a_user_is_refused_in_the_users_language(demo_path, tmp_path):
    out = tmp_path / "x.png"
    done = run_kense("--db", str(demo_path), "--screenshot", str(out), "--lang", "ru", home=tmp_path / "home")
    assert done.returncode == 2 and not out.exists()
    assert "Для --screenshot нужен --user" in done.stderr
