"""Look at a delimited text file before DuckDB reads it: encoding, delimiter, blank lines.

DuckDB's own detection is not trusted (notes/dependencies.md), and its bundled build cannot decode
anything but UTF-8, so this module decides the encoding itself (UTF-8, UTF-8 with BOM, UTF-16 from
Excel's "Unicode text", otherwise Windows-1252), transcodes to a UTF-8 copy when needed, and sniffs
the delimiter among ``,`` ``;`` tab and ``|``. It reads the file in chunks, so memory stays bounded.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

CHUNK = 8 << 20
DELIMITERS = (",", ";", "\t", "|")
PREVIEW_LINES = 30
_BOMS = (
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
        return None
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 13))
    if head and controls > 0.01 * len(head):
        return None
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut at the end of the sample is still UTF-8.
        if exc.start < len(head) - 3:
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


def _scan(sn: Sniffed, read_path: Path) -> None:
    """Count lines and look for quotes in the UTF-8 file DuckDB will read (C-speed passes)."""
    newlines, last = 0, b""
    for chunk in _chunks(read_path):
        newlines += chunk.count(b"\n")
        sn.has_quotes = sn.has_quotes or b'"' in chunk
        last = chunk
    sn.line_count = newlines if last.endswith(b"\n") else newlines + 1


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
    """Sniff ``path``; transcode into ``workdir`` when it is not UTF-8.

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
        _finish(sn)
    return sn


def to_utf8(sn: Sniffed, workdir: Path) -> None:
    """Transcode to a UTF-8 copy (bytes that are not UTF-8 read as Windows-1252) and re-sniff."""
    if sn.encoding == "utf-8":
        sn.encoding = "cp1252"
    target = workdir / f"{len(list(workdir.iterdir()))}-{sn.path.stem}.utf8.csv"
    _transcode(sn.path, sn.encoding, target)
    sn.read_path = target
    _finish(sn)


def _finish(sn: Sniffed) -> None:
    assert sn.read_path is not None
    with sn.read_path.open("r", encoding="utf-8", newline="", errors="replace") as fh:
        head_text = fh.read(1 << 16)
    sn.delimiter = sniff_delimiter(head_text.splitlines()[: PREVIEW_LINES * 2])
    sn.preview = _preview(head_text, sn.delimiter)
    sn.has_quotes = False
    _scan(sn, sn.read_path)
