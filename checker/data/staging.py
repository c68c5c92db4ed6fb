"""Staging: one source (CSV file or sheet) typed into a DuckDB table with row numbers.

The tables and views are not TEMP, though they live only as long as the check's in-memory
database: the rules read them from other cursors of the connection (:mod:`checker.engine`),
which do not see the TEMP objects of this one.

For CSV the typing is fused with DuckDB's read (one pass). The staged table keeps DuckDB's
insertion order, so its ``rowid`` is the record's ordinal; the view ``_row`` turns that ordinal into
the physical line the agency sees, skipping blank lines, rejected lines and (for quoted files)
the continuation lines of records that span several lines. What a line is (LF, CRLF or a lone CR
ends one) is said in :mod:`checker.data.sniff`, whose normalised copy makes each of them an LF.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

from checker.data import convert, messages, readers
from checker.data.intake_checks import SKEMA_BARIS, SKEMA_BERKAS, intake_finding
from checker.data.normalize import ident, lit
from checker.data.resolve import Layout
from checker.data.schema import Table
from checker.data.sniff import blank_lines, to_utf8
from checker.report.finding import Finding

# Up to this many steps, a line map is a CASE tree over ``rowid`` (the table is read as a view);
# beyond, an ASOF join that assembly materialises (a file with thousands of rejected lines).
STEPS_INLINE = 8192

# SKEMA-BARIS (warning) for each cell a NUL byte was removed from (see checker.data.sniff)
NUL_REMOVED = (
    "Kolom {column} pada baris ini memuat karakter NUL (bita nol) yang tidak terlihat; karakter "
    "itu dibuang sebelum isinya diperiksa. Periksa isi sel ini, lalu simpan ulang berkas sebagai "
    "CSV UTF-8 dan kirim kembali."
)


@dataclass
class Staged:
    """A typed staging table and the view that adds ``_row``."""

    file: str
    table: str
    view: str
    rows: int
    objects: list[tuple[str, str]]
    simple: bool = True  # ``_row`` is ``rowid`` plus a constant: cheap to serve as a view
    mapped: frozenset[str] = frozenset()  # the fields the source has a column for
    # the columns through which some row needs a value looked up (``fillFrom``: a SIASN PNS ID
    # for a row without NIP); see :meth:`find_lookups`
    lookups: frozenset[str] = frozenset()

    def find_lookups(self, con: duckdb.DuckDBPyConnection, table: Table) -> None:
        """Set :attr:`lookups`: a column another field is looked up through counts only when a
        row has it filled and that field empty (an export with both NIP and PNS ID needs no
        join, and its tables are then served as views, not copied)."""
        needed = set()
        for f in table.fields:
            via = f.lookup.via if f.lookup is not None else None
            if via is None or via not in self.mapped:
                continue
            found = con.execute(
                f"SELECT 1 FROM {self.view} WHERE NOT _blank AND {ident(f.name)} IS NULL "
                f"AND {ident(via)} IS NOT NULL LIMIT 1"
            ).fetchone()
            if found:
                needed.add(via)
        self.lookups = frozenset(needed)

    def bad_findings(self, con: duckdb.DuckDBPyConnection, table: Table) -> list[Finding]:
        """Findings for the unreadable cells recorded in ``_bad``."""
        nip = nip_sql(table, self.lookups, "s", self.file)
        rows = con.execute(
            f"SELECT _row, nip, b.c, b.k, b.v FROM (SELECT _row, {nip} AS nip, unnest(_bad) AS b "
            f"FROM {self.view} s WHERE NOT _blank AND _bad IS NOT NULL)"
        ).fetchall()
        return convert.bad_findings(table, [(self.file, *r) for r in rows])

    def drop(self, con: duckdb.DuckDBPyConnection) -> None:
        """Drop the staging objects."""
        _drop(con, self.objects)


def nip_sql(table: Table, lookups: frozenset[str] | set[str], alias: str, file: str) -> str:
    """The NIP of row ``alias`` of ``table`` (read from ``file``) as findings name it: its own,
    else, for a row that names the employee another way (``fillFrom``: a SIASN PNS ID, one of
    ``lookups``), the one the assembled table holds for that row (the lookup itself is done
    once, at assembly)."""
    nip = next((f for f in table.fields if f.name == "nip"), None)
    if nip is None:
        return "NULL"
    own = f"{alias}.nip"
    if nip.lookup is None or nip.lookup.via not in lookups:
        return own
    return (
        f"coalesce({own}, (SELECT a.nip FROM {ident(table.name)} a "
        f"WHERE a._file = {lit(file)} AND a._row = {alias}._row))"
    )


def step_sql(var: str, steps: list[tuple[int, str]] | list[tuple[int, int]], below: str) -> str:
    """SQL of a step function of the integer ``var``: the value of the last step whose
    threshold ``var`` reaches (``steps``: ascending, distinct thresholds), ``below`` before
    the first. A balanced tree of CASEs: ``log2(len(steps))`` comparisons per row."""

    def tree(lo: int, hi: int) -> str:
        if lo == hi:
            return str(steps[lo - 1][1]) if lo else below
        mid = (lo + hi) // 2
        above, before = tree(mid + 1, hi), tree(lo, mid)
        return f"(CASE WHEN {var} >= {steps[mid][0]} THEN {above} ELSE {before} END)"

    return tree(0, len(steps))


def _columns(layout: Layout) -> dict[str, str]:
    return {name: f"c{pos}" for name, pos in layout.columns.items()}


def _baris(file: str, table: str, row: int, message: str, severity: str | None = None) -> Finding:
    return intake_finding(SKEMA_BARIS, message, severity=severity, table=table, file=file, row=row)


def _drop(con: duckdb.DuckDBPyConnection, objects: list[tuple[str, str]]) -> None:
    for kind, name in reversed(objects):
        con.execute(f"DROP {kind} IF EXISTS {name}")


def stage_csv(
    con: duckdb.DuckDBPyConnection,
    src: readers.Source,
    layout: Layout,
    name: str,
    findings: list[Finding],
    work: Path,
) -> Staged | None:
    """Read and type a CSV source; rejected lines and cells that lost a NUL byte become
    SKEMA-BARIS findings."""
    sn = src.sniffed
    assert sn is not None
    file, table = src.label, layout.table.name
    header = layout.header_row
    relation = readers.csv_relation(sn, header, layout.width, name)
    select = convert.typed_select(layout.table, _columns(layout), relation)
    objects = [("TABLE", ident(name + "_err")), ("TABLE", ident(name + "_scan"))]
    try:
        con.execute(f"CREATE TABLE {ident(name)} AS {select}")
    except duckdb.Error as exc:  # DuckDB gave up on the whole file: report it, go on
        findings.append(
            intake_finding(
                SKEMA_BERKAS,
                messages.file_problem("rusak", str(exc).splitlines()[0][:120]).replace(
                    "Berkas Excel", "Berkas"
                ),
                table=table,
                file=file,
            )
        )
        return None
    objects.insert(0, ("TABLE", ident(name)))
    rejects = readers.read_rejects(con, sn, name)
    _drop(con, objects[1:])  # the rejects tables are read
    del objects[1:]
    if sn.encoding == "utf-8" and any(r.error == "INVALID ENCODING" for r in rejects):
        # Looked like UTF-8 at the top but is not further down: read it again as Windows-1252.
        _drop(con, objects)
        to_utf8(sn, work)
        return stage_csv(con, src, layout, name + "b", findings, work)
    for rej in rejects:
        if rej.text.strip():
            findings.append(
                _baris(file, table, rej.line, messages.malformed_row(rej.error, layout.width))
            )
    findings.extend(_nul_findings(sn.nul_cells, layout, file))
    count = con.execute(f"SELECT count(*) FROM {ident(name)}").fetchone()
    total = int(count[0]) if count else 0
    rejected = {r.line for r in rejects}
    base = header + 1
    view = ident(name + "_v")
    records = readers.record_map(sn, header, rejected) if sn.has_quotes else None
    if records is not None and records.count == total:
        for first, last in records.merged:
            findings.append(
                _baris(file, table, first, messages.merged_rows(first, last), "warning")
            )
        if len(records.shifts) <= STEPS_INLINE:
            row = step_sql("rowid", [(k, f"rowid + {d}") for k, d in records.shifts], "NULL")
            con.execute(f"CREATE VIEW {view} AS SELECT {row} AS _row, * FROM {ident(name)}")
        else:
            con.execute(
                f"CREATE TABLE {ident(name + '_map')} AS SELECT unnest(?::BIGINT[]) AS k, "
                f"unnest(?::BIGINT[]) AS shift",
                [[k for k, _ in records.shifts], [d for _, d in records.shifts]],
            )
            objects.append(("TABLE", ident(name + "_map")))
            con.execute(
                f"CREATE VIEW {view} AS SELECT s._k + m.shift AS _row, s.* "
                f"FROM (SELECT rowid AS _k, * FROM {ident(name)}) s "
                f"ASOF JOIN {ident(name + '_map')} m ON s._k >= m.k"
            )
    else:
        skipped = sorted(rejected)
        if total + len(rejected) != sn.line_count - header:
            # DuckDB skipped empty lines: find them (only now, it costs a pass over the file).
            assert sn.read_path is not None
            skipped = sorted({b for b in blank_lines(sn.read_path) if b > header} | rejected)
        if not skipped:
            con.execute(
                f"CREATE VIEW {view} AS SELECT rowid + {base} AS _row, * FROM {ident(name)}"
            )
        else:
            # the ordinal k of a record after the j-th skipped line (0-based) is on line
            # k + base + j + 1; the largest j whose threshold k reaches gives the shift
            steps: dict[int, int] = {}
            for j, line in enumerate(skipped):
                steps[line - base - j] = j + 1
            if len(steps) <= STEPS_INLINE:
                shift = step_sql("rowid", sorted(steps.items()), "0")
                con.execute(
                    f"CREATE VIEW {view} AS SELECT rowid + {base} + {shift} AS _row, * "
                    f"FROM {ident(name)}"
                )
            else:
                con.execute(
                    f"CREATE TABLE {ident(name + '_skip')} AS SELECT "
                    f"unnest(?::BIGINT[]) AS t, unnest(?::BIGINT[]) AS n",
                    [list(steps), list(steps.values())],
                )
                objects.append(("TABLE", ident(name + "_skip")))
                con.execute(
                    f"CREATE VIEW {view} AS SELECT s._k + {base} + coalesce(k.n, 0) AS _row, "
                    f"s.* FROM (SELECT rowid AS _k, * FROM {ident(name)}) s "
                    f"ASOF LEFT JOIN {ident(name + '_skip')} k ON s._k >= k.t"
                )
    objects.append(("VIEW", view))
    loaded = con.execute(f"SELECT count(*) FROM {ident(name)} WHERE NOT _blank").fetchone()
    simple = len(objects) == 2  # ``_row`` is computed from ``rowid`` alone (no join)
    rows = int(loaded[0]) if loaded else 0
    return Staged(file, table, view, rows, objects, simple, frozenset(layout.columns))


def _nul_findings(cells: list[tuple[int, int]], layout: Layout, file: str) -> list[Finding]:
    """A warning per cell of the header or a row that lost a NUL byte, in a column we read."""
    names = {pos: name for name, pos in layout.columns.items()}
    return [
        intake_finding(
            SKEMA_BARIS,
            NUL_REMOVED.format(column=names[pos]),
            severity="warning",
            table=layout.table.name,
            file=file,
            row=row,
            column=names[pos],
        )
        for row, pos in cells
        if row >= layout.header_row and pos in names
    ]


def stage_workbook_sheet(
    con: duckdb.DuckDBPyConnection,
    src: readers.Source,
    layout: Layout,
    name: str,
    work: Path,
    findings: list[Finding],
) -> Staged | None:
    """Type a workbook sheet; row numbers are the sheet's own."""
    del findings  # sheets have no malformed lines: every problem is a cell problem
    nips = {pos for n, pos in layout.columns.items() if layout.table.field(n).is_nip}
    positions = sorted(layout.columns.values())
    raw = readers.stage_sheet(con, src, layout.header_row, positions, nips, work, name + "_raw")
    select = convert.typed_select(layout.table, _columns(layout), raw, extra="_row")
    con.execute(f"CREATE TABLE {ident(name)} AS {select}")
    con.execute(f"DROP TABLE {raw}")
    loaded = con.execute(f"SELECT count(*) FROM {ident(name)} WHERE NOT _blank").fetchone()
    count = int(loaded[0]) if loaded else 0
    return Staged(
        src.label,
        layout.table.name,
        ident(name),
        count,
        [("TABLE", ident(name))],
        mapped=frozenset(layout.columns),
    )
