"""``ingest(paths) -> Dataset``: agency files in, typed DuckDB tables and intake findings out.

Accepts files and directories: CSV/TXT/TSV (any of the encodings and delimiters agencies produce),
Excel workbooks (one sheet per table, our template included), and lone SIASN exports. Bad input
never raises: it becomes findings, also a file that is empty or unreadable but named after its
table (``pegawai.csv``). Only input that cannot be used at all raises ``InputError``: no path, a
path that does not exist, or not a single file that can be tied to a table.
"""

from __future__ import annotations

import json
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import replace
from functools import partial
from pathlib import Path

import duckdb

from checker.data import messages, readers
from checker.data.constraints import (
    lookup_findings,
    reference_findings,
    scale_findings,
    unique_findings,
)
from checker.data.dataset import Dataset, Gap, InputFile, connect, cursors
from checker.data.intake_checks import (
    SKEMA_BARIS,
    SKEMA_BERKAS,
    SKEMA_KOLOM,
    intake_finding,
)
from checker.data.normalize import SQL_TYPES, ident, in_regimes_sql, lit, regime_sql
from checker.data.resolve import (
    HEADER_SEARCH_ROWS,
    Layout,
    find_header,
    map_columns,
    table_by_name,
)
from checker.data.schema import Table, load_schema
from checker.data.sniff import CHUNK, Sniffed, file_sha256, sniff
from checker.data.staging import Staged, stage_csv, stage_workbook_sheet
from checker.errors import InputError
from checker.limits import Budget, Limits
from checker.report.finding import Finding

KEY_FILE = "kunci_jawaban.csv"

Progress = Callable[[int, int, str], None]
TEXT_SUFFIXES = {".csv", ".txt", ".tsv"}
# files agencies may put beside their data that are never tables, whatever they contain
KNOWN_OTHER = {".pdf", ".doc", ".docx", ".pptx", ".jpg", ".jpeg", ".png", ".zip", ".md"}
BOOK_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".ods", ".xlsb"}
_ZIP, _OLE = b"PK\x03\x04", b"\xd0\xcf\x11\xe0"


def _agency_file(path: Path) -> bool:
    # Hidden files, Excel lock files and the sample generator's answer key are not agency data.
    return path.is_file() and not path.name.startswith((".", "~$")) and path.name != KEY_FILE


def discover(paths: Iterable[str | Path]) -> list[Path]:
    """Files to read: files as given, directories expanded (sorted, hidden files skipped)."""
    found: list[Path] = []
    given = [Path(p) for p in paths]
    if not given:
        raise InputError(
            "Tidak ada berkas yang diberikan. Sebutkan berkas CSV/Excel atau folder datanya."
        )
    for path in given:
        if path.is_dir():
            found.extend(p for p in sorted(path.rglob("*")) if _agency_file(p))
        elif path.is_file():
            found.append(path)
        else:
            raise InputError("berkas atau folder ini tidak ada. Periksa ejaan jalurnya.", path)
    return found


def _berkas(
    file: str, kind: str, detail: str = "", severity: str | None = None, table: str | None = None
) -> Finding:
    return intake_finding(
        SKEMA_BERKAS, messages.file_problem(kind, detail), severity=severity, table=table, file=file
    )


def _kind(path: Path) -> str:
    """What a file is: "book", "text", "json", "zip" (an archive of files) or "other" — by the
    name's extension as agencies' tools write it (any case, padded with spaces), else by the
    content (a workbook's zip or OLE signature, JSON's opening bracket, or text with lines and
    few control bytes)."""
    with path.open("rb") as fh:
        head = fh.read(4096)
    magic = head[:4]
    suffix = path.name.strip().rpartition(".")[2].lower() if "." in path.name else ""
    suffix = f".{suffix}" if suffix else ""
    if magic == _OLE and suffix != ".doc":
        return "book"
    if magic == _ZIP:
        return "book" if _is_workbook(path) else "zip"
    if suffix in BOOK_SUFFIXES:
        return "book"
    if suffix == ".json" or head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"[", b"{"):
        return "json"
    if suffix in TEXT_SUFFIXES or (suffix not in KNOWN_OTHER and _looks_like_text(head)):
        return "text"
    return "other"


def _is_workbook(path: Path) -> bool:
    """A zip that holds a spreadsheet (XLSX/XLSM/XLSB/ODS), whatever its name says."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist()[:2000])
    except (zipfile.BadZipFile, OSError, NotImplementedError, EOFError, ValueError):
        return True  # a damaged workbook is reported as such by the reader
    return "xl/workbook.xml" in names or "xl/workbook.bin" in names or "content.xml" in names


def _looks_like_text(head: bytes) -> bool:
    """A delimited text file as agencies save it: decodable, several lines, few control bytes."""
    if not head.strip():
        return False
    controls = sum(byte < 9 or 13 < byte < 32 for byte in head)
    return controls <= len(head) // 100 and (b"\n" in head or b"\r" in head)


def _layout(
    src: readers.Source, schema: dict[str, Table], findings: list[Finding], max_columns: int
) -> Layout | None:
    by_name = table_by_name(src.sheet or src.path.stem, schema)
    if by_name is None and src.sheet and src.sheet.strip().lower() in ("petunjuk", "referensi"):
        return None  # our template's own sheets
    # a row wider than the limit is looked at only as far as it shows it is too wide
    preview = [(n, cells[: max_columns + 1]) for n, cells in src.preview]
    found = find_header(preview, schema, by_name)
    label = src.label
    if found is None:
        if by_name is not None:
            findings.append(_berkas(label, "judul", table=by_name.name))
        elif src.preview:
            findings.append(_berkas(label, "tabel"))
        return None
    table, header_row, cells = found
    width = max(len(c) for n, c in src.preview if n == header_row)
    if width > max_columns:
        problem = messages.too_many_columns(width, max_columns)
        findings.append(intake_finding(SKEMA_BERKAS, problem, table=table.name, file=label))
        return None
    layout = map_columns(table, cells, header_row, label)
    layout.skipped_rows = [n for n, _ in src.preview if n < header_row]
    if header_row == 0:  # a JSON file's keys: there is no header line to point at
        layout.findings = [replace(f, row=None) for f in layout.findings]
    findings.extend(layout.findings)
    if layout.skipped_rows:
        first, last = layout.skipped_rows[0], layout.skipped_rows[-1]
        span = f"{first}" if first == last else f"{first}–{last}"
        findings.append(
            intake_finding(
                SKEMA_BARIS,
                f"Baris {span} di atas judul kolom dianggap judul laporan dan diabaikan.",
                severity="info",
                table=table.name,
                file=label,
                row=first,
            )
        )
    return layout


def _sources(
    path: Path, work: Path, findings: list[Finding], table: str | None, limits: Limits
) -> list[readers.Source]:
    """The table-shaped parts of one file; an unreadable file, or one over the budget,
    becomes a SKEMA-BERKAS finding."""
    kind = _kind(path)
    if kind in ("other", "zip"):
        what = "jenis" if kind == "other" else "zip"
        findings.append(_berkas(str(path), what, severity="warning", table=table))
        return []
    if kind == "json":
        try:
            return [readers.open_json(path, limits)]
        except readers.OverBudget as exc:
            findings.append(intake_finding(SKEMA_BERKAS, exc.message, table=table, file=str(path)))
        except readers.NotATable as exc:
            findings.append(intake_finding(SKEMA_BERKAS, str(exc), table=table, file=str(path)))
        except json.JSONDecodeError as exc:
            message = messages.json_broken(exc.lineno, exc.colno)
            findings.append(intake_finding(SKEMA_BERKAS, message, table=table, file=str(path)))
        except (UnicodeDecodeError, RecursionError):
            findings.append(_berkas(str(path), "biner", table=table))
        return []
    if kind == "book":
        # calamine (and openpyxl, in checker.data.workbook) load only when a workbook comes
        from python_calamine import CalamineError, PasswordError

        try:
            return readers.open_workbook(path, limits)
        except readers.OverBudget as exc:
            findings.append(intake_finding(SKEMA_BERKAS, exc.message, table=table, file=str(path)))
            return []
        except (CalamineError, OSError, ValueError) as exc:
            detail = "dilindungi kata sandi" if isinstance(exc, PasswordError) else "isinya rusak"
            findings.append(_berkas(str(path), "rusak", detail, table=table))
            return []
    sn = sniff(path, work)
    if sn.problem:
        findings.append(_berkas(str(path), sn.problem, table=table))
        return []
    width = _text_width(sn)
    problem = None
    if width > limits.columns_per_table:
        problem = messages.too_many_columns(width, limits.columns_per_table)
    elif sn.line_count * width > limits.cells_per_file:
        problem = messages.text_too_many_cells(sn.line_count, width, limits.cells_per_file)
    if problem:
        findings.append(intake_finding(SKEMA_BERKAS, problem, table=table, file=str(path)))
        return []
    return [readers.Source(path, path.stem, None, sn.preview, sniffed=sn)]


def _text_width(sn: Sniffed) -> int:
    """Fields of the widest line among the first rows.

    The preview holds the first 64 KiB; a line among the header rows that runs past it is
    counted on in the file (its delimiters, quotes aside: a C-speed pass over that line).
    """
    width = max((len(cells) for _, cells in sn.preview[:HEADER_SEARCH_ROWS]), default=0)
    assert sn.read_path is not None
    window = 1 << 16
    delimiter = sn.delimiter.encode()
    with sn.read_path.open("rb") as fh:
        head = fh.read(window)
        if len(head) < window or head.count(b"\n") >= HEADER_SEARCH_ROWS:
            return width
        fields = head.count(delimiter, head.rfind(b"\n") + 1) + 1
        while block := fh.read(CHUNK):
            end = block.find(b"\n")
            fields += block.count(delimiter, 0, end if end >= 0 else len(block))
            if end >= 0:
                break
    return max(width, fields)


def _missing_in_regime(con: duckdb.DuckDBPyConnection, st: Staged, layout: Layout) -> list[Finding]:
    """A SKEMA-KOLOM error for each ``requiredIn`` column the source lacks while some of its
    rows belong to a regime that requires it (a file of older years only may lack it)."""
    table = layout.table
    out: list[Finding] = []
    if table.regime_field is None:
        return out
    regime = regime_sql(table, ident(table.regime_field))
    for f in table.fields:
        if not f.required_in or f.name in layout.columns:
            continue
        found = con.execute(
            f"SELECT count(*), min(_row) FROM {st.view} "
            f"WHERE NOT _blank AND {in_regimes_sql(regime, f.required_in)}"
        ).fetchone()
        if not found or not found[0]:
            continue
        message = messages.missing_regime_column(table, f, int(found[0]), int(found[1]))
        out.append(
            intake_finding(
                SKEMA_KOLOM,
                message,
                table=table.name,
                file=st.file,
                row=layout.header_row,
                column=f.name,
            )
        )
    return out


def _empty_table(table: Table) -> str:
    cols = ", ".join(f"CAST(NULL AS {SQL_TYPES[f.type]}) AS {ident(f.name)}" for f in table.fields)
    return f"SELECT CAST(NULL AS VARCHAR) AS _file, CAST(NULL AS BIGINT) AS _row, {cols} LIMIT 0"


def _assemble(con: duckdb.DuckDBPyConnection, table: Table, staged: list[Staged]) -> None:
    """The table as the rest of the checker sees it: ``_file``, ``_row`` and the typed fields.

    When every part numbers its rows by ``rowid`` it is a view over the staged data (copying
    millions of rows costs more than reading them); otherwise it is materialised once.
    """
    fields = ", ".join(ident(f.name) for f in table.fields)
    existing = con.execute(
        "SELECT 'TABLE' FROM duckdb_tables() WHERE table_name = ? AND NOT temporary "
        "UNION ALL SELECT 'VIEW' FROM duckdb_views() WHERE view_name = ? AND NOT temporary",
        [table.name, table.name],
    ).fetchall()
    for (kind,) in existing:  # from an earlier ingest on the same connection
        con.execute(f"DROP {kind} {ident(table.name)}")
    if not staged:
        con.execute(f"CREATE OR REPLACE TABLE {ident(table.name)} AS {_empty_table(table)}")
        return
    body = " UNION ALL ".join(
        f"SELECT {lit(s.file)} AS _file, _row, {fields} FROM {s.view} WHERE NOT _blank"
        for s in staged
    )
    looked_up = [
        f
        for f in table.fields
        if f.lookup is not None and any(f.lookup.via in s.lookups for s in staged)
    ]
    if looked_up:
        # a row that names the employee only by PNS ID takes the NIP of that PNS ID: one join,
        # materialised, so the rules and checks after intake see the NIP
        outer = ", ".join(
            f"coalesce(s.{ident(f.name)}, k{i}.v) AS {ident(f.name)}"
            if f in looked_up
            else f"s.{ident(f.name)}"
            for i, f in enumerate(table.fields)
        )
        joins = " ".join(
            f"LEFT JOIN (SELECT {ident(f.lookup.via)} AS k, min({ident(f.name)}) AS v "
            f"FROM {ident(f.lookup.resource)} WHERE {ident(f.lookup.via)} IS NOT NULL "
            f"GROUP BY ALL) k{i} ON s.{ident(f.name)} IS NULL AND k{i}.k = s.{ident(f.lookup.via)}"
            for i, f in enumerate(table.fields)
            if f in looked_up and f.lookup is not None
        )
        body = f"SELECT s._file, s._row, {outer} FROM ({body}) s {joins}"
    simple = all(s.simple for s in staged) and not looked_up
    kind = "VIEW" if simple else "TABLE"
    con.execute(f"CREATE OR REPLACE {kind} {ident(table.name)} AS {body}")


def _assembly_order(schema: Mapping[str, Table]) -> list[Table]:
    """The tables in an order where a table another one looks values up in comes first."""
    first = {f.lookup.resource for t in schema.values() for f in t.fields if f.lookup}
    return sorted(schema.values(), key=lambda t: t.name not in first)


def ingest(
    paths: Iterable[str | Path],
    *,
    schema: Mapping[str, Table] | None = None,
    connection: duckdb.DuckDBPyConnection | None = None,
    progress: Progress | None = None,
    limits: Limits | None = None,
    budget: Budget | None = None,
) -> Dataset:
    """Read agency files into typed tables; every problem becomes a finding.

    Example: ``ingest(["kiriman/"]).findings`` lists what the agency must fix, and
    ``ingest(["pegawai.csv"]).connection.sql("SELECT count(*) FROM pegawai")`` counts employees.

    ``schema`` is the Table Schema of the policy version the data will be judged by (default:
    the schema of the version in use here, see :func:`checker.data.schema.load_schema`).
    ``limits`` is the budget (default :meth:`checker.limits.Limits.cli`); ``budget``, when the
    check has a time limit, interrupts the typing of files that runs beside the main connection.

    CSV files are typed two at a time, each on a cursor of its own
    (:func:`checker.data.dataset.cursors`); what each gives is taken in the order of the files.
    """
    limits = limits or Limits.cli()
    schema = dict(schema) if schema is not None else load_schema()
    files = discover(paths)
    con = connection or connect(limits, files)
    findings: list[Finding] = []
    inputs: list[InputFile] = []
    gaps: list[Gap] = []
    staged: dict[str, list[Staged]] = {name: [] for name in schema}
    # Staging tables stay behind the views; a second ingest on the same connection must not
    # collide with the first one's.
    counted = con.execute("SELECT count(*) FROM duckdb_tables()").fetchone()
    base = 1000 * (int(counted[0]) if counted else 0)
    # Hashing releases the GIL, so it runs beside DuckDB's reading instead of before it.
    with (
        ThreadPoolExecutor(max_workers=1) as pool,
        tempfile.TemporaryDirectory(prefix="kebijakan-") as tmp,
        cursors(con, budget) as typing,
    ):
        hashes = {str(path): pool.submit(file_sha256, path) for path in files}
        work = Path(tmp)
        jobs: list[
            tuple[int, Path, readers.Source, Layout, list[Finding], Future[Staged | None]]
        ] = []
        for done, path in enumerate(files):
            by_name = table_by_name(path.stem, schema)
            for src in _sources(path, work, findings, by_name.name if by_name else None, limits):
                layout = _layout(src, schema, findings, limits.columns_per_table)
                if layout is None:
                    continue
                name, own = f"_stage{base + len(jobs)}", list[Finding]()
                job: Future[Staged | None]
                if src.sniffed is not None:
                    job = typing.submit(
                        partial(
                            stage_csv, src=src, layout=layout, name=name, findings=own, work=work
                        )
                    )
                else:  # a sheet or a JSON file: its rows come through Python, here
                    job = Future()
                    job.set_result(stage_workbook_sheet(con, src, layout, name, work, own))
                jobs.append((done, path, src, layout, own, job))
        for done, path, src, layout, own, job in jobs:
            if progress:
                progress(done, len(files), str(path))
            st = job.result()
            findings.extend(own)
            if st is None:
                continue
            if src.sheet and st.rows == 0:
                st.drop(con)  # an untouched template sheet: nothing was sent
                continue
            st.find_lookups(con, layout.table)
            staged[layout.table.name].append(st)
            findings.extend(_missing_in_regime(con, st, layout))
            if layout.gaps:
                row = layout.header_row or None  # a JSON file has no header line
                gaps.append(Gap(st.file, layout.table.name, row, tuple(layout.gaps)))
            inputs.append(InputFile(st.file, layout.table.name, st.rows, str(path)))
        if progress:
            progress(len(files), len(files), "")
        if not inputs and not any(f.table and f.severity == "error" for f in findings):
            # nothing could be read and no finding fails the check: never a report that passes.
            # (A file of a known table that is broken is reported as an error finding.) The
            # first finding says what to do with the file; otherwise give the general advice
            # (by file name, so it also fits operators of the upload page)
            detail = (
                findings[0].message
                if findings
                else (
                    "Beri nama berkas atau lembar sesuai tabelnya (mis. pegawai.csv) atau gunakan "
                    "templat Excel yang disediakan BKD."
                )
            )
            raise InputError(
                "Tidak ada tabel yang dikenali dalam berkas yang diberikan. " + detail,
                files[0] if len(files) == 1 else None,
            )
        present = {name for name, parts in staged.items() if parts}
        for table in _assembly_order(schema):
            _assemble(con, table, staged[table.name])
            for st in staged[table.name]:
                findings.extend(st.bad_findings(con, table))
        for table in schema.values():
            if table.name in present:
                findings.extend(unique_findings(con, table))
                findings.extend(scale_findings(con, table))
            findings.extend(reference_findings(con, table, present))
            if table.name in present:
                findings.extend(lookup_findings(con, table, present))
    findings.sort(key=Finding.sort_key)
    # Until here ``sha256`` held the path of the file the input came from.
    inputs = [i._replace(sha256=hashes[i.sha256].result()) for i in inputs]
    return Dataset(con, schema, findings, inputs, present, gaps)
