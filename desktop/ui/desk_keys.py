"""Safe, keyboard-complete desks: F-key shortcuts, the repeat guard, the case confirmation and the "next" key.

* **Shortcuts** are F-keys (with Shift), bound by Qt key code, so they work on any keyboard layout (a Latin or a
  Cyrillic letter mnemonic works on one layout only). Each one is attached to the page that shows its widget with a
  window context: Qt fires a shortcut only while its widget is visible, so F9 is "sign" on the signature page and
  "assign" on the resolution page. The key is shown beside the widget's own text ("Sign (F9)", "Resolution (F3):")
  and put back after a language change (``Keys.decorate``).
* **RepeatGuard**: the same consequential action on the same case within one second does nothing more (a
  double-click, a double Enter, key auto-repeat), unless the person has chosen a case meanwhile; nothing runs while
  a confirmation is open.
* **confirm_case**: the confirmation that names the case (number, applicant, decision); Enter confirms, Esc cancels.
  It is window-modal and does not block the event loop (``QDialog.open``): its answer comes as a callback.
* **NEXT_KEY** (F8) selects the next case of a list, **PREVIOUS_KEY** (Shift+F8) the one before; after an action the
  list keeps its place and nothing is selected until the person asks.
"""
from __future__ import annotations

import html
import re
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QComboBox, QLabel, QLineEdit, QMessageBox,
                               QTableView, QTabWidget, QWidget)

NEXT_KEY = "F8"
PREVIOUS_KEY = "Shift+F8"
REPEAT_SECONDS = 1.0
# a trailing "(F9)", "(Shift+F9)" or "(Ctrl+Enter)": keys already shown beside a widget's text
_KEYS = re.compile(r"\s*\(((?:(?:Shift|Ctrl|Alt)\+)*(?:F\d{1,2}|Enter|Return)(?:,\s*(?:(?:Shift|Ctrl|Alt)\+)*"
                   r"(?:F\d{1,2}|Enter|Return))*)\)$")

translate = QCoreApplication.translate


class RepeatGuard:
    """At most one consequential action per gesture: the same action again within REPEAT_SECONDS, on the same case
    or on none, is ignored unless the person chose a case meanwhile (``moved``); nothing runs while a confirmation
    is open (``pending``).

    A second click of a double-click, a second Enter or an auto-repeated key asks for the same action on the same
    case (or, once the case has left the list, on none) and does nothing."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.pending = False
        self._last: float | None = None
        self._action: tuple[str, str | None] | None = None
        self.ignored = 0  # how many repeats were swallowed (for the log and the tests)

    def allow(self, action: str, target: str | None) -> bool:
        if self.pending:
            self.ignored += 1
            return False
        recent = self._last is not None and self.clock() - self._last < REPEAT_SECONDS
        if recent and self._action is not None and self._action[0] == action \
                and (target is None or target == self._action[1]):
            self.ignored += 1
            return False
        return True

    def moved(self) -> None:
        """The person chose a case (a click, a key, F8): what follows is a new action."""
        self._last = None

    def done(self, action: str, target: str | None) -> None:
        """``action`` was performed on ``target``: the same gesture repeated now does nothing."""
        self._last = self.clock()
        self._action = (action, target)


# ------------------------------------------------------------------ shortcuts

class Keys:
    """The F-key shortcuts of one desk, and the key shown beside each widget's text."""

    def __init__(self, owner: QWidget) -> None:
        self.owner = owner  # the desk
        self.bindings: list[tuple[str, QWidget | None, QShortcut]] = []
        self._shown: list[tuple[QWidget, str]] = []

    def bind(self, key: str, page: QWidget, target: QWidget | Callable[[], None], *,
             show_on: QWidget | None = None) -> QShortcut:
        """``key`` (e.g. "F9", "Shift+F9") on ``page`` (live while the page is visible) focuses a field, ticks a
        radio button, presses a button, or calls a function; the key is shown beside ``show_on`` (by default the
        target widget, or the label whose buddy it is)."""
        shortcut = QShortcut(QKeySequence(key), page)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.setAutoRepeat(False)  # a held key is one press; the guard catches the rest
        if callable(target) and not isinstance(target, QWidget):
            shortcut.activated.connect(target)
            widget = None
        else:
            widget = target
            shortcut.activated.connect(lambda w=target: activate(w))
        self.bindings.append((key, widget, shortcut))
        shown = show_on if show_on is not None else (buddy_label(widget) or widget) if widget is not None else None
        if shown is not None:
            self._shown.append((shown, key))
        return shortcut

    def tab(self, key: str, tabs: QTabWidget, page: QWidget, focus: Callable[[], None] | None = None) -> QShortcut:
        """``key`` shows ``page`` of ``tabs`` (and then focuses what ``focus`` picks); the key goes in the tip."""
        def go() -> None:
            tabs.setCurrentWidget(page)
            if focus is not None:
                focus()
        shortcut = QShortcut(QKeySequence(key), tabs)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.setAutoRepeat(False)
        shortcut.activated.connect(go)
        self.bindings.append((key, page, shortcut))
        tabs.setTabToolTip(tabs.indexOf(page), key)
        return shortcut

    def decorate(self) -> None:
        """Show each key beside its widget's text; again after a language change (the form's text comes back)."""
        for widget, key in self._shown:
            show_key(widget, key)

    def keys(self) -> list[str]:
        return [k for k, _w, _s in self.bindings]


def buddy_label(widget: QWidget | None) -> QLabel | None:
    if widget is None or widget.parentWidget() is None:
        return None
    top = widget.window()
    return next((lbl for lbl in top.findChildren(QLabel) if lbl.buddy() is widget), None)


def show_key(widget: QWidget, key: str) -> None:
    """'Sign' → 'Sign (F9)', 'Resolution:' → 'Resolution (F3):', 'Assign (Ctrl+Enter)' → 'Assign (Ctrl+Enter, F9)'
    (again after a language change: the key is put in once, never twice)."""
    if not isinstance(widget, (QAbstractButton, QLabel)):
        return
    text = widget.text()
    colon = text.endswith(":")
    text = text[:-1] if colon else text
    keys: list[str] = []
    found = _KEYS.search(text)
    if found:
        keys = [k.strip() for k in found.group(1).split(",") if k.strip() != key]
        text = text[:found.start()]
    widget.setText(f"{text} ({', '.join([*keys, key])}){':' if colon else ''}")


def activate(widget: QWidget) -> None:
    """What a shortcut does to its widget: a button is pressed, a radio ticked, a field focused."""
    if not widget.isVisible() or not widget.isEnabled():
        return
    if isinstance(widget, QAbstractButton) and widget.isCheckable():
        widget.setChecked(True)
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return
    if isinstance(widget, QAbstractButton):
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
        widget.click()
        return
    widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
    if isinstance(widget, QLineEdit):
        widget.selectAll()
    elif isinstance(widget, QComboBox) and widget.isEditable() and widget.lineEdit() is not None:
        widget.lineEdit().selectAll()


# ------------------------------------------------------------------ lists: position and the next key

def selected_row(view: QTableView) -> int | None:
    index = view.currentIndex()
    if not index.isValid() or view.selectionModel() is None or not view.selectionModel().isSelected(index):
        return None
    return index.row()


def select_row(view: QTableView, row: int) -> bool:
    model = view.model()
    if model is None or model.rowCount() == 0:
        return False
    row = max(0, min(row, model.rowCount() - 1))
    index = model.index(row, 0)
    view.selectionModel().setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    view.scrollTo(index)
    return True


def let_go(view: QTableView, row: int | None) -> None:
    """After an action: nothing selected, the list where it was; the place is kept for the next key."""
    scroll = view.verticalScrollBar().value()
    view.selectionModel().clearSelection()
    model = view.model()
    if row is not None and model is not None and model.rowCount():
        row = max(0, min(row, model.rowCount() - 1))
        view.selectionModel().setCurrentIndex(model.index(row, 0), QItemSelectionModel.SelectionFlag.NoUpdate)
    view.verticalScrollBar().setValue(scroll)
    view.setProperty("resumeRow", row if row is not None else -1)


def step(view: QTableView, forward: bool = True) -> bool:
    """The next (or previous) case: after the selected one, or — when nothing is selected after an action — the
    case now at the place the acted-on case had."""
    row = selected_row(view)
    if row is None:
        resume = view.property("resumeRow")
        target = int(resume) if isinstance(resume, int) and resume >= 0 else 0
        if not forward:
            target -= 1
    else:
        target = row + (1 if forward else -1)
    model = view.model()
    if model is None or model.rowCount() == 0:
        return False
    if forward and target >= model.rowCount() and model.canFetchMore():
        model.fetchMore()
    done = select_row(view, target)
    view.setFocus(Qt.FocusReason.ShortcutFocusReason)
    return done


def keep_scroll(view: QAbstractItemView) -> Callable[[], None]:
    """Remember the list's scroll position; call the result after a refresh to put it back."""
    value = view.verticalScrollBar().value()
    return lambda: view.verticalScrollBar().setValue(value)


# ------------------------------------------------------------------ the confirmation that names the case

def confirm_case(parent: QWidget, name: str, title: str, question: str, rows: list[tuple[str, str]],
                 confirm_text: str, on_confirm: Callable[[], None], guard: RepeatGuard | None = None) -> QMessageBox:
    """A window-modal question naming the case: ``rows`` are (title, value) pairs (number, applicant, decision).
    Enter presses ``confirm_text``, Esc cancels; ``on_confirm`` runs only after Enter (or a click on it)."""
    table = "".join(f"<tr><td style='color:#555;padding-right:10px'>{html.escape(t)}</td>"
                    f"<td><b>{html.escape(v)}</b></td></tr>" for t, v in rows)
    box = QMessageBox(QMessageBox.Icon.Question, title, "", QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName(f"confirm_{name}")
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(f"<p>{html.escape(question)}</p><table>{table}</table>")
    ok = box.addButton(f"{confirm_text} (Enter)", QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(translate("DeskKeys", "Cancel (Esc)"), QMessageBox.ButtonRole.RejectRole)
    ok.setObjectName("confirmButton")
    cancel.setObjectName("cancelButton")
    box.setDefaultButton(ok)
    box.setEscapeButton(cancel)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if guard is not None:
        guard.pending = True

    def finished(_result: int) -> None:
        if guard is not None:
            guard.pending = False
        parent.window().activateWindow()  # the keys go back to the desk (a window manager may not do it)
        if box.clickedButton() is ok:
            on_confirm()

    box.finished.connect(finished)
    box.open()
    ok.setFocus(Qt.FocusReason.OtherFocusReason)
    return box


def case_rows(case, service_title: str, decision: str) -> list[tuple[str, str]]:
    """What a confirmation names: the number, the applicant, the service and the draft's decision."""
    return [(translate("DeskKeys", "Number"), case.reg_no),
            (translate("DeskKeys", "Applicant"), f"{case.applicant.full_name} · {case.applicant.iin}"),
            (translate("DeskKeys", "Service"), f"{case.service} · {service_title}"),
            (translate("DeskKeys", "Decision"), decision)]


def done_banner(text: str) -> str:
    """The line over the case pane that says which case the last action acted on."""
    return (f"<p style='color:#0f5132;background:#d1e7dd;border:1px solid #a3cfbb;padding:4px;margin:0 0 6px 0'>"
            f"✔ {html.escape(text)}</p>")


__all__ = ["Keys", "NEXT_KEY", "PREVIOUS_KEY", "RepeatGuard", "case_rows", "confirm_case", "done_banner",
           "keep_scroll", "let_go", "select_row", "selected_row", "show_key", "step"]
