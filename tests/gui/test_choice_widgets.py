"""Choice lists at the counter and in the executor's draft, through the real widgets by keyboard: the S5 maslikhat
category and the relation of S7 children and S6 family members store the catalogue option id; a typed value that
is not in the list is kept as typed; junk is refused inline and nothing is written; a case of the catalogue
before the lists keeps its plain relation box."""
from __future__ import annotations

import copy

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit

from desktop.core.catalogue import catalogue_from_dict, load_catalogue
from desktop.store import Register
from desktop.ui.casecard_details import CaseDetails
from desktop.ui.casework import draft_html
from desktop.ui.clerk_tab import ClerkTab
from desktop.ui.executor_tab import ExecutorTab
from desktop.ui.i18n import languages
from desktop.ui.intake_fields import ChoiceBox
from helpers_roles import (ALT, MARKS, Printer, advance, alert_log, child_iin,  # noqa: F401
                           focused, make_ctx, new_case, person, press, show, tab, type_text)

pytestmark = MARKS


def clerk_for(qtbot, register, people, lang="kk") -> ClerkTab:
    languages().apply(lang)  # the interface translated as in the app (conftest puts it back to English)
    return show(qtbot, ClerkTab(make_ctx(register, people["clerk"], lang=lang, printer=Printer(), opened=[])))


def fill_applicant(qtbot, clerk, code: str, serial: int) -> None:
    """The service by arrow keys, the applicant typed into each box, the first two documents ticked (the
    translated interface has other mnemonics, so the service list gets the focus directly)."""
    combo = clerk.w["serviceCombo"]
    combo.setFocus()
    steps = combo.findData(code) - combo.currentIndex()
    press(qtbot, Qt.Key.Key_Down if steps > 0 else Qt.Key.Key_Up, abs(steps))
    assert clerk.service().code == code
    data = person(serial)
    for name in ("iin", "surname", "name", "patronymic", "address", "phone"):
        type_text(qtbot, data[name], clerk.w[f"{name}Edit"])
    for box in clerk._doc_boxes[:2]:
        box.setChecked(True)


def visible_error(widget, name: str) -> str:
    shown = [w for w in widget.findChildren(QLabel) if w.objectName() == name and w.isVisible() and w.text()]
    return shown[0].text() if shown else ""


# ---------------------------------------------------------------- S5 category at the counter


def test_category_is_a_list_in_the_interface_language_and_stores_the_id(qtbot, register, people):
    clerk = clerk_for(qtbot, register, people)
    fill_applicant(qtbot, clerk, "S5", 1)
    combo = clerk._panel.editors["category"].widget
    assert isinstance(combo, ChoiceBox) and combo.isEditable()
    options = register.catalogue.service("S5").fields[0].options
    assert [combo.itemText(i) for i in range(combo.count())] == [o.title_kk for o in options]
    assert combo.currentText() == "" and combo.lineEdit().placeholderText() == "— таңдаңыз немесе жазыңыз —"
    clerk.w["phoneEdit"].setFocus()
    assert tab(qtbot) is combo  # the tab order reaches the list right after the applicant
    press(qtbot, Qt.Key.Key_Down, 3)  # the third option, by arrow keys alone
    assert combo.currentText() == options[2].title_kk
    press(qtbot, Qt.Key.Key_Return)  # Enter registers from the list too
    assert register.count() == 1
    case = register.case(clerk.last_reg_no)
    assert case.data["fields"] == {"category": options[2].id}
    assert combo.currentText() == ""  # the form is empty again for the next applicant


def test_russian_counter_offers_russian_titles_and_a_typed_title_gives_the_id(qtbot, register, people):
    clerk = clerk_for(qtbot, register, people, lang="ru")
    fill_applicant(qtbot, clerk, "S5", 2)
    combo = clerk._panel.editors["category"].widget
    assert combo.itemText(0) == "Многодетные матери"
    assert combo.lineEdit().placeholderText() == "— выберите или введите —"
    combo.setFocus()
    type_text(qtbot, "многодетные матери")  # lower case, as a hurried clerk types it
    press(qtbot, Qt.Key.Key_Return)
    assert register.count() == 1
    assert register.case(clerk.last_reg_no).data["fields"] == {"category": "large_families"}


def test_a_category_not_in_the_list_is_kept_as_typed(qtbot, register, people):
    clerk = clerk_for(qtbot, register, people)
    fill_applicant(qtbot, clerk, "S5", 3)
    combo = clerk._panel.editors["category"].widget
    combo.setFocus()
    type_text(qtbot, "Бұрынғы әскери қызметшілер")
    press(qtbot, Qt.Key.Key_Return)
    assert register.count() == 1
    assert register.case(clerk.last_reg_no).data["fields"] == {"category": "Бұрынғы әскери қызметшілер"}
    assert combo.count() == len(register.catalogue.service("S5").fields[0].options)  # nothing added to the list


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_junk_category_is_refused_inline_and_nothing_is_written(qtbot, register, people, alert_log, lang):
    clerk = clerk_for(qtbot, register, people, lang=lang)
    fill_applicant(qtbot, clerk, "S5", 4)
    combo = clerk._panel.editors["category"].widget
    combo.setFocus()
    type_text(qtbot, "???")
    press(qtbot, Qt.Key.Key_Return)
    assert register.count() == 0 and clerk.w["regNoLabel"].text() == "—"
    text = visible_error(clerk, "error_category")
    assert "«???»" in text
    assert ("Категория по решению маслихата" if lang == "ru" else "Мәслихат шешімі бойынша санат") in text
    assert focused() is combo and alert_log == []


# ---------------------------------------------------------------- relations


def test_child_relation_chosen_at_the_counter_stores_the_id(qtbot, register, people):
    clerk = clerk_for(qtbot, register, people)
    fill_applicant(qtbot, clerk, "S7", 5)
    row = clerk._panel.editors["children"].widget.rows[0]
    assert isinstance(row.relation, ChoiceBox) and row.relation.objectName() == "personRelation"
    assert [row.relation.itemText(i) for i in range(row.relation.count())][:2] == ["ұлы", "қызы"]
    type_text(qtbot, "Ахметова Дана", row.full_name)
    type_text(qtbot, child_iin(7), row.iin)
    row.iin.setFocus()
    assert tab(qtbot) is row.relation
    press(qtbot, Qt.Key.Key_Down, 2)  # қызы
    press(qtbot, Qt.Key.Key_Return)
    assert register.count() == 1
    child = register.case(clerk.last_reg_no).data["fields"]["children"][0]
    assert child == {"full_name": "Ахметова Дана", "iin": child_iin(7), "relation": "daughter"}


def test_family_relations_in_the_draft_store_ids_and_typed_words(qtbot, register, people):
    case = advance(register, people, new_case(register, people["clerk"], "S6", 1), "with_executor")
    ex = show(qtbot, ExecutorTab(make_ctx(register, people["executor1"], opened=[])))
    press(qtbot, Qt.Key.Key_A, modifier=ALT)
    qtbot.wait(250)
    editor = ex._panel.editors["family_members"].widget
    people_typed = (("Ахметова Сәуле", "жұбайы"), ("Ахметов Нұр", "ұлы"), ("Ахметов Бекзат", "немересі"))
    for i, (name, relation) in enumerate(people_typed):
        row = editor.rows[i] if i < len(editor.rows) else editor.add_row()
        type_text(qtbot, name, row.full_name)
        row.relation.setFocus()
        type_text(qtbot, relation)
    press(qtbot, Qt.Key.Key_S, modifier=ALT)
    qtbot.wait(250)
    drafted = register.case(case.reg_no)
    assert drafted.stage == "awaiting_signature", ex.w["paneMessage"].text()
    assert [(p["full_name"], p["relation"]) for p in drafted.data["result"]["family_members"]] == [
        ("Ахметова Сәуле", "spouse"), ("Ахметов Нұр", "son"), ("Ахметов Бекзат", "немересі")]
    # the head reads the draft, and the case card its details, with the relations in words, not ids
    service = register.service_of(drafted)
    for lang, words in (("kk", ("жұбайы", "ұлы", "немересі")), ("ru", ("супруг(а)", "сын", "немересі"))):
        text = draft_html(drafted, service, lang) + CaseDetails(register, lang).value_text(
            "result", drafted.data["result"], service)
        assert all(w in text for w in words) and "spouse" not in text, (lang, text)


def test_junk_relation_is_refused_on_its_row_and_the_draft_is_not_saved(qtbot, register, people, alert_log):
    case = advance(register, people, new_case(register, people["clerk"], "S6", 1), "with_executor")
    ex = show(qtbot, ExecutorTab(make_ctx(register, people["executor1"], opened=[])))
    press(qtbot, Qt.Key.Key_A, modifier=ALT)
    qtbot.wait(250)
    row = ex._panel.editors["family_members"].widget.rows[0]
    type_text(qtbot, "Ахметова Сәуле", row.full_name)
    type_text(qtbot, "son_in_law", row.relation)
    press(qtbot, Qt.Key.Key_S, modifier=ALT)
    qtbot.wait(250)
    assert register.case(case.reg_no).stage == "with_executor"
    assert [e.action for e in register.history(case.reg_no)] == ["register", "resolve"]
    assert row.error.isVisible() and "son_in_law" in row.error.text() and "туыстық" in row.error.text()
    assert focused() is row.relation and alert_log == []


def test_a_case_of_the_catalogue_before_the_lists_keeps_a_plain_relation_box(qtbot, tmp_path):
    raw = copy.deepcopy(load_catalogue().raw)
    for service in raw["service"]:
        for field in service.get("fields", []):
            field.pop("relations", None)
            field.pop("relation_free_text", None)
    path = tmp_path / "old.sqlite3"
    with Register.open(path, create=True, catalogue=catalogue_from_dict(raw)) as old:
        old.initialise(3, "admin-pass")
        admin = old.user("admin")
        staff = {name: old.create_user(admin, name, full, roles, name + "-pw") for name, full, roles in (
            ("clerk", "Асқарова Гүлнар", ["clerk"]), ("head", "Серікбаев Нұрлан", ["head"]),
            ("executor1", "Оспанова Айгүл", ["executor"]))}
        reg_no = advance(old, staff, new_case(old, staff["clerk"], "S6", 1), "with_executor").reg_no
    register = Register.open(path)  # today's catalogue: the case keeps its own version
    try:
        ex = show(qtbot, ExecutorTab(make_ctx(register, register.user("executor1"), opened=[])))
        press(qtbot, Qt.Key.Key_A, modifier=ALT)
        qtbot.wait(250)
        row = ex._panel.editors["family_members"].widget.rows[0]
        assert isinstance(row.relation, QLineEdit)
        type_text(qtbot, "Ахметова Сәуле", row.full_name)
        type_text(qtbot, "жұбайы", row.relation)
        press(qtbot, Qt.Key.Key_S, modifier=ALT)
        qtbot.wait(250)
        member = register.case(reg_no).data["result"]["family_members"][0]
        assert member == {"full_name": "Ахметова Сәуле", "relation": "жұбайы"}
    finally:
        ex.close()
        register.close()
