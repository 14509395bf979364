"""Demo cases that come through a public service centre branch or a village akimat (issue 5), for demo.py.

A share of the demo's S7 applications is taken at the office's PSC branch, and a share of S6 and S7 at one of its
district's akimats. Such a case is made by the real core like every exact demo case — ``workflow.register`` with
the inspector or akim, ``packages.dispatch`` / ``receive`` / ``hand_over`` for the package, ``workflow.perform``
for the department's work — and its registries, items and scans are returned as plain tuples for the parent to
write (``write_registries``). The choice of channel is a hash of the case number, so it draws nothing from the
chunk's random stream. The courier runs twice a day (12:30 and 17:15 from the branch, 11:00 and 16:00 back).
"""
from __future__ import annotations

import datetime as dt
import sqlite3
import unicodedata
from collections.abc import Iterable
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any

from ..core import packages, reference, workflow
from ..core.catalogue import Service
from ..core.model import Case, User
from .audit import canonical
from .demo_time import _iso

PSC_SHARE = {"S7": 0.30}                  # of the service's applications, through the PSC branch
AKIMAT_SHARE = {"S6": 0.25, "S7": 0.08}   # through the akimat (S6 issued there, S7 forwarded)
LIVE_DAYS = 180                           # the channels went live half a year before "now"
LATE = 0.03                               # a package that misses its delivery and turns up a day later
TO_DEPARTMENT = (dt.time(12, 30), dt.time(17, 15))
TO_BRANCH = (dt.time(11, 0), dt.time(16, 0))
STAFF = (("inspector", "Бекова Жанар Қайратқызы", "psc_inspector"),
         ("collector", "Тоқтаров Асқар Мұратұлы", "psc_collector"),
         ("akim", "Тұрсынов Болат Ерланұлы", "akim"))
Parcel = tuple[Any, ...]  # see _parcel
_KZ_TO_RU = str.maketrans("әғқңөұүһіхё", "агкноуухикe")


def _stem(text: str) -> str:
    """The first word, case-folded, Kazakh letters folded to Russian ones (Балқаш ~ Балхаш)."""
    return unicodedata.normalize("NFC", text).split()[0].casefold().translate(_KZ_TO_RU)


@lru_cache(maxsize=32)
def office_akimat(office: int) -> int:
    """The first akimat of the department's district (district spellings differ between the annexes)."""
    info = reference.office(office) or {}
    stem = _stem(info.get("address_kk", "") or info.get("name_kk", "x"))
    best = max(reference.akimats(), key=lambda a: SequenceMatcher(None, _stem(a["district_kk"]), stem).ratio())
    return best["id"]


def staff_specs(office: int) -> list[tuple[str, str, str, dict[str, int]]]:
    """(username, full name, role, binding) of the demo's PSC inspector, collecting inspector and akim."""
    bind = ({"psc_branch": office}, {"psc_branch": office}, {"akimat_id": office_akimat(office)})
    return [(u, n, r, b) for (u, n, r), b in zip(STAFF, bind)]


def _hash(i: int, seed: int) -> float:
    return ((i * 2246822519 + seed * 3266489917 + 374761393) & 0xFFFFFFFF) / 2 ** 32


def channel_of(i: int, code: str, plan: Any, t: dt.datetime) -> str | None:
    """'psc', 'akimat' or None (the department's counter), from the case number only: no random draw.

    The channels went live ``LIVE_DAYS`` ago (older cases all came to the counter, which also keeps the demo's
    fast path for old cases); the newest cases always come through one, so that packages at the branch and on
    the road are there to be seen."""
    if t < plan.now - dt.timedelta(days=LIVE_DAYS):
        return None
    if i >= plan.total - 16 and code in ("S6", "S7"):
        return "psc" if code == "S7" else "akimat"
    h = _hash(i, plan.seed)
    psc = PSC_SHARE.get(code, 0.0)
    if h < psc:
        return "psc"
    if h < psc + AKIMAT_SHARE.get(code, 0.0):
        return "akimat"
    return None


def registry_no(office: int, day: dt.date, source_slot: int, direction: str, run: int) -> str:
    """A number per (source, direction, day, run), rising with the day: R + office + year + 6 digits."""
    seq = day.timetuple().tm_yday * 100 + source_slot * 10 + (5 if direction == "to_branch" else 0) + run
    return packages.format_registry_no(office, day.year, seq)


class ChannelCase:
    """One PSC or akimat case simulated to ``now``: its row, events and registry parcels."""

    def __init__(self, sim: Any, case_id: int, svc: Service, kind: str, staff: tuple[User, User, User]) -> None:
        self.sim, self.p, self.case_id, self.svc, self.kind = sim, sim.p, case_id, svc, kind
        self.inspector, self.collector, self.akim = staff
        self.source = f"psc:{self.inspector.psc_branch}" if kind == "psc" else f"akimat:{self.akim.akimat_id}"
        self.events: list[tuple[Any, ...]] = []
        self.parcels: list[Parcel] = []

    # -- time

    def run_after(self, t: dt.datetime, times: tuple[dt.time, ...]) -> tuple[dt.datetime, int]:
        """The first courier run at least 20 minutes after t (a working day), and its number."""
        day = self.sim.snap(t).date()
        while True:
            for run, at in enumerate(times, 1):
                moment = dt.datetime.combine(day, at)
                if moment >= t + dt.timedelta(minutes=20) and self.sim.snap(moment) == moment:
                    return moment, run
            day = self.sim.snap(dt.datetime.combine(day + dt.timedelta(days=1), dt.time())).date()

    def arrival(self, sent: dt.datetime, r: Any) -> dt.datetime:
        """The courier's delivery: the afternoon run the same day, the evening run next morning."""
        base = sent + dt.timedelta(hours=2, minutes=30) if sent.hour < 15 else \
            dt.datetime.combine(sent.date() + dt.timedelta(days=1), dt.time(9, 20))
        return self.sim.snap(base + dt.timedelta(minutes=int(r.random() * 40)))

    # -- events

    def log(self, at: dt.datetime, actor: User, action: str, before: Case | None, after: Case,
            details: dict[str, Any]) -> None:
        self.events.append((_iso(at), self.case_id, len(self.events), actor.id, actor.username, action,
                            before.stage if before else None, after.stage, canonical(details)))

    def perform(self, case: Case, actor: User, action: str, when: dt.datetime, params: dict[str, Any]) -> Case:
        new, event = workflow.perform(case, service=self.svc, actor=actor, action=action, now=when, params=params,
                                      calendar=self.p.calendar)
        details = dict(event.details)
        if new.step_due_at != case.step_due_at:
            details["step_due_at"] = _iso(new.step_due_at)
        self.log(when, actor, action, case, new, details)
        return new

    def move(self, case: Case, result: tuple[Case, Any], when: dt.datetime, actor: User) -> Case:
        new, event = result
        self.log(when, actor, event.action, case, new, dict(event.details))
        return new

    # -- the path

    def run(self, who: dict[str, Any], fields: dict[str, Any], docs: list[str], reg_no: str, t: dt.datetime,
            r: Any, missing: bool) -> tuple[tuple[Any, ...], list[tuple[Any, ...]], list[Parcel]]:
        p, clerk = self.p, self.p.clerk
        intake = self.inspector if self.kind == "psc" else self.akim
        case, event = workflow.register(service=self.svc, actor=intake, applicant=who, fields=fields, documents=docs,
                                        reg_no=reg_no, catalogue_version=p.catalogue.version, now=t,
                                        calendar=p.calendar, channel=self.kind, channel_ref=self.source)
        self.log(t, intake, "register", None, case, dict(event.details, step_due_at=_iso(case.step_due_at),
                                                         due_at=_iso(case.due_at)))
        if case.package is None:  # an akimat's own S6: the akim acts as head and executor
            case = self.local(case, who, t, r, missing)
        else:
            case = self.forwarded(case, who, t, r, missing, clerk)
        row = self.sim.row(self.case_id, case.reg_no, self.svc.code, case.stage, case.decision, who, t,
                           case.executor_id, case.due_at, case.step_due_at, case.stage_since, case.closed_at,
                           case.data)
        return row[:3] + (case.channel,) + row[4:15] + (intake.id,) + row[16:], self.events, self.parcels

    def local(self, case: Case, who: dict[str, Any], t: dt.datetime, r: Any, missing: bool) -> Case:
        for actor, action, when, params in self.sim.steps(self.svc, who, t, r, missing):
            params = dict(params)
            if action == "resolve":
                params.pop("executor", None)
            case = self.perform(case, self.akim, action, when, params)
        return case

    def forwarded(self, case: Case, who: dict[str, Any], t: dt.datetime, r: Any, missing: bool, clerk: User) -> Case:
        sender = self.collector if self.kind == "psc" else self.akim
        receiver = self.inspector if self.kind == "psc" else self.akim
        sent, run = self.run_after(t, TO_DEPARTMENT)
        if sent > self.p.now:
            return case
        number = registry_no(self.p.office, sent.date(), 0 if self.kind == "psc" else 1, "to_department", run)
        case = self.move(case, packages.dispatch(case, self.svc, registry_no=number, direction="to_department",
                                                 now=sent, calendar=self.p.calendar), sent, sender)
        came = self.arrival(sent, r)
        closed = came + dt.timedelta(minutes=25)
        late = r.random() < LATE
        if late:
            came = self.sim.snap(came + dt.timedelta(days=1))
        received = came <= self.p.now
        self.parcels.append(_parcel(number, "to_department", self.source, sent, run, sender, self.case_id,
                                    came if received else None, clerk, closed, late))
        if late and closed <= self.p.now:
            self.log(closed, clerk, "package_missing", case, case,
                     {"reg_no": case.reg_no, "registry": number, "package": case.package})
        if not received:
            return case
        case = self.move(case, packages.receive(case, self.svc, actor=clerk, registry_no=number,
                                                direction="to_department", now=came, calendar=self.p.calendar),
                         came, clerk)
        for actor, action, when, params in self.sim.steps(self.svc, who, came, r, missing):
            if action in ("deliver", "record_slip"):
                break
            case = self.perform(case, actor, action, when, params)
        if case.stage != "signed":
            return case
        back, run = self.run_after(case.stage_since, TO_BRANCH)
        if back > self.p.now:
            return case
        number = registry_no(self.p.office, back.date(), 0 if self.kind == "psc" else 1, "to_branch", run)
        case = self.move(case, packages.dispatch(case, self.svc, registry_no=number, direction="to_branch", now=back,
                                                 calendar=self.p.calendar), back, clerk)
        came = self.sim.snap(back + dt.timedelta(hours=1, minutes=int(r.random() * 50)))
        received = came <= self.p.now
        self.parcels.append(_parcel(number, "to_branch", self.source, back, run, clerk, self.case_id,
                                    came if received else None, receiver, came + dt.timedelta(minutes=20), False))
        if not received:
            return case
        case = self.move(case, packages.receive(case, self.svc, actor=receiver, registry_no=number,
                                                direction="to_branch", now=came, calendar=self.p.calendar),
                         came, receiver)
        handed = self.sim.snap(came + dt.timedelta(hours=int(r.random() * 60) + 1))
        if handed > self.p.now:
            return case
        return self.move(case, packages.hand_over(case, actor=receiver, now=handed), handed, receiver)


def _parcel(number: str, direction: str, source: str, sent: dt.datetime, run: int, sender: User, case_id: int,
            received_at: dt.datetime | None, receiver: User, close_at: dt.datetime, late: bool) -> Parcel:
    return (number, direction, source, sent.date().isoformat(), run, _iso(sent), sender.id, case_id,
            _iso(received_at), receiver.id, _iso(close_at), late)


def write_registries(conn: sqlite3.Connection, parcels: Iterable[Parcel], now: dt.datetime) -> int:
    """The registries, their items and the receipt scans of the demo's channel cases, as the desk would leave them
    at ``now``: received, incomplete (a late package still missing), being received or still on the road.
    A registry that already exists for that branch, direction, day and run (an earlier load) takes the new items."""
    groups: dict[tuple[str, str, str, int], list[Parcel]] = {}
    for parcel in parcels:
        groups.setdefault((parcel[2], parcel[1], parcel[3], parcel[4]), []).append(parcel)
    stamp = _iso(now)
    for key in sorted(groups, key=lambda k: (k[2], k[3], k[1], k[0])):
        items = sorted(groups[key], key=lambda p: p[7])
        registry_id = _registry_for(conn, key, items[0])
        position = conn.execute("SELECT coalesce(max(position), 0) FROM registry_items WHERE registry_id=?",
                                (registry_id,)).fetchone()[0]
        closed = max(p[10] for p in items) <= stamp
        for p in items:
            position += 1
            state = "received" if p[8] is not None else ("missing" if closed else "in_transit")
            conn.execute("INSERT INTO registry_items(registry_id, case_id, position, state, received_at,"
                         " received_by) VALUES (?,?,?,?,?,?)",
                         (registry_id, p[7], position, state, p[8], p[9] if p[8] else None))
            if p[8] is not None:
                conn.execute("INSERT INTO scans(registry_id, case_id, code, result, at, actor_id) SELECT ?, id,"
                             " reg_no, 'received', ?, ? FROM cases WHERE id=?", (registry_id, p[8], p[9], p[7]))
        _settle(conn, registry_id, max(p[10] for p in items), items[0][9])
    return len(groups)


def _registry_for(conn: sqlite3.Connection, key: tuple[str, str, str, int], first: Parcel) -> int:
    source, direction, day, run = key
    row = conn.execute("SELECT id FROM registries WHERE source=? AND direction=? AND day=? AND run=?",
                       key).fetchone()
    if row:
        return row[0]
    office = int(first[0][1:3])
    number = first[0]
    if conn.execute("SELECT 1 FROM registries WHERE number=?", (number,)).fetchone():  # taken by a real one
        prefix = number[:7]
        last = conn.execute("SELECT max(number) FROM registries WHERE substr(number, 1, 7) = ?", (prefix,)).fetchone()[0]
        number = packages.format_registry_no(office, int(prefix[3:7]), int(last[-6:]) + 1)
    return conn.execute("INSERT INTO registries(number, direction, source, day, run, status, created_at, created_by)"
                        " VALUES (?,?,?,?,?,'dispatched',?,?) RETURNING id",
                        (number, direction, source, day, run, first[5], first[6])).fetchone()[0]


def _settle(conn: sqlite3.Connection, registry_id: int, close_at: str, receiver: int) -> None:
    """Status and closing as the receiving desk leaves them: the last scan of a full registry closes it."""
    states = dict(conn.execute("SELECT state, count(*) FROM registry_items WHERE registry_id=? GROUP BY state",
                               (registry_id,)).fetchall())
    last = conn.execute("SELECT max(received_at) FROM registry_items WHERE registry_id=?", (registry_id,)).fetchone()[0]
    if set(states) == {"received"}:
        status, closed_at = "received", min(last, close_at)
    elif states.get("missing"):
        status, closed_at = "incomplete", close_at
    else:
        status, closed_at = ("receiving" if states.get("received") else "dispatched"), None
    conn.execute("UPDATE registries SET status=?, closed_at=?, closed_by=? WHERE id=?",
                 (status, closed_at, receiver if closed_at else None, registry_id))


REGISTRY_COLUMNS = "id number direction source day run status created_at created_by closed_at? closed_by?"
ITEM_COLUMNS = "registry_id case_id position state received_at? received_by?"
SCAN_COLUMNS = "id registry_id case_id code result at actor_id"


def registry_rows(parcels: Iterable[Parcel], now: dt.datetime, reg_nos: dict[int, str]
                  ) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """What ``write_registries`` writes into a register that has no registries yet, as rows for a bulk copy
    (PostgreSQL's COPY): registries, registry_items and scans, ids from 1, an empty field for NULL
    (REGISTRY_COLUMNS...). tests/store/test_demo_server.py checks that both give the same tables."""
    groups: dict[tuple[str, str, str, int], list[Parcel]] = {}
    for parcel in parcels:
        groups.setdefault((parcel[2], parcel[1], parcel[3], parcel[4]), []).append(parcel)
    stamp = _iso(now)
    registries, items, scans, numbers = [], [], [], set()
    for registry_id, key in enumerate(sorted(groups, key=lambda k: (k[2], k[3], k[1], k[0])), 1):
        source, direction, day, run = key
        group = sorted(groups[key], key=lambda p: p[7])
        first = group[0]
        number = first[0]
        if number in numbers:
            last = max(n for n in numbers if n[:7] == number[:7])
            number = packages.format_registry_no(int(number[1:3]), int(number[3:7]), int(last[-6:]) + 1)
        numbers.add(number)
        close_at = max(p[10] for p in group)
        closed = close_at <= stamp
        states = set()
        for position, p in enumerate(group, 1):
            state = "received" if p[8] is not None else ("missing" if closed else "in_transit")
            states.add(state)
            items.append((registry_id, p[7], position, state, p[8] or "", p[9] if p[8] else ""))
            if p[8] is not None:
                scans.append((len(scans) + 1, registry_id, p[7], reg_nos[p[7]], "received", p[8], p[9]))
        received = [p[8] for p in group if p[8] is not None]
        if states == {"received"}:
            status, closed_at = "received", min(max(received), close_at)
        elif "missing" in states:
            status, closed_at = "incomplete", close_at
        else:
            status, closed_at = ("receiving" if received else "dispatched"), None
        registries.append((registry_id, number, direction, source, day, run, status, first[5], first[6],
                           closed_at or "", first[9] if closed_at else ""))
    return registries, items, scans
