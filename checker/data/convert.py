"""From staged VARCHAR columns to typed columns, with every unreadable cell recorded, in one query.

The typed SELECT yields the table's fields in schema order plus two helper columns:
``_blank`` (every mapped cell empty: a blank spreadsheet row, dropped without a finding) and
``_bad``, a list of ``{c: column, k: kind, v: text}`` for the cells that were required but empty
(``WAJIB``), unreadable (``TIPE``), outside the allowed values (``ENUM``), out of range
(``RANGE``) or a NIP that Excel destroyed (``NIP``). It is NULL for a clean row and is only
built for rows with a problem, so clean data costs little more than the cast itself.

Where the table has regimes (``regimes``, by ``regimeField``), a column with ``requiredIn`` is
required only in rows of those regimes, a spelling that means another value in the row's regime
(``enumScales`` aliases) is read so, and an empty enum column takes the value the ``scoreBands``
of a number column give in the rows of their regimes.
"""

from __future__ import annotations

from checker.data import messages
from checker.data.intake_checks import CELL_CHECKS, intake_finding
from checker.data.normalize import (
    SQL_TYPES,
    band_sql,
    clean_sql,
    finish_sql,
    ident,
    in_regimes_sql,
    lit,
    parse_sql,
    problem_kind,
    range_sql,
    regime_sql,
)
from checker.data.schema import Field, Table
from checker.report.finding import Finding


def typed_select(table: Table, columns: dict[str, str], source: str, extra: str = "") -> str:
    """SELECT over ``source`` typing each mapped field (``columns``: field → source column).

    Four nested projections, so each step is computed once per cell: clean the text (``v``),
    parse it (``p``), finish the type (dates in range, whole integers), then list the problems.
    """
    keep = f"{extra}, " if extra else ""
    mapped = [(i, f, columns[f.name]) for i, f in enumerate(table.fields) if f.name in columns]
    cleaned = [f"{clean_sql(col)} AS v{i}" for i, _, col in mapped]
    parsed = [f"v{i}, {parse_sql(f'v{i}', f)} AS p{i}" for i, f, _ in mapped]
    finished = [
        f"v{i}, CAST({finish_sql(f'p{i}', f)} AS {SQL_TYPES[f.type]}) AS {ident(f.name)}"
        for i, f, _ in mapped
    ]
    # the row's regime is computed once, in a projection of its own, and read by name
    by_regime = table.regime_field in columns
    regime = "_regime" if by_regime else "CAST(NULL AS VARCHAR)"
    at = {f.name: i for i, f, _ in mapped}
    problems: list[tuple[str, str]] = []
    for i, f, _ in mapped:
        name = ident(f.name)
        empty = f"v{i} IS NULL"
        if f.lookup is not None and f.lookup.via in at:
            empty += f" AND v{at[f.lookup.via]} IS NULL"  # looked up after intake
        if f.derive is not None and f.derive.field in at:
            empty += f" AND v{at[f.derive.field]} IS NULL"  # the source's own WAJIB says it
        if f.required:
            problems.append((empty, f"{{'c': {lit(f.name)}, 'k': 'WAJIB', 'v': NULL}}"))
        elif f.required_in:
            problems.append(
                (
                    f"{empty} AND {in_regimes_sql(regime, f.required_in)}",
                    f"{{'c': {lit(f.name)}, 'k': 'WAJIB', 'v': NULL}}",
                )
            )
        if f.type != "string" or f.enum or f.is_nip:
            problems.append(
                (
                    f"v{i} IS NOT NULL AND {name} IS NULL",
                    f"{{'c': {lit(f.name)}, 'k': {lit(problem_kind(f))}, 'v': v{i}}}",
                )
            )
        out_of_range = range_sql(name, f)
        if out_of_range:
            problems.append((out_of_range, f"{{'c': {lit(f.name)}, 'k': 'RANGE', 'v': v{i}}}"))
    for f in table.fields:
        origin = f.derive.field if f.derive is not None else ""
        if f.required and origin in at:
            # a value the origin's text does not give: say which text was not understood
            own = f"v{at[f.name]} IS NULL AND " if f.name in at else ""
            text = f"v{at[origin]}"
            problems.append(
                (
                    f"{own}{text} IS NOT NULL AND {derived_sql(f, text)} IS NULL",
                    f"{{'c': {lit(f.name)}, 'k': 'TURUN', 'v': {text}}}",
                )
            )
    cleaned_of = {f.name: f"v{i}" for i, f, _ in mapped}
    fields = ", ".join(_final(table, f, columns, regime, cleaned_of) for f in table.fields)
    blank = " AND ".join(f"v{i} IS NULL" for i, _, _ in mapped) or "TRUE"
    if problems:
        any_problem = " OR ".join(f"({cond})" for cond, _ in problems)
        items = ", ".join(f"CASE WHEN {cond} THEN {item} END" for cond, item in problems)
        bad = f"CASE WHEN {any_problem} THEN list_filter([{items}], lambda x: x IS NOT NULL) END"
    else:
        bad = "CAST(NULL AS STRUCT(c VARCHAR, k VARCHAR, v VARCHAR)[])"
    level1 = f"SELECT {keep}{', '.join(cleaned) or 'NULL AS _none'} FROM {source}"
    level2 = f"SELECT {keep}{', '.join(parsed) or '_none'} FROM ({level1})"
    # the cleaned text stays beside the typed value: derived values and problems read it
    level3 = f"SELECT {keep}{', '.join(finished) or '_none'} FROM ({level2})"
    if by_regime:
        assert table.regime_field is not None
        level3 = (
            f"SELECT *, {regime_sql(table, ident(table.regime_field))} AS _regime FROM ({level3})"
        )
    return f"SELECT {keep}{fields}, ({blank}) AS _blank, {bad} AS _bad FROM ({level3})"


def derived_sql(f: Field, text: str) -> str:
    """The value of ``f`` that the start of ``text`` gives (``deriveFrom``), else NULL."""
    assert f.derive is not None
    folded = f"regexp_replace(lower({text}), '\\s+', ' ', 'g')"
    whens = " ".join(
        f"WHEN starts_with({folded}, {lit(prefix)}) THEN {lit(value)}"
        for value, prefixes in f.derive.prefixes
        for prefix in prefixes
    )
    return f"(CASE {whens} END)"


def _final(
    table: Table, f: Field, columns: dict[str, str], regime: str, cleaned: dict[str, str]
) -> str:
    """The typed column ``f`` as the table holds it: read in the row's regime (``regime``),
    and, when empty, given by the score bands of a number column in their regimes, by the text
    of the column it derives from, or, when the file has no such column, by ``absentValue``."""
    name = ident(f.name)
    value = name if f.name in columns else f"CAST(NULL AS {SQL_TYPES[f.type]})"
    if f.name not in columns and f.absent_value is not None:
        value = f"CAST({lit(f.absent_value)} AS {SQL_TYPES[f.type]})"
    whens = [
        f"WHEN {regime} = {lit(scale.regime)} AND {value} = {lit(read)} THEN {lit(meant)}"
        for scale in f.scales
        for read, meant in scale.reads
    ]
    if f.name in columns and whens:
        value = f"(CASE {' '.join(whens)} ELSE {value} END)"
    derived = [
        f"(CASE WHEN {in_regimes_sql(regime, s.bands.regimes)} "
        f"THEN {band_sql(s.bands, ident(s.name))} END)"
        for s in table.fields
        if s.bands is not None and s.bands.target == f.name and s.name in columns
    ]
    if f.derive is not None and f.derive.field in cleaned:
        derived.append(derived_sql(f, cleaned[f.derive.field]))
    if derived:
        value = f"coalesce({value}, {', '.join(derived)})"
    return name if value == name else f"{value} AS {name}"


def bad_findings(
    table: Table, rows: list[tuple[str, int, str | None, str, str, str | None]]
) -> list[Finding]:
    """Findings for ``(file, row, nip, column, kind, text)`` tuples taken from ``_bad``."""
    out = []
    for file, row, nip, column, kind, text in rows:
        f = table.field(column)
        when = table.regime_rows(f.required_in) if f.required_in else ""
        message, expected = messages.cell_problem(kind, f, text, when)
        out.append(
            intake_finding(
                CELL_CHECKS[kind],
                message,
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
