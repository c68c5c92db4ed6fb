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

Codes never reach a sentence: :func:`for_people` reads a found or required value in the light of
the column it concerns ("L" of ``jenis_kelamin`` is "laki-laki", the NIP digits "19670310" of
``tanggal_lahir`` are "10 Maret 1967"), and :func:`column_label` names a column by its title in
the Table Schema ("TMT golongan", never ``tmt_golongan``). Reports show found and required values
through the same helper, so a message and the table beside it say the same thing.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, Any

from num2words import num2words

if TYPE_CHECKING:
    from checker.policy.model import Peraturan

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
# the codes of jenis_kelamin, as a sentence writes them
JENIS_KELAMIN = {"L": "laki-laki", "P": "perempuan"}


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


def nomor_induk(status_kepegawaian: str | None) -> str:
    """What the employee's number is called: "NI PPPK" for a PPPK, "NIP" for a PNS or CPNS,
    "NIP/NI PPPK" when the status is not known."""
    if status_kepegawaian == "PPPK":
        return "NI PPPK"
    if status_kepegawaian in ("PNS", "CPNS"):
        return "NIP"
    return "NIP/NI PPPK"


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
# a snake_case name standing alone (not part of a file name or path such as riwayat_pangkat.csv)
_IDENTIFIER = re.compile(r"(?<![\w./\\-])[a-z]+(?:_[a-z]+)+(?![\w./\\-])")
# NIP digits read in the light of the column they are compared with (domain notes §4.1):
# digits 1-8 are the birth date (YYYYMMDD), digits 9-14 the year and month of TMT CPNS
_YYYYMMDD = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_YYYYMM = re.compile(r"^(\d{4})(\d{2})$")
_YYYY = re.compile(r"^\d{4}$")
_TMT_COLUMNS = ("tmt_cpns",)


def month_year(year: int, month: int) -> str:
    """A month as a regulation writes it: "Maret 1992"."""
    return f"{BULAN[month - 1]} {year}"


def for_people(value: Any, column: str | None = None) -> Any:
    """A value as a message or a report shows it: dates read "18 November 2010" (also inside
    text), decimals "50,5", and known table or column names their title. Given the ``column``
    the value concerns, codes read as words: "L"/"P" of ``jenis_kelamin`` are "laki-laki" and
    "perempuan", NIP digits "19670310" compared with ``tanggal_lahir`` are "10 Maret 1967",
    "199203" compared with ``tmt_cpns`` is "Maret 1992" (a NI PPPK's "2022" is "tahun 2022"),
    and an amount of ``jp`` carries its unit ("12 JP").
    Anything else is unchanged."""
    if isinstance(value, dt.date):
        return tanggal(value)
    if not isinstance(value, str):
        return value
    if column == "jp" and (_DECIMAL.match(value) or value.isdigit()):
        return f"{value.replace('.', ',')} JP"
    if _DECIMAL.match(value):
        return value.replace(".", ",")
    if column == "jenis_kelamin" and value in JENIS_KELAMIN:
        return JENIS_KELAMIN[value]
    digits_date = _YYYYMMDD.match(value) if column == "tanggal_lahir" else None
    if digits_date:
        return _date_text(*digits_date.groups()) or value
    digits_month = _YYYYMM.match(value) if column in _TMT_COLUMNS else None
    if digits_month and 1 <= int(digits_month[2]) <= 12:
        return month_year(int(digits_month[1]), int(digits_month[2]))
    if column in _TMT_COLUMNS and _YYYY.match(value):
        return f"tahun {value}"

    def date(match: re.Match[str]) -> str:
        return _date_text(match[1], match[2], match[3]) or match[0]

    def name(match: re.Match[str]) -> str:
        return _labels().get(match[0], match[0])

    return _IDENTIFIER.sub(name, _ISO_DATE.sub(date, value))


def _date_text(year: str, month: str, day: str) -> str | None:
    try:
        return tanggal(dt.date(int(year), int(month), int(day)))
    except ValueError:
        return None


def column_label(column: str, table: str | None = None) -> str:
    """How a sentence names a column: its title in the Table Schema, with a lower-case first
    letter unless it is an abbreviation ("tanggal lahir", "TMT golongan", "NIP"); the title in
    ``table`` when given, since a name such as ``jenis`` means something else in each table.
    A column the schema does not know is written with spaces ("nilai umpan balik")."""
    titles = _labels(table) if table else {}
    return titles.get(column) or _labels().get(column) or column.replace("_", " ")


def sentence_case(title: str) -> str:
    """A column title as it reads mid-sentence: "Tanggal lahir" → "tanggal lahir"; an
    abbreviation keeps its capitals ("TMT golongan", "NIP")."""
    if len(title) > 1 and title[1].isupper():
        return title  # "TMT golongan", "NIP", "JP"
    return title[:1].lower() + title[1:]


@cache
def _labels(table: str | None = None) -> dict[str, str]:
    """Sentence titles of the bundled Table Schema: every table ("riwayat_cltn") and column
    (first title wins across tables) when ``table`` is None, else the columns of ``table``."""
    from checker.data.schema import schema_in_use  # the schema reads policy, which reads us
    from checker.errors import PolicyError

    try:
        schema = schema_in_use()
    except PolicyError:
        return {}  # a broken schema is lint's to report; names stay readable with spaces
    if table is not None:
        found = schema.get(table)
        return {f.name: sentence_case(f.title) for f in found.fields if f.title} if found else {}
    out = {name: sentence_case(t.title) for name, t in schema.items() if t.title}
    for t in schema.values():
        for f in t.fields:
            if f.title:
                out.setdefault(f.name, sentence_case(f.title))
    return out


def regulation_name(peraturan: Peraturan) -> str:
    """The regulation named in full, as a report names it once: "Peraturan Gubernur Bengkulu
    Nomor 5 Tahun 2027 tentang ..." once enacted with a number, or "Rancangan Peraturan
    Gubernur Bengkulu tentang ..." while ``peraturan.yml`` says it is a draft."""
    region = peraturan.region.replace("Provinsi ", "")
    if peraturan.status != "rancangan" and peraturan.number and peraturan.year:
        return (
            f"{peraturan.kind} {region} Nomor {peraturan.number} Tahun {peraturan.year} "
            f"tentang {peraturan.title}"
        )
    return f"Rancangan {peraturan.kind} {region} tentang {peraturan.title}"


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
    return _series(parts)


def _series(parts: list[str]) -> str:
    """ "a", "a dan b", "a, b, dan c"."""
    if len(parts) <= 1:
        return parts[0] if parts else ""
    return ", ".join(parts[:-1]) + (", dan " if len(parts) > 2 else " dan ") + parts[-1]


def _per_tahun(value: Value) -> str:
    """Yearly targets: "70% (...) untuk tahun 2027, ..., dan 90% (...) untuk tahun 2029 dan
    tahun berikutnya". A value that does not start on 1 January is written as ``jadwal`` does."""
    dated = sorted(value.schedule, key=lambda pair: pair[0])
    if not dated or any((since.month, since.day) != (1, 1) for since, _ in dated):
        return _jadwal(value)
    parts = []
    for index, (since, raw) in enumerate(dated):
        upto = dated[index + 1][0].year - 1 if index + 1 < len(dated) else None
        if upto is None:
            years = f"tahun {since.year} dan tahun berikutnya"
        elif upto == since.year:
            years = f"tahun {since.year}"
        else:
            years = f"tahun {since.year} sampai dengan tahun {upto}"
        parts.append(f"{_terbilang(Value(raw, value.unit))} untuk {years}")
    return _series(parts)


def _jp(value: Value) -> str:
    number = _number(value.raw)
    if number is None:
        return f"tercatat mengikuti {value.raw} JP pengembangan kompetensi"
    if number == 0:
        # "mengikuti 0 JP" says nothing was done; say that nothing is on record
        return "belum tercatat mengikuti pengembangan kompetensi"
    return f"tercatat mengikuti {digits(number)} JP pengembangan kompetensi"


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
        Filter(
            "per_tahun",
            "Target tahunan dari nilai bertanggal yang berlaku mulai 1 Januari: 70% (tujuh puluh "
            "persen) untuk tahun 2027 dan 80% (delapan puluh persen) untuk tahun 2028 dan tahun "
            "berikutnya; hanya dalam teks pasal.",
            _per_tahun,
            in_message=False,
        ),
        Filter(
            "jp",
            "Jam pelajaran yang tercatat: tercatat mengikuti 12 JP pengembangan kompetensi; "
            "bila 0: belum tercatat mengikuti pengembangan kompetensi; hanya dalam pesan temuan.",
            _jp,
            in_text=False,
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


# the fields of a result row that hold a found or required value of the row's column: written
# in the light of that column (codes as words, NIP digits as dates)
CODED_FIELDS = ("actual", "expected")


@dataclass(frozen=True)
class _Coded:
    """A found or required value and the column it concerns, until it is written."""

    raw: Any
    column: str | None


class _MessageFormatter(string.Formatter):
    """``str.format`` whose format specs are the message filters of :data:`FILTERS`."""

    def get_value(self, key: int | str, args: Any, kwargs: Mapping[str, Any]) -> Any:
        value = super().get_value(key, args, kwargs)
        if key in CODED_FIELDS:
            return _Coded(value, kwargs.get("column"))
        if key == "column" and isinstance(value, str) and value:
            return column_label(value, kwargs.get("table"))
        return value

    def format_field(self, value: Any, format_spec: str) -> str:
        column = None
        if isinstance(value, _Coded):
            value, column = value.raw, value.column
        if value is None or value == "":
            return "-"
        if not format_spec:
            return format(for_people(tidy(value), column))
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


def literal_text(template: str) -> str:
    """The words of a message template without its placeholders; ValueError when braces do not
    pair."""
    return "".join(text for text, *_ in string.Formatter().parse(template))


def render_message(template: str, fields: Mapping[str, Any]) -> str:
    """A message template filled from ``fields``; ValueError on an unknown filter. ``{actual}``
    and ``{expected}`` are written for the column in ``fields["column"]``
    (:func:`for_people`), ``{column}`` as its title (:func:`column_label`, in
    ``fields["table"]`` when given)."""
    return _FORMATTER.vformat(template, (), fields)


def shown_value(value: Any, column: str | None = None) -> str | None:
    """A found or required value as a person-facing report shows it beside the message (the
    same words the message uses); None stays None."""
    if value is None or value == "":
        return None
    return str(for_people(tidy(value), column))
