"""The demo office's cases: synthetic people and a simulated office working through them (for demo.py).

Each case's plan (who does what, when) is drawn first, from random numbers only; then the case is made by the
real core (``workflow.register`` and ``workflow.perform``, on the office calendar), or, for the plain closed
path (resolve, draft, sign, deliver, S4 slip) that most old cases follow, written out by ``quick`` exactly as the
core would write it (tests/store/test_demo.py compares the two on thousands of cases). Everything here is
pure and deterministic for a seed, so worker processes can make chunks independently.
"""
from __future__ import annotations

import bisect
import datetime as dt
import itertools
import json
import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any

from ..core import reference, workflow
from ..core.calendar import OfficeCalendar
from ..core.catalogue import Catalogue, Service
from ..core.iin import make_iin
from ..core.model import User
from .demo_channels import ChannelCase, _stem, channel_of
from .demo_time import _DAY, Timeline, _iso
from .register import format_reg_no, name_key

SERVICE_WEIGHTS = {"S1": 5, "S2": 4, "S3": 4, "S4": 9, "S5": 27, "S6": 13, "S7": 38}
AGES = {"S1": (22, 75), "S2": (22, 75), "S3": (22, 75), "S4": (19, 50), "S5": (25, 80), "S6": (20, 60),
        "S7": (20, 42)}
STALL = 0.0015               # an open case forgotten at its stage (old overdue work)

_MALE = ("Ерлан Нұрлан Асқар Бауыржан Дәурен Ержан Қайрат Марат Серік Болат Ақылбек Арман Айдос Данияр Руслан "
         "Талғат Жандос Ерболат Нұржан Мұрат Санжар Алмас Бекзат Ғалым Дархан Еркебұлан Жасұлан Қанат Мақсат "
         "Олжас Рүстем Сағат Темірлан Ұлан Азамат Әлібек Бағдат Ербол Берік Абай Айбек Бақыт Дулат Ерік Самат "
         "Тимур Ілияс Шыңғыс Нұрбол Жомарт Мейрам Әділет Құдайберген Төлеген Ақжол").split()
_FEMALE = ("Айгүл Гүлнар Сәуле Дана Әсел Жанар Мөлдір Айжан Ақмарал Гүлмира Динара Жазира Назерке Салтанат "
           "Айнұр Балжан Ботагөз Гүлжан Дәмеш Жұлдыз Зарина Индира Қарлығаш Ләззат Мадина Нұргүл Перизат Раушан "
           "Сандуғаш Толқын Ұлжан Шынар Әйгерім Аружан Бибігүл Гаухар Ақбота Томирис Меруерт Камила Аяулым Інжу "
           "Күләш Роза Сымбат").split()
_SURNAMES = ("Ахметов Серікбаев Жұмабаев Оспанов Асқаров Сейітов Нұрланов Қасымов Әбілов Омаров Смағұлов "
             "Төлеуов Бекмұхамбетов Есенов Жақыпов Ибраев Кенжебаев Мұқанов Нұрпейісов Сапаров Тоқтаров "
             "Уәлиханов Шәкенов Әлімжанов Байжанов Дүйсенов Ермеков Исабеков Қалиев Медеуов Орынбаев "
             "Рахымжанов Сәрсенбаев Тұрсынов Үмбетов Хасенов Шалабаев Ысқақов Бегалин Жұмабекұлы Байтұрсын "
             "Жақсылық Нұрмағамбетов Әбдірахманов Садықов Бейсенов Мамыров Есімов Құрманғалиев Тәжібаев "
             "Ғабдуллин Серғазин Жанұзақов Әуезов Сұлтанбеков").split()
_STREETS = ("Абай,Жамбыл,Төле би,Қонаев,Сейфуллин,Желтоқсан,Тәуелсіздік,Әуезов,Бөкейхан,Жансүгіров,Абылай хан,"
            "Райымбек,Қабанбай батыр,Бейбітшілік,Достық,Жеңіс,Мәметова,Шоқан Уәлиханов,Алтынсарин").split(",")
_MOBILE = ("701", "702", "705", "707", "708", "747", "771", "775", "776", "777", "778")
_INSTITUTIONS = ("«{p} су» ЖШС", "{p} ауылдық округі әкімінің аппараты", "«{p} тазалық» МКК",
                 "«Жетісу агро» ЖШС", "Талдықорған жоғары политехникалық колледжі", "«{p} мектеп-гимназиясы» КММ")
_TERMS = ("3 ай", "6 ай", "12 ай")
_RESOLUTIONS = ("Қарап, заңнамаға сәйкес шешім қабылдансын", "Орындау үшін", "Құжаттарды тексеріп, жауап дайындаңыз",
                "Мерзімінде орындалсын")
_APPROVALS = ("Қызметті алуға құқығы расталды", "Құжаттар толық, талаптарға сай", "Оң шешім қабылданды")
_REFUSALS = ("Тексеру нәтижесінде құқығы расталмады", "Ұсынылған құжаттар талаптарға сай емес",
             "Дәлелді бас тарту дайындалды")
_RETURNS = ("Хабарламадағы деректерді нақтылаңыз", "Отбасы құрамы толық көрсетілмеген", "Есептеу қайта тексерілсін")
_SUSPENDS = ("Қосымша құжаттар күтілуде", "Сұрау салуға жауап күтілуде", "Өтініш беруші анықтама әкелуі керек")
_WITHDRAWS = ("Өтініш берушінің жазбаша өтініші бойынша", "Өтініш беруші өтінішін кері алды")


def _encoder(**options: Any) -> Callable[[Any], str]:
    """json.dumps with these options, minus its per-call set-up (the C encoder made once; same text)."""
    full = json.JSONEncoder(ensure_ascii=False, **options)
    try:
        from json.encoder import c_make_encoder, encode_basestring
        once = c_make_encoder(None, full.default, encode_basestring, None, full.key_separator,
                              full.item_separator, full.sort_keys, False, True)
        once({"x": [1, "й", None]}, 0)
    except (ImportError, TypeError):  # another Python: the ordinary way
        return full.encode
    return lambda value: "".join(once(value, 0))


CANONICAL = _encoder(sort_keys=True, separators=(",", ":"), default=str)  # = audit.canonical
DATA = _encoder()  # = json.dumps(case.data, ensure_ascii=False), as Register._insert_case writes it
def _female(surname: str) -> str:
    if surname.endswith(("ов", "ев", "ин")):
        return surname + "а"
    return surname[:-3] + "қызы" if surname.endswith("ұлы") else surname


# ---------------------------------------------------------------- the office's places

@lru_cache(maxsize=32)
def _places(office: int) -> tuple[str, tuple[str, ...]]:
    """(district prefix, settlements) of one department, from the reference lists (spellings vary)."""
    info = reference.office(office) or {}
    parts = [p.strip() for p in info.get("address_kk", "").split(",")]
    district = parts[0] if parts and parts[0].endswith("ауданы") else ""
    towns = [p for p in parts if p.endswith(("ауылы", "кенті", "қаласы"))][:1]
    stem = _stem(parts[0]) if parts and parts[0] else ""
    settlements = list(towns)
    for akimat in reference.akimats():
        if SequenceMatcher(None, _stem(akimat["district_kk"]), stem).ratio() >= 0.8:
            m = re.search(r"([^\s,]+)\s+(ауылы|кенті|қаласы)", akimat["address_kk"])
            if m and not m.group(1)[0].islower() and f"{m.group(1)} {m.group(2)}" not in settlements:
                settlements.append(f"{m.group(1)} {m.group(2)}")
    return district, tuple(settlements or ["Орталық ауылы"])


# ---------------------------------------------------------------- the simulation (runs in workers)

@dataclass(frozen=True)
class Plan:
    office: int
    seed: int
    total: int
    start: dt.datetime
    now: dt.datetime
    catalogue: Catalogue
    calendar: OfficeCalendar
    clerk: User
    head: User
    executors: tuple[User, ...]
    first_case_id: int
    counters: tuple[tuple[int, int, int], ...]   # (year, first case number of the year, last existing number)
    chunk: int = 4000                            # cases per chunk (fixed: the result does not depend on workers)
    exact: bool = False                          # every case through the core (the tests compare both ways)
    channel_staff: tuple[User, ...] = ()         # PSC inspector, collector, akim: channel cases (demo_channels.py)


class _Rand(random.Random):
    """random.Random with choice/randint/randrange from one random() call each: the demo draws tens of millions."""

    def choice(self, seq: Any) -> Any:
        return seq[int(self.random() * len(seq))]

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))

    def randrange(self, n: int) -> int:  # type: ignore[override]
        return int(self.random() * n)


def _nominal(svc: Service) -> dict[str, float]:
    """Seconds each stage's steps take on paper: when the simulated office acts (deadlines come from the core)."""
    unit = {"minutes": 60, "hours": 3600, "calendar_days": 86400, "working_days": 86400 * 7 / 5}
    gaps = {}
    for stage, actions in workflow.STAGE_STEPS.items():
        wanted = actions + (("register",) if stage == "awaiting_resolution" else ())
        gaps[stage] = sum(s.duration_value * unit[s.duration_unit] for s in svc.steps if s.action in wanted)
    return gaps


def _parts(svc: Service) -> dict[str, Any]:
    """The (value, unit) lists the core chains for a service: whole deadline, register step, each stage."""
    first = svc.step("register")
    out: dict[str, Any] = {"deadline": svc.deadline_parts(),
                           "register": (first.duration_value, first.duration_unit) if first else None}
    for stage, actions in workflow.STAGE_STEPS.items():
        out[stage] = tuple((s.duration_value, s.duration_unit) for s in svc.steps if s.action in actions)
    return out


class Simulator:
    def __init__(self, plan: Plan) -> None:
        self.p = plan
        self.timeline = Timeline(plan.start, plan.now, plan.calendar, plan.total, plan.seed)
        self.services = [plan.catalogue.service(code) for code in SERVICE_WEIGHTS]
        self.gaps = {s.code: _nominal(s) for s in self.services}
        self.parts = {s.code: _parts(s) for s in self.services}
        self.quoted: dict[str, str] = {}
        self.middles: dict[tuple[Any, ...], str] = {}
        s5 = plan.catalogue.service("S5")  # the maslikhat categories of the catalogue in force
        self.categories = [o.id for f in s5.fields_for("intake") if f.name == "category" for o in f.options]
        self.docs_cache: dict[tuple[str, ...], tuple[str, str]] = {}
        self.version_q = CANONICAL(plan.catalogue.version)
        self.cum_weights = list(itertools.accumulate(SERVICE_WEIGHTS.values()))
        district, self.settlements = _places(plan.office)
        self.district = f"{district}, " if district else ""
        pool, offset = max(200, plan.total // 6), 0
        self.segments: dict[str, tuple[int, int]] = {}
        for code, weight in SERVICE_WEIGHTS.items():
            self.segments[code] = (offset, max(20, pool * weight // 100))
            offset += self.segments[code][1]
        self.spread = offset // 5000 + 1
        self.people: dict[int, dict[str, Any]] = {}
        self.counters = {year: (first, last) for year, first, last in plan.counters}

    # -- people

    def person(self, code: str, k: int) -> dict[str, Any]:
        """Applicant k of a service's pool: the same person (IIN, name, address) on every case of theirs."""
        got = self.people.get(k)
        if got is not None:
            return got
        u = random.Random(self.p.seed * 1_000_003 + k).random
        low, high = AGES[code]
        sex = ("F" if u() < 0.85 else "M") if code == "S7" else ("F" if u() < 0.5 else "M")
        days = low * 365 + int(u() * (high - low) * 365)  # age at the start of the period, in days
        days += (k // 5000) % self.spread - days % self.spread  # with the serial below: one IIN per person
        birth = self.p.start.date() - dt.timedelta(days=days)
        root, names = _SURNAMES[int(u() * len(_SURNAMES))], _MALE if sex == "M" else _FEMALE
        patronymic = "" if u() < 0.04 else _MALE[int(u() * len(_MALE))] + ("ұлы" if sex == "M" else "қызы")
        place = self.settlements[int(u() * len(self.settlements))]
        flat = f", {1 + int(u() * 60)}-пәтер" if place.endswith("қаласы") and u() < 0.5 else ""
        first = max(birth + dt.timedelta(days=6935), self.p.start.date() - dt.timedelta(days=5500))
        span = max(1, (self.p.now.date() - first).days - 60)  # children under 18 some time in the period
        children = [[first + dt.timedelta(days=int(u() * span)), "M" if u() < 0.5 else "F", u(), None]
                    for _ in range(1 + int(u() * 4) if code in ("S6", "S7") else 0)]
        phone = int(u() * 1e7)
        got = self.people[k] = {
            "surname": root if sex == "M" else _female(root), "root": root, "sex": sex,
            "name": names[int(u() * len(names))], "patronymic": patronymic, "iin": make_iin(birth, sex, (k % 5000) * 2),
            "address": f"{self.district}{place}, {_STREETS[int(u() * len(_STREETS))]} көшесі, {1 + int(u() * 180)}{flat}",
            "phone": f"+7 {_MOBILE[int(u() * len(_MOBILE))]} {phone // 10000:03d} {phone // 100 % 100:02d} {phone % 100:02d}",
            "children": children}
        return got

    def kids(self, who: dict[str, Any], on: dt.date, r: random.Random) -> list[dict[str, str]]:
        """Children under 18 on the day (made on first use); a baby when there is none yet (benefit on a birth)."""
        out = []
        for child in who["children"]:
            born, sex, pick, made = child
            if born < on and (on - born).days < 6570:
                if made is None:
                    made = child[3] = self.child(who["root"], born, sex, pick)
                out.append(made)
        return out or [self.child(who["root"], on - dt.timedelta(days=r.randint(20, 300)), r.choice("MF"), r.random())]

    @staticmethod
    def child(root: str, born: dt.date, sex: str, pick: float) -> dict[str, str]:
        names = _MALE if sex == "M" else _FEMALE
        return {"full_name": f"{root if sex == 'M' else _female(root)} {names[int(pick * len(names))]}",
                "iin": make_iin(born, sex, int(pick * 1e6) % 10000), "relation": "son" if sex == "M" else "daughter"}

    def intake(self, svc: Service, who: dict[str, Any], on: dt.date, r: random.Random) -> dict[str, Any]:
        if svc.code == "S4":
            return {"employment_form": r.choice(svc.fields_for("intake")[0].options).id}
        if svc.code == "S5":
            return {"category": r.choice(self.categories)}
        return {"children": self.kids(who, on, r)} if svc.code == "S7" else {}

    def result(self, svc: Service, who: dict[str, Any], on: dt.date, r: random.Random) -> dict[str, Any]:
        if svc.code == "S4":
            place = r.choice(self.settlements).split()[0]
            return {"institution": r.choice(_INSTITUTIONS).format(p=place), "term": r.choice(_TERMS)}
        if svc.code == "S6":
            sex = "F" if who["sex"] == "M" else "M"
            spouse = {"full_name": f"{who['root'] if sex == 'M' else _female(who['root'])} "
                                   f"{r.choice(_MALE if sex == 'M' else _FEMALE)}", "relation": "spouse"}
            return {"quarter": f"{on.year}-Q{(on.month - 1) // 3 + 1}",
                    "family_members": [spouse] + self.kids(who, on, r)[:4]}
        return {}

    # -- time

    def snap(self, t: dt.datetime) -> dt.datetime:
        """The first office moment at or after t."""
        spans = self.p.calendar.spans
        while True:
            for begin, end in spans(t.date()):
                if t < end:
                    return t if t >= begin else begin
            t = dt.datetime.combine(t.date() + _DAY, dt.time())

    def later(self, t: dt.datetime, gap: float, r: random.Random, lo: float = 0.05) -> dt.datetime:
        """When the next action happens: mostly within the step's time on paper, sometimes late."""
        u = r.random()
        factor = lo + (0.95 - lo) * u / 0.9 if u < 0.9 else 1.05 + (u - 0.9) * 11.5
        t += dt.timedelta(seconds=int(max(60.0, gap * factor) + u * 7919 % 60))
        for begin, end in self.p.calendar.spans(t.date()):  # most often already in office hours
            if begin <= t < end:
                return t
        return self.snap(t)

    # -- what the office does to a case

    def steps(self, svc: Service, who: dict[str, Any], t: dt.datetime, r: random.Random,
              missing: bool) -> list[tuple[User, str, dt.datetime, dict[str, Any]]]:
        """The case's actions up to now: (actor, action, when, params), drawn before any is performed."""
        p, gaps, out = self.p, self.gaps[svc.code], []
        stage, executor, returns, decision, paused_from = "awaiting_resolution", None, 0, None, ""
        while stage != "withdrawn" and r.random() >= STALL:
            roll, act = r.random(), None
            if roll < 0.016 and stage in ("awaiting_resolution", "with_executor"):
                when = self.later(t, gaps[stage], r)
                if roll < 0.005:
                    act = (p.clerk if roll < 0.004 else p.head), "withdraw", when, {"reason": r.choice(_WITHDRAWS)}
                else:
                    act = (executor or p.head), "suspend", when, {"reason": r.choice(_SUSPENDS)}
            elif stage == "awaiting_resolution":
                executor = p.executors[int(r.random() * len(p.executors))]
                act = p.head, "resolve", self.later(t, gaps[stage], r), \
                    {"executor": executor, "resolution": r.choice(_RESOLUTIONS)}
            elif stage == "with_executor":
                when = self.later(t, gaps[stage], r, 0.3)
                if r.random() < (0.7 if missing else 0.12):
                    decision = "refused"
                    reason = "incomplete" if missing and svc.reason("incomplete") else r.choice(svc.refusal_reasons).id
                    act = executor, "draft", when, {"decision": decision, "reasons": [reason],
                                                    "text": r.choice(_REFUSALS)}
                else:
                    decision = "approved"
                    act = executor, "draft", when, {"decision": decision, "text": r.choice(_APPROVALS),
                                                    "result": self.result(svc, who, when.date(), r)}
            elif stage == "awaiting_signature":
                when = self.later(t, gaps[stage], r)
                if roll < 0.04 and svc.head_may_return and returns < 2:
                    returns += 1
                    act = p.head, "return", when, {"reason": r.choice(_RETURNS)}
                else:
                    act = p.head, "sign", when, {}
            elif stage == "signed":
                when = self.later(t, gaps[stage], r)
                if roll < 0.4:
                    when = self.snap(when + dt.timedelta(hours=2 + int(r.random() * 150)))
                params = {"method": "in_person", "date": when.date().isoformat()}
                if "post" in svc.delivery and r.random() < 0.3:
                    params = {"method": "post", "date": params["date"], "post_number": f"RR{r.randrange(10 ** 9):09d}KZ"}
                act = executor, "deliver", when, params
            elif stage == "suspended":
                when = self.snap(t + dt.timedelta(hours=20 + int(r.random() * 460)))
                act = (p.clerk, "withdraw", when, {"reason": r.choice(_WITHDRAWS)}) if roll < 0.1 else \
                    ((executor or p.head), "resume", when, {})
            elif svc.code == "S4" and decision == "approved" and roll < 0.6 and out[-1][1] == "deliver":
                when = self.snap(t + dt.timedelta(days=1 + int(r.random() * 10)))
                act = executor, "record_slip", when, {"started_on": when.date().isoformat(),
                                                      "order_no": f"{r.randint(1, 400)}-ж"}
            if act is None or act[2] > p.now:
                break
            out.append(act)
            t = act[2]
            if act[1] == "suspend":
                paused_from = stage
            stage = _NEXT_STAGE.get(act[1]) or {"draft": "awaiting_signature", "resume": paused_from}[act[1]]
            if act[1] == "record_slip":
                break
        return out

    # -- one case

    def reg_no(self, i: int, year: int) -> str:
        first, last = self.counters[year]
        return format_reg_no(self.p.office, year, last + i - first + 1)

    def case(self, i: int, r: random.Random) -> tuple[tuple[Any, ...], list[str]]:
        t = self.timeline.at(i)
        svc = self.services[bisect.bisect_right(self.cum_weights, r.random() * self.cum_weights[-1])]
        offset, size = self.segments[svc.code]
        who = self.person(svc.code, offset + int(r.random() * size))
        docs = [d.id for d in svc.documents]
        missing = len(docs) > 2 and r.random() < 0.07
        if missing:
            docs.remove(r.choice(docs[2:]))
        fields = self.intake(svc, who, t.date(), r)
        kind = channel_of(i, svc.code, self.p, t) if self.p.channel_staff else None
        if kind:  # through the PSC branch or an akimat (issue 5): made by the core, with its registries
            row, events, parcels = ChannelCase(self, self.p.first_case_id + i, svc, kind, self.p.channel_staff).run(
                who, fields, docs, self.reg_no(i, t.year), t, r, missing)
            self.parcels += parcels
            return row, event_lines(events)
        steps = self.steps(svc, who, t, r, missing)
        plain = not self.p.exact and [s[1] for s in steps][:4] == _PLAIN and len(steps) < 6
        return (self.quick if plain else self.exact)(self.p.first_case_id + i, svc, who, fields, docs,
                                                     self.reg_no(i, t.year), t, steps)

    def exact(self, case_id: int, svc: Service, who: dict[str, Any], fields: dict[str, Any], docs: list[str],
              reg_no: str, t: dt.datetime, steps: list[tuple[User, str, dt.datetime, dict[str, Any]]]
              ) -> tuple[tuple[Any, ...], list[str]]:
        """The case made by the core itself, action by action, as Register.register_case and perform do."""
        p = self.p
        case, event = workflow.register(service=svc, actor=p.clerk, applicant=who, fields=fields, documents=docs,
                                        reg_no=reg_no, catalogue_version=p.catalogue.version, now=t,
                                        calendar=p.calendar)
        details = dict(event.details, step_due_at=_iso(case.step_due_at), due_at=_iso(case.due_at))
        events = [(_iso(t), case_id, 0, p.clerk.id, p.clerk.username, "register", None, case.stage,
                   CANONICAL(details))]
        for actor, action, when, params in steps:
            new, event = workflow.perform(case, service=svc, actor=actor, action=action, now=when, params=params,
                                          calendar=p.calendar)
            details = dict(event.details)
            if new.step_due_at != case.step_due_at:
                details["step_due_at"] = _iso(new.step_due_at)
            events.append((_iso(when), case_id, len(events), actor.id, actor.username, action, event.from_stage,
                           event.to_stage, CANONICAL(details)))
            case = new
        return self.row(case_id, case.reg_no, svc.code, case.stage, case.decision, who, t, case.executor_id,
                        case.due_at, case.step_due_at, case.stage_since, case.closed_at, case.data), event_lines(events)

    def quick(self, case_id: int, svc: Service, who: dict[str, Any], fields: dict[str, Any], docs: list[str],
              reg_no: str, t: dt.datetime, steps: list[tuple[User, str, dt.datetime, dict[str, Any]]]
              ) -> tuple[tuple[Any, ...], list[str]]:
        """The plain closed case (resolve, draft, sign, deliver, S4 slip) written as the core writes it, for speed.

        Deadlines come from the core (workflow.chain over the service's steps, on the office calendar); the JSON
        is spelt out in the key order audit.canonical and Register._insert_case give. The test suite checks that
        this gives exactly what ``exact`` gives, rows and events, on thousands of cases."""
        p, cal, chain, q, parts = self.p, self.p.calendar, workflow.chain, self.quote, self.parts[svc.code]
        (_, _, t1, resolve), (_, _, t2, draft), (_, _, t3, _), (_, _, t4, delivery) = steps[:4]
        due = chain(t, parts["deadline"], cal)
        # each stage's due time, never after the case's (workflow.within_deadline)
        due1 = min(due, chain(cal.add(t, *parts["register"]) if parts["register"] else t, parts["awaiting_resolution"],
                              cal))
        due2 = min(due, chain(t1, parts["with_executor"], cal))
        due3 = min(due, chain(t2, parts["awaiting_signature"], cal))
        due4 = min(due, chain(t3, parts["signed"], cal))
        ex, head, decision, r = resolve["executor"], p.head, draft["decision"], f'"reg_no":"{reg_no}"'
        step2 = f',"step_due_at":"{due2.isoformat(" ")}"' if due2 != due1 else ""
        step3 = f',"step_due_at":"{due3.isoformat(" ")}"' if due3 != due2 else ""
        step4 = f',"step_due_at":"{due4.isoformat(" ")}"' if due4 != due3 else ""
        res_q, text_q, (docs_c, docs_d) = q(resolve["resolution"]), q(draft["text"]), self.docs_json(docs)
        if decision == "refused":
            drafted = f'{{"decision":"refused","reasons":{CANONICAL(draft["reasons"])},{r}{step3},"text":{text_q}}}'
            extra = f', "refusal_reasons": {DATA(draft["reasons"])}'
        else:
            result = draft["result"]
            drafted = f'{{"decision":"approved",{r},"result":{CANONICAL(result) if result else "{}"}{step3},' \
                      f'"text":{text_q}}}'
            extra = f', "result": {DATA(result) if result else "{}"}'
        post = f',"post_number":{q(delivery["post_number"])}' if "post_number" in delivery else ""
        texts = [f'{{"catalogue_version":{self.version_q},"channel":"department","documents":{docs_c},'
                 f'"due_at":"{due.isoformat(" ")}","iin":"{who["iin"]}",{r},"service":"{svc.code}",'
                 f'"step_due_at":"{due1.isoformat(" ")}"}}',
                 f'{{"executor":{q(ex.username)},"executor_id":{ex.id},{r},"resolution":{res_q}{step2}}}', drafted,
                 f'{{"decision":"{decision}",{r}{step4}}}',
                 f'{{"date":"{delivery["date"]}","method":"{delivery["method"]}"{post},{r},"step_due_at":null}}']
        data = f'{{"fields": {DATA(fields) if fields else "{}"}, "documents": {docs_d}, "returns": 0, ' \
               f'"resolution": {res_q}, "resolved_by": {head.id}{extra}, "draft_text": {text_q}, ' \
               f'"signed_by": {head.id}, "signed_at": "{t3.isoformat(" ")}", "delivery": {DATA(delivery)}'
        moves = [(t, p.clerk, "register", None), (t1, head, "resolve", "awaiting_resolution"),
                 (t2, ex, "draft", "with_executor"), (t3, head, "sign", "awaiting_signature"),
                 (t4, ex, "deliver", "signed"), (None, None, None, "delivered")]
        if len(steps) == 5:  # an S4 referral: the start of the placement recorded later
            (_, _, t5, params), result = steps[4], draft.get("result") or {}
            slip = {"started_on": params["started_on"], "order_no": params["order_no"],
                    "institution": result.get("institution", ""), "recorded_at": t5.isoformat(" ")}
            data += f', "slip": {DATA(slip)}'
            texts.append(CANONICAL({"reg_no": reg_no, **slip}))
            moves.insert(5, (t5, ex, "record_slip", "delivered"))
        cid, mid = f"{case_id:012d}", self.middle
        lines = []
        for k, (when, actor, action, frm) in enumerate(moves[:-1]):
            at = when.isoformat(" ")
            lines.append(f"{at}\x1f{cid}{k:03d}\x1f{case_id}\x1f{at}\x1f"
                         f"{mid(actor, action, frm, moves[k + 1][3])}{texts[k]}")
        return self.row(case_id, reg_no, svc.code, "delivered", decision, who, t, ex.id, due, None, t4, t4,
                        data + "}"), lines

    def middle(self, actor: User, action: str, frm: str | None, to: str) -> str:
        """The part of an event line between the time and the details: the same for every case (event_lines)."""
        key = (actor.id, action, frm, to)
        got = self.middles.get(key)
        if got is None:
            got = self.middles[key] = f"{actor.id}\x1f{actor.username}\x1f{action}\x1f{frm or ''}\x1f{to}\x1f"
        return got

    def quote(self, text: str) -> str:
        got = self.quoted.get(text)
        if got is None:
            got = self.quoted[text] = CANONICAL(text)
        return got

    def docs_json(self, docs: list[str]) -> tuple[str, str]:
        key = tuple(docs)
        got = self.docs_cache.get(key)
        if got is None:
            got = self.docs_cache[key] = (CANONICAL(docs), DATA(docs))
        return got

    def row(self, case_id: int, reg_no: str, code: str, stage: str, decision: str | None, who: dict[str, Any],
            t: dt.datetime, executor_id: int | None, due: dt.datetime, step_due: dt.datetime | None,
            since: dt.datetime, closed: dt.datetime | None, data: dict[str, Any] | str) -> tuple[Any, ...]:
        """One cases row, as Register._insert_case writes it."""
        return (case_id, reg_no, code, "department", self.p.catalogue.version, stage, decision, who["iin"],
                who["surname"], who["name"], who["patronymic"], name_key(who["surname"], who["name"], who["patronymic"]),
                who["address"], who["phone"], _iso(t), self.p.clerk.id, executor_id, _iso(due), _iso(step_due),
                _iso(since), _iso(closed), data if isinstance(data, str) else DATA(data))

    def chunk(self, index: int) -> tuple[list[tuple[Any, ...]], list[str], str, list[Any]]:
        r = _Rand(self.p.seed * 7919 + index)
        rows, events = [], []
        self.parcels: list[tuple[Any, ...]] = []
        for i in range(index * self.p.chunk, min(self.p.total, (index + 1) * self.p.chunk)):
            row, evs = self.case(i, r)
            rows.append(row)
            events += evs
        events.sort()  # the parent merges sorted runs in linear time
        return rows, events, rows[-1][14], self.parcels


def event_lines(events: list[tuple[Any, ...]]) -> list[str]:
    """Events (at, case_id, k, actor_id, actor, action, from, to, details) as sorted lines for the parent.

    A line is a sort key (time, case, order in the case: fixed width, so the lines sort as the tuples would)
    and then the fields in the order audit.event_hash joins them, so the parent hashes the text as it came.
    One string per event crosses the process boundary instead of a tuple of nine: pickling cost per object.
    The fields never hold the separator nor a line break: the JSON details escape control characters.
    (Simulator.quick writes the same lines directly.)"""
    return [f"{at}\x1f{case_id:012d}{k:03d}\x1f{case_id}\x1f{at}\x1f{actor_id}\x1f{actor}\x1f{action}\x1f"
            f"{frm or ''}\x1f{to}\x1f{details}" for at, case_id, k, actor_id, actor, action, frm, to, details in events]


_PLAIN = ["resolve", "draft", "sign", "deliver"]  # (+ record_slip): the path ``quick`` writes out
_NEXT_STAGE = {"resolve": "with_executor", "return": "with_executor", "sign": "signed", "deliver": "delivered",
               "suspend": "suspended", "withdraw": "withdrawn", "record_slip": "delivered"}
_WORKER: Simulator | None = None


def worker_init(plan: Plan) -> None:
    global _WORKER
    _WORKER = Simulator(plan)


def worker_chunk(index: int) -> Packed:
    assert _WORKER is not None
    return pack(_WORKER.chunk(index))


Packed = tuple[str, str, str, list[Any]]


def pack(chunk: tuple[list[tuple[Any, ...]], list[str], str, list[Any]]) -> Packed:
    """A chunk for the writing process: its rows and its event lines each as one text.

    Thousands of tuples and strings cost the pickler and the unpickler per object; one string per table does not.
    Fields are joined by \\x1f, records by \\n: JSON escapes both and no other field holds them (the writer
    counts the fields of every record); None is written as an empty field, and numbers as their digits, which
    the STRICT tables store as integers again (demo.py)."""
    rows, lines, last_at, parcels = chunk
    text = "\n".join(["\x1f".join(["" if v is None else str(v) for v in row]) for row in rows])
    return text, "\n".join(lines), last_at, parcels
