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
