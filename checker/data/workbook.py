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
from ``content.xml`` (repeated rows and cells counted, not expanded), and XLSB from the BIFF12
records of its worksheet parts (:func:`scan_xlsb`); an ODS, XLS or XLSB sheet over the extent is
refused, since only calamine reads those. XLS cannot be scanned here; its format caps a sheet at
65 536 × 256 cells.
"""

from __future__ import annotations

import functools
import lzma
import posixpath
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator, Set
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any
from xml.etree import ElementTree

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException
from python_calamine import CalamineWorkbook

from checker.data import messages
from checker.data.readers import PREVIEW_ROWS, OverBudget, Source, _cell_text
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
    lzma.LZMAError,
    SyntaxError,  # XML that is not XML: ElementTree.ParseError and lxml (via openpyxl) alike
    InvalidFileException,
)


def damaged(exc: BaseException) -> bool:
    """Whether ``exc`` means "this workbook is damaged" (a Rust panic in calamine included)."""
    return isinstance(exc, DAMAGED) or type(exc).__name__ == "PanicException"


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


# --- XLSB --------------------------------------------------------------------------------------

# BIFF12 record types (MS-XLSB 2.4). A worksheet part: BrtRowHdr (0) begins with the 0-based
# row, the cells that follow (1 BrtCellBlank to 11 BrtFmlaError) with the 0-based column (uint32);
# BrtWsDim (148) holds rwFirst, rwLast, colFirst, colLast. xl/workbook.bin:
_BUNDLE_SH = 156  # a sheet of the workbook: hsState, iTabID, strRelID, strName
_END_BUNDLE_SHS = 144
# a sheet's record in xl/workbook.bin holds two short strings; one longer is not a sheet's
LONGEST_BUNDLE = 1 << 16
_U32 = struct.Struct("<I").unpack_from
_DIM = struct.Struct("<4I").unpack_from


class _Part:
    """A BIFF12 part read a chunk at a time. A record is a type of 1 or 2 bytes, a size of 1 to 4
    bytes (7 bits each, the high bit saying another byte follows), then the body; a reader parses
    the records that begin before :meth:`more`'s limit from ``data`` at ``pos`` and sets ``pos``
    past the last. Every record takes at least 2 bytes, so a reader always moves on."""

    def __init__(self, stream: IO[bytes], keep: int) -> None:
        self.stream = stream
        self.margin = keep + 6  # the longest header, then the body bytes a reader looks at
        self.data = b""
        self.pos = self.end = 0
        self.eof = False

    def more(self) -> int:
        """Read on; where the records to parse now stop (the first ``keep`` bytes of their bodies
        are in ``data``, zeros after the end of the part), or -1 at the end of the part. A body
        longer than what was read is skipped, never held; ``ValueError`` when the part ends
        inside a record."""
        if self.eof:
            if self.pos != self.end:
                raise ValueError("a record runs past the end of its part")
            return -1
        if self.pos > self.end:  # the last record is longer than what was read: skip the rest
            left = self.pos - self.end
            while left:
                block = self.stream.read(min(left, CHUNK))
                if not block:
                    raise ValueError("a record runs past the end of its part")
                left -= len(block)
            self.data, self.pos, self.end = b"", 0, 0
        block = self.stream.read(CHUNK)
        self.data = self.data[self.pos : self.end] + block
        self.pos, self.end = 0, len(self.data)
        if not block:
            self.eof = True
            self.data += bytes(self.margin)
            return self.end
        return max(self.end - self.margin, 0)


def _header(data: bytes, pos: int) -> tuple[int, int, int]:
    """The type and size of the record at ``pos``, and where its body begins (the same steps
    are written out in :func:`_scan_bin`, which runs them for every cell)."""
    typ = data[pos]
    if typ & 0x80:
        typ = (typ & 0x7F) | (data[pos + 1] & 0x7F) << 7
        pos += 1
    byte = data[pos + 1]
    size = byte & 0x7F
    pos += 2
    shift = 7
    while byte & 0x80 and shift < 28:
        byte = data[pos]
        size |= (byte & 0x7F) << shift
        pos += 1
        shift += 7
    return typ, size, pos


def _records(
    stream: IO[bytes], wanted: Set[int], keep: int
) -> Iterator[tuple[int, int, bytes, int]]:
    """The records of a BIFF12 part whose type is in ``wanted``, as ``(type, size, buffer,
    offset of the body in buffer)``; the first ``min(size, keep)`` bytes of the body are there."""
    part = _Part(stream, keep)
    while (limit := part.more()) >= 0:
        data, pos = part.data, part.pos
        while pos < limit:
            typ, size, pos = _header(data, pos)
            if typ in wanted:
                yield typ, size, data, pos
            pos += size
        part.pos = pos


def _xlsb_sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → its part in the zip, from xl/workbook.bin and its relationships (the part is
    ``xl/`` + the target, as calamine finds it; the first sheet of a name, as calamine reads)."""
    targets: dict[str, str] = {}
    rels_name = "xl/_rels/workbook.bin.rels"
    if rels_name in archive.NameToInfo:
        with archive.open(rels_name) as fh:
            for rel in ElementTree.parse(fh).getroot():
                if rel.get("Id") is not None and rel.get("Target") is not None:
                    targets[str(rel.get("Id"))] = f"xl/{rel.get('Target')}"
    parts: dict[str, str] = {}
    with archive.open("xl/workbook.bin") as fh:
        for typ, size, data, at in _records(fh, {_BUNDLE_SH, _END_BUNDLE_SHS}, LONGEST_BUNDLE):
            if typ == _END_BUNDLE_SHS:
                break
            if size > LONGEST_BUNDLE:
                raise ValueError("a sheet record longer than any workbook has")
            body = data[at : at + size]
            rel_id, after = _wide_string(body, 8)
            if rel_id is None:
                continue  # a sheet without a part: calamine skips it too
            name, _ = _wide_string(body, after)
            part = targets.get(rel_id)
            if name is not None and part in archive.NameToInfo:
                parts.setdefault(name, part)
    return parts


def _wide_string(body: bytes, at: int) -> tuple[str | None, int]:
    """An XLWideString (uint32 count of UTF-16 code units, then the units) at ``at``, and where
    it ends; None for the null string (count 0xFFFFFFFF)."""
    if at + 4 > len(body):
        raise ValueError("a string past the end of its record")
    count = _U32(body, at)[0]
    if count == 0xFFFFFFFF:
        return None, at + 4
    end = at + 4 + 2 * count
    if end > len(body):
        raise ValueError("a string past the end of its record")
    return body[at + 4 : end].decode("utf-16-le", "replace"), end


def _scan_bin(stream: IO[bytes], scan: SheetScan, room: int | None) -> bool:
    """Fill ``scan`` from a worksheet part's records; False when it stopped because the cells
    went over ``room``. A cell record counts wherever it sits (calamine reads those between
    BrtBeginSheetData and BrtEndSheetData: counting more is only cautious); one too short to
    hold its column is passed over (calamine fails on it in the sheet data, and pyxlsbwriter
    writes an empty row header after it)."""
    row = cells = rows = columns = 0
    part, u32 = _Part(stream, 16), _U32
    while (limit := part.more()) >= 0:
        if room is not None and cells > room and not part.eof:
            scan.cells, scan.rows, scan.columns = cells, rows, columns
            return False  # more is left: the count is a lower bound
        data, pos = part.data, part.pos
        while pos < limit:  # _header written out: this runs for every cell
            typ = data[pos]
            if typ & 0x80:
                typ = (typ & 0x7F) | (data[pos + 1] & 0x7F) << 7
                pos += 1
            size = data[pos + 1]
            pos += 2
            if size & 0x80:
                byte, size, shift = size, size & 0x7F, 7
                while byte & 0x80 and shift < 28:
                    byte = data[pos]
                    size |= (byte & 0x7F) << shift
                    pos += 1
                    shift += 7
            if typ < 12 and size >= 4:  # a row header (0) or a cell (1 to 11)
                if typ > 1:  # a blank cell (1) holds only a style: calamine skips it
                    cells += 1
                    if row >= rows:
                        rows = row + 1
                    column = u32(data, pos)[0]
                    if column >= columns:
                        columns = column + 1
                else:
                    row = u32(data, pos)[0] if typ == 0 else row
            elif typ == 148 and size >= 16 and scan.claimed is None:
                first_row, last_row, first_col, last_col = _DIM(data, pos)
                scan.claimed = (abs(last_row - first_row) + 1) * (abs(last_col - first_col) + 1)
            pos += size
        part.pos = pos
    scan.cells, scan.rows, scan.columns = cells, rows, columns
    return True


def scan_xlsb(path: Path, room: int | None = None) -> BookScan:
    """Scan every sheet of an XLSB (Excel binary workbook); stop once the cells go over
    ``room``."""
    with zipfile.ZipFile(path) as archive:
        book = BookScan({})
        for name, part in _xlsb_sheet_parts(archive).items():
            if room is not None and book.cells > room:
                book.complete = False  # sheets are left
                break
            scan = book.sheets[name] = SheetScan(name)
            left = None if room is None else room - book.cells
            with archive.open(part) as fh:
                done = _scan_bin(fh, scan, left)
            if not done:
                book.complete = False
                break
        return book


# --- reading -----------------------------------------------------------------------------------


# calamine picks its reader by the name's extension (as written: ".XLSB" is not one of them),
# else tries XLS, XLSX, XLSB and ODS in turn; XLS is never a zip
_READER_BY_SUFFIX = {
    ".xls": "other",
    ".xla": "other",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".xlam": "xlsx",
    ".xlsb": "xlsb",
    ".ods": "ods",
}
_MAIN_PARTS = (("xlsx", "xl/workbook.xml"), ("xlsb", "xl/workbook.bin"), ("ods", "content.xml"))


def _kind(path: Path) -> str:
    """ "xlsx", "xlsb", "ods" or "other" (XLS, or not a workbook: calamine says which): the
    reader calamine will use, so the scan looks at the parts calamine reads."""
    if not zipfile.is_zipfile(path):
        return "other"
    with zipfile.ZipFile(path) as archive:
        found = [kind for kind, part in _MAIN_PARTS if part in archive.NameToInfo]
    named = _READER_BY_SUFFIX.get(path.suffix)
    if named is not None:
        return named if named in found else "other"  # calamine fails without its main part
    if len(found) > 1:  # calamine would try the next reader when one fails: unscanned parts
        raise ValueError(f"a zip holding more than one kind of workbook: {found}")
    return found[0] if found else "other"


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
    try:
        book = load_workbook(stream, read_only=True, data_only=True)
    except (TypeError, AttributeError) as exc:
        # openpyxl's typed descriptors reject a damaged workbook.xml this way (a sheet
        # without a name); only around loading, so our own mistakes still surface
        stream.close()
        raise ValueError(f"not a workbook: {exc}") from None
    except BaseException:
        stream.close()
        raise
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
    elif kind == "xlsb":
        scans = scan_xlsb(path, room)
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
        if kind == "xlsb" and found is None:  # calamine would lay out a sheet not looked at
            raise ValueError(f"sheet {name!r} is not where xl/workbook.bin says")
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
