"""The case workflow: a state machine over the regulation's stages, with role and assignment checks.

Every action is a pure function of (case, service, actor, parameters, now, calendar) that returns the new case
and one audit event, or raises a DomainError. Nothing here touches storage; the store calls these inside one
transaction, so a refused action writes nothing.

    register ─► awaiting_resolution ─resolve─► with_executor ─draft─► awaiting_signature ─sign─► signed
                                                    ▲                         │                      │
                                                    └────────return───────────┘                   deliver
                                                                                                     ▼
    suspend / resume: any of the first three stages ⇄ suspended (the clock stops)                 delivered
    withdraw: any open stage before signature ─► withdrawn
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from . import channels
from .calendar import OfficeCalendar, default_calendar
from .catalogue import Field, Item, Limits, Service
from .errors import PermissionDenied, ValidationError, WrongStage
from .iin import parse_iin
from .model import Applicant, Case, Event, User

STAGE_STEPS = {
    "awaiting_resolution": ("resolve",),
    "with_executor": ("examine", "draft"),
    "awaiting_signature": ("sign",),
    "signed": ("deliver",),
}
SUSPENDABLE = ("awaiting_resolution", "with_executor", "awaiting_signature")
WITHDRAWABLE = ("awaiting_resolution", "with_executor", "awaiting_signature", "suspended")
REASSIGNABLE = ("with_executor", "suspended")  # the head hands a case that has an executor to another one


@dataclass(frozen=True)
class Rule:
    roles: tuple[str, ...]
    stages: tuple[str, ...]
    assigned: bool = False  # an executor must be the case's assigned executor


RULES: dict[str, Rule] = {
    "resolve": Rule(("head",), ("awaiting_resolution",)),
    "draft": Rule(("executor",), ("with_executor",), assigned=True),
    "return": Rule(("head",), ("awaiting_signature",)),
    "sign": Rule(("head",), ("awaiting_signature",)),
    "deliver": Rule(("executor",), ("signed",), assigned=True),
    "suspend": Rule(("head", "executor"), SUSPENDABLE, assigned=True),
    "resume": Rule(("head", "executor"), ("suspended",), assigned=True),
    "withdraw": Rule(("clerk", "head"), WITHDRAWABLE),
    "record_slip": Rule(("executor",), ("delivered",), assigned=True),
    "reassign": Rule(("head",), REASSIGNABLE),
}
ACTIONS = ("register", *RULES)
REGISTER_ROLES = {"department": ("clerk",), "akimat": ("akim",), "psc": ("psc_inspector",)}

_NAME_RE = re.compile(r"^[^\W\d_]+(?:[ '\-’][^\W\d_]+)*$")
_PHONE_CHARS_RE = re.compile(r"^\+?[\d\s()\-]+$")
# Characters no register keeps: C0 controls other than tab and line breaks (PostgreSQL cannot store a NUL in text
# at all; SQLite would keep it and every report after would carry it), DEL, and lone surrogates (not text: they
# have no UTF-8 form). Pasted or scanned junk, refused calmly on both engines.
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_OPTION_ID_RE = re.compile(r"^[a-z0-9]+(?:_[a-z0-9]+)+$")  # how catalogue ids look (snake_case): never free text
_FREE_TEXT_RE = re.compile(r"^[\w\s.,;:'’\"«»()\-–—/№+]+$")
FREE_TEXT_MAX = 120


# ---------------------------------------------------------------- helpers

def chain(start: dt.datetime, parts: Iterable[tuple[int, str]], calendar: OfficeCalendar) -> dt.datetime:
    """Apply durations one after another on the office calendar."""
    moment = start
    for value, unit in parts:
        moment = calendar.add(moment, value, unit)
    return moment


def stage_due(service: Service, stage: str, start: dt.datetime, calendar: OfficeCalendar,
              channel: str | None = None) -> dt.datetime | None:
    if channel is not None:  # a forwarded (PSC / akimat) case: its own step table (desktop/core/channels.py)
        return channels.phase_due(service, channel, stage, start, calendar)
    actions = STAGE_STEPS.get(stage)
    if not actions:
        return None
    steps = [s for s in service.steps if s.action in actions]
    return chain(start, ((s.duration_value, s.duration_unit) for s in steps), calendar)


def _clean(text: Any) -> str:
    return " ".join(str(text or "").split())


def _require_text(value: Any, field: str, label: str, **titles: str) -> str:
    """The cleaned text, or ``required``; ``label`` is a field key messages.py titles, or a catalogue title given
    in both languages as ``label_kk`` / ``label_ru``."""
    text = _clean(value)
    if not text:
        raise ValidationError("required", field=field, label=label, **titles)
    return text


def check_plain_text(value: Any, field: str | None = None) -> None:
    """Refuse (``control_character``) any string in ``value`` — in nested mappings and lists too — that holds a
    character no register keeps (``_CONTROL_RE``). A mapping's keys name the field unless ``field`` is given."""
    if isinstance(value, str):
        found = _CONTROL_RE.search(value)
        if found:
            raise ValidationError("control_character", field=field or "text", label=field or "text",
                                  code_point=f"U+{ord(found.group()):04X}")
    elif isinstance(value, Mapping):
        for key, item in value.items():
            check_plain_text(key, field or "text")
            check_plain_text(item, field or str(key))
    elif isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            check_plain_text(item, field)


def check_role(actor: User, roles: Iterable[str], action: str) -> None:
    roles = tuple(roles)
    if not any(actor.has(r) for r in roles):
        raise PermissionDenied(action=action, roles=roles, have=tuple(sorted(actor.roles)))


def authorise(case: Case, actor: User, action: str) -> Rule:
    """Raise unless ``actor`` may do ``action`` on ``case`` now (role, stage, assignment)."""
    rule = RULES.get(action)
    if rule is None:
        raise ValidationError("bad_value", field="action", label="action", detail=action)
    if action == "deliver" and case.package is not None and case.stage in rule.stages:  # a return registry
        raise PermissionDenied("deliver_via_registry", reg_no=case.reg_no, channel=case.channel)
    if not any(actor.has(r) for r in rule.roles) and channels.akim_acts(case, actor, action):
        if case.stage not in rule.stages:  # the akim of the case's own akimat acts as head and executor
            raise WrongStage(reg_no=case.reg_no, stage=case.stage, action=action)
        return rule
    check_role(actor, rule.roles, action)
    if case.stage not in rule.stages:
        raise WrongStage(reg_no=case.reg_no, stage=case.stage, action=action)
    if rule.assigned and not actor.has("head") and case.executor_id != actor.id:
        raise PermissionDenied("not_assigned", reg_no=case.reg_no)
    if rule.assigned and action in ("draft", "deliver", "record_slip") and case.executor_id != actor.id:
        raise PermissionDenied("not_assigned", reg_no=case.reg_no)
    return rule


def allowed_actions(case: Case, actor: User, service: Service | None = None) -> list[str]:
    """The actions this actor may take on this case now (for the UI; the checks run again on perform).

    With the case's ``service`` it also leaves out what the service forbids (returning a draft where the
    regulation has no return; recording a referral slip outside an approved S4 case)."""
    out = []
    for action in RULES:
        try:
            authorise(case, actor, action)
        except (PermissionDenied, WrongStage):
            continue
        if service is not None and action == "return" and not service.head_may_return:
            continue
        if action == "record_slip" and (case.service != "S4" or case.decision != "approved"):
            continue
        out.append(action)
    return out


# ---------------------------------------------------------------- validation of input

def normalise_phone(text: Any) -> str:
    """A Kazakhstan phone number in the one form Kense stores and prints: ``+7 7xx xxx xx xx``.

    Accepted as typed: ``+7 701 123 45 67``, ``87011234567``, ``8 (701) 123-45-67``, ``7011234567``; empty stays
    empty. Anything else (letters, too few or too many digits, a number outside +7 7…) raises ``bad_phone``."""
    raw = _clean(text)
    if not raw:
        return ""
    digits = re.sub(r"\D", "", raw)
    if _PHONE_CHARS_RE.match(raw):
        if len(digits) == 11 and digits[0] in "78" and not (raw.startswith("+") and digits[0] == "8"):
            digits = digits[1:]
        if len(digits) == 10 and digits[0] == "7":
            return f"+7 {digits[:3]} {digits[3:6]} {digits[6:8]} {digits[8:]}"
    raise ValidationError("bad_phone", field="phone", text=_shown(raw))


def _check_length(value: str, field: str, limit: int, **labels: str) -> None:
    """Refuse (never cut) a value longer than the catalogue's limit; ``labels`` as ValidationError takes them."""
    if len(value) > limit:
        params = {"label": field, **labels}
        raise ValidationError("too_long", field=field, length=len(value), max=limit, **params)


def validate_applicant(raw: Mapping[str, Any], today: dt.date | None = None,
                       limits: Limits | None = None) -> Applicant:
    """The applicant's data, cleaned: names of letters within the catalogue's length limit, a valid IIN (12 digits,
    its birth date not in the future), an address, and a phone in the stored form (``normalise_phone``).

    Errors name the field by its key (``label`` = the key): messages.py titles it in the interface language."""
    limits = limits or Limits()
    surname = _require_text(raw.get("surname"), "surname", "surname")
    name = _require_text(raw.get("name"), "name", "name")
    patronymic = _clean(raw.get("patronymic"))
    for key, value in (("surname", surname), ("name", name), ("patronymic", patronymic)):
        _check_length(value, key, limits.name)
        if value and not _NAME_RE.match(value):
            raise ValidationError("bad_name", field=key, label=key)
    iin = parse_iin(raw.get("iin", ""), today=today).text
    address = _require_text(raw.get("address"), "address", "address")
    _check_length(address, "address", limits.address)
    phone = normalise_phone(raw.get("phone"))
    return Applicant(surname, name, patronymic, iin, address, phone)


def not_in_future(value: Any, field: str, today: dt.date) -> str:
    """A date (ISO text or date) that has already come: a future date is refused, never replaced by today."""
    try:
        day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
    except ValueError:
        raise ValidationError("bad_date", field=field, text=_shown(value)) from None
    if day > today:
        raise ValidationError("date_in_future", field=field, label=field, date=day.isoformat(),
                              today=today.isoformat())
    return day.isoformat()


def _validate_person(p: Any, field: Field, today: dt.date | None, limits: Limits) -> dict[str, str]:
    """One member of a persons list; errors name the list's field so the form can point at it."""
    name, label = field.name, field.title_kk
    titles = {"label_kk": field.title_kk, "label_ru": field.title_ru}
    if not isinstance(p, Mapping):
        raise ValidationError("bad_value", field=name, label=label, detail="—", **titles)
    full_name = _require_text(p.get("full_name"), name, label, **titles)
    _check_length(full_name, name, limits.full_name, label=label, **titles)
    if not _NAME_RE.match(full_name):
        raise ValidationError("bad_name", field=name, label=label, **titles)
    person = {"full_name": full_name}
    iin = _clean(p.get("iin"))
    if iin:
        try:
            person["iin"] = parse_iin(iin, today=today).text
        except ValidationError as exc:
            raise ValidationError(exc.code, field=name, **exc.params) from None
    relation = p.get("relation")
    if relation is not None and not (isinstance(relation, str) and not relation.strip()):  # optional
        relation = relation_value(field, relation)
        if relation:
            person["relation"] = relation
    return person


def _shown(value: Any) -> str:
    """A refused value as a message quotes it: short, and a list or mapping only as a dash."""
    if not isinstance(value, (str, int, float)):
        return "—"
    text = " ".join(str(value).split())
    return text if len(text) <= 40 else text[:39] + "…"


def option_value(options: tuple[Item, ...], free_text: bool, value: Any, *, code: str, field: str,
                 label_kk: str, label_ru: str) -> str:
    """A choice: an option id is kept as it is; where the catalogue allows typed text (free_text) a value that
    is not an id is kept as typed (spaces tidied) when it is words — letters, digits and ordinary punctuation,
    at most FREE_TEXT_MAX characters, and not shaped like an id (``large_family``: a mistyped or stale id must
    not print as if it were a word). Anything else raises ``code`` (strict list) or ``code + '_text'``."""
    if isinstance(value, str) and value in {o.id for o in options}:
        return value
    params = {"field": field, "label": label_kk, "label_kk": label_kk, "label_ru": label_ru,
              "value": _shown(value), "max": FREE_TEXT_MAX}
    if not free_text:
        raise ValidationError(code, **params)
    text = _clean(value) if isinstance(value, str) else ""
    if (not text or len(text) > FREE_TEXT_MAX or _OPTION_ID_RE.match(text) or not _FREE_TEXT_RE.match(text)
            or not any(ch.isalpha() for ch in text)):
        raise ValidationError(code + "_text", **params)
    return text


def relation_value(f: Field, value: Any) -> str:
    """A person's relation in a persons field: one of the field's relations (id) or, where the catalogue allows
    it, typed words; a field without relations (a catalogue before the relation lists) keeps any text as typed."""
    if not f.relations:
        return _clean(value)
    return option_value(f.relations, f.relation_free_text, value, code="not_a_relation", field=f.name,
                        label_kk=f.title_kk, label_ru=f.title_ru)


def choice_value(f: Field, value: Any) -> str:
    """A choice field's value: an option id, or typed words where the field allows free text."""
    return option_value(f.options, f.free_text, value, code="not_an_option", field=f.name, label_kk=f.title_kk,
                        label_ru=f.title_ru)


def validate_fields(service: Service, phase: str, raw: Mapping[str, Any] | None,
                    today: dt.date | None = None) -> dict[str, Any]:
    """Check the service's extra fields of one phase (intake or result); return the cleaned values."""
    raw = raw or {}
    known = {f.name for f in service.fields_for(phase)}
    unknown = set(raw) - known
    if unknown:
        name = sorted(unknown)[0]
        raise ValidationError("bad_value", field=name, label=name, detail="—")
    out: dict[str, Any] = {}
    for f in service.fields_for(phase):
        value = raw.get(f.name)
        empty = value is None or (isinstance(value, (str, list, tuple)) and not value)
        if isinstance(value, str):
            empty = not value.strip()
        if empty:
            if f.required:
                raise ValidationError("required", field=f.name, label=f.title_kk, label_kk=f.title_kk,
                                      label_ru=f.title_ru)
            continue
        out[f.name] = _field_value(f, value, today, service.limits)
    return out


def _field_value(f: Field, value: Any, today: dt.date | None, limits: Limits = Limits()) -> Any:
    label = f.title_kk
    titles = {"label_kk": f.title_kk, "label_ru": f.title_ru}
    if f.type == "text":
        text = _clean(value)
        _check_length(text, f.name, limits.address, label=label, **titles)
        return text
    if f.type == "int":
        try:
            return int(value)
        except (TypeError, ValueError):
            raise ValidationError("bad_value", field=f.name, label=label, detail=_shown(value),
                                  **titles) from None
    if f.type == "date":
        try:
            return dt.date.fromisoformat(str(value)).isoformat()
        except ValueError:
            raise ValidationError("bad_date", field=f.name, text=str(value)) from None
    if f.type == "choice":
        return choice_value(f, value)
    if f.type == "quarter":
        m = re.fullmatch(r"(\d{4})-Q([1-4])", str(value).strip())
        if not m:
            raise ValidationError("bad_value", field=f.name, label=label,
                                  detail=f"{_shown(value)} (2026-Q1)", **titles)
        return f"{m.group(1)}-Q{m.group(2)}"
    if f.type == "persons":
        if not isinstance(value, (list, tuple)):
            raise ValidationError("bad_value", field=f.name, label=label, detail="—", **titles)
        return [_validate_person(p, f, today, limits) for p in value]
    raise ValidationError("bad_value", field=f.name, label=label, detail=f.type, **titles)


def validate_documents(service: Service, documents: Iterable[str] | None) -> list[str]:
    ids = [d.id for d in service.documents]
    given = list(dict.fromkeys(documents or ()))
    for d in given:
        if d not in ids:
            raise ValidationError("bad_value", field="documents", label="documents", detail=d)
    return [d for d in ids if d in given]


# ---------------------------------------------------------------- actions

def register(*, service: Service, actor: User, applicant: Mapping[str, Any], fields: Mapping[str, Any] | None,
             documents: Iterable[str] | None, reg_no: str, catalogue_version: str, now: dt.datetime,
             calendar: OfficeCalendar | None = None, channel: str = "department",
             channel_ref: str | None = None) -> tuple[Case, Event]:
    """A new case from the counter. Raises on a wrong role, channel or input; returns case and event."""
    calendar = calendar or default_calendar()
    if channel not in service.channels:
        raise ValidationError("channel_not_allowed", field="channel", service=service.code, channel=channel)
    check_role(actor, REGISTER_ROLES.get(channel, ("clerk",)), "register")
    channel_ref = channels.resolve_channel(channel, channel_ref, actor)
    check_plain_text(applicant)
    check_plain_text(fields)
    check_plain_text(documents, "documents")
    person = validate_applicant(applicant, today=now.date(), limits=service.limits)
    extra = validate_fields(service, "intake", fields, today=now.date())
    docs = validate_documents(service, documents)
    due = chain(now, channels.deadline_parts(service, channel_ref), calendar)
    register_step = service.step("register")
    start = calendar.add(now, 0, "minutes")
    case = Case(
        reg_no=reg_no, service=service.code, channel=channel_ref or channel, catalogue_version=catalogue_version,
        stage="awaiting_resolution", applicant=person, registered_at=now, registered_by=actor.id,
        due_at=due, stage_since=now,
        step_due_at=stage_due(service, "awaiting_resolution",
                              calendar.add(start, register_step.duration_value, register_step.duration_unit)
                              if register_step else now, calendar),
        data={"fields": extra, "documents": docs, "returns": 0},
    )
    if channels.forwarded(service, channel_ref):  # documents travel to the department as a tracked package
        case = case.with_(stage="awaiting_receipt", data={**case.data, "package": "at_branch"},
                          step_due_at=channels.phase_due(service, channel_ref, "intake", now, calendar))
    case = within_deadline(case)
    event = Event("register", None, case.stage,
                  {"reg_no": reg_no, "service": service.code, "iin": person.iin, "channel": case.channel,
                   "documents": docs, "catalogue_version": catalogue_version})
    return case, event


def perform(case: Case, *, service: Service, actor: User, action: str, now: dt.datetime,
            params: Mapping[str, Any] | None = None, calendar: OfficeCalendar | None = None
            ) -> tuple[Case, Event]:
    """Apply one workflow action. Raises PermissionDenied, WrongStage or ValidationError; never half-applies."""
    calendar = calendar or default_calendar()
    params = dict(params or {})
    authorise(case, actor, action)
    check_plain_text(params)
    handler = _HANDLERS[action]
    new_case, details = handler(case, service, actor, params, now, calendar)
    new_case = within_deadline(new_case)
    details = {"reg_no": case.reg_no, **details}
    return new_case, Event(action, case.stage, new_case.stage, details)


def within_deadline(case: Case) -> Case:
    """A stage's due time never falls after the case's: the service's total deadline is the one the law sets.

    (A stage's own norm, counted from when the stage began, can run past it when an earlier stage was late.)"""
    if case.step_due_at is not None and case.due_at is not None and case.step_due_at > case.due_at:
        return case.with_(step_due_at=case.due_at)
    return case


def _move(case: Case, stage: str, service: Service, now: dt.datetime, calendar: OfficeCalendar,
          **changes: Any) -> Case:
    return case.with_(stage=stage, stage_since=now, **changes,
                      step_due_at=stage_due(service, stage, now, calendar, channels.forwarded_channel(case)))


def _resolve(case, service, actor, p, now, cal):
    executor = p.get("executor")
    akim = channels.akim_acts(case, actor, "resolve") and not actor.has("head")
    if akim and (executor is None or getattr(executor, "id", None) == actor.id):
        executor = actor  # the akim issues his akimat's certificate himself
    elif not isinstance(executor, User) or not executor.has("executor"):
        raise ValidationError("not_executor", field="executor",
                              user=getattr(executor, "username", executor) or "—")
    resolution = _require_text(p.get("resolution"), "resolution", "resolution")
    data = {**case.data, "resolution": resolution, "resolved_by": actor.id}
    new = _move(case, "with_executor", service, now, cal, executor_id=executor.id, data=data)
    return new, {"executor_id": executor.id, "executor": executor.username, "resolution": resolution}


def _draft(case, service, actor, p, now, cal):
    decision = p.get("decision")
    if decision not in ("approved", "refused"):
        raise ValidationError("bad_decision", field="decision")
    text = _clean(p.get("text"))
    data = {k: v for k, v in case.data.items() if k not in ("refusal_reasons", "result")}
    details: dict[str, Any] = {"decision": decision}
    if decision == "refused":
        reasons = list(dict.fromkeys(p.get("reasons") or ()))
        if not reasons or not text:
            raise ValidationError("refusal_needs_reason", field="reasons")
        for r in reasons:
            if service.reason(r) is None:
                raise ValidationError("unknown_reason", field="reasons", service=service.code, reason=r)
        data["refusal_reasons"] = reasons
        details["reasons"] = reasons
    else:
        data["result"] = validate_fields(service, "result", p.get("result"), today=now.date())
        details["result"] = data["result"]
    data["draft_text"] = text
    details["text"] = text
    return _move(case, "awaiting_signature", service, now, cal, decision=decision, data=data), details


def _return(case, service, actor, p, now, cal):
    if not service.head_may_return:
        raise ValidationError("no_return", field="action", service=service.code)
    reason = _require_text(p.get("reason"), "reason", "reason")
    data = {**case.data, "returns": int(case.data.get("returns", 0)) + 1, "last_return": reason}
    draft = service.step("draft")
    forwarded = channels.forwarded_channel(case)
    new = case.with_(stage="with_executor", stage_since=now, decision=None, data=data,
                     step_due_at=channels.phase_due(service, forwarded, "completion", now, cal) if forwarded
                     else cal.add(now, draft.duration_value, draft.duration_unit))
    return new, {"reason": reason}


def _sign(case, service, actor, p, now, cal):
    data = {**case.data, "signed_by": actor.id, "signed_at": now.isoformat(sep=" ")}
    return _move(case, "signed", service, now, cal, data=data), {"decision": case.decision}


def _deliver(case, service, actor, p, now, cal):
    method = p.get("method") or "in_person"
    if method not in service.delivery:
        raise ValidationError("delivery_not_allowed", field="method", service=service.code, method=method)
    when = p.get("date") or now.date().isoformat()
    try:
        day = dt.date.fromisoformat(str(when))
    except ValueError:
        raise ValidationError("bad_date", field="date", text=str(when)) from None
    first, last = case.registered_at.date(), now.date()
    not_in_future(day, "date", last)  # a future date is refused with its own message, never taken as today
    if not first <= day <= last:  # handed over before the application came
        raise ValidationError("date_out_of_range", field="date", text=day.isoformat(), start=first.isoformat(),
                              end=last.isoformat())
    when = day.isoformat()
    delivery = {"method": method, "date": when}
    if method == "post":
        number = _clean(p.get("post_number"))
        if not number:
            raise ValidationError("post_needs_number", field="post_number")
        delivery["post_number"] = number
    data = {**case.data, "delivery": delivery}
    new = case.with_(stage="delivered", stage_since=now, step_due_at=None, closed_at=now, data=data)
    return new, delivery


def _suspend(case, service, actor, p, now, cal):
    reason = _require_text(p.get("reason"), "reason", "reason")
    data = {**case.data, "suspended_from": case.stage, "suspended_at": now.isoformat(sep=" "),
            "suspend_reason": reason}
    return case.with_(stage="suspended", stage_since=now, data=data), {"reason": reason}


def _resume(case, service, actor, p, now, cal):
    data = dict(case.data)
    previous = data.pop("suspended_from")
    since = dt.datetime.fromisoformat(data.pop("suspended_at"))
    data.pop("suspend_reason", None)
    paused = max(now - since, dt.timedelta(0))
    data["paused_seconds"] = int(data.get("paused_seconds", 0)) + int(paused.total_seconds())
    new = case.with_(stage=previous, stage_since=now, due_at=case.due_at + paused,
                     step_due_at=case.step_due_at + paused if case.step_due_at else None, data=data)
    return new, {"paused_seconds": int(paused.total_seconds()), "due_at": new.due_at.isoformat(sep=" ")}


def _withdraw(case, service, actor, p, now, cal):
    reason = _require_text(p.get("reason"), "reason", "reason")
    data = {**case.data, "withdraw_reason": reason}
    for key in ("suspended_from", "suspended_at", "suspend_reason"):
        data.pop(key, None)
    new = case.with_(stage="withdrawn", stage_since=now, step_due_at=None, closed_at=now, data=data)
    return new, {"reason": reason}


def _record_slip(case, service, actor, p, now, cal):
    if service.code != "S4" or case.decision != "approved":
        raise ValidationError("slip_not_applicable", field="slip")
    started = p.get("started_on")
    try:
        started = dt.date.fromisoformat(str(started)).isoformat()
    except ValueError:
        raise ValidationError("bad_date", field="started_on", text=str(started)) from None
    slip = {"started_on": started, "order_no": _clean(p.get("order_no")),
            "institution": _clean(p.get("institution")) or case.data.get("result", {}).get("institution", ""),
            "recorded_at": now.isoformat(sep=" ")}
    return case.with_(data={**case.data, "slip": slip}), slip


def _reassign(case, service, actor, p, now, cal):
    """The head hands a case to another executor (with a reason): the stage and its due times stay as they are."""
    executor = p.get("executor")
    if not case.executor_id:  # suspended before a resolution: the resolution names the executor
        raise ValidationError("no_executor_yet", field="executor", reg_no=case.reg_no)
    if not isinstance(executor, User) or not executor.has("executor"):
        raise ValidationError("not_executor", field="executor",
                              user=getattr(executor, "username", executor) or "—")
    if executor.id == case.executor_id:
        raise ValidationError("same_executor", field="executor", user=executor.full_name or executor.username)
    reason = _require_text(p.get("reason"), "reason", "reason")
    _check_length(reason, "reason", FREE_TEXT_MAX * 2)
    details = {"executor_id": executor.id, "executor": executor.username, "from_executor_id": case.executor_id,
               "reason": reason}
    return case.with_(executor_id=executor.id), details  # the reason is kept in the audit event


_HANDLERS = {
    "resolve": _resolve, "draft": _draft, "return": _return, "sign": _sign, "deliver": _deliver,
    "suspend": _suspend, "resume": _resume, "withdraw": _withdraw, "record_slip": _record_slip,
    "reassign": _reassign,
}
