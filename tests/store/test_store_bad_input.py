"""Bad input through the store: a clear error in Kazakh and Russian, and nothing written — neither the case, nor
an event, nor a registration number. Also damaged, foreign and too-new database files."""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from desktop.core.errors import DomainError, KenseError, NotFound, PermissionDenied, ValidationError, WrongStage
from desktop.core.model import User
from desktop.store import (DatabaseCorrupt, DatabaseMissing, DatabaseTooNew, Filters, NotInitialised, Register,
                           StoreError)
from both_engines import raw
from store_flows import INTAKE_FIELDS, RESULT_FIELDS, T0, advance, applicant, intake, snapshot
from store_flows import fast_passwords  # noqa: F401  (autouse: cheap password hashes)

pytestmark = pytest.mark.store


def _clear(err: KenseError) -> None:
    for lang in ("kk", "ru"):
        text = err.message(lang)
        assert text.strip() and text != err.code and "{" not in text, (lang, text)
    assert err.message("kk") != err.message("ru")


def _refused_intake(reg: Register, service, app, fields=None, docs=None, error=ValidationError, **kw) -> KenseError:
    before = snapshot(reg.path)
    with pytest.raises(error) as err:
        reg.register_case(reg.user("clerk"), service, app, fields, docs, now=T0, **kw)
    assert snapshot(reg.path) == before
    _clear(err.value)
    return err.value


@pytest.mark.parametrize("over,field", [
    ({"surname": ""}, "surname"), ({"name": "   "}, "name"), ({"surname": "Ахметов1"}, "surname"),
    ({"name": "R2D2"}, "name"), ({"iin": ""}, "iin"), ({"iin": "123456789012"}, "iin"),
    ({"iin": "85010230001X"}, "iin"), ({"iin": "991332300015"}, "iin"), ({"address": ""}, "address"),
    ({"phone": "телефон жоқ"}, "phone"),
])
def test_bad_applicant_writes_nothing(register, people, over, field):
    err = _refused_intake(register, "S1", applicant(**over))
    assert err.field == field


@pytest.mark.parametrize("service", ["S9", "", "s1", None, "ANY"])
def test_unknown_service(register, people, service):
    err = _refused_intake(register, service, applicant())
    assert err.code == "unknown_service"


@pytest.mark.parametrize("code,fields,docs,field", [
    ("S1", None, ["application", "horoscope"], "documents"),
    ("S4", {}, None, "employment_form"),
    ("S4", {"employment_form": "astronaut"}, None, "employment_form"),
    ("S5", {"category": ""}, None, "category"),
    ("S7", None, None, "children"),
    ("S7", {"children": [{"full_name": "Дана1"}]}, None, "children"),
    ("S1", {"quarter": "2026-Q1"}, None, "quarter"),
])
def test_bad_service_data_writes_nothing(register, people, code, fields, docs, field):
    err = _refused_intake(register, code, applicant(), fields, docs)
    assert err.field == field


def test_channel_not_offered(register, people):
    err = _refused_intake(register, "S1", applicant(), channel="psc")
    assert err.code == "channel_not_allowed"


def test_counter_is_not_burnt_by_refusals(register, people):
    for bad in ({"surname": ""}, {"iin": "1"}):
        with pytest.raises(ValidationError):
            register.register_case(people["clerk"], "S1", applicant(**bad), now=T0)
    assert intake(register, "S1").reg_no == "K032026000001"


def _refused_action(reg: Register, actor, key, action, error=ValidationError, **params) -> KenseError:
    before = snapshot(reg.path)
    with pytest.raises(error) as err:
        reg.perform(actor, key, action, now=T0 + dt.timedelta(hours=1), **params)
    assert snapshot(reg.path) == before
    _clear(err.value)
    return err.value


def test_bad_action_input_writes_nothing(register, people):
    ex1, head = people["executor1"], people["head"]
    s6 = advance(register, intake(register, "S6"), "with_executor")
    for quarter in ("2026-Q5", "2026/1", "", "Q1"):
        result = {**RESULT_FIELDS["S6"], "quarter": quarter}
        err = _refused_action(register, ex1, s6.reg_no, "draft", decision="approved", text="x", result=result)
        assert err.field == "quarter"
    err = _refused_action(register, ex1, s6.reg_no, "draft", decision="refused", text="себебі бар", reasons=[])
    assert err.code == "refusal_needs_reason"
    err = _refused_action(register, ex1, s6.reg_no, "draft", decision="refused", text="", reasons=["incomplete"])
    assert err.code == "refusal_needs_reason"
    err = _refused_action(register, ex1, s6.reg_no, "draft", decision="refused", text="x", reasons=["whim"])
    assert err.code == "unknown_reason"
    err = _refused_action(register, ex1, s6.reg_no, "draft", decision="yes")
    assert err.code == "bad_decision"
    _refused_action(register, head, s6.reg_no, "sign", error=WrongStage)
    _refused_action(register, head, s6.reg_no, "suspend", reason="")
    _refused_action(register, head, s6.reg_no, "self_destruct")
    _refused_action(register, head, "K039999000001", "sign", error=NotFound)
    _refused_action(register, head, 12345, "sign", error=NotFound)
    fresh = intake(register, "S1", serial=2)
    for executor in (None, "nobody", 9999, head.id):
        err = _refused_action(register, head, fresh.reg_no, "resolve", executor=executor, resolution="x")
        assert err.code == "not_executor"
    signed = advance(register, intake(register, "S1", serial=3), "signed")
    err = _refused_action(register, ex1, signed.reg_no, "deliver", method="post")
    assert err.code == "post_needs_number"
    err = _refused_action(register, ex1, signed.reg_no, "deliver", method="in_person", date="2026-13-01")
    assert err.code == "bad_date"
    for day, code in (("2026-03-01", "date_out_of_range"), ("2030-01-01", "date_in_future")):  # before, future
        err = _refused_action(register, ex1, signed.reg_no, "deliver", method="in_person", date=day)
        assert err.code == code and day in err.message("ru")


def test_users_and_office_bad_input(register, people):
    admin = people["admin"]
    before = snapshot(register.path)
    for kwargs, code in (({"roles": ["wizard"]}, "unknown_role"), ({"password": "123"}, "weak_password"),
                         ({"username": "clerk"}, "user_exists")):
        args = {"username": "newbie", "full_name": "Жаңа Қызметкер", "roles": ["clerk"], "password": "secret",
                **kwargs}
        with pytest.raises(ValidationError) as err:
            register.create_user(admin, **args)
        assert err.value.code == code
        _clear(err.value)
    with pytest.raises(DomainError) as err:
        register.initialise(5, "another-pass")
    assert err.value.code == "already_initialised"
    _clear(err.value)
    assert snapshot(register.path) == before


def test_uninitialised_register(engine, tmp_path, request):
    """A register created but never initialised (an empty file; an empty database) refuses work calmly."""
    target = request.getfixturevalue("pg_database") if engine == "postgresql" else tmp_path / "empty.sqlite3"
    with Register.open(target, create=True) as reg:
        for number, password in ((0, "admin-pass"), (20, "admin-pass"), (3, "")):
            with pytest.raises(ValidationError) as err:
                reg.initialise(number, password)
            _clear(err.value)
        with pytest.raises(NotInitialised) as err:
            reg.register_case(User(1, "clerk", "Clerk", frozenset({"clerk"})), "S1", applicant(), now=T0)
        _clear(err.value)
        assert reg.count() == 0 and reg.office_number is None


# ---------------------------------------------------------------- damaged, foreign and too-new files
# These are about a SQLite FILE itself (its bytes damaged, someone else's SQLite file, PRAGMA user_version, a
# missing file): SQLite only. A PostgreSQL server keeps its own pages; its twins are the too-new schema number in
# ``meta`` and the uninitialised database above.

def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def closed_register(tmp_path) -> Path:
    path = tmp_path / "real.sqlite3"
    with Register.open(path, create=True) as reg:
        admin = reg.initialise(3, "admin-pass", now=T0)
        clerk = reg.create_user(admin, "clerk", "Асқарова Гүлнар", ["clerk"], "clerk")
        for i in range(1, 90):  # long addresses (within the catalogue's 200 characters) fill the file
            reg.register_case(clerk, "S7", applicant(i, address="Бақанас ауылы " + "ұзын мекенжай " * 13),
                              INTAKE_FIELDS["S7"], None, now=T0)
    return path


def _open_fails(path: Path, error: type[KenseError], **kw) -> KenseError:
    before = _digest(path)
    with pytest.raises(error) as err:
        Register.open(path, **kw)
    _clear(err.value)
    assert _digest(path) == before
    return err.value


def test_random_bytes(tmp_path):
    """SQLite only: a file of random bytes."""
    path = tmp_path / "random.sqlite3"
    path.write_bytes(os.urandom(64 * 1024))
    _open_fails(path, DatabaseCorrupt)
    _open_fails(path, DatabaseCorrupt, create=True)
    _open_fails(path, DatabaseCorrupt, check=False)


def test_text_file(tmp_path):
    """SQLite only: a text file where the register file should be."""
    path = tmp_path / "notes.sqlite3"
    path.write_text("Бұл дерекқор емес.\n" * 200, encoding="utf-8")
    _open_fails(path, DatabaseCorrupt)


def test_truncated_register(closed_register):
    """SQLite only: the file cut in half (a copy interrupted)."""
    data = closed_register.read_bytes()
    assert len(data) > 64 * 1024
    closed_register.write_bytes(data[: len(data) // 2])
    err = _open_fails(closed_register, DatabaseCorrupt)
    assert err.params["detail"]
    # verify on a damaged file is a clear error too, never a sqlite3 exception
    with pytest.raises(StoreError):
        with Register.open(closed_register, check=False) as reg:
            reg.verify()


def test_damaged_page_in_the_middle(closed_register):
    """SQLite only: random bytes over two pages of the file."""
    data = bytearray(closed_register.read_bytes())
    page = 4096
    data[3 * page: 5 * page] = os.urandom(2 * page)
    closed_register.write_bytes(bytes(data))
    with pytest.raises(StoreError) as err:
        with Register.open(closed_register) as reg:
            reg.verify()
    _clear(err.value)


def test_too_new_database(closed_register):
    """SQLite only: the schema number of a file is its PRAGMA user_version (the server's twin is below)."""
    conn = sqlite3.connect(closed_register)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    err = _open_fails(closed_register, DatabaseTooNew)
    assert err.params["found"] == 99
    assert "99" in err.message("kk") and "99" in err.message("ru")
    conn = sqlite3.connect(closed_register)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 99
    conn.close()


def test_missing_file(tmp_path):
    """SQLite only: a path with no file is never created by opening it."""
    with pytest.raises(DatabaseMissing) as err:
        Register.open(tmp_path / "nowhere.sqlite3")
    _clear(err.value)
    assert not (tmp_path / "nowhere.sqlite3").exists()


def test_foreign_sqlite_file_is_not_adopted(tmp_path):
    """Someone else's SQLite database (user_version 0, its own tables) is refused, not filled with Kense tables.
    SQLite only: on a server the register lives in its own schema ``kense`` beside whatever else is there."""
    path = tmp_path / "accounting.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    conn.execute("INSERT INTO invoices(total) VALUES (12.5)")
    conn.commit()
    conn.close()
    _open_fails(path, DatabaseCorrupt)
    conn = sqlite3.connect(path)
    assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")] == ["invoices"]
    conn.close()


# ---------------------------------------------------------------- characters no register keeps

@pytest.mark.parametrize("junk", ["\x00", "\x1b", "\ud800"], ids=["NUL", "ESC", "lone-surrogate"])
def test_control_characters_are_refused_calmly_and_write_nothing(register, people, junk):
    """PostgreSQL cannot store a NUL in text at all (and SQLite would keep one in the file); neither engine can
    encode a lone surrogate. Pasted or scanned junk like that, anywhere in what a desk sends, is a calm
    ValidationError in Kazakh and Russian naming the character, and nothing is written — nor does a search or a
    sign-in with it fail with a database error."""
    admin, clerk, head, ex1 = people["admin"], people["clerk"], people["head"], people["executor1"]
    case = advance(register, intake(register, "S1"), "with_executor")
    point = f"U+{ord(junk):04X}"
    clerk_intake = (lambda **over: lambda: register.register_case(clerk, "S1", applicant(2, **over), None, None,
                                                                  now=T0))
    attempts = {
        "surname": clerk_intake(surname=f"Ахм{junk}етов"), "address": clerk_intake(address=f"Бақанас{junk}"),
        "phone": clerk_intake(phone=f"+7 701 {junk}555 44 33"), "patronymic": clerk_intake(patronymic=f"Ұлы{junk}"),
        "children": lambda: register.register_case(clerk, "S7", applicant(3), {"children": [{"full_name":
                                                   f"Ахметова {junk}Дана"}]}, None, now=T0),
        "category": lambda: register.register_case(clerk, "S5", applicant(3), {"category": f"Басқа{junk}"}, None,
                                                   now=T0),
        "documents": lambda: register.register_case(clerk, "S1", applicant(3), None, ["application", junk], now=T0),
        "reason": lambda: register.perform(head, case.reg_no, "suspend", now=T0 + dt.timedelta(hours=1),
                                           reason=f"құжат{junk} күтілуде"),
        "text": lambda: register.perform(ex1, case.reg_no, "draft", now=T0 + dt.timedelta(hours=1),
                                         decision="approved", text=f"Қанағаттандырылсын{junk}", result={}),
        "full_name": lambda: register.create_user(admin, "newbie", f"Жаңа{junk} Қызметкер", ["clerk"], "secret1"),
        "username": lambda: register.create_user(admin, f"new{junk}bie", "Жаңа Қызметкер", ["clerk"], "secret1"),
        "password": lambda: register.create_user(admin, "newbie", "Жаңа Қызметкер", ["clerk"], f"secret{junk}123"),
        "new_name": lambda: register.update_user(admin, clerk.id, full_name=f"Асқарова{junk}"),
        "note": lambda: register.set_calendar_override(admin, dt.date(2026, 3, 16), "holiday", f"аудан{junk} күні"),
        "search": lambda: register.find(Filters(name_prefix=f"Ахм{junk}")),
        "case_key": lambda: register.case(f"K0320{junk}26000001"),
        "user_key": lambda: register.user(f"cl{junk}erk"),
    }
    for name, attempt in attempts.items():
        before = snapshot(register.path)
        with pytest.raises(ValidationError) as err:
            attempt()
        assert err.value.code == "control_character", (name, err.value.code)
        assert point in err.value.message("kk") and point in err.value.message("ru")
        _clear(err.value)
        assert snapshot(register.path) == before, name
    # a password with junk in it is never "the password up to the junk" (libpq would cut it at a NUL)
    for password in (f"clerk-pw{junk}", f"clerk-pw{junk}anything"):
        with pytest.raises(PermissionDenied):
            register.authenticate("clerk", password)
    with pytest.raises(PermissionDenied):
        register.authenticate(f"clerk{junk}", "clerk-pw")
    # and the register goes on as before: the next number, the chain whole
    assert intake(register, "S1", serial=9).reg_no == "K032026000002"
    assert register.verify().ok


def test_too_new_register_on_the_server(pg_database):
    """PostgreSQL's twin of test_too_new_database: the schema number is ``meta.schema_version``; a database written
    by a newer Kense is refused calmly and left as it was."""
    with Register.open(pg_database, create=True) as reg:
        reg.initialise(3, "admin-pass", now=T0)
    with raw(pg_database, write=True) as db, db.insider():  # as a newer Kense's migration would have left it
        db.execute("UPDATE meta SET value='99' WHERE key='schema_version'")
    before = snapshot(pg_database)
    with pytest.raises(DatabaseTooNew) as err:
        Register.open(pg_database)
    _clear(err.value)
    assert err.value.params["found"] == 99 and "99" in err.value.message("kk") and "99" in err.value.message("ru")
    assert snapshot(pg_database) == before
