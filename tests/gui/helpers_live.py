"""An office for the live-queue and server tests: staff with passwords and a queue long enough to scroll, on a
SQLite file or on the throw-away PostgreSQL cluster (where the users are login roles with those passwords)."""
from __future__ import annotations

import datetime as dt

from desktop.core.iin import make_iin
from desktop.store import Register

STAFF = (("clerk", "Асқарова Гүлнар", ["clerk"]), ("head", "Серікбаев Нұрлан", ["head"]),
         ("executor1", "Оспанова Айгүл", ["executor"]))
QUEUE = 60  # cases awaiting resolution: more than a 760-pixel window shows


def person(serial: int) -> dict[str, str]:
    return {"surname": "Ахметов", "name": "Ерлан", "patronymic": "Болатұлы",
            "iin": make_iin(dt.date(1985, 1, 2), "M", serial), "address": "Бақанас ауылы, Абай көшесі, 5",
            "phone": "+7 701 123 45 67"}


def fill_office(reg: Register, cases: int = QUEUE) -> None:
    """Staff (password = user name + '-pw') and ``cases`` S1 cases awaiting resolution, an hour apart."""
    admin = reg.initialise(3, "admin-pass")
    for username, name, roles in STAFF:
        reg.create_user(admin, username, name, roles, username + "-pw")
    clerk = reg.user("clerk")
    start = dt.datetime.now().replace(microsecond=0) - dt.timedelta(days=1)
    for i in range(cases):
        when = start + dt.timedelta(minutes=i)
        reg.register_case(clerk, "S1", person(i + 1), None, ["application"], now=when)


def intake(reg: Register, serial: int, now: dt.datetime | None = None):
    return reg.register_case(reg.user("clerk"), "S1", person(serial), None, ["application"], now=now)
