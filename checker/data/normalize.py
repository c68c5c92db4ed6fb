"""Value normalisation as DuckDB SQL expressions, so typing runs set-based over millions of rows.

Every builder takes the SQL of a trimmed, non-empty VARCHAR value (``v``) and returns the SQL of the
typed value, which is NULL when the text cannot be read. Problems are found by comparing: a value
that was there (``v IS NOT NULL``) but typed to NULL is a type or enum problem.

Accepted spellings (domain notes §5): dates ``dd/mm/yyyy``, ``dd-mm-yyyy``, ``dd.mm.yyyy``, ISO
``yyyy-mm-dd`` and Excel serial numbers; numbers with Indonesian (``1.500.000,50``) or English
(``1,500,000.50``) grouping and an optional ``Rp``; booleans and enums by :func:`value_key`
(case, spaces and separators ignored; formulas such as ``=1+1`` and numbers such as ``1.1`` match
nothing). NIPs lose spaces and a leading apostrophe; a NIP that Excel stored as a number
(``1,98501E+17``, ``198501012010011000``, ``1.98501012010011E17``) is damaged beyond repair and
typed to NULL.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from checker.data.schema import SEPARATOR_CLASS, Field, ScoreBands, Table

if TYPE_CHECKING:
    import duckdb

DATE_FORMATS = (
    "%d/%m/%Y",
    "%d-%m-%Y",
    "%Y-%m-%d",
    "%d.%m.%Y",
    "%Y/%m/%d",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%SZ",  # the SIASN API: "2022-04-01T00:00:00Z"
    "%Y-%m-%dT%H:%M:%S",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
)
SQL_TYPES = {
    "string": "VARCHAR",
    "integer": "BIGINT",
    "number": "DOUBLE",
    "date": "DATE",
    "boolean": "BOOLEAN",
}


def lit(text: str) -> str:
    """A SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def ident(name: str) -> str:
    """A quoted SQL identifier."""
    return '"' + name.replace('"', '""') + '"'


def rows_table(
    con: duckdb.DuckDBPyConnection,
    name: str,
    columns: Sequence[tuple[str, str]],
    rows: Sequence[Sequence[object]],
) -> None:
    """(Re)create table ``name`` with ``columns`` (name, SQL type) holding ``rows``, in one
    statement: each column is passed as one list and unnested (DuckDB's ``executemany`` inserts
    row by row, seconds for a few thousand rows). Not TEMP: the rules read such tables from
    other cursors of the connection (:mod:`checker.engine`)."""
    lists = [[row[i] for row in rows] for i in range(len(columns))]
    select = ", ".join(f"unnest(?::{kind}[]) AS {ident(col)}" for col, kind in columns)
    con.execute(f"CREATE OR REPLACE TABLE {ident(name)} AS SELECT {select}", lists)


def clean_sql(column: str) -> str:
    """Trim spaces (also Excel's non-breaking ones); empty text and a lone ``-`` become NULL.

    Text that needs none of it, nearly all of it, is passed through without being copied.
    """
    c = column
    slow = f"nullif(nullif(trim(replace({c}, chr(160), ' ')), ''), '-')"
    needs = (
        f"{c} = '' OR {c} = '-' OR prefix({c}, ' ') OR suffix({c}, ' ') OR contains({c}, chr(160))"
    )
    return f"CASE WHEN {needs} THEN {slow} ELSE {c} END"


# NFKC of the fullwidth ASCII forms (``＝`` → ``=``) and of the wide and non-breaking spaces
_FOLD_FROM = "".join(chr(c) for c in range(0xFF01, 0xFF5F)) + "\u3000\u00a0"
_FOLD_TO = "".join(chr(c) for c in range(0x21, 0x7F)) + "  "


def key_sql(v: str) -> str:
    """SQL twin of :func:`checker.data.schema.value_key`; NULL where that gives ``""``.

    DuckDB has no NFKC, so only the fullwidth forms and wide spaces are folded; other characters
    that NFKC would change are not letters, digits or separators, so the value matches nothing.
    """
    t = f"trim(translate({v}, {lit(_FOLD_FROM)}, {lit(_FOLD_TO)}))"
    ok = lit(f"[0-9A-Za-z][0-9A-Za-z{SEPARATOR_CLASS}]*")
    spaced_number = lit(f"[0-9][0-9{SEPARATOR_CLASS}]*")
    return (
        f"(CASE WHEN regexp_full_match({t}, {ok}) AND (regexp_full_match({t}, '[0-9]+') "
        f"OR NOT regexp_full_match({t}, {spaced_number})) "
        f"THEN upper(regexp_replace({t}, '[^0-9A-Za-z]', '', 'g')) END)"
    )


def nip_clean_sql(v: str) -> str:
    """Remove every space and leading apostrophes (the Excel "store as text" trick)."""
    return f"regexp_replace({v}, '^[''‘’`]+|\\s+', '', 'g')"


# A cleaned NIP that shows Excel stored it as a number (15 significant digits): in scientific
# notation, with decimals of zeros, or 18 digits of which the last three are zeros.
NIP_DAMAGED = "[0-9]([.,][0-9]+)?[eE][+]?[0-9]+|[0-9]+[.,]0+|[0-9]{15}000"


def _date_parse(v: str) -> str:
    formats = ", ".join(lit(f) for f in DATE_FORMATS[1:])
    serial = (
        f"CASE WHEN regexp_full_match({v}, '[0-9]{{5}}([.][0-9]+)?') "
        f"THEN DATE '1899-12-30' + CAST(floor(CAST({v} AS DOUBLE)) AS INTEGER) END"
    )
    # The common spelling first: the slower alternatives run only for the rows it misses.
    return (
        f"coalesce(CAST(try_strptime({v}, {lit(DATE_FORMATS[0])}) AS DATE), "
        f"CAST(try_strptime({v}, [{formats}]) AS DATE), {serial})"
    )


def _date_finish(p: str) -> str:
    return f"(CASE WHEN {p} BETWEEN DATE '1900-01-01' AND DATE '2100-12-31' THEN {p} END)"


def date_sql(v: str) -> str:
    """Parse the accepted date spellings; years outside 1900–2100 count as unreadable."""
    return _date_finish(f"({_date_parse(v)})")


def number_sql(v: str) -> str:
    """Parse a number with Indonesian or English digit grouping and an optional ``Rp``."""
    s = f"regexp_replace({v}, '^[Rr][Pp][.]?\\s*|\\s+', '', 'g')"
    slow = (
        f"(CASE WHEN regexp_full_match({s}, '-?[0-9]{{1,3}}([.][0-9]{{3}})+(,[0-9]+)?') "
        f"THEN TRY_CAST(replace(replace({s}, '.', ''), ',', '.') AS DOUBLE) "
        f"WHEN regexp_full_match({s}, '-?[0-9]{{1,3}}(,[0-9]{{3}})+([.][0-9]+)?') "
        f"THEN TRY_CAST(replace({s}, ',', '') AS DOUBLE) "
        f"WHEN regexp_full_match({s}, '-?[0-9]+,[0-9]+') "
        f"THEN TRY_CAST(replace({s}, ',', '.') AS DOUBLE) "
        f"WHEN regexp_full_match({s}, '-?[0-9]*[.]?[0-9]+([eE][-+]?[0-9]+)?') "
        f"THEN TRY_CAST({s} AS DOUBLE) END)"
    )
    # Whole numbers, by far the most common, skip the regular expressions. A CASE, not
    # coalesce: DuckDB evaluated coalesce's second argument for every row (3× the time over
    # 6.4 million cells), a CASE only for the rows the first misses.
    plain = f"NOT contains({v}, '.') AND NOT contains({v}, ',')"
    fast = f"(CASE WHEN {plain} THEN TRY_CAST({v} AS DOUBLE) END)"
    return f"(CASE WHEN {fast} IS NOT NULL THEN {fast} ELSE {slow} END)"


def _integer_finish(n: str) -> str:
    return f"(CASE WHEN {n} = floor({n}) AND abs({n}) < 1e15 THEN CAST({n} AS BIGINT) END)"


def integer_sql(v: str) -> str:
    """A whole number (``2025``, ``2025.0``, ``2.025``); fractions are unreadable."""
    return _integer_finish(f"({number_sql(v)})")


def mapping_sql(
    v: str, mapping: dict[str, str], sql_type: str = "VARCHAR", exact: dict[str, str] | None = None
) -> str:
    """Look ``value_key(v)`` up in ``mapping`` (key → SQL literal); NULL if absent.

    ``exact`` spellings (text → SQL literal) are tried first, without normalising the text.
    """
    if not mapping:
        return f"CAST(NULL AS {sql_type})"
    # The key is computed once: a CASE over the key would compute it again for every branch.
    # Text that starts with a letter and holds only letters, digits, spaces and / . - (SIASN's
    # DIATAS EKSPEKTASI, nearly every spelling) has the key of value_key by a cheap route; the
    # rest takes key_sql.
    keys, values = zip(*sorted(mapping.items()), strict=True)
    listed = f"[{', '.join(map(lit, keys))}]"
    plain = f"regexp_full_match({v}, '[A-Za-z][0-9A-Za-z /.-]*')"
    key = f"CASE WHEN {plain} THEN upper(translate({v}, ' /.-', '')) ELSE {key_sql(v)} END"
    slow = f"(CAST([{', '.join(values)}] AS {sql_type}[])[list_position({listed}, {key})])"
    if not exact:
        return slow
    fast = " ".join(f"WHEN {lit(k)} THEN {val}" for k, val in exact.items())
    return f"(CASE {v} {fast} ELSE {slow} END)"


def boolean_sql(v: str, f: Field) -> str:
    """Map the field's ``trueValues``/``falseValues`` (by key) to TRUE/FALSE."""
    from checker.data.schema import value_key

    mapping = {value_key(t): "TRUE" for t in f.true_values}
    mapping.update({value_key(t): "FALSE" for t in f.false_values})
    exact = {f.true_values[0]: "TRUE", f.false_values[0]: "FALSE"}
    return mapping_sql(v, mapping, "BOOLEAN", exact)


def _nip_parse(v: str) -> str:
    # Nearly every NIP is 18 digits as written: the text its number reads back as is itself, so
    # no regular expression runs for it. The rest is cleaned once and a damaged NIP becomes a
    # space (no cleaned text holds one), then NULL. The cleaned text written twice would be
    # computed for every row, by DuckDB's common-subexpression pass (6.4 million NIPs of which
    # 4 % need cleaning: 1.07 s, now 0.47 s).
    fast = (
        f"strlen({v}) = 18 AND CAST(TRY_CAST({v} AS UBIGINT) AS VARCHAR) = {v} "
        f"AND NOT suffix({v}, '000')"
    )
    slow = f"regexp_replace({nip_clean_sql(v)}, '^(?:{NIP_DAMAGED})$', ' ')"
    return f"nullif((CASE WHEN {fast} THEN {v} ELSE {slow} END), ' ')"


def parse_sql(v: str, f: Field) -> str:
    """First stage: from the cleaned text ``v`` to a value (dates and numbers not yet checked)."""
    if f.is_nip:
        return _nip_parse(v)
    if f.enum:
        exact = {c: lit(c) for c in f.enum}
        return mapping_sql(v, {k: lit(c) for k, c in f.value_map.items()}, exact=exact)
    if f.type == "date":
        return _date_parse(v)
    if f.type in ("number", "integer"):
        return number_sql(v)
    if f.type == "boolean":
        return boolean_sql(v, f)
    return v


def finish_sql(p: str, f: Field) -> str:
    """Second stage: range-check dates and require whole numbers for integers."""
    if f.enum or f.is_nip:
        return p
    if f.type == "date":
        return _date_finish(p)
    if f.type == "integer":
        return _integer_finish(p)
    return p


def typed_sql(v: str, f: Field) -> str:
    """SQL of the typed value of field ``f`` from the cleaned text ``v`` (both stages)."""
    return finish_sql(f"({parse_sql(v, f)})", f)


def problem_kind(f: Field) -> str:
    """The intake problem kind when a present value types to NULL for field ``f``."""
    if f.is_nip:
        return "NIP"
    if f.enum or f.type == "boolean":
        return "ENUM"
    return "TIPE"


def range_sql(typed: str, f: Field) -> str | None:
    """SQL that is TRUE when a typed number lies outside the field's minimum/maximum."""
    parts = []
    if f.minimum is not None:
        parts.append(f"{typed} < {f.minimum}")
    if f.maximum is not None:
        parts.append(f"{typed} > {f.maximum}")
    return " OR ".join(parts) if parts and f.type in ("number", "integer") else None


def regime_sql(table: Table, value: str) -> str:
    """SQL of the regime (its name) of a row whose ``regimeField`` is ``value``; NULL before
    the first regime, when the value is NULL, or when the table has no regimes."""
    if not table.regimes:
        return "CAST(NULL AS VARCHAR)"
    whens = " ".join(
        f"WHEN {value} >= {r.start:g} THEN {lit(r.name)}" for r in reversed(table.regimes)
    )
    return f"(CASE {whens} END)"


def in_regimes_sql(regime: str, names: tuple[str, ...] | list[str]) -> str:
    """SQL that is TRUE when the regime expression ``regime`` is one of ``names``."""
    return f"coalesce({regime} IN ({', '.join(lit(n) for n in names)}), FALSE)"


def band_sql(bands: ScoreBands, score: str) -> str:
    """SQL of the value the ranges give the number ``score``; NULL outside every range."""
    whens = []
    for band in bands.bands:
        parts = []
        if band.minimum is not None:
            parts.append(f"{score} >= {band.minimum:g}")
        if band.maximum is not None:
            parts.append(f"{score} <= {band.maximum:g}")
        whens.append(f"WHEN {' AND '.join(parts)} THEN {lit(band.value)}")
    return f"(CASE {' '.join(whens)} END)"
