"""Hypothesis: random sequences of actions by random actors on a few cases never reach an illegal state, refused
actions change nothing in what is stored, and the audit chain always verifies — on both engines. Each example
starts from a fresh copy of the template register (store_flows.fill_template): a copied SQLite file, or a
database made from the PostgreSQL template with its login roles (PgTemplate). PostgreSQL runs fewer examples:
each copy is a new database, and every step reads the register over the network stack."""
from __future__ import annotations

import datetime as dt
import json
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from desktop.core import workflow
from desktop.core.errors import DomainError, PermissionDenied, WrongStage
from desktop.core.model import DECISIONS, FINAL_STAGES, STAGES
from desktop.store import Filters, Register
from store_flows import (ACTIONS, CODES, INTAKE_FIELDS, RESULT_FIELDS, T0, applicant, documents, snapshot,
                         template)

pytestmark = pytest.mark.store
ACTORS = ("clerk", "head", "executor1", "executor2", "admin", "ghost")
DECIDED = ("awaiting_signature", "signed", "delivered")
ASSIGNED = ("with_executor", "awaiting_signature", "signed", "delivered")


def _params(reg: Register, action: str, code: str, variant: int, executor: str, outcome: str,
            method: str) -> dict:
    """Parameters for an action: mostly valid, sometimes (variant 0) missing or wrong."""
    svc = reg.catalogue.service(code)
    bad = variant == 0
    if action == "resolve":
        return {"executor": reg.user(executor).id, "resolution": "" if bad else "Қарауға"}
    if action == "draft":
        if outcome == "refused":
            return {"decision": "refused", "reasons": [] if bad else [svc.refusal_reasons[0].id], "text": "себеп"}
        result = dict(RESULT_FIELDS.get(code, {}))
        if bad and code == "S6":
            result["quarter"] = "2026-Q9"
        return {"decision": "maybe" if bad and code != "S6" else "approved", "result": result, "text": ""}
    if action in ("return", "suspend", "withdraw"):
        return {"reason": " " if bad else "себебі"}
    if action == "deliver":
        return {"method": method, "post_number": "" if bad else "RR1KZ", "date": "2025-01-01" if bad else None}
    if action == "record_slip":
        return {"started_on": "ертең" if bad else "2026-03-25"}
    return {}


class Copies:
    """Fresh copies of the template register on one engine, each discarded after its example."""

    def __init__(self, source: Path | None = None, pg_template: Any = None) -> None:
        self.source, self.pg_template = source, pg_template

    def make(self) -> tuple[Path | str, Callable[[], None]]:
        if self.pg_template is not None:
            url = self.pg_template.copy()
            return url, lambda: self.pg_template.discard(url)
        folder = Path(tempfile.mkdtemp(prefix="kense-stateful-"))
        shutil.copyfile(self.source, folder / "r.sqlite3")
        return folder / "r.sqlite3", lambda: shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def copies(engine, tmp_path_factory, request) -> Copies:
    if engine == "postgresql":
        return Copies(pg_template=request.getfixturevalue("pg_template"))
    return Copies(source=template(tmp_path_factory.getbasetemp()))


EXAMPLES = {"sqlite": 50, "postgresql": 15}


class RegisterMachine(RuleBasedStateMachine):
    def __init__(self, copies: Copies) -> None:
        super().__init__()
        target, self._discard = copies.make()
        try:
            self.reg = Register.open(target)
        except BaseException:
            self._discard()
            raise
        self.clock = T0 + dt.timedelta(days=1)
        self.reg_nos = [c.reg_no for c in reversed(self.reg.find(Filters(), limit=100))]
        self.executors = {u.id for u in self.reg.users("executor")}
        self.done = 0

    def teardown(self) -> None:
        try:
            assert self.reg.verify().ok
        finally:
            self.reg.close()
            self._discard()

    @rule(minutes=st.integers(0, 60 * 24 * 4))
    def tick(self, minutes: int) -> None:
        self.clock += dt.timedelta(minutes=minutes)

    @rule(code=st.sampled_from(CODES), who=st.sampled_from(ACTORS), serial=st.integers(1, 3),
          bad=st.booleans())
    def register_case(self, code: str, who: str, serial: int, bad: bool) -> None:
        before = snapshot(self.reg.path)
        person = applicant(serial, surname="Ахметов7") if bad else applicant(serial)
        try:
            case = self.reg.register_case(self.reg.user(who), code, person, INTAKE_FIELDS.get(code),
                                          documents(self.reg, code), now=self.clock)
        except DomainError:
            assert snapshot(self.reg.path) == before
            return
        assert who == "clerk" and not bad
        self.reg_nos.append(case.reg_no)

    def _attempt(self, index: int, action: str, who: str, variant: int, executor: str, outcome: str,
                 method: str) -> DomainError | None:
        reg_no = self.reg_nos[index % len(self.reg_nos)]
        case = self.reg.case(reg_no)
        params = _params(self.reg, action, case.service, variant, executor, outcome, method)
        before = snapshot(self.reg.path)
        try:
            new = self.reg.perform(self.reg.user(who), reg_no, action, now=self.clock, **params)
        except DomainError as exc:
            assert snapshot(self.reg.path) == before, (action, who, exc.code)
            assert exc.message("kk") and exc.message("ru")
            return exc
        self.done += 1
        assert who not in ("admin", "ghost") and new.stage in STAGES
        last = self.reg.history(reg_no)[-1]
        assert (last.action, last.from_stage, last.to_stage, last.actor) == (action, case.stage, new.stage, who)
        if action == "resume":
            assert new.due_at - case.due_at == self.clock - dt.datetime.fromisoformat(case.data["suspended_at"])
        return None

    @rule(index=st.integers(0, 30), action=st.sampled_from(ACTIONS), who=st.sampled_from(ACTORS),
          variant=st.integers(0, 4), executor=st.sampled_from(("executor1", "executor2", "head", "ghost")),
          outcome=st.sampled_from(("approved", "refused")), method=st.sampled_from(("in_person", "post")))
    def act(self, index: int, action: str, who: str, variant: int, executor: str, outcome: str,
            method: str) -> None:
        """Anything by anyone: refused or done, never half-done."""
        self._attempt(index, action, who, variant, executor, outcome, method)

    @rule(index=st.integers(0, 30), who=st.sampled_from(ACTORS[:4]), choice=st.integers(0, 8),
          variant=st.integers(0, 6), executor=st.sampled_from(("executor1", "executor2")),
          outcome=st.sampled_from(("approved", "refused")), method=st.sampled_from(("in_person", "post")))
    def act_as_allowed(self, index: int, who: str, choice: int, variant: int, executor: str, outcome: str,
                       method: str) -> None:
        """An action the core says this actor may take now (what the UI offers): never refused for role or
        stage, only (sometimes) for bad input."""
        case = self.reg.case(self.reg_nos[index % len(self.reg_nos)])
        allowed = workflow.allowed_actions(case, self.reg.user(who))
        if not allowed:
            return
        action = allowed[choice % len(allowed)]
        err = self._attempt(index, action, who, variant, executor, outcome, method)
        assert not isinstance(err, (PermissionDenied, WrongStage)), (who, action, case.stage, err)

    @invariant()
    def every_case_is_legal(self) -> None:
        numbers: dict[str, list[int]] = {}
        for reg_no in self.reg_nos:
            c = self.reg.case(reg_no)
            numbers.setdefault(reg_no[3:7], []).append(int(reg_no[7:]))
            assert c.stage in STAGES and c.decision in (None, *DECISIONS)
            held_from = c.data.get("suspended_from")
            assert (c.stage == "suspended") == (held_from is not None)
            effective = held_from or c.stage
            if c.decision is not None:
                assert effective in DECIDED or c.stage == "withdrawn", (c.stage, held_from)
            if effective in DECIDED:
                assert c.decision is not None
            if effective in ASSIGNED:
                assert c.executor_id in self.executors
            assert (c.closed_at is not None) == (c.stage in FINAL_STAGES)
            assert (c.step_due_at is None) == (c.stage in FINAL_STAGES)
            assert c.due_at >= c.registered_at and c.stage_since >= c.registered_at
            assert c.step_due_at is None or c.step_due_at <= c.due_at  # the case's deadline binds every stage
            if c.closed_at:
                assert c.closed_at >= c.registered_at
            if "slip" in c.data:
                assert c.service == "S4" and c.decision == "approved" and c.stage == "delivered"
            if "delivery" in c.data:
                assert c.stage == "delivered"
                assert c.data["delivery"]["method"] in self.reg.catalogue.service(c.service).delivery
            history = self.reg.history(reg_no)
            assert history[0].action == "register" and history[-1].to_stage == c.stage
            for prev, nxt in zip(history, history[1:]):
                assert prev.to_stage == nxt.from_stage
        for seqs in numbers.values():
            assert sorted(seqs) == list(range(1, len(seqs) + 1))

    @invariant()
    def the_chain_verifies(self) -> None:
        report = self.reg.verify()
        assert report.ok, report


def test_random_action_sequences(copies, engine):
    run_state_machine_as_test(lambda: RegisterMachine(copies),
                              settings=settings(max_examples=EXAMPLES[engine], stateful_step_count=25,
                                                deadline=None, suppress_health_check=[HealthCheck.too_slow]))


def test_the_machine_can_reach_every_stage(copies):
    """The random walk is not vacuous: the valid path by the right people is accepted step after step."""
    machine = RegisterMachine(copies)
    try:
        machine.register_case("S5", "clerk", 1, False)
        new = len(machine.reg_nos) - 1
        for action, who, variant in (("resolve", "head", 1), ("suspend", "executor1", 1), ("resume", "head", 1),
                                     ("draft", "executor1", 1), ("return", "head", 1), ("draft", "executor1", 1),
                                     ("sign", "head", 1), ("deliver", "executor1", 1)):
            machine.tick(30)
            assert machine._attempt(new, action, who, variant, "executor1", "approved", "in_person") is None
            machine.every_case_is_legal()
        assert machine.done == 8
        assert machine.reg.case(machine.reg_nos[new]).stage == "delivered"
        stored = json.loads(json.dumps(machine.reg.case(machine.reg_nos[new]).data))
        assert stored["returns"] == 1
    finally:
        machine.teardown()
