"""Where an application came in, and what that changes for the case.

A case's ``channel`` is stored as text: ``department`` (the department's own counter), ``psc:N`` (public service
centre branch N of the 19 in data/reference.json) or ``akimat:ID`` (village akimat ID of the 254).

* A **forwarded** case is one whose documents are carried to the department as a barcode-tracked package on a
  registry (реестр): every PSC case, and an akimat case of a service whose result the akim does not issue.
  It starts in ``awaiting_receipt`` and carries ``data["package"]`` (where the package is).
* An akimat case of a service that issues a **certificate** stays at the akimat: regulation 6 annex 3 names the
  "кент, ауыл, ауылдық округ әкімі" as the signer of the АНЫҚТАМА, so the akim of *that* akimat acts as head and
  executor for it. Regulation 7's result is a letter signed by the department's head ("Бастық"), so S7 through an
  akimat is forwarded like a PSC package.

Durations: a PSC case follows annex 7 table 2 of regulation 7 (the catalogue's ``psc_steps``). A forwarded akimat
case follows path A (the service's ordinary ``steps``, clause 11: "applies to the local executive body or the
akim") for the department's work; the regulation gives no transit times for akimats, so the carrying steps
(collection, receipt, return, hand-over) borrow the PSC table's figures — the only ones the regulation has.

This module imports neither the workflow nor storage, so the workflow can ask it without a cycle.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from . import reference
from .calendar import OfficeCalendar
from .catalogue import Service, Step
from .errors import PermissionDenied, ValidationError
from .model import Case, User

KINDS = ("department", "psc", "akimat")
LOCAL_RESULT_KINDS = ("certificate",)  # results an akim issues and signs himself (reg. 6 annex 3)
PSC_ROLES = ("psc_inspector", "psc_collector")
AKIM_ROLES = ("akim",)
# workflow actions an akim may take, in place of head and executor, on a local case of his own akimat
AKIM_ACTIONS = ("resolve", "draft", "return", "sign", "deliver", "suspend", "resume", "withdraw")

# Which steps time each phase of a forwarded case. Phases are workflow stages plus the package movements.
PHASES: dict[str, tuple[str, ...]] = {
    "intake": ("psc_accept", "psc_collect"),       # at the branch until the collecting inspector's registry
    "dispatched": ("dept_receive",),                # in transit until the department's clerk scans it in
    "awaiting_resolution": ("dept_forward", "resolve"),
    "with_executor": ("examine", "draft"),
    "awaiting_signature": ("sign",),
    "completion": ("complete",),                    # the head returned the draft for completion
    "signed": ("complete", "dept_return"),          # until the clerk's return registry
    "dispatched_back": ("psc_handover",),           # back at the branch: handed over within a working day
}
# path A (ordinary steps) for the department's work of a forwarded akimat case
AKIMAT_PHASES: dict[str, tuple[str, ...]] = {
    **PHASES, "intake": ("psc_collect",), "awaiting_resolution": ("resolve",), "completion": ("draft",),
    "signed": ("dept_return",),
}
_TRANSIT = ("psc_accept", "psc_collect", "dept_receive", "dept_forward", "complete", "dept_return", "psc_handover")


@dataclass(frozen=True)
class Channel:
    kind: str
    ref: int | None = None

    @property
    def text(self) -> str:
        return self.kind if self.ref is None else f"{self.kind}:{self.ref}"

    def place(self) -> dict | None:
        """The reference entry of the branch or akimat (None for the department)."""
        if self.kind == "psc":
            return reference.psc_branch(self.ref)
        if self.kind == "akimat":
            return reference.akimat(self.ref)
        return None


def parse(text: str | None) -> Channel:
    """'psc:5' -> Channel('psc', 5); a branch or akimat that is not in the reference lists is refused."""
    kind, sep, ref = (text or "department").strip().partition(":")
    if kind not in KINDS or (kind == "department") == bool(sep):
        raise ValidationError("bad_channel", field="channel", channel=text)
    if kind == "department":
        return Channel(kind)
    try:
        number = int(ref)
    except ValueError:
        raise ValidationError("bad_channel", field="channel", channel=text) from None
    channel = Channel(kind, number)
    if channel.place() is None:
        raise ValidationError("unknown_psc_branch" if kind == "psc" else "unknown_akimat", field="channel",
                              number=number, max=len(reference.psc_branches() if kind == "psc"
                                                      else reference.akimats()))
    return channel


def split(text: str | None) -> Channel:
    """A stored channel value, read without validation ('psc:5' -> Channel('psc', 5); 'psc' -> ('psc', None))."""
    kind, _, ref = (text or "department").strip().partition(":")
    return Channel(kind, int(ref) if ref.isdigit() else None)


def forwarded_channel(case: Case) -> str | None:
    """The channel of a forwarded case (one that carries a package), else None."""
    return case.channel if case.data.get("package") is not None else None


def check_binding(roles: Iterable[str], psc_branch: int | None, akimat_id: int | None) -> None:
    """A PSC role needs one of the 19 branches, the akim role one of the 254 akimats (and only those)."""
    roles = set(roles)
    if psc_branch is not None and reference.psc_branch(psc_branch) is None:
        raise ValidationError("unknown_psc_branch", field="psc_branch", number=psc_branch,
                              max=len(reference.psc_branches()))
    if akimat_id is not None and reference.akimat(akimat_id) is None:
        raise ValidationError("unknown_akimat", field="akimat_id", number=akimat_id, max=len(reference.akimats()))
    if roles & set(PSC_ROLES) and psc_branch is None:
        raise ValidationError("psc_branch_required", field="psc_branch")
    if roles & set(AKIM_ROLES) and akimat_id is None:
        raise ValidationError("akimat_required", field="akimat_id")


def bound_channel(actor: User, kind: str) -> Channel:
    """The branch or akimat the actor works at, for registering through ``kind``."""
    if kind == "department":
        return Channel("department")
    ref = actor.psc_branch if kind == "psc" else actor.akimat_id
    if ref is None:
        raise PermissionDenied("not_bound", user=actor.username, channel=kind)
    return parse(f"{kind}:{ref}")


def resolve_channel(kind: str, channel_ref: str | None, actor: User) -> str:
    """The channel text to store for a new case: the registering actor's own branch or akimat.

    ``channel_ref`` may name it explicitly; naming another branch or akimat than the actor's is refused."""
    own = bound_channel(actor, kind)
    if channel_ref is not None and channel_ref != kind:
        named = parse(channel_ref)
        if named.kind != kind:
            raise ValidationError("bad_channel", field="channel", channel=channel_ref)
        if named != own:
            raise PermissionDenied("other_place", user=actor.username, channel=named.text, own=own.text)
    return own.text


def forwarded(service: Service, channel: str | Channel) -> bool:
    """Does the case travel to the department as a package on a registry?"""
    ch = channel if isinstance(channel, Channel) else split(channel)
    if ch.kind == "psc":
        return True
    if ch.kind == "akimat":
        return not any(k in LOCAL_RESULT_KINDS for k in service.result_kinds)
    return False


def akim_acts(case: Case, actor: User, action: str) -> bool:
    """True when ``actor`` may take ``action`` on ``case`` as the akim of the case's own akimat.

    Raises PermissionDenied for an akim of another akimat (a clear refusal, not a generic role error)."""
    if not actor.has("akim") or action not in AKIM_ACTIONS or case.data.get("package") is not None:
        return False
    ch = split(case.channel)
    if ch.kind != "akimat":
        return False
    if actor.akimat_id != ch.ref:
        raise PermissionDenied("akim_other_akimat", reg_no=case.reg_no, channel=ch.text,
                               own=f"akimat:{actor.akimat_id}")
    return True


# ---------------------------------------------------------------- durations

def _step(service: Service, action: str, kind: str) -> Step | None:
    """A step by action: for PSC cases from the PSC table first; for akimat cases from path A first, except the
    carrying steps, which only the PSC table has."""
    ordinary = next((s for s in service.steps if s.action == action), None)
    psc = next((s for s in service.psc_steps if s.action == action), None)
    if kind == "psc" or action in _TRANSIT:
        return psc or ordinary
    return ordinary or psc


def phase_parts(service: Service, channel: str, phase: str) -> tuple[tuple[int, str], ...]:
    """The durations that time ``phase`` of a forwarded case, in order."""
    kind = split(channel).kind
    table = PHASES if kind == "psc" else AKIMAT_PHASES
    steps = (_step(service, a, kind) for a in table.get(phase, ()))
    return tuple((s.duration_value, s.duration_unit) for s in steps if s is not None)


def chain(start: dt.datetime, parts: Iterable[tuple[int, str]], calendar: OfficeCalendar) -> dt.datetime:
    moment = start
    for value, unit in parts:
        moment = calendar.add(moment, value, unit)
    return moment


def phase_due(service: Service, channel: str, phase: str, start: dt.datetime,
              calendar: OfficeCalendar) -> dt.datetime | None:
    parts = phase_parts(service, channel, phase)
    return chain(start, parts, calendar) if parts else None


def deadline_parts(service: Service, channel: str) -> tuple[tuple[int, str], ...]:
    """The legal deadline: the PSC table end to end for a PSC case (unless the catalogue overrides the total),
    the service's ordinary deadline otherwise (path A also covers the akim)."""
    if split(channel).kind == "psc" and service.psc_steps and not service.total_deadline:
        return tuple((s.duration_value, s.duration_unit) for s in service.psc_steps)
    return service.deadline_parts()
