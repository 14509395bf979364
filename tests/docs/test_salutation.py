"""The papers address the applicant in the form that fits the applicant's sex, read from the IIN.

Russian: «Уважаемый Ерлан Болатұлы!» / «Уважаемая Айгерім Серікқызы!», «Расписку получил:» / «получила:»; the neutral
«Уважаемый(ая)» only when the sex cannot be told (no or invalid IIN). Kazakh «Құрметті» is the same for both. The
words are data (common.toml, by_sex); an office's old override with the old literal wording still renders.
"""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from docs_cases import T0, new_case, pdf_text, signed_case

from desktop.core.iin import make_iin
from desktop.documents import render
from desktop.documents.context import applicant_sex, build_context
from desktop.documents.letters import notification
from desktop.documents.receipts import receipt

pytestmark = pytest.mark.docs

MALE = {"surname": "Ахметов", "name": "Ерлан", "patronymic": "Болатұлы"}
FEMALE = {"surname": "Ахметова", "name": "Айгерім", "patronymic": "Серікқызы"}


def _person(sex: str, serial: int) -> dict[str, str]:
    names = MALE if sex == "M" else FEMALE
    return {**names, "iin": make_iin(dt.date(1985 if sex == "M" else 1990, 4, 5), sex, serial)}


# What each language and sex must print, and what it must not (written out here, not read from the templates).
EXPECT = {
    ("ru", "M"): {"letter": "Уважаемый Ерлан Болатұлы!", "receipt": "Уважаемый Ахметов Ерлан Болатұлы,",
                  "signed": "Расписку получил:", "never": ("Уважаемая", "Уважаемый(ая)", "получил(а)", "получила")},
    ("ru", "F"): {"letter": "Уважаемая Айгерім Серікқызы!", "receipt": "Уважаемая Ахметова Айгерім Серікқызы,",
                  "signed": "Расписку получила:", "never": ("Уважаемый", "(ая)", "получил(а)", "получил:")},
    ("kk", "M"): {"letter": "Құрметті Ерлан Болатұлы!", "receipt": "Құрметті Ахметов Ерлан Болатұлы,",
                  "signed": "Түбіртекті алдым:", "never": ("Уважаем", "{")},
    ("kk", "F"): {"letter": "Құрметті Айгерім Серікқызы!", "receipt": "Құрметті Ахметова Айгерім Серікқызы,",
                  "signed": "Түбіртекті алдым:", "never": ("Уважаем", "{")},
}


@pytest.mark.parametrize("lang, sex", list(EXPECT), ids=[f"{lang}-{sex}" for lang, sex in EXPECT])
def test_every_paper_addresses_the_applicant_by_sex(register, people, lang, sex):
    want = EXPECT[(lang, sex)]
    approved = signed_case(register, people, "S1", serial=1, **_person(sex, 1))
    refused = signed_case(register, people, "S5", "refused", serial=2, **_person(sex, 2))
    talon = new_case(register, people, "S7", serial=3, **_person(sex, 3))
    psc = new_case(register, people, "S7", serial=4, channel="psc", **_person(sex, 4))
    papers = {
        "notification": pdf_text(render("notification", register, approved.reg_no, lang)),
        "refusal": pdf_text(render("refusal", register, refused.reg_no, lang)),
        "receipt tubirtek": pdf_text(render("receipt", register, approved.reg_no, lang)),
        "receipt talon": pdf_text(render("receipt", register, talon.reg_no, lang)),
        "kolkhat": pdf_text(render("kolkhat", register, psc.reg_no, lang)),
    }
    assert want["letter"] in papers["notification"]
    assert want["letter"] in papers["refusal"]
    for form in ("receipt tubirtek", "receipt talon"):
        assert papers[form].count(want["receipt"]) == 2, form          # both copies of the sheet
        assert want["signed"] in papers[form], form
    if lang == "ru":
        assert "Расписку " + want["signed"].split()[-1] in papers["kolkhat"]
    else:
        assert "Қолхатты алдым:" in papers["kolkhat"]
    for name, text in papers.items():
        for word in want["never"]:
            assert word not in text, f"{lang}/{sex}/{name}: {word!r} printed"


def _without_valid_iin(case, iin: str):
    applicant = dataclasses.replace(case.applicant, iin=iin)
    return dataclasses.replace(case, applicant=applicant)


def _bad_checksum() -> str:
    """A woman's IIN (sex digit 4) with a wrong check digit: the sex digit alone must not be trusted."""
    good = _person("F", 1)["iin"]
    return good[:11] + str((int(good[11]) + 1) % 10)


@pytest.mark.parametrize("iin", ["", "bad-checksum", "12345"])
def test_neutral_form_only_when_the_iin_does_not_tell(register, people, iin):
    """A case without a valid IIN (the store refuses one today; an old or repaired record may have it)."""
    iin = _bad_checksum() if iin == "bad-checksum" else iin
    case = _without_valid_iin(signed_case(register, people, "S1", **_person("F", 1)), iin)
    assert applicant_sex(case.applicant.iin) == "unknown"
    service = register.service_of(case)
    now = T0 + dt.timedelta(days=1)
    letter = pdf_text(notification(build_context(register, case, service, "notification", "ru", 1, now,
                                                 "notification")))
    assert "Уважаемый(ая) Айгерім Серікқызы!" in letter
    slip = pdf_text(receipt(build_context(register, case, service, "receipt", "ru", 1, now, "receipt")))
    assert "Уважаемый(ая) Ахметова Айгерім Серікқызы," in slip and "Расписку получил(а):" in slip
    kk = pdf_text(notification(build_context(register, case, service, "notification", "kk", 1, now,
                                             "notification")))
    assert "Құрметті Айгерім Серікқызы!" in kk


def test_without_patronymic_the_letter_uses_the_full_name(register, people):
    case = signed_case(register, people, "S1", **{**_person("M", 1), "patronymic": ""})
    assert "Уважаемый Ахметов Ерлан!" in pdf_text(render("notification", register, case.reg_no, "ru"))


OLD_OVERRIDES = {
    # what an office may have copied before the salutation followed the sex: the old keys with literal words
    "notification.toml": '[kk]\nsalutation = "Құрметті {applicant}!"\n\n'
                         '[ru]\nsalutation = "Уважаемый(ая) {applicant}!"\n',
    "receipt.toml": '[ru]\nreceived = "Расписку получил(а):"\n\n[ru.forms.tubirtek]\n'
                    'body = "Уважаемый(ая) <b>{applicant}</b>, Ваши документы приняты {date} в {time}, '
                    'номер <b>{reg_no}</b>."\n',
    "common.toml": '[ru]\nhead = "Начальник отдела"\n',     # an old common override without the by_sex table
}


def test_an_old_override_without_the_new_fields_still_renders(register, people, tmp_path, monkeypatch):
    local = tmp_path / "templates"
    local.mkdir()
    for name, text in OLD_OVERRIDES.items():
        (local / name).write_text(text, encoding="utf-8")
    monkeypatch.setenv("KENSE_TEMPLATES_DIR", str(local))
    case = signed_case(register, people, "S1", **_person("F", 1))
    letter = pdf_text(render("notification", register, case.reg_no, "ru"))
    assert "Уважаемый(ая) Ахметова Айгерім Серікқызы!" in letter      # the office's wording, as it was
    assert "Уважаемая" not in letter
    assert "Құрметті Ахметова Айгерім Серікқызы!" in pdf_text(render("notification", register, case.reg_no, "kk"))
    slip = pdf_text(render("receipt", register, case.reg_no, "ru"))
    assert "Уважаемый(ая) Ахметова Айгерім Серікқызы, Ваши документы" in slip and "Расписку получил(а):" in slip
    refusal_case = signed_case(register, people, "S5", "refused", serial=2, **_person("F", 2))
    assert "Уважаемая Айгерім Серікқызы!" in pdf_text(render("refusal", register, refusal_case.reg_no, "ru"))


def test_office_edits_the_words_as_data(register, people, tmp_path, monkeypatch):
    local = tmp_path / "templates"
    local.mkdir()
    (local / "common.toml").write_text(
        '[ru.by_sex]\ndear = { female = "Глубокоуважаемая" }\n'
        'greeting = { male = "Вы, как заявитель,", female = "Вы, как заявительница," }\n', encoding="utf-8")
    (local / "notification.toml").write_text('[ru.body]\nS1 = "{greeting} обеспечены путевкой."\n', encoding="utf-8")
    monkeypatch.setenv("KENSE_TEMPLATES_DIR", str(local))
    woman = signed_case(register, people, "S1", serial=1, **_person("F", 1))
    man = signed_case(register, people, "S1", serial=2, **_person("M", 2))
    her = pdf_text(render("notification", register, woman.reg_no, "ru"))
    his = pdf_text(render("notification", register, man.reg_no, "ru"))
    assert "Глубокоуважаемая Айгерім Серікқызы!" in her and "Вы, как заявительница, обеспечены путевкой." in her
    assert "Уважаемый Ерлан Болатұлы!" in his and "Вы, как заявитель, обеспечены путевкой." in his
