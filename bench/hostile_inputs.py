"""Hostile inputs for the intake benchmarks (:mod:`bench.hostile`, :mod:`bench.fuzz`).

Workbooks are written by hand with :mod:`zipfile` rather than openpyxl: a sheet of 7 million
cells is a stream of identical ``<c><v>1</v></c>`` fragments that deflate shrinks to a few hundred
kilobytes in seconds, where openpyxl would take minutes, and a hand-written sheet can carry what a
real writer never would (a dimension of the whole grid, one cell at column 1 000).
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from openpyxl.utils import get_column_letter

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
BOOK_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
MAX_DIMENSION = "A1:XFD1048576"
# golongan values that look like formulas or numbers: spreadsheet injection and Excel's habit of
# turning "1.1" into a number must both end as SKEMA-ENUM findings, never as evaluated values
ENUM_GARBAGE = ("=1+1", "1.1", "\uff1d1+1")

Rows = Sequence[Sequence[str]]


def column_letter(index: int) -> str:
    """The column letters of a 1-based column index (1 → A, 1000 → ALL, 16384 → XFD)."""
    return get_column_letter(index)


def row_xml(values: Sequence[str], row: int | None = None) -> bytes:
    """One ``<row>`` of inline-string cells; with ``row`` the cells carry their references."""
    cells = []
    for col, value in enumerate(values, start=1):
        ref = f' r="{column_letter(col)}{row}"' if row is not None else ""
        cells.append(f'<c{ref} t="inlineStr"><is><t>{escape(value)}</t></is></c>')
    head = f'<row r="{row}">' if row is not None else "<row>"
    return (head + "".join(cells) + "</row>").encode("utf-8")


def rows_xml(rows: Rows) -> Iterator[bytes]:
    """The ``<row>`` elements of ``rows``, numbered from 1."""
    for number, values in enumerate(rows, start=1):
        yield row_xml(values, number)


def write_xlsx(
    path: Path,
    sheets: Sequence[tuple[str, Iterable[bytes]]],
    *,
    dimension: str | None = None,
) -> Path:
    """Write a minimal workbook: one sheet per ``(name, row_fragments)``, streamed into the zip
    (``row_fragments`` may be a generator of any length). ``dimension`` is written as every
    sheet's ``<dimension ref=…>`` (a real writer puts the used range there)."""
    names = [name for name, _ in sheets]
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{SHEET_TYPE}"/>'
        for i in range(1, len(names) + 1)
    )
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{BOOK_TYPE}"/>{overrides}</Types>'
    )
    root_rels = (
        f'<Relationships xmlns="{PKG_REL_NS}"><Relationship Id="rId1" '
        f'Type="{REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    )
    book = (
        f'<workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}"><sheets>'
        + "".join(
            f'<sheet name="{escape(name)}" sheetId="{i}" r:id="rId{i}"/>'
            for i, name in enumerate(names, start=1)
        )
        + "</sheets></workbook>"
    )
    book_rels = (
        f'<Relationships xmlns="{PKG_REL_NS}">'
        + "".join(
            f'<Relationship Id="rId{i}" Type="{REL_NS}/worksheet" '
            f'Target="worksheets/sheet{i}.xml"/>'
            for i in range(1, len(names) + 1)
        )
        + "</Relationships>"
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", content_types)
        zf.writestr("_rels/.rels", root_rels)
        zf.writestr("xl/workbook.xml", book)
        zf.writestr("xl/_rels/workbook.xml.rels", book_rels)
        for i, (_, fragments) in enumerate(sheets, start=1):
            with zf.open(f"xl/worksheets/sheet{i}.xml", "w", force_zip64=True) as out:
                out.write(f'<worksheet xmlns="{MAIN_NS}">'.encode())
                if dimension:
                    out.write(f'<dimension ref="{dimension}"/>'.encode())
                out.write(b"<sheetData>")
                buffer = io.BytesIO()
                for fragment in fragments:
                    buffer.write(fragment)
                    if buffer.tell() > 1 << 20:
                        out.write(buffer.getvalue())
                        buffer = io.BytesIO()
                out.write(buffer.getvalue())
                out.write(b"</sheetData></worksheet>")
    return path


def patch_dimension(sheet_xml: bytes, ref: str) -> bytes:
    """The sheet XML with its ``<dimension>`` set to ``ref`` (inserted when it has none)."""
    tag = f'<dimension ref="{ref}"/>'.encode()
    if re.search(rb"<dimension\b[^>]*/>", sheet_xml):
        return re.sub(rb"<dimension\b[^>]*/>", tag, sheet_xml, count=1)
    after = re.search(rb"</sheetPr>|<sheetPr\b[^>]*/>", sheet_xml)
    if after is None:
        after = re.search(rb"<worksheet\b[^>]*>", sheet_xml)
    if after is None:
        return sheet_xml
    return sheet_xml[: after.end()] + tag + sheet_xml[after.end() :]


def csv_bytes(rows: Rows, newline: str = "\n", encoding: str = "utf-8") -> bytes:
    """``rows`` as CSV text with ``newline`` after every line."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator=newline).writerows(rows)
    return buffer.getvalue().encode(encoding)


def read_csv(path: Path) -> list[list[str]]:
    """The rows of a UTF-8 CSV file."""
    with path.open(encoding="utf-8", newline="") as fh:
        return [row for row in csv.reader(fh) if row]


# ---- the hostile cases of bench/hostile.py; each writes its input under ``out`` -------------


def far_cell_xlsx(out: Path, table: Rows) -> Path:
    """A valid small ``pegawai`` sheet plus one cell at row 100 000, column 1 000: a reader that
    lays the used range out densely holds 100 million cells."""
    far = f'<row r="100000"><c r="{column_letter(1000)}100000"><v>1</v></c></row>'.encode()
    return write_xlsx(out / "far_cell.xlsx", [("pegawai", [*rows_xml(table), far])])


def max_dimension_xlsx(out: Path, table: Rows) -> Path:
    """A valid small ``pegawai`` sheet whose dimension claims the whole grid (A1:XFD1048576):
    a reader that trusts it allocates 17 billion cells."""
    return write_xlsx(
        out / "max_dimension.xlsx", [("pegawai", rows_xml(table))], dimension=MAX_DIMENSION
    )


def wide_csv(out: Path, table: Rows, columns: int, rows: int = 20) -> Path:
    """``pegawai.csv`` with the real columns padded with ``x…`` columns to ``columns`` wide."""
    header, body = list(table[0]), table[1 : rows + 1]
    extra = columns - len(header)
    lines = [header + [f"x{i}" for i in range(extra)]]
    lines += [list(row) + ["1"] * extra for row in body]
    path = out / f"wide_{columns}" / "pegawai.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(csv_bytes(lines))
    return path


def million_cells_xlsx(out: Path, table: Rows, cells: int = 7_000_000) -> Path:
    """A ``pegawai`` sheet of ``cells`` one-character cells (rows as wide as the header):
    about 100 MB of XML that deflates to a few hundred kilobytes — a zip bomb in spirit."""
    width = len(table[0])
    row = b"<row>" + b"<c><v>1</v></c>" * width + b"</row>"
    rows = cells // width

    def fragments() -> Iterator[bytes]:
        yield row_xml(table[0])
        block = row * 1000
        for _ in range(rows // 1000):
            yield block
        yield row * (rows % 1000)

    return write_xlsx(out / "cells_7m.xlsx", [("pegawai", fragments())])


def bare_cr_csv(out: Path, table: Rows) -> Path:
    """``pegawai.csv`` with old-Mac line endings (CR only)."""
    path = out / "bare_cr" / "pegawai.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(csv_bytes(table, "\r"))
    return path


def line_separator_csv(out: Path, table: Rows) -> Path:
    """``pegawai.csv`` whose lines are separated by U+2028 LINE SEPARATOR, no newline at all."""
    path = out / "u2028" / "pegawai.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(csv_bytes(table, "\u2028"))
    return path


def nul_csv(out: Path, table: Rows) -> Path:
    """``pegawai.csv`` with one NUL byte inside a name in the middle of the file."""
    data = csv_bytes(table)
    name = table[len(table) // 2][1].encode("utf-8")
    at = data.index(name) + len(name) // 2
    path = out / "nul" / "pegawai.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data[:at] + b"\x00" + data[at:])
    return path


def no_extension_csv(out: Path, table: Rows) -> Path:
    """A CSV named ``pegawai``, without ``.csv``."""
    path = out / "no_extension" / "pegawai"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(csv_bytes(table))
    return path


def enum_garbage_csv(out: Path, table: Rows) -> Path:
    """``pegawai.csv`` whose first rows have golongan ``=1+1``, ``1.1`` and ``＝1+1``."""
    col = list(table[0]).index("golongan")
    rows = [list(r) for r in table]
    for i, value in enumerate(ENUM_GARBAGE, start=1):
        rows[i][col] = value
    path = out / "enum_garbage" / "pegawai.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(csv_bytes(rows))
    return path
