"""The command line refuses what would damage a real register: demo cases in it, a backup over itself."""
from __future__ import annotations

import pytest

from desktop.cli import main
from desktop.store import Register

pytestmark = pytest.mark.store


def test_demo_refuses_a_real_register(tmp_path, capsys):
    db = tmp_path / "office.sqlite3"
    assert main(["init", "--db", str(db), "--office", "5", "--admin-password", "secret1"]) == 0
    capsys.readouterr()
    assert main(["demo", "--db", str(db), "--cases", "10"]) == 2
    assert "демо емес" in capsys.readouterr().err
    with Register.open(db) as reg:
        assert reg.count() == 0 and [u.username for u in reg.users()] == ["admin"] and not reg.is_demo


def test_demo_register_takes_more_demo_cases(tmp_path, capsys):
    db = tmp_path / "demo.sqlite3"
    assert main(["demo", "--db", str(db), "--cases", "30"]) == 0
    assert main(["demo", "--db", str(db), "--cases", "20"]) == 0
    with Register.open(db) as reg:
        assert reg.is_demo and reg.count() == 50


def test_backup_refuses_to_overwrite_the_register(tmp_path, capsys):
    db = tmp_path / "office.sqlite3"
    assert main(["init", "--db", str(db), "--office", "5", "--admin-password", "secret1"]) == 0
    before = db.read_bytes()
    assert main(["--lang", "ru", "backup", "--db", str(db), "-o", str(db)]) == 2
    assert "Копию нельзя записать" in capsys.readouterr().err
    assert main(["verify", "--db", str(db)]) == 0
    assert len(db.read_bytes()) == len(before)


@pytest.mark.parametrize("argv,needle", [
    (["--iin", "123"], "12 цифр"), (["--iin", "910804403082"], "бақылау"), (["--limit", "0"], "--limit"),
    (["--from", "2026-03-01", "--to", "2026-02-01"], "Кезең"),
])
def test_find_refuses_bad_filters(tmp_path, capsys, argv, needle):
    db = tmp_path / "office.sqlite3"
    assert main(["init", "--db", str(db), "--office", "5", "--admin-password", "secret1"]) == 0
    capsys.readouterr()
    assert main(["find", "--db", str(db), *argv]) == 2
    assert needle in capsys.readouterr().err


def test_find_accepts_lower_case_service(tmp_path, capsys):
    db = tmp_path / "demo.sqlite3"
    assert main(["demo", "--db", str(db), "--cases", "40"]) == 0
    capsys.readouterr()
    assert main(["find", "--db", str(db), "--service", "s7", "--json"]) == 0
