"""Table-level checks: primary keys (SKEMA-UNIK), foreign keys and look-ups through another
column such as a SIASN PNS ID (SKEMA-RUJUKAN), and values read by the regime of their row
(SKEMA-SKALA).

All run as set-based SQL. A primary key is checked among rows whose required key parts are all
filled (an empty NIP is already its own finding); optional key parts compare equal when empty.
A foreign key is checked only when every part is filled and the referenced table was supplied.
A value of an enum with ``enumScales`` is checked against the scale of its row's regime, and a
score with ``scoreBands`` against the value it gives in the same row.
"""

from __future__ import annotations

import duckdb

from checker.data import messages
from checker.data.intake_checks import SKEMA_RUJUKAN, SKEMA_SKALA, SKEMA_UNIK, intake_finding
from checker.data.normalize import band_sql, ident, in_regimes_sql, lit, regime_sql
from checker.data.schema import Field, Table
from checker.report.finding import Finding


def _nip_sql(table: Table) -> str:
    return "nip" if any(f.name == "nip" for f in table.fields) else "NULL"


def unique_findings(con: duckdb.DuckDBPyConnection, table: Table) -> list[Finding]:
    """One SKEMA-UNIK finding for every row that repeats an earlier row's primary key."""
    key = table.primary_key
    if not key:
        return []
    cols = ", ".join(ident(k) for k in key)
    filled = " AND ".join(f"{ident(k)} IS NOT NULL" for k in key if table.field(k).required)
    where = f"WHERE {filled}" if filled else ""
    name = ident(table.name)
    # One pass groups the rows by a hash of the key (a single number: far cheaper than grouping
    # by the key's texts); only rows whose hash repeats are then compared by the key itself, so
    # a hash collision never makes a finding.
    hashed = f"hash({cols})"
    repeated = con.execute(
        f"SELECT list(h) FROM (SELECT {hashed} AS h FROM {name} {where} "
        f"GROUP BY h HAVING count(*) > 1)"
    ).fetchone()
    if not repeated or not repeated[0]:
        return []
    among = f"{filled} AND " if filled else ""
    rows = con.execute(
        f"SELECT _file, _row, {_nip_sql(table)}, first_file, first_row FROM ("
        f"SELECT _file, _row, {_nip_sql(table)}, "
        f"first_value(_file) OVER w AS first_file, first_value(_row) OVER w AS first_row, "
        f"row_number() OVER w AS n FROM {name} "
        f"WHERE {among}{hashed} IN (SELECT unnest(?::UBIGINT[])) "
        f"WINDOW w AS (PARTITION BY {cols} ORDER BY _file, _row)) WHERE n > 1",
        [repeated[0]],
    ).fetchall()
    return [
        intake_finding(
            SKEMA_UNIK,
            messages.duplicate_key(table, key, first_row, first_file),
            table=table.name,
            file=file,
            row=row,
            column=key[0],
            nip=nip,
        )
        for file, row, nip, first_file, first_row in rows
    ]


def reference_findings(
    con: duckdb.DuckDBPyConnection, table: Table, present: set[str]
) -> list[Finding]:
    """SKEMA-RUJUKAN findings for rows whose foreign key has no match in the referenced table."""
    out: list[Finding] = []
    name = ident(table.name)
    for fk in table.foreign_keys:
        if fk.ref_table not in present:
            if table.name in present and fk.fields == ("nip",):
                out.append(
                    intake_finding(
                        SKEMA_RUJUKAN,
                        messages.missing_reference_table(table, fk.ref_table),
                        severity="info",
                        table=table.name,
                        column="nip",
                    )
                )
            continue
        filled = " AND ".join(f"c.{ident(c)} IS NOT NULL" for c in fk.fields)
        match = " AND ".join(
            f"p.{ident(r)} = c.{ident(c)}" for c, r in zip(fk.fields, fk.ref_fields, strict=True)
        )
        values = " || ' / ' || ".join(f"CAST(c.{ident(c)} AS VARCHAR)" for c in fk.fields)
        nip = "c.nip" if _nip_sql(table) == "nip" else "NULL"
        rows = con.execute(
            f"SELECT c._file, c._row, {nip}, {values} FROM {name} c WHERE {filled} "
            f"AND NOT EXISTS (SELECT 1 FROM {ident(fk.ref_table)} p WHERE {match})"
        ).fetchall()
        out.extend(
            intake_finding(
                SKEMA_RUJUKAN,
                messages.dangling_reference(table, fk.fields, fk.ref_table),
                table=table.name,
                file=file,
                row=row,
                column=fk.fields[-1],
                nip=nip_value,
                expected=f"ada di tabel {fk.ref_table}",
                actual=actual,
            )
            for file, row, nip_value, actual in rows
        )
    return out


def lookup_findings(
    con: duckdb.DuckDBPyConnection, table: Table, present: set[str]
) -> list[Finding]:
    """SKEMA-RUJUKAN for rows still empty in a looked-up column whose ``via`` value (a PNS ID)
    has no row in the looked-up table (when that table was supplied)."""
    out: list[Finding] = []
    for f in table.fields:
        if f.lookup is None or f.lookup.resource not in present:
            continue
        via = ident(f.lookup.via)
        rows = con.execute(
            f"SELECT _file, _row, {via} FROM {ident(table.name)} "
            f"WHERE {ident(f.name)} IS NULL AND {via} IS NOT NULL ORDER BY _file, _row"
        ).fetchall()
        out.extend(
            intake_finding(
                SKEMA_RUJUKAN,
                messages.unknown_lookup(table, f, f.lookup.via, f.lookup.resource),
                table=table.name,
                file=file,
                row=row,
                column=f.lookup.via,
                expected=f"ada di tabel {f.lookup.resource}",
                actual=value,
            )
            for file, row, value in rows
        )
    return out


def scale_findings(con: duckdb.DuckDBPyConnection, table: Table) -> list[Finding]:
    """SKEMA-SKALA findings: a warning for each value outside the scale of its row's regime and
    for each value that differs from what the row's score gives; one info per file for scores
    that give no value (outside every range, or in a regime the ranges do not apply to)."""
    if table.regime_field is None or not table.regimes:
        return []
    out: list[Finding] = []
    source = (
        f"(SELECT *, {regime_sql(table, ident(table.regime_field))} AS _regime "
        f"FROM {ident(table.name)})"
    )
    for f in table.fields:
        if f.scales:
            out.extend(_off_scale(con, table, f, source))
        if f.bands is not None:
            out.extend(_off_band(con, table, f, source))
    return out


def _off_scale(
    con: duckdb.DuckDBPyConnection, table: Table, f: Field, source: str
) -> list[Finding]:
    column = ident(f.name)
    outside = " OR ".join(
        f"(_regime = {lit(s.regime)} AND {column} NOT IN ({', '.join(map(lit, s.values))}))"
        for s in f.scales
    )
    rows = con.execute(
        f"SELECT _file, _row, {_nip_sql(table)}, {ident(table.regime_field or '')}, _regime, "
        f"{column} FROM {source} WHERE {column} IS NOT NULL AND ({outside}) ORDER BY _file, _row"
    ).fetchall()
    out = []
    for file, row, nip, year, regime, value in rows:
        message, expected = messages.off_scale(table, f, value, year, regime)
        out.append(
            intake_finding(
                SKEMA_SKALA,
                message,
                table=table.name,
                file=file,
                row=row,
                column=f.name,
                nip=nip,
                expected=expected,
                actual=value,
            )
        )
    return out


def _off_band(con: duckdb.DuckDBPyConnection, table: Table, f: Field, source: str) -> list[Finding]:
    bands = f.bands
    assert bands is not None
    score, given = ident(f.name), ident(bands.target)
    judged = in_regimes_sql("_regime", bands.regimes)
    meant = band_sql(bands, score)
    out = []
    rows = con.execute(
        f"SELECT _file, _row, {_nip_sql(table)}, {score}, {given}, {meant} FROM {source} "
        f"WHERE {judged} AND {given} IS NOT NULL AND {meant} <> {given} ORDER BY _file, _row"
    ).fetchall()
    for file, row, nip, value, found, band in rows:
        out.append(
            intake_finding(
                SKEMA_SKALA,
                messages.off_band(f, value, found, band),
                table=table.name,
                file=file,
                row=row,
                column=bands.target,
                nip=nip,
                expected=band,
                actual=found,
            )
        )
    unread = con.execute(
        f"SELECT _file, count(*), min(_row) FROM {source} "
        f"WHERE {score} IS NOT NULL AND {given} IS NULL GROUP BY _file ORDER BY _file"
    ).fetchall()
    for file, count, first in unread:
        out.append(
            intake_finding(
                SKEMA_SKALA,
                messages.unread_scores(table, f, count, first),
                severity="info",
                table=table.name,
                file=file,
                row=first,
                column=f.name,
            )
        )
    return out
