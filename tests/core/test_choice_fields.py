"""Choice fields of the catalogue: S5 maslikhat category and the relation of S6 family members / S7 children.

The core keeps an option id as it is, keeps typed words where the catalogue allows free text, and refuses
anything else with a message in Kazakh and Russian that names the field. Printing turns an id (or an option's
title) into the title in the document's language and leaves any other stored text as it was typed."""
from __future__ import annotations

import copy

import pytest

from core_flows import CAT, CLERK, T0, applicant, service
from desktop.core import workflow
from desktop.core.catalogue import catalogue_from_dict, option_label
from desktop.core.errors import CatalogueError, ValidationError

pytestmark = pytest.mark.core


def _s6(*relations):
    return {"quarter": "2026-Q1",
            "family_members": [{"full_name": "Ахметова Сәуле", "relation": r} for r in relations]}


def _refused(code: str, phase: str, raw: dict) -> ValidationError:
    with pytest.raises(ValidationError) as err:
        workflow.validate_fields(service(code), phase, raw, today=T0.date())
    kk, ru = err.value.message("kk"), err.value.message("ru")
    assert kk and ru and kk != ru and "{" not in kk + ru
    return err.value


# ---------------------------------------------------------------- the catalogue


def test_catalogue_offers_the_lists_with_both_languages():
    category = service("S5").fields[0]
    assert category.type == "choice" and category.free_text and category.required
    ids = [o.id for o in category.options]
    for wanted in ("large_families", "war_veterans", "war_veterans_equivalent", "lonely_pensioners",
                   "disabled_children_families", "low_income", "difficult_situation", "chernobyl"):
        assert wanted in ids
    assert all(o.title_kk and o.title_ru and o.title_kk != o.title_ru for o in category.options)
    members = next(f for f in service("S6").fields if f.name == "family_members")
    assert [(r.id, r.title_kk, r.title_ru) for r in members.relations][:3] == [
        ("son", "ұлы", "сын"), ("daughter", "қызы", "дочь"), ("spouse", "жұбайы", "супруг(а)")]
    assert {"mother", "father", "other"} <= {r.id for r in members.relations} and members.relation_free_text
    children = service("S7").fields[0]
    assert {"son", "daughter"} <= {r.id for r in children.relations}
    assert service("S4").fields[0].free_text is False  # the active forms stay a closed list


@pytest.mark.parametrize("change,where", [
    (lambda f: f.update(relations=[{"id": "son", "title_kk": "ұлы", "title_ru": "сын"}]), "relations"),
    (lambda f: f.update(free_text="yes"), "free_text"),
])
def test_catalogue_refuses_misplaced_choice_keys(change, where):
    raw = copy.deepcopy(CAT.raw)
    s5 = next(s for s in raw["service"] if s["code"] == "S5")
    change(s5["fields"][0])
    with pytest.raises(CatalogueError) as err:
        catalogue_from_dict(raw)
    assert "S5" in err.value.message("en") and where in err.value.message("en")


def test_catalogue_refuses_duplicate_relation_ids():
    raw = copy.deepcopy(CAT.raw)
    s6 = next(s for s in raw["service"] if s["code"] == "S6")
    s6["fields"][1]["relations"].append({"id": "son", "title_kk": "ұлы", "title_ru": "сын"})
    with pytest.raises(CatalogueError, match="duplicate"):
        catalogue_from_dict(raw)


# ---------------------------------------------------------------- the core's validation


def test_option_ids_are_kept():
    assert workflow.validate_fields(service("S5"), "intake", {"category": "chernobyl"}) == {"category": "chernobyl"}
    out = workflow.validate_fields(service("S6"), "result", _s6("spouse", "son", "other"), today=T0.date())
    assert [p["relation"] for p in out["family_members"]] == ["spouse", "son", "other"]
    out = workflow.validate_fields(service("S7"), "intake",
                                   {"children": [{"full_name": "Ахметова Дана", "relation": "daughter"}]})
    assert out["children"][0]["relation"] == "daughter"


def test_typed_words_are_kept_as_typed_where_the_catalogue_allows_them():
    out = workflow.validate_fields(service("S5"), "intake", {"category": "  Бұрынғы   әскери қызметшілер "})
    assert out == {"category": "Бұрынғы әскери қызметшілер"}
    # an office's old habit: the Kazakh word instead of the id is kept as typed (and prints by its title)
    out = workflow.validate_fields(service("S6"), "result", _s6("жұбайы", "немересі (7 жас)"), today=T0.date())
    assert [p["relation"] for p in out["family_members"]] == ["жұбайы", "немересі (7 жас)"]
    # no relation at all is still allowed
    out = workflow.validate_fields(service("S6"), "result", _s6(None, ""), today=T0.date())
    assert all("relation" not in p for p in out["family_members"])


@pytest.mark.parametrize("value", ["large_family", "low_income_x", "???", "12345", "<b>Көп</b>", "x" * 121,
                                   42, ["large_families"], {"id": "large_families"}, True])
def test_category_junk_is_refused(value):
    err = _refused("S5", "intake", {"category": value})
    assert err.code == "not_an_option_text" and err.field == "category"
    assert "Категория по решению маслихата" in err.message("ru")
    assert "Мәслихат шешімі бойынша санат" in err.message("kk")


@pytest.mark.parametrize("value", ["astronaut", "Қоғамдық жұмыстар", "public works", 1])
def test_a_closed_list_takes_only_its_ids(value):
    err = _refused("S4", "intake", {"employment_form": value})
    assert err.code == "not_an_option" and err.field == "employment_form"
    assert "Активная форма" in err.message("ru") and "Белсенді форма" in err.message("kk")


@pytest.mark.parametrize("value", ["grand_son", "!!!", 7, ["son"], "2"])
def test_relation_junk_is_refused_naming_the_list(value):
    err = _refused("S6", "result", _s6("spouse", value))
    assert err.code == "not_a_relation_text" and err.field == "family_members"
    assert "Члены семьи" in err.message("ru") and "степени родства" in err.message("ru")
    assert "Отбасы мүшелері" in err.message("kk") and "туыстық" in err.message("kk")


def test_a_closed_relation_list_refuses_typed_words():
    raw = copy.deepcopy(CAT.raw)
    s7 = next(s for s in raw["service"] if s["code"] == "S7")
    s7["fields"][0]["relation_free_text"] = False
    strict = catalogue_from_dict(raw).service("S7")
    with pytest.raises(ValidationError) as err:
        workflow.validate_fields(strict, "intake", {"children": [{"full_name": "Ахметова Дана", "relation": "қызы"}]})
    assert err.value.code == "not_a_relation" and "«қызы»" in err.value.message("ru")


def test_register_refuses_junk_before_it_makes_a_case():
    with pytest.raises(ValidationError) as err:
        workflow.register(service=service("S5"), actor=CLERK, applicant=applicant(), fields={"category": "42"},
                          documents=None, reg_no="K032026000001", catalogue_version="v", now=T0)
    assert err.value.field == "category"


def test_a_catalogue_without_relation_lists_keeps_any_relation_text():
    """A case registered under a catalogue from before the lists: its relations were free text, and stay so."""
    raw = copy.deepcopy(CAT.raw)
    s6 = next(s for s in raw["service"] if s["code"] == "S6")
    for key in ("relations", "relation_free_text"):
        s6["fields"][1].pop(key)
    old = catalogue_from_dict(raw).service("S6")
    out = workflow.validate_fields(old, "result", _s6("grand_son", "қызы"), today=T0.date())
    assert [p["relation"] for p in out["family_members"]] == ["grand_son", "қызы"]


# ---------------------------------------------------------------- how a stored value prints


def test_labels_in_each_language_and_typed_text_as_typed():
    category = service("S5").fields[0]
    assert category.label("large_families", "ru") == "Многодетные матери"
    assert category.label("large_families", "kk") == "Көп балалы аналар"
    assert category.label("Көп балалы аналар", "ru") == "Многодетные матери"  # a title typed before the list
    assert category.label(" көп  БАЛАЛЫ аналар", "ru") == "Многодетные матери"
    assert category.label("Бұрынғы әскери қызметшілер", "ru") == "Бұрынғы әскери қызметшілер"
    assert category.label(None, "ru") == ""
    members = service("S6").fields[1]
    assert [members.relation_label(v, "ru") for v in ("spouse", "қызы", "немересі", "")] == [
        "супруг(а)", "дочь", "немересі", ""]
    assert option_label((), "жұбайы", "ru") == "жұбайы"
