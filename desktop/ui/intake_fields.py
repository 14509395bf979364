"""Editors for a service's extra fields (catalogue ``fields``), one per field type, with inline errors.

The catalogue decides which fields a service has (S4 employment form, S5 category, S7 children at intake;
S4 institution and term, S6 quarter and family members as results), so these editors are built at run time.
Every editor is a plain keyboard-driven widget (line edits, combo boxes); values go to the core unchanged
except for obvious conversions, so the core's validation stays the single judge and its messages are shown
under the editor.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout,
                               QWidget)

from ..core.catalogue import Field, Item, find_option
from ..core.errors import ValidationError
from ..core.iin import parse_iin
from ..core.workflow import normalise_phone, relation_value
from .casework import combo_data, make_error_label, set_message
from .labels import quarter_title

PERSON_KEYS = ("full_name", "iin", "relation")
# what the Kazakh layout types on the digit row: an IIN typed without switching the layout is still digits
KZ_DIGIT_ROW = {"ә": "1", "і": "2", "ң": "3", "ғ": "4", ",": "5", ".": "6", "ү": "7", "ұ": "8", "қ": "9", "ө": "0"}
_SEPARATORS = " -"


class DigitsValidator(QValidator):
    """Digits only, at most ``length`` of them (an IIN: 12). The Kazakh layout's digit row counts as its digits and
    spaces or dashes typed between groups are dropped; any other character is refused as it is typed."""

    def __init__(self, length: int = 12, parent: Any = None) -> None:
        super().__init__(parent)
        self.length = length

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        kept, new_pos = [], pos
        for i, ch in enumerate(text):
            ch = KZ_DIGIT_ROW.get(ch.lower(), ch)
            if ch.isdigit() and ch.isascii():
                kept.append(ch)
            elif ch in _SEPARATORS:
                new_pos -= i < pos
            else:
                return QValidator.State.Invalid, text, pos
        if len(kept) > self.length:
            return QValidator.State.Invalid, text, pos
        state = QValidator.State.Acceptable if len(kept) == self.length else QValidator.State.Intermediate
        return state, "".join(kept), max(0, min(new_pos, len(kept)))


def digits_only(edit: QLineEdit, length: int = 12) -> None:
    """Make ``edit`` an IIN field: digits only, ``length`` at most (DigitsValidator)."""
    edit.setValidator(DigitsValidator(length, edit))
    edit.setMaxLength(length + 8)  # room for separators typed between the groups; the validator drops them


def phone_in_one_form(edit: QLineEdit) -> None:
    """When the person leaves the phone field, a number Kense understands is shown in the form it is stored in
    (``+7 7xx xxx xx xx``, normalise_phone); anything else stays as typed for the core to refuse with a message."""
    def tidy() -> None:
        try:
            shown = normalise_phone(edit.text())
        except ValidationError:
            return
        if shown != edit.text():
            edit.setText(shown)
    edit.editingFinished.connect(tidy)


translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") with its literal context


def quarters_around(today: dt.date) -> list[str]:
    """Quarters offered for a certificate: the last year, this year and the next quarter."""
    start = (today.year - 1) * 4
    end = today.year * 4 + (today.month - 1) // 3 + 1
    return [f"{i // 4}-Q{i % 4 + 1}" for i in range(start, end + 1)]


class ChoiceBox(QComboBox):
    """A catalogue choice: the options by their titles in the interface language, each holding its id.

    Where the catalogue allows typed text (``free_text``) the box is editable: a typed option title (Kazakh or
    Russian, any case) still gives the option's id, anything else is returned as typed for the core to judge.
    Nothing typed is ever added to the list."""

    def __init__(self, options: Sequence[Item], free_text: bool, lang: str, placeholder: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.options = tuple(options)
        self.setEditable(free_text)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for option in self.options:
            self.addItem(option.title(lang), option.id)
        # a long title (a maslikhat category) must not widen the form: the box takes the width it is given and
        # its list opens as wide as the longest title (showPopup)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(12)
        if free_text:
            self.lineEdit().setPlaceholderText(placeholder)
            self.completer().setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        else:
            self.setPlaceholderText(placeholder)
        self.setCurrentIndex(-1)

    def showPopup(self) -> None:
        view = self.view()
        wanted = view.sizeHintForColumn(0) + view.verticalScrollBar().sizeHint().width() + 2 * view.frameWidth() + 8
        screen = self.screen().availableGeometry().width() if self.screen() is not None else wanted
        view.setMinimumWidth(min(wanted, screen))
        super().showPopup()

    def value(self) -> str | None:
        if not self.isEditable():
            return combo_data(self)
        text = " ".join(self.currentText().split())
        if not text:
            return None
        index = self.currentIndex()
        if index >= 0 and self.itemText(index) == self.currentText():
            return self.itemData(index)
        option = find_option(self.options, text)
        return option.id if option is not None else text

    def set_value(self, value: Any) -> None:
        index = self.findData(value) if value not in (None, "") else -1
        self.setCurrentIndex(index)
        if index < 0 and self.isEditable():
            self.setEditText("" if value is None else str(value))

    def text(self) -> str:
        return self.currentText()


class PersonRow(QWidget):
    """One person: full name, IIN, relation, a remove button and the row's own error line.

    The relation is a choice of the field's catalogue relations (editable where the catalogue allows typed
    relations); a field without relations (a case of an older catalogue) keeps a plain text box."""

    remove_requested = Signal(object)

    def __init__(self, field: Field | None = None, lang: str = "kk", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(1)
        line = QHBoxLayout()
        line.setSpacing(4)
        self.full_name = QLineEdit(self)
        self.full_name.setObjectName("personName")
        self.full_name.setPlaceholderText(self.tr("Full name"))
        self.iin = QLineEdit(self)
        self.iin.setObjectName("personIin")
        self.iin.setPlaceholderText(self.tr("IIN"))
        digits_only(self.iin)
        self.iin.setMaximumWidth(130)
        self.relation: QLineEdit | ChoiceBox
        if field is not None and field.relations:
            self.relation = ChoiceBox(field.relations, field.relation_free_text, lang, self.tr("Relation"), self)
            self.relation.setMaximumWidth(150)
        else:
            self.relation = QLineEdit(self)
            self.relation.setPlaceholderText(self.tr("Relation"))
            self.relation.setMaximumWidth(130)
        self.relation.setObjectName("personRelation")
        self.remove = QPushButton("✕", self)
        self.remove.setObjectName("personRemove")
        self.remove.setToolTip(self.tr("Remove this person"))
        self.remove.setFixedWidth(28)
        self.remove.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self))
        for w in (self.full_name, self.iin, self.relation, self.remove):
            line.addWidget(w)
        line.setStretch(0, 1)
        outer.addLayout(line)
        self.error = make_error_label(self, "personError")
        outer.addWidget(self.error)

    def value(self) -> dict[str, str] | None:
        values = {k: getattr(self, k).text().strip() for k in ("full_name", "iin")}
        values["relation"] = (self.relation.value() if isinstance(self.relation, ChoiceBox)
                              else self.relation.text().strip())
        return {k: v for k, v in values.items() if v} or None

    def set_value(self, person: Mapping[str, Any]) -> None:
        for key in ("full_name", "iin"):
            getattr(self, key).setText(str(person.get(key, "")))
        if isinstance(self.relation, ChoiceBox):
            self.relation.set_value(person.get("relation"))
        else:
            self.relation.setText(str(person.get("relation", "")))

    def focus_widgets(self) -> list[QWidget]:
        return [self.full_name, self.iin, self.relation]


class PersonsEditor(QWidget):
    """As many persons as needed (children, family members): a row each, Alt+D adds one."""

    rows_changed = Signal()

    def __init__(self, field: Field, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.lang = lang
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self._rows_box = QVBoxLayout()
        self._rows_box.setSpacing(2)
        layout.addLayout(self._rows_box)
        self.add_button = QPushButton(self.tr("A&dd person"), self)
        self.add_button.setObjectName("personAdd")
        self.add_button.clicked.connect(self.add_and_focus)
        bar = QHBoxLayout()
        bar.addWidget(self.add_button)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.rows: list[PersonRow] = []
        self.add_row()

    def add_row(self) -> PersonRow:
        row = PersonRow(self.field, self.lang, self)
        row.remove_requested.connect(self.remove_row)
        self._rows_box.addWidget(row)
        row.show()  # at once, not queued: the focus may move into it right away
        self.rows.append(row)
        self.rows_changed.emit()
        return row

    def add_and_focus(self) -> None:
        row = self.add_row()
        row.full_name.setFocus(Qt.FocusReason.TabFocusReason)

    def remove_row(self, row: PersonRow) -> None:
        if len(self.rows) == 1:
            row.set_value({})
            set_message(row.error, "")
            return
        self.rows.remove(row)
        row.hide()
        row.deleteLater()
        self.rows_changed.emit()

    def value(self) -> list[dict[str, str]]:
        return [v for v in (r.value() for r in self.rows) if v]

    def set_value(self, persons: Sequence[Mapping[str, Any]] | None) -> None:
        persons = list(persons or [])
        while len(self.rows) > max(1, len(persons)):
            self.remove_row(self.rows[-1])
        while len(self.rows) < len(persons):
            self.add_row()
        for row, person in zip(self.rows, persons or [{}]):
            row.set_value(person)

    def clear_errors(self) -> None:
        for row in self.rows:
            set_message(row.error, "")

    def precheck(self, today: dt.date) -> QWidget | None:
        """Check each row's IIN and name here, so the message lands on the right row; returns the bad widget."""
        first_bad: QWidget | None = None
        for row in self.rows:
            value = row.value()
            if not value:
                continue
            message, widget = "", None
            if not value.get("full_name"):
                message = ValidationError("required", field=self.field.name,
                                          label=self.field.title(self.lang)).message(self.lang)
                widget = row.full_name
            elif value.get("iin"):
                try:
                    parse_iin(value["iin"], today=today)
                except ValidationError as exc:
                    message, widget = exc.message(self.lang), row.iin
            if not message and value.get("relation"):
                try:
                    relation_value(self.field, value["relation"])
                except ValidationError as exc:
                    message, widget = exc.message(self.lang), row.relation
            set_message(row.error, message)
            if widget is not None and first_bad is None:
                first_bad = widget
        return first_bad

    def focus_widgets(self) -> list[QWidget]:
        out: list[QWidget] = []
        for row in self.rows:
            out += row.focus_widgets()
        return out + [self.add_button]


class FieldEditor:
    """A value editor for one catalogue field (text, int, date, choice, quarter, persons)."""

    def __init__(self, field: Field, lang: str, parent: QWidget, today: dt.date) -> None:
        self.field = field
        self.today = today
        self.lang = lang
        self.widget: QWidget
        if field.type == "persons":
            self.widget = PersonsEditor(field, lang, parent)
        elif field.type == "choice":
            self.widget = ChoiceBox(field.options, field.free_text, lang,
                                    translate("FieldEditor", "— choose or type —") if field.free_text
                                    else translate("FieldEditor", "— choose —"), parent)
        elif field.type == "quarter":
            combo = QComboBox(parent)
            for q in quarters_around(today):
                combo.addItem(quarter_title(q, lang), q)  # '2026 ж. IV тоқсан', as the certificate says it
            self.widget = combo
            self.set_value(None)
        else:
            edit = QLineEdit(parent)
            if field.type == "date":
                edit.setPlaceholderText(translate("FieldEditor", "dd.mm.yyyy"))
            self.widget = edit
        self.widget.setObjectName(f"field_{field.name}")

    def value(self) -> Any:
        w = self.widget
        if isinstance(w, (PersonsEditor, ChoiceBox)):
            return w.value()
        if isinstance(w, QComboBox):
            return combo_data(w)
        text = w.text().strip()
        if self.field.type == "date" and text:
            try:
                return dt.datetime.strptime(text, "%d.%m.%Y").date().isoformat()
            except ValueError:
                return text  # the core says what is wrong with it
        return text

    def set_value(self, value: Any) -> None:
        w = self.widget
        if isinstance(w, (PersonsEditor, ChoiceBox)):
            w.set_value(value)
        elif self.field.type == "quarter":  # never empty: the current quarter unless told otherwise
            current = f"{self.today.year}-Q{(self.today.month - 1) // 3 + 1}"
            index = w.findData(value or current)
            if index < 0:
                w.addItem(quarter_title(value, self.lang), value)
                index = w.count() - 1
            w.setCurrentIndex(index)
        elif isinstance(w, QComboBox):
            w.setCurrentIndex(w.findData(value) if value is not None else -1)
        elif self.field.type == "date" and value:
            w.setText(dt.date.fromisoformat(value).strftime("%d.%m.%Y"))
        else:
            w.setText("" if value is None else str(value))

    def focus_widgets(self) -> list[QWidget]:
        if isinstance(self.widget, PersonsEditor):
            return self.widget.focus_widgets()
        return [self.widget]


class FieldsPanel(QWidget):
    """The extra fields of one service and phase, each with its title and an inline error line."""

    focus_chain_changed = Signal()

    def __init__(self, fields: Sequence[Field], lang: str, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.today = today
        self.editors: dict[str, FieldEditor] = {}
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for f in fields:
            editor = FieldEditor(f, lang, self, today)
            self.editors[f.name] = editor
            title = QLabel(f.title(lang) + (" *" if f.required else "") + ":", self)
            title.setBuddy(editor.focus_widgets()[0])
            holder = QWidget(self)
            box = QVBoxLayout(holder)
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(1)
            box.addWidget(editor.widget)
            error = make_error_label(holder, f"error_{f.name}")
            box.addWidget(error)
            self.errors[f.name] = error
            form.addRow(title, holder)
            if isinstance(editor.widget, PersonsEditor):
                editor.widget.rows_changed.connect(self.focus_chain_changed)

    def values(self) -> dict[str, Any]:
        out = {}
        for name, editor in self.editors.items():
            value = editor.value()
            if value not in (None, "", []):
                out[name] = value
        return out

    def set_values(self, values: Mapping[str, Any]) -> None:
        for name, editor in self.editors.items():
            editor.set_value(values.get(name))

    def clear(self) -> None:
        self.set_values({})
        self.clear_errors()

    def clear_errors(self) -> None:
        for label in self.errors.values():
            set_message(label, "")
        for editor in self.editors.values():
            if isinstance(editor.widget, PersonsEditor):
                editor.widget.clear_errors()

    def precheck(self) -> QWidget | None:
        """Row-level checks of persons lists; the first offending widget gets the focus."""
        first: QWidget | None = None
        for editor in self.editors.values():
            if isinstance(editor.widget, PersonsEditor):
                bad = editor.widget.precheck(self.today)
                first = first or bad
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
        return first

    def show_error(self, exc: ValidationError) -> bool:
        """Show a core error under its field; persons errors name the field by its title, so match both."""
        for name, editor in self.editors.items():
            f = editor.field
            if exc.field in (f.name, f.title_kk, f.title_ru) or (exc.field == "iin" and f.type == "persons"):
                set_message(self.errors[name], exc.message(self.lang))
                editor.focus_widgets()[0].setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return False

    def focus_widgets(self) -> list[QWidget]:
        out: list[QWidget] = []
        for editor in self.editors.values():
            out += editor.focus_widgets()
        return out
