"""Everything one document needs, read once from the register: the case, service, office, people, wording."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..core import reference
from ..core.catalogue import Field, Service
from ..core.errors import NotFound, ValidationError
from ..core.iin import parse_iin
from ..core.model import Applicant, Case, User
from .templates import Wording

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def _user(reg: Any, user_id: int | None) -> User | None:
    if user_id is None:
        return None
    try:
        return reg.user(int(user_id))
    except (NotFound, ValueError, TypeError):
        return None


def split_channel(channel: str) -> tuple[str, int | None]:
    """'psc:5' -> ('psc', 5); 'department' -> ('department', None)."""
    kind, _, ref = (channel or "department").partition(":")
    try:
        return kind, int(ref) if ref else None
    except ValueError:
        return kind, None


SEXES = {"M": "male", "F": "female"}


def applicant_sex(iin: str | None) -> str:
    """'male' or 'female' from the IIN's century-and-sex digit; 'unknown' when there is no valid IIN."""
    try:
        return SEXES[parse_iin(iin or "").sex]
    except (ValidationError, KeyError):
        return "unknown"


def name_patronymic(applicant: Applicant) -> str:
    """How a letter addresses the applicant: the name and patronymic (Ерлан Болатұлы), or the full name when
    there is no patronymic (a salutation by the first name alone would be too familiar for an office)."""
    if applicant.name and applicant.patronymic:
        return f"{applicant.name} {applicant.patronymic}"
    return applicant.full_name


def sex_words(common: Wording, sex: str) -> dict[str, str]:
    """The words of common.toml's ``by_sex`` table in the applicant's form: {dear} -> Уважаемая for a woman.

    A word without the sex's form (an office that wrote only ``unknown``) takes its ``unknown`` form."""
    table = common.raw("by_sex", {})
    out = {}
    for word, forms in (table.items() if isinstance(table, dict) else ()):
        if isinstance(forms, str):
            out[word] = forms
        elif isinstance(forms, dict):
            out[word] = str(forms.get(sex, forms.get("unknown", "")))
    return out


def shared_values(common: Wording, applicant: Applicant) -> dict[str, str]:
    """The fields every text of a case's document may use (templates.Wording.shared)."""
    return {"applicant": applicant.full_name, "name_patronymic": name_patronymic(applicant),
            **sex_words(common, applicant_sex(applicant.iin))}


@dataclass
class DocContext:
    kind: str
    lang: str
    case: Case
    service: Service
    office: dict[str, Any]
    clerk: User | None
    executor: User | None
    signer: User | None
    copy_no: int
    printed_at: dt.datetime
    common: Wording
    words: Wording

    @property
    def sex(self) -> str:
        """The applicant's sex from the IIN: 'male', 'female' or 'unknown'."""
        return applicant_sex(self.case.applicant.iin)

    # ------------------------------------------------------------ identity

    @property
    def reg_no(self) -> str:
        return self.case.reg_no

    @property
    def office_name(self) -> str:
        return self.office.get(f"name_{self.lang}") or self.office.get("name_kk") or ""

    @property
    def office_address(self) -> str:
        return self.office.get(f"address_{self.lang}") or self.office.get("address_kk") or ""

    @property
    def office_contacts(self) -> str:
        return self._contacts(self.office.get("phone"), self.office.get("email"))

    def _contacts(self, phone: str | None, email: str | None, website: str | None = None) -> str:
        """'тел. …, e-mail: …' from whichever of them there are ('' when none)."""
        parts = []
        if phone and phone.strip():
            parts.append(self.common.plain("phone", value=phone.strip()))
        if email and email.strip():
            parts.append(self.common.plain("email", value=email.strip()))
        if website and website.strip():
            parts.append(self.common.plain("website", default="{value}", value=website.strip()))
        return ", ".join(parts)

    @property
    def service_title(self) -> str:
        return self.service.title(self.lang)

    @property
    def subject(self) -> str:
        return self.service.subject_ru if self.lang == "ru" else self.service.subject_kk

    # ------------------------------------------------------------ channel

    @property
    def channel(self) -> tuple[str, int | None]:
        return split_channel(self.case.channel)

    def psc_branch(self) -> dict[str, Any] | None:
        kind, ref = self.channel
        number = ref if kind == "psc" else None
        if number is None and self.clerk is not None:
            number = self.clerk.psc_branch
        return reference.psc_branch(number) if number is not None else None

    def akimat(self) -> dict[str, Any] | None:
        kind, ref = self.channel
        akimat_id = ref if kind == "akimat" else None
        if akimat_id is None and self.signer is not None and self.signer.has("akim"):
            akimat_id = self.signer.akimat_id
        return reference.akimat(akimat_id) if akimat_id is not None else None

    def intake_place(self) -> dict[str, Any] | None:
        """The reference entry of the PSC branch or akimat whose channel the case came by (None for the
        department's own counter, or a branch/akimat the reference data does not know)."""
        kind, _ = self.channel
        if kind == "psc":
            return self.psc_branch()
        if kind == "akimat":
            return self.akimat()
        return None

    def place_contacts(self, place: dict[str, Any] | None) -> str:
        """A PSC branch's or akimat's phone and e-mail (or site) from the reference data ('' when none)."""
        if not place:
            return ""
        site = (place.get("email") or place.get("website_or_email") or "").strip()
        email, website = (site, "") if "@" in site else ("", site)
        return self._contacts(place.get("phone"), email, website)

    @property
    def intake_contacts(self) -> str:
        """Where an applicant asks about the case: the address and contacts of the PSC branch or akimat that
        accepted the documents, from the reference data; the department's phone and e-mail for its own counter
        (its name heads the receipt), or when the reference gives that branch or akimat no contacts."""
        place = self.intake_place()
        contacts = self.place_contacts(place)
        if place and contacts:
            address = (place.get(f"address_{self.lang}") or place.get("address_kk") or "").strip().rstrip(".,; ")
            return ", ".join(p for p in (address, contacts) if p)
        return self.office_contacts

    # ------------------------------------------------------------ formatting

    def date(self, value: dt.date | dt.datetime | str | None) -> str:
        """A long date as the forms write it: 2026 жылғы «2» наурыз / «2» марта 2026 г."""
        day = _as_date(value)
        if day is None:
            return ""
        months = self.common.raw("months")
        return self.common.plain("date_long", year=day.year, day=day.day, month=months[day.month - 1])

    @staticmethod
    def short_date(value: dt.date | dt.datetime | str | None) -> str:
        day = _as_date(value)
        return day.strftime("%d.%m.%Y") if day else ""

    def person_name(self, user: User | None) -> str:
        return user.full_name if user else "____________________"

    def field(self, name: str) -> Any:
        data = self.case.data
        return data.get("result", {}).get(name, data.get("fields", {}).get(name))

    def _spec(self, name: str) -> Field | None:
        return next((f for f in self.service.fields if f.name == name), None)

    def choice_title(self, name: str) -> str:
        """A choice field in the document's language: an option id (or an option's title typed before the list)
        by the option's title; text typed at intake, or kept from an older catalogue, exactly as stored."""
        value = self.field(name)
        spec = self._spec(name)
        if spec is None:
            return "" if value is None else str(value)
        return spec.label(value, self.lang)

    def relation_title(self, name: str, person: dict[str, Any]) -> str:
        """A person's relation (in the persons field ``name``) in the document's language, like choice_title."""
        value = person.get("relation")
        spec = self._spec(name)
        if spec is None:
            return "" if value is None else str(value)
        return spec.relation_label(value, self.lang)

    def quarter(self, name: str = "quarter") -> tuple[str, str]:
        """('2026', 'I') from '2026-Q1'."""
        value = str(self.field(name) or "")
        year, _, q = value.partition("-Q")
        return year, ROMAN.get(int(q), q) if q.isdigit() else q

    def documents(self) -> list[str]:
        """Titles of the documents presented at intake, in the catalogue's order."""
        titles = {d.id: d.title(self.lang) for d in self.service.documents}
        return [titles.get(d, d) for d in self.case.data.get("documents", [])]

    def reasons(self) -> list[str]:
        out = []
        for rid in self.case.data.get("refusal_reasons", []):
            item = self.service.reason(rid)
            out.append(item.title(self.lang) if item else rid)
        return out

    @property
    def signed_at(self) -> dt.datetime | None:
        value = self.case.data.get("signed_at")
        return dt.datetime.fromisoformat(value) if value else None


def _as_date(value: dt.date | dt.datetime | str | None) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value) if len(value) > 10 else dt.date.fromisoformat(value)
    return value.date() if isinstance(value, dt.datetime) else value


def build_context(reg: Any, case: Case, service: Service, kind: str, lang: str, copy_no: int,
                  now: dt.datetime, template: str) -> DocContext:
    common = Wording("common", lang)
    common.shared = shared_values(common, case.applicant)
    return DocContext(
        kind=kind, lang=lang, case=case, service=service, office=reg.office(),
        clerk=_user(reg, case.registered_by), executor=_user(reg, case.executor_id),
        signer=_user(reg, case.data.get("signed_by")), copy_no=copy_no, printed_at=now,
        common=common, words=Wording(template, lang, shared=common.shared))
