"""Look at a delimited text file before DuckDB reads it: encoding, delimiter, blank lines.

DuckDB's own detection is not trusted (notes/dependencies.md), and its bundled build cannot decode
anything but UTF-8, so this module decides the encoding itself (UTF-8, UTF-8 with BOM, UTF-16 from
Excel's "Unicode text", otherwise Windows-1252), transcodes to a UTF-8 copy when needed, and sniffs
the delimiter among ``,`` ``;`` tab and ``|``. It reads the file in chunks, so memory stays bounded.

Line ends and stray bytes as agencies' tools write them are made plain here, so that DuckDB and the
line counting of :mod:`checker.data.readers` and :mod:`checker.data.staging` see one kind of file:
when the file has a lone CR (old Mac Excel "CSV (Macintosh)"), CRLF and LF mixed, a NUL byte, or a
U+2028/U+2029/U+0085 separator, :func:`normalise` writes a UTF-8 copy whose lines all end in LF.
A plain LF or CRLF file is read where it is, without a copy.

*Line numbers* reported to agencies are the lines a text editor shows in the file they sent: a line
ends at LF, at CRLF or at a lone CR (so a "CSV (Macintosh)" file has its CR-separated lines, and a
line break inside a quoted cell starts a new line, as the editor shows it). The separators U+2028,
U+2029 and U+0085 end a line only where they stand between whole records: outside quotes, with
every piece of the line they cut having the table's number of fields (or none), as a tool that
writes them as record separators makes it. Inside a quoted cell, or in an unquoted cell they would
cut in two, they are text: they stay in the value and start no line.
A NUL byte is removed (DuckDB would keep it in the value, where no agency can see it); the cells it
was in are listed in :attr:`Sniffed.nul_cells`, for the caller to report. A file is binary, not
text, when more than :data:`BINARY_SHARE` of its first 64 KiB are control bytes.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

CHUNK = 8 << 20
DELIMITERS = (",", ";", "\t", "|")
PREVIEW_LINES = 30
# A head with more control bytes than this share (NUL included, tab and line ends not) is binary;
# one stray NUL in a text file is not (the same threshold as the upload page's check).
BINARY_SHARE = 0.01
_TEXT_BYTES = bytes(b for b in range(256) if b >= 32 or b in (9, 10, 13))
# U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR and U+0085 NEXT LINE (from EBCDIC exports)
_SEPARATORS = ("\u2028", "\u2029", "\x85")
_SEPARATOR_BYTES = tuple(s.encode() for s in _SEPARATORS)
_SEPARATOR_RE = re.compile("[" + "".join(_SEPARATORS) + "]")
_BOMS = (  # UTF-32 first: its little-endian BOM begins with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass
class Sniffed:
    """What we learned about one text file, and where DuckDB should read it from."""

    path: Path
    encoding: str = "utf-8"
    read_path: Path | None = None
    delimiter: str = ","
    has_quotes: bool = False
    line_count: int = 0
    preview: list[tuple[int, list[str]]] = field(default_factory=list)
    problem: str | None = None
    # (first line of the record, field position) of each cell a NUL byte was removed from
    nul_cells: list[tuple[int, int]] = field(default_factory=list)


def file_sha256(path: Path) -> str:
    """SHA-256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(CHUNK):
            digest.update(block)
    return digest.hexdigest()


def detect_encoding(head: bytes) -> str | None:
    """Guess the encoding from the first bytes; None means binary (not text at all)."""
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name
    if b"\x00" in head:
        pairs = head[: len(head) - len(head) % 2]
        even_nul = pairs[0::2].count(0)
        odd_nul = pairs[1::2].count(0)
        half = len(pairs) // 2
        if half and odd_nul > 0.3 * half and even_nul == 0:
            return "utf-16-le"
        if half and even_nul > 0.3 * half and odd_nul == 0:
            return "utf-16-be"
    body = head.rstrip(b"\x00")  # some tools pad a file with NULs up to a block size
    controls = len(body.translate(None, _TEXT_BYTES))
    if controls > max(1, BINARY_SHARE * len(body)):
        return None
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut at the end of the sample is still UTF-8; a byte that
        # cannot start one (0x92, Windows' curly apostrophe) is not, wherever it is.
        if exc.reason != "unexpected end of data" or exc.start < len(head) - 3:
            return "cp1252"
    return "utf-8"


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    """Decode bytes that are not UTF-8 as Windows-1252 (a file edited by two programs)."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return exc.object[exc.start : exc.end].decode("cp1252", errors="replace"), exc.end


codecs.register_error("kebijakan-cp1252", _cp1252_fallback)


def _transcode(path: Path, encoding: str, out: Path) -> None:
    """Write a UTF-8 (no BOM) copy of ``path`` to ``out``, chunk by chunk."""
    errors = "kebijakan-cp1252" if encoding in ("utf-8", "cp1252") else "replace"
    decoder = codecs.getincrementaldecoder("utf-8" if encoding == "cp1252" else encoding)(errors)
    with path.open("rb") as src, out.open("wb") as dst:
        while block := src.read(CHUNK):
            dst.write(decoder.decode(block).encode("utf-8"))
        dst.write(decoder.decode(b"", final=True).encode("utf-8"))


def _blank_starts(chunk: bytes) -> list[int]:
    """Offsets of the empty lines (``\\n`` or ``\\r\\n`` alone) inside a chunk of whole lines."""
    out = []
    for pattern in (b"\n\n", b"\n\r\n"):
        at = chunk.find(pattern)
        while at >= 0:
            out.append(at + 1)
            at = chunk.find(pattern, at + 1)
    if chunk.startswith((b"\n", b"\r\n")):
        out.append(0)
    return sorted(out)


def _chunks(path: Path) -> Iterator[bytes]:
    """The file in chunks that end at a line break (the last one may not)."""
    carry = b""
    with path.open("rb") as fh:
        while block := fh.read(CHUNK):
            data = carry + block
            cut = data.rfind(b"\n") + 1
            if cut:
                yield data[:cut]
            carry = data[cut:]
    if carry:
        yield carry


def _scan(sn: Sniffed, read_path: Path) -> bool:
    """Count lines and look for quotes in the UTF-8 file DuckDB will read (C-speed passes).

    True when the file needs :func:`normalise`: a lone CR, CRLF and LF mixed, a NUL byte or a
    separator (U+2028, U+2029, U+0085). DuckDB takes a file of CRLF lines as it is, but not a
    mix; a CRLF file with LF inside quoted cells (Excel for Windows) counts as a mix, which only
    costs a copy.
    """
    newlines = crs = crlfs = 0
    odd, tail = False, b""
    with read_path.open("rb") as fh:
        while block := fh.read(CHUNK):
            newlines += block.count(b"\n")
            sn.has_quotes = sn.has_quotes or b'"' in block
            if b"\r" in block:
                crs += block.count(b"\r")
                crlfs += block.count(b"\r\n")
            crlfs += tail.endswith(b"\r") and block.startswith(b"\n")
            if not odd and (b"\x00" in block or _maybe_separator(block)):
                edge = tail + block[:2]  # a separator cut between two blocks
                odd = b"\x00" in block or any(
                    sep in block or sep in edge for sep in _SEPARATOR_BYTES
                )
            tail = (tail + block)[-2:] if len(block) < 2 else block[-2:]
    sn.line_count = newlines if tail.endswith(b"\n") else newlines + 1
    return odd or crs > crlfs or 0 < crlfs < newlines


def _maybe_separator(data: bytes) -> bool:
    return b"\xa8" in data or b"\xa9" in data or b"\x85" in data  # their last bytes: memchr-fast


def _has_separator(data: bytes) -> bool:
    return _maybe_separator(data) and any(sep in data for sep in _SEPARATOR_BYTES)


def _pieces(text: str, cuts: list[int]) -> list[str]:
    bounds = [-1, *cuts, len(text)]
    return [text[a + 1 : b] for a, b in itertools.pairwise(bounds)]


class _Records:
    """The normaliser's place in the CSV: the line it writes next, whether that line starts inside
    a quoted cell, and if so the first line of its record and the field it is in."""

    def __init__(self, delimiter: str, width: int) -> None:
        self.delimiter, self.width = delimiter, width
        self.line = self.record = 1
        self.quoted = False
        self.field = 0
        self.nul_cells: dict[tuple[int, int], None] = {}

    def feed(self, block: bytes) -> bytes:
        """Whole lines (LF line ends) with NULs removed and record separators made LF."""
        odd = b"\x00" in block or _has_separator(block)
        left_open = self.quoted != (block.count(b'"') % 2 == 1)
        if not odd and not left_open:
            self.line += block.count(b"\n")  # nothing to change, and every record is whole
            self.quoted = False
            return block
        lines = block.decode("utf-8", "kebijakan-cp1252").split("\n")
        out = []
        for i, text in enumerate(lines):
            if not self.quoted:
                self.record, self.field = self.line, 0
            plain = not self.quoted and text.count('"') % 2 == 0 and "\x00" not in text
            if not plain or any(sep in text for sep in _SEPARATORS):
                text = self._walk(text)
            out.append(text)
            self.line += i < len(lines) - 1
        return "\n".join(out).encode("utf-8")

    def _splits(self, pieces: list[str], widths: list[int]) -> bool:
        """Whether separators cut a line into whole records (see the module docstring)."""
        return len(pieces) > 1 and all(
            w == self.width or not p.strip() for p, w in zip(pieces, widths, strict=True)
        )

    def _walk(self, text: str) -> str:
        """One line that holds a quote, a NUL or a separator: made plain, and noted."""
        if not text.replace("\x00", "").strip():
            return text.replace("\x00", "")  # NULs alone (padding): nothing lost, state as is
        if self.quoted or '"' in text:
            return self._walk_quoted(text)
        # no quotes: C-speed string operations (a file of U+2028-separated records is one line)
        pieces = _SEPARATOR_RE.split(text)
        widths = [piece.count(self.delimiter) + 1 for piece in pieces]
        split = self._splits(pieces, widths)
        before = 0  # fields of the record before this piece
        for k, piece in enumerate(pieces):
            at, counted, in_piece = piece.find("\x00"), 0, 0
            while at >= 0:  # delimiters counted once, from one NUL to the next: linear
                in_piece += piece.count(self.delimiter, counted, at)
                counted = at
                cell = (self.line + k, in_piece) if split else (self.record, before + in_piece)
                self.nul_cells[cell] = None
                at = piece.find("\x00", at + 1)
            before += widths[k] - 1
        if split:
            text = "\n".join(pieces)
            self.line += len(pieces) - 1
        return text.replace("\x00", "")

    def _walk_quoted(self, text: str) -> str:
        """A line with quotes, a character at a time: quotes, fields, separators and NULs."""
        starts_quoted, quoted = self.quoted, self.quoted
        field, piece_field = self.field, 0
        cuts: list[int] = []  # separators outside quotes
        widths: list[int] = []  # fields of each piece between them
        nuls: list[tuple[int, int, int]] = []  # (piece, field in piece, field in record)
        for i, ch in enumerate(text):
            if ch == '"':
                quoted = not quoted
            elif ch == "\x00":
                nuls.append((len(cuts), piece_field, field))
            elif quoted:
                continue
            elif ch == self.delimiter:
                field += 1
                piece_field += 1
            elif ch in _SEPARATORS:
                cuts.append(i)
                widths.append(piece_field + 1)
                piece_field = 0
        widths.append(piece_field + 1)
        split = not starts_quoted and not quoted and self._splits(_pieces(text, cuts), widths)
        for piece, in_piece, in_record in nuls:
            cell = (self.line + piece, in_piece) if split else (self.record, in_record)
            self.nul_cells[cell] = None
        if split:
            chars = list(text)
            for at in cuts:
                chars[at] = "\n"
            text = "".join(chars)
            self.line += len(cuts)
        self.quoted, self.field = quoted, field
        return text.replace("\x00", "")


def normalise(sn: Sniffed, workdir: Path, width: int) -> None:
    """Write the UTF-8 copy described in the module docstring and read from it from now on.

    ``width`` is the number of fields of a whole record (the widest line at the top): a line whose
    separators cut it into pieces of exactly that width (or blank ones) is that many records.
    """
    assert sn.read_path is not None
    src = sn.read_path
    target = workdir / f"{len(list(workdir.iterdir()))}-{sn.path.stem}.lf.csv"
    records = _Records(sn.delimiter, width)
    with src.open("rb") as fh, target.open("wb") as out:
        carry = b""
        while True:
            block = fh.read(CHUNK)
            data = carry + block
            held = b"\r" if block and data.endswith(b"\r") else b""  # its LF may come next
            data = data[: len(data) - len(held)].replace(b"\r\n", b"\n").replace(b"\r", b"\n")
            cut = data.rfind(b"\n") + 1 if block else len(data)
            out.write(records.feed(data[:cut]))
            if not block:
                break
            carry = data[cut:] + held
    if src != sn.path:
        src.unlink()  # an earlier copy of ours
    sn.read_path = target
    sn.nul_cells = sorted(records.nul_cells)


def blank_lines(path: Path) -> list[int]:
    """Physical numbers of the empty lines, which DuckDB skips without a word."""
    out, line = [], 1
    for chunk in _chunks(path):
        pos = 0
        for start in _blank_starts(chunk):
            if start >= len(chunk):
                break
            line += chunk.count(b"\n", pos, start)
            pos = start
            out.append(line)
        line += chunk.count(b"\n", pos)
    return out


def sniff_delimiter(lines: list[str]) -> str:
    """The candidate that splits the first lines into the most, consistently many, fields."""
    best, best_score = ",", (0.0, 0)
    sample = [ln for ln in lines if ln.strip()][:PREVIEW_LINES]
    for cand in DELIMITERS:
        counts = [len(row) for row in csv.reader(sample, delimiter=cand)]
        if not counts or counts[0] < 2:
            continue
        consistent = sum(1 for c in counts if c == counts[0]) / len(counts)
        score = (round(consistent, 1), counts[0])
        if score > best_score:
            best, best_score = cand, score
    return best


def _preview(text: str, delimiter: str) -> list[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for row in reader:
            if row and any(cell.strip() for cell in row):
                rows.append((start, row))
            start = reader.line_num + 1
            if len(rows) >= PREVIEW_LINES:
                break
    except csv.Error:
        pass  # a broken line in the preview: DuckDB will report it precisely
    return rows


def sniff(path: Path, workdir: Path) -> Sniffed:
    """Sniff ``path``; transcode or normalise into ``workdir`` when DuckDB cannot read it as it is.

    A file whose first 64 KiB are UTF-8 is read by DuckDB as it is; should a later line prove
    otherwise, DuckDB rejects it as ``INVALID ENCODING`` and the caller calls :func:`to_utf8`.
    """
    sn = Sniffed(path=path)
    with path.open("rb") as fh:
        head = fh.read(1 << 16)
    if not head.strip(b" \t\r\n\x00"):
        sn.problem = "kosong"
        return sn
    encoding = detect_encoding(head)
    if encoding is None:
        sn.problem = "biner"
        return sn
    sn.encoding, sn.read_path = encoding, path
    if encoding != "utf-8":
        to_utf8(sn, workdir)
    else:
        _finish(sn, workdir)
    return sn


def to_utf8(sn: Sniffed, workdir: Path) -> None:
    """Transcode to a UTF-8 copy (bytes that are not UTF-8 read as Windows-1252) and re-sniff."""
    if sn.encoding == "utf-8":
        sn.encoding = "cp1252"
    target = workdir / f"{len(list(workdir.iterdir()))}-{sn.path.stem}.utf8.csv"
    _transcode(sn.path, sn.encoding, target)
    sn.read_path = target
    _finish(sn, workdir)


def _head(path: Path) -> str:
    with path.open("r", encoding="utf-8", newline="", errors="replace") as fh:
        return fh.read(1 << 16)


def _finish(sn: Sniffed, workdir: Path) -> None:
    assert sn.read_path is not None
    head_text = _head(sn.read_path)
    # splitlines() also ends lines at a lone CR and at the separators, as the normaliser may
    lines = head_text.replace("\x00", "").splitlines()[: PREVIEW_LINES * 2]
    sn.delimiter = sniff_delimiter(lines)
    sn.has_quotes, sn.nul_cells = False, []
    if _scan(sn, sn.read_path):
        width = max((len(row) for row in csv.reader(lines, delimiter=sn.delimiter)), default=1)
        normalise(sn, workdir, width)
        sn.has_quotes = False
        _scan(sn, sn.read_path)
        head_text = _head(sn.read_path)
    sn.preview = _preview(head_text, sn.delimiter)
