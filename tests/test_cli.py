"""The ``kense`` command line: a stable interface that scripts and later issues rely on."""
from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop import cli
from desktop.core.catalogue import load_catalogue
from desktop.core.iin import make_iin
from desktop.store import Register
from desktop.store import passwords as store_passwords

pytestmark = pytest.mark.store
REPO = Path(__file__).resolve().parents[1]
# The regulation's step tables, extracted from shared/spec/regulation-349-reference.json (kept in the repo so the
# test does not depend on where the spec folder sits).
REFERENCE = Path(__file__).parent / "data" / "regulation_steps.json"
ACTOR_NAMES = {"office_clerk": "clerk", "responsible_executor": "executor", "head": "head"}
FIND_KEYS = {"reg_no", "service", "stage", "decision", "iin", "applicant", "registered_at", "due_at", "overdue"}


def _person(serial: int, surname: str = "Ахметов", name: str = "Ерлан", born=dt.date(1985, 1, 2)) -> dict:
    return {"surname": surname, "name": name, "patronymic": "", "iin": make_iin(born, "M", serial),
            "address": "Бақанас ауылы"}


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _init(capsys, path: Path) -> None:
    code, out, err = run(capsys, "init", "--db", str(path), "--office", "3", "--admin-password", "admin-pass")
    assert code == 0 and err == "" and "admin" in out


@pytest.fixture
def office(tmp_path, capsys, monkeypatch) -> Path:
    """An office made by ``kense init``, with staff and a handful of cases in known states."""
    path = tmp_path / "office.sqlite3"
    _init(capsys, path)
    real = store_passwords.hash_password  # the staff below: few PBKDF2 rounds, it is not what is tested here
    monkeypatch.setattr(store_passwords, "hash_password", lambda password, iterations=1000: real(password, iterations))
    now = dt.datetime.now().replace(microsecond=0)
    with Register.open(path) as reg:
        admin = reg.user("admin")
        clerk = reg.create_user(admin, "clerk", "Асқарова Гүлнар", ["clerk"], "clerk")
        head = reg.create_user(admin, "head", "Серікбаев Нұрлан", ["head"], "head")
        ex = reg.create_user(admin, "executor1", "Оспанова Айгүл", ["executor"], "executor1")
        old = dt.datetime(2025, 6, 2, 10, 0)  # long overdue unless closed
        reg.register_case(clerk, "S1", _person(1), None, None, now=old)
        s4 = reg.register_case(clerk, "S4", _person(2, "Бекова", "Сәуле"), {"employment_form": "training"}, None,
                               now=old)
        reg.perform(head, s4.reg_no, "resolve", now=old, executor=ex.id, resolution="x")
        s6 = reg.register_case(clerk, "S6", _person(3, "Ахметжанов", "Нұрлан"), None, None, now=old)
        reg.perform(clerk, s6.reg_no, "withdraw", now=old, reason="кері алды")
        reg.register_case(clerk, "S1", _person(4, "Ахметова", "Дана"), None, None, now=now)  # on time
        reg.register_case(clerk, "S5", _person(5, "Омаров", "Ғани"), {"category": "Көп балалы"}, None, now=now)
    return path


def _find(capsys, path: Path, *args: str) -> list[dict]:
    code, out, err = run(capsys, "find", "--db", str(path), "--json", *args)
    assert code == 0, err
    rows = json.loads(out)
    for row in rows:
        assert FIND_KEYS <= set(row)
    return rows


def test_init(tmp_path, capsys):
    path = tmp_path / "new" / "office.sqlite3"
    _init(capsys, path)
    with Register.open(path) as reg:
        assert reg.office_number == 3 and reg.authenticate("admin", "admin-pass").has("admin")
        assert reg.verify().ok and reg.office()["name_kk"]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_init_twice_and_bad_office(tmp_path, capsys, lang):
    path = tmp_path / "office.sqlite3"
    _init(capsys, path)
    before = path.read_bytes()
    code, out, err = run(capsys, "--lang", lang, "init", "--db", str(path), "--office", "4",
                         "--admin-password", "another")
    assert code != 0 and out == "" and err.startswith("kense: ") and len(err) > 20
    assert ("бұрын" in err) if lang == "kk" else ("уже" in err)
    code, _, err = run(capsys, "--lang", lang, "init", "--db", str(tmp_path / "b.sqlite3"), "--office", "99",
                       "--admin-password", "admin-pass")
    assert code != 0 and "99" in err
    assert path.read_bytes() == before


def test_init_without_password_and_without_terminal(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", open(os.devnull))
    code, _, err = run(capsys, "init", "--db", str(tmp_path / "x.sqlite3"), "--office", "3")
    assert code != 0 and "--admin-password" in err


def test_find_every_filter(office, capsys):
    rows = _find(capsys, office)
    assert len(rows) == 5
    assert [r["reg_no"] for r in rows] == sorted((r["reg_no"] for r in rows), reverse=True)  # newest first
    assert {r["service"] for r in _find(capsys, office, "--service", "S1")} == {"S1"}
    assert len(_find(capsys, office, "--service", "S1")) == 2
    with_ex = _find(capsys, office, "--stage", "with_executor")
    assert [(r["service"], r["stage"], r["decision"]) for r in with_ex] == [("S4", "with_executor", None)]
    iin = make_iin(dt.date(1985, 1, 2), "M", 3)
    by_iin = _find(capsys, office, "--iin", iin)
    assert [(r["iin"], r["stage"], r["service"]) for r in by_iin] == [(iin, "withdrawn", "S6")]
    reg_no = by_iin[0]["reg_no"]
    assert [r["reg_no"] for r in _find(capsys, office, "--reg", reg_no.lower())] == [reg_no]
    names = [r["applicant"] for r in _find(capsys, office, "--name", "ахмет")]
    assert sorted(names) == ["Ахметжанов Нұрлан", "Ахметов Ерлан", "Ахметова Дана"]
    assert [r["applicant"] for r in _find(capsys, office, "--name", "Ахметов Е")] == ["Ахметов Ерлан"]
    old = _find(capsys, office, "--from", "2025-06-01", "--to", "2025-06-02")
    assert len(old) == 3 and all(r["registered_at"].startswith("2025-06-02") for r in old)
    assert _find(capsys, office, "--from", "2025-06-03", "--to", "2025-12-31") == []
    overdue = _find(capsys, office, "--overdue")
    assert sorted(r["service"] for r in overdue) == ["S1", "S4"] and all(r["overdue"] for r in overdue)
    assert not any(r["overdue"] for r in rows if r["stage"] == "withdrawn")
    assert len(_find(capsys, office, "--limit", "2")) == 2
    assert _find(capsys, office, "--service", "S1", "--overdue", "--name", "Ахметов") == [
        r for r in overdue if r["service"] == "S1"]
    assert _find(capsys, office, "--service", "S7") == []
    # the plain listing: one line per case and a count
    code, out, _ = run(capsys, "find", "--db", str(office), "--service", "S1")
    assert code == 0 and out.splitlines()[-1].startswith("2 іс көрсетілді") and len(out.splitlines()) == 3


@pytest.mark.parametrize("lang,word", [("kk", "қызмет"), ("ru", "услуг")])
def test_find_bad_input(office, capsys, lang, word):
    code, out, err = run(capsys, "--lang", lang, "find", "--db", str(office), "--service", "S9")
    assert code != 0 and out == "" and "S9" in err and word in err.lower()
    code, _, err = run(capsys, "--lang", lang, "find", "--db", str(office.parent / "missing.sqlite3"))
    assert code != 0 and "missing.sqlite3" in err
    assert not (office.parent / "missing.sqlite3").exists()
    for argv in (["--stage", "lost"], ["--from", "2026-13-01"], ["--limit", "many"]):
        with pytest.raises(SystemExit) as exit_:
            cli.main(["find", "--db", str(office), *argv])
        assert exit_.value.code != 0
        assert capsys.readouterr().err.strip()


def test_catalogue_json_matches_the_regulation(capsys):
    code, out, _ = run(capsys, "catalogue", "--json")
    assert code == 0
    services = json.loads(out)["services"]
    assert [s["code"] for s in services] == ["S1", "S2", "S3", "S4", "S5", "S6", "S7"]
    reference = json.loads(REFERENCE.read_text(encoding="utf-8"))["services"]
    assert [r["id"] for r in reference] == list(range(1, 8))
    for ours, theirs in zip(services, reference):
        got = [(s["actor"], s["duration_value"], s["duration_unit"]) for s in ours["steps"]]
        want = [(ACTOR_NAMES[s["actor"]], s["duration_value"], s["duration_unit"]) for s in theirs["steps"]]
        assert got == want, ours["code"]
    by_code = {s["code"]: s for s in services}
    assert by_code["S4"]["delivery"] == ["in_person"] and by_code["S6"]["delivery"] == ["in_person"]
    assert [c for c, s in by_code.items() if s["head_may_return"]] == ["S5", "S6", "S7"]
    code, out, _ = run(capsys, "catalogue")
    assert code == 0 and "S7" in out


def test_verify(office, capsys):
    code, out, err = run(capsys, "verify", "--db", str(office))
    assert code == 0 and out.startswith("дұрыс:") and err == ""
    conn = sqlite3.connect(office)
    conn.execute("DROP TRIGGER events_no_update")
    conn.execute("UPDATE events SET actor='head' WHERE id=3")
    conn.commit()
    conn.close()
    code, out, err = run(capsys, "verify", "--db", str(office))
    assert code == 1 and "аудит оқиғасы 3:" in err


def test_backup(office, tmp_path, capsys):
    copy = tmp_path / "copies" / "backup.sqlite3"
    copy.parent.mkdir()
    code, out, err = run(capsys, "backup", "--db", str(office), "-o", str(copy))
    assert code == 0 and err == "" and str(copy) in out
    with Register.open(copy) as reg:
        assert reg.verify().ok and reg.count() == 5
    assert sorted(p.name for p in copy.parent.iterdir()) == ["backup.sqlite3"]
    code, _, err = run(capsys, "backup", "--db", str(office), "-o", str(tmp_path / "no" / "such" / "dir.sqlite3"))
    assert code != 0 and err.startswith("kense: ")


WRITER = textwrap.dedent('''
    import datetime as dt, sys
    from desktop.core.iin import make_iin
    from desktop.store import Register
    reg = Register.open(sys.argv[1])
    clerk = reg.user("clerk")
    for i in range(100000):
        person = {"surname": "Серікова", "name": "Әсем", "iin": make_iin(dt.date(1990, 5, 5), "F", i),
                  "address": "Бақанас"}
        print(reg.register_case(clerk, "S7", person, {"children": [{"full_name": "Серікова Ару"}]}, None).reg_no,
              flush=True)
''')


def test_backup_while_another_process_writes(office, tmp_path, capsys):
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    writer = subprocess.Popen([sys.executable, str(script), str(office)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, cwd=REPO)
    try:
        seen = [writer.stdout.readline().strip() for _ in range(20)]  # the writer is busy now
        copies = []
        for i in range(3):
            copy = tmp_path / f"hot{i}.sqlite3"
            code, _, err = run(capsys, "backup", "--db", str(office), "-o", str(copy))
            assert code == 0, err
            copies.append(copy)
        assert writer.poll() is None, writer.stderr.read()  # it was writing all along
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.communicate(timeout=30)
    counts = []
    for copy in copies:
        with Register.open(copy) as reg:
            assert reg.verify().ok
            reg_nos = {c.reg_no for c in reg.find(limit=100_000)}
            assert set(seen) <= reg_nos
            counts.append(reg.count())
    assert counts == sorted(counts) and counts[0] > 5 + 20 - 1


def _kense() -> str:
    beside = Path(sys.executable).parent / ("kense.exe" if os.name == "nt" else "kense")
    found = str(beside) if beside.exists() else shutil.which("kense")
    assert found, "the kense entry point is not installed (pip install -e .)"
    return found


def test_installed_entry_point(office, tmp_path):
    env = {**os.environ, "KENSE_HOME": str(tmp_path / "home")}
    done = subprocess.run([_kense(), "catalogue", "--json"], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0
    assert [s["code"] for s in json.loads(done.stdout)["services"]] == ["S1", "S2", "S3", "S4", "S5", "S6", "S7"]
    done = subprocess.run([_kense(), "find", "--db", str(office), "--json", "--service", "S5"], capture_output=True,
                          text=True, env=env, timeout=60)
    assert done.returncode == 0 and [r["applicant"] for r in json.loads(done.stdout)] == ["Омаров Ғани"]
    done = subprocess.run([_kense(), "verify", "--db", str(office)], capture_output=True, text=True, env=env,
                          timeout=60)
    assert done.returncode == 0 and done.stdout.startswith("дұрыс:")
    done = subprocess.run([_kense(), "--lang", "ru", "find", "--db", str(tmp_path / "nope.sqlite3")],
                          capture_output=True, text=True, env=env, timeout=60, stdin=subprocess.DEVNULL)
    assert done.returncode != 0 and "Файл базы не найден" in done.stderr and "Traceback" not in done.stderr


def test_corrupt_and_too_new_files(tmp_path, capsys, office):
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(os.urandom(32 * 1024))
    for command in (["verify"], ["find"], ["backup", "-o", str(tmp_path / "b.sqlite3")]):
        code, _, err = run(capsys, "--lang", "ru", command[0], "--db", str(junk), *command[1:])
        assert code != 0 and "повреждён" in err
    conn = sqlite3.connect(office)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    code, _, err = run(capsys, "verify", "--db", str(office))
    assert code != 0 and "99" in err and "Kense" in err


# ---------------------------------------------------------------- the language of the command line (review fixes)

ARGPARSE_WORDS = {  # argparse's own errors in each language; the English ones must not leak into kk or ru
    "kk": {"invalid": "мәні жарамсыз", "unknown": "белгісіз параметрлер", "required": "параметрлер міндетті",
           "error": "kense find: қате:", "usage": "қолданылуы:"},
    "ru": {"invalid": "недопустимое значение", "unknown": "нераспознанные параметры",
           "required": "не указаны обязательные параметры", "error": "kense find: ошибка:", "usage": "использование:"},
    "en": {"invalid": "invalid choice", "unknown": "unrecognized arguments", "required": "arguments are required",
           "error": "kense find: error:", "usage": "usage:"},
}
ENGLISH_ARGPARSE = ("invalid choice", "unrecognized arguments", "are required", "error:", "usage:")


def _refused(capsys, *argv: str) -> str:
    """argparse refuses ``argv``: exit code 2, nothing on stdout; returns stderr."""
    with pytest.raises(SystemExit) as exit_:
        cli.main(list(argv))
    out, err = capsys.readouterr()
    assert exit_.value.code == 2 and out == ""
    return err


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
@pytest.mark.parametrize("where", ["before", "after"])
def test_argparse_errors_speak_the_users_language(tmp_path, capsys, lang, where):
    import argparse
    import gettext
    db = str(tmp_path / "x.sqlite3")
    given = [] if lang == "kk" and where == "before" else ["--lang", lang]  # kk is the default

    def argv(*args: str) -> list[str]:
        return [*given, *args] if where == "before" else [*args, *given]

    words = ARGPARSE_WORDS[lang]
    err = _refused(capsys, *argv("find", "--db", db, "--stage", "lost"))
    assert words["invalid"] in err and "'lost'" in err and "awaiting_signature" in err and "--stage" in err
    assert words["error"] in err and err.startswith(words["usage"])
    err = _refused(capsys, *argv("find", "--db", db, "--bogus"))
    assert words["unknown"] in err and "--bogus" in err
    err = _refused(capsys, *argv("backup", "--db", db))
    assert words["required"] in err and "-o/--output" in err
    err = _refused(capsys, *argv("find", "--db", db, "--limit", "many"))
    assert "«many»" in err or "“many”" in err
    if lang != "en":
        assert not any(word in err for word in ENGLISH_ARGPARSE)
    assert not (tmp_path / "x.sqlite3").exists()
    # the hook is put back: argparse elsewhere in this process (pytest's own) still speaks English
    assert argparse._ is gettext.gettext and argparse.ngettext is gettext.ngettext


@pytest.mark.parametrize("lang,words", [
    ("kk", {"--cases": "демо-істер саны", "--office": "демо бөлімнің нөмірі", "--seed": "бастапқы мәні",
            "--db": "тізілім файлы", "-h": "осы анықтаманы"}),
    ("ru", {"--cases": "число создаваемых демо-дел", "--office": "номер демо-отдела", "--seed": "генератора",
            "--db": "файл реестра", "-h": "показать эту справку"}),
])
def test_demo_help_describes_every_option(capsys, lang, words):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["demo", "--help", "--lang", lang])
    out, err = capsys.readouterr()
    assert exit_.value.code == 0 and err == ""
    for option, word in words.items():
        assert option in out and word in out, option
    assert "2000" in out and "349" in out  # the defaults
    assert "show this help message" not in out and "options:" not in out


def test_every_option_of_every_command_has_a_help_text():
    import argparse
    parser = cli.build_parser("kk")
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert set(sub.choices) >= {"init", "demo", "find", "catalogue", "verify", "backup", "print"}
    for name, command in [("kense", parser), *sub.choices.items()]:
        for action in command._actions:
            if action is not sub:
                assert action.help and action.help.strip(), (name, action.option_strings or action.dest)
        assert "--lang" in {s for a in command._actions for s in a.option_strings}, name


FIND_JSON_KEYS = {"reg_no", "service", "channel", "stage", "decision", "iin", "applicant", "registered_at", "due_at",
                  "step_due_at", "executor_id", "closed_at", "overdue", "package"}


@pytest.mark.parametrize("lang,stage_words,due,count", [
    ("kk", ("Резолюцияны күтуде", "Орындаушыда", "Кері қайтарылды"), "мерзімі ", "5 іс көрсетілді"),
    ("ru", ("Ожидает резолюции", "У исполнителя", "Отозвано"), "срок ", "показано дел: 5"),
])
def test_find_text_shows_stage_titles_and_a_translated_due(office, capsys, lang, stage_words, due, count):
    code, out, err = run(capsys, "find", "--db", str(office), "--lang", lang)
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert len(lines) == 6 and lines[-1].startswith(count)
    for word in stage_words:
        assert word in out
    for line in lines[:-1]:
        assert due in line and " due " not in line
    for stage in ("awaiting_resolution", "with_executor", "withdrawn"):
        assert stage not in out
    # --json is a contract: canonical identifiers and the same keys whatever the language
    _, kk_json, _ = run(capsys, "find", "--db", str(office), "--json")
    _, lang_json, _ = run(capsys, "find", "--db", str(office), "--json", "--lang", lang)
    rows = json.loads(lang_json)
    assert [set(r) for r in rows] == [FIND_JSON_KEYS] * 5
    assert {r["stage"] for r in rows} == {"awaiting_resolution", "with_executor", "withdrawn"}
    assert json.loads(kk_json) == rows


def test_lang_after_the_command_wins_over_the_one_before(office, capsys):
    code, out, _ = run(capsys, "--lang", "ru", "find", "--db", str(office), "--service", "S1", "--lang", "kk")
    assert code == 0 and out.splitlines()[-1].startswith("2 іс көрсетілді")
    code, out, err = run(capsys, "find", "--db", str(office), "--service", "S9", "--lang", "ru")
    assert code == 2 and out == "" and "Такой услуги нет" in err
    code, out, _ = run(capsys, "verify", "--db", str(office), "--lang", "ru")
    assert code == 0 and out.startswith("в порядке:")
    code, out, _ = run(capsys, "catalogue", "--lang", "ru")
    assert code == 0 and load_catalogue().service("S7").title("ru") in out


def test_find_says_when_more_cases_match_than_shown(office, capsys):
    code, out, _ = run(capsys, "find", "--db", str(office), "--limit", "2")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 4
    assert lines[2].startswith("2 іс көрсетілді") and "Сәйкес істер бұдан көп" in lines[3] and "--limit" in lines[3]
    code, out, _ = run(capsys, "find", "--db", str(office), "--limit", "2", "--lang", "ru")
    assert "Подходящих дел больше" in out
    code, out, _ = run(capsys, "find", "--db", str(office), "--limit", "5")  # exactly all of them: no note
    assert code == 0 and "бұдан көп" not in out and len(out.splitlines()) == 6
    code, out, _ = run(capsys, "find", "--db", str(office), "--limit", "2", "--json")
    assert code == 0 and len(json.loads(out)) == 2  # the whole output is the JSON list, no note


def test_find_with_the_default_limit_says_there_are_more(tmp_path, capsys):
    db = tmp_path / "demo.sqlite3"
    code, _, err = run(capsys, "demo", "--db", str(db), "--cases", "130", "--office", "3")
    assert code == 0, err
    code, out, _ = run(capsys, "find", "--db", str(db))
    lines = out.splitlines()
    assert code == 0 and len(lines) == 102
    assert lines[100].startswith("100 іс көрсетілді") and "алғашқы 100 іс" in lines[101]
    code, out, _ = run(capsys, "find", "--db", str(db), "--json")
    assert len(json.loads(out)) == 100


@pytest.mark.parametrize("lang,words", [("kk", ("Тіркеу нөмірі дұрыс емес", "6 цифрынан")),
                                        ("ru", ("Неверный регистрационный номер", "6 цифр порядкового"))])
def test_find_refuses_a_malformed_registration_number(office, capsys, lang, words):
    for bad in ("K999", "K03202600004", "K0320260000421", "X032026000042", "K03-2026-000042", "42"):
        code, out, err = run(capsys, "find", "--db", str(office), "--reg", bad, "--lang", lang)
        assert code == 2 and out == "", bad
        assert bad in err and all(w in err for w in words) and "K03" in err, err
    code, out, err = run(capsys, "find", "--db", str(office), "--reg", "R032026000001", "--lang", lang)
    assert code == 2 and out == "" and ("реестрдің нөмірі" if lang == "kk" else "номер реестра") in err
    assert "kense print registry R032026000001" in err


def test_find_accepts_a_registration_number_as_people_type_it(office, capsys):
    reg_no = _find(capsys, office, "--service", "S5")[0]["reg_no"]
    for typed in (reg_no, reg_no.lower(), f" {reg_no[:7]} {reg_no[7:]} ", "К" + reg_no[1:]):  # Cyrillic К too
        assert [r["reg_no"] for r in _find(capsys, office, "--reg", typed)] == [reg_no], typed
    assert _find(capsys, office, "--reg", reg_no[:-1] + "9") == []  # well-formed but not there: 0 cases, exit 0


def test_backup_into_a_missing_folder_says_so(office, tmp_path, capsys):
    target = tmp_path / "no" / "such" / "x.sqlite3"
    code, out, err = run(capsys, "backup", "--db", str(office), "-o", str(target))
    assert code == 2 and out == ""
    assert "қалтасы жоқ" in err and str(target.parent) in err and "unable to open" not in err
    code, _, err = run(capsys, "backup", "--db", str(office), "-o", str(target), "--lang", "ru")
    assert code == 2 and "Папки для копии не существует" in err
    assert not (tmp_path / "no").exists()
    code, _, err = run(capsys, "backup", "--db", str(office), "-o", str(tmp_path))
    assert code == 2 and "қалта, файл емес" in err


def test_backup_does_not_overwrite_a_file_without_force(office, tmp_path, capsys):
    target = tmp_path / "keep.sqlite3"
    target.write_bytes(b"an earlier copy, not to be lost")
    code, out, err = run(capsys, "backup", "--db", str(office), "-o", str(target))
    assert code == 2 and out == "" and "бұрыннан бар" in err and "--force" in err and str(target) in err
    code, _, err = run(capsys, "--lang", "ru", "backup", "--db", str(office), "-o", str(target))
    assert code == 2 and "уже существует" in err and "--force" in err
    assert target.read_bytes() == b"an earlier copy, not to be lost"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.sqlite3", "office.sqlite3"]
    code, out, err = run(capsys, "backup", "--db", str(office), "-o", str(target), "--force")
    assert code == 0 and err == "" and str(target) in out
    with Register.open(target) as reg:
        assert reg.verify().ok and reg.count() == 5
    code, _, err = run(capsys, "backup", "--db", str(office), "-o", str(office), "--force")
    assert code == 2 and "өз файлына" in err  # --force never writes over the register itself


@pytest.mark.parametrize("lang,words", [("kk", ("Қызметтер каталогы", "кеңсе қызметкері", "басшы", "минут")),
                                        ("ru", ("Каталог услуг", "сотрудник канцелярии", "руководитель", "мин."))])
def test_catalogue_text_is_in_the_users_language(capsys, lang, words):
    code, out, _ = run(capsys, "catalogue", "--lang", lang)
    assert code == 0 and all(w in out for w in words)
    assert not any(f" {english} " in out for english in ("clerk", "head", "executor", "minutes", "working_days"))
    code, json_out, _ = run(capsys, "catalogue", "--json", "--lang", lang)
    assert json.loads(json_out)["services"][0]["steps"][0]["actor"] == "clerk"  # --json keeps the identifiers
