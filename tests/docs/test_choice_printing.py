"""Choice values on paper: a Russian АНЫҚТАМА / справка (S6) and S5 notification, rendered to PDF and read back,
show the Russian titles of the stored option ids; a Kazakh one the Kazakh titles; text typed at intake, and the
free text of a case registered under the catalogue before the lists, print exactly as typed."""
from __future__ import annotations

import copy
import re

import docs_cases
import pytest
from docs_cases import pdf_text, signed_case

from desktop.core.catalogue import catalogue_from_dict, load_catalogue
from desktop.documents import render
from desktop.store import Register

pytestmark = pytest.mark.docs

FAMILY = [{"full_name": "Ахметова Сәуле", "relation": "spouse"},
          {"full_name": "Ахметов Нұрлан", "relation": "son"},
          {"full_name": "Ахметова Дана", "relation": "daughter"},
          {"full_name": "Ахметов Бекзат", "relation": "немересі"},   # typed: not in the list
          {"full_name": "Ахметова Зере", "relation": "қызы"}]       # the Kazakh word typed before the list


def test_russian_certificate_prints_russian_relations(register, people):
    case = signed_case(register, people, "S6", result={"quarter": "2026-Q1", "family_members": FAMILY})
    assert [m["relation"] for m in register.case(case.reg_no).data["result"]["family_members"]] == [
        "spouse", "son", "daughter", "немересі", "қызы"]
    ru = pdf_text(render("certificate", register, case.reg_no, "ru"))
    for name, relation in (("Ахметова Сәуле", "супруг(а)"), ("Ахметов Нұрлан", "сын"), ("Ахметова Дана", "дочь"),
                           ("Ахметов Бекзат", "немересі"), ("Ахметова Зере", "дочь")):
        assert f"{name} {relation}" in ru, (name, relation)
    assert "Степень родства" in ru
    for kazakh_or_id in ("жұбайы", "ұлы", "қызы", "spouse", "son", "daughter"):
        assert not re.search(rf"\b{kazakh_or_id}\b", ru), kazakh_or_id  # as a word: «Болатұлы» is a name
    kk = pdf_text(render("certificate", register, case.reg_no, "kk"))
    for name, relation in (("Ахметова Сәуле", "жұбайы"), ("Ахметов Нұрлан", "ұлы"), ("Ахметова Дана", "қызы"),
                           ("Ахметов Бекзат", "немересі")):
        assert f"{name} {relation}" in kk, (name, relation)
    assert not re.search(r"\b(spouse|son|сын|супруг)\b", kk)


@pytest.mark.parametrize("category,ru_text,kk_text", [
    ("large_families", "Многодетные матери", "Көп балалы аналар"),
    ("chernobyl", "Участники ликвидации последствий катастрофы на Чернобыльской АЭС",
     "Чернобыль АЭС апатының зардаптарын жоюға қатысушылар"),
    ("Бұрынғы әскери қызметшілер", "Бұрынғы әскери қызметшілер", "Бұрынғы әскери қызметшілер"),  # typed
])
def test_s5_notification_prints_the_category_in_the_letters_language(register, people, monkeypatch, category,
                                                                     ru_text, kk_text):
    monkeypatch.setitem(docs_cases.INTAKE_FIELDS, "S5", {"category": category})
    case = signed_case(register, people, "S5")
    assert register.case(case.reg_no).data["fields"] == {"category": category}
    ru = pdf_text(render("notification", register, case.reg_no, "ru"))
    assert f"Категория по решению маслихата: {ru_text}" in ru
    kk = pdf_text(render("notification", register, case.reg_no, "kk"))
    assert f"Мәслихат шешімі бойынша санат: {kk_text}" in kk
    if category != ru_text:
        assert kk_text not in ru and category not in ru


def _catalogue_before_the_lists():
    """The catalogue as it was before this change: S5 category typed text, persons without relation lists."""
    raw = copy.deepcopy(load_catalogue().raw)
    for service in raw["service"]:
        for field in service.get("fields", []):
            if field["name"] == "category":
                field["type"] = "text"
                field.pop("options")
                field.pop("free_text")
            for key in ("relations", "relation_free_text"):
                field.pop(key, None)
    return catalogue_from_dict(raw)


def test_an_old_case_with_free_text_still_prints_as_typed(tmp_path, monkeypatch):
    path = tmp_path / "old.sqlite3"
    old = _catalogue_before_the_lists()
    reg = Register.open(path, create=True, catalogue=old)
    reg.initialise(3, "admin-pass")
    admin = reg.user("admin")
    people = {name: reg.create_user(admin, name, full, roles, name + "-pw") for name, full, roles in (
        ("clerk", "Асқарова Гүлнар", ["clerk"]), ("head", "Серікбаев Нұрлан", ["head"]),
        ("executor1", "Оспанова Айгүл", ["executor"]))}
    s5 = signed_case(reg, people, "S5")  # category typed: «Көп балалы аналар»
    s6 = signed_case(reg, people, "S6", serial=2, result={
        "quarter": "2026-Q1", "family_members": [{"full_name": "Ахметова Сәуле", "relation": "жұбайы"},
                                                 {"full_name": "Ахметов Нұр", "relation": "son_in_law"}]})
    reg.close()

    reg = Register.open(path)  # today's catalogue, with the lists
    try:
        assert reg.catalogue.version != old.version
        assert reg.case(s5.reg_no).catalogue_version == old.version
        ru = pdf_text(render("notification", reg, s5.reg_no, "ru"))
        assert "Категория по решению маслихата: Көп балалы аналар" in ru
        ru = pdf_text(render("certificate", reg, s6.reg_no, "ru"))
        assert "Ахметова Сәуле жұбайы" in ru and "Ахметов Нұр son_in_law" in ru
        # a new case in the same register stores the id and prints the Russian title
        monkeypatch.setitem(docs_cases.INTAKE_FIELDS, "S5", {"category": "large_families"})
        new = signed_case(reg, people, "S5", serial=3)
        assert new.catalogue_version == reg.catalogue.version
        ru = pdf_text(render("notification", reg, new.reg_no, "ru"))
        assert "Категория по решению маслихата: Многодетные матери" in ru
    finally:
        reg.close()
