"""Barcode-tracked packages and registries (реестр) of the PSC and akimat channels: the domain rules.

Regulation 7 §5: "the package is tracked by a scanned barcode from the PSC to the authorised body until the
service is completed". A forwarded case (desktop/core/channels.py) carries ``data["package"]``:

    at_branch ─registry to the department─► in_transit ─scanned in by the clerk─► at_department
        (case: awaiting_receipt → awaiting_resolution; then the ordinary workflow, up to "signed")
    at_department ─return registry─► in_transit_back ─scanned in at the branch─► at_branch_returned
        ─hand-over against the Қолхат─► handed_over (case: signed → delivered)

A package missing from a delivery stays ``in_transit`` (flagged on its registry, never dropped) until it is
scanned in later. Every function here is pure: it checks the actor and returns the new case and one audit event,
or raises; desktop/store/psc.py runs it inside one transaction.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from . import channels
from .calendar import OfficeCalendar
from .catalogue import Service
from .errors import PermissionDenied, ValidationError, WrongStage
from .messages import message
from .messages_psc import PACKAGE_TITLES
from .model import Case, Event, User

PACKAGE_STATES = ("at_branch", "in_transit", "at_department", "in_transit_back", "at_branch_returned",
                  "handed_over")
DIRECTIONS = ("to_department", "to_branch")
REGISTRY_STATUSES = ("dispatched", "receiving", "received", "incomplete")
SCAN_RESULTS = ("received", "not_on_registry", "unknown", "duplicate", "registry")
FLAGGED = ("not_on_registry", "unknown", "duplicate")
DEFAULT_COURIER_RUNS = 2  # "күніне 2 рет" in the text; the table says "Күніне 1 рет" — an office setting
MAX_COURIER_RUNS = 6
_CODE_RE = re.compile(r"^[A-Z0-9]{1,40}$")

AKIMAT_TITLES = {"at_branch": {"kk": "Әкімдікте", "ru": "В акимате", "en": "At the akimat"},
                 "at_branch_returned": {"kk": "Әкімдікке қайтарылды", "ru": "Возвращено в акимат",
                                        "en": "Returned to the akimat"}}
SCAN_TITLES = {
    "received": {"kk": "Қабылданды", "ru": "Принято", "en": "Received"},
    "not_on_registry": {"kk": "Реестрде жоқ", "ru": "Нет в реестре", "en": "Not on this registry"},
    "unknown": {"kk": "Белгісіз код", "ru": "Неизвестный код", "en": "Unknown code"},
    "duplicate": {"kk": "Бұрын қабылданған", "ru": "Уже принято", "en": "Already received"},
    "registry": {"kk": "Реестр нөмірі", "ru": "Номер реестра", "en": "A registry number"},
}


def package_title(state: str | None, channel: str = "", lang: str = "kk") -> str:
    """Where the package is, in words ('at the branch' reads 'at the akimat' for an akimat case)."""
    if state is None:
        return ""
    table = AKIMAT_TITLES if channels.split(channel).kind == "akimat" and state in AKIMAT_TITLES else PACKAGE_TITLES
    return table.get(state, {}).get(lang, state)


@dataclass(frozen=True)
class ScanResult:
    """What one scan at a receiving desk did. ``flagged`` results changed nothing but are recorded."""
    registry_no: str
    code: str
    result: str
    reg_no: str | None
    at: dt.datetime
    expected: int     # packages on the registry
    received: int     # of them received so far

    @property
    def flagged(self) -> bool:
        return self.result in FLAGGED

    @property
    def ok(self) -> bool:
        return self.result == "received"

    def message(self, lang: str | None = None) -> str:
        return message(f"scan_{self.result}", lang, code=self.code, registry=self.registry_no,
                       received=self.received, expected=self.expected)


# ---------------------------------------------------------------- input

def normalise_direction(text: str | None) -> str:
    value = (text or "to_department").strip().lower().replace("-", "_")
    if value not in DIRECTIONS:
        raise ValidationError("bad_direction", field="direction", direction=text)
    return value


def normalise_code(text: str) -> str:
    """A scanned or typed code: surrounding blanks, the case of letters and the control characters a scanner
    may send (GS1's group separator, a NUL) do not matter."""
    return "".join(c for c in str(text or "") if c.isprintable() and not c.isspace()).upper()


def valid_code(code: str) -> bool:
    """Registration and registry numbers are digits and capital Latin letters only."""
    return bool(_CODE_RE.match(code))


def source_channel(source: str) -> channels.Channel:
    """A registry's source: 'psc:N' or 'akimat:ID' from the reference lists."""
    ch = channels.parse(source)
    if ch.kind == "department":
        raise ValidationError("bad_source", field="source", source=source)
    return ch


def format_registry_no(office: int, year: int, seq: int) -> str:
    """'R' + office (2 digits) + year (4) + sequence (6): the case numbers' shape, a Code128 on a Kazakh keyboard."""
    return f"R{office:02d}{year:04d}{seq:06d}"


def courier_runs(value: str | int | None) -> int:
    """The office setting 'courier runs per day' (meta key courier_runs), checked."""
    if value is None or value == "":
        return DEFAULT_COURIER_RUNS
    try:
        runs = int(value)
    except (TypeError, ValueError):
        raise ValidationError("bad_courier_runs", field="courier_runs", value=value, max=MAX_COURIER_RUNS) from None
    if not 1 <= runs <= MAX_COURIER_RUNS:
        raise ValidationError("bad_courier_runs", field="courier_runs", value=value, max=MAX_COURIER_RUNS)
    return runs


# ---------------------------------------------------------------- who may do what

def _bound_to(actor: User, source: channels.Channel, roles: tuple[str, ...]) -> bool:
    if source.kind == "psc":
        return any(actor.has(r) for r in roles) and actor.psc_branch == source.ref
    return actor.has("akim") and actor.akimat_id == source.ref


def authorise_registry(actor: User, source: str, direction: str, action: str) -> None:
    """Raise unless ``actor`` may ``action`` ('build', 'receive') a registry of ``source`` going ``direction``.

    To the department: the branch's collecting inspector (or the akimat's akim) builds it, the department's
    clerk receives it. Back to the branch: the clerk builds it, the branch's inspectors (or the akim) receive it."""
    ch = source_channel(source)
    at_branch = (direction == "to_department") == (action == "build")
    if not at_branch:
        if not actor.has("clerk"):
            raise PermissionDenied(action=f"registry_{action}", roles=("clerk",), have=tuple(sorted(actor.roles)))
        return
    roles = ("psc_collector",) if action == "build" else ("psc_inspector", "psc_collector")
    if ch.kind == "akimat":
        roles = ("akim",)
    if not any(actor.has(r) for r in roles):
        raise PermissionDenied(action=f"registry_{action}", roles=roles, have=tuple(sorted(actor.roles)))
    if not _bound_to(actor, ch, roles):
        raise PermissionDenied("other_place", user=actor.username, channel=ch.text,
                               own=_own_place(actor, ch.kind))


def _own_place(actor: User, kind: str) -> str:
    ref = actor.psc_branch if kind == "psc" else actor.akimat_id
    return f"{kind}:{ref}" if ref is not None else "—"


def _need(case: Case, stage: str, package: str, action: str) -> None:
    if case.stage != stage or case.package != package:
        raise WrongStage("wrong_package_state", reg_no=case.reg_no, stage=case.stage, action=action,
                         package=case.package or "—")


# ---------------------------------------------------------------- movements

def dispatch(case: Case, service: Service, *, registry_no: str, direction: str, now: dt.datetime,
             calendar: OfficeCalendar) -> tuple[Case, Event]:
    """Put the package on a registry: to the department from the branch, or back to the branch when signed."""
    if direction == "to_department":
        _need(case, "awaiting_receipt", "at_branch", "registry_build")
        state, phase = "in_transit", "dispatched"
    else:
        _need(case, "signed", "at_department", "registry_build")
        state, phase = "in_transit_back", "dispatched_back"
    due = channels.phase_due(service, case.channel, phase, now, calendar)
    new = case.with_(data={**case.data, "package": state}, step_due_at=due or case.step_due_at)
    return new, Event("package_dispatch", case.stage, new.stage,
                      {"reg_no": case.reg_no, "registry": registry_no, "direction": direction, "package": state,
                       "step_due_at": new.step_due_at.isoformat(sep=" ") if new.step_due_at else None})


def receive(case: Case, service: Service, *, actor: User, registry_no: str, direction: str, now: dt.datetime,
            calendar: OfficeCalendar) -> tuple[Case, Event]:
    """A scanned package of the registry arrives: at the department it enters the workflow (awaiting the
    head's resolution, with the PSC table's durations); back at the branch it waits for the applicant."""
    when = now.isoformat(sep=" ")
    if direction == "to_department":
        _need(case, "awaiting_receipt", "in_transit", "registry_receive")
        data = {**case.data, "package": "at_department", "received_at": when, "received_by": actor.id}
        new = case.with_(stage="awaiting_resolution", stage_since=now, data=data,
                         step_due_at=channels.phase_due(service, case.channel, "awaiting_resolution", now, calendar))
    else:
        _need(case, "signed", "in_transit_back", "registry_receive")
        data = {**case.data, "package": "at_branch_returned", "returned_at": when, "returned_by": actor.id}
        new = case.with_(data=data)
    return new, Event("package_receive", case.stage, new.stage,
                      {"reg_no": case.reg_no, "registry": registry_no, "direction": direction,
                       "package": data["package"],
                       "step_due_at": new.step_due_at.isoformat(sep=" ") if new.step_due_at else None})


def hand_over(case: Case, *, actor: User, now: dt.datetime) -> tuple[Case, Event]:
    """The applicant shows the Қолхат at the branch (or comes to the akimat) and takes the result.

    Only an inspector of the branch that accepted the application (or that akimat's akim) may record it."""
    source = channels.split(case.channel)
    if case.package is None or source.kind not in ("psc", "akimat"):
        raise ValidationError("not_forwarded", field="reg_no", reg_no=case.reg_no)
    roles = ("psc_inspector",) if source.kind == "psc" else ("akim",)
    if not any(actor.has(r) for r in roles):
        raise PermissionDenied(action="hand_over", roles=roles, have=tuple(sorted(actor.roles)))
    if not _bound_to(actor, source, roles):
        raise PermissionDenied("other_place", user=actor.username, channel=source.text,
                               own=_own_place(actor, source.kind))
    _need(case, "signed", "at_branch_returned", "hand_over")
    delivery = {"method": source.kind, "date": now.date().isoformat(), "place": source.text,
                "against": "kolkhat" if source.kind == "psc" else "identity"}
    data = {**case.data, "package": "handed_over", "delivery": delivery}
    new = case.with_(stage="delivered", stage_since=now, step_due_at=None, closed_at=now, data=data)
    return new, Event("hand_over", case.stage, new.stage, {"reg_no": case.reg_no, **delivery})


def classify(code: str, registry_no: str, item_state: str | None, case: Case | None, *,
             registry_code: bool = False) -> str:
    """The result of one scan at a receiving desk, before anything is written.

    ``item_state`` is the case's state on this registry (None if not on it); ``case`` the case with that number
    (None if there is none). A code that is this or another registry's number is 'registry'."""
    if registry_code or code == registry_no:
        return "registry"
    if case is None or not valid_code(code):
        return "unknown"
    if item_state is None:
        return "not_on_registry"
    if item_state == "received":
        return "duplicate"
    return "received"
