"""The agency data contract: Frictionless Table Schema descriptors in ``rules/schema/*.yml``.

Besides the standard keys (``fields``, ``type``, ``constraints``, ``primaryKey``, ``foreignKeys``,
``trueValues``/``falseValues``) the descriptors carry a few extension keys of ours:

* ``aliases`` (table and field): other file/sheet names and column headers that mean the same;
* ``enumAliases``: other spellings of an enum value (``Kurang`` for ``Kurang/Misconduct``);
* ``normalize: nip``: NIP cleaning and detection of numbers damaged by Excel;
* ``ignoredHeaders``: export columns we know (SIASN) but do not use; they are not reported;
* ``regimeField`` and ``regimes`` (table): the regimes a row can belong to, by the value of one
  number column (``tahun``): each regime starts at its ``from`` and lasts until the next one
  starts, so a boundary is written once; values before the first regime belong to none;
* ``requiredIn`` (field): the column is required only in rows of these regimes;
* ``enumScales`` (field): per regime, the enum values it allows (best first, so positions rank
  values across scales) and spellings that mean another value in rows of that regime only
  (``Kurang`` is ``Kurang/Misconduct`` from 2022 and stays ``Kurang`` before);
* ``scoreBands`` (field): ranges of a number column that give a value of an enum column
  (``nilai_skp`` 76–90 is ``Baik``) in rows of the named regimes, with their source.

Headers and enum values are matched by a *key* that ignores case, spaces and punctuation, so
``NIP BARU``, ``nip_baru`` and ``nipBaru`` are one header and ``III/d``, ``III-D`` and ``IIId`` one
golongan; an enum value with formula or arithmetic characters (``=1+1``) or a number with
separators (``1.1``) matches nothing (:func:`value_key`). Primary keys are checked as unique with
empty parts compared equal; a key column is only required when its own ``constraints.required``
says so.

The descriptors are authoring files like policy/ and rules/: :func:`load_schema_unchecked` reports
every problem at its file, line and column, with a ``table-*`` code registered (and documented,
with examples) in :mod:`checker.codes.skema_tabel`; ``yaml`` and ``berkas`` are unreadable
files, as everywhere.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from itertools import pairwise
from pathlib import Path
from typing import Any

from checker.codes import lint_problem
from checker.errors import PolicyError, Problem
from checker.policy.model import Span
from checker.yamlsrc import Located, load_yaml_file, validate

TABLES = (
    "pegawai",
    "pelatihan",
    "penilaian_kinerja",
    "riwayat_pangkat",
    "penghargaan",
    "hukuman_disiplin",
    "riwayat_cltn",
    "unit_kerja",
)
TYPES = ("string", "integer", "number", "date", "boolean")

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
# camelCase word boundaries: before a capital that follows a small letter or digit
# (``nipBaru``), and before the last capital of a run followed by a small letter (``jenisKPNama``
# → ``jenis_KP_Nama``), as the SIASN API names its fields
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def header_key(text: str) -> str:
    """Normalise a column header or file name: ``NIP BARU``, ``nipBaru`` → ``nip_baru``;
    ``jenisKPNama`` → ``jenis_kp_nama``; ``PNS ID`` → ``pns_id``."""
    text = _CAMEL.sub("_", text.strip().lstrip("\ufeff'"))
    return _NON_ALNUM.sub("_", text.lower()).strip("_")


# Characters that separate the parts of a real spelling: space, tab, ``/ \\ - . _ , ' ( )`` and
# the Unicode dashes (``‐`` … ``―``); SIASN writes "Pilihan (Jabatan Fungsional Tertentu)".
# Any other character that is not an ASCII letter or digit (``= + * @`` …) makes a value
# unmatchable, so a formula or a sum is never read as a code.
VALUE_SEPARATORS = " \t/\\-._,'()\u2010\u2011\u2012\u2013\u2014\u2015"
# the separators as the inside of a regular-expression class, valid for Python and RE2 (DuckDB)
SEPARATOR_CLASS = "".join("\\" + c if c in "\\-]^" else c for c in VALUE_SEPARATORS)
_VALUE_OK = re.compile(f"[0-9A-Za-z][0-9A-Za-z{SEPARATOR_CLASS}]*")
_VALUE_SEP = re.compile(f"[{SEPARATOR_CLASS}]+")


def value_key(text: str) -> str:
    """Normalise an enum value for matching (``III/d``, ``iii - D`` → ``IIID``); ``""`` = no match.

    The text is NFKC-normalised first (fullwidth ``＝`` is ``=``). Case and separators
    (:data:`VALUE_SEPARATORS`) are ignored; a value with any other character (``=1+1``,
    ``@SUM(A1)``) or that starts with a separator (``-1``) gets the empty key, which matches
    nothing. So does a number written with separators (``1.1``, ``3 4``): numeric codes such as
    ``34`` must be written as plain digits.
    """
    text = unicodedata.normalize("NFKC", text).strip()
    if not _VALUE_OK.fullmatch(text):
        return ""
    key = _VALUE_SEP.sub("", text).upper()
    if key.isdigit() and key != text:
        return ""
    return key


@dataclass(frozen=True)
class Regime:
    """One regime of a table (``regimes``): the rows whose ``regimeField`` value is at least
    ``start`` and, when a later regime follows, below its ``start`` (``end``)."""

    name: str
    title: str
    start: float
    end: float | None = None


@dataclass(frozen=True)
class Scale:
    """The enum values a field allows in the rows of one regime (``enumScales``), best first.

    ``reads`` maps a value as the field reads it anywhere to the value it means in this regime
    (``("Kurang", "Kurang/Misconduct")``): a spelling listed under the regime's ``aliases``.
    """

    regime: str
    values: tuple[str, ...]
    reads: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Band:
    """One range of a ``scoreBands`` table: a score from ``minimum`` to ``maximum`` (both
    inclusive; None: unbounded) gives ``value``."""

    value: str
    minimum: float | None = None
    maximum: float | None = None


@dataclass(frozen=True)
class ScoreBands:
    """A number column's ranges that give a value of enum column ``target`` in rows of the
    ``regimes`` (``scoreBands``); ``source`` names the regulation the ranges come from."""

    target: str
    regimes: tuple[str, ...]
    bands: tuple[Band, ...]
    source: str


@dataclass(frozen=True)
class Lookup:
    """``fillFrom``: an empty cell takes the value of the same-named column of the ``resource``
    row whose ``via`` column equals this row's ``via`` (a SIASN riwayat names the employee by
    PNS ID only: its NIP comes from ``pegawai`` through ``pns_id``)."""

    via: str
    resource: str


@dataclass(frozen=True)
class Derivation:
    """``deriveFrom``: an empty cell takes the value whose prefixes start the text of column
    ``field`` (case and spacing ignored), e.g. the level of a penalty from its type's name."""

    field: str
    prefixes: tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class Field:
    """One column of a table, as described by its Table Schema field descriptor."""

    name: str
    type: str
    title: str = ""
    description: str = ""
    required: bool = False
    enum: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    normalize: str | None = None
    aliases: tuple[str, ...] = ()
    true_values: tuple[str, ...] = ()
    false_values: tuple[str, ...] = ()
    value_map: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    # enumGroups: a named group of enum values that a rule's population may name
    groups: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False, hash=False)
    # categories: category -> prefixes of the column's text that put a row in it
    categories: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False, hash=False)
    # requiredIn: the regimes in whose rows the column is required (``required`` is for all rows)
    required_in: tuple[str, ...] = ()
    # enumScales: the values allowed (and spellings read differently) per regime
    scales: tuple[Scale, ...] = ()
    # scoreBands: ranges of this number column that give a value of another (enum) column
    bands: ScoreBands | None = None
    # fillFrom: where an empty cell is looked up; the column is not required when ``via`` is given
    lookup: Lookup | None = None
    # deriveFrom: the value read from the start of another column's text when this one is empty
    derive: Derivation | None = None
    # absentValue: the value of every row of a file that has no such column
    absent_value: str | None = None
    # preferHeaders: when several headers of a file name this column, the one used
    prefer: tuple[str, ...] = ()
    # notInSiasn: SIASN has no place for this column; a SIASN file may lack it
    not_in_siasn: bool = False

    @property
    def is_nip(self) -> bool:
        """True when the column holds a NIP (cleaned and checked for Excel damage)."""
        return self.normalize == "nip"

    def scale(self, regime: str) -> Scale | None:
        """The scale of ``regime`` (``enumScales``), or None when the regime has none."""
        return next((s for s in self.scales if s.regime == regime), None)


@dataclass(frozen=True)
class ForeignKey:
    """``fields`` of this table must appear as ``ref_fields`` of table ``ref_table``."""

    fields: tuple[str, ...]
    ref_table: str
    ref_fields: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """One table of the agency data contract."""

    name: str
    title: str
    description: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[ForeignKey, ...] = ()
    aliases: tuple[str, ...] = ()
    ignored_headers: frozenset[str] = frozenset()
    path: str = ""
    # regimeField and regimes: the regime of a row follows from this column's value
    regime_field: str | None = None
    regimes: tuple[Regime, ...] = ()

    def regime(self, name: str) -> Regime:
        """The regime called ``name`` (KeyError if there is none)."""
        for regime in self.regimes:
            if regime.name == name:
                return regime
        raise KeyError(name)

    def regime_rows(self, names: tuple[str, ...] | list[str]) -> str:
        """The rows of regimes ``names`` in words, as messages name them: "penilaian kinerja
        tahun 2022 dan sesudahnya (Peraturan Menteri PANRB Nomor 6 Tahun 2022)"."""
        column = self.regime_field or ""
        whole = column and self.field(column).type == "integer"
        parts = []
        for name in names:
            regime = self.regime(name)
            start = f"{regime.start:g}"
            if regime.end is None:
                span = f"{column} {start} dan sesudahnya"
            elif whole and regime.end - 1 == regime.start:
                span = f"{column} {start}"
            elif whole:
                span = f"{column} {start}–{regime.end - 1:g}"
            else:
                span = f"{column} {start} sampai sebelum {regime.end:g}"
            parts.append(f"{span} ({regime.title})")
        return f"{self.title.lower()} {' dan '.join(parts)}"

    def field(self, name: str) -> Field:
        """The field called ``name`` (KeyError if there is none)."""
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)

    @property
    def header_map(self) -> dict[str, str]:
        """Header key → field name, for the field names and all their aliases."""
        out: dict[str, str] = {}
        for f in self.fields:
            for text in (f.name, *f.aliases):
                out.setdefault(header_key(text), f.name)
        return out

    @property
    def name_keys(self) -> tuple[str, ...]:
        """Keys of the names a file or sheet of this table may carry."""
        return tuple(header_key(t) for t in (self.name, *self.aliases))


@cache
def table_schema() -> dict[str, Any]:
    """The JSON Schema of a table descriptor (``checker/data/table.schema.json``)."""
    text = resources.files("checker.data").joinpath("table.schema.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _field(doc: Located, index: int, data: dict[str, Any], problems: list[Problem]) -> Field:
    """A Field from a descriptor that passed the JSON Schema; spelling clashes go to problems."""
    at: list[str | int] = ["fields", index]
    name = data["name"]
    constraints = data.get("constraints", {})
    enum = tuple(constraints.get("enum", ()))
    # YAML may read a key such as ``1:`` as a number; enum values are always text
    aliases_of = {str(k): v for k, v in data.get("enumAliases", {}).items()}
    for key in aliases_of:
        if key not in enum:
            problems.append(
                doc.problem(
                    [*at, "enumAliases", key],
                    "table-enum-alias",
                    f"enumAliases menyebut nilai {key!r} yang tidak ada dalam constraints.enum "
                    f"kolom {name}",
                )
            )
    spellings: list[tuple[str, str, list[str | int]]] = [
        (value, value, [*at, "constraints", "enum", position])
        for position, value in enumerate(enum)
    ]
    # values before their aliases, so a clash is reported at the alias, not at the value
    spellings += [
        (spelling, canonical, [*at, "enumAliases", canonical, j])
        for canonical in enum
        for j, spelling in enumerate(aliases_of.get(canonical, ()))
    ]
    owner: dict[str, str] = {}
    for spelling, canonical, where in spellings:
        if not value_key(spelling):
            problems.append(
                doc.problem(
                    [*where, "__value__"],
                    "table-enum-alias",
                    f"ejaan {spelling!r} kolom {name} tidak akan pernah cocok: pakai hanya huruf, "
                    f"angka, spasi dan / - . _ , ' (angka kode ditulis tanpa tanda baca)",
                )
            )
            continue
        other = owner.setdefault(value_key(spelling), canonical)
        if other != canonical:
            problems.append(
                doc.problem(
                    [*where, "__value__"],
                    "table-enum-alias",
                    f"ejaan {spelling!r} dipakai untuk dua nilai kolom {name}: {other!r} dan "
                    f"{canonical!r} (huruf besar/kecil, spasi dan tanda baca diabaikan)",
                )
            )
    groups = {
        str(k): tuple(str(v) for v in values) for k, values in data.get("enumGroups", {}).items()
    }
    for group, values in groups.items():
        for position, value in enumerate(values):
            if value not in enum:
                problems.append(
                    doc.problem(
                        [*at, "enumGroups", group, position, "__value__"],
                        "table-enum-alias",
                        f"kelompok {group!r} kolom {name} menyebut nilai {value!r} yang tidak ada "
                        "dalam constraints.enum",
                    )
                )
    value_map: dict[str, str] = {}
    for canonical in enum:
        for spelling in (canonical, *aliases_of.get(canonical, ())):
            if key := value_key(spelling):
                value_map.setdefault(key, canonical)
    scales = _scales(doc, at, name, enum, data.get("enumScales", {}), value_map, problems)
    return Field(
        name=name,
        type=data.get("type", "string"),
        title=data.get("title", name),
        description=data.get("description", "").strip(),
        required=constraints.get("required", False),
        enum=enum,
        minimum=constraints.get("minimum"),
        maximum=constraints.get("maximum"),
        normalize=data.get("normalize"),
        aliases=tuple(data.get("aliases", ())),
        true_values=tuple(data.get("trueValues", ("true",))),
        false_values=tuple(data.get("falseValues", ("false",))),
        value_map=value_map,
        groups=groups,
        categories={
            str(k): tuple(str(p) for p in v) for k, v in data.get("categories", {}).items()
        },
        required_in=tuple(data.get("requiredIn", ())),
        scales=scales,
        bands=_bands(doc, at, name, data, problems),
        lookup=Lookup(**data["fillFrom"]) if "fillFrom" in data else None,
        derive=_derivation(data.get("deriveFrom")),
        absent_value=data.get("absentValue"),
        prefer=tuple(header_key(h) for h in data.get("preferHeaders", ())),
        not_in_siasn=bool(data.get("notInSiasn", False)),
    )


def _derivation(spec: dict[str, Any] | None) -> Derivation | None:
    if spec is None:
        return None
    prefixes = tuple(
        (str(value), tuple(" ".join(p.lower().split()) for p in starts))
        for value, starts in spec["prefixes"].items()
    )
    return Derivation(spec["field"], prefixes)


def _regime_problem(doc: Located, at: list[str | int], message: str) -> Problem:
    return doc.problem(at, "table-regime", message)


def _scales(
    doc: Located,
    at: list[str | int],
    name: str,
    enum: tuple[str, ...],
    described: dict[str, Any],
    value_map: dict[str, str],
    problems: list[Problem],
) -> tuple[Scale, ...]:
    """The ``enumScales`` of field ``name``; their aliases join ``value_map`` (a spelling the
    field already reads keeps that reading outside the regime).

    Every scale lists values of the enum, as many as the others, a value shared by two scales
    at the same position (positions rank values across scales); an alias names a value of its
    scale and does not already mean another value of it.
    """
    scales = []
    sizes: dict[int, str] = {}
    position: dict[str, tuple[int, str]] = {}
    for regime, spec in described.items():
        regime = str(regime)
        where: list[str | int] = [*at, "enumScales", regime]
        values = tuple(str(v) for v in spec["values"])
        for index, value in enumerate(values):
            if value not in enum:
                problems.append(
                    _regime_problem(
                        doc,
                        [*where, "values", index, "__value__"],
                        f"skala {regime} kolom {name} menyebut nilai {value!r} yang tidak ada "
                        "dalam constraints.enum",
                    )
                )
            first = position.setdefault(value, (index, regime))
            if first[0] != index:
                problems.append(
                    _regime_problem(
                        doc,
                        [*where, "values", index, "__value__"],
                        f"nilai {value!r} kolom {name} berada di urutan {index + 1} skala "
                        f"{regime} tetapi di urutan {first[0] + 1} skala {first[1]}; nilai yang "
                        "sama harus berada di urutan yang sama",
                    )
                )
        other = sizes.setdefault(len(values), regime)
        if len(sizes) > 1 and other == regime:
            problems.append(
                _regime_problem(
                    doc,
                    [*where, "values", "__value__"],
                    f"skala {regime} kolom {name} berisi {len(values)} nilai, berbeda dengan "
                    f"skala {next(iter(sizes.values()))}; urutan nilai membandingkan skala, "
                    "sehingga setiap skala harus berisi nilai sebanyak yang lain",
                )
            )
        reads = []
        for canonical, spellings in spec.get("aliases", {}).items():
            canonical = str(canonical)
            if canonical not in values:
                problems.append(
                    _regime_problem(
                        doc,
                        [*where, "aliases", canonical],
                        f"aliases skala {regime} kolom {name} menyebut nilai {canonical!r} yang "
                        "tidak ada dalam values skala itu",
                    )
                )
                continue
            for j, spelling in enumerate(spellings):
                key = value_key(spelling)
                if not key:
                    problems.append(
                        doc.problem(
                            [*where, "aliases", canonical, j, "__value__"],
                            "table-enum-alias",
                            f"ejaan {spelling!r} kolom {name} tidak akan pernah cocok: pakai "
                            "hanya huruf, angka, spasi dan / - . _ , ' (angka kode ditulis "
                            "tanpa tanda baca)",
                        )
                    )
                    continue
                read = value_map.setdefault(key, canonical)
                if read != canonical and read in values:
                    problems.append(
                        _regime_problem(
                            doc,
                            [*where, "aliases", canonical, j, "__value__"],
                            f"ejaan {spelling!r} skala {regime} kolom {name} sudah berarti nilai "
                            f"{read!r} skala itu, sehingga tidak dapat berarti {canonical!r}",
                        )
                    )
                elif read != canonical:
                    reads.append((read, canonical))
        scales.append(Scale(regime, values, tuple(dict(reads).items())))
    return tuple(scales)


def _bands(
    doc: Located, at: list[str | int], name: str, data: dict[str, Any], problems: list[Problem]
) -> ScoreBands | None:
    """The ``scoreBands`` of field ``name``: on a number column, each range bounded on at least
    one side, the ranges in ascending order without overlap. What they name (the enum column,
    its values, the regimes) is checked with the whole table (:func:`_regime_links`)."""
    spec = data.get("scoreBands")
    if spec is None:
        return None
    where: list[str | int] = [*at, "scoreBands"]
    if data.get("type", "string") not in ("number", "integer"):
        problems.append(
            _regime_problem(
                doc,
                [*where],
                f"scoreBands hanya untuk kolom angka (type number atau integer); kolom {name} "
                f"berjenis {data.get('type', 'string')}",
            )
        )
    bands = tuple(Band(str(b["value"]), b.get("minimum"), b.get("maximum")) for b in spec["bands"])
    spans: list[tuple[float, float, int]] = []
    for index, band in enumerate(bands):
        place = [*where, "bands", index]
        start = float("-inf") if band.minimum is None else band.minimum
        end = float("inf") if band.maximum is None else band.maximum
        if band.minimum is None and band.maximum is None:
            message = "tidak memiliki minimum maupun maximum"
        elif start > end:
            message = "memiliki minimum lebih besar dari maximum"
        else:
            spans.append((start, end, index))
            continue
        problems.append(
            _regime_problem(doc, place, f"rentang {band.value!r} kolom {name} {message}")
        )
    spans.sort()
    for (_, end, before), (start, _, index) in pairwise(spans):
        if start <= end:
            problems.append(
                _regime_problem(
                    doc,
                    [*where, "bands", index],
                    f"rentang {bands[index].value!r} kolom {name} tumpang tindih dengan rentang "
                    f"{bands[before].value!r}; satu nilai hanya boleh masuk satu rentang",
                )
            )
    return ScoreBands(str(spec["field"]), tuple(spec["regimes"]), bands, spec["source"].strip())


def _fields(doc: Located, table: str, problems: list[Problem]) -> tuple[Field, ...]:
    """The fields of a valid descriptor; duplicate names and clashing headers go to problems."""
    fields: list[Field] = []
    first: dict[str, int] = {}
    for index, item in enumerate(doc.data["fields"]):
        f = _field(doc, index, item, problems)
        if f.name in first:
            line = doc.where(["fields", first[f.name]])[0]
            problems.append(
                doc.problem(
                    ["fields", index, "name", "__value__"],
                    "table-duplicate",
                    f"kolom {f.name} sudah dideskripsikan di baris {line}; nama kolom dalam tabel "
                    f"{table} harus unik",
                )
            )
            continue
        first[f.name] = index
        fields.append(f)
    texts: list[tuple[str, str, list[str | int]]] = [
        (f.name, f.name, ["fields", first[f.name], "name"]) for f in fields
    ]
    # names before aliases, so a clash is reported at the alias, not at the field's own name
    texts += [
        (alias, f.name, ["fields", first[f.name], "aliases", j])
        for f in fields
        for j, alias in enumerate(f.aliases)
    ]
    owner: dict[str, str] = {}
    for text, name, where in texts:
        other = owner.setdefault(header_key(text), name)
        if other != name:
            problems.append(
                doc.problem(
                    [*where, "__value__"],
                    "table-header-alias",
                    f"judul kolom {text!r} sudah berarti kolom {other} di tabel {table} "
                    "(huruf besar/kecil, spasi dan tanda baca diabaikan)",
                )
            )
    return tuple(fields)


def _keys(
    doc: Located, table: str, names: set[str], problems: list[Problem]
) -> tuple[tuple[str, ...], tuple[ForeignKey, ...]]:
    """primaryKey and foreignKeys, checked against this table's own fields."""
    data = doc.data
    for index, name in enumerate(data.get("primaryKey", ())):
        if name not in names:
            problems.append(
                doc.problem(
                    ["primaryKey", index, "__value__"],
                    "table-primary-key",
                    f"primaryKey menyebut kolom {name!r} yang tidak ada di tabel {table}",
                )
            )
    fks = []
    for index, fk in enumerate(data.get("foreignKeys", ())):
        for j, name in enumerate(fk["fields"]):
            if name not in names:
                problems.append(
                    doc.problem(
                        ["foreignKeys", index, "fields", j, "__value__"],
                        "table-foreign-key",
                        f"foreignKeys menyebut kolom {name!r} yang tidak ada di tabel {table}",
                    )
                )
        ref = fk["reference"]
        if len(fk["fields"]) != len(ref["fields"]):
            problems.append(
                doc.problem(
                    ["foreignKeys", index, "reference", "fields", "__value__"],
                    "table-foreign-key",
                    f"foreignKeys: fields berisi {len(fk['fields'])} kolom tetapi reference.fields "
                    f"berisi {len(ref['fields'])} kolom; jumlahnya harus sama",
                )
            )
        fks.append(ForeignKey(tuple(fk["fields"]), ref["resource"], tuple(ref["fields"])))
    return tuple(data.get("primaryKey", ())), tuple(fks)


def _regimes(
    doc: Located, table: str, fields: tuple[Field, ...], problems: list[Problem]
) -> tuple[str | None, tuple[Regime, ...]]:
    """``regimeField`` and ``regimes``: a number column of the table, and regimes with distinct
    names whose ``from`` ascends; each regime ends where the next one starts."""
    data = doc.data
    column = data.get("regimeField")
    described = data.get("regimes", ())
    by_name = {f.name: f for f in fields}
    if described and column is None:
        problems.append(
            _regime_problem(
                doc,
                ["regimes"],
                "regimes memerlukan regimeField: kolom angka (misalnya tahun) yang menentukan "
                "rezim setiap baris",
            )
        )
    if column is not None and not described:
        problems.append(_regime_problem(doc, ["regimeField"], "regimeField tanpa regimes"))
    if column is not None and column not in by_name:
        problems.append(
            _regime_problem(
                doc,
                ["regimeField", "__value__"],
                f"regimeField menyebut kolom {column!r} yang tidak ada di tabel {table}",
            )
        )
    elif column is not None and by_name[column].type not in ("integer", "number"):
        problems.append(
            _regime_problem(
                doc,
                ["regimeField", "__value__"],
                f"regimeField harus kolom angka (type integer atau number); kolom {column} "
                f"berjenis {by_name[column].type}",
            )
        )
    regimes: list[Regime] = []
    for index, spec in enumerate(described):
        where: list[str | int] = ["regimes", index]
        if any(r.name == spec["name"] for r in regimes):
            problems.append(
                _regime_problem(
                    doc,
                    [*where, "name", "__value__"],
                    f"rezim {spec['name']} sudah dideskripsikan; nama rezim harus unik",
                )
            )
            continue
        if regimes and spec["from"] <= regimes[-1].start:
            problems.append(
                _regime_problem(
                    doc,
                    [*where, "from", "__value__"],
                    f"from rezim {spec['name']} ({spec['from']:g}) harus lebih besar dari from "
                    f"rezim sebelumnya, {regimes[-1].name} ({regimes[-1].start:g})",
                )
            )
            continue
        if regimes:
            regimes[-1] = replace(regimes[-1], end=spec["from"])
        regimes.append(Regime(spec["name"], spec["title"].strip(), spec["from"]))
    return column, tuple(regimes)


def _regime_links(doc: Located, table: Table, problems: list[Problem]) -> None:
    """What requiredIn, enumScales and scoreBands name exists: regimes of the table, an enum
    column, values of its enum and of its scale in each regime the ranges apply to."""
    known = {r.name for r in table.regimes}
    index = {item["name"]: i for i, item in reversed(list(enumerate(doc.data["fields"])))}

    def unknown(at: list[str | int], regime: str, what: str) -> None:
        listed = ", ".join(sorted(known)) or "(tabel ini tidak memiliki regimes)"
        problems.append(
            _regime_problem(
                doc,
                at,
                f"{what} menyebut rezim {regime!r} yang tidak ada; rezim yang ada: {listed}",
            )
        )

    for f in table.fields:
        at: list[str | int] = ["fields", index[f.name]]
        for j, regime in enumerate(f.required_in):
            if regime not in known:
                unknown([*at, "requiredIn", j, "__value__"], regime, f"requiredIn kolom {f.name}")
        if f.required and f.required_in:
            problems.append(
                _regime_problem(
                    doc,
                    [*at, "requiredIn"],
                    f"kolom {f.name} sudah wajib di setiap baris (constraints.required); "
                    "requiredIn hanya untuk kolom yang wajib di sebagian rezim",
                )
            )
        for scale in f.scales:
            if scale.regime not in known:
                what = f"enumScales kolom {f.name}"
                unknown([*at, "enumScales", scale.regime], scale.regime, what)
        bands = f.bands
        if bands is None:
            continue
        where: list[str | int] = [*at, "scoreBands"]
        for j, regime in enumerate(bands.regimes):
            if regime not in known:
                unknown([*where, "regimes", j, "__value__"], regime, f"scoreBands kolom {f.name}")
        target = next((t for t in table.fields if t.name == bands.target), None)
        if target is None or not target.enum:
            problems.append(
                _regime_problem(
                    doc,
                    [*where, "field", "__value__"],
                    f"scoreBands kolom {f.name} menyebut kolom {bands.target!r}, yang tidak ada di "
                    f"tabel {table.name} atau tidak memiliki constraints.enum",
                )
            )
            continue
        for j, band in enumerate(bands.bands):
            allowed = [("constraints.enum", target.enum)] + [
                (f"skala {s.regime}", s.values) for s in target.scales if s.regime in bands.regimes
            ]
            for what, values in allowed:
                if band.value not in values:
                    problems.append(
                        _regime_problem(
                            doc,
                            [*where, "bands", j, "value", "__value__"],
                            f"rentang kolom {f.name} memberi nilai {band.value!r} yang tidak ada "
                            f"dalam {what} kolom {target.name}",
                        )
                    )
                    break


def _table(doc: Located, name: str, problems: list[Problem]) -> Table:
    """A Table from a descriptor that passed the JSON Schema."""
    data = doc.data
    fields = _fields(doc, name, problems)
    primary_key, foreign_keys = _keys(doc, name, {f.name for f in fields}, problems)
    regime_field, regimes = _regimes(doc, name, fields, problems)
    table = Table(
        name=name,
        title=data.get("title", name),
        description=data.get("description", "").strip(),
        fields=fields,
        primary_key=primary_key,
        foreign_keys=foreign_keys,
        aliases=tuple(data.get("aliases", ())),
        ignored_headers=frozenset(header_key(h) for h in data.get("ignoredHeaders", ())),
        path=doc.path,
        regime_field=regime_field,
        regimes=regimes,
    )
    _regime_links(doc, table, problems)
    return table


def _references(
    doc: Located, table: Table, built: dict[str, Table], problems: list[Problem]
) -> None:
    """Foreign keys must point at one of TABLES and at fields that table has."""
    for index, fk in enumerate(table.foreign_keys):
        at: list[str | int] = ["foreignKeys", index, "reference"]
        if fk.ref_table not in TABLES:
            problems.append(
                doc.problem(
                    [*at, "resource", "__value__"],
                    "table-foreign-key",
                    f"foreignKeys merujuk tabel {fk.ref_table!r} yang tidak dikenal; "
                    f"tabel yang ada: {', '.join(TABLES)}",
                )
            )
            continue
        target = built.get(fk.ref_table)
        if target is None:
            continue  # missing or broken: that table's own problem says so
        names = {f.name for f in target.fields}
        for j, name in enumerate(fk.ref_fields):
            if name not in names:
                problems.append(
                    doc.problem(
                        [*at, "fields", j, "__value__"],
                        "table-foreign-key",
                        f"foreignKeys merujuk kolom {name!r} yang tidak ada di tabel {target.name}",
                    )
                )


def _links(doc: Located, table: Table, built: dict[str, Table], problems: list[Problem]) -> None:
    """fillFrom and deriveFrom name columns that exist: ``via`` and the looked-up column in
    both tables, the derivation's source column in this one, and derived values in the enum."""
    index = {item["name"]: i for i, item in reversed(list(enumerate(doc.data["fields"])))}
    names = {f.name for f in table.fields}
    for f in table.fields:
        at: list[str | int] = ["fields", index[f.name]]
        if f.lookup is not None:
            target = built.get(f.lookup.resource)
            wanted = [(f.lookup.via, "via", names)]
            if target is not None:
                theirs = {t.name for t in target.fields}
                wanted += [(f.lookup.via, "via", theirs), (f.name, "resource", theirs)]
            elif f.lookup.resource not in TABLES:
                wanted.append((f.lookup.resource, "resource", set()))
            for column, key, where in wanted:
                if column not in where:
                    problems.append(
                        doc.problem(
                            [*at, "fillFrom", key, "__value__"],
                            "table-derived-value",
                            f"fillFrom kolom {f.name} menyebut {column!r}, yang tidak ada di tabel "
                            f"{f.lookup.resource if where is not names else table.name}",
                        )
                    )
        if f.derive is not None:
            if f.derive.field not in names:
                problems.append(
                    doc.problem(
                        [*at, "deriveFrom", "field", "__value__"],
                        "table-derived-value",
                        f"deriveFrom kolom {f.name} menyebut kolom {f.derive.field!r}, yang tidak "
                        f"ada di tabel {table.name}",
                    )
                )
            for value, _ in f.derive.prefixes:
                if f.enum and value not in f.enum:
                    problems.append(
                        doc.problem(
                            [*at, "deriveFrom", "prefixes", value],
                            "table-derived-value",
                            f"deriveFrom kolom {f.name} memberi nilai {value!r} yang tidak ada "
                            "dalam constraints.enum",
                        )
                    )
        if f.absent_value is not None and f.enum and f.absent_value not in f.enum:
            problems.append(
                doc.problem(
                    [*at, "absentValue", "__value__"],
                    "table-derived-value",
                    f"absentValue kolom {f.name} ({f.absent_value!r}) tidak ada dalam "
                    "constraints.enum",
                )
            )


def _table_aliases(built: dict[str, tuple[Located, Table]], problems: list[Problem]) -> None:
    """A file or sheet name must point at one table, or intake would pick one at random."""
    owner = {header_key(name): name for name in built}
    for doc, table in built.values():
        for index, alias in enumerate(table.aliases):
            other = owner.setdefault(header_key(alias), table.name)
            if other != table.name:
                problems.append(
                    doc.problem(
                        ["aliases", index, "__value__"],
                        "table-alias",
                        f"nama berkas/lembar {alias!r} sudah berarti tabel {other} "
                        "(huruf besar/kecil, spasi dan tanda baca diabaikan)",
                    )
                )


def load_schema_unchecked(directory: str | Path) -> tuple[dict[str, Table] | None, list[Problem]]:
    """Lint and load the table descriptors in ``directory``, collecting every problem.

    Returns the seven tables (in the order of TABLES) and the problems, sorted. The tables are
    None as soon as one problem is an error: a data contract with a broken table must not be
    used for checking, not even partly.
    """
    from checker.policy.load import display_path  # loading only: a cached schema needs none

    directory = Path(directory)
    if not directory.is_dir():
        return None, [
            lint_problem(
                Span(display_path(directory), 1), "berkas", "folder skema tabel tidak ditemukan"
            )
        ]
    problems: list[Problem] = []
    declared: dict[str, str] = {}  # table name -> display path of the first file declaring it
    built: dict[str, tuple[Located, Table]] = {}
    for path in sorted(directory.glob("*.yml")):
        doc, found = load_yaml_file(path, display_path(path))
        problems.extend(found)
        if doc is None:
            declared.setdefault(path.stem, display_path(path))
            continue
        found = validate(doc, table_schema(), "table-schema")
        problems.extend(found)
        data = doc.data if isinstance(doc.data, dict) else {}
        named = isinstance(data.get("name"), str)
        name = data["name"] if named else path.stem
        where: list[str | int] = ["name", "__value__"] if named else []
        if name not in TABLES:
            problems.append(
                doc.problem(
                    where,
                    "table-name",
                    f"nama tabel {name!r} tidak dikenal; tabel yang ada: {', '.join(TABLES)}",
                )
            )
        elif name in declared:
            problems.append(
                doc.problem(
                    where,
                    "table-duplicate",
                    f"tabel {name} sudah dideskripsikan di {declared[name]}",
                )
            )
            continue
        declared.setdefault(name, doc.path)
        if not found:
            built[name] = (doc, _table(doc, name, problems))
    tables = {name: table for name, (_, table) in built.items()}
    for doc, table in built.values():
        _references(doc, table, tables, problems)
        _links(doc, table, tables, problems)
    _table_aliases(built, problems)
    for name in TABLES:
        if name not in declared:
            problems.append(
                lint_problem(
                    Span(display_path(directory / f"{name}.yml"), 1),
                    "table-missing",
                    f"tidak ada deskriptor tabel {name} di {display_path(directory)} (berkas YAML "
                    f"dengan name: {name})",
                )
            )
    if any(p.severity == "error" for p in problems):
        return None, sorted(problems)
    return {name: tables[name] for name in TABLES}, sorted(problems)


# the schema of each folder, loaded once per process: by a check's policy version (whose
# compiled copy carries it, see :func:`remember_schema`) or by :func:`load_schema`
_LOADED: dict[Path, dict[str, Table]] = {}


_IN_USE: list[dict[str, Table]] = []  # the schema of the version last loaded, if any


def remember_schema(directory: str | Path, tables: dict[str, Table]) -> None:
    """Keep the tables a loaded version read from ``directory``: a later :func:`load_schema`
    of that folder, and :func:`schema_in_use`, do not parse and validate the files again."""
    if tables:
        _LOADED.setdefault(Path(directory).resolve(), tables)
        _IN_USE[:] = [tables]


def schema_in_use() -> dict[str, Table]:
    """The Table Schema of the policy version this process loaded last (the one a check
    judges by), else that of the version found here (:func:`load_schema`)."""
    return _IN_USE[0] if _IN_USE else load_schema()


def _load(directory: Path) -> dict[str, Table]:
    found = _LOADED.get(directory)
    if found is None:
        tables, problems = load_schema_unchecked(directory)
        if tables is None:
            raise PolicyError(problems)
        found = _LOADED[directory] = tables
    return found


def load_schema(directory: str | Path | None = None) -> dict[str, Table]:
    """Load the seven table descriptors (in DESIGN.md's order) from ``directory``; by default
    the Table Schema of the version found here (the working tree's ``rules/schema``, else the
    bundled copy: :func:`checker.kebijakan.locate`). A check takes the schema of the version
    it loads (``Kebijakan.schema``); this default serves the template and the sample.

    Raises PolicyError carrying every problem when a descriptor is broken; see
    :func:`load_schema_unchecked` for the tables and problems without raising.
    """
    if directory is None:
        from checker.kebijakan.source import locate  # the locator imports this module's users

        directory = locate().schema
    return _load(Path(directory).resolve())
