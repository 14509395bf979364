"""What a new user reads beside the lists: the clerk's service line says the title only when the box cuts it."""
from __future__ import annotations

from PySide6.QtWidgets import QApplication

from desktop.ui.context import AppContext
from desktop.ui.i18n import languages
from desktop.ui.mainwindow import MainWindow
from helpers_roles import MARKS, show

pytestmark = MARKS


def _counter(qtbot, register, user, settings, lang: str, size=(1366, 768)):
    languages().apply(lang)
    window = MainWindow(AppContext(register=register, user=user, lang=lang, settings=settings), settings,
                        initial_tab="clerk")
    window.remember = False
    show(qtbot, window, size)
    return window, window.tab_widgets["clerk"].counter


def _choose(clerk, code: str) -> None:
    combo = clerk.w["serviceCombo"]
    combo.setCurrentIndex(combo.findData(code))
    QApplication.processEvents()


def test_the_service_title_is_repeated_only_when_the_box_cuts_it(qtbot, register, people, settings):
    window, clerk = _counter(qtbot, register, people["clerk"], settings, "kk")
    info, combo = clerk.w["serviceInfo"], clerk.w["serviceCombo"]
    _choose(clerk, "S1")  # the longest title: cut at 1366 px
    title = clerk.service().title("kk")
    assert clerk.service_title_cut()
    assert info.text().splitlines()[0] == title and "нәтиже мерзімі" in info.text().splitlines()[-1]

    _choose(clerk, "S3")  # a title the box shows whole: the line under it gives the due time alone
    assert not clerk.service_title_cut()
    assert combo.currentText().endswith(clerk.service().title("kk"))
    assert info.text().startswith("Қазір тіркелсе, нәтиже мерзімі: ") and "\n" not in info.text()

    _choose(clerk, "S1")
    window.resize(1900, 900)  # wide enough for the whole S1 title: no repetition
    qtbot.waitUntil(lambda: not clerk.service_title_cut(), timeout=2000)
    qtbot.waitUntil(lambda: "\n" not in info.text(), timeout=2000)
    window.resize(1366, 768)  # narrow again: the title comes back
    qtbot.waitUntil(lambda: info.text().startswith(title), timeout=2000)
