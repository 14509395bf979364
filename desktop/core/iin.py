"""Kazakhstan individual identification number (ЖСН / ИИН).

Twelve digits: YYMMDD birth date, one digit for century and sex (1–6), four serial digits, one check digit.
The check digit is the weighted sum of the first eleven digits with weights 1..11, modulo 11; when that is 10,
the weights 3..11, 1, 2 are used instead; when that is 10 again the number is invalid.
"""
from __future__ import annotations

import datetime as dt
import operator
from dataclasses import dataclass

from .errors import ValidationError

_W1 = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)
_W2 = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)
_CENTURY = {1: 1800, 2: 1800, 3: 1900, 4: 1900, 5: 2000, 6: 2000}


@dataclass(frozen=True)
class IIN:
    text: str
    birth_date: dt.date
    sex: str  # "M" or "F"

    def __str__(self) -> str:
        return self.text


def check_digit(first11: str) -> int | None:
    """The check digit for eleven digits, or None when no valid check digit exists."""
    digits = list(map(int, first11))
    value = sum(map(operator.mul, digits, _W1)) % 11
    if value == 10:
        value = sum(map(operator.mul, digits, _W2)) % 11
        if value == 10:
            return None
    return value


def parse_iin(text: str, today: dt.date | None = None) -> IIN:
    """Validate an IIN and return its birth date and sex; raise ValueError saying what is wrong."""
    raw = "" if text is None else str(text).strip()
    if not raw:
        raise ValidationError("iin_empty", field="iin")
    if len(raw) != 12 or not raw.isascii() or not raw.isdigit():
        raise ValidationError("iin_format", field="iin", text=raw)
    century_digit = int(raw[6])
    if century_digit not in _CENTURY:
        raise ValidationError("iin_century", field="iin", digit=century_digit)
    year = _CENTURY[century_digit] + int(raw[0:2])
    try:
        birth = dt.date(year, int(raw[2:4]), int(raw[4:6]))
    except ValueError:
        raise ValidationError("iin_date", field="iin", date=f"{year}-{raw[2:4]}-{raw[4:6]}") from None
    if birth > (today or dt.date.today()):
        raise ValidationError("iin_future", field="iin", date=birth.isoformat())
    want = check_digit(raw[:11])
    if want is None:
        raise ValidationError("iin_invalid_checksum", field="iin")
    if want != int(raw[11]):
        raise ValidationError("iin_checksum", field="iin", got=raw[11], want=want)
    return IIN(raw, birth, "M" if century_digit % 2 else "F")


def make_iin(birth: dt.date, sex: str, serial: int) -> str:
    """Build a valid IIN for a birth date, sex and serial (the serial is advanced past impossible ones)."""
    century = (birth.year // 100) * 100
    digit = {1800: 1, 1900: 3, 2000: 5}[century] + (0 if sex == "M" else 1)
    serial %= 10000
    while True:
        first = f"{birth.year % 100:02d}{birth.month:02d}{birth.day:02d}{digit}{serial:04d}"
        check = check_digit(first)
        if check is not None:
            return f"{first}{check}"
        serial = (serial + 1) % 10000
