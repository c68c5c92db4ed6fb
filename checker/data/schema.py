"""The agency data contract: Frictionless Table Schema descriptors in ``rules/schema/*.yml``.

Besides the standard keys (``fields``, ``type``, ``constraints``, ``primaryKey``, ``foreignKeys``,
``trueValues``/``falseValues``) the descriptors carry a few extension keys of ours:

* ``aliases`` (table and field): other file/sheet names and column headers that mean the same;
* ``enumAliases``: other spellings of an enum value (``Kurang`` for ``Kurang/Misconduct``);
* ``normalize: nip``: NIP cleaning and detection of numbers damaged by Excel;
* ``ignoredHeaders``: export columns we know (SIASN) but do not use; they are not reported.

Headers and enum values are matched by a *key* that ignores case, spaces and punctuation, so
``NIP BARU``, ``nip_baru`` and ``nipBaru`` are one header and ``III/d``, ``III-D`` and ``IIId`` one
golongan. Primary keys are checked as unique with empty parts compared equal; a key column is only
required when its own ``constraints.required`` says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from checker.errors import InputError

TABLES = (
    "pegawai",
    "pelatihan",
    "penilaian_kinerja",
    "riwayat_pangkat",
    "penghargaan",
    "hukuman_disiplin",
    "unit_kerja",
)
TYPES = ("string", "integer", "number", "date", "boolean")
SCHEMA_DIR = Path(__file__).resolve().parents[2] / "rules" / "schema"

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def header_key(text: str) -> str:
    """Normalise a column header or file name: ``NIP BARU``, ``nipBaru`` → ``nip_baru``."""
    text = _CAMEL.sub("_", text.strip().lstrip("\ufeff'"))
    return _NON_ALNUM.sub("_", text.lower()).strip("_")


def value_key(text: str) -> str:
    """Normalise an enum value: upper case, letters and digits only (``III/d`` → ``IIID``)."""
    return re.sub(r"[^0-9A-Z]", "", text.upper())


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

    @property
    def is_nip(self) -> bool:
        """True when the column holds a NIP (cleaned and checked for Excel damage)."""
        return self.normalize == "nip"


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


def _field(data: dict[str, Any], where: str) -> Field:
    name = str(data.get("name", ""))
    ftype = str(data.get("type", "string"))
    if not name or ftype not in TYPES:
        raise InputError(f"deskriptor kolom tidak sah di {where}: name/type '{name}'/'{ftype}'")
    constraints = data.get("constraints") or {}
    enum = tuple(str(v) for v in constraints.get("enum", ()))
    value_map: dict[str, str] = {}
    aliases_of = data.get("enumAliases") or {}
    for canonical in enum:
        for spelling in (canonical, *[str(a) for a in aliases_of.get(canonical, ())]):
            key = value_key(spelling)
            if value_map.get(key, canonical) != canonical:
                raise InputError(f"ejaan '{spelling}' dipakai dua nilai di {where}.{name}")
            value_map[key] = canonical
    unknown = set(aliases_of) - set(enum)
    if unknown:
        raise InputError(
            f"enumAliases untuk nilai yang tidak ada di enum di {where}.{name}: {unknown}"
        )
    return Field(
        name=name,
        type=ftype,
        title=str(data.get("title", name)),
        description=str(data.get("description", "")).strip(),
        required=bool(constraints.get("required", False)),
        enum=enum,
        minimum=constraints.get("minimum"),
        maximum=constraints.get("maximum"),
        normalize=data.get("normalize"),
        aliases=tuple(str(a) for a in data.get("aliases", ())),
        true_values=tuple(str(v) for v in data.get("trueValues", ("true",))),
        false_values=tuple(str(v) for v in data.get("falseValues", ("false",))),
        value_map=value_map,
    )


def _table(path: Path) -> Table:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or "fields" not in data:
        raise InputError("deskriptor tabel tidak sah: kunci 'fields' tidak ada", path)
    fields = tuple(_field(f, path.name) for f in data["fields"])
    fks = tuple(
        ForeignKey(
            tuple(fk["fields"]), fk["reference"]["resource"], tuple(fk["reference"]["fields"])
        )
        for fk in data.get("foreignKeys", ())
    )
    return Table(
        name=str(data.get("name", path.stem)),
        title=str(data.get("title", path.stem)),
        description=str(data.get("description", "")).strip(),
        fields=fields,
        primary_key=tuple(data.get("primaryKey", ())),
        foreign_keys=fks,
        aliases=tuple(str(a) for a in data.get("aliases", ())),
        ignored_headers=frozenset(header_key(str(h)) for h in data.get("ignoredHeaders", ())),
        path=str(path),
    )


@cache
def _load(directory: Path) -> dict[str, Table]:
    tables = {}
    for path in sorted(directory.glob("*.yml")):
        table = _table(path)
        tables[table.name] = table
    missing = [t for t in TABLES if t not in tables]
    if missing:
        raise InputError(f"deskriptor tabel tidak ditemukan: {', '.join(missing)}", directory)
    return {name: tables[name] for name in TABLES}


def load_schema(directory: str | Path | None = None) -> dict[str, Table]:
    """Load the seven table descriptors (in DESIGN.md's order) from ``rules/schema``."""
    return _load(Path(directory or SCHEMA_DIR).resolve())
