"""Two desks, one case (issue 9): every case carries a version; when two people act on one case at once exactly one
wins, the other is told calmly who changed the case, when and how, and nothing is lost or done twice. On both
engines, in threads and in two real processes."""
from __future__ import annotations

import datetime as dt
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from desktop.core.errors import Conflict, ValidationError, WrongStage
from desktop.store import Register
from store_flows import T0, add_staff, advance, intake, params_for
from store_flows import fast_passwords  # noqa: F401  (autouse: cheap password hashes)

pytestmark = pytest.mark.store
REPO = Path(__file__).resolve().parents[2]
M = dt.timedelta(minutes=1)


@pytest.fixture
def staff(register):
    made = add_staff(register, register.user("admin"))
    made["head2"] = register.create_user(made["admin"], "head2", "Ахметова Сәуле", ["head"], "head2-pw")
    return made


def _events(reg: Register, case_id: int, action: str | None = None) -> list[str]:
    return [h.action for h in reg.history(case_id) if action is None or h.action == action]


def _open_again(reg: Register) -> Register:
    """A second desk on the same register: its own connection (its own file handle, or server session)."""
    return Register.open(reg.path if reg.is_server else Path(reg.path))


# ---------------------------------------------------------------- the version


def test_every_change_of_the_case_row_bumps_its_version_by_one(register, staff):
    case = intake(register, "S5", now=T0)
    assert case.version == 1 and register.case(case.reg_no).version == 1
    for n, (action, who) in enumerate((("resolve", "head"), ("draft", "executor1"), ("return", "head"),
                                       ("draft", "executor1"), ("sign", "head")), start=2):
        case = register.perform(staff[who], case.reg_no, action, now=T0 + n * M,
                                **params_for(register, action, "S5"))
        assert case.version == n == register.case(case.reg_no).version, action
    register.log_event(staff["clerk"], case.reg_no, "print", {"kind": "receipt"})  # the case row stays as it is
    assert register.case(case.reg_no).version == case.version


def test_a_stale_version_is_refused_naming_who_when_and_what(register, staff):
    case = advance(register, intake(register, "S5", now=T0), "awaiting_signature", now=T0)
    shown = register.case(case.reg_no)  # what both heads' screens show
    at = dt.datetime.now().replace(second=0, microsecond=0)
    signed = register.perform(staff["head2"], case.reg_no, "sign", expected_version=shown.version, now=at)
    assert signed.version == shown.version + 1 and signed.stage == "signed"
    events = _events(register, case.id)

    with pytest.raises(Conflict) as caught:
        register.perform(staff["head"], case.reg_no, "return", expected_version=shown.version, reason="толықтыру")
    exc = caught.value
    hhmm = at.strftime("%H:%M")
    assert exc.message("kk").startswith(f"Іс {case.reg_no} өзгертілді: Ахметова Сәуле {hhmm}-")
    assert "қол қойды" in exc.message("kk") and "Экран қазіргі күйін көрсетеді" in exc.message("kk")
    assert f"Ахметова Сәуле, {hhmm} — подписание" in exc.message("ru")
    assert f"Ахметова Сәуле signed it at {hhmm}" in exc.message("en")
    # nothing written: the same case, the same trail
    assert register.case(case.reg_no) == signed and _events(register, case.id) == events


def test_the_current_version_is_accepted_and_a_bad_one_is_bad_input(register, staff):
    case = intake(register, "S1", now=T0)
    for bad in (0, -1, "1", 1.0, True):
        with pytest.raises(ValidationError):
            register.perform(staff["head"], case.reg_no, "resolve", expected_version=bad,
                             **params_for(register, "resolve", "S1"))
    assert register.case(case.reg_no).version == 1 and _events(register, case.id) == ["register"]
    done = register.perform(staff["head"], case.reg_no, "resolve", expected_version=1,
                            **params_for(register, "resolve", "S1"))
    assert done.version == 2


def test_a_change_computed_from_a_stale_state_is_never_written_even_without_a_version(register, staff):
    """The store's own guard: UPDATE ... WHERE id=? AND version=?; a row changed meanwhile is not overwritten."""
    case = advance(register, intake(register, "S5", now=T0), "awaiting_signature", now=T0)
    stale = register.case(case.reg_no)
    now_signed = register.perform(staff["head2"], case.reg_no, "sign")
    with pytest.raises(Conflict):
        with register._write() as conn:
            register._update_case(conn, stale.with_(stage="with_executor", data={**stale.data, "returns": 9}))
    assert register.case(case.reg_no) == now_signed


def test_package_moves_bump_the_version(register, staff):
    from store_flows import documents
    from kense_testdata import INTAKE_FIELDS, applicant
    admin = staff["admin"]
    insp = register.create_user(admin, "insp3", "Бекова Жанар", ["psc_inspector"], "insp3-pw", psc_branch=3)
    coll = register.create_user(admin, "coll3", "Тоқтаров Асқар", ["psc_collector"], "coll3-pw", psc_branch=3)
    case = register.register_case(insp, "S7", applicant(5), INTAKE_FIELDS.get("S7"), documents(register, "S7"),
                                  channel="psc", channel_ref="psc:3", now=T0)
    assert case.version == 1
    registry = register.packages.create_registry(coll, "psc:3", now=T0 + M)
    assert register.case(case.reg_no).version == 2
    register.packages.receive_scan(staff["clerk"], registry.number, case.reg_no, now=T0 + 2 * M)
    assert register.case(case.reg_no).version == 3


# ---------------------------------------------------------------- two people at once


def _race(register: Register, reg_no: str, *acts: tuple[str, str, dict]) -> list[object]:
    """Two desks, each on its own connection opened in its own thread, act on ``reg_no`` at the same moment:
    ``acts`` are (user, action, parameters). Returns each desk's result or error, in order."""
    gate = threading.Barrier(len(acts))
    out: list[object] = [None] * len(acts)

    def run(i, who, action, params):
        desk = _open_again(register)
        try:
            me = desk.user(who)
            gate.wait()
            out[i] = desk.perform(me, reg_no, action, **params)
        except Exception as exc:  # noqa: BLE001  (the loser's error is the result under test)
            out[i] = exc
        finally:
            desk.close()
    threads = [threading.Thread(target=run, args=(i, *act)) for i, act in enumerate(acts)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return out


def test_two_heads_sign_at_once_one_wins_the_other_is_told(register, staff):
    for serial in range(1, 7):
        case = advance(register, intake(register, "S5", serial=serial, now=T0), "awaiting_signature", now=T0)
        v = case.version
        out = _race(register, case.reg_no, ("head", "sign", {"expected_version": v}),
                    ("head2", "sign", {"expected_version": v}))
        won = [r for r in out if not isinstance(r, Exception)]
        lost = [r for r in out if isinstance(r, Exception)]
        assert len(won) == 1 and len(lost) == 1 and isinstance(lost[0], Conflict), out
        assert won[0].version == v + 1 == register.case(case.reg_no).version
        assert _events(register, case.id, "sign") == ["sign"]
    assert register.verify().ok


def test_a_head_returning_while_the_clerk_records_a_withdrawal(register, staff):
    """Head returns the draft, clerk records the applicant's withdrawal, both from the same screen state."""
    for serial in range(1, 7):
        case = advance(register, intake(register, "S5", serial=serial, now=T0), "awaiting_signature", now=T0)
        v = case.version
        out = _race(register, case.reg_no,
                    ("head", "return", {"expected_version": v, "reason": "толықтыру керек"}),
                    ("clerk", "withdraw", {"expected_version": v, "reason": "өтініш кері алынды"}))
        won = [r for r in out if not isinstance(r, Exception)]
        lost = [r for r in out if isinstance(r, Exception)]
        assert len(won) == 1 and len(lost) == 1 and isinstance(lost[0], Conflict), out
        actions = _events(register, case.id)
        assert actions[-1] in ("return", "withdraw") and actions[-2] == "draft"  # one of the two, once
        assert register.case(case.reg_no).stage == won[0].stage in ("with_executor", "withdrawn")
    assert register.verify().ok


def test_without_a_version_the_second_desk_gets_the_stage_refusal_never_a_second_change(register, staff):
    case = advance(register, intake(register, "S5", now=T0), "awaiting_signature", now=T0)
    out = _race(register, case.reg_no, ("head", "sign", {}), ("head2", "sign", {}))
    assert sorted(type(r).__name__ for r in out) == ["Case", "WrongStage"], out
    assert sum(isinstance(r, WrongStage) for r in out) == 1
    assert _events(register, case.id, "sign") == ["sign"]


# ---------------------------------------------------------------- two processes

DESK = textwrap.dedent('''
    import json, os, sys, time
    from desktop.core.errors import Conflict, WrongStage
    from desktop.store import Register

    target, who, action, go, cases = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], json.loads(sys.argv[5])
    reg = Register.open(target)
    me = reg.user(who)
    print("READY", flush=True)
    while not os.path.exists(go):
        time.sleep(0.002)
    params = {"reason": "толықтыру керек"} if action == "return" else {}
    for reg_no, version in cases:
        try:
            done = reg.perform(me, reg_no, action, expected_version=version, **params)
            print("WON", reg_no, done.version, flush=True)
        except Conflict as exc:
            print("CONFLICT", reg_no, exc.params["who"], flush=True)
    reg.close()
''')


def test_two_desks_in_two_processes_race_on_every_case(register, staff, tmp_path):
    """One head signs, the other returns, each in its own process, over the same 20 cases in the same order."""
    cases = [advance(register, intake(register, "S5", serial=i, now=T0), "awaiting_signature", now=T0)
             for i in range(1, 21)]
    script = tmp_path / "desk.py"
    script.write_text(DESK, encoding="utf-8")
    go = tmp_path / "go"
    listing = __import__("json").dumps([[c.reg_no, c.version] for c in cases])
    desks = [subprocess.Popen([sys.executable, str(script), str(register.path), who, action, str(go), listing],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO)
             for who, action in (("head", "sign"), ("head2", "return"))]
    for desk in desks:
        assert desk.stdout.readline().strip() == "READY", desk.stderr.read()
    go.touch()
    outs = []
    for desk in desks:
        out, err = desk.communicate(timeout=120)
        assert desk.returncode == 0, err
        outs.append([line.split() for line in out.splitlines()])
    by_case: dict[str, list[str]] = {}
    for lines in outs:
        for line in lines:
            by_case.setdefault(line[1], []).append(line[0])
    assert len(by_case) == 20
    names = {"Серікбаев Нұрлан", "Ахметова Сәуле"}
    for case in cases:
        assert sorted(by_case[case.reg_no]) == ["CONFLICT", "WON"], case.reg_no
        actions = _events(register, case.id)
        assert actions.count("sign") + actions.count("return") == 1  # exactly one applied, once
        now = register.case(case.reg_no)
        assert now.version == case.version + 1 and now.stage in ("signed", "with_executor")
    conflicts = [" ".join(line[2:]) for lines in outs for line in lines if line[0] == "CONFLICT"]
    assert set(conflicts) <= names
    assert register.verify().ok
