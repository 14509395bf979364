"""The service catalogue: the seven services, their steps, documents, refusal reasons and extra fields.

The catalogue is data (``data/catalogue.toml``). It is validated on load; a clear error names the service and
the field that is wrong. ``Catalogue.version`` is a hash of the content, so the register can keep every version
it has seen and each case the version it was registered under.
"""
from __future__ import annotations

import hashlib
import json
import tomllib
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .calendar import UNITS
from .errors import CatalogueError

ROLES = ("clerk", "head", "executor", "admin", "psc_inspector", "psc_collector", "akim")
STEP_ACTIONS = ("register", "resolve", "examine", "draft", "sign", "deliver")
CHANNELS = ("department", "akimat", "psc")
RESULT_KINDS = ("notification", "refusal", "certificate", "referral")
DELIVERY = ("in_person", "post")
FIELD_TYPES = ("text", "int", "date", "choice", "quarter", "persons")
PHASES = ("intake", "result")


@dataclass(frozen=True)
class Step:
    action: str
    actor: str
    duration_value: int
    duration_unit: str
    title_kk: str = ""
    title_ru: str = ""


@dataclass(frozen=True)
class Item:
    """A checklist document or a refusal reason."""
    id: str
    title_kk: str
    title_ru: str

    def title(self, lang: str) -> str:
        return self.title_ru if lang == "ru" else self.title_kk


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def find_option(options: tuple[Item, ...], value: Any) -> Item | None:
    """The option whose id is ``value``, or whose Kazakh or Russian title it is (any case, any spacing)."""
    if not isinstance(value, str) or not value.strip():
        return None
    for option in options:
        if option.id == value:
            return option
    key = _key(value)
    return next((o for o in options if key in (_key(o.title_kk), _key(o.title_ru))), None)


def option_label(options: tuple[Item, ...], value: Any, lang: str) -> str:
    """How a stored choice prints in ``lang``: an option id (or an option's title) as the option's title in that
    language; anything else (text typed at intake, a value from an older catalogue) exactly as it was stored."""
    option = find_option(options, value)
    if option is not None:
        return option.title(lang)
    return "" if value is None else str(value)


@dataclass(frozen=True)
class Field:
    name: str
    phase: str
    type: str
    required: bool
    title_kk: str
    title_ru: str
    options: tuple[Item, ...] = ()
    free_text: bool = False  # a choice field also takes a typed value (kept as typed) besides its options
    relations: tuple[Item, ...] = ()  # a persons field: the relations offered for each person
    relation_free_text: bool = False  # a persons field: a typed relation is kept as typed

    def title(self, lang: str) -> str:
        return self.title_ru if lang == "ru" else self.title_kk

    def label(self, value: Any, lang: str) -> str:
        """A choice field's stored value as printed in ``lang`` (see option_label)."""
        return option_label(self.options, value, lang)

    def relation_label(self, value: Any, lang: str) -> str:
        """A person's stored relation as printed in ``lang`` (see option_label)."""
        return option_label(self.relations, value, lang)


@dataclass(frozen=True)
class Limits:
    """How long a typed value may be (characters). The catalogue may set them in a ``[limits]`` table (keys
    ``name``, ``address``, ``full_name``); these defaults apply otherwise. A name part longer than ``name`` does not
    fit the receipt's, the label's and the letters' name lines, so it is refused with a message, never cut."""
    name: int = 40  # a surname, a first name or a patronymic
    address: int = 200
    full_name: int = 120  # a family member's or a child's whole name


@dataclass(frozen=True)
class Service:
    code: str
    regulation: int
    title_kk: str
    title_ru: str
    title_en: str
    subject_kk: str
    subject_ru: str
    channels: tuple[str, ...]
    result_kinds: tuple[str, ...]
    delivery: tuple[str, ...]
    receipt: str
    head_may_return: bool
    steps: tuple[Step, ...]
    documents: tuple[Item, ...]
    refusal_reasons: tuple[Item, ...]
    fields: tuple[Field, ...]
    psc_steps: tuple[Step, ...] = ()
    total_deadline: tuple[tuple[int, str], ...] = ()
    limits: Limits = field(default_factory=Limits)

    def title(self, lang: str) -> str:
        return {"ru": self.title_ru, "en": self.title_en}.get(lang, self.title_kk)

    def step(self, action: str) -> Step | None:
        return next((s for s in self.steps if s.action == action), None)

    def deadline_parts(self) -> tuple[tuple[int, str], ...]:
        """The total deadline: the override, or every step applied one after another."""
        if self.total_deadline:
            return self.total_deadline
        return tuple((s.duration_value, s.duration_unit) for s in self.steps)

    def reason(self, reason_id: str) -> Item | None:
        return next((r for r in self.refusal_reasons if r.id == reason_id), None)

    def fields_for(self, phase: str) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.phase == phase)


@dataclass(frozen=True)
class Catalogue:
    name: str
    services: tuple[Service, ...]
    version: str = ""
    raw: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def service(self, code: str) -> Service | None:
        return next((s for s in self.services if s.code == code), None)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(s.code for s in self.services)

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "version": self.version,
                "services": [asdict(s) for s in self.services]}


def _fail(where: str, detail: str) -> CatalogueError:
    return CatalogueError(detail=f"{where}: {detail}")


def _text(d: dict, key: str, where: str, required: bool = True) -> str:
    value = d.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise _fail(where, f"'{key}' must be a non-empty text")
    return value


def _items(raw: Any, where: str) -> tuple[Item, ...]:
    if not isinstance(raw, list):
        raise _fail(where, "must be a list")
    items, seen = [], set()
    for i, d in enumerate(raw, 1):
        w = f"{where}[{i}]"
        if not isinstance(d, dict):
            raise _fail(w, "must be a table")
        item = Item(_text(d, "id", w), _text(d, "title_kk", w), _text(d, "title_ru", w))
        if item.id in seen:
            raise _fail(w, f"duplicate id '{item.id}'")
        seen.add(item.id)
        items.append(item)
    return tuple(items)


def _steps(raw: Any, where: str, vocabulary: tuple[str, ...] | None) -> tuple[Step, ...]:
    if not isinstance(raw, list) or not raw:
        raise _fail(where, "must be a non-empty list")
    steps = []
    for i, d in enumerate(raw, 1):
        w = f"{where}[{i}]"
        actor = _text(d, "actor", w)
        if actor not in ROLES:
            raise _fail(w, f"unknown actor '{actor}' (one of {', '.join(ROLES)})")
        value = d.get("duration_value")
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise _fail(w, "'duration_value' must be a whole number ≥ 0")
        unit = d.get("duration_unit")
        if unit not in UNITS:
            raise _fail(w, f"'duration_unit' must be one of {', '.join(UNITS)}")
        action = _text(d, "action", w)
        steps.append(Step(action, actor, value, unit, d.get("title_kk", ""), d.get("title_ru", "")))
    if vocabulary is not None and tuple(s.action for s in steps) != vocabulary:
        raise _fail(where, f"the steps must be, in this order: {', '.join(vocabulary)}")
    return tuple(steps)


def _fields(raw: Any, where: str) -> tuple[Field, ...]:
    if not isinstance(raw, list):
        raise _fail(where, "must be a list")
    out = []
    for i, d in enumerate(raw, 1):
        w = f"{where}[{i}]"
        ftype = d.get("type")
        if ftype not in FIELD_TYPES:
            raise _fail(w, f"'type' must be one of {', '.join(FIELD_TYPES)}")
        phase = d.get("phase")
        if phase not in PHASES:
            raise _fail(w, f"'phase' must be one of {', '.join(PHASES)}")
        options = _items(d.get("options", []), f"{w}.options")
        if ftype == "choice" and not options:
            raise _fail(w, "a choice field needs options")
        relations = _items(d.get("relations", []), f"{w}.relations")
        for key, allowed in (("free_text", "choice"), ("relations", "persons"), ("relation_free_text", "persons")):
            if key in d and ftype != allowed:
                raise _fail(w, f"'{key}' is for a {allowed} field only")
        for key in ("free_text", "relation_free_text"):
            if not isinstance(d.get(key, False), bool):
                raise _fail(w, f"'{key}' must be true or false")
        out.append(Field(_text(d, "name", w), phase, ftype, bool(d.get("required", False)),
                         _text(d, "title_kk", w), _text(d, "title_ru", w), options,
                         free_text=d.get("free_text", False), relations=relations,
                         relation_free_text=d.get("relation_free_text", False)))
    return tuple(out)


def _subset(d: dict, key: str, allowed: tuple[str, ...], where: str) -> tuple[str, ...]:
    value = d.get(key)
    if not isinstance(value, list) or not value or any(v not in allowed for v in value):
        raise _fail(where, f"'{key}' must be a non-empty list of {', '.join(allowed)}")
    return tuple(value)


def _limits(raw: Any) -> Limits:
    """The catalogue's optional ``[limits]`` table: whole numbers from 1 for the keys Limits knows."""
    if raw is None:
        return Limits()
    if not isinstance(raw, dict):
        raise _fail("limits", "must be a table")
    known = Limits.__dataclass_fields__
    for key, value in raw.items():
        if key not in known:
            raise _fail("limits", f"unknown key '{key}'")
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise _fail("limits", f"'{key}' must be a whole number from 1")
    return Limits(**raw)


def _service(d: dict, index: int, limits: Limits | None = None) -> Service:
    code = d.get("code", f"#{index}")
    where = f"service {code}"
    total = d.get("total_deadline")
    parts: tuple[tuple[int, str], ...] = ()
    if total is not None:
        items = total if isinstance(total, list) else [total]
        for t in items:
            if not isinstance(t, dict) or t.get("unit") not in UNITS or not isinstance(t.get("value"), int):
                raise _fail(where, "'total_deadline' needs value (whole number) and unit")
        parts = tuple((t["value"], t["unit"]) for t in items)
    regulation = d.get("regulation")
    if not isinstance(regulation, int):
        raise _fail(where, "'regulation' must be a number")
    return Service(
        code=_text(d, "code", where), regulation=regulation,
        title_kk=_text(d, "title_kk", where), title_ru=_text(d, "title_ru", where),
        title_en=_text(d, "title_en", where), subject_kk=_text(d, "subject_kk", where),
        subject_ru=_text(d, "subject_ru", where),
        channels=_subset(d, "channels", CHANNELS, where),
        result_kinds=_subset(d, "result_kinds", RESULT_KINDS, where),
        delivery=_subset(d, "delivery", DELIVERY, where),
        receipt=_text(d, "receipt", where), head_may_return=bool(d.get("head_may_return", False)),
        steps=_steps(d.get("steps"), f"{where}.steps", STEP_ACTIONS),
        documents=_items(d.get("documents", []), f"{where}.documents"),
        refusal_reasons=_items(d.get("refusal_reasons", []), f"{where}.refusal_reasons"),
        fields=_fields(d.get("fields", []), f"{where}.fields"),
        psc_steps=_steps(d["psc_steps"], f"{where}.psc_steps", None) if "psc_steps" in d else (),
        total_deadline=parts, limits=limits or Limits(),
    )


def catalogue_from_dict(raw: dict[str, Any]) -> Catalogue:
    services = raw.get("service") or raw.get("services")
    if not isinstance(services, list) or not services:
        raise _fail("catalogue", "no [[service]] entries")
    limits = _limits(raw.get("limits"))
    parsed = tuple(_service(d, i, limits) for i, d in enumerate(services, 1))
    codes = [s.code for s in parsed]
    if len(set(codes)) != len(codes):
        raise _fail("catalogue", "duplicate service codes")
    for s in parsed:
        if not s.refusal_reasons:
            raise _fail(f"service {s.code}", "needs at least one refusal reason")
    canonical = json.dumps(raw, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    version = hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:12]
    return Catalogue(name=str(raw.get("catalogue_name", "")), services=parsed, version=version, raw=raw)


def load_catalogue(path: Path | str | None = None) -> Catalogue:
    """Read and validate the catalogue (default: data/catalogue.toml)."""
    if path is None:
        from ..paths import data_dir
        path = data_dir() / "catalogue.toml"
    path = Path(path)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise _fail(str(path), f"cannot be read ({exc.strerror})") from None
    except tomllib.TOMLDecodeError as exc:
        raise _fail(str(path), f"is not valid TOML ({exc})") from None
    return catalogue_from_dict(raw)
