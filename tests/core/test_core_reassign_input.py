"""Issue 10 in the core: the head reassigns a case to another executor (with a reason, audited), and input that
helps — a phone in one stored form, a name within the catalogue's limit, a future date refused with a message,
and a message naming a field in one language only."""
from __future__ import annotations

import copy
import datetime as dt

import pytest

from core_flows import CLERK, EX1, EX2, GHOST, HEAD, T0, act, advance, applicant, new_case, service
from desktop.core import workflow
from desktop.core.catalogue import Limits, catalogue_from_dict, load_catalogue
from desktop.core.errors import CatalogueError, PermissionDenied, ValidationError, WrongStage

pytestmark = pytest.mark.core
H = dt.timedelta(hours=1)


# ---------------------------------------------------------------- reassign

def _with_executor(code: str = "S5"):
    return advance(new_case(code)[0], "with_executor")


def test_the_head_reassigns_a_case_to_another_executor_with_a_reason():
    case = _with_executor()
    assert case.executor_id == EX1.id
    new, event = act(case, HEAD, "reassign", T0 + 2 * H, executor=EX2, reason="Оспанова А. демалыста")
    assert new.executor_id == EX2.id
    # the stage and its clock are untouched: only who holds the case changes
    assert (new.stage, new.stage_since, new.step_due_at, new.due_at) == (case.stage, case.stage_since,
                                                                        case.step_due_at, case.due_at)
    assert (event.action, event.from_stage, event.to_stage) == ("reassign", "with_executor", "with_executor")
    assert event.details == {"reg_no": case.reg_no, "executor_id": EX2.id, "executor": "executor2",
                             "from_executor_id": EX1.id, "reason": "Оспанова А. демалыста"}
    # the new executor can work on it now, the old one cannot
    assert "draft" in workflow.allowed_actions(new, EX2) and "draft" not in workflow.allowed_actions(new, EX1)


def test_a_suspended_case_is_reassigned_and_resumes_with_the_new_executor():
    case = act(_with_executor(), HEAD, "suspend", T0 + H, reason="анықтама күтілуде")[0]
    new, _ = act(case, HEAD, "reassign", T0 + 2 * H, executor=EX2, reason="ауысым")
    assert new.stage == "suspended" and new.executor_id == EX2.id
    resumed, _ = act(new, HEAD, "resume", T0 + 3 * H)
    assert resumed.stage == "with_executor" and resumed.executor_id == EX2.id


@pytest.mark.parametrize("params,code,field", [
    ({"executor": EX1, "reason": "x"}, "same_executor", "executor"),
    ({"executor": GHOST, "reason": "x"}, "not_executor", "executor"),  # switched off
    ({"executor": HEAD, "reason": "x"}, "not_executor", "executor"),  # not an executor
    ({"executor": "executor2", "reason": "x"}, "not_executor", "executor"),  # a name, not an account
    ({"executor": None, "reason": "x"}, "not_executor", "executor"),
    ({"executor": EX2, "reason": "  "}, "required", "reason"),
    ({"executor": EX2}, "required", "reason"),
    ({"executor": EX2, "reason": "ұзақ " * 60}, "too_long", "reason"),
])
def test_a_reassignment_needs_another_active_executor_and_a_reason(params, code, field):
    case = _with_executor()
    frozen = copy.deepcopy(case)
    with pytest.raises(ValidationError) as err:
        act(case, HEAD, "reassign", T0 + 2 * H, **params)
    assert (err.value.code, err.value.field) == (code, field)
    for lang in ("kk", "ru"):
        assert "{" not in err.value.message(lang) and err.value.message(lang) != code
    assert case == frozen


def test_only_the_head_reassigns_and_only_a_case_that_has_an_executor():
    case = _with_executor()
    for actor in (CLERK, EX1, EX2, GHOST):
        with pytest.raises(PermissionDenied):
            act(case, actor, "reassign", T0 + 2 * H, executor=EX2, reason="x")
        assert "reassign" not in workflow.allowed_actions(case, actor)
    assert "reassign" in workflow.allowed_actions(case, HEAD)
    for stage in ("awaiting_resolution", "awaiting_signature", "signed", "delivered"):
        with pytest.raises(WrongStage):
            act(advance(new_case("S5")[0], stage), HEAD, "reassign", T0 + 2 * H, executor=EX2, reason="x")
    # suspended before any resolution: there is no executor to replace; the resolution names one
    waiting = act(new_case("S5")[0], HEAD, "suspend", T0 + H, reason="құжат жоқ")[0]
    with pytest.raises(ValidationError) as err:
        act(waiting, HEAD, "reassign", T0 + 2 * H, executor=EX2, reason="x")
    assert err.value.code == "no_executor_yet"


# ---------------------------------------------------------------- phone, names, dates

@pytest.mark.parametrize("typed", ["+7 701 123 45 67", "87011234567", "+77011234567", "8 (701) 123-45-67",
                                   "7011234567", " 8 701 123 4567 ", "+7(701)1234567"])
def test_a_phone_is_stored_in_one_form(typed):
    assert workflow.normalise_phone(typed) == "+7 701 123 45 67"
    assert workflow.validate_applicant(applicant(phone=typed), today=T0.date()).phone == "+7 701 123 45 67"


@pytest.mark.parametrize("typed", ["звоните", "123456", "+8 701 123 45 67", "8701123456", "870112345678",
                                   "+7 601 123 45 67", "1 701 123 45 67", "+7 701 123 45 6x"])
def test_a_phone_that_is_not_a_kazakh_number_is_refused_with_the_form_shown(typed):
    with pytest.raises(ValidationError) as err:
        workflow.validate_applicant(applicant(phone=typed), today=T0.date())
    assert (err.value.code, err.value.field) == ("bad_phone", "phone")
    assert "+7 701 123 45 67" in err.value.message("kk") and "+7 701 123 45 67" in err.value.message("ru")


def test_an_empty_phone_stays_empty():
    assert workflow.validate_applicant(applicant(phone=""), today=T0.date()).phone == ""


@pytest.mark.parametrize("key", ["surname", "name", "patronymic"])
def test_a_name_longer_than_the_catalogue_limit_is_refused_not_cut(key):
    limit = service("S1").limits.name
    assert limit == Limits().name == 40
    ok = workflow.validate_applicant(applicant(**{key: "А" * limit}), today=T0.date())
    assert getattr(ok, key) == "А" * limit
    with pytest.raises(ValidationError) as err:
        workflow.validate_applicant(applicant(**{key: "А" * (limit + 1)}), today=T0.date(),
                                    limits=service("S1").limits)
    assert (err.value.code, err.value.field) == ("too_long", key)
    assert f"{limit + 1}" in err.value.message("kk") and f"{limit}" in err.value.message("ru")


def test_the_register_action_uses_the_catalogues_limit():
    raw = copy.deepcopy(load_catalogue().raw)
    raw["limits"] = {"name": 10}
    cat = catalogue_from_dict(raw)
    svc = cat.service("S1")
    assert svc.limits.name == 10 and svc.limits.address == Limits().address
    with pytest.raises(ValidationError) as err:
        workflow.register(service=svc, actor=CLERK, applicant=applicant(surname="Нұрмағамбетова"), fields=None,
                          documents=None, reg_no="K1", catalogue_version=cat.version, now=T0)
    assert err.value.code == "too_long" and err.value.field == "surname"
    for bad in ({"name": 0}, {"name": "10"}, {"shoe": 3}, 5):
        raw["limits"] = bad
        with pytest.raises(CatalogueError):
            catalogue_from_dict(raw)
    assert set(Limits.__dataclass_fields__) == {"name", "address", "full_name"}


def test_a_family_members_name_has_its_own_limit():
    svc = service("S7")
    long_name = "Дана " + "А" * svc.limits.full_name
    with pytest.raises(ValidationError) as err:
        workflow.validate_fields(svc, "intake", {"children": [{"full_name": long_name}]}, today=T0.date())
    assert (err.value.code, err.value.field) == ("too_long", "children")


def test_a_delivery_date_in_the_future_is_refused_with_a_message():
    case = advance(new_case("S1")[0], "signed")
    now = T0 + 2 * H
    tomorrow = (now.date() + dt.timedelta(days=1)).isoformat()
    with pytest.raises(ValidationError) as err:
        act(case, EX1, "deliver", now, method="in_person", date=tomorrow)
    assert (err.value.code, err.value.field) == ("date_in_future", "date")
    assert err.value.message("kk").startswith("«Күні»: ") and err.value.message("ru").startswith("«Дата»: ")
    assert tomorrow in err.value.message("ru")
    new, _ = act(case, EX1, "deliver", now, method="in_person", date=now.date().isoformat())
    assert new.data["delivery"]["date"] == now.date().isoformat()


# ---------------------------------------------------------------- one language per message

@pytest.mark.parametrize("over,kk,ru", [
    ({"surname": ""}, "«Тегі»", "«Фамилия»"),
    ({"name": "Ер1ан"}, "«Аты»", "«Имя»"),
    ({"patronymic": "Болат_ұлы"}, "«Әкесінің аты»", "«Отчество»"),
    ({"address": ""}, "«Мекенжайы»", "«Адрес»"),
])
def test_a_message_names_the_field_in_the_interface_language_only(over, kk, ru):
    with pytest.raises(ValidationError) as err:
        workflow.validate_applicant(applicant(**over), today=T0.date())
    assert kk in err.value.message("kk") and ru in err.value.message("ru")
    assert " / " not in err.value.message("kk") and " / " not in err.value.message("ru")
    assert ru not in err.value.message("kk") and kk not in err.value.message("ru")


def test_a_catalogue_fields_message_is_in_one_language():
    with pytest.raises(ValidationError) as err:
        workflow.validate_fields(service("S4"), "intake", {}, today=T0.date())
    f = service("S4").fields_for("intake")[0]
    assert f"«{f.title_kk}»" in err.value.message("kk") and f"«{f.title_ru}»" in err.value.message("ru")
    assert f.title_kk not in err.value.message("ru")
    with pytest.raises(ValidationError) as err:
        act(_with_executor(), HEAD, "reassign", T0 + 2 * H, executor=EX2, reason="")
    assert err.value.message("kk") == "«Себебі» өрісі толтырылмаған."
    assert err.value.message("ru") == "Поле «Причина» не заполнено."
