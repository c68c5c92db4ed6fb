"""How the checker writes for people, in one place: numbers, dates, the salutation, and the
filters that rule messages and clause text share.

Numbers and dates follow Indonesian drafting style: "20 (dua puluh)", "1.500", "50,5",
"18 November 2010". A filter turns one value into text and is written the same way in both
places it can appear: ``{{ kompetensi.jp_minimum_pns | angka }}`` in clause text and
``{expected:angka}`` in a rule message. Both read :data:`FILTERS`, so a filter name means one
thing everywhere and each lint lists the same names.

Without a filter, clause text writes a parameter in drafting style (as ``terbilang`` does) and a
rule message writes the value as found, with ISO dates as "18 November 2010", decimals with a
comma, and an empty value as "-".
"""

from __future__ import annotations

import datetime as dt
import re
import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from num2words import num2words

BULAN = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
# how a letter addresses the employee: Saudara / Saudari by the recorded jenis_kelamin; the
# masculine form when nothing is recorded, as Indonesian letters do
SAPAAN = {"L": "Sdr.", "P": "Sdri."}
SAPAAN_DEFAULT = "Sdr."


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


def sapaan(jenis_kelamin: str | None) -> str:
    """How a message addresses an employee: "Sdr." (L, or not recorded) or "Sdri." (P)."""
    return SAPAAN.get(jenis_kelamin or "", SAPAAN_DEFAULT)


def tidy(value: Any) -> Any:
    """Numbers stored as text come back from SQL as "12.0"; show them as people write them."""
    if isinstance(value, str):
        try:
            number = float(value)
        except ValueError:
            return value
        if number.is_integer() and "." in value:
            return str(int(number))
    return value


_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DECIMAL = re.compile(r"^-?\d+\.\d+$")


def for_people(value: Any) -> Any:
    """A value as a message shows it: dates read "18 November 2010" (also inside text) and
    decimals "50,5"; anything else unchanged."""
    if isinstance(value, dt.date):
        return tanggal(value)
    if not isinstance(value, str):
        return value
    if _DECIMAL.match(value):
        return value.replace(".", ",")

    def date(match: re.Match[str]) -> str:
        try:
            return tanggal(dt.date(int(match[1]), int(match[2]), int(match[3])))
        except ValueError:
            return match[0]

    return _ISO_DATE.sub(date, value)


# --- filters -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Value:
    """What a filter formats: the value, its unit (a parameter's ``unit``; a message value has
    none) and, for a parameter, every dated value as (since, value)."""

    raw: object
    unit: str = ""
    schedule: tuple[tuple[dt.date, object], ...] = ()


def _number(raw: object) -> int | float | Decimal | None:
    """The value as a number, or None for text (a boolean is not a number here)."""
    if isinstance(raw, bool) or not isinstance(raw, int | float | Decimal):
        return None
    return raw


def _angka(value: Value) -> str:
    number = _number(value.raw)
    if number is None:
        return str(value.raw)
    return digits(number) + ("%" if value.unit == "persen" else "")


def _terbilang(value: Value) -> str:
    number = _number(value.raw)
    return str(value.raw) if number is None else terbilang(number, value.unit)


def _persen(value: Value) -> str:
    number = _number(value.raw)
    return str(value.raw) if number is None else terbilang(number, "persen")


def _jadwal(value: Value) -> str:
    parts = [
        f"{_terbilang(Value(raw, value.unit))} mulai {tanggal(since)}"
        for since, raw in sorted(value.schedule, key=lambda pair: pair[0])
    ]
    if len(parts) <= 1:
        return parts[0] if parts else ""
    return ", ".join(parts[:-1]) + (", dan " if len(parts) > 2 else " dan ") + parts[-1]


@dataclass(frozen=True)
class Filter:
    """A named way of writing a value, with where it may be used and what it does."""

    name: str
    description: str  # one line in Bahasa Indonesia, for the documentation
    render: Callable[[Value], str]
    in_text: bool = True  # usable in clause text: {{ parameter | name }}
    in_message: bool = True  # usable in a rule message: {field:name}


FILTERS: dict[str, Filter] = {
    f.name: f
    for f in (
        Filter(
            "angka",
            "Angka saja dengan gaya Indonesia: 1.500 atau 2,5; parameter bersatuan "
            "persen diberi tanda %.",
            _angka,
        ),
        Filter(
            "terbilang",
            "Angka beserta terbilangnya: 20 (dua puluh); parameter bersatuan persen: "
            "80% (delapan puluh persen).",
            _terbilang,
        ),
        # a parameter in clause text carries its unit, so there terbilang already writes
        # "80% (...)"; a value in a message carries none, and this says it is a percentage
        Filter(
            "persen",
            "Angka sebagai persen beserta terbilangnya: 80% (delapan puluh persen); "
            "hanya dalam pesan temuan.",
            _persen,
            in_text=False,
        ),
        # a message field holds one value; the schedule is a property of the parameter itself
        Filter(
            "jadwal",
            "Setiap nilai bertanggal parameter: 70% (tujuh puluh persen) mulai "
            "1 Januari 2026 dan 80% (delapan puluh persen) mulai 1 Januari 2027; "
            "hanya dalam teks pasal.",
            _jadwal,
            in_message=False,
        ),
    )
}
TEXT_FILTERS = tuple(name for name, f in FILTERS.items() if f.in_text)
MESSAGE_FILTERS = tuple(name for name, f in FILTERS.items() if f.in_message)
# clause text without a filter writes a parameter in drafting style
TEXT_DEFAULT = "terbilang"


def apply_filter(name: str | None, value: Value) -> str:
    """``value`` written by filter ``name`` (the clause-text default when None)."""
    return FILTERS[name or TEXT_DEFAULT].render(value)


# --- rule messages -------------------------------------------------------------------------


def _message_value(raw: Any) -> Value:
    """A result-row value for a filter: SQL returns numbers as text ("12.0"), so read it as a
    number where it is one."""
    try:
        number = float(raw)
    except (TypeError, ValueError):
        return Value(raw)
    return Value(int(number) if number.is_integer() else number)


class _MessageFormatter(string.Formatter):
    """``str.format`` whose format specs are the message filters of :data:`FILTERS`."""

    def format_field(self, value: Any, format_spec: str) -> str:
        if value is None or value == "":
            return "-"
        if not format_spec:
            return format(for_people(tidy(value)))
        if format_spec not in MESSAGE_FILTERS:
            raise ValueError(
                f"penyaring {format_spec!r} tidak dikenal; penyaring yang tersedia: "
                f"{', '.join(MESSAGE_FILTERS)}"
            )
        return FILTERS[format_spec].render(_message_value(value))


_FORMATTER = _MessageFormatter()


@dataclass(frozen=True)
class Placeholder:
    """One ``{field:filter}`` of a message template (``conversion`` is a ``!r``-style one)."""

    field: str
    filter: str
    conversion: str | None


def placeholders(template: str) -> list[Placeholder]:
    """Every placeholder of a message template, in order; ValueError when braces do not pair."""
    return [
        Placeholder(name, spec or "", conversion)
        for _, name, spec, conversion in string.Formatter().parse(template)
        if name is not None
    ]


def render_message(template: str, fields: Mapping[str, Any]) -> str:
    """A message template filled from ``fields``; ValueError on an unknown filter."""
    return _FORMATTER.vformat(template, (), fields)
