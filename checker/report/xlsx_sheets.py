"""The sheets of the fix-it workbook ("Ringkasan", "Temuan", one per table) and the one way
every value becomes a cell.

Write-only sheets take column widths, frozen panes and filters before their first row, so each
sheet's rows are assembled first, measured, then written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Generic, TypeVar

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from checker.report.finding import CATEGORIES, SEVERITIES, Finding
from checker.report.labels import (
    CATEGORY_MEANINGS,
    DISPENSED_TITLE,
    NO_FINDINGS,
    as_of_date,
    by_rule,
    category_label,
    found_text,
    group_categories,
    group_category_text,
    group_severity,
    header_facts,
    opd_table,
    required_text,
    rule_title,
    severity_label,
    years_text,
)
from checker.report.report import Report
from checker.report.tabular import formula_like

T = TypeVar("T")
DISPENSED = "dispensed"
Record = tuple[dict[str, Any], list[Finding]]  # a source row and the findings on it

DATE_FORMAT = "DD/MM/YYYY"
TEXT_FORMAT = "@"
MAX_TEXT = 32767  # Excel's limit for one cell
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
SEVERITY_STYLE = {
    "error": (PatternFill("solid", fgColor="FFC7CE"), Font(color="9C0006", bold=True)),
    "warning": (PatternFill("solid", fgColor="FFEB9C"), Font(color="9C5700")),
    "info": (PatternFill("solid", fgColor="DDEBF7"), Font(color="1F4E78")),
    # a dispensed finding: grey, so it reads as recorded but not counted
    DISPENSED: (PatternFill("solid", fgColor="EDEDED"), Font(color="595959", italic=True)),
}
WIDTH_SAMPLE = 2000  # rows measured for column widths; enough to be typical, cheap at scale
RESERVED = ("ringkasan", "temuan")
TITLE = "Laporan Pemeriksaan Data Kepegawaian"
INSTRUCTIONS = (
    "Lembar Temuan memuat semua temuan. Pakai tombol saring pada baris judul untuk memilih "
    "tingkat, jenis temuan, aturan, perangkat daerah, atau NIP.",
    "Setiap lembar bernama tabel (misalnya pegawai) memuat baris data yang bermasalah persis "
    "seperti dikirim; sel yang bermasalah diberi warna dan temuannya tertulis di sebelah kanan.",
    "Perbaiki data pada sistem atau berkas sumber di berkas dan baris yang disebut, lalu "
    "kirim ulang dan periksa kembali.",
    "Kesalahan wajib diperbaiki, peringatan perlu ditinjau, info cukup diketahui. Temuan "
    "berwarna abu-abu dicakup dispensasi yang berlaku (kolom Dispensasi): dicatat, tidak "
    "dihitung, dan tidak perlu diperbaiki selama dispensasinya berlaku.",
    # here instructions() puts the categories, in the words of the label table
    "Buku kerja ini memuat data pribadi (NIP, nama, tanggal lahir). Simpan dengan aman dan "
    "bagikan hanya kepada petugas yang berwenang.",
)


def instructions() -> list[str]:
    """The numbered lines of "Cara memakai buku kerja ini": :data:`INSTRUCTIONS` with a line
    naming the categories (labels from :data:`~checker.report.labels.CATEGORY_LABELS`) before
    the note on personal data."""
    *others, last = (category_label(c) for c in CATEGORIES)
    categories = (
        f"Kolom Jenis temuan menyebut jenis temuan menurut Peraturan Gubernur: "
        f"{', '.join(others)}, atau {last}; artinya dijelaskan pada tabel Jumlah temuan per jenis "
        "di bawah. Hanya tingkat temuan yang menentukan apakah pemeriksaan dinyatakan gagal."
    )
    lines = [*INSTRUCTIONS[:-1], categories, INSTRUCTIONS[-1]]
    return [f"{number}. {line}" for number, line in enumerate(lines, 1)]


def cell(
    sheet: Any,
    value: Any,
    *,
    text: bool = False,
    severity: str | None = None,
    header: bool = False,
    wrap: bool = False,
) -> Cell:
    """One write-only cell: strings always as string cells (quote-prefixed when formula-like),
    dates as ``DD/MM/YYYY``, booleans as Ya/Tidak; ``text`` forces the ``@`` format (NIP)."""
    if isinstance(value, bool):
        value = "Ya" if value else "Tidak"
    elif isinstance(value, dt.datetime) and value.tzinfo is not None:
        value = value.replace(tzinfo=None)  # Excel has no time zones; keep the wall time
    elif (text and value is not None) or not isinstance(
        value, str | int | float | Decimal | dt.date | None
    ):
        value = str(value)
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)[:MAX_TEXT]
    out = WriteOnlyCell(sheet, value)
    if isinstance(value, str):
        out.data_type = "s"  # openpyxl would store "=..." as a formula and "#N/A" as an error
        if formula_like(value):
            out.quotePrefix = True
    if isinstance(value, dt.datetime):
        out.number_format = DATE_FORMAT + " hh:mm"
    elif isinstance(value, dt.date):
        out.number_format = DATE_FORMAT
    elif text:
        out.number_format = TEXT_FORMAT
    if header:
        out.font, out.fill = HEADER_FONT, HEADER_FILL
    if severity in SEVERITY_STYLE:
        out.fill, out.font = SEVERITY_STYLE[severity]
    out.alignment = WRAP if wrap else TOP
    return out


def set_widths(
    sheet: Any, rows: list[list[Any]], caps: dict[int, int] | None = None, cap: int = 50
) -> None:
    """Column widths from the longest line in each column, between 8 and the column's cap.

    Call before the first row is written (write-only sheets take widths up front)."""
    widths: dict[int, int] = {}
    for row in rows:
        for index, value in enumerate(row, 1):
            if value is None:
                continue
            longest = max((len(line) for line in _display(value).splitlines()), default=0)
            widths[index] = max(widths.get(index, 0), longest)
    for index, width in sorted(widths.items()):
        limit = (caps or {}).get(index, cap)
        sheet.column_dimensions[get_column_letter(index)].width = min(max(width + 2, 8), limit)


def _display(value: Any) -> str:
    if isinstance(value, dt.date):
        return "00/00/0000"
    return str(value)


@dataclass(frozen=True)
class Column(Generic[T]):
    """One column of a data sheet: its header, how to read a record, how to show it."""

    header: str
    value: Callable[[T], Any]
    cap: int = 40  # widest the column may be made, in characters
    text: bool = False  # always text (NIP), "@" format
    wrap: bool = False
    mark: Callable[[T], str | None] | None = None  # severity whose colour the cell takes


def write_records(sheet: Any, columns: list[Column[T]], records: Sequence[T]) -> None:
    """A header row (frozen, with filters) then one row per record."""
    sample = [[c.header for c in columns]]
    sample += [[c.value(r) for c in columns] for r in records[:WIDTH_SAMPLE]]
    set_widths(sheet, sample, caps={i: c.cap for i, c in enumerate(columns, 1)})
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(records) + 1}"
    sheet.append([cell(sheet, c.header, header=True) for c in columns])
    for record in records:
        sheet.append(
            [
                cell(
                    sheet,
                    c.value(record),
                    text=c.text,
                    wrap=c.wrap,
                    severity=c.mark(record) if c.mark else None,
                )
                for c in columns
            ]
        )


def summary_sheet(workbook: Any, report: Report) -> None:
    """ "Ringkasan": what was checked against what, how to use the workbook, and the counts."""
    sheet = workbook.create_sheet("Ringkasan")
    for letter, width in zip("ABCDEF", (34, 48, 14, 14, 14, 20), strict=True):
        sheet.column_dimensions[letter].width = width
    rows: list[list[Cell]] = [[cell(sheet, TITLE, header=True)], []]
    facts: list[tuple[str, Any]] = [
        *header_facts(report),
        ("Alat", f"kebijakan {report.tool_version}"),
        ("Tanggal acuan", as_of_date(report)),
        ("Tahun diperiksa", years_text(report)),
    ]
    rows += [[cell(sheet, label, header=True), cell(sheet, value)] for label, value in facts]
    rows += [[], [cell(sheet, "Cara memakai buku kerja ini", header=True)]]
    rows += [[cell(sheet, line)] for line in instructions()]
    rows += _block(
        sheet,
        "Berkas masukan",
        ("Berkas", "Tabel", "Baris", "SHA-256"),
        [(i.path, i.table, i.rows, i.sha256) for i in report.inputs],
    )
    counts = report.counts_by_severity()
    rows += _block(
        sheet,
        "Jumlah temuan per tingkat",
        ("Tingkat", "Jumlah"),
        [(severity_label(s).capitalize(), counts[s]) for s in SEVERITIES],
    )
    by_category = report.counts_by_category()
    rows += _block(
        sheet,
        "Jumlah temuan per jenis",
        ("Jenis temuan", "Jumlah", "Artinya"),
        [
            (category_label(c).capitalize(), by_category[c], CATEGORY_MEANINGS.get(c, ""))
            for c in CATEGORIES
        ],
    )
    if not report.findings:
        rows += [[], [cell(sheet, NO_FINDINGS)]]
    else:
        rows += _block(
            sheet,
            "Jumlah temuan per aturan",
            ("Aturan", "Judul", "Tingkat", "Jenis temuan", "Jumlah"),
            [
                (
                    rule,
                    rule_title(report, rule),
                    severity_label(group_severity(found)).capitalize(),
                    group_category_text(found).capitalize(),
                    len(found),
                )
                for rule, found in by_rule(report)
            ],
        )
        header, opd_rows = opd_table(report)
        rows += _block(
            sheet, "Jumlah temuan per perangkat daerah", header, [tuple(row) for row in opd_rows]
        )
    if report.dispensations:
        rows += _block(
            sheet,
            DISPENSED_TITLE,
            ("Dispensasi", "Aturan", "Lingkup", "Berlaku s.d.", "Temuan"),
            [
                (
                    d.id,
                    ", ".join(d.rules),
                    d.description,
                    dt.date.fromisoformat(d.valid_until),
                    d.findings,
                )
                for d in report.dispensations
            ],
        )
    for row in rows:
        sheet.append(row)


def _block(
    sheet: Any, title: str, header: Sequence[str], rows: list[tuple[Any, ...]]
) -> list[list[Cell]]:
    out = [[], [cell(sheet, title, header=True)], [cell(sheet, h, header=True) for h in header]]
    return out + [[cell(sheet, value) for value in row] for row in rows]


def findings_sheet(workbook: Any, report: Report) -> None:
    """ "Temuan": every finding, one per row, in report order."""
    sheet = workbook.create_sheet("Temuan")
    columns: list[Column[Finding]] = [
        Column("Tingkat", _severity_text, 24, mark=_severity_mark),
        Column("Aturan", lambda f: f.rule, 24),
        Column("Jenis temuan", lambda f: category_label(f.category), 34),
        Column("Pasal", lambda f: f.clause.citation if f.clause else None, 24),
        Column("Tabel", lambda f: f.table, 20),
        Column("Berkas", lambda f: f.file, 40),
        Column("Baris", lambda f: f.row, 8),
        Column("Kolom", lambda f: f.column, 20),
        Column("NIP", lambda f: f.nip, 21, text=True),
        Column("Instansi", lambda f: f.instansi, 36),
        Column("Perangkat daerah", lambda f: f.opd, 36),
        Column("Periode", lambda f: f.period, 10, text=True),
        Column("Tercatat", found_text, 24),
        Column("Seharusnya", required_text, 24),
        Column("Berlaku sejak", lambda f: _date(f.expected_since), 14),
        Column("Pesan", lambda f: f.message, 90, wrap=True),
    ]
    if report.dispensations or report.dispensed():
        columns.append(Column("Dispensasi", lambda f: f.dispensation, 20, mark=_severity_mark))
    write_records(sheet, columns, report.findings)


def _severity_text(finding: Finding) -> str:
    label = severity_label(finding.severity)
    return f"{label} (didispensasi)" if finding.dispensation else label


def _severity_mark(finding: Finding) -> str | None:
    if finding.dispensation:
        return DISPENSED
    return finding.severity if finding.severity in SEVERITIES else None


def table_sheet(workbook: Any, report: Report, table: str, rows: list[dict[str, Any]]) -> None:
    """One table's offending rows as they were sent, the offending cells coloured, and the
    findings on each row beside it (several findings joined with line breaks)."""
    sheet = workbook.create_sheet(sheet_title(table))
    on_row: dict[tuple[Any, Any], list[Finding]] = {}
    for finding in report.findings:
        if finding.table == table:
            on_row.setdefault((finding.file, finding.row), []).append(finding)
    records = [(row, on_row.get((row.get("_file"), row.get("_row")), [])) for row in rows]
    names = list(dict.fromkeys(k for row in rows for k in row if k not in ("_file", "_row")))
    columns: list[Column[Record]] = [
        Column(name, _getter(name), 30, text=_is_nip(name), mark=_marker(name)) for name in names
    ]
    columns += [
        Column(
            "Tingkat temuan", lambda r: _worst(r[1], label=True), 16, mark=lambda r: _worst(r[1])
        ),
        Column("Jenis temuan", lambda r: _categories(r[1]), 34, wrap=True),
        Column("Aturan", lambda r: "\n".join(dict.fromkeys(f.rule for f in r[1])), 24, wrap=True),
        Column("Temuan", lambda r: "\n".join(_message(f) for f in r[1]), 90, wrap=True),
        Column("Berkas", lambda r: r[0].get("_file"), 40),
        Column("Baris", lambda r: r[0].get("_row"), 8),
    ]
    write_records(sheet, columns, records)


def sheet_title(name: str) -> str:
    """A valid sheet title for a table name (no ``[]:*?/\\``, at most 31 characters)."""
    clean = "".join("_" if ch in "[]:*?/\\" else ch for ch in name).strip("'") or "tabel"
    return ("data " + clean if clean.lower() in RESERVED else clean)[:31]


def _getter(name: str) -> Callable[[Record], Any]:
    return lambda record: record[0].get(name)


def _marker(name: str) -> Callable[[Record], str | None]:
    return lambda record: _worst([f for f in record[1] if f.column == name])


def _message(finding: Finding) -> str:
    if finding.dispensation:
        return f"[didispensasi {finding.dispensation}] {finding.message}"
    return finding.message


def _worst(findings: list[Finding], *, label: bool = False) -> str | None:
    """The worst severity among findings no dispensation covers; "didispensasi" when all are
    covered; None without findings."""
    if not findings:
        return None
    active = [f for f in findings if not f.dispensation]
    if not active:
        return "didispensasi" if label else DISPENSED
    worst = group_severity(active)
    return severity_label(worst) if label else worst


def _categories(findings: list[Finding]) -> str | None:
    """The category labels of the findings on a row (those no dispensation covers, or all when
    every one is covered), one per line; None without findings."""
    if not findings:
        return None
    active = [f for f in findings if not f.dispensation] or findings
    return "\n".join(category_label(c) for c in group_categories(active))


def _is_nip(name: str) -> bool:
    return name == "nip" or name.startswith("nip_") or name.endswith("_nip")


def _date(value: str | None) -> dt.date | str | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return value
