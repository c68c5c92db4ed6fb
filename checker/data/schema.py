"""The agency data contract: Frictionless Table Schema descriptors in ``rules/schema/*.yml``.

Besides the standard keys (``fields``, ``type``, ``constraints``, ``primaryKey``, ``foreignKeys``,
``trueValues``/``falseValues``) the descriptors carry a few extension keys of ours:

* ``aliases`` (table and field): other file/sheet names and column headers that mean the same;
* ``enumAliases``: other spellings of an enum value (``Kurang`` for ``Kurang/Misconduct``);
* ``normalize: nip``: NIP cleaning and detection of numbers damaged by Excel;
* ``ignoredHeaders``: export columns we know (SIASN) but do not use; they are not reported.

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
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from checker.codes import lint_problem
from checker.errors import PolicyError, Problem
from checker.policy.load import display_path
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
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def header_key(text: str) -> str:
    """Normalise a column header or file name: ``NIP BARU``, ``nipBaru`` → ``nip_baru``."""
    text = _CAMEL.sub("_", text.strip().lstrip("\ufeff'"))
    return _NON_ALNUM.sub("_", text.lower()).strip("_")


# Characters that separate the parts of a real spelling: space, tab, ``/ \\ - . _ , '`` and the
# Unicode dashes (``‐`` … ``―``). Any other character that is not an ASCII letter or digit
# (``= + * @ ( )`` …) makes a value unmatchable, so a formula or a sum is never read as a code.
VALUE_SEPARATORS = " \t/\\-._,'\u2010\u2011\u2012\u2013\u2014\u2015"
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
    )


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


def _table(doc: Located, name: str, problems: list[Problem]) -> Table:
    """A Table from a descriptor that passed the JSON Schema."""
    data = doc.data
    fields = _fields(doc, name, problems)
    primary_key, foreign_keys = _keys(doc, name, {f.name for f in fields}, problems)
    return Table(
        name=name,
        title=data.get("title", name),
        description=data.get("description", "").strip(),
        fields=fields,
        primary_key=primary_key,
        foreign_keys=foreign_keys,
        aliases=tuple(data.get("aliases", ())),
        ignored_headers=frozenset(header_key(h) for h in data.get("ignoredHeaders", ())),
        path=doc.path,
    )


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


@cache
def _load(directory: Path) -> dict[str, Table]:
    tables, problems = load_schema_unchecked(directory)
    if tables is None:
        raise PolicyError(problems)
    return tables


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
