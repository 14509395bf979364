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
import unicodedata
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
from .register import format_reg_no, name_key

RECENT_DAYS = 30             # a busier last month, so the inboxes hold live work
RECENT_SHARE = 0.08
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
_CATEGORIES = ("Көп балалы аналар", "Ұлы Отан соғысының ардагерлері", "Жалғыз тұратын зейнеткерлер",
               "Мүгедектігі бар балаларды тәрбиелеп отырған отбасылар", "Аз қамтылған отбасылар",
               "Тұрмыстық қиын жағдайдағы азаматтар", "Чернобыль АЭС апатының зардаптарын жоюға қатысушылар")
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
_KZ_TO_RU = str.maketrans("әғқңөұүһіхё", "агкноуухикe")
_WORK_HOURS = ((dt.time(9), dt.time(13)), (dt.time(14), dt.time(18)))


def _iso(value: dt.datetime | None) -> str | None:
    """register._ts for the whole-second times of the simulation, without its microsecond rounding."""
    return None if value is None else value.isoformat(" ")


class FastCalendar(OfficeCalendar):
    """The office calendar with a fast path for the common cases: the same answers (a test checks), faster.

    The demo asks millions of deadlines; most land inside the same office interval or repeat a (day, n)."""

    def __init__(self, base: OfficeCalendar) -> None:
        super().__init__(base.extra_holidays, base.extra_workdays, base.hours)
        self._days: dict[tuple[dt.date, int], dt.date] = {}

    def add(self, start: dt.datetime, value: int, unit: str) -> dt.datetime:
        if unit == "calendar_days":
            return start + dt.timedelta(days=value)
        if unit == "working_days":
            key = (start.date(), value)
            day = self._days.get(key)
            if day is None:
                day = self._days[key] = super().add(dt.datetime.combine(key[0], dt.time()), value, unit).date()
            return dt.datetime.combine(day, start.time())
        minutes = value * 60 if unit == "hours" else value
        if unit in ("minutes", "hours") and minutes > 0:
            day = start.date()
            working = self._cache.get(day)
            if working or (working is None and self.is_working_day(day)):
                now = start.time()
                for begin, end in self.hours:
                    if begin <= now < end:
                        moment = start + dt.timedelta(minutes=minutes)
                        if moment <= dt.datetime.combine(day, end):
                            return moment
                        break
        return super().add(start, value, unit)


def _female(surname: str) -> str:
    if surname.endswith(("ов", "ев", "ин")):
        return surname + "а"
    return surname[:-3] + "қызы" if surname.endswith("ұлы") else surname


# ---------------------------------------------------------------- the office's places

def _stem(text: str) -> str:
    return unicodedata.normalize("NFC", text).split()[0].casefold().translate(_KZ_TO_RU)


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


# ---------------------------------------------------------------- time

class Timeline:
    """Registration times as a pure function of the case number: office hours, working days, a busy last month.

    Pure so that every worker knows where each year starts (registration numbers) without talking to others."""

    def __init__(self, start: dt.datetime, now: dt.datetime, cal: OfficeCalendar, total: int, seed: int) -> None:
        self.now, self.total, self.seed = now, total, seed
        recent = max(start, dt.datetime.combine(now.date() - dt.timedelta(days=RECENT_DAYS), dt.time()))
        self.n_recent = min(total, max(1, round(total * RECENT_SHARE))) if recent > start else total
        self.n_hist = total - self.n_recent
        self.hist = self._segment(start, recent, cal)
        self.recent = self._segment(recent, now, cal)
        if not self.recent[1] or self.recent[1][-1] == 0:  # no office time yet in the window: use history only
            self.n_hist, self.n_recent = total, 0

    @staticmethod
    def _segment(a: dt.datetime, b: dt.datetime, cal: OfficeCalendar) -> tuple[list[dt.date], list[int]]:
        days, cum, total, day = [], [], 0, a.date()
        while day <= b.date():
            if cal.is_working_day(day):
                limit = b if day == b.date() else dt.datetime.combine(day, dt.time(23, 59))
                seconds = sum(max(0, int((min(dt.datetime.combine(day, e), limit)
                                          - dt.datetime.combine(day, s)).total_seconds())) for s, e in _WORK_HOURS)
                if seconds:
                    days.append(day)
                    total += seconds
                    cum.append(total)
            day += dt.timedelta(days=1)
        return days, cum

    def at(self, i: int) -> dt.datetime:
        jitter = ((i * 2654435761 + self.seed * 40503) & 0xFFFFFFFF) / 2 ** 32
        if i < self.n_hist:
            (days, cum), k, n = self.hist, i, self.n_hist
        else:
            (days, cum), k, n = self.recent, i - self.n_hist, self.n_recent
        pos = int((k + jitter) / n * cum[-1])
        d = bisect.bisect_right(cum, pos)
        second = pos - (cum[d - 1] if d else 0)
        begin = 9 * 3600 + second + (3600 if second >= 4 * 3600 else 0)
        return dt.datetime.combine(days[d], dt.time(begin // 3600, begin // 60 % 60, begin % 60))

    def first_of_year(self, year: int) -> int:
        lo, hi = 0, self.total
        while lo < hi:
            mid = (lo + hi) // 2
            if self.at(mid).year < year:
                lo = mid + 1
            else:
                hi = mid
        return lo


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


class Simulator:
    def __init__(self, plan: Plan) -> None:
        self.p = plan
        self.timeline = Timeline(plan.start, plan.now, plan.calendar, plan.total, plan.seed)
        self.services = [plan.catalogue.service(code) for code in SERVICE_WEIGHTS]
        self.gaps = {s.code: _nominal(s) for s in self.services}
        self.cum_weights = list(itertools.accumulate(SERVICE_WEIGHTS.values()))
        self.district, self.settlements = _places(plan.office)
        pool, offset = max(200, plan.total // 3), 0
        self.segments: dict[str, tuple[int, int]] = {}
        for code, weight in SERVICE_WEIGHTS.items():
            self.segments[code] = (offset, max(20, pool * weight // 100))
            offset += self.segments[code][1]
        self.spread = offset // 5000 + 1
        self.people: dict[int, dict[str, Any]] = {}
        self.counters = {year: (first, last) for year, first, last in plan.counters}
        self.working: dict[dt.date, bool] = {}

    # -- people

    def person(self, code: str, k: int) -> dict[str, Any]:
        """Applicant k of a service's pool: the same person (IIN, name, address) on every case of theirs."""
        got = self.people.get(k)
        if got is not None:
            return got
        r = _Rand(self.p.seed * 1_000_003 + k)
        low, high = AGES[code]
        sex = ("F" if r.random() < 0.85 else "M") if code == "S7" else r.choice("MF")
        days = low * 365 + r.randrange((high - low) * 365)  # age at the start of the period, in days
        days += (k // 5000) % self.spread - days % self.spread  # with the serial below: one IIN per person
        birth = self.p.start.date() - dt.timedelta(days=days)
        root = r.choice(_SURNAMES)
        patronymic = "" if r.random() < 0.04 else r.choice(_MALE) + ("ұлы" if sex == "M" else "қызы")
        place = r.choice(self.settlements)
        flat = f", {r.randint(1, 60)}-пәтер" if place.endswith("қаласы") and r.random() < 0.5 else ""
        children = [[birth + dt.timedelta(days=r.randint(7300, 14600)), r.choice("MF"), r.random(), None]
                    for _ in range(r.randint(1, 4) if code in ("S6", "S7") else 0)]
        got = {"surname": root if sex == "M" else _female(root), "root": root, "sex": sex,
               "name": r.choice(_MALE if sex == "M" else _FEMALE), "patronymic": patronymic,
               "iin": make_iin(birth, sex, (k % 5000) * 2),
               "address": f"{self.district + ', ' if self.district else ''}{place}, {r.choice(_STREETS)} көшесі, "
                          f"{r.randint(1, 180)}{flat}",
               "phone": f"+7 {r.choice(_MOBILE)} {r.randint(100, 999)} {r.randint(10, 99)} {r.randint(10, 99)}",
               "children": children}
        self.people[k] = got
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
                "iin": make_iin(born, sex, int(pick * 1e6) % 10000), "relation": "ұлы" if sex == "M" else "қызы"}

    def intake(self, svc: Service, who: dict[str, Any], on: dt.date, r: random.Random) -> dict[str, Any]:
        if svc.code == "S4":
            return {"employment_form": r.choice(svc.fields_for("intake")[0].options).id}
        if svc.code == "S5":
            return {"category": r.choice(_CATEGORIES)}
        return {"children": self.kids(who, on, r)} if svc.code == "S7" else {}

    def result(self, svc: Service, who: dict[str, Any], on: dt.date, r: random.Random) -> dict[str, Any]:
        if svc.code == "S4":
            place = r.choice(self.settlements).split()[0]
            return {"institution": r.choice(_INSTITUTIONS).format(p=place), "term": r.choice(_TERMS)}
        if svc.code == "S6":
            sex = "F" if who["sex"] == "M" else "M"
            spouse = {"full_name": f"{who['root'] if sex == 'M' else _female(who['root'])} "
                                   f"{r.choice(_MALE if sex == 'M' else _FEMALE)}", "relation": "жұбайы"}
            return {"quarter": f"{on.year}-Q{(on.month - 1) // 3 + 1}",
                    "family_members": [spouse] + self.kids(who, on, r)[:4]}
        return {}

    # -- time

    def snap(self, t: dt.datetime) -> dt.datetime:
        """The first office moment at or after t."""
        while True:
            day = t.date()
            working = self.working.get(day)
            if working is None:
                working = self.working[day] = self.p.calendar.is_working_day(day)
            if working:
                tm = t.time()
                if tm < _WORK_HOURS[0][0]:
                    return dt.datetime.combine(day, _WORK_HOURS[0][0])
                if _WORK_HOURS[0][1] <= tm < _WORK_HOURS[1][0]:
                    return dt.datetime.combine(day, _WORK_HOURS[1][0])
                if tm < _WORK_HOURS[1][1]:
                    return t
            t = dt.datetime.combine(day + dt.timedelta(days=1), dt.time())

    def later(self, t: dt.datetime, gap: float, r: random.Random, lo: float = 0.05) -> dt.datetime:
        """When the next action happens: mostly within the step's time on paper, sometimes late."""
        u = r.random()
        factor = lo + (0.95 - lo) * u / 0.9 if u < 0.9 else 1.05 + (u - 0.9) * 11.5
        return self.snap(t + dt.timedelta(seconds=int(max(60.0, gap * factor)) + int(r.random() * 60)))

    # -- what the office does to a case

    def steps(self, svc: Service, who: dict[str, Any], t: dt.datetime, r: random.Random,
              missing: bool) -> list[tuple[User, str, dt.datetime, dict[str, Any]]]:
        """The case's actions up to now: (actor, action, when, params), drawn before any is performed."""
        p, gaps, out = self.p, self.gaps[svc.code], []
        stage, executor, returns, decision, paused_from = "awaiting_resolution", None, 0, None, ""
        while stage != "withdrawn" and r.random() >= STALL:
            roll, act = r.random(), None
            if roll < 0.025 and stage in ("awaiting_resolution", "with_executor"):
                when = self.later(t, gaps[stage], r)
                if roll < 0.008:
                    act = (p.clerk if roll < 0.006 else p.head), "withdraw", when, {"reason": r.choice(_WITHDRAWS)}
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
                if roll < 0.06 and svc.head_may_return and returns < 2:
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

    def case(self, i: int, r: random.Random) -> tuple[tuple[Any, ...], list[tuple[Any, ...]]]:
        t = self.timeline.at(i)
        svc = self.services[bisect.bisect_right(self.cum_weights, r.random() * self.cum_weights[-1])]
        offset, size = self.segments[svc.code]
        who = self.person(svc.code, offset + int(r.random() * size))
        docs = [d.id for d in svc.documents]
        missing = len(docs) > 2 and r.random() < 0.07
        if missing:
            docs.remove(r.choice(docs[2:]))
        fields = self.intake(svc, who, t.date(), r)
        steps = self.steps(svc, who, t, r, missing)
        plain = not self.p.exact and [s[1] for s in steps][:4] == _PLAIN and len(steps) < 6
        return (self.quick if plain else self.exact)(self.p.first_case_id + i, svc, who, fields, docs,
                                                     self.reg_no(i, t.year), t, steps)

    def exact(self, case_id: int, svc: Service, who: dict[str, Any], fields: dict[str, Any], docs: list[str],
              reg_no: str, t: dt.datetime, steps: list[tuple[User, str, dt.datetime, dict[str, Any]]]
              ) -> tuple[tuple[Any, ...], list[tuple[Any, ...]]]:
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
                        case.due_at, case.step_due_at, case.stage_since, case.closed_at, case.data), events

    def quick(self, case_id: int, svc: Service, who: dict[str, Any], fields: dict[str, Any], docs: list[str],
              reg_no: str, t: dt.datetime, steps: list[tuple[User, str, dt.datetime, dict[str, Any]]]
              ) -> tuple[tuple[Any, ...], list[tuple[Any, ...]]]:
        """The plain closed case (resolve, draft, sign, deliver, S4 slip) written as the core writes it, for speed.

        Deadlines still come from the core (workflow.chain, workflow.stage_due on the office calendar); the
        test suite checks that this gives exactly what ``exact`` gives, row and events, for thousands of cases."""
        p, cal = self.p, self.p.calendar
        (_, _, t1, resolve), (_, _, t2, draft), (_, _, t3, _), (_, _, t4, delivery) = steps[:4]
        due = workflow.chain(t, svc.deadline_parts(), cal)
        first = svc.step("register")
        due1 = workflow.stage_due(svc, "awaiting_resolution",
                                  cal.add(t, first.duration_value, first.duration_unit) if first else t, cal)
        due2 = workflow.stage_due(svc, "with_executor", t1, cal)
        due3 = workflow.stage_due(svc, "awaiting_signature", t2, cal)
        due4 = workflow.stage_due(svc, "signed", t3, cal)
        head, decision, ex = p.head, draft["decision"], resolve["executor"]
        data: dict[str, Any] = {"fields": fields, "documents": docs, "returns": 0,
                                "resolution": resolve["resolution"], "resolved_by": head.id}
        drafted = {"decision": decision, "text": draft["text"], "reg_no": reg_no}
        if decision == "refused":
            data["refusal_reasons"] = drafted["reasons"] = list(draft["reasons"])
        else:
            data["result"] = drafted["result"] = draft["result"]
        data.update(draft_text=draft["text"], signed_by=head.id, signed_at=t3.isoformat(sep=" "),
                    delivery=dict(delivery))
        base = {"reg_no": reg_no}
        texts = [
            {**base, "service": svc.code, "iin": who["iin"], "channel": "department", "documents": docs,
             "catalogue_version": p.catalogue.version, "step_due_at": _iso(due1), "due_at": _iso(due)},
            {**base, "executor_id": ex.id, "executor": ex.username, "resolution": resolve["resolution"]},
            drafted, {**base, "decision": decision}, {**base, **delivery, "step_due_at": None}]
        for text, before, after in ((texts[1], due1, due2), (texts[2], due2, due3), (texts[3], due3, due4)):
            if after != before:
                text["step_due_at"] = _iso(after)
        moves = ((t, p.clerk, "register", None), (t1, head, "resolve", "awaiting_resolution"),
                 (t2, ex, "draft", "with_executor"), (t3, head, "sign", "awaiting_signature"),
                 (t4, ex, "deliver", "signed"), (None, None, None, "delivered"))
        if len(steps) == 5:  # an S4 referral: the start of the placement recorded later
            (_, _, t5, params), result = steps[4], data.get("result", {})
            data["slip"] = {"started_on": params["started_on"], "order_no": params["order_no"],
                            "institution": result.get("institution", ""), "recorded_at": t5.isoformat(sep=" ")}
            texts.append({**base, **data["slip"]})
            moves = moves[:5] + ((t5, ex, "record_slip", "delivered"),) + moves[5:]
        events = [(_iso(when), case_id, k, actor.id, actor.username, action, frm, moves[k + 1][3],
                   CANONICAL(texts[k])) for k, (when, actor, action, frm) in enumerate(moves[:-1])]
        return self.row(case_id, reg_no, svc.code, "delivered", decision, who, t, ex.id, due, None, t4, t4,
                        data), events

    def row(self, case_id: int, reg_no: str, code: str, stage: str, decision: str | None, who: dict[str, Any],
            t: dt.datetime, executor_id: int | None, due: dt.datetime, step_due: dt.datetime | None,
            since: dt.datetime, closed: dt.datetime | None, data: dict[str, Any]) -> tuple[Any, ...]:
        """One cases row, as Register._insert_case writes it."""
        return (case_id, reg_no, code, "department", self.p.catalogue.version, stage, decision, who["iin"],
                who["surname"], who["name"], who["patronymic"], name_key(who["surname"], who["name"], who["patronymic"]),
                who["address"], who["phone"], _iso(t), self.p.clerk.id, executor_id, _iso(due), _iso(step_due),
                _iso(since), _iso(closed), DATA(data))

    def chunk(self, index: int) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]], str]:
        r = _Rand(self.p.seed * 7919 + index)
        rows, events = [], []
        for i in range(index * self.p.chunk, min(self.p.total, (index + 1) * self.p.chunk)):
            row, evs = self.case(i, r)
            rows.append(row)
            events += evs
        events.sort()  # the parent merges sorted runs in linear time
        return rows, events, rows[-1][14]


_PLAIN = ["resolve", "draft", "sign", "deliver"]  # (+ record_slip): the path ``quick`` writes out
_NEXT_STAGE = {"resolve": "with_executor", "return": "with_executor", "sign": "signed", "deliver": "delivered",
               "suspend": "suspended", "withdraw": "withdrawn", "record_slip": "delivered"}
_WORKER: Simulator | None = None


def worker_init(plan: Plan) -> None:
    global _WORKER
    _WORKER = Simulator(plan)


def worker_chunk(index: int) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]], str]:
    assert _WORKER is not None
    return _WORKER.chunk(index)


