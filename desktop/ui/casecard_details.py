"""What the case card's Details page lists: every field of a case, grouped and titled in the interface language.

Kept apart from the dialog so the list itself (which fields, in what words) is plain data a test can read. Any
key of ``case.data`` this module does not know is still shown, under "Other data": nothing recorded is hidden.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject

from ..core.catalogue import Field, Service
from ..core.errors import KenseError
from ..core.iin import parse_iin
from ..core.messages import ACTION_TITLES
from ..core.model import Case
from ..core.packages import SCAN_TITLES, package_title
from ..store import Register
from .labels import decision_title, fmt_date, fmt_datetime, quarter_title, stage_title
from .registries import direction_title, mark_title, place_title

_KNOWN = {"fields", "documents", "returns", "resolution", "resolved_by", "refusal_reasons", "result", "draft_text",
          "last_return", "signed_by", "signed_at", "delivery", "suspended_from", "suspended_at", "suspend_reason",
          "paused_seconds", "withdraw_reason", "slip", "package", "received_at", "received_by", "returned_at",
          "returned_by"}


@dataclass
class DetailSection:
    title: str
    rows: list[tuple[str, str]] = field(default_factory=list)

    def add(self, label: str, text: str) -> None:
        if text:
            self.rows.append((label, text))


def kind_title(kind: str, lang: str) -> str:
    """A printed document's name (the documents package keeps them in kk and ru)."""
    try:
        from ..documents.errors import KIND_TITLES
    except ImportError:
        return kind
    titles = KIND_TITLES.get(kind, {})
    title = titles.get(lang) or titles.get("kk") or kind
    return title[:1].upper() + title[1:]


def date_text(text: Any, lang: str) -> str:
    """An ISO date or timestamp kept in case.data, in the locale's format."""
    if not text:
        return ""
    try:
        if len(str(text)) > 10:
            return fmt_datetime(dt.datetime.fromisoformat(str(text)), lang)
        return fmt_date(dt.date.fromisoformat(str(text)), lang)
    except ValueError:
        return str(text)


class CaseDetails(QObject):
    """Words for a case's fields; a QObject so every title goes through tr() under one context."""

    def __init__(self, register: Register | None, lang: str) -> None:
        super().__init__()
        self.register = register
        self.lang = lang

    # ---------------------------------------------------------------- values

    def plain(self, value: Any) -> str:
        """Any stored value as one line of text (lists joined, mappings as key: value, dates localised)."""
        if value is None or value == "" or value == [] or value == {}:
            return ""
        if isinstance(value, bool):
            return self.tr("yes") if value else self.tr("no")
        if isinstance(value, dt.datetime):
            return fmt_datetime(value, self.lang)
        if isinstance(value, dt.date):
            return fmt_date(value, self.lang)
        if isinstance(value, (list, tuple)):
            return ", ".join(self.plain(v) for v in value)
        if isinstance(value, dict):
            if "full_name" in value:
                extra = [str(value[k]) for k in ("relation", "iin") if value.get(k)]
                return str(value["full_name"]) + (f" ({', '.join(extra)})" if extra else "")
            return "; ".join(f"{self.key_title(k)}: {self.plain(v)}" for k, v in value.items())
        return str(value)

    def key_title(self, key: str) -> str:
        """Titles of the keys audit events carry in their details."""
        titles = {
            "executor": self.tr("executor"), "executor_id": self.tr("executor id"),
            "resolution": self.tr("resolution"), "decision": self.tr("decision"),
            "reasons": self.tr("refusal reasons"), "text": self.tr("text"), "reason": self.tr("reason"),
            "method": self.tr("delivery"), "date": self.tr("date"), "post_number": self.tr("post number"),
            "due_at": self.tr("due"), "paused_seconds": self.tr("paused, seconds"),
            "documents": self.tr("documents"), "result": self.tr("result"), "iin": self.tr("IIN"),
            "service": self.tr("service"), "channel": self.tr("channel"), "warning": self.tr("warning"),
            "kind": self.tr("document"), "catalogue_version": self.tr("catalogue version"),
            "second_open_case": self.tr("another open case"),
            "registry": self.tr("registry"), "direction": self.tr("direction"), "package": self.tr("package"),
            "code": self.tr("code"), "place": self.tr("place"), "against": self.tr("against"),
            "from_executor_id": self.tr("previous executor"), "started_on": self.tr("started on"),
            "order_no": self.tr("order No"), "institution": self.tr("institution"),
            "recorded_at": self.tr("recorded"),
        }
        return titles.get(key) or self.print_key_title(key) or key

    def print_key_title(self, key: str) -> str:
        """The print log's keys (desktop/documents/printlog.py): what was printed, where, how many."""
        return {"copy": self.tr("print No"), "copies": self.tr("copies"), "printer": self.tr("printer"),
                "file": self.tr("PDF file"), "lang": self.tr("language")}.get(key, "")

    def details_line(self, details: dict[str, Any], service: Service | None = None) -> str:
        """An audit event's details as one readable line (the number and the step due are shown elsewhere)."""
        return "; ".join(f"{self.key_title(k)}: {self.value_text(k, v, service)}" for k, v in details.items()
                         if k not in ("reg_no", "step_due_at", "catalogue_version", "executor_id") and v not in (None, "", [], {}))

    def value_text(self, key: str, value: Any, service: Service | None = None) -> str:
        """A detail value in words: decisions, delivery methods, dates, reasons and documents by their titles."""
        if key == "decision":
            return decision_title(str(value), self.lang) or str(value)
        if key == "method":
            return self.method(str(value))
        if key == "package":
            return package_title(str(value), "", self.lang)
        if key == "result" and isinstance(value, str) and value in SCAN_TITLES:
            return SCAN_TITLES[value].get(self.lang, str(value))
        if key == "direction":
            return direction_title(str(value))
        if key == "place":
            return place_title(str(value), self.lang)
        if key == "against":
            return {"kolkhat": self.tr("the Қолхат"), "identity": self.tr("the identity document")}.get(value, value)
        if key == "channel":
            return self.channel(str(value))
        if key == "lang":
            return {"kk": self.tr("Kazakh"), "ru": self.tr("Russian")}.get(str(value), str(value))
        if key == "from_executor_id":
            return self._user_name(value).split(" (")[0]
        if key == "executor" and self.register is not None:
            try:
                return self.register.user(str(value)).full_name
            except KenseError:
                return str(value)
        if key == "paused_seconds":
            return self.duration(int(value))
        if key == "kind":
            return kind_title(str(value), self.lang)
        if key in ("date", "due_at", "started_on", "day") or key.endswith("_at"):
            return date_text(value, self.lang)
        if service is not None and key == "reasons" and isinstance(value, list):
            return "; ".join(service.reason(r).title(self.lang) if service.reason(r) else str(r) for r in value)
        if service is not None and key == "documents" and isinstance(value, list):
            titles = {d.id: d.title(self.lang) for d in service.documents}
            return ", ".join(titles.get(d, str(d)) for d in value)
        if service is not None and key in ("result", "fields") and isinstance(value, dict):
            fields = {f.name: f for f in service.fields}
            return "; ".join(f"{fields[k].title(self.lang)}: {self._field_text(fields[k], v)}" if k in fields
                             else f"{k}: {self.plain(v)}" for k, v in value.items())
        return self.plain(value)

    def _field_text(self, f: Field, value: Any) -> str:
        if f.type == "choice":
            return f.label(value, self.lang)
        if f.type == "date":
            return date_text(value, self.lang)
        if f.type == "quarter" and isinstance(value, str):
            return quarter_title(value, self.lang)  # '2026 ж. IV тоқсан', as the certificate says it
        if f.type == "persons" and isinstance(value, list):
            return "; ".join(self.plain({**p, "relation": f.relation_label(p["relation"], self.lang)})
                             if isinstance(p, dict) and p.get("relation") else self.plain(p) for p in value)
        return self.plain(value)

    def _user_name(self, user_id: Any) -> str:
        if user_id in (None, "") or self.register is None:
            return "" if user_id in (None, "") else str(user_id)
        try:
            user = self.register.user(int(user_id))
        except (KenseError, ValueError, TypeError):
            return str(user_id)
        return f"{user.full_name} ({user.username})"

    def channel(self, channel: str) -> str:
        kind, _, ref = channel.partition(":")
        if ref:
            return place_title(channel, self.lang)
        return {"department": self.tr("at the department"), "akimat": self.tr("through the village akimat"),
                "psc": self.tr("through a public service centre")}.get(kind, channel)

    def method(self, method: str) -> str:
        return {"in_person": self.tr("handed over in person"), "post": self.tr("posted"),
                "psc": self.tr("handed over at the public service centre"),
                "akimat": self.tr("handed over at the akimat")}.get(method, method)

    def action(self, action: str) -> str:
        """An audit action in words: the core's titles, and the package movements of issue 5."""
        titles = {"package_dispatch": self.tr("package sent on a registry"),
                  "package_receive": self.tr("package received by scanning"),
                  "package_scan": self.tr("package scan (flagged)"),
                  "package_missing": self.tr("package missing from its registry"),
                  "hand_over": self.tr("result handed over"), "print": self.tr("printed")}
        core = ACTION_TITLES.get(action, {}).get(self.lang)
        return titles.get(action) or core or action

    def duration(self, seconds: int) -> str:
        days, rest = divmod(seconds, 86400)
        hours, rest = divmod(rest, 3600)
        return (self.tr("%1 d").replace("%1", str(days)) + " " if days else "") + f"{hours:02d}:{rest // 60:02d}"

    # ---------------------------------------------------------------- sections

    def applicant(self, case: Case) -> DetailSection:
        a = case.applicant
        s = DetailSection(self.tr("Applicant"))
        s.add(self.tr("Surname"), a.surname)
        s.add(self.tr("Name"), a.name)
        s.add(self.tr("Patronymic"), a.patronymic)
        s.add(self.tr("IIN"), a.iin)
        try:
            iin = parse_iin(a.iin, today=case.registered_at.date())
        except KenseError:
            iin = None
        if iin is not None:
            s.add(self.tr("Birth date"), fmt_date(iin.birth_date, self.lang))
            s.add(self.tr("Sex"), self.tr("male") if iin.sex == "M" else self.tr("female"))
        s.add(self.tr("Address"), a.address)
        s.add(self.tr("Phone"), a.phone)
        return s

    def application(self, case: Case, service: Service) -> DetailSection:
        lang = self.lang
        s = DetailSection(self.tr("Application"))
        s.add(self.tr("Registration number"), case.reg_no)
        s.add(self.tr("Service"), f"{service.code} — {service.title(lang)}")
        s.add(self.tr("Channel"), self.channel(case.channel))
        s.add(self.tr("Registered"), fmt_datetime(case.registered_at, lang))
        s.add(self.tr("Registered by"), self._user_name(case.registered_by))
        stage = stage_title(case.stage, lang)
        s.add(self.tr("Stage"), stage + (f" ({decision_title(case.decision, lang)})" if case.decision else ""))
        s.add(self.tr("In this stage since"), fmt_datetime(case.stage_since, lang))
        s.add(self.tr("Current step due"), fmt_datetime(case.step_due_at, lang))
        s.add(self.tr("Due (whole service)"), fmt_datetime(case.due_at, lang))
        s.add(self.tr("Closed"), fmt_datetime(case.closed_at, lang))
        return s

    def documents(self, case: Case, service: Service) -> DetailSection:
        s = DetailSection(self.tr("Documents presented"))
        given = set(case.data.get("documents", []))
        yes, no = "✔ " + self.tr("presented"), "✘ " + self.tr("not presented")
        for doc in service.documents:
            s.add(doc.title(self.lang), yes if doc.id in given else no)
        for unknown in sorted(given - {d.id for d in service.documents}):
            s.add(unknown, yes)
        return s

    def fields(self, title: str, service: Service, phase: str, values: dict[str, Any]) -> DetailSection:
        s = DetailSection(title)
        for f in service.fields_for(phase):
            if f.name in values:
                s.add(f.title(self.lang), self._field_text(f, values[f.name]))
        for name in sorted(set(values) - {f.name for f in service.fields_for(phase)}):
            s.add(name, self.plain(values[name]))
        return s

    def decision(self, case: Case, service: Service) -> DetailSection:
        d, lang = case.data, self.lang
        s = DetailSection(self.tr("Resolution and decision"))
        s.add(self.tr("Resolution"), self.plain(d.get("resolution")))
        s.add(self.tr("Resolved by"), self._user_name(d.get("resolved_by")))
        s.add(self.tr("Executor"), self._user_name(case.executor_id))
        s.add(self.tr("Decision"), decision_title(case.decision, lang))
        reasons = [(service.reason(r).title(lang) if service.reason(r) else r) for r in d.get("refusal_reasons", [])]
        s.add(self.tr("Refusal reasons"), "; ".join(reasons))
        s.add(self.tr("Draft text"), self.plain(d.get("draft_text")))
        if d.get("returns"):
            s.add(self.tr("Returned for completion, times"), str(d["returns"]))
        s.add(self.tr("Last return reason"), self.plain(d.get("last_return")))
        s.add(self.tr("Signed by"), self._user_name(d.get("signed_by")))
        s.add(self.tr("Signed"), date_text(d.get("signed_at"), lang))
        return s

    def delivery(self, case: Case) -> DetailSection:
        d, lang = case.data, self.lang
        s = DetailSection(self.tr("Delivery, suspension, withdrawal"))
        delivery = d.get("delivery") or {}
        if delivery:
            s.add(self.tr("Delivery"), self.method(str(delivery.get("method") or "")))
            s.add(self.tr("Delivery date"), date_text(delivery.get("date"), lang))
            s.add(self.tr("Post number"), self.plain(delivery.get("post_number")))
        if d.get("suspended_from"):
            s.add(self.tr("Suspended from stage"), stage_title(d["suspended_from"], lang))
            s.add(self.tr("Suspended"), date_text(d.get("suspended_at"), lang))
            s.add(self.tr("Suspension reason"), self.plain(d.get("suspend_reason")))
        if d.get("paused_seconds"):
            s.add(self.tr("Time paused"), self.duration(int(d["paused_seconds"])))
        s.add(self.tr("Withdrawal reason"), self.plain(d.get("withdraw_reason")))
        slip = d.get("slip") or {}
        if slip:
            s.add(self.tr("Referral slip: work started"), date_text(slip.get("started_on"), lang))
            s.add(self.tr("Referral slip: order number"), self.plain(slip.get("order_no")))
            s.add(self.tr("Referral slip: institution"), self.plain(slip.get("institution")))
            s.add(self.tr("Referral slip: recorded"), date_text(slip.get("recorded_at"), lang))
        return s

    def package(self, case: Case) -> DetailSection:
        """Where a PSC or akimat package is, the registries it travelled on, and every scan of its barcode."""
        s = DetailSection(self.tr("Package and scans"))
        if case.package is None or self.register is None:
            return s
        d, lang = case.data, self.lang
        s.add(self.tr("Where the package is"), package_title(case.package, case.channel, lang))
        s.add(self.tr("Received at the department"), self._when_by(d.get("received_at"), d.get("received_by")))
        s.add(self.tr("Returned to the branch"), self._when_by(d.get("returned_at"), d.get("returned_by")))
        try:
            travels = self.register.packages.case_registries(case.reg_no)
            scans = self.register.packages.package_scans(case.reg_no)
        except KenseError:
            return s
        for registry, item in travels:
            line = f"{direction_title(registry.direction)}, {fmt_date(registry.day, lang)} · {registry.run}: " + \
                mark_title(item.state)
            if item.received_at:
                line += f" {fmt_datetime(item.received_at, lang)}"
            s.add(self.tr("Registry %1").replace("%1", registry.number), line)
        for n, scan in enumerate(scans, 1):
            result = SCAN_TITLES.get(scan.result, {}).get(lang, scan.result)
            s.add(self.tr("Scan %1").replace("%1", str(n)),
                  f"{fmt_datetime(scan.at, lang)} · {scan.registry_no} · {result} · {scan.actor}")
        return s

    def _when_by(self, when: Any, who: Any) -> str:
        if not when:
            return ""
        name = self._user_name(who)
        return date_text(when, self.lang) + (f" — {name}" if name else "")

    def other(self, case: Case) -> DetailSection:
        s = DetailSection(self.tr("Other data"))
        for key in sorted(set(case.data) - _KNOWN):
            value = case.data[key]
            s.add(key, json.dumps(value, ensure_ascii=False) if isinstance(value, (dict, list)) else self.plain(value))
        return s

    def sections(self, case: Case, service: Service) -> list[DetailSection]:
        """Every field of the case, grouped; empty groups are left out (a new case has no decision yet)."""
        sections = [
            self.applicant(case),
            self.application(case, service),
            self.package(case),
            self.fields(self.tr("Application details"), service, "intake", case.data.get("fields", {})),
            self.documents(case, service),
            self.decision(case, service),
            self.fields(self.tr("Result"), service, "result", case.data.get("result", {})),
            self.delivery(case),
            self.other(case),
        ]
        return [s for s in sections if s.rows]


def case_sections(register: Register, case: Case, service: Service, lang: str) -> list[DetailSection]:
    return CaseDetails(register, lang).sections(case, service)
