"""Defence in depth on PostgreSQL (issue 9, "Who acts: the database knows"): what the database itself refuses.

The app checks roles, stages and assignments in desktop/core; on a server the same rules are kept again by the
database (desktop/store/schema_pg.py: group roles, narrow GRANTs, triggers, SECURITY DEFINER functions), so a
user who connects with her own credentials using psql can do no more than her role allows in Kense. These tests
log in as each real user over TCP with her password (SCRAM), exactly as psql would, and try.

They also drive every service, the PSC and the akimat channels through the Register API on PostgreSQL, where the
test's superuser session takes each actor's identity (SET LOCAL SESSION AUTHORIZATION), and a day at three desks
each connected as its own user: the legitimate paths all pass under the same checks."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
import pytest
from psycopg import errors as pgerr

from desktop.core.errors import PermissionDenied
from desktop.core.workflow import WITHDRAWABLE
from desktop.store import Register
from desktop.store.schema_pg import SCHEMA
from store_flows import (CODES, RESULT_FIELDS, RETURNABLE, T0, add_staff, advance, applicant, documents, intake,
                         params_for)
from store_flows import fast_passwords  # noqa: F401  (autouse: cheap password hashes)
from kense_testdata import INTAKE_FIELDS

pytestmark = pytest.mark.store
M = dt.timedelta(minutes=1)
STAGES = ("awaiting_receipt", "awaiting_resolution", "with_executor", "awaiting_signature", "signed", "delivered",
          "suspended", "withdrawn")
BAKANAS, AKDALA = 42, 43  # two akimats of department No 3
CHANNEL_STAFF = (("insp3", "Бекова Жанар", ["psc_inspector"], {"psc_branch": 3}),
                 ("coll3", "Тоқтаров Асқар", ["psc_collector"], {"psc_branch": 3}),
                 ("insp5", "Нұрланова Әсем", ["psc_inspector"], {"psc_branch": 5}),
                 ("coll5", "Ержанов Бауыржан", ["psc_collector"], {"psc_branch": 5}),
                 ("akim42", "Тұрсынов Болат", ["akim"], {"akimat_id": BAKANAS}),
                 ("akim43", "Әбенов Серік", ["akim"], {"akimat_id": AKDALA}))


class Office:
    """A register on the test server with the department's staff and the PSC / akimat staff."""

    def __init__(self, server, url: str) -> None:
        self.server = server
        self.dbname = psycopg.conninfo.conninfo_to_dict(url)["dbname"]
        self.reg = Register.open(url, create=True)
        self.admin = self.reg.initialise(3, "admin-pass", now=T0)
        self.staff = add_staff(self.reg, self.admin)
        for username, name, roles, place in CHANNEL_STAFF:
            self.staff[username] = self.reg.create_user(self.admin, username, name, roles, username + "-pw", **place)
        self._open: list[psycopg.Connection] = []

    def user(self, name: str):
        return self.reg.user(name)

    @staticmethod
    def password(name: str) -> str:
        return "admin-pass" if name == "admin" else name + "-pw"

    def url(self, name: str) -> str:
        return self.server.url(self.dbname, user=name, password=self.password(name))

    def psql(self, name: str) -> psycopg.Connection:
        """A raw connection as ``name`` with her own password over TCP: what she could do with psql."""
        conn = psycopg.connect(self.url(name), autocommit=True, options=f"-c search_path={SCHEMA}")
        assert conn.execute("SELECT session_user, current_user").fetchone() == (name, name)
        self._open.append(conn)
        return conn

    def desk(self, name: str) -> Register:
        """Kense at a desk signed in as ``name``: the register opened on her own database session."""
        return Register.open(self.url(name))

    def state(self) -> dict[str, list]:
        """Every row a refused attempt must leave alone, read by the superuser."""
        with psycopg.connect(self.server.url(self.dbname)) as conn:
            conn.execute(f"SET search_path = {SCHEMA}")
            return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall()
                    for t in ("cases", "events", "reg_counters", "meta", "users", "registries", "registry_items",
                              "scans", "calendar_overrides", "catalogue_versions")}

    def close(self) -> None:
        for conn in self._open:
            conn.close()
        self.reg.close()


@pytest.fixture
def office(pg_server, pg_database) -> Iterator[Office]:
    made = Office(pg_server, pg_database)
    yield made
    made.close()


def refused(conn: psycopg.Connection, sql: str, params: tuple = (), *, says: str | None = None) -> str:
    """The statement fails with 'insufficient privilege' (42501) and the transaction is gone."""
    with pytest.raises(pgerr.InsufficientPrivilege) as err:
        conn.execute(sql, params)
    assert conn.info.transaction_status == psycopg.pq.TransactionStatus.IDLE
    text = err.value.diag.message_primary or ""
    if says is not None:
        assert says in text, (sql, text)
    return text


@contextmanager
def transaction(conn: psycopg.Connection) -> Iterator[psycopg.Connection]:
    with conn.transaction():
        yield conn


def case_id(office: Office, reg_no: str) -> int:
    return office.reg.case(reg_no).id


def add_event(conn: psycopg.Connection, case: int, stage_from: str, stage_to: str, action: str = "withdraw") -> None:
    conn.execute("INSERT INTO events(id, case_id, at, actor, action, from_stage, to_stage, details, prev_hash, hash)"
                 " VALUES (0, %s, '2026-03-02 12:00:00', '', %s, %s, %s, '{}', '', '')",
                 (case, action, stage_from, stage_to))


INSERT_CASE = ("INSERT INTO cases(reg_no, service, channel, catalogue_version, stage, iin, surname, name, patronymic,"
               " name_key, address, phone, registered_at, registered_by, due_at, stage_since, data) VALUES ({reg_no},"
               " {service}, {channel}, %s, {stage}, '870101300017', 'А', 'Б', '', 'а б', 'мекенжай', '',"
               " '2026-03-02 10:00:00', %s, '2026-03-12 10:00:00', '2026-03-02 10:00:00', {data}) RETURNING id")


def cases_at_every_stage(office: Office) -> dict[str, str]:
    """Department cases at each workflow stage (S5, assigned to executor1) plus a PSC case awaiting receipt."""
    reg = office.reg
    out = {}
    for i, stage in enumerate(("awaiting_resolution", "with_executor", "awaiting_signature", "signed", "delivered",
                               "suspended", "withdrawn"), 1):
        out[stage] = advance(reg, intake(reg, "S5", serial=i), stage).reg_no
    out["awaiting_receipt"] = reg.register_case(office.user("insp3"), "S7", applicant(20), INTAKE_FIELDS["S7"],
                                                documents(reg, "S7"), channel="psc", now=T0).reg_no
    return out


# ---------------------------------------------------------------- the legitimate paths, under the checks


@pytest.mark.parametrize("outcome", ["approved", "refused"])
def test_every_service_through_its_lifecycle_on_postgresql(office, outcome):
    reg = office.reg
    clerk, head, ex1 = office.user("clerk"), office.user("head"), office.user("executor1")
    numbers = []
    for serial, code in enumerate(CODES, 1):
        t = T0 + serial * M
        case = intake(reg, code, serial=serial, now=t)
        numbers.append(case.reg_no)
        case = reg.perform(head, case.reg_no, "resolve", now=t + M, **params_for(reg, "resolve", code))
        case = reg.perform(ex1, case.reg_no, "suspend", now=t + 2 * M, reason="анықтама күтілуде")
        case = reg.perform(head, case.reg_no, "resume", now=t + 3 * M)
        case = reg.perform(ex1, case.reg_no, "draft", now=t + 4 * M, **params_for(reg, "draft", code, outcome))
        if code in RETURNABLE:
            case = reg.perform(head, case.reg_no, "return", now=t + 5 * M, reason="толықтырылсын")
            case = reg.perform(ex1, case.reg_no, "draft", now=t + 6 * M, **params_for(reg, "draft", code, outcome))
        case = reg.perform(head, case.reg_no, "sign", now=t + 7 * M)
        case = reg.perform(ex1, case.reg_no, "deliver", now=t + 8 * M, method="in_person")
        if code == "S4" and outcome == "approved":
            case = reg.perform(ex1, case.reg_no, "record_slip", now=t + 9 * M,
                               **params_for(reg, "record_slip", code))
            assert case.data["slip"]["order_no"] == "15-б"
        assert (case.stage, case.decision) == ("delivered", outcome)
        actors = {h.action: h.actor for h in reg.history(case.reg_no)}
        assert actors["register"] == "clerk" and actors["sign"] == "head" and actors["deliver"] == "executor1"
    withdrawn = reg.perform(clerk, intake(reg, "S1", serial=30).reg_no, "withdraw", now=T0 + 40 * M, reason="кері")
    assert withdrawn.stage == "withdrawn"
    numbers.append(withdrawn.reg_no)
    assert numbers == [f"K032026{n:06d}" for n in range(1, len(CODES) + 2)]  # gap-free
    assert reg.verify().ok


def test_psc_channel_on_postgresql(office):
    reg, desk = office.reg, office.reg.packages
    insp, coll, clerk = office.user("insp3"), office.user("coll3"), office.user("clerk")
    head, ex1 = office.user("head"), office.user("executor1")
    desk.set_courier_runs(office.admin, 3, now=T0)
    assert desk.courier_runs() == 3
    first = reg.register_case(insp, "S7", applicant(1), INTAKE_FIELDS["S7"], documents(reg, "S7"), channel="psc",
                              now=T0)
    second = reg.register_case(insp, "S7", applicant(2), INTAKE_FIELDS["S7"], documents(reg, "S7"), channel="psc",
                               now=T0 + M)
    assert (first.channel, first.stage, first.package) == ("psc:3", "awaiting_receipt", "at_branch")
    sent = desk.create_registry(coll, "psc:3", now=T0 + 6 * 60 * M)
    t = dt.datetime(2026, 3, 3, 9, 40)
    assert desk.receive_scan(clerk, sent.number, sent.number, now=t).result == "registry"
    assert desk.receive_scan(clerk, sent.number, "K999", now=t).result == "unknown"
    assert desk.receive_scan(clerk, sent.number, first.reg_no, now=t).ok
    assert desk.close_receipt(clerk, sent.number, now=t + M) == [second.reg_no]  # missing: still in transit
    assert desk.receive_scan(clerk, sent.number, second.reg_no, now=t + 2 * M).ok  # turned up later
    for number in (first.reg_no, second.reg_no):
        reg.perform(head, number, "resolve", executor=ex1.id, resolution="Қараңыз", now=t + 3 * M)
        reg.perform(ex1, number, "draft", decision="approved", text="", now=t + 4 * M)
        reg.perform(head, number, "sign", now=t + 5 * M)
    back = desk.create_registry(clerk, "psc:3", direction="to_branch", now=t + 6 * M)
    with pytest.raises(PermissionDenied):  # the other branch's inspector: the core refuses first
        desk.receive_scan(office.user("insp5"), back.number, first.reg_no, now=t + 7 * M)
    assert desk.receive_scan(insp, back.number, first.reg_no, now=t + 7 * M).ok
    assert desk.receive_scan(coll, back.number, second.reg_no, now=t + 7 * M).ok
    for number in (first.reg_no, second.reg_no):
        done = desk.hand_over(insp, number, now=t + 8 * M)
        assert (done.stage, done.package) == ("delivered", "handed_over")
    assert [h.actor for h in reg.history(first.reg_no)] == [
        "insp3", "coll3", "clerk", "head", "executor1", "head", "clerk", "insp3", "insp3"]
    assert reg.verify().ok


def test_akimat_channel_on_postgresql(office):
    reg, desk = office.reg, office.reg.packages
    akim, clerk, head, ex1 = office.user("akim42"), office.user("clerk"), office.user("head"), office.user("executor1")

    def akim_intake(code: str, serial: int):
        return reg.register_case(akim, code, applicant(serial), INTAKE_FIELDS.get(code), documents(reg, code),
                                 channel="akimat", now=T0)

    local = akim_intake("S6", 1)  # the akim issues and signs his akimat's certificate himself
    assert (local.stage, local.package) == ("awaiting_resolution", None)
    reg.perform(akim, local.reg_no, "resolve", resolution="Анықтама берілсін", now=T0 + M)
    reg.perform(akim, local.reg_no, "suspend", reason="анықтама күтілуде", now=T0 + 2 * M)
    reg.perform(akim, local.reg_no, "resume", now=T0 + 3 * M)
    reg.perform(akim, local.reg_no, "draft", decision="approved", text="", result=RESULT_FIELDS["S6"], now=T0 + 4 * M)
    reg.perform(akim, local.reg_no, "return", reason="тоқсан", now=T0 + 5 * M)
    reg.perform(akim, local.reg_no, "draft", decision="approved", text="", result=RESULT_FIELDS["S6"], now=T0 + 6 * M)
    reg.perform(akim, local.reg_no, "sign", now=T0 + 7 * M)
    assert reg.perform(akim, local.reg_no, "deliver", method="in_person", now=T0 + 8 * M).stage == "delivered"

    served = akim_intake("S6", 2)  # the department may still serve an akimat's certificate
    reg.perform(head, served.reg_no, "resolve", executor=ex1.id, resolution="Қараңыз", now=T0 + M)
    reg.perform(ex1, served.reg_no, "draft", decision="approved", text="", result=RESULT_FIELDS["S6"], now=T0 + 2 * M)
    reg.perform(head, served.reg_no, "sign", now=T0 + 3 * M)
    reg.perform(ex1, served.reg_no, "deliver", method="in_person", now=T0 + 4 * M)
    dropped = akim_intake("S6", 3)
    dropped = reg.perform(akim, dropped.reg_no, "withdraw", reason="кері алынды", now=T0 + M)
    assert dropped.stage == "withdrawn"

    forwarded = akim_intake("S7", 4)  # S7 through an akimat travels to the department as a package
    assert (forwarded.stage, forwarded.package) == ("awaiting_receipt", "at_branch")
    sent = desk.create_registry(akim, f"akimat:{BAKANAS}", now=T0 + 4 * 60 * M)
    t = dt.datetime(2026, 3, 3, 10, 0)
    assert desk.receive_scan(clerk, sent.number, forwarded.reg_no, now=t).ok
    reg.perform(head, forwarded.reg_no, "resolve", executor=ex1.id, resolution="Қараңыз", now=t + M)
    reg.perform(ex1, forwarded.reg_no, "draft", decision="approved", text="", now=t + 2 * M)
    reg.perform(head, forwarded.reg_no, "sign", now=t + 3 * M)
    back = desk.create_registry(clerk, f"akimat:{BAKANAS}", direction="to-branch", now=t + 4 * M)
    assert desk.receive_scan(akim, back.number, forwarded.reg_no, now=t + 5 * M).ok
    assert desk.hand_over(akim, forwarded.reg_no, now=t + 6 * M).data["delivery"]["method"] == "akimat"
    assert reg.verify().ok


def test_three_desks_each_on_its_own_login(office):
    """No superuser anywhere: the clerk's, the head's and the executor's Kense each on their own session."""
    desks = {name: office.desk(name) for name in ("clerk", "head", "executor1", "admin")}
    try:
        admin = desks["admin"].user("admin")  # the admin's settings from her own desk
        desks["admin"].set_calendar_override(admin, dt.date(2026, 3, 4), "holiday", "мереке", now=T0)
        assert desks["admin"].packages.set_courier_runs(admin, 1, now=T0) == 1
        assert office.reg.calendar_overrides()[0][1] == "holiday"
        clerk, head, ex1 = (desks[n].user(n) for n in ("clerk", "head", "executor1"))
        case = intake(desks["clerk"], "S5", clerk=clerk)
        desks["head"].perform(head, case.reg_no, "resolve", executor=ex1.id, resolution="Қараңыз", now=T0 + M)
        desks["executor1"].perform(ex1, case.reg_no, "draft", now=T0 + 2 * M, **params_for(office.reg, "draft", "S5"))
        desks["head"].perform(head, case.reg_no, "sign", now=T0 + 3 * M)
        done = desks["executor1"].perform(ex1, case.reg_no, "deliver", method="in_person", now=T0 + 4 * M)
        assert done.stage == "delivered"
        assert [h.actor for h in office.reg.history(case.reg_no)] == ["clerk", "head", "executor1", "head",
                                                                      "executor1"]
        # a desk acts only as the user whose session it is: the clerk's Kense cannot act for the head
        before = office.state()
        with pytest.raises(PermissionDenied) as err:
            desks["clerk"].perform(head, intake(office.reg, "S1", 2).reg_no, "resolve", executor=ex1.id,
                                   resolution="x", now=T0 + 5 * M)
        assert err.value.code == "db_not_your_session"
        assert "clerk" in err.value.message("kk") and "head" in err.value.message("ru")
        assert office.state()["events"][:-1] == before["events"]  # only the intake above was written
        assert desks["clerk"].verify().ok
    finally:
        for reg in desks.values():
            reg.close()


def test_a_refusal_by_the_database_reaches_the_user_calmly(office):
    """If the register's rows ever said more than the database grants (here: the owner wrote 'head' into the
    clerk's row behind Kense's back), the core lets the clerk sign, and the database still refuses."""
    case = advance(office.reg, intake(office.reg, "S5"), "awaiting_signature")
    with psycopg.connect(office.server.url(office.dbname), autocommit=True) as owner:
        owner.execute(f"UPDATE {SCHEMA}.users SET roles = 'clerk,head' WHERE username = 'clerk'")
    desk = office.desk("clerk")
    try:
        before = office.state()
        with pytest.raises(PermissionDenied) as err:
            desk.perform(desk.user("clerk"), case.reg_no, "sign", now=T0 + 60 * M)
        assert err.value.code == "db_refused"
        assert "awaiting_signature" in err.value.params["detail"]
        for lang in ("kk", "ru", "en"):
            text = err.value.message(lang)
            assert "{" not in text and err.value.params["detail"] in text
        assert office.state() == before
    finally:
        desk.close()


# ---------------------------------------------------------------- a clerk with psql


def test_clerk_cannot_sign_resolve_or_move_a_case_her_role_may_not(office):
    numbers = cases_at_every_stage(office)
    clerk = office.psql("clerk")
    me = office.user("clerk").id
    before = office.state()
    refused(clerk, "UPDATE cases SET stage = 'signed' WHERE reg_no = %s", (numbers["awaiting_signature"],),
            says="may not move")
    refused(clerk, "UPDATE cases SET stage = 'with_executor', executor_id = %s WHERE reg_no = %s",
            (me, numbers["awaiting_resolution"]), says="may not move")
    for start, reg_no in numbers.items():
        for target in STAGES:
            if target == start:
                continue
            text = refused(clerk, "UPDATE cases SET stage = %s WHERE reg_no = %s", (target, reg_no))
            if target == "withdrawn" and start in WITHDRAWABLE:  # her move, but never without its audit event
                assert "without its audit event" in text
            else:
                assert "may not move" in text, (start, target, text)
    # no one changes what was registered, even alongside a move she may make
    for column, value in (("reg_no", "K032026999999"), ("iin", "000000000000"), ("service", "S1"),
                          ("registered_by", office.user("head").id), ("channel", "psc:3"), ("catalogue_version", "x"),
                          ("registered_at", "2020-01-01 00:00:00"), ("surname", "Басқа")):
        refused(clerk, f"UPDATE cases SET stage = 'withdrawn', {column} = %s WHERE reg_no = %s",
                (value, numbers["with_executor"]), says="never change")
    refused(clerk, "DELETE FROM cases")
    refused(clerk, "TRUNCATE cases")
    # a case of her own making: not without a number drawn in the same transaction, not in another's name
    insert = INSERT_CASE.format(reg_no="'K032026000777'", service="'S1'", channel="'department'",
                                stage="'awaiting_resolution'", data="'{}'")
    version = office.reg.catalogue.version
    refused(clerk, insert, (version, me), says="not the number this transaction drew")
    refused(clerk, insert, (version, office.user("head").id), says="registrar's own name")
    assert office.state() == before

    # what her role does allow, she may do with psql too, and the trail then names her
    reg_no = numbers["with_executor"]
    with transaction(clerk):
        clerk.execute("UPDATE cases SET stage = 'withdrawn', closed_at = '2026-03-02 12:00:00' WHERE reg_no = %s",
                      (reg_no,))
        add_event(clerk, case_id(office, reg_no), "with_executor", "withdrawn")
    last = office.reg.history(reg_no)[-1]
    assert (last.action, last.actor) == ("withdraw", "clerk")
    assert office.reg.verify().ok


def test_nobody_edits_deletes_or_empties_the_trail(office):
    numbers = cases_at_every_stage(office)
    before = office.state()
    for name in ("clerk", "head", "executor1", "admin", "insp3", "akim42"):
        conn = office.psql(name)
        refused(conn, "UPDATE events SET details = '{}' WHERE id = 2")
        refused(conn, "UPDATE events SET actor = 'admin'")
        refused(conn, "DELETE FROM events WHERE id = (SELECT max(id) FROM events)")
        refused(conn, "TRUNCATE events")
        refused(conn, "ALTER TABLE events DISABLE TRIGGER events_append_only")
    assert office.state() == before
    # a forged event: the server numbers, links and hashes it, and names the one who really wrote it
    clerk = office.psql("clerk")
    head = office.user("head")
    row = clerk.execute(
        "INSERT INTO events(id, case_id, at, actor_id, actor, action, from_stage, to_stage, details, prev_hash, hash)"
        " VALUES (1, %s, '2026-03-02 12:00:00', %s, 'head', 'sign', 'awaiting_signature', 'signed', '{}', 'x', 'y')"
        " RETURNING id, actor, actor_id, prev_hash", (case_id(office, numbers["signed"]), head.id)).fetchone()
    assert row[0] == len(before["events"]) + 1 and row[1:3] == ("clerk", office.user("clerk").id)
    assert row[3] == before["events"][-1][-1]  # linked to the head of the chain, not to 'x'
    assert office.reg.verify().ok


def test_the_counter_and_the_registers_settings_are_out_of_reach(office):
    intake(office.reg, "S1", 1)
    clerk, head, admin = office.psql("clerk"), office.psql("head"), office.psql("admin")
    before = office.state()
    for conn in (clerk, head, admin):
        refused(conn, "UPDATE reg_counters SET last = last + 5")
        refused(conn, "UPDATE reg_counters SET last = 0")
        refused(conn, "INSERT INTO reg_counters VALUES (3, 2027, 1)")
        refused(conn, "DELETE FROM reg_counters")
        refused(conn, "TRUNCATE reg_counters")
        for key in ("audit_head", "audit_count", "office", "schema_version"):
            refused(conn, "UPDATE meta SET value = '0' WHERE key = %s", (key,))
            refused(conn, "DELETE FROM meta WHERE key = %s", (key,))
        refused(conn, "INSERT INTO meta VALUES ('audit_head', 'x') ON CONFLICT (key) DO UPDATE SET value = 'x'")
        refused(conn, "TRUNCATE meta")
    refused(head, "SELECT draw_reg_no(3, 2026)", says="registers cases")  # the head registers nothing
    # the clerk may draw a number only for a case: one drawn and left unused fails at commit (no gap)
    refused(clerk, "SELECT draw_reg_no(3, 2026)", says="drawn without its case")
    refused(clerk, "SELECT draw_reg_no(7, 2026)", says="not this register")
    refused(clerk, "INSERT INTO meta VALUES ('courier_runs', '6')")
    assert office.state() == before
    admin.execute("INSERT INTO meta VALUES ('courier_runs', '4') ON CONFLICT (key) DO UPDATE SET value = '4'")
    assert office.reg.packages.courier_runs() == 4  # psc.py set_courier_runs: the admin's setting
    assert intake(office.reg, "S1", 2).reg_no == "K032026000002"  # the next number: no gap
    assert office.reg.verify().ok


def test_credentials_are_the_servers_and_no_one_reads_them(office):
    clerk = office.psql("clerk")
    refused(clerk, "SELECT rolname, rolpassword FROM pg_authid")
    refused(clerk, "SELECT usename, passwd FROM pg_shadow")
    assert clerk.execute("SELECT rolpassword FROM pg_roles WHERE rolname = 'head'").fetchone() == ("********",)
    assert clerk.execute("SELECT DISTINCT password_hash FROM users").fetchall() == [("",)]  # Kense keeps none
    with psycopg.connect(office.server.url(office.dbname)) as owner:  # the server does: SCRAM verifiers
        verifiers = owner.execute("SELECT rolpassword FROM pg_authid WHERE rolname = ANY(%s)",
                                  (["clerk", "head", "admin", "akim42"],)).fetchall()
    assert len(verifiers) == 4 and all(v[0].startswith("SCRAM-SHA-256$") for v in verifiers)
    admin = office.psql("admin")
    with pytest.raises(pgerr.CheckViolation):  # not even the admin can put a hash in the register
        admin.execute("UPDATE users SET password_hash = 'pbkdf2$1$x$y' WHERE username = 'clerk'")


def test_only_the_admin_manages_users_and_roles(office):
    clerk, admin = office.psql("clerk"), office.psql("admin")
    before = office.state()
    refused(clerk, "CREATE ROLE intruder LOGIN PASSWORD 'x'")
    refused(clerk, "ALTER ROLE clerk CREATEROLE")
    refused(clerk, "ALTER ROLE clerk SUPERUSER")
    refused(clerk, "ALTER ROLE head PASSWORD 'taken-over'")
    refused(clerk, "GRANT kense_head TO clerk")
    refused(clerk, "GRANT kense_admin TO clerk")
    refused(clerk, "SELECT create_login('intruder', 'x', ARRAY['head'], true)", says="only the admin")
    refused(clerk, "SELECT update_login('clerk', NULL, ARRAY['clerk', 'head'], NULL)", says="only the admin")
    refused(clerk, "SELECT update_login('head', 'SCRAM-SHA-256$x', NULL, NULL)", says="only the admin")
    refused(clerk, "SELECT update_login('clerk', NULL, NULL, false)", says="only the admin")
    refused(clerk, "UPDATE users SET roles = 'clerk,head' WHERE username = 'clerk'")
    refused(clerk, "INSERT INTO users(username, full_name, roles, created_at) VALUES ('x', 'X', 'head', '2026')")
    refused(clerk, "DELETE FROM users WHERE username = 'head'")
    refused(clerk, "INSERT INTO calendar_overrides VALUES ('2026-03-03', 'holiday', '')")
    # the admin, with psql too, keeps the row and the login in step, and touches only Kense's logins
    refused(admin, "UPDATE users SET roles = 'clerk,head' WHERE username = 'clerk'", says="disagree")
    refused(admin, "UPDATE users SET active = 0 WHERE username = 'clerk'", says="disagree")
    refused(admin, "UPDATE users SET username = 'boss' WHERE username = 'clerk'")
    refused(admin, "SELECT update_login('clerk', NULL, ARRAY['superuser'], NULL)", says="not a Kense role")
    refused(admin, "INSERT INTO users(username, full_name, roles, created_at)"
                   " VALUES ('postgres', 'P', 'admin', '2026')", says="no Kense login")
    with pytest.raises(pgerr.InsufficientPrivilege) as err:
        with transaction(admin):
            admin.execute("INSERT INTO users(username, full_name, roles, created_at) VALUES"
                          " ('postgres', 'P', 'admin', '2026')")
            admin.execute("SELECT update_login('postgres', 'SCRAM-SHA-256$x', NULL, NULL)")
    assert "not a Kense user's login" in str(err.value)
    refused(admin, "DELETE FROM users WHERE username = 'clerk'")
    assert office.state() == before
    # a user may change her own password, and only that
    verifier = clerk.pgconn.encrypt_password(b"clerk-new-pw", b"clerk", b"scram-sha-256").decode()
    clerk.execute("SELECT update_login('clerk', %s, NULL, NULL)", (verifier,))
    with psycopg.connect(office.server.url(office.dbname, user="clerk", password="clerk-new-pw")) as again:
        assert again.execute("SELECT session_user").fetchone() == ("clerk",)


def test_a_deactivated_users_open_session_writes_nothing(office):
    reg_no = advance(office.reg, intake(office.reg, "S5"), "with_executor").reg_no
    session = office.psql("executor1")
    office.reg.update_user(office.admin, office.user("executor1").id, active=False, now=T0)
    before = office.state()
    refused(session, "INSERT INTO events(id, at, actor, action, details, prev_hash, hash)"
                     " VALUES (0, '2026-03-02 12:00:00', '', 'note', '{}', '', '')", says="not an active Kense user")
    with pytest.raises(pgerr.InsufficientPrivilege, match="not an active Kense user"):
        with transaction(session):
            session.execute("UPDATE cases SET stage = 'awaiting_signature', decision = 'approved'"
                            " WHERE reg_no = %s", (reg_no,))
    assert office.state() == before
    with pytest.raises(psycopg.OperationalError):  # and no new session: the login is NOLOGIN now
        office.psql("executor1")


def test_an_executor_cannot_act_on_a_case_assigned_to_another(office):
    numbers = cases_at_every_stage(office)  # all assigned to executor1
    other = office.psql("executor2")
    before = office.state()
    for stage, change in (("with_executor", "stage = 'awaiting_signature', decision = 'approved'"),  # draft
                          ("with_executor", "stage = 'suspended'"), ("signed", "stage = 'delivered'"),
                          ("suspended", "stage = 'with_executor'"),
                          ("delivered", "data = jsonb_set(data::jsonb, '{slip}', '{}')::text")):  # record_slip
        refused(other, f"UPDATE cases SET {change} WHERE reg_no = %s", (numbers[stage],), says="may not move")
    refused(other, "UPDATE cases SET executor_id = %s WHERE reg_no = %s",
            (office.user("executor2").id, numbers["with_executor"]), says="may not move")
    refused(other, "UPDATE cases SET stage = 'with_executor', executor_id = %s WHERE reg_no = %s",
            (office.user("executor2").id, numbers["awaiting_resolution"]), says="may not move")
    assert office.state() == before
    # the assigned executor may, with her event
    mine = office.psql("executor1")
    reg_no = numbers["with_executor"]
    with transaction(mine):
        mine.execute("UPDATE cases SET stage = 'awaiting_signature', decision = 'approved' WHERE reg_no = %s",
                     (reg_no,))
        add_event(mine, case_id(office, reg_no), "with_executor", "awaiting_signature", "draft")
    assert office.reg.case(reg_no).stage == "awaiting_signature"


def test_channel_staff_act_only_for_their_own_branch_or_akimat(office):
    reg = office.reg
    psc3 = reg.register_case(office.user("insp3"), "S7", applicant(1), INTAKE_FIELDS["S7"], documents(reg, "S7"),
                             channel="psc", now=T0)
    local = reg.register_case(office.user("akim42"), "S6", applicant(2), None, documents(reg, "S6"),
                              channel="akimat", now=T0)
    before = office.state()
    coll5, akim43, insp3 = office.psql("coll5"), office.psql("akim43"), office.psql("insp3")
    refused(coll5, "INSERT INTO registries(number, direction, source, day, run, status, created_at, created_by)"
                   " VALUES ('R032026000099', 'to_department', 'psc:3', '2026-03-02', 1, 'dispatched',"
                   " '2026-03-02 16:00:00', %s)", (office.user("coll5").id,), says="may not write registry")
    refused(coll5, "UPDATE cases SET data = jsonb_set(data::jsonb, '{package}', '\"in_transit\"')::text"
                   " WHERE reg_no = %s", (psc3.reg_no,), says="may not move")
    refused(insp3, "UPDATE cases SET data = jsonb_set(data::jsonb, '{package}', '\"in_transit\"')::text"
                   " WHERE reg_no = %s", (psc3.reg_no,), says="may not move")  # collecting is the collector's
    refused(akim43, "UPDATE cases SET stage = 'with_executor', executor_id = %s WHERE reg_no = %s",
            (office.user("akim43").id, local.reg_no), says="may not move")
    # an akim registers with psql only as Kense would: an S7 letter is the department's, so it travels as a package
    akim = office.psql("akim42")
    me, version = office.user("akim42").id, reg.catalogue.version

    def register(service: str, stage: str, data: str) -> None:
        with transaction(akim):
            number = akim.execute("SELECT format_reg_no(3, 2026, draw_reg_no(3, 2026))").fetchone()[0]
            new = akim.execute(INSERT_CASE.format(reg_no="%s", service=f"'{service}'", channel=f"'akimat:{BAKANAS}'",
                                                  stage=f"'{stage}'", data=f"'{data}'"),
                               (number, version, me)).fetchone()[0]
            add_event(akim, new, None, stage, "register")

    with pytest.raises(pgerr.InsufficientPrivilege, match="may not register"):
        register("S7", "awaiting_resolution", "{}")
    with pytest.raises(pgerr.InsufficientPrivilege, match="may not register"):
        register("S6", "awaiting_receipt", '{"package": "at_branch"}')
    assert office.state() == before
    register("S7", "awaiting_receipt", '{"package": "at_branch"}')
    register("S6", "awaiting_resolution", "{}")
    assert [c for c in office.state()["cases"] if c not in before["cases"]][-1][1] == "K032026000004"
    assert reg.verify().ok


def test_no_one_but_the_owner_changes_the_schema(office):
    for name in ("clerk", "admin"):
        conn = office.psql(name)
        for sql in ("ALTER TABLE cases ADD COLUMN note text", "ALTER TABLE cases DISABLE TRIGGER cases_check",
                    "DROP TRIGGER cases_check ON cases", "DROP TABLE events", "CREATE TABLE kense.extra (x int)",
                    "CREATE OR REPLACE FUNCTION kense.is_owner(who name) RETURNS boolean LANGUAGE sql"
                    " AS 'SELECT true'", "ALTER FUNCTION kense.me() OWNER TO clerk",
                    "CREATE INDEX cases_x ON cases(surname)", "ALTER TABLE users ENABLE ROW LEVEL SECURITY",
                    "COMMENT ON TABLE cases IS 'x'"):
            refused(conn, sql)
        conn.execute("GRANT UPDATE ON reg_counters TO clerk")  # a warning, "no privileges were granted"
        refused(conn, "UPDATE reg_counters SET last = 0")
    # a temporary table cannot stand in for the register's: the server's functions look in pg_temp last
    clerk = office.psql("clerk")
    clerk.execute("CREATE TEMP TABLE meta (key text PRIMARY KEY, value text)")
    clerk.execute("INSERT INTO pg_temp.meta VALUES ('audit_head', repeat('0', 64)), ('audit_count', '0')")
    clerk.execute("INSERT INTO events(id, at, actor, action, details, prev_hash, hash)"
                  " VALUES (0, '2026-03-02 12:00:00', '', 'note', '{}', '', '')")
    assert office.reg.verify().ok
