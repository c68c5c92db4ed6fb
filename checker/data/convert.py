"""From staged VARCHAR columns to typed columns, with every unreadable cell recorded, in one query.

The typed SELECT yields the table's fields in schema order plus two helper columns:
``_blank`` (every mapped cell empty: a blank spreadsheet row, dropped without a finding) and
``_bad``, a list of ``{c: column, k: kind, v: text}`` for the cells that were required but empty
(``WAJIB``), unreadable (``TIPE``), outside the allowed values (``ENUM``), out of range
(``RANGE``) or a NIP that Excel destroyed (``NIP``). The list is empty for a clean row, so clean
data costs little more than the cast itself.
"""

from __future__ import annotations

from checker.data import messages
from checker.data.normalize import (
    SQL_TYPES,
    clean_sql,
    ident,
    lit,
    problem_kind,
    range_sql,
    typed_sql,
)
from checker.data.schema import Table
from checker.report.finding import Finding


def typed_select(table: Table, columns: dict[str, str], source: str, extra: str = "") -> str:
    """SELECT over ``source`` typing each mapped field (``columns``: field → source column)."""
    select: list[str] = []
    bad: list[str] = []
    present: list[str] = []
    for f in table.fields:
        col = columns.get(f.name)
        sql_type = SQL_TYPES[f.type]
        if col is None:
            select.append(f"CAST(NULL AS {sql_type}) AS {ident(f.name)}")
            continue
        v = f"({clean_sql(col)})"
        typed = f"({typed_sql(v, f)})"
        select.append(f"CAST({typed} AS {sql_type}) AS {ident(f.name)}")
        present.append(f"{col} IS NULL")
        if f.required:
            bad.append(
                f"CASE WHEN {v} IS NULL THEN {{'c': {lit(f.name)}, 'k': 'WAJIB', 'v': NULL}} END"
            )
        if typed != v:
            kind = problem_kind(f)
            bad.append(
                f"CASE WHEN {v} IS NOT NULL AND {typed} IS NULL "
                f"THEN {{'c': {lit(f.name)}, 'k': {lit(kind)}, 'v': {v}}} END"
            )
        out_of_range = range_sql(typed, f)
        if out_of_range:
            bad.append(
                f"CASE WHEN {out_of_range} THEN {{'c': {lit(f.name)}, 'k': 'RANGE', 'v': {v}}} END"
            )
    blank = " AND ".join(present) or "TRUE"
    bad_list = (
        f"list_filter([{', '.join(bad)}], lambda x: x IS NOT NULL)"
        if bad
        else "CAST([] AS STRUCT(c VARCHAR, k VARCHAR, v VARCHAR)[])"
    )
    head = f"{extra}, " if extra else ""
    return (
        f"SELECT {head}{', '.join(select)}, ({blank}) AS _blank, {bad_list} AS _bad FROM {source}"
    )


def bad_findings(
    table: Table, rows: list[tuple[str, int, str | None, str, str, str | None]]
) -> list[Finding]:
    """Findings for ``(file, row, nip, column, kind, text)`` tuples taken from ``_bad``."""
    rule = {
        "WAJIB": "SKEMA-WAJIB",
        "TIPE": "SKEMA-TIPE",
        "RANGE": "SKEMA-TIPE",
        "ENUM": "SKEMA-ENUM",
        "NIP": "SKEMA-NIP-RUSAK",
    }
    out = []
    for file, row, nip, column, kind, text in rows:
        f = table.field(column)
        message, expected = messages.cell_problem(kind, f, text)
        out.append(
            Finding(
                rule=rule[kind],
                severity="error",
                message=message,
                table=table.name,
                file=file,
                row=row,
                column=column,
                nip=nip,
                expected=expected,
                actual=text,
            )
        )
    return out
