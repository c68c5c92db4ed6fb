"""The data contract as the oracle reads it: ``rules/schema/*.yml`` (columns, types, required
flags, enumerations with their other spellings, groups, categories, regimes and score bands)
and the typing of one cell of text.

Only the Table Schema is read here, never a rule. The typing follows the contract's own words
(the field descriptions) and the domain notes on exports (asn-regulations.md §5.2–5.4): NIPs
lose spaces and a leading apostrophe, an NIP that Excel stored as a number is damaged, dates
come as dd/mm/yyyy, dd-mm-yyyy, ISO or Excel serials, enum values match ignoring case, spaces
and separators.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

# --- enum matching (the contract: "matched ignoring case, spaces, punctuation") -------------

# characters that separate the parts of one spelling ("III/d", "iii - D", "Gol. dari ...",
# "Pilihan (Jabatan Fungsional Tertentu)")
_SEPARATORS = " \t/\\-._,'()\u2010\u2011\u2012\u2013\u2014\u2015"
_SEP_CLASS = "".join("\\" + c if c in "\\-]^" else c for c in _SEPARATORS)
_VALUE_OK = re.compile(f"[0-9A-Za-z][0-9A-Za-z{_SEP_CLASS}]*")
_VALUE_SEP = re.compile(f"[{_SEP_CLASS}]+")


def value_key(text: str) -> str:
    """Key of an enum spelling: case and separators ignored; "" when it can match nothing
    (a formula, or a number written with separators such as "1.1")."""
    text = unicodedata.normalize("NFKC", text).strip()
    if not _VALUE_OK.fullmatch(text):
        return ""
    key = _VALUE_SEP.sub("", text).upper()
    if key.isdigit() and key != text:
        return ""
    return key


# --- the Table Schema ------------------------------------------------------------------------


@dataclass(frozen=True)
class Band:
    """One range of a score that gives an enum value (``scoreBands``)."""

    value: str
    minimum: float | None
    maximum: float | None


@dataclass
class Column:
    """One field of a table, as far as the oracle needs it."""

    name: str
    type: str
    required: bool
    aliases: tuple[str, ...]
    enum: tuple[str, ...] = ()
    keys: dict[str, str] = field(default_factory=dict)  # value_key → canonical value
    true_keys: frozenset[str] = frozenset()
    false_keys: frozenset[str] = frozenset()
    minimum: float | None = None
    maximum: float | None = None
    is_nip: bool = False
    groups: dict[str, tuple[str, ...]] = field(default_factory=dict)
    categories: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # regime → [(value as read, value it means there)] (``enumScales`` aliases)
    regime_reads: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    scales: dict[str, tuple[str, ...]] = field(default_factory=dict)  # regime → best first
    bands: tuple[str, tuple[str, ...], tuple[Band, ...]] | None = None  # target, regimes, bands


@dataclass
class TableContract:
    """One table of the contract."""

    name: str
    aliases: tuple[str, ...]
    columns: dict[str, Column]
    primary_key: tuple[str, ...]
    regime_field: str | None = None
    regimes: tuple[tuple[str, int], ...] = ()  # (name, first year), ascending

    def regime(self, year: int | None) -> str | None:
        """The regime of a row whose regime field holds ``year`` (None before the first)."""
        found = None
        for name, start in self.regimes:
            if year is not None and year >= start:
                found = name
        return found


def _column(data: dict[str, Any]) -> Column:
    constraints = data.get("constraints") or {}
    enum = tuple(str(v) for v in constraints.get("enum", ()))
    keys: dict[str, str] = {}
    spellings = data.get("enumAliases") or {}
    for canonical in enum:
        for spelling in (canonical, *(str(s) for s in spellings.get(canonical, ()))):
            if key := value_key(spelling):
                keys.setdefault(key, canonical)
    col = Column(
        name=data["name"],
        type=data.get("type", "string"),
        required=bool(constraints.get("required", False)),
        aliases=tuple(str(a) for a in data.get("aliases", ())),
        enum=enum,
        keys=keys,
        true_keys=frozenset(value_key(str(v)) for v in data.get("trueValues", ("true",))),
        false_keys=frozenset(value_key(str(v)) for v in data.get("falseValues", ("false",))),
        minimum=constraints.get("minimum"),
        maximum=constraints.get("maximum"),
        is_nip=data.get("normalize") == "nip",
        groups={k: tuple(v) for k, v in (data.get("enumGroups") or {}).items()},
        categories={k: tuple(v) for k, v in (data.get("categories") or {}).items()},
    )
    for regime, scale in (data.get("enumScales") or {}).items():
        col.scales[regime] = tuple(scale["values"])
        reads = []
        for meant, others in (scale.get("aliases") or {}).items():
            for other in others:
                read = keys.get(value_key(str(other)))
                if read is not None:
                    reads.append((read, meant))
        col.regime_reads[regime] = reads
    return col


def _bands(data: dict[str, Any]) -> tuple[str, tuple[str, ...], tuple[Band, ...]] | None:
    spec = data.get("scoreBands")
    if not spec:
        return None
    bands = tuple(Band(str(b["value"]), b.get("minimum"), b.get("maximum")) for b in spec["bands"])
    return str(spec["field"]), tuple(spec.get("regimes", ())), bands


def load_contract(schema_dir: Path) -> dict[str, TableContract]:
    """Every table of ``rules/schema/`` (the data contract), by name."""
    tables: dict[str, TableContract] = {}
    for path in sorted(schema_dir.glob("*.yml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        columns = {}
        for spec in doc["fields"]:
            col = _column(spec)
            col.bands = _bands(spec)
            columns[col.name] = col
        regimes = tuple(
            (str(r["name"]), int(r["from"])) for r in sorted(doc.get("regimes", ()), key=_start)
        )
        tables[doc["name"]] = TableContract(
            name=doc["name"],
            aliases=tuple(doc.get("aliases", ())),
            columns=columns,
            primary_key=tuple(doc.get("primaryKey", ())),
            regime_field=doc.get("regimeField"),
            regimes=regimes,
        )
    return tables


def _start(regime: dict[str, Any]) -> int:
    return int(regime["from"])


# --- typing one cell ---------------------------------------------------------------------------


class Invalid:
    """A value that was present but could not be read (intake reports it); never equal to a
    real value, so a rule can tell "unreadable" from "empty"."""

    _instance: Invalid | None = None

    def __new__(cls) -> Invalid:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "INVALID"


INVALID = Invalid()


def clean(text: str | None) -> str | None:
    """Trimmed text (Excel's non-breaking spaces too); empty text and a lone "-" are empty."""
    if text is None:
        return None
    text = text.replace("\u00a0", " ").strip()
    return None if text in ("", "-") else text


_NIP_STRIP = re.compile(r"^['‘’`]+|\s+")
# domain §5.4: Excel's scientific notation, or digits a number format padded/cut
_NIP_DAMAGED = (
    re.compile(r"[0-9]([.,][0-9]+)?[eE][+]?[0-9]+"),
    re.compile(r"[0-9]+[.,]0+"),
)


def read_nip(text: str) -> str | Invalid:
    """An NIP without spaces and leading apostrophe (domain §4.1a, §5.1); one that Excel
    destroyed (scientific notation, or 18 digits ending in "000") is unreadable (§5.4)."""
    nip = _NIP_STRIP.sub("", text)
    if any(p.fullmatch(nip) for p in _NIP_DAMAGED):
        return INVALID
    if re.fullmatch(r"[0-9]{18}", nip) and nip.endswith("000"):
        return INVALID
    return nip


_DMY = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?")
_YMD = re.compile(r"(\d{4})([/-])(\d{1,2})\2(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?Z?)?")
_SERIAL = re.compile(r"\d{5}(\.\d+)?")
EXCEL_EPOCH = dt.date(1899, 12, 30)
FIRST_DAY, LAST_DAY = dt.date(1900, 1, 1), dt.date(2100, 12, 31)


def read_date(text: str) -> dt.date | Invalid:
    """dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy, yyyy-mm-dd, yyyy/mm/dd (a time part allowed) or an
    Excel serial number (domain §5.2, §5.4); a year outside 1900–2100 is unreadable."""
    day: dt.date | None = None
    try:
        if m := _DMY.fullmatch(text):
            day = dt.date(int(m.group(4)), int(m.group(3)), int(m.group(1)))
        elif m := _YMD.fullmatch(text):
            day = dt.date(int(m.group(1)), int(m.group(3)), int(m.group(4)))
        elif _SERIAL.fullmatch(text):
            day = EXCEL_EPOCH + dt.timedelta(days=int(float(text)))
    except ValueError:
        return INVALID
    if day is None or not FIRST_DAY <= day <= LAST_DAY:
        return INVALID
    return day


def read_number(text: str) -> float | Invalid:
    """A number with Indonesian (1.500.000,50) or English (1,500,000.50) grouping and an
    optional "Rp"."""
    s = re.sub(r"^[Rr][Pp]\.?\s*|\s+", "", text)
    if re.fullmatch(r"-?\d{1,3}(\.\d{3})+(,\d+)?", s):
        s = s.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"-?\d{1,3}(,\d{3})+(\.\d+)?", s):
        s = s.replace(",", "")
    elif re.fullmatch(r"-?\d+,\d+", s):
        s = s.replace(",", ".")
    elif not re.fullmatch(r"-?\d*\.?\d+([eE][-+]?\d+)?", s):
        return INVALID
    try:
        return float(s)
    except ValueError:
        return INVALID


def read_cell(col: Column, text: str | None) -> Any:
    """The typed value of one cell: None when empty, :data:`INVALID` when unreadable."""
    text = clean(text)
    if text is None:
        return None
    value: Any
    if col.is_nip:
        return read_nip(text)
    if col.enum:
        return col.keys.get(value_key(text), INVALID)
    if col.type == "date":
        return read_date(text)
    if col.type in ("number", "integer"):
        value = read_number(text)
        if value is INVALID:
            return INVALID
        if col.type == "integer":
            if value != int(value):
                return INVALID
            value = int(value)
        # a value outside the contract's bounds is not a usable value
        if col.minimum is not None and value < col.minimum:
            return INVALID
        if col.maximum is not None and value > col.maximum:
            return INVALID
        return value
    if col.type == "boolean":
        key = value_key(text)
        if key in col.true_keys:
            return True
        if key in col.false_keys:
            return False
        return INVALID
    return text


def band_value(bands: tuple[Band, ...], score: float) -> str | None:
    """The value the score bands give ``score`` (None between or outside the ranges)."""
    for band in bands:
        if band.minimum is not None and score < band.minimum:
            continue
        if band.maximum is not None and score > band.maximum:
            continue
        return band.value
    return None


_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def header_key(text: str) -> str:
    """A column header or file name as a key: ``NIP BARU``, ``nipBaru`` → ``nip_baru``."""
    text = _CAMEL.sub("_", text.strip().lstrip("\ufeff'"))
    return _NON_ALNUM.sub("_", text.lower()).strip("_")
