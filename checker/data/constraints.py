"""Table-level checks: primary keys (SKEMA-UNIK) and foreign keys (SKEMA-RUJUKAN).

Both run as set-based SQL. A primary key is checked among rows whose required key parts are all
filled (an empty NIP is already its own finding); optional key parts compare equal when empty.
A foreign key is checked only when every part is filled and the referenced table was supplied.
"""

from __future__ import annotations

import duckdb

from checker.data import messages
from checker.data.intake_checks import SKEMA_RUJUKAN, SKEMA_UNIK, intake_finding
from checker.data.normalize import ident
from checker.data.schema import Table
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
    dup = con.execute(
        f"SELECT count(*) FROM (SELECT 1 FROM {name} {where} GROUP BY {cols} HAVING count(*) > 1)"
    ).fetchone()
    if not dup or not dup[0]:
        return []
    rows = con.execute(
        f"SELECT _file, _row, {_nip_sql(table)}, first_file, first_row FROM ("
        f"SELECT _file, _row, {_nip_sql(table)}, "
        f"first_value(_file) OVER w AS first_file, first_value(_row) OVER w AS first_row, "
        f"row_number() OVER w AS n FROM {name} {where} "
        f"WINDOW w AS (PARTITION BY {cols} ORDER BY _file, _row)) WHERE n > 1"
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
