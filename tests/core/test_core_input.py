"""Bad input in the core: applicant data, service fields, documents. Each error says what is wrong, in kk and ru,
and names the field."""
from __future__ import annotations

import datetime as dt

import pytest

from core_flows import CLERK, INTAKE_FIELDS, RESULT_FIELDS, T0, applicant, new_case, service
from desktop.core import workflow
from desktop.core.errors import ValidationError
from desktop.core.iin import make_iin

pytestmark = pytest.mark.core
_GOOD_IIN = make_iin(dt.date(1985, 1, 2), "M", 1)


def _check(err: ValidationError, code: str, field: str | None) -> None:
    assert err.code == code
    assert err.field == field
    for lang in ("kk", "ru"):
        text = err.message(lang)
        assert text and text != code and "{" not in text


@pytest.mark.parametrize("over,code,field", [
    ({"surname": ""}, "required", "surname"),
    ({"surname": "   "}, "required", "surname"),
    ({"name": None}, "required", "name"),
    ({"surname": "Ахметов2"}, "bad_name", "surname"),
    ({"name": "Ер1ан"}, "bad_name", "name"),
    ({"patronymic": "Болат_ұлы"}, "bad_name", "patronymic"),
    ({"iin": ""}, "iin_empty", "iin"),
    ({"iin": "85010230001"}, "iin_format", "iin"),
    ({"iin": "850102300011a"}, "iin_format", "iin"),
    ({"iin": "850102900012"}, "iin_century", "iin"),
    ({"iin": "851302300012"}, "iin_date", "iin"),
    ({"iin": _GOOD_IIN[:11] + str((int(_GOOD_IIN[11]) + 1) % 10)}, "iin_checksum", "iin"),
    ({"address": ""}, "required", "address"),
    ({"phone": "звоните"}, "bad_phone", "phone"),
])
def test_bad_applicant(over, code, field):
    data = applicant(**over)
    with pytest.raises(ValidationError) as err:
        workflow.validate_applicant(data, today=T0.date())
    _check(err.value, code, field)


def test_good_applicant_is_cleaned():
    person = workflow.validate_applicant(applicant(surname="  Әбілқасымова-Оспан ", name="Гүл’нар",
                                                   patronymic=""), today=T0.date())
    assert person.surname == "Әбілқасымова-Оспан" and person.patronymic == ""
    assert person.initials == "Әбілқасымова-Оспан Г."


@pytest.mark.parametrize("code,phase,raw,err_code,field", [
    ("S4", "intake", {}, "required", "employment_form"),
    ("S4", "intake", {"employment_form": "astronaut"}, "not_an_option", "employment_form"),
    ("S5", "intake", {"category": "  "}, "required", "category"),
    ("S7", "intake", {}, "required", "children"),
    ("S7", "intake", {"children": [{"full_name": "Дана 2"}]}, "bad_name", "children"),
    ("S7", "intake", {"children": "Дана"}, "bad_value", "children"),
    ("S7", "intake", {"children": [{"full_name": "Дана", "iin": "123"}]}, "iin_format", "children"),
    ("S7", "intake", {"children": [{"relation": "қызы"}]}, "required", "children"),
    ("S6", "result", {"quarter": "2026-Q5", "family_members": RESULT_FIELDS["S6"]["family_members"]},
     "bad_value", "quarter"),
    ("S6", "result", {"quarter": "Q1 2026", "family_members": RESULT_FIELDS["S6"]["family_members"]},
     "bad_value", "quarter"),
    ("S6", "result", {"quarter": "2026-Q1"}, "required", "family_members"),
    ("S4", "result", {"institution": "ЖШС"}, "required", "term"),
    ("S1", "intake", {"shoe_size": 42}, "bad_value", "shoe_size"),
])
def test_bad_service_fields(code, phase, raw, err_code, field):
    with pytest.raises(ValidationError) as err:
        workflow.validate_fields(service(code), phase, raw, today=T0.date())
    _check(err.value, err_code, field)


def test_good_quarter_and_fields():
    out = workflow.validate_fields(service("S6"), "result", RESULT_FIELDS["S6"], today=T0.date())
    assert out["quarter"] == "2026-Q1" and out["family_members"][0]["relation"] == "жұбайы"
    out = workflow.validate_fields(service("S7"), "intake", INTAKE_FIELDS["S7"], today=T0.date())
    assert out["children"][0]["iin"] == INTAKE_FIELDS["S7"]["children"][0]["iin"]


def test_unknown_document():
    with pytest.raises(ValidationError) as err:
        workflow.validate_documents(service("S1"), ["application", "passport_of_the_moon"])
    _check(err.value, "bad_value", "documents")
    # duplicates are dropped and the catalogue order kept
    assert workflow.validate_documents(service("S1"), ["identity", "application", "identity"]) == [
        "application", "identity"]


def test_register_refuses_bad_input_and_keeps_the_number_unused():
    with pytest.raises(ValidationError) as err:
        workflow.register(service=service("S4"), actor=CLERK, applicant=applicant(), fields={}, documents=None,
                          reg_no="K032026000001", catalogue_version="v", now=T0)
    _check(err.value, "required", "employment_form")
    case, event = new_case("S1")
    assert event.details["reg_no"] == case.reg_no == "K032026000001"
