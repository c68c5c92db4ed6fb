"""Workbooks within the budget: look at a workbook's sheets before a reader lays them out.

calamine lays a sheet out as a dense grid from A1 to the last used cell, so one value at row
100 000, column 1 000 costs 3.9 GiB, and one at XFD1048576 aborts the process. Before calamine
touches an XLSX, :func:`scan_xlsx` streams each worksheet part out of the zip and counts the cells
that hold a value and the last used row and column (C-speed passes over the XML, a regex search
for a cell beyond the extent seen so far, a Python loop only for sheets whose cells lack ``r``).
Then, per sheet:

* its extent (last row × last column) fits ``Limits.sheet_extent`` and is not mostly empty:
  calamine reads it, as always;
* otherwise, when the file's cells fit ``Limits.cells_per_file``, openpyxl reads it row by row
  and keeps only the rows that hold a value (a careless export with one stray far cell is checked
  in seconds, not refused);
* the file holds more cells than ``cells_per_file``: it is refused (:class:`OverBudget`).

The ``<dimension>`` tag's claim is recorded but not acted on: calamine does not allocate from it
(measured: a 10-row table claiming ``A1:XFD1048576`` reads in 15 MB). ODS is scanned the same way
from ``content.xml`` (repeated rows and cells counted, not expanded); an ODS, XLS or XLSB sheet
over the extent is refused, since only calamine reads those. XLS cannot be scanned here; its
format caps a sheet at 65 536 × 256 cells.
"""

from __future__ import annotations

import functools
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any
from xml.etree import ElementTree

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException
from python_calamine import CalamineWorkbook

from checker.data import messages
from checker.data.readers import PREVIEW_ROWS, Source, _cell_text
from checker.limits import Limits

CHUNK = 1 << 22
# no tag of a sheet is this long; a part that has one is not a sheet
LONGEST_TAG = 1 << 20
# A sheet whose extent is over SPARSE_RATIO × its cells (plus some slack) is read by openpyxl
# even within the budget: calamine costs about 0.16 µs a laid-out cell, openpyxl about 20 µs a
# cell it reads (measured), so a stray far cell is cheaper to read sparsely than to lay out.
SPARSE_RATIO = 100
SPARSE_SLACK = 2_000_000
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


# what reading a damaged workbook raises, besides calamine's own errors: a broken zip or deflate
# stream, an entry cut short, a zip feature Python lacks, XML that is not XML
DAMAGED: tuple[type[BaseException], ...] = (
    KeyError,
    EOFError,
    NotImplementedError,
    UnicodeDecodeError,
    zipfile.BadZipFile,
    zlib.error,
    ElementTree.ParseError,
    InvalidFileException,
)


def damaged(exc: BaseException) -> bool:
    """Whether ``exc`` means "this workbook is damaged" (a Rust panic in calamine included)."""
    return isinstance(exc, DAMAGED) or type(exc).__name__ == "PanicException"


class OverBudget(Exception):
    """A workbook the check will not read; ``message`` says why and what to do, in Indonesian."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class SheetScan:
    """What a sheet holds, learned without laying it out."""

    name: str
    cells: int = 0  # cells that hold a value (a formula without a cached value counts too)
    rows: int = 0  # last row with a value, 1-based (0: none)
    columns: int = 0  # last column with a value, 1-based
    claimed: int | None = None  # rows × columns the <dimension> tag claims, when there is one

    @property
    def extent(self) -> int:
        """Cells a dense reader lays out for this sheet (A1 to the last used cell)."""
        return self.rows * self.columns


@dataclass
class BookScan:
    """The sheets of one workbook; ``complete`` is False when the scan stopped over the limit."""

    sheets: dict[str, SheetScan]
    complete: bool = True

    @property
    def cells(self) -> int:
        """Cells with a value in all sheets (a lower bound when the scan stopped early)."""
        return sum(s.cells for s in self.sheets.values())


# --- references -----------------------------------------------------------------------------


def column_number(letters: bytes | str) -> int:
    """``A`` → 1, ``Z`` → 26, ``AA`` → 27, ``XFD`` → 16 384."""
    n = 0
    for ch in letters.upper() if isinstance(letters, str) else letters.upper().decode():
        n = n * 26 + ord(ch) - 64
    return n


def _letters(n: int) -> str:
    out = ""
    while n:
        n, rest = divmod(n - 1, 26)
        out = chr(65 + rest) + out
    return out


def _extent(ref: str) -> int | None:
    """Cells of a range like ``A1:XFD1048576`` (None when it is not one)."""
    corners = [re.fullmatch(r"\$?([A-Za-z]{1,3})\$?([0-9]{1,7})", c) for c in ref.split(":")]
    if not corners or len(corners) > 2 or not all(corners):
        return None
    cols = [column_number(m[1]) for m in corners if m]
    rows = [int(m[2]) for m in corners if m]
    return (max(rows) - min(rows) + 1) * (max(cols) - min(cols) + 1)


def _greater(text: str, digits: bool) -> str:
    """A regex for the numbers (digits) or column names (letters) beyond ``text``."""
    first, rest = ("[1-9]", "[0-9]") if digits else ("[A-Z]", "[A-Z]")
    top = "9" if digits else "Z"
    # longer is greater (leading zeros, which calamine would read through, are skipped first)
    alts = [f"{first}{rest}{{{len(text)},}}"] if text else [f"{first}{rest}*"]
    for i, ch in enumerate(text):
        if ch < top:
            alts.append(f"{text[:i]}[{chr(ord(ch) + 1)}-{top}]{rest}{{{len(text) - i - 1}}}")
    return ("0*" if digits else "") + "(?:" + "|".join(alts) + ")"


@functools.lru_cache(maxsize=64)
def _beyond(prefix: bytes, rows: int, columns: int) -> re.Pattern[bytes]:
    """A cell reference beyond ``rows`` or ``columns`` (one pattern: every match attempt costs
    about 100 ns whatever it holds, and a sheet has millions of cells)."""
    col = _greater(_letters(columns), digits=False)
    row = _greater(str(rows) if rows else "", digits=True)
    p = re.escape(prefix.decode())
    return re.compile(f'<{p}c r="(?:(?:{col})[0-9]|[A-Z]+(?:{row})")'.encode(), re.IGNORECASE)


# --- XLSX --------------------------------------------------------------------------------------

_SHEET_DATA = re.compile(rb"<(?:([A-Za-z_][\w.-]*):)?sheetData\b([^>]*)>")
_DIMENSION = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?dimension\s[^>]*?\bref="([^"]*)"')
_REF = re.compile(rb'\sr="([A-Za-z]*)([0-9]*)"')


def _tags(stream: IO[bytes]) -> Iterator[bytes]:
    """The stream in chunks of whole tags (each ends at a ``>``), read a chunk at a time."""
    carry = b""
    while block := stream.read(CHUNK):
        data = carry + block
        cut = data.rfind(b">") + 1
        yield data[:cut]
        rest = data[cut:]
        lt = rest.rfind(b"<")
        carry = rest[lt:] if lt >= 0 else b""  # text between tags is not needed
        if len(carry) > LONGEST_TAG:
            raise ValueError("a tag longer than any sheet has")
    if carry:
        yield carry


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → its part in the zip, from xl/workbook.xml and its relationships."""
    with archive.open("xl/workbook.xml") as fh:
        book = ElementTree.parse(fh).getroot()
    rels_name = "xl/_rels/workbook.xml.rels"
    targets: dict[str, str] = {}
    if rels_name in archive.NameToInfo:
        with archive.open(rels_name) as fh:
            for rel in ElementTree.parse(fh).getroot():
                target = rel.get("Target", "").replace("\\", "/")
                path = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
                targets[rel.get("Id", "")] = posixpath.normpath(path)
    parts = {}
    for sheet in book.iter():
        if sheet.tag.rpartition("}")[2] == "sheet" and sheet.get("name") is not None:
            part = targets.get(sheet.get(_REL, ""))
            if part in archive.NameToInfo:
                parts[str(sheet.get("name"))] = part
    return parts


def _scan_part(stream: IO[bytes], scan: SheetScan, fast: bool, room: int | None) -> bool | None:
    """Fill ``scan`` from a worksheet part. False when it stopped because the cells went over
    ``room``; None when ``fast`` and a cell has no ``r`` first (scan again with ``fast=False``)."""
    prefix: bytes | None = None
    state = "before"
    row = col = 0  # where the last cell was, for cells that do not say
    for chunk in _tags(stream):
        if room is not None and scan.cells > room:
            return False  # more is left: the count is a lower bound
        start, end = 0, len(chunk)
        if state == "before":
            if scan.claimed is None and (dim := _DIMENSION.search(chunk)):
                scan.claimed = _extent(dim[1].decode("ascii", "replace"))
            opened = _SHEET_DATA.search(chunk)
            if opened is None:
                continue
            prefix = (opened[1] + b":") if opened[1] else b""
            if opened[2].endswith(b"/"):
                return True  # <sheetData/>: no cells
            state, start = "inside", opened.end()
        if state == "after":
            break
        assert prefix is not None
        close = chunk.find(b"</" + prefix + b"sheetData>", start)
        if close >= 0:
            state, end = "after", close
        cell, closed = b"<" + prefix + b"c", b"</" + prefix + b"c>"
        scan.cells += chunk.count(closed, start, end)
        if fast:
            if chunk.count(cell, start, end) != chunk.count(cell + b' r="', start, end):
                return None
            last = chunk.rfind(closed, start, end)
            tag = chunk.rfind(cell + b' r="', start, last) if last >= 0 else -1
            if tag >= 0 and (ref := _REF.match(chunk, tag + len(cell))):
                scan.rows = max(scan.rows, int(ref[2] or 0))
                scan.columns = max(scan.columns, column_number(ref[1]))
            pos = start
            while found := _beyond(prefix, scan.rows, scan.columns).search(chunk, pos, end):
                ref = _REF.match(chunk, found.start() + len(cell))
                pos = chunk.find(b">", found.end()) + 1
                if ref and chunk[pos - 2] != ord("/"):  # a self-closing cell holds nothing
                    scan.rows = max(scan.rows, int(ref[2]))
                    scan.columns = max(scan.columns, column_number(ref[1]))
        else:
            row, col = _walk(chunk, start, end, prefix, scan, row, col)
    return True


def _walk(
    chunk: bytes, start: int, end: int, prefix: bytes, scan: SheetScan, row: int, col: int
) -> tuple[int, int]:
    """Follow every row and cell tag: a cell without ``r`` sits after the previous one."""
    tags = re.compile(b"<" + re.escape(prefix) + rb"(row|c)(?=[\s>/])([^>]*)>")
    for tag in tags.finditer(chunk, start, end):
        ref = _REF.search(tag[2])
        if tag[1] == b"row":
            row = int(ref[2]) if ref and ref[2] else row + 1
            col = 0
            continue
        if ref and ref[1]:
            col = column_number(ref[1])
            row = int(ref[2]) if ref[2] else row
        else:
            col += 1
        if not tag[2].endswith(b"/"):
            scan.rows, scan.columns = max(scan.rows, row), max(scan.columns, col)
    return row, col


def scan_xlsx(path: Path, room: int | None = None) -> BookScan:
    """Scan every sheet of an XLSX/XLSM; stop once the cells go over ``room``."""
    with zipfile.ZipFile(path) as archive:
        book = BookScan({})
        parts = _sheet_parts(archive)
        for name, part in parts.items():
            if room is not None and book.cells > room:
                book.complete = False  # sheets are left
                break
            scan = book.sheets[name] = SheetScan(name)
            left = None if room is None else room - book.cells
            with archive.open(part) as fh:
                done = _scan_part(fh, scan, True, left)
            if done is None:
                scan = book.sheets[name] = SheetScan(name)
                with archive.open(part) as fh:
                    done = _scan_part(fh, scan, False, left)
            if not done:
                book.complete = False
                break
        return book


# --- ODS ---------------------------------------------------------------------------------------

_ODS_TAG = re.compile(
    rb"<(/?)table:(table|table-row|table-cell|covered-table-cell)(?=[\s>/])([^>]*)>"
)
_ODS_NAME = re.compile(rb'\stable:name="([^"]*)"')
_ROWS_REPEATED = re.compile(rb'\stable:number-rows-repeated="([0-9]+)"')
_COLS_REPEATED = re.compile(rb'\stable:number-columns-repeated="([0-9]+)"')


def _repeat(pattern: re.Pattern[bytes], attrs: bytes) -> int:
    found = pattern.search(attrs)
    return int(found[1]) if found else 1


def scan_ods(path: Path, room: int | None = None) -> BookScan:
    """Scan the tables of an ODS: repeated rows and cells are counted, never expanded."""
    book = BookScan({})
    scan: SheetScan | None = None
    row = col = repeat = filled = 0
    with zipfile.ZipFile(path) as archive, archive.open("content.xml") as fh:
        for chunk in _tags(fh):
            for closing, name, attrs in _ODS_TAG.findall(chunk):
                if name == b"table":
                    if not closing:
                        label = _ODS_NAME.search(attrs)
                        title = label[1].decode("utf-8", "replace") if label else ""
                        scan = book.sheets[title] = SheetScan(title)
                        row = 0
                elif scan is None:
                    continue
                elif name == b"table-row":
                    if closing:
                        if filled:
                            scan.cells += filled * repeat
                            scan.rows = row + repeat
                        row += repeat
                    elif attrs.endswith(b"/"):
                        row += _repeat(_ROWS_REPEATED, attrs)
                    else:
                        repeat, col, filled = _repeat(_ROWS_REPEATED, attrs), 0, 0
                elif not closing:
                    n = _repeat(_COLS_REPEATED, attrs)
                    if not attrs.endswith(b"/") or b"value-type=" in attrs:
                        filled += n
                        scan.columns = max(scan.columns, col + n)
                    col += n
            if room is not None and book.cells > room:
                book.complete = False
                break
    return book


# --- reading -----------------------------------------------------------------------------------


def _kind(path: Path) -> str:
    """ "xlsx", "xlsb", "ods" or "other" (XLS, or not a workbook: calamine says which)."""
    if not zipfile.is_zipfile(path):
        return "other"
    with zipfile.ZipFile(path) as archive:
        names = archive.NameToInfo
        if "xl/workbook.xml" in names:
            return "xlsx"
        if "xl/workbook.bin" in names:
            return "xlsb"
        return "ods" if "content.xml" in names else "other"


def _keep(rows: Iterator[tuple[int, list[Any]]], cap: int) -> list[tuple[int, list[Any]]]:
    """The rows that hold a value, without trailing empty cells; past the preview, cut at
    ``cap`` columns (a header wider than that is refused, so no column beyond it is read)."""
    kept: list[tuple[int, list[Any]]] = []
    for number, row in rows:
        if row.count("") + row.count(None) == len(row):  # C-speed: most far-cell rows are empty
            continue
        while row[-1] is None or row[-1] == "":  # 0 and False are values
            row.pop()
        if row:
            cut = len(row) > cap and len(kept) >= PREVIEW_ROWS
            kept.append((number, row[:cap] if cut else row))
    return kept


def _calamine_rows(book: CalamineWorkbook, name: str) -> Iterator[tuple[int, list[Any]]]:
    sheet = book.get_sheet_by_name(name)
    for i, row in enumerate(sheet.to_python(skip_empty_area=False)):
        yield i + 1, row


def _sparse_rows(
    path: Path, name: str, room: int, csv: bool = False
) -> Iterator[tuple[int, list[Any]]]:
    """A sheet read row by row with openpyxl, numbers as calamine gives them (float)."""
    # a file object, so openpyxl reads the content whatever the name's extension says
    stream = path.open("rb")
    book = load_workbook(stream, read_only=True, data_only=True)
    try:
        if name not in book.sheetnames:
            raise ValueError(f"no sheet {name!r}")
        sheet = book[name]
        if not hasattr(sheet, "reset_dimensions"):
            return  # a chart sheet: no cells
        sheet.reset_dimensions()  # the <dimension> tag is not trusted
        seen = 0
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            if not values:
                continue
            row = [float(v) if type(v) is int else v for v in values]
            seen += sum(v is not None and v != "" for v in row)
            if seen > room:
                raise OverBudget(messages.too_many_cells(seen, room, complete=False, csv=csv))
            yield number, row
    finally:
        book.close()
        stream.close()


def _dense(scan: SheetScan, limits: Limits) -> bool:
    """Whether calamine may lay the sheet out: within the budget, and not mostly empty."""
    return scan.extent <= min(limits.sheet_extent, SPARSE_RATIO * scan.cells + SPARSE_SLACK)


def open_workbook(path: Path, limits: Limits | None = None) -> list[Source]:
    """One Source per sheet, each read within ``limits`` (default :meth:`Limits.cli`).

    Raises :class:`OverBudget` for a workbook that will not be read, and ``ValueError`` (or
    calamine's error, or ``OSError``) for a file that is not a workbook or is damaged.
    """
    try:
        return _open_workbook(path, limits or Limits.cli())
    except BaseException as exc:
        if not damaged(exc):
            raise
        raise ValueError(f"not a workbook: {exc}") from None


def _open_workbook(path: Path, limits: Limits) -> list[Source]:
    kind = _kind(path)
    room = min(limits.cells_per_file, limits.cells_per_workbook)
    scans: BookScan | None = None
    if kind == "xlsx":
        scans = scan_xlsx(path, room)
    elif kind == "ods":
        scans = scan_ods(path, room)
    if scans is not None and scans.cells > room:
        raise OverBudget(messages.too_many_cells(scans.cells, room, scans.complete, _csv(limits)))
    if scans is not None and kind != "xlsx":
        for scan in scans.sheets.values():
            if not _dense(scan, limits):  # only calamine reads these: refuse, never lay out
                raise OverBudget(
                    messages.sheet_too_wide(
                        scan.name,
                        scan.rows,
                        scan.columns,
                        scan.cells,
                        limits.sheet_extent,
                        path.suffix,
                    )
                )
    book = CalamineWorkbook.from_path(str(path))
    sources = []
    for name in book.sheet_names:
        found = scans.sheets.get(name) if scans is not None else None
        if kind == "xlsx" and (found is None or not _dense(found, limits)):
            # far cells, or a sheet the scan did not find
            rows = _sparse_rows(path, name, room, _csv(limits))
        else:
            rows = _calamine_rows(book, name)
        cells = _keep(rows, limits.columns_per_table)
        preview = [
            (n, [_cell_text(v, False) or "" for v in row]) for n, row in cells[:PREVIEW_ROWS]
        ]
        sources.append(Source(path, name, name, preview, cells=cells))
    return sources


def _csv(limits: Limits) -> bool:
    """Whether the same rows would be accepted as CSV (the CLI's budget for text is larger)."""
    return limits.cells_per_file > limits.cells_per_workbook
