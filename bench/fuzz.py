"""Intake fuzzing: ``python bench/fuzz.py --cases 10000 --seed 1 [--workers 2] [--out DIR]``.

A seeded mutator over a small bundled sample (the seven tables as CSV, the seven-sheet
``sampel.xlsx``, a one-sheet ``pegawai.xlsx`` and the Excel template filled with the sample):
each case takes one of those files and applies one to three mutations — byte flips, truncation,
random bytes, re-encoding (cp1252, UTF-16, UTF-8 with BOM, …), another delimiter, other line ends
(CR, CRLF, mixed, U+2028, NEL), NUL bytes, ragged rows, duplicated headers, an empty file, a huge
field, garbage cells, a stray quote, a dropped column, another file name; for workbooks also flipped
bytes inside the zip, corrupted sheet, workbook and shared-string XML, a patched ``<dimension>``,
entries deleted or duplicated, other compression. Case ``N`` of seed ``S`` is always the same
input, so a failure reproduces from its number alone.

Cases run in a few long-lived worker processes (``python -m bench.fuzz --worker``, one per
``--workers``, each under an address-space cap) that call ``kebijakan check`` in-process through
click's ``CliRunner``. The policy is loaded once per worker (``checker.load_kebijakan`` is
memoised there): the policy is not what is fuzzed, and loading it is most of a small check's time.

A case **fails** when its exit code is not 0, 1 or 2, an exception escapes the CLI, the output
holds a traceback, or the CLI's last-resort boundary reported ``kesalahan internal`` (an
unexpected exception it turned into exit 2; the worker runs the case again with ``--debug`` to
record the traceback). A worker that dies is an **abort**; one still busy after ``--timeout``
seconds is killed and the case is a **hang**. Every failing, aborting or hanging input is kept
under ``OUT/failures/seed<S>-case<N>/`` with ``case.json``; replay one with ``--replay DIR``.
Exits 1 on any abort, hang or failure.

Example::

    python bench/fuzz.py --cases 10000 --seed 1
    python bench/fuzz.py --replay bench/data/fuzz/failures/seed1-case000042
"""

from __future__ import annotations

import argparse
import csv
import functools
import io
import json
import lzma
import os
import random
import re
import resource
import select
import shutil
import signal
import subprocess
import sys
import threading
import time
import traceback
import warnings
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

# bench/ holds scripts named like libraries (docx.py); keep it off the import path.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import hostile_inputs as hostile  # noqa: E402

AS_OF = "2026-06-30"
EMPLOYEES = 20
DEFAULT_OUT = ROOT / "bench" / "data" / "fuzz"
GIB, MIB = 1 << 30, 1 << 20
OK_EXITS = (0, 1, 2)
STARTUP_SECONDS = 120  # a worker's imports and policy load, on a busy machine
RECYCLE_AFTER = 200  # cases a worker process runs before a fresh one takes over
INTERNAL = "kesalahan internal"  # the CLI's message for an exception it did not expect

# ---------------------------------------------------------------------------------------------
# the base corpus


def base_corpus(folder: Path) -> list[Path]:
    """The files mutations start from, generated once into ``folder``."""
    from openpyxl import Workbook, load_workbook

    from checker.data.sample import generate_sample
    from checker.data.template import write_template

    csv_dir, xlsx_dir = folder / "csv", folder / "xlsx"
    if not (csv_dir / "pegawai.csv").exists():
        generate_sample(csv_dir, employees=EMPLOYEES, seed=1, fault_rate=0.1)
    if not (xlsx_dir / "sampel.xlsx").exists():
        generate_sample(xlsx_dir, employees=EMPLOYEES, seed=1, fmt="xlsx", fault_rate=0.1)
    tables = sorted(p for p in csv_dir.glob("*.csv") if p.name != "kunci_jawaban.csv")
    one_sheet = folder / "pegawai.xlsx"
    if not one_sheet.exists():
        book = Workbook()
        sheet = book.active
        sheet.title = "pegawai"
        for row in hostile.read_csv(csv_dir / "pegawai.csv"):
            sheet.append(row)
        book.save(one_sheet)
    filled = folder / "templat.xlsx"
    if not filled.exists():
        write_template(folder / "templat-kosong.xlsx")
        book = load_workbook(folder / "templat-kosong.xlsx")
        for table in tables:
            for row in hostile.read_csv(table)[1:]:
                book[table.stem].append(row)
        book.save(filled)
    return [*tables, xlsx_dir / "sampel.xlsx", one_sheet, filled]


# ---------------------------------------------------------------------------------------------
# mutations: (rng, data, file name) -> (data, file name)

Mutation = Callable[[random.Random, bytes, str], tuple[bytes, str]]
GARBAGE = (
    *hostile.ENUM_GARBAGE,
    "",
    " ",
    "-1",
    "0",
    "1e308",
    "NaN",
    "NULL",
    "#N/A",
    '=HYPERLINK("x")',
    "@SUM(A1)",
    "+62",
    "9" * 40,
    "31/02/2024",
    "0000-00-00",
    "99999-12-31",
    "2024-13-45",
    "\u202eRTL",
    "\U0001f600",
    "\ufeffPNS",
    "a\x00b",
    '"',
    "'",
    "\\",
    "a,b",
    "a\nb",
    "\t",
    "IV/e",
    "III/d ",
    "ⅳ/a",
    "１９８５",
    "ya",
    "TIDAK",
    "Pns",
    "L/P",
    "-",
    "…",
    "\u00a0",
)
ENCODINGS = (
    "cp1252",
    "latin-1",
    "utf-16",
    "utf-16-le",
    "utf-16-be",
    "utf-8-sig",
    "utf-32",
    "cp437",
    "shift_jis",
    "koi8-r",
)
NEWLINES = ("\r", "\r\n", "\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\n\n", "\r\r\n")


def _decode(data: bytes) -> str:
    return data.decode("utf-8", "replace")


def _rows(data: bytes) -> list[list[str]]:
    text = _decode(data)
    try:
        return list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error:  # a field over csv's limit (huge_field): split naively
        return [line.split(",") for line in text.splitlines()]


def _unrows(rows: list[list[str]]) -> bytes:
    return hostile.csv_bytes(rows)


def byte_flip(rng: random.Random, data: bytes, name: str) -> tuple[bytes, str]:
    """XOR 1–16 random bytes with a random non-zero value."""
    if not data:
        return data, name
    out = bytearray(data)
    for _ in range(rng.randint(1, 16)):
        out[rng.randrange(len(out))] ^= rng.randint(1, 255)
    return bytes(out), name


def truncate(rng: random.Random, data: bytes, name: str) -> tuple[bytes, str]:
    """Cut the file anywhere (often near the end, as an interrupted upload would)."""
    cut = rng.randrange(len(data) + 1) if rng.random() < 0.5 else len(data) - rng.randint(0, 64)
    return data[: max(0, cut)], name


def insert_bytes(rng: random.Random, data: bytes, name: str) -> tuple[bytes, str]:
    """Insert 1–4 runs of random bytes or of bytes with a meaning to a parser."""
    specials = (b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b'"', b"\r", b"\n", b",", b";", b"\x1a")
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(len(data) + 1)
        if rng.random() < 0.5:
            chunk = bytes(rng.randrange(256) for _ in range(rng.randint(1, 64)))
        else:
            chunk = rng.choice(specials) * rng.randint(1, 8)
        data = data[:at] + chunk + data[at:]
    return data, name


def reencode(rng: random.Random, data: bytes, name: str) -> tuple[bytes, str]:
    """The same text in another encoding."""
    return _decode(data).encode(rng.choice(ENCODINGS), "replace"), name


def delimiter(rng: random.Random, data: bytes, name: str) -> tuple[bytes, str]:
    """Another delimiter: everywhere, or only on some lines (a file pasted together)."""
    new = rng.choice((b";", b"\t", b"|", b" ", b";;", b"\x1f", b", "))
    if rng.random() < 0.7:
        return data.replace(b",", new), name
    lines = data.split(b"\n")
    return b"\n".join(
        line.replace(b",", new) if rng.random() < 0.3 else line for line in lines
    ), name


def line_endings(rng: random.Random, data: bytes, name: str) -> tuple[bytes, str]:
    """CR, CRLF, U+2028, NEL, form feed … instead of LF; all at once or mixed line by line."""
    lines = data.split(b"\n")
    if rng.random() < 0.6:
        return rng.choice(NEWLINES).encode("utf-8").join(lines), name
    ends = [rng.choice(("\n", *NEWLINES)).encode("utf-8") for _ in lines]
    return b"".join(line + end for line, end in zip(lines, ends, strict=True)), name


def nul_bytes(rng: random.Random, data: bytes, name: str) -> tuple[bytes, str]:
    """One NUL, many NULs, a line of NULs, or NUL between every byte (UTF-16 seen as bytes)."""
    choice = rng.random()
    if choice < 0.1:
        return b"".join(bytes([b, 0]) for b in data[:200_000]), name
    if choice < 0.2:
        lines = data.split(b"\n")
        lines[rng.randrange(len(lines))] = b"\x00" * rng.randint(1, 200)
        return b"\n".join(lines), name
    for _ in range(1 if choice < 0.6 else rng.randint(2, 50)):
        at = rng.randrange(len(data) + 1)
        data = data[:at] + b"\x00" + data[at:]
    return data, name


def ragged(rng: random.Random, data: bytes, name: str) -> tuple[bytes, str]:
    """Some rows lose or gain cells."""
    rows = _rows(data)
    for _ in range(rng.randint(1, max(1, len(rows) // 3))):
        if not rows:
            break
        row = rows[rng.randrange(len(rows))]
        if row and rng.random() < 0.5:
            at = rng.randrange(len(row))
            del row[at : at + rng.randint(1, 3)]
        else:
            row.extend(rng.choice(GARBAGE) for _ in range(rng.randint(1, 5)))
    return _unrows(rows), name


def dup_header(rng: random.Random, data: bytes, name: str) -> tuple[bytes, str]:
    """Duplicated header: a column name twice, the header row again in the body, an empty or
    oddly spaced name."""
    rows = _rows(data)
    if not rows or not rows[0]:
        return data, name
    header = rows[0]
    op = rng.randrange(4)
    if op == 0:
        header[rng.randrange(len(header))] = rng.choice(header)
    elif op == 1:
        rows.insert(rng.randint(1, len(rows)), list(header))
    elif op == 2:
        header[rng.randrange(len(header))] = ""
    else:
        i = rng.randrange(len(header))
        header[i] = rng.choice((f"  {header[i].upper()} ", header[i].title(), header[i] + "\u00a0"))
    return _unrows(rows), name


def empty(rng: random.Random, data: bytes, name: str) -> tuple[bytes, str]:
    """Nothing, or next to nothing: a BOM, blank lines, the header alone."""
    header = data.split(b"\n", 1)[0]
    return rng.choice(
        (
            b"",
            b"\n",
            b"\xef\xbb\xbf",
            b"  \r\n\r\n",
            header,
            header + b"\n",
            b"\x00" * 16,
            b",,,,\n,,,,\n",
        )
    ), name


def huge_field(rng: random.Random, data: bytes, name: str) -> tuple[bytes, str]:
    """One field of 10 KB to 3 MB, or a quote left open so the field runs to the end."""
    rows = _rows(data)
    if len(rows) < 2 or rng.random() < 0.2:
        at = rng.randrange(len(data) + 1)
        return data[:at] + b'"' + data[at:], name
    row = rows[rng.randrange(1, len(rows))]
    if row:
        size = rng.choice((10_000, 100_000, 1_000_000, 3_000_000))
        row[rng.randrange(len(row))] = rng.choice(("A", "9", "é", '"')) * size
    return _unrows(rows), name


def cell_garbage(rng: random.Random, data: bytes, name: str) -> tuple[bytes, str]:
    """Cells replaced with formula-like, numeric-looking, out-of-range or odd Unicode values."""
    rows = _rows(data)
    cells = [(r, c) for r in range(1, len(rows)) for c in range(len(rows[r]))]
    for r, c in rng.sample(cells, min(len(cells), rng.randint(1, 20))):
        rows[r][c] = rng.choice(GARBAGE)
    return _unrows(rows), name


def drop_column(rng: random.Random, data: bytes, name: str) -> tuple[bytes, str]:
    """A column removed (often a required one), or two columns swapped."""
    rows = _rows(data)
    if not rows or not rows[0]:
        return data, name
    i, j = rng.randrange(len(rows[0])), rng.randrange(len(rows[0]))
    for row in rows:
        if rng.random() < 0.5 and i < len(row):
            del row[i]
        elif max(i, j) < len(row):
            row[i], row[j] = row[j], row[i]
    return _unrows(rows), name


def rename(rng: random.Random, data: bytes, name: str) -> tuple[bytes, str]:
    """Another file name: no extension, another case or extension, an unknown table."""
    stem, dot, ext = name.rpartition(".")
    stem = stem if dot else name
    return data, rng.choice(
        (
            stem,
            f"{stem}.txt",
            f"{stem}.{ext.upper()}",
            f"{stem}.xlsx",
            f"{stem}.csv",
            "data.csv",
            f"{stem} (1).{ext}",
            f"Pegawai_{stem}.{ext}",
            f"{stem}.tsv",
            f"{stem}.xls",
            "ЛИСТ.csv",
        )
    )


# ---- workbooks ------------------------------------------------------------------------------


def _entries(data: bytes) -> list[tuple[zipfile.ZipInfo, bytes]] | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return [(info, zf.read(info)) for info in zf.infolist()]
    except (
        zipfile.BadZipFile,
        zlib.error,
        lzma.LZMAError,
        OSError,
        EOFError,
        ValueError,
        NotImplementedError,
        KeyError,
    ):
        return None  # a zip an earlier mutation already broke


def _rezip(
    entries: list[tuple[zipfile.ZipInfo, bytes]], method: int = zipfile.ZIP_DEFLATED
) -> bytes:
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names are a mutation, not a mistake
        with zipfile.ZipFile(buffer, "w", method) as zf:
            for info, content in entries:
                # the entry's own time, not the clock's: the same case gives the same bytes
                entry = zipfile.ZipInfo(info.filename, date_time=info.date_time)
                zf.writestr(entry, content, compress_type=method)
    return buffer.getvalue()


def _edit_entry(
    rng: random.Random, data: bytes, pattern: str, edit: Callable[[bytes], bytes]
) -> bytes:
    """``data`` with ``edit`` applied to one entry whose name matches ``pattern``."""
    entries = _entries(data)
    if entries is None:
        return byte_flip(rng, data, "")[0]
    chosen = [i for i, (info, _) in enumerate(entries) if re.search(pattern, info.filename)]
    if not chosen:
        return data
    i = rng.choice(chosen)
    entries[i] = (entries[i][0], edit(entries[i][1]))
    return _rezip(entries)


FAR_ROW = b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
ENTITY = (
    b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;'
    b'&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
)


def _xml_fragment(rng: random.Random, xml: bytes) -> bytes:
    """One corruption of an XML part."""
    op = rng.randrange(10)
    n = len(xml)
    a, b = sorted((rng.randrange(n + 1), rng.randrange(n + 1)))
    b = min(b, a + 2000)
    if op == 0:  # a slice gone
        return xml[:a] + xml[b:]
    if op == 1:  # a slice twice
        return xml[:b] + xml[a:b] + xml[b:]
    if op == 2:  # cut short
        return xml[:a]
    if op == 3:  # a cell at the far corner
        return xml.replace(b"</sheetData>", FAR_ROW + b"</sheetData>", 1)
    if op == 4:  # a shared-string index that does not exist, an error cell, a bad boolean
        cell = rng.choice(
            (
                b'<c r="B2" t="s"><v>99999999</v></c>',
                b'<c r="B2" t="e"><v>#REF!</v></c>',
                b'<c r="B2" t="b"><v>7</v></c>',
                b'<c r="B2" t="d"><v>kemarin</v></c>',
                b'<c r="B2"><f>1/0</f><v>x</v></c>',
                b'<c r="ZZZZZZ2"><v>1</v></c>',
                b'<c r="A0"><v>1</v></c>',
                b'<c r="A-5"><v>1</v></c>',
            )
        )
        return re.sub(rb"<c r=\"[A-Z]+2\"[^>]*?(/>|>.*?</c>)", lambda m: cell, xml, count=1)
    if op == 5:  # a small entity expansion (a billion laughs, bounded)
        return ENTITY + re.sub(rb"^<\?xml[^>]*\?>", b"", xml).replace(b"<t>", b"<t>&c;", 1)
    if op == 6:  # values replaced with garbage

        def swap(m: re.Match[bytes]) -> bytes:
            if rng.random() < 0.2:
                value = rng.choice(GARBAGE).replace("\x00", "")
                return m.group(1) + escape(value).encode() + m.group(3)
            return m.group(0)

        return re.sub(rb"(<[tv]>)(.*?)(</[tv]>)", swap, xml)
    if op == 7:  # tag names renamed
        old = rng.choice((b"<row", b"<c ", b"<v>", b"<t>", b"<si>", b"<sheet "))
        return xml.replace(
            old, rng.choice((b"<rowx", b"<x ", b"<v/>", b"<t/>", b"<sx>", b"<")), rng.randint(1, 50)
        )
    if op == 8:  # row numbers out of order, repeated or huge
        return re.sub(
            rb'<row r="\d+"',
            lambda m: f'<row r="{rng.choice((1, 2, 3, 1048576, 0, 2**40))}"'.encode(),
            xml,
        )
    return (
        xml.replace(b'encoding="UTF-8"', b'encoding="UTF-16"', 1)
        if rng.random() < 0.5
        else b"\xef\xbb\xbf" * 2 + xml
    )


def xlsx_sheet_xml(rng: random.Random, data: bytes, name: str) -> tuple[bytes, str]:
    """A worksheet's XML corrupted: slices cut or doubled, far cells, bad cell types, …"""
    return _edit_entry(
        rng, data, r"worksheets/.*\.xml$", functools.partial(_xml_fragment, rng)
    ), name


def xlsx_other_xml(rng: random.Random, data: bytes, name: str) -> tuple[bytes, str]:
    """The workbook, relationships, shared strings or content types corrupted."""
    pattern = r"workbook\.xml$|\.rels$|sharedStrings\.xml$|Content_Types|styles\.xml$"
    return _edit_entry(rng, data, pattern, functools.partial(_xml_fragment, rng)), name


def xlsx_sheet_names(rng: random.Random, data: bytes, name: str) -> tuple[bytes, str]:
    """Sheet names changed: duplicated, emptied, upper-cased, padded, very long."""

    def edit(xml: bytes) -> bytes:
        names = re.findall(rb'<sheet [^>]*name="([^"]*)"', xml)
        if not names:
            return xml
        old = rng.choice(names)
        new = rng.choice((rng.choice(names), b"", old.upper(), old + b" ", b"x" * 300, b"&amp;"))
        return xml.replace(b'name="' + old + b'"', b'name="' + new + b'"', 1)

    return _edit_entry(rng, data, r"workbook\.xml$", edit), name


def xlsx_dimension(rng: random.Random, data: bytes, name: str) -> tuple[bytes, str]:
    """The ``<dimension>`` of a sheet claims another used range (the whole grid, nonsense)."""
    ref = rng.choice(
        (
            hostile.MAX_DIMENSION,
            "A1",
            "A1:A0",
            "ZZZZ1:A1",
            "A1:XFD1",
            "A1:A1048576",
            "A1:XFD2",
            "dimensi",
            "",
            "A1:ZZZZZZZ99999999999",
        )
    )
    return _edit_entry(
        rng, data, r"worksheets/.*\.xml$", lambda xml: hostile.patch_dimension(xml, ref)
    ), name


def xlsx_delete_entry(rng: random.Random, data: bytes, name: str) -> tuple[bytes, str]:
    """One entry of the zip deleted (a sheet, the workbook, the shared strings, …)."""
    entries = _entries(data)
    if not entries:
        return truncate(rng, data, name)
    del entries[rng.randrange(len(entries))]
    return _rezip(entries), name


def xlsx_duplicate_entry(rng: random.Random, data: bytes, name: str) -> tuple[bytes, str]:
    """An entry added twice under the same name with other content."""
    entries = _entries(data)
    if not entries:
        return insert_bytes(rng, data, name)
    info, content = rng.choice(entries)
    entries.append((info, _xml_fragment(rng, content) if content else b"x"))
    return _rezip(entries), name


def xlsx_compression(rng: random.Random, data: bytes, name: str) -> tuple[bytes, str]:
    """The same entries stored, or compressed with bzip2 or LZMA (which readers may lack)."""
    entries = _entries(data)
    if not entries:
        return data, name
    method = rng.choice((zipfile.ZIP_STORED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA))
    return _rezip(entries, method), name


def zip_byte_flip(rng: random.Random, data: bytes, name: str) -> tuple[bytes, str]:
    """Bytes flipped inside the zip's local headers, compressed data or central directory."""
    if len(data) < 100:
        return byte_flip(rng, data, name)
    out = bytearray(data)
    region = rng.choice(("head", "tail", "any"))
    for _ in range(rng.randint(1, 8)):
        if region == "head":
            at = rng.randrange(min(len(out), 200))
        elif region == "tail":
            at = len(out) - 1 - rng.randrange(min(len(out), 400))
        else:
            at = rng.randrange(len(out))
        out[at] ^= rng.randint(1, 255)
    return bytes(out), name


# name -> (what it applies to, order, function); lower order runs first when stacked
MUTATIONS: dict[str, tuple[str, int, Mutation]] = {
    "ragged": ("csv", 0, ragged),
    "dup_header": ("csv", 0, dup_header),
    "cell_garbage": ("csv", 0, cell_garbage),
    "drop_column": ("csv", 0, drop_column),
    "huge_field": ("csv", 0, huge_field),
    "empty": ("csv", 1, empty),
    "delimiter": ("csv", 1, delimiter),
    "line_endings": ("csv", 2, line_endings),
    "reencode": ("csv", 3, reencode),
    "nul_bytes": ("csv", 4, nul_bytes),
    "xlsx_sheet_xml": ("xlsx", 0, xlsx_sheet_xml),
    "xlsx_other_xml": ("xlsx", 0, xlsx_other_xml),
    "xlsx_sheet_names": ("xlsx", 0, xlsx_sheet_names),
    "xlsx_dimension": ("xlsx", 0, xlsx_dimension),
    "xlsx_delete_entry": ("xlsx", 1, xlsx_delete_entry),
    "xlsx_duplicate_entry": ("xlsx", 1, xlsx_duplicate_entry),
    "xlsx_compression": ("xlsx", 2, xlsx_compression),
    "zip_byte_flip": ("xlsx", 5, zip_byte_flip),
    "byte_flip": ("any", 5, byte_flip),
    "insert_bytes": ("any", 5, insert_bytes),
    "truncate": ("any", 6, truncate),
    "rename": ("any", 7, rename),
}
FORMATS = (("text", 0.55), ("json", 0.25), ("csv", 0.1), ("xlsx", 0.1))


@dataclass(frozen=True)
class Case:
    """One fuzz input: its number, the base file, the mutations applied, the bytes and name."""

    seed: int
    index: int
    source: str
    kinds: tuple[str, ...]
    name: str
    data: bytes
    fmt: str


def make_case(base: list[Path], seed: int, index: int) -> Case:
    """Case ``index`` of ``seed``: always the same for the same base corpus."""
    rng = random.Random(f"{seed}/{index}")
    # the seven CSV tables weigh 60 %, the three workbooks 40 %
    weights = [0.6 / (len(base) - 3)] * (len(base) - 3) + [0.1, 0.15, 0.15]
    source = rng.choices(base, weights)[0]
    family = "xlsx" if source.suffix == ".xlsx" else "csv"
    names = [n for n, (applies, _, _) in MUTATIONS.items() if applies in (family, "any")]
    kinds = rng.sample(names, rng.choices((1, 2, 3), (0.6, 0.3, 0.1))[0])
    kinds.sort(key=lambda n: MUTATIONS[n][1])
    data, name = source.read_bytes(), source.name
    for kind in kinds:
        data, name = MUTATIONS[kind][2](rng, data, name)
    fmt = rng.choices([f for f, _ in FORMATS], [w for _, w in FORMATS])[0]
    return Case(seed, index, f"{source.parent.name}/{source.name}", tuple(kinds), name, data, fmt)


def case_args(path: Path, fmt: str, report_dir: Path) -> list[str]:
    """The ``kebijakan`` arguments that check ``path`` and render the report as ``fmt``."""
    args = ["check", str(path), "--as-of", AS_OF]
    if fmt != "text":
        args += ["--format", fmt, "-o", str(report_dir / f"laporan.{fmt}")]
    return args


# ---------------------------------------------------------------------------------------------
# the worker: one process, many cases, the CLI in-process


def _invoke(args: list[str], standalone: bool = True) -> tuple[int | None, str, str]:
    """Exit code (None when an exception escaped), output, and the escaped exception's traceback.
    ``standalone=False`` keeps click from turning an escaping ``EOFError`` into "Aborted!".

    CliRunner catches ``Exception`` only; a ``BaseException`` such as pyo3's ``PanicException``
    (a Rust panic in python-calamine) would go through it and kill the worker, so it is caught
    here and recorded as what it is: an exception the CLI let escape.
    """
    from click.testing import CliRunner

    from checker.cli import cli

    runner = CliRunner()
    try:
        result = runner.invoke(cli, args, standalone_mode=standalone)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException:
        return None, "", traceback.format_exc()
    if result.exception is None or isinstance(result.exception, SystemExit):
        return result.exit_code, result.output, ""
    assert result.exc_info is not None
    return None, result.output, "".join(traceback.format_exception(*result.exc_info))


def run_in_process(args: list[str]) -> dict[str, Any]:
    """Run ``kebijakan ARGS`` in this process and judge it (see the module docstring)."""
    started = time.perf_counter()
    code, output, escaped = _invoke(args)
    seconds = time.perf_counter() - started
    problem = escaped
    if not problem and INTERNAL in output:
        # under --debug the CLI re-raises what it caught: record where it came from
        _, _, debug = _invoke(["--debug", *args], standalone=False)
        problem = output + debug
    elif not problem and "Traceback" in output:
        problem = output
    failed = bool(problem) or code not in OK_EXITS
    return {
        "exit": code,
        "failed": failed,
        "traceback": "Traceback" in output,
        "problem": problem or (output[-2000:] if failed else ""),
        "seconds": seconds,
        "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
        "tail": output[-300:],
    }


def _canary(kind: str, args: list[str]) -> dict[str, Any]:
    """Harness self-test jobs: a case that raises inside the check, kills the worker, or hangs."""
    if kind == "abort":
        os.abort()
    if kind == "hang":
        time.sleep(10_000)
    import checker

    real = checker.check

    def broken(*a: object, **k: object) -> object:
        raise RuntimeError("canary: an unexpected exception inside the check")

    checker.check = broken  # type: ignore[assignment]
    try:
        return run_in_process(args)
    finally:
        checker.check = real


def worker() -> None:
    """Read one JSON job per line on stdin, answer one JSON line each on the original stdout."""
    import faulthandler

    import checker

    faulthandler.enable()  # a crash in native code leaves its Python stack in the worker's log
    warnings.simplefilter("ignore")
    checker.load_kebijakan = functools.lru_cache(maxsize=None)(checker.load_kebijakan)
    answers = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)  # anything else printed (by native code too) goes to the log, not the protocol
    sys.stdout = sys.stderr
    # load what every case needs before saying ready, so a case's timeout is the case's alone
    import checker.cli

    checker.load_kebijakan(None, None, ref=None)  # the arguments the check command passes
    answers.write('{"ready": true}\n')
    answers.flush()
    for line in sys.stdin:
        job = json.loads(line)
        canary = job.get("canary")
        answer = _canary(canary, job["args"]) if canary else run_in_process(job["args"])
        answers.write(json.dumps(answer) + "\n")
        answers.flush()


# ---------------------------------------------------------------------------------------------
# the parent: worker slots, timeouts, aborts, the record


class Slot:
    """One worker process the parent feeds cases to; restarted after an abort or a hang."""

    def __init__(self, number: int, logs: Path, cap: int) -> None:
        self.number, self.logs, self.cap = number, logs, cap
        self.proc: subprocess.Popen[bytes] | None = None
        self.max_rss = 0
        self.restarts = 0
        self.served = 0  # cases this worker process has run

    def _start(self) -> subprocess.Popen[bytes]:
        cap = self.cap
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
            "PYTHONWARNINGS": "ignore",
        }
        log = (self.logs / f"pekerja-{self.number}.log").open("ab")
        proc = subprocess.Popen(
            [sys.executable, "-m", "bench.fuzz", "--worker"],
            cwd=ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=log,
            preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (cap, cap)),
        )
        log.close()
        assert proc.stdout is not None
        ready, _, _ = select.select([proc.stdout], [], [], STARTUP_SECONDS)
        if not ready or not proc.stdout.readline():
            proc.kill()
            proc.communicate()  # reaps it and closes the pipes
            raise RuntimeError(f"pekerja {self.number} tidak siap; lihat pekerja-{self.number}.log")
        return proc

    def _reap(self, kill: bool) -> int:
        """Stop the worker; its exit status (negative: signal)."""
        assert self.proc is not None
        if kill:
            self.proc.kill()
        _, status, usage = os.wait4(self.proc.pid, 0)
        self.max_rss = max(self.max_rss, usage.ru_maxrss * 1024)
        self.proc.returncode = code = os.waitstatus_to_exitcode(status)
        for pipe in (self.proc.stdin, self.proc.stdout):
            if pipe is not None:
                pipe.close()
        self.proc = None
        return code

    def restart(self) -> None:
        """End the worker (the next job starts a fresh one)."""
        self.close()
        self.served = 0

    def run(self, job: dict[str, Any], timeout: float) -> dict[str, Any]:
        """Send one job and wait for its answer, at most ``timeout`` seconds."""
        if self.proc is not None and self.served >= RECYCLE_AFTER:
            self.restart()  # the CLI runs one check per process: keep workers young
        if self.proc is None:
            self.proc = self._start()
        self.served += 1
        assert self.proc.stdin is not None and self.proc.stdout is not None
        started = time.perf_counter()
        try:
            self.proc.stdin.write((json.dumps(job) + "\n").encode())
            self.proc.stdin.flush()
        except BrokenPipeError:
            pass  # the worker is gone: readline below sees the end
        ready, _, _ = select.select([self.proc.stdout], [], [], timeout)
        if not ready:
            self._reap(kill=True)
            self.restarts += 1
            return {
                "hang": True,
                "failed": True,
                "exit": None,
                "seconds": time.perf_counter() - started,
                "problem": f"> {timeout:g} s",
            }
        line = self.proc.stdout.readline()
        if not line:
            code = self._reap(kill=False)
            self.restarts += 1
            what = signal.Signals(-code).name if code < 0 else f"exit {code}"
            return {
                "abort": True,
                "failed": True,
                "exit": None,
                "signal": what,
                "seconds": time.perf_counter() - started,
                "problem": f"pekerja mati ({what}); lihat pekerja-{self.number}.log",
            }
        answer: dict[str, Any] = json.loads(line)
        self.max_rss = max(self.max_rss, int(answer.get("rss", 0)))
        return answer

    def close(self) -> None:
        """Let the worker finish (end of its stdin) and collect its peak RSS."""
        if self.proc is not None:
            assert self.proc.stdin is not None
            self.proc.stdin.close()
            self.proc.stdin = None
            self._reap(kill=False)


@dataclass
class Summary:
    """What a fuzz run found."""

    seed: int
    cases: int = 0
    exits: Counter[int] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)
    aborts: list[int] = field(default_factory=list)
    hangs: list[int] = field(default_factory=list)
    failures: list[int] = field(default_factory=list)
    # failed only in a worker that had run earlier cases; passed when run again in a fresh one
    stale: list[int] = field(default_factory=list)
    tracebacks: int = 0
    seconds: float = 0.0
    max_rss: int = 0
    slowest: tuple[float, int] = (0.0, -1)
    # harness self-tests: canary kind -> what the harness made of it (failure, abort, hang, ok)
    canaries: dict[str, str] = field(default_factory=dict)

    def record(self, case: Case, answer: dict[str, Any]) -> None:
        """Count one answered case (a canary only in :attr:`canaries`)."""
        if case.index < 0:
            outcome = (
                "hang"
                if answer.get("hang")
                else "abort"
                if answer.get("abort")
                else ("failure" if answer.get("failed") else "ok")
            )
            self.canaries[case.kinds[0]] = outcome
            return
        self.cases += 1
        self.kinds.update(case.kinds)
        if answer.get("hang"):
            self.hangs.append(case.index)
        elif answer.get("abort"):
            self.aborts.append(case.index)
        else:
            self.exits[answer["exit"]] += 1
            if answer["failed"]:
                self.failures.append(case.index)
            elif answer.get("stale"):
                self.stale.append(case.index)
        self.tracebacks += bool(answer.get("traceback"))
        self.slowest = max(self.slowest, (float(answer["seconds"]), case.index))

    @property
    def bad(self) -> bool:
        """Whether anything aborted, hung or failed."""
        return bool(self.aborts or self.hangs or self.failures)

    def lines(self) -> Iterator[str]:
        """The printed summary."""
        rate = self.cases / self.seconds if self.seconds else 0.0
        yield (
            f"kasus: {self.cases:,} (seed {self.seed}) dalam {self.seconds:.0f} s, "
            f"{rate:.1f} kasus/s"
        )
        yield "kode keluar: " + ", ".join(
            f"{k}: {v:,}" for k, v in sorted(self.exits.items(), key=str)
        )
        yield (
            f"abort: {len(self.aborts)}, hang: {len(self.hangs)}, gagal: {len(self.failures)}, "
            f"keluaran dengan Traceback: {self.tracebacks}; gagal hanya di pekerja yang sudah "
            f"menjalankan kasus lain (lolos di proses baru): {len(self.stale)}"
        )
        yield (
            f"RSS maks pekerja: {self.max_rss / MIB:.0f} MiB; kasus paling lambat: "
            f"{self.slowest[0]:.1f} s (#{self.slowest[1]})"
        )
        yield "mutasi: " + ", ".join(f"{k} {v}" for k, v in sorted(self.kinds.items()))
        for label, cases in (
            ("abort", self.aborts),
            ("hang", self.hangs),
            ("gagal", self.failures),
            ("gagal di pekerja lama", self.stale),
        ):
            if cases:
                yield (
                    f"{label}: kasus "
                    + ", ".join(map(str, cases[:30]))
                    + (" …" if len(cases) > 30 else "")
                )


def _keep(
    case: Case, folder: Path, failures: Path, answer: dict[str, Any], args: list[str]
) -> Path:
    """Move a failing case's input under ``failures`` with what happened to it."""
    target = failures / f"seed{case.seed}-case{case.index:06d}"
    if target.exists():
        shutil.rmtree(target)
    shutil.move(str(folder), target)
    meta = {
        "seed": case.seed,
        "case": case.index,
        "source": case.source,
        "kinds": case.kinds,
        "file": case.name,
        "format": case.fmt,
        "args": [a.replace(str(folder), "{dir}") for a in args],
        "answer": answer,
    }
    (target / "case.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False), "utf-8")
    return target


def run_fuzz(
    cases: int,
    seed: int,
    out: Path,
    *,
    workers: int = 2,
    timeout: float = 60.0,
    cap: int = 3 * GIB,
    base_dir: Path | None = None,
    first: int = 0,
    canaries: tuple[str, ...] = (),
    canary_timeout: float = 5.0,
    progress: Callable[[Summary], None] | None = None,
) -> Summary:
    """Run cases ``first`` … ``first + cases - 1`` of ``seed`` in ``workers`` worker processes;
    failing inputs are kept under ``out/failures``. ``canaries`` (``raise``, ``abort``, ``hang``)
    are harness self-tests run before the cases and recorded as cases -1, -2, …"""
    base = base_corpus(base_dir or out / "dasar")
    work, failures = out / "kerja", out / "failures"
    for folder in (work, failures):
        folder.mkdir(parents=True, exist_ok=True)
    summary = Summary(seed)
    lock = threading.Lock()
    jobs: Iterator[int] = iter(
        [*(-i for i in range(1, len(canaries) + 1)), *range(first, first + cases)]
    )
    started = time.perf_counter()

    def serve(slot: Slot) -> None:
        while True:
            with lock:
                index = next(jobs, None)
            if index is None:
                return
            if index < 0:
                canary = canaries[-index - 1]
                case = Case(
                    seed, index, "canary", (canary,), "pegawai.csv", base[0].read_bytes(), "text"
                )
            else:
                canary, case = None, make_case(base, seed, index)
            folder = work / f"case{index:06d}"
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / case.name
            path.write_bytes(case.data)
            args = case_args(path, case.fmt, folder)
            job: dict[str, Any] = {"args": args}
            if canary:
                job["canary"] = canary
            answer = slot.run(job, canary_timeout if canary else timeout)
            if answer.get("failed") and not canary and not answer.get("hang", answer.get("abort")):
                # a failure is re-run in a fresh worker, as the CLI and the service run every
                # check: one that only fails in a worker aged by earlier cases is counted apart
                slot.restart()
                again = slot.run(job, timeout)
                if not again.get("failed"):
                    answer = {**answer, "stale": True, "failed": False, "fresh": again}
            with lock:
                summary.record(case, answer)
                if (answer.get("failed") or answer.get("stale")) and index >= 0:
                    _keep(case, folder, failures, answer, args)
                if progress:
                    progress(summary)
            if folder.exists():
                shutil.rmtree(folder, ignore_errors=True)

    errors: list[BaseException] = []

    def guarded(slot: Slot) -> None:
        try:
            serve(slot)
        except BaseException as exc:  # a bug in the harness: stop every slot, raise it below
            errors.append(exc)
            with lock:
                nonlocal jobs
                jobs = iter(())

    slots = [Slot(n, out, cap) for n in range(1, workers + 1)]
    threads = [threading.Thread(target=guarded, args=(slot,), daemon=True) for slot in slots]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        for slot in slots:
            slot.close()
    if errors:
        raise errors[0]
    summary.seconds = time.perf_counter() - started
    summary.max_rss = max(slot.max_rss for slot in slots)
    return summary


def replay(target: Path, timeout: float, cap: int) -> int:
    """Run one kept case (a ``failures/…`` folder) or any input file again, in a fresh worker,
    and print everything it said."""
    if target.is_dir():
        meta = json.loads((target / "case.json").read_text("utf-8"))
        args = [a.replace("{dir}", str(target.resolve())) for a in meta["args"]]
        kinds = ", ".join(meta["kinds"])
        print(f"kasus {meta['case']} seed {meta['seed']}: {meta['source']} + {kinds}")
    else:
        args = case_args(target.resolve(), "text", target.resolve().parent)
    slot = Slot(0, target if target.is_dir() else target.parent, cap)
    try:
        answer = slot.run({"args": args}, timeout)
    finally:
        slot.close()
    print("kebijakan " + " ".join(args))
    for key in ("exit", "hang", "abort", "signal", "seconds", "failed"):
        if key in answer:
            print(f"{key}: {answer[key]}")
    print(answer.get("problem") or answer.get("tail", ""))
    return 1 if answer.get("failed") else 0


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        epilog="Contoh: python bench/fuzz.py --cases 10000 --seed 1 --workers 2",
    )
    parser.add_argument("--cases", type=int, default=1000, help="jumlah kasus (bawaan 1000)")
    parser.add_argument("--seed", type=int, default=1, help="seed (bawaan 1)")
    parser.add_argument("--first", type=int, default=0, help="nomor kasus pertama (bawaan 0)")
    parser.add_argument("--workers", type=int, default=2, help="proses pekerja (bawaan 2)")
    parser.add_argument("--timeout", type=float, default=60, help="detik per kasus (bawaan 60)")
    parser.add_argument("--cap-gib", type=float, default=3, help="batas ruang alamat pekerja (3)")
    parser.add_argument(
        "--out",
        type=Path,
        default=DEFAULT_OUT,
        help=f"folder hasil ({DEFAULT_OUT.relative_to(ROOT)})",
    )
    parser.add_argument("--replay", type=Path, metavar="DIR|FILE", help="jalankan ulang satu kasus")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker()
        return 0
    cap = int(args.cap_gib * GIB)
    if args.replay:
        return replay(args.replay, args.timeout, cap)
    args.out.mkdir(parents=True, exist_ok=True)

    def progress(summary: Summary) -> None:
        if summary.cases % 100 == 0 and sys.stderr.isatty():
            print(
                f"\r  {summary.cases:,}/{args.cases:,} kasus", end="", file=sys.stderr, flush=True
            )

    summary = run_fuzz(
        args.cases,
        args.seed,
        args.out,
        workers=args.workers,
        timeout=args.timeout,
        cap=cap,
        base_dir=args.out / "dasar",
        first=args.first,
        progress=progress,
    )
    if sys.stderr.isatty():
        print(file=sys.stderr)
    for line in summary.lines():
        print(line)
    if summary.bad:
        print(f"Masukan yang gagal disimpan di {args.out / 'failures'}; ulangi dengan --replay.")
    return 1 if summary.bad else 0


if __name__ == "__main__":
    sys.exit(main())
