"""Indonesian drafting style for numbers and dates: "20 (dua puluh)", "1 Januari 2027"."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from num2words import num2words

BULAN = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)


def words(number: int | float | Decimal) -> str:
    """The number in Indonesian words: 20 → "dua puluh", 2.5 → "dua koma lima"."""
    if isinstance(number, float) and number.is_integer():
        number = int(number)
    return str(num2words(number, lang="id"))


def digits(number: int | float | Decimal) -> str:
    """The number in digits, Indonesian style: thousands with ".", decimals with ","."""
    if isinstance(number, float) and number.is_integer():
        number = int(number)
    if isinstance(number, int):
        return f"{number:,}".replace(",", ".")
    whole, _, frac = f"{number}".partition(".")
    return f"{int(whole):,}".replace(",", ".") + ("," + frac if frac else "")


def terbilang(number: int | float | Decimal, unit: str = "") -> str:
    """Drafting style: "20 (dua puluh)"; with unit ``persen``: "80% (delapan puluh persen)"."""
    if unit == "persen":
        return f"{digits(number)}% ({words(number)} persen)"
    return f"{digits(number)} ({words(number)})"


def tanggal(date: dt.date) -> str:
    """A date as written in a regulation: "1 Januari 2027"."""
    return f"{date.day} {BULAN[date.month - 1]} {date.year}"
