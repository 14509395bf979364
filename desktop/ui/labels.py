"""Display texts for domain identifiers (stages, services, roles) in the interface language."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QLocale

from ..core.catalogue import Service
from ..core.model import ROLE_TITLES, STAGE_TITLES

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
QUARTER_FORMS = {"kk": "{year} ж. {q} тоқсан", "ru": "{q} квартал {year} г.", "en": "quarter {q} of {year}"}

DECISION_TITLES = {
    "approved": {"kk": "Мақұлданды", "ru": "Одобрено", "en": "Approved"},
    "refused": {"kk": "Бас тартылды", "ru": "Отказано", "en": "Refused"},
}


def stage_title(stage: str, lang: str) -> str:
    return STAGE_TITLES.get(stage, {}).get(lang, stage)


def role_title(role: str, lang: str) -> str:
    return ROLE_TITLES.get(role, {}).get(lang, role)


def decision_title(decision: str | None, lang: str) -> str:
    return DECISION_TITLES.get(decision or "", {}).get(lang, "") if decision else ""


def service_title(service: Service, lang: str) -> str:
    return service.title(lang)


def locale_for(lang: str) -> QLocale:
    return QLocale(QLocale.Language.Russian if lang == "ru" else QLocale.Language.Kazakh, QLocale.Country.Kazakhstan)


def fmt_datetime(value: dt.datetime | None, lang: str) -> str:
    if value is None:
        return ""
    return locale_for(lang).toString(value, "dd.MM.yyyy HH:mm")


def fmt_date(value: dt.date | None, lang: str) -> str:
    if value is None:
        return ""
    return locale_for(lang).toString(value, "dd.MM.yyyy")


def fmt_time(value: dt.datetime | None, lang: str) -> str:
    if value is None:
        return ""
    return locale_for(lang).toString(value.time(), "HH:mm")



def quarter_title(value: str | None, lang: str) -> str:
    """'2026-Q4' as the certificate says it: '2026 ж. IV тоқсан', 'IV квартал 2026 г.'.

    A value that is not 'YYYY-Qn' (typed before the list, or kept from an older catalogue) is shown as stored."""
    text = str(value or "")
    year, sep, quarter = text.partition("-Q")
    if not (sep and year.isdigit() and quarter.isdigit() and int(quarter) in ROMAN):
        return text
    return QUARTER_FORMS.get(lang, QUARTER_FORMS["en"]).format(year=year, q=ROMAN[int(quarter)])
