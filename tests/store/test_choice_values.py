"""Choice values through the store: an option id is stored as the id; junk in the S5 category or a family
member's relation is refused with a Kazakh and a Russian message, and nothing is written (no case, no event, no
number used, the draft not saved)."""
from __future__ import annotations

import pytest

from desktop.core.errors import ValidationError
from store_flows import T0, advance, applicant, documents, intake, snapshot
from store_flows import fast_passwords  # noqa: F401  (autouse: cheap password hashes)

pytestmark = pytest.mark.store


def test_category_id_is_stored(register, people):
    case = register.register_case(people["clerk"], "S5", applicant(), {"category": "lonely_pensioners"},
                                  documents(register, "S5"), now=T0)
    assert register.case(case.reg_no).data["fields"] == {"category": "lonely_pensioners"}


@pytest.mark.parametrize("value", ["lonely_pensioner", "???", 12, ["low_income"]])
def test_category_junk_writes_nothing(register, people, value):
    intake(register, "S1")  # a register with a case and events already in it
    before = snapshot(register.path)
    with pytest.raises(ValidationError) as err:
        register.register_case(people["clerk"], "S5", applicant(2), {"category": value},
                               documents(register, "S5"), now=T0)
    assert snapshot(register.path) == before
    assert err.value.field == "category"
    assert "Категория по решению маслихата" in err.value.message("ru")
    assert "Мәслихат шешімі бойынша санат" in err.value.message("kk")
    # the refused intake used no number: the next case takes the one after the first
    assert intake(register, "S5", 3).reg_no.endswith("000002")


def test_relation_id_stored_and_junk_leaves_the_draft_unsaved(register, people):
    case = advance(register, intake(register, "S6"), "with_executor")
    before = snapshot(register.path)
    result = {"quarter": "2026-Q1", "family_members": [{"full_name": "Ахметова Сәуле", "relation": "spouse"},
                                                       {"full_name": "Ахметов Нұр", "relation": "son_in_law"}]}
    with pytest.raises(ValidationError) as err:
        register.perform(people["executor1"], case.reg_no, "draft", decision="approved", text="", result=result,
                         now=T0.replace(hour=12))
    assert snapshot(register.path) == before
    assert err.value.code == "not_a_relation_text" and err.value.field == "family_members"
    assert "son_in_law" in err.value.message("ru") and "Члены семьи" in err.value.message("ru")

    result["family_members"][1]["relation"] = "son"
    drafted = register.perform(people["executor1"], case.reg_no, "draft", decision="approved", text="",
                               result=result, now=T0.replace(hour=12))
    assert [p["relation"] for p in drafted.data["result"]["family_members"]] == ["spouse", "son"]
    assert register.case(case.reg_no).stage == "awaiting_signature"
