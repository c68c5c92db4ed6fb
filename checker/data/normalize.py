"""Value normalisation as DuckDB SQL expressions, so typing runs set-based over millions of rows.

Every builder takes the SQL of a trimmed, non-empty VARCHAR value (``v``) and returns the SQL of the
typed value, which is NULL when the text cannot be read. Problems are found by comparing: a value
that was there (``v IS NOT NULL``) but typed to NULL is a type or enum problem.

Accepted spellings (domain notes §5): dates ``dd/mm/yyyy``, ``dd-mm-yyyy``, ``dd.mm.yyyy``, ISO
``yyyy-mm-dd`` and Excel serial numbers; numbers with Indonesian (``1.500.000,50``) or English
(``1,500,000.50``) grouping and an optional ``Rp``; booleans and enums by :func:`value_key`
(case, spaces and punctuation ignored). NIPs lose spaces and a leading apostrophe; a NIP that Excel
stored as a number (``1,98501E+17``, ``198501012010011000``, ``1.98501012010011E17``) is damaged
beyond repair and typed to NULL.
"""

from __future__ import annotations

from checker.data.schema import Field

DATE_FORMATS = (
    "%d/%m/%Y",
    "%d-%m-%Y",
    "%Y-%m-%d",
    "%d.%m.%Y",
    "%Y/%m/%d",
    "%Y-%m-%d %H:%M:%S",
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


def clean_sql(column: str) -> str:
    """Trim spaces (also Excel's non-breaking ones); empty text and a lone ``-`` become NULL."""
    trimmed = f"trim(replace({column}, chr(160), ' '))"
    return f"CASE WHEN {trimmed} IN ('', '-') THEN NULL ELSE {trimmed} END"


def key_sql(v: str) -> str:
    """SQL twin of :func:`checker.data.schema.value_key`."""
    return f"upper(regexp_replace({v}, '[^0-9A-Za-z]', '', 'g'))"


def nip_clean_sql(v: str) -> str:
    """Remove every space and leading apostrophes (the Excel "store as text" trick)."""
    return f"regexp_replace({v}, '^[''‘’`]+|\\s+', '', 'g')"


def nip_damaged_sql(n: str) -> str:
    """True when a cleaned NIP shows that Excel stored it as a number (15 significant digits)."""
    return (
        f"(regexp_full_match({n}, '[0-9]([.,][0-9]+)?[eE][+]?[0-9]+')"
        f" OR regexp_full_match({n}, '[0-9]+[.,]0+')"
        f" OR (regexp_full_match({n}, '[0-9]{{18}}') AND suffix({n}, '000')))"
    )


def date_sql(v: str) -> str:
    """Parse the accepted date spellings; years outside 1900–2100 count as unreadable."""
    formats = ", ".join(lit(f) for f in DATE_FORMATS)
    serial = (
        f"CASE WHEN regexp_full_match({v}, '[0-9]{{5}}([.][0-9]+)?') "
        f"THEN DATE '1899-12-30' + CAST(floor(CAST({v} AS DOUBLE)) AS INTEGER) END"
    )
    parsed = f"coalesce(CAST(try_strptime({v}, [{formats}]) AS DATE), {serial})"
    return f"(CASE WHEN year({parsed}) BETWEEN 1900 AND 2100 THEN {parsed} END)"


def number_sql(v: str) -> str:
    """Parse a number with Indonesian or English digit grouping and an optional ``Rp``."""
    s = f"regexp_replace({v}, '^[Rr][Pp][.]?\\s*|\\s+', '', 'g')"
    return (
        f"(CASE WHEN regexp_full_match({s}, '-?[0-9]{{1,3}}([.][0-9]{{3}})+(,[0-9]+)?') "
        f"THEN TRY_CAST(replace(replace({s}, '.', ''), ',', '.') AS DOUBLE) "
        f"WHEN regexp_full_match({s}, '-?[0-9]{{1,3}}(,[0-9]{{3}})+([.][0-9]+)?') "
        f"THEN TRY_CAST(replace({s}, ',', '') AS DOUBLE) "
        f"WHEN regexp_full_match({s}, '-?[0-9]+,[0-9]+') "
        f"THEN TRY_CAST(replace({s}, ',', '.') AS DOUBLE) "
        f"WHEN regexp_full_match({s}, '-?[0-9]*[.]?[0-9]+([eE][-+]?[0-9]+)?') "
        f"THEN TRY_CAST({s} AS DOUBLE) END)"
    )


def integer_sql(v: str) -> str:
    """A whole number (``2025``, ``2025.0``, ``2.025``); fractions are unreadable."""
    n = number_sql(v)
    return f"(CASE WHEN {n} = floor({n}) AND abs({n}) < 1e15 THEN CAST({n} AS BIGINT) END)"


def mapping_sql(v: str, mapping: dict[str, str], sql_type: str = "VARCHAR") -> str:
    """Look ``value_key(v)`` up in ``mapping`` (key → canonical SQL literal); NULL if absent."""
    if not mapping:
        return f"CAST(NULL AS {sql_type})"
    whens = " ".join(f"WHEN {lit(k)} THEN {val}" for k, val in sorted(mapping.items()))
    return f"(CASE {key_sql(v)} {whens} END)"


def boolean_sql(v: str, f: Field) -> str:
    """Map the field's ``trueValues``/``falseValues`` (by key) to TRUE/FALSE."""
    from checker.data.schema import value_key

    mapping = {value_key(t): "TRUE" for t in f.true_values}
    mapping.update({value_key(t): "FALSE" for t in f.false_values})
    return mapping_sql(v, mapping, "BOOLEAN")


def typed_sql(v: str, f: Field) -> str:
    """SQL of the typed value of field ``f`` from the cleaned text ``v``."""
    if f.is_nip:
        n = nip_clean_sql(v)
        return f"(CASE WHEN {nip_damaged_sql(n)} THEN NULL ELSE {n} END)"
    if f.enum:
        return mapping_sql(v, {k: lit(c) for k, c in f.value_map.items()})
    if f.type == "date":
        return date_sql(v)
    if f.type == "number":
        return number_sql(v)
    if f.type == "integer":
        return integer_sql(v)
    if f.type == "boolean":
        return boolean_sql(v, f)
    return v


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
