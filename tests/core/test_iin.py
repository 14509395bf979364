from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.iin import check_digit, make_iin, parse_iin

pytestmark = pytest.mark.core


def test_known_valid_iin():
    iin = parse_iin("850412401239")
    assert iin.birth_date == dt.date(1985, 4, 12)
    assert iin.sex == "F"


@pytest.mark.parametrize("text,code", [
    ("", "iin_empty"), ("12345", "iin_format"), ("85041240123a", "iin_format"), ("８５０４１２４０１２３９", "iin_format"),
    ("850412701239", "iin_century"), ("850230401239", "iin_date"), ("850412401230", "iin_checksum"),
])
def test_invalid_iins_say_what_is_wrong(text, code):
    with pytest.raises(ValueError) as err:
        parse_iin(text)
    assert err.value.code == code
    assert str(err.value)


def test_second_weight_set_and_impossible_checksum():
    # find eleven digits whose first sum is 10: the second weights decide
    for serial in range(10000):
        first = f"8504124{serial:04d}"
        if sum(int(c) * w for c, w in zip(first, range(1, 12))) % 11 == 10:
            second = sum(int(c) * w for c, w in zip(first, (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2))) % 11
            if second == 10:
                assert check_digit(first) is None
                with pytest.raises(ValueError):
                    parse_iin(first + "0")
            else:
                assert check_digit(first) == second
                assert parse_iin(first + str(second)).text == first + str(second)
    assert check_digit("85041240123") == 9


def test_future_birth_date_refused():
    with pytest.raises(ValueError):
        parse_iin(make_iin(dt.date(2030, 1, 1), "M", 1), today=dt.date(2026, 1, 1))


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2025, 12, 31)), st.sampled_from("MF"),
       st.integers(0, 9999))
def test_made_iins_round_trip(birth, sex, serial):
    parsed = parse_iin(make_iin(birth, sex, serial))
    assert parsed.birth_date == birth and parsed.sex == sex
