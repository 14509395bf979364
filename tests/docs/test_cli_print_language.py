"""``kense print`` says what it wrote in the user's language (kk by default, ru with --lang before or after the
command), and its help and argparse errors are in that language too."""
from __future__ import annotations

import datetime as dt

import pytest
from docs_cases import T0, new_case, pdf_text

from desktop.cli import main

pytestmark = pytest.mark.docs


def _print(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_print_success_line_is_localised(register, people, tmp_path, capsys):
    case = new_case(register, people, "S1")
    db = str(register.path)
    out = tmp_path / "receipt.pdf"
    code, text, err = _print(capsys, "print", "receipt", case.reg_no, "--db", db, "-o", str(out))
    assert code == 0 and err == ""
    assert text == f"{out}: түбіртек — {case.reg_no} ісі, №1 басылым, {out.stat().st_size} байт\n"
    assert "ТҮБІРТЕК" in pdf_text(out.read_bytes()).upper()
    code, text, _ = _print(capsys, "print", "receipt", case.reg_no, "--db", db, "--lang", "ru", "-o", str(out))
    assert code == 0
    assert text == f"{out}: расписка — дело {case.reg_no}, печать №2, {out.stat().st_size} байт\n"
    code, text, _ = _print(capsys, "--lang", "ru", "print", "label", case.reg_no, "--db", db, "-o", str(out))
    assert code == 0 and text.startswith(f"{out}: этикетка со штрихкодом — дело {case.reg_no}, печать №1, ")
    for english in ("bytes", "print No", " of "):
        assert english not in text


def test_print_registry_line_is_localised(register, people, tmp_path, capsys):
    new_case(register, people, "S7", channel="psc")
    collector = register.create_user(people["admin"], "collector", "Тоқтаров Асқар", ["psc_collector"],
                                     "collector-pw", psc_branch=3)
    registry = register.packages.create_registry(collector, "psc:3", now=T0 + dt.timedelta(hours=6))
    out = tmp_path / "registry.pdf"
    for lang in ("kk", "ru"):
        code, text, err = _print(capsys, "print", "registry", registry.number, "--db", str(register.path),
                                 "--lang", lang, "-o", str(out))
        assert code == 0 and err == "", err
        assert text == f"{out}: реестр {registry.number}, {out.stat().st_size} байт\n"


@pytest.mark.parametrize("lang,words", [("kk", ("қолданылуы:", "параметрлер:", "істің тіркеу нөмірі")),
                                        ("ru", ("использование:", "параметры:", "регистрационный номер дела"))])
def test_print_help_and_errors_are_localised(capsys, lang, words):
    with pytest.raises(SystemExit) as exit_:
        main(["print", "--help", "--lang", lang])
    out = capsys.readouterr().out
    assert exit_.value.code == 0 and all(w in out for w in words) and "show this help" not in out
    with pytest.raises(SystemExit) as exit_:
        main(["print", "receipt", "K032026000001", "--lang", lang, "--copies", "two", "-o", "x.pdf"])
    err = capsys.readouterr().err
    assert exit_.value.code == 2 and "«two»" in err and "invalid int" not in err
    assert ("Бүтін сан керек" if lang == "kk" else "Нужно целое число") in err
