"""Test data shared by every test folder: a valid applicant, service fields, a fixed clock.

A plain module (not conftest.py) so that helper modules in tests/core, tests/store and tests/docs can import it.
"""
from __future__ import annotations

import datetime as dt

from desktop.core.iin import make_iin

T0 = dt.datetime(2026, 3, 2, 10, 0)  # a Monday, 10:00


def applicant(serial: int = 1, **over):
    data = {"surname": "Ахметов", "name": "Ерлан", "patronymic": "Болатұлы",
            "iin": make_iin(dt.date(1985, 1, 2), "M", serial), "address": "Бақанас ауылы, Абай көшесі, 5",
            "phone": "+7 701 123 45 67"}
    data.update(over)
    return data


INTAKE_FIELDS = {
    "S4": {"employment_form": "public_works"},
    "S5": {"category": "Көп балалы аналар"},
    "S7": {"children": [{"full_name": "Ахметова Дана", "iin": make_iin(dt.date(2015, 5, 5), "F", 7)}]},
}
RESULT_FIELDS = {
    "S4": {"institution": "«Бақанас су» ЖШС", "term": "6 ай"},
    "S6": {"quarter": "2026-Q1", "family_members": [{"full_name": "Ахметова Сәуле", "relation": "жұбайы"}]},
}
