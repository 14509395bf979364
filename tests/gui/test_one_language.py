"""Screens that speak one language (issue 10): every tab and dialog of every demo user, in Kazakh and in Russian,
shows no English word and no internal identifier, and the Russian screens carry no Kazakh interface text.

The walk logs in as each demo user on a demo register, opens each tab and each page inside it, case cards of
every stage (with a print and a reassignment in their history), the login, user and password dialogs, and reads
what a person sees: labels, buttons, group boxes, tab titles, table headers and cells, combo items, placeholders,
the case pane and the window titles. Latin words are allowed only where they are the data itself: registration and
registry numbers, service codes, F-keys and key names, user names (the logins people type), file names."""
from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QComboBox, QGroupBox,
                               QLabel, QLineEdit, QTabWidget, QTextBrowser, QTreeWidget, QWidget)

from desktop.store import Filters, Register
from desktop.ui.context import AppContext
from desktop.ui.i18n import languages
from desktop.ui.mainwindow import MainWindow
from desktop.ui.settings import Settings

pytestmark = [pytest.mark.gui, pytest.mark.timeout(300)]

DEMO_USERS = ("admin", "clerk", "head", "executor1", "inspector", "collector", "akim")
STAGES = ("awaiting_receipt", "awaiting_resolution", "with_executor", "awaiting_signature", "signed", "delivered",
          "suspended", "withdrawn")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
ALLOWED = {
    "PDF", "Ctrl", "Alt", "Shift", "Enter", "Esc", "Tab", "Del", "Kense", "K", "R", "S",
    "I", "II", "III", "IV",  # a quarter in Roman numerals, as the S6 certificate writes it
    *{f"F{n}" for n in range(1, 13)}, *{f"S{n}" for n in range(1, 8)},
}
CODE = re.compile(r"^[KR]\d{12}$")
KAZAKH_ONLY = re.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
# document names the Russian interface keeps in Kazakh, as the paper is titled
KAZAKH_DOCUMENT_WORDS = ("Қолхат", "ЖОЛДАМА", "АНЫҚТАМА")


def plain(text: str) -> str:
    return re.sub(r"<[^>]+>", " ", text or "").replace("&nbsp;", " ")


def visible_texts(root: QWidget) -> Iterable[tuple[str, str, bool]]:
    """(where, text, is_chrome) of what a person sees in ``root``: chrome is the interface's own wording (field
    titles, buttons, group and tab titles, headers, placeholders), not data (names, places, case panes, cells)."""
    yield "windowTitle", root.windowTitle(), True
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisible():
            continue
        where = f"{type(w).__name__}:{w.objectName()}"
        if isinstance(w, QLabel):  # a field's title is wording; other labels may show data (names, places)
            yield where, plain(w.text()), w.buddy() is not None
        elif isinstance(w, QAbstractButton):
            yield where, w.text(), True
        elif isinstance(w, QGroupBox):
            yield where, w.title(), True
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                yield where, w.tabText(i), True
        elif isinstance(w, QTextBrowser):
            yield where, w.toPlainText(), False
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                yield where, w.itemText(i), False
        elif isinstance(w, QLineEdit):
            yield where, w.placeholderText(), True
        if isinstance(w, QTreeWidget):
            stack = [w.invisibleRootItem()]
            while stack:
                item = stack.pop()
                for i in range(item.childCount()):
                    stack.append(item.child(i))
                    for c in range(w.columnCount()):
                        yield where, item.child(i).text(c), False
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            for c in range(model.columnCount()):
                yield where, str(model.headerData(c, Qt.Orientation.Horizontal) or ""), True
            for r in range(min(model.rowCount(), 25)):
                for c in range(model.columnCount()):
                    yield where, str(model.index(r, c).data() or ""), False


class Walk:
    def __init__(self, logins: set[str]) -> None:
        self.logins = logins
        self.bad: dict[str, set[str]] = {}

    def look(self, lang: str, who: str, root: QWidget) -> None:
        QApplication.processEvents()
        for where, text, chrome in visible_texts(root):
            for problem in self.problems(lang, text, chrome):
                self.bad.setdefault(f"{lang} {who} {where}: {problem}", set()).add(text.strip()[:120])

    def problems(self, lang: str, text: str, chrome: bool) -> list[str]:
        out = []
        for token in text.split():
            if "/" in token or re.search(r"\.(sqlite3|toml|pdf|png|log|ini)\b", token) or "@" in token:
                continue  # a path, a file name or an e-mail address: data
            for word in LATIN_WORD.findall(token):
                if word in ALLOWED or CODE.match(word) or word in self.logins:
                    continue
                out.append(f"Latin word {word!r}")
        if lang == "ru" and chrome:
            stripped = text
            for word in KAZAKH_DOCUMENT_WORDS:
                stripped = stripped.replace(word, "")
            if KAZAKH_ONLY.search(stripped) and not self.names_only(stripped):
                out.append("Kazakh text in the Russian interface")
        return out

    def names_only(self, text: str) -> bool:
        return False


@pytest.fixture
def walk_register(demo_path):
    reg = Register.open(demo_path)
    head = reg.user("head")
    working = reg.find(Filters(stage="with_executor"), limit=1)[0]
    executors = [u for u in reg.users("executor", active_only=True) if u.id != reg.case(working.reg_no).executor_id]
    reg.perform(head, working.reg_no, "reassign", executor=executors[0], reason="демалыс")
    reg.log_event(head, working.reg_no, "print", {"kind": "receipt", "copy": 2, "lang": "ru"})
    yield reg
    reg.close()


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_tab_and_dialog_speaks_one_language(qtbot, walk_register, tmp_path, lang, shown_alerts):
    reg = walk_register
    names = {u.full_name for u in reg.users()}
    walk = Walk({u.username for u in reg.users()})
    walk.names_only = lambda text: all(not KAZAKH_ONLY.search(w) or any(w.strip("(),.:;—«»") in n.split()
                                                                          for n in names)
                                        for w in text.split())
    languages().apply(lang)
    settings = Settings(tmp_path / "settings.ini")
    for username in DEMO_USERS:
        ctx = AppContext(register=reg, user=reg.user(username), lang=lang, settings=settings)
        win = MainWindow(ctx, settings)
        win.remember = False
        qtbot.addWidget(win)
        win.resize(1366, 768)
        win.show()
        qtbot.waitExposed(win)
        for i in range(win.tabs.count()):
            win.tabs.setCurrentIndex(i)
            walk.look(lang, username, win)
            for inner in win.tabs.widget(i).findChildren(QTabWidget):
                for j in range(inner.count()):
                    inner.setCurrentIndex(j)
                    walk.look(lang, username, win)
        if username == "head":  # the case card of every stage, with a print and a reassignment in a history
            for stage in STAGES:
                for summary in reg.find(Filters(stage=stage), limit=2):
                    card = win.open_case(summary.reg_no)
                    assert card is not None
                    qtbot.waitExposed(card)
                    walk.look(lang, f"card {stage}", card)
                    card.close()
        if username == "admin":  # the user and password dialogs, and the login
            from desktop.ui.admin_users import PasswordDialog, UserDialog
            from desktop.ui.login import LoginDialog
            for dialog in (UserDialog(ctx, lambda _values: None, parent=win),
                           UserDialog(ctx, lambda _values: None, user=reg.user("clerk"), parent=win),
                           PasswordDialog(ctx, reg.user("clerk"), lambda _password: None, parent=win),
                           LoginDialog(reg, parent=win)):
                qtbot.addWidget(dialog)
                dialog.show()
                qtbot.waitExposed(dialog)
                walk.look(lang, type(dialog).__name__, dialog)
                dialog.reject()
        win.close()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert walk.bad == {}, "\n".join(f"{k}: {sorted(v)}" for k, v in sorted(walk.bad.items()))


def test_the_walk_fails_on_english_and_on_kazakh_in_russian():
    """The checks themselves: an English word, and Kazakh chrome in the Russian interface, are caught."""
    walk = Walk({"head"})
    assert walk.problems("kk", "No case awaits a resolution.", True)
    assert walk.problems("kk", "copy: 2; lang: ru", False)
    assert walk.problems("kk", "нұсқа ea16d90a820f", False)
    assert walk.problems("ru", "Тегі / Фамилия", True)
    assert not walk.problems("kk", "K032026000042 · S4 · Түбіртекті басып шығару (F9) · Серікбаев (head)", True)
    assert not walk.problems("ru", "Отсканируйте Қолхат · Файл: /tmp/x/demo.sqlite3", True)
