"""Which table a file or sheet holds, where its header row is, and which column is which field.

A file is recognised by its name first (``pegawai.csv``, ``Riwayat Diklat 2025.csv``, a sheet named
``pelatihan``), then by its headers (a SIASN export named ``export_20250101.csv`` is recognised as
``pegawai`` by ``NIP BARU``, ``GOL AKHIR NAMA`` …). The header row is the one of the first few rows
that names the most fields, so report titles above the header are tolerated.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from checker.data import messages
from checker.data.intake_checks import SKEMA_KOLOM, intake_finding
from checker.data.schema import Table, header_key
from checker.report.finding import Finding

HEADER_SEARCH_ROWS = 10
MIN_HEADER_MATCHES = 3


@dataclass
class Layout:
    """How to read one source: its table, header row, and field → column position."""

    table: Table
    header_row: int
    width: int
    columns: dict[str, int] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    skipped_rows: list[int] = field(default_factory=list)
    # columns a SIASN file lacks because SIASN has no place for them (``notInSiasn``)
    gaps: list[str] = field(default_factory=list)


def table_by_name(name: str, schema: dict[str, Table]) -> Table | None:
    """The table whose name or alias appears, as whole words, in a file or sheet name."""
    key = header_key(name)
    best: tuple[int, int, Table] | None = None
    for table in schema.values():
        for nk in table.name_keys:
            at = f"_{key}_".find(f"_{nk}_")
            if at < 0:
                continue
            score = (len(nk), -at)
            if best is None or score > best[:2]:
                best = (score[0], score[1], table)
    return best[2] if best else None


def _score(table: Table, cells: list[str]) -> int:
    mapping = table.header_map
    return len({mapping[k] for k in (header_key(c) for c in cells) if k in mapping})


def find_header(
    preview: list[tuple[int, list[str]]], schema: dict[str, Table], table: Table | None
) -> tuple[Table, int, list[str]] | None:
    """(table, header row number, header cells), or None when nothing looks like a header."""
    candidates = [table] if table else list(schema.values())
    best: tuple[int, int, Table, int, list[str]] | None = None
    for index, (number, cells) in enumerate(preview[:HEADER_SEARCH_ROWS]):
        for order, cand in enumerate(candidates):
            score = _score(cand, cells)
            key = (score, -index * 100 - order)
            if best is None or key > best[:2]:
                best = (key[0], key[1], cand, number, cells)
    if best is None:
        return None
    score, _, found, number, cells = best
    if table is None and score < MIN_HEADER_MATCHES:
        return None
    if score == 0:
        return None
    return found, number, cells


def siasn_shaped(table: Table, columns: dict[str, int] | dict[str, str]) -> bool:
    """A source SIASN wrote: it names the employee by PNS ID (every SIASN riwayat does, and the
    bulk pegawai export carries ``PNS ID``)."""
    return "pns_id" in columns and any(f.name == "pns_id" for f in table.fields)


def _chosen(table: Table, header: list[str]) -> dict[int, str]:
    """Position → field for the headers that name a field; where several name the same field,
    the one its ``preferHeaders`` lists wins, and a database copy of a column (``tanggal_``
    beside ``tanggal``, as the SIASN tools store a parsed date) gives way to the column itself.
    Other repeats stay in and are reported as duplicates."""
    mapping = table.header_map
    keys = [header_key(c) for c in header]
    named = {pos: mapping[k] for pos, k in enumerate(keys) if k in mapping}
    texts = {c.strip() for c in header}
    out: dict[int, str] = {}
    for pos, name in named.items():
        cell = header[pos].strip()
        if cell.endswith("_") and cell.rstrip("_") in texts:
            continue  # the database's typed copy of a column that is also there
        rivals = [p for p, n in named.items() if n == name and p != pos]
        prefer = table.field(name).prefer
        if rivals and prefer:
            ranks = {
                p: prefer.index(keys[p]) if keys[p] in prefer else len(prefer)
                for p in (pos, *rivals)
            }
            if ranks[pos] > min(ranks.values()):
                continue
        out[pos] = name
    return out


def map_columns(table: Table, header: list[str], header_row: int, file: str) -> Layout:
    """Map header cells to fields; report unknown, duplicate and missing required columns.

    A required column may be absent when its value comes from elsewhere: looked up through
    another column (``fillFrom``: a SIASN riwayat's NIP through its PNS ID), read from another
    column (``deriveFrom``), given for the whole file (``absentValue``), or, in a file SIASN
    wrote, one SIASN has no place for (``notInSiasn``; :attr:`Layout.gaps` lists them).
    """
    layout = Layout(table=table, header_row=header_row, width=len(header))
    mapping = table.header_map
    chosen = _chosen(table, header)
    taken: dict[str, str] = {}

    def finding(column: str, message: str, severity: str) -> Finding:
        """A SKEMA-KOLOM finding on the header row."""
        return intake_finding(
            SKEMA_KOLOM,
            message,
            severity=severity,
            table=table.name,
            file=file,
            row=header_row,
            column=column,
        )

    for position, cell in enumerate(header):
        key = header_key(cell)
        name = mapping.get(key)
        if name is not None and position not in chosen:
            continue  # a copy or a less preferred header of a column that is read
        if name is None:
            if key in table.ignored_headers or (not key and cell == ""):
                if not key:
                    layout.findings.append(
                        finding(f"#{position + 1}", messages.unknown_column(table, ""), "info")
                    )
                continue
            layout.findings.append(finding(cell, messages.unknown_column(table, cell), "info"))
        elif name in taken:
            layout.findings.append(
                finding(cell, messages.duplicate_column(cell, taken[name], name), "warning")
            )
        else:
            taken[name] = cell
            layout.columns[name] = position
    siasn = siasn_shaped(table, layout.columns)
    for f in table.fields:
        if f.name in layout.columns:
            continue
        if siasn and f.not_in_siasn:
            layout.gaps.append(f.name)
            continue
        if not f.required or f.absent_value is not None:
            continue
        if f.lookup is not None and f.lookup.via in layout.columns:
            continue
        if f.derive is not None and f.derive.field in layout.columns:
            continue
        layout.findings.append(finding(f.name, messages.missing_column(table, f), "error"))
    return layout
