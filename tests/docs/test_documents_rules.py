"""Which document fits which case, the print log with copy numbers, editable wording, and ``kense print``."""
from __future__ import annotations

import pytest
from docs_cases import new_case, pdf_pages, signed_case

from desktop.cli import main
from desktop.documents import DocumentError, applicable_kinds, render
from desktop.documents.barcodes import code128_modules
from desktop.core.errors import DomainError

pytestmark = pytest.mark.docs


def _prints(register, reg_no):
    return [(e.actor, e.details) for e in register.history(reg_no) if e.action == "print"]


# ---------------------------------------------------------------- wrong kinds


@pytest.mark.parametrize("code, decision, sign, kind, error", [
    ("S6", "approved", False, "certificate", "doc_not_signed"),
    ("S1", "approved", True, "certificate", "doc_wrong_service"),
    ("S4", "approved", False, "referral", "doc_not_signed"),
    ("S5", "approved", True, "referral", "doc_wrong_service"),
    ("S3", "refused", True, "notification", "doc_wrong_decision"),
    ("S2", "approved", True, "refusal", "doc_wrong_decision"),
    ("S4", "approved", True, "notification", "doc_wrong_service"),
    ("S7", "approved", True, "kolkhat", "doc_not_psc"),
    ("S1", "approved", False, "notification", "doc_not_signed"),
])
def test_a_kind_that_does_not_fit_is_refused_and_changes_nothing(register, people, tmp_path, code, decision, sign,
                                                                  kind, error):
    case = signed_case(register, people, code, decision, sign=sign)
    before = register.history(case.reg_no)
    out = tmp_path / "x.pdf"
    with pytest.raises(DocumentError) as info:
        render(kind, register, case.reg_no, "kk", out=out)
    exc = info.value
    assert isinstance(exc, DomainError)
    assert exc.code == error
    kk, ru, en = exc.message("kk"), exc.message("ru"), exc.message("en")
    assert case.reg_no in kk and case.reg_no in ru and case.reg_no in en
    assert len({kk, ru, en}) == 3 and "{" not in kk + ru + en
    assert kind not in applicable_kinds(register, case)
    assert register.history(case.reg_no) == before and not out.exists()


def test_unsigned_case_has_only_intake_papers(register, people):
    case = new_case(register, people, "S6")
    assert applicable_kinds(register, case) == ["receipt", "label", "label-sheet"]
    with pytest.raises(DocumentError) as info:
        render("certificate", register, case.reg_no)
    assert "қол қойғаннан кейін" in info.value.message("kk")
    assert "Резолюцияны күтуде" in info.value.message("kk")        # the stage, in words


def test_delivered_case_still_prints_its_result(register, people):
    case = signed_case(register, people, "S4")
    register.perform(people["executor1"], case.reg_no, "deliver", method="in_person")
    assert "referral" in applicable_kinds(register, register.case(case.reg_no))
    assert case.reg_no in pdf_pages(render("referral", register, case.reg_no))[0].text


def test_unknown_kind_language_and_copies(register, people):
    case = new_case(register, people, "S1")
    for kwargs, code in (({"kind": "passport"}, "doc_unknown_kind"), ({"lang": "en"}, "doc_bad_language"),
                         ({"copies": 0}, "doc_bad_copies"), ({"copies": 10_000}, "doc_bad_copies")):
        args = {"kind": "receipt", "lang": "kk", **kwargs}
        with pytest.raises(DocumentError) as info:
            render(args.pop("kind"), register, case.reg_no, **args)
        assert info.value.code == code
    assert _prints(register, case.reg_no) == []


def test_barcode_content_must_be_printable_ascii():
    assert set(code128_modules("K032026000001")) == {"0", "1"}
    for bad in ("", "К03", "K03\n"):              # a Cyrillic К, an empty value, a control character
        with pytest.raises(DocumentError):
            code128_modules(bad)


# ---------------------------------------------------------------- the print log


def test_every_print_is_logged_with_its_copy_number(register, people):
    case = new_case(register, people, "S5")
    clerk = people["clerk"]
    render("receipt", register, case.reg_no, "kk", actor=clerk)
    render("receipt", register, case.reg_no, "ru", actor=clerk)
    render("label", register, case.reg_no, "kk")
    render("label-sheet", register, case.reg_no, "kk", actor=clerk, copies=5)
    render("label-sheet", register, case.reg_no, "kk", actor=clerk)    # a full sheet: 21 labels
    render("receipt", register, case.reg_no, "kk", log=False)          # a preview that is not a print
    assert _prints(register, case.reg_no) == [
        ("clerk", {"kind": "receipt", "copy": 1, "lang": "kk", "copies": 1}),
        ("clerk", {"kind": "receipt", "copy": 2, "lang": "ru", "copies": 1}),
        (_prints(register, case.reg_no)[2][0], {"kind": "label", "copy": 1, "lang": "kk", "copies": 1}),
        ("clerk", {"kind": "label-sheet", "copy": 1, "lang": "kk", "copies": 5}),
        ("clerk", {"kind": "label-sheet", "copy": 2, "lang": "kk", "copies": 21}),
    ]
    assert _prints(register, case.reg_no)[2][0].startswith("cli:")      # no actor: the OS user, by name
    text = pdf_pages(render("receipt", register, case.reg_no, "kk"))[0].text
    assert "3-басылым" in text                                           # the copy number is on the paper
    assert register.verify().ok                                          # the audit chain still holds


# ---------------------------------------------------------------- wording as data


def test_office_can_override_wording_without_a_release(register, people, tmp_path, monkeypatch):
    local = tmp_path / "templates"
    local.mkdir()
    (local / "receipt.toml").write_text('[kk.forms.tubirtek]\ntitle = "Құжаттар қабылданғаны туралы түбіртек"\n',
                                        encoding="utf-8")
    monkeypatch.setenv("KENSE_TEMPLATES_DIR", str(local))
    case = new_case(register, people, "S1")
    text = pdf_pages(render("receipt", register, case.reg_no, "kk"))[0].text
    assert "Құжаттар қабылданғаны туралы түбіртек" in text
    assert "Тұтынушыға берілетін түбіртек" not in text
    assert "Құжаттарды қабылдаған тұлғаның аты-жөні" in text            # keys not overridden are kept


def test_broken_template_is_a_clear_error(register, people, tmp_path, monkeypatch):
    local = tmp_path / "templates"
    local.mkdir()
    (local / "notification.toml").write_text('[kk.body]\nS1 = "{office} хабарлайды {nonexistent}"\n',
                                             encoding="utf-8")
    monkeypatch.setenv("KENSE_TEMPLATES_DIR", str(local))
    case = signed_case(register, people, "S1")
    with pytest.raises(DocumentError) as info:
        render("notification", register, case.reg_no, "kk")
    assert info.value.code == "doc_template"
    assert "nonexistent" in info.value.message("kk") and "notification.toml" in info.value.message("kk")
    (local / "notification.toml").write_text("[kk\n", encoding="utf-8")
    with pytest.raises(DocumentError):
        render("notification", register, case.reg_no, "kk")
    assert _prints(register, case.reg_no) == []


# ---------------------------------------------------------------- the command line


def test_cli_prints_every_kind_of_a_case(register, people, tmp_path, capsys):
    case = signed_case(register, people, "S4")
    for kind in ("receipt", "referral", "label", "label-sheet"):
        out = tmp_path / f"{kind}.pdf"
        assert main(["print", kind, case.reg_no, "--db", str(register.path), "--lang", "ru", "-o", str(out)]) == 0
        assert case.reg_no in " ".join(p.text for p in pdf_pages(out.read_bytes()))
    assert main(["print", "receipt", case.reg_no.lower(), "--db", str(register.path), "-o",
                 str(tmp_path / "r.pdf"), "--copies", "2"]) == 0
    assert len(pdf_pages((tmp_path / "r.pdf").read_bytes())) == 2
    printed = _prints(register, case.reg_no)
    assert [(d["kind"], d["copy"]) for _, d in printed] == [("receipt", 1), ("referral", 1), ("label", 1),
                                                            ("label-sheet", 1), ("receipt", 2)]
    assert [(d["file"], d["copies"]) for _, d in printed] == [                # the file, by its name only
        ("receipt.pdf", 1), ("referral.pdf", 1), ("label.pdf", 1), ("label-sheet.pdf", 21), ("r.pdf", 2)]
    assert all(actor.startswith("cli:") for actor, _ in printed)


@pytest.mark.parametrize("lang, words", [("kk", "басшы қол қойғаннан кейін"), ("ru", "после подписи")])
def test_cli_wrong_kind_is_a_clear_error_in_the_chosen_language(register, people, tmp_path, capsys, lang, words):
    case = signed_case(register, people, "S6", sign=False)
    out = tmp_path / "c.pdf"
    code = main(["print", "certificate", case.reg_no, "--db", str(register.path), "--lang", lang, "-o", str(out)])
    err = capsys.readouterr().err
    assert code != 0 and words in err and case.reg_no in err
    assert not out.exists() and _prints(register, case.reg_no) == []


def test_cli_unknown_kind_and_case(register, people, tmp_path, capsys):
    case = new_case(register, people, "S1")
    assert main(["print", "passport", case.reg_no, "--db", str(register.path), "-o", str(tmp_path / "a.pdf")]) != 0
    assert "passport" in capsys.readouterr().err
    assert main(["print", "receipt", "K999", "--db", str(register.path), "-o", str(tmp_path / "b.pdf")]) != 0
    assert "K999" in capsys.readouterr().err
    assert main(["print", "receipt", "--db", str(register.path), "-o", str(tmp_path / "c.pdf")]) != 0
    assert "kense print receipt" in capsys.readouterr().err
