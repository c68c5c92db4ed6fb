"""XLSB within the budget: the worksheet parts' BIFF12 records are scanned before calamine lays a
sheet out, so a far cell or one at the last position of a sheet is refused with a SKEMA-BERKAS
finding in a fraction of a second instead of costing gigabytes (or aborting the process).

No XLSB writer is installed, so :func:`xlsb` below writes the records by hand (MS-XLSB 2.4);
calamine, which reads them independently, checks both the writer and the scanner."""

from __future__ import annotations

import json
import struct
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from python_calamine import CalamineWorkbook

from checker.data.ingest import ingest
from checker.data.workbook import BookScan, SheetScan, scan_xlsb
from checker.limits import Limits
from tests.data.conftest import PEGAWAI

ROOT = Path(__file__).resolve().parents[2]

# a cell: (0-based row, 0-based column, value); a value is str (BrtCellSt), float (BrtCellReal),
# bool (BrtCellBool), int (BrtCellRk, an integer), None (BrtCellBlank: a style, no value) or
# ("=", float) (BrtFmlaNum: a formula with its cached value)
Cell = tuple[int, int, object]


def record(typ: int, body: bytes = b"") -> bytes:
    """One BIFF12 record: its type (1 or 2 bytes) and size (1 to 4 bytes), 7 bits a byte."""
    head = bytes([typ]) if typ < 0x80 else bytes([typ & 0x7F | 0x80, typ >> 7])
    size, out = len(body), bytearray()
    while True:
        out.append(size & 0x7F | (0x80 if size > 0x7F else 0))
        size >>= 7
        if not size:
            break
    return head + bytes(out) + body


def wide(text: str) -> bytes:
    """An XLWideString: a uint32 count of UTF-16 code units, then the units."""
    data = text.encode("utf-16-le")
    return struct.pack("<I", len(data) // 2) + data


def cell_record(column: int, value: object) -> bytes:
    head = struct.pack("<II", column, 0)  # the column, then style 0 and no flags
    if value is None:
        return record(1, head)
    if isinstance(value, bool):
        return record(4, head + bytes([value]))
    if isinstance(value, int):
        return record(2, head + struct.pack("<i", value << 2 | 2))  # RkNumber, an integer
    if isinstance(value, float):
        return record(5, head + struct.pack("<d", value))
    if isinstance(value, tuple):  # BrtFmlaNum: value, flags, then a formula of one PtgInt
        formula = bytes([0x1E]) + struct.pack("<H", int(value[1]))
        body = struct.pack("<dH", value[1], 0) + struct.pack("<I", len(formula)) + formula
        return record(9, head + body + struct.pack("<I", 0))
    return record(6, head + wide(str(value)))


def sheet_bin(cells: list[Cell], dimension: tuple[int, int, int, int] | None = None) -> bytes:
    """A worksheet part: BrtBeginSheet, BrtWsDim, the sheet data row by row, BrtEndSheet."""
    rows: dict[int, list[tuple[int, object]]] = {}
    for row, column, value in cells:
        rows.setdefault(row, []).append((column, value))
    last = (max(rows, default=0), max((c for _, c, _ in cells), default=0))
    dim = dimension or (0, last[0], 0, last[1])
    out = [record(129), record(148, struct.pack("<4I", *dim)), record(145)]
    for row in sorted(rows):
        out.append(record(0, struct.pack("<IIHBBBI", row, 0, 300, 0, 0, 0, 0)))  # BrtRowHdr
        out.extend(cell_record(column, value) for column, value in sorted(rows[row]))
    out += [record(146), record(130)]
    return b"".join(out)


def xlsb(path: Path, sheets: dict[str, bytes]) -> Path:
    """An XLSB holding worksheet parts (see :func:`sheet_bin`) under these names."""
    book = [record(131), record(143)]
    rels = []
    for i, name in enumerate(sheets, start=1):
        book.append(record(156, struct.pack("<II", 0, i) + wide(f"rId{i}") + wide(name)))
        rels.append(
            f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/'
            f'2006/relationships/worksheet" Target="worksheets/sheet{i}.bin"/>'
        )
    book += [record(144), record(132)]
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.bin" '
        'ContentType="application/vnd.ms-excel.worksheet"/>'
        for i in range(1, len(sheets) + 1)
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="bin" '
            'ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/>'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            f"{overrides}</Types>",
        )
        z.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships '
            'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>',
        )
        z.writestr("xl/workbook.bin", b"".join(book))
        z.writestr(
            "xl/_rels/workbook.bin.rels",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships '
            f'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{"".join(rels)}'
            "</Relationships>",
        )
        for i, part in enumerate(sheets.values(), start=1):
            z.writestr(f"xl/worksheets/sheet{i}.bin", part)
    return path


def table(rows: list[list[str]], far: tuple[int, int] | None = None) -> bytes:
    """The rows as a worksheet part (text cells, empty ones left out), and a stray note at the
    1-based position ``far``."""
    cells: list[Cell] = [(r, c, v) for r, row in enumerate(rows) for c, v in enumerate(row) if v]
    if far:
        cells.append((far[0] - 1, far[1] - 1, "catatan tersasar"))
    return sheet_bin(cells)


def calamine_view(path: Path) -> dict[str, tuple[int, int, int]]:
    """Per sheet, as calamine reads it: cells with a value, last used row and column."""
    book = CalamineWorkbook.from_path(str(path))
    out = {}
    for name in book.sheet_names:
        cells = rows = columns = 0
        for i, row in enumerate(book.get_sheet_by_name(name).to_python(skip_empty_area=False)):
            for j, value in enumerate(row):
                if value != "" and value is not None:
                    cells, rows, columns = cells + 1, max(rows, i + 1), max(columns, j + 1)
        out[name] = (cells, rows, columns)
    return out


def test_the_scan_agrees_with_calamine(tmp_path: Path) -> None:
    mixed: list[Cell] = [
        (0, 0, "nip"),
        (0, 1, "nama ü"),
        (1, 0, 1.5),
        (1, 1, True),
        (1, 2, 42),
        (2, 3, ("=", 7.0)),
        (3, 1, False),
        (40, 25, None),  # a styled empty cell: no value, not laid out
        (6, 4, "x" * 300),  # a record whose size takes two bytes
    ]
    path = xlsb(
        tmp_path / "campur.xlsb",
        {"pertama": sheet_bin(mixed, (0, 99, 0, 9)), "kedua": sheet_bin([(2, 200, "z")])},
    )
    book = CalamineWorkbook.from_path(str(path))
    assert book.get_sheet_by_name("pertama").to_python()[:3] == [
        ["nip", "nama ü", "", "", ""],
        [1.5, True, 42, "", ""],
        ["", "", "", 7.0, ""],
    ]
    assert calamine_view(path) == {"pertama": (8, 7, 5), "kedua": (1, 3, 201)}
    assert scan_xlsb(path) == BookScan(
        {
            "pertama": SheetScan("pertama", cells=8, rows=7, columns=5, claimed=100 * 10),
            "kedua": SheetScan("kedua", cells=1, rows=3, columns=201, claimed=3 * 201),
        }
    )
    # stopped once the cells go over the room, the count a lower bound
    assert scan_xlsb(path, room=3) == BookScan(
        {"pertama": SheetScan("pertama", cells=8, rows=7, columns=5, claimed=1000)},
        complete=False,
    )


def test_an_xlsb_table_is_read(tmp_path: Path, pegawai_rows: list[list[str]]) -> None:
    path = xlsb(tmp_path / "pegawai.xlsb", {"pegawai": table(pegawai_rows)})
    cells = sum(1 for row in pegawai_rows for v in row if v)
    assert calamine_view(path)["pegawai"] == (cells, PEGAWAI + 1, len(pegawai_rows[0]))
    for limits in (Limits.cli(), Limits.service()):
        with ingest([path], limits=limits) as dataset:
            assert dataset.count("pegawai") == PEGAWAI
            assert [f.rule for f in dataset.findings if f.severity == "error"] == []
    with ingest([path], limits=Limits.cli().but(cells_per_workbook=cells - 1)) as dataset:
        assert dataset.inputs == []
        assert [f.rule for f in dataset.findings] == ["SKEMA-BERKAS"]
        assert dataset.findings[0].message.startswith(
            f"Berkas ini berisi {cells} sel terisi, melebihi batas {cells - 1} sel per buku kerja."
        )


def ingest_in_child(path: Path) -> dict[str, Any]:
    """Ingest ``path`` in a child process: its findings, seconds and peak RSS in MB."""
    code = (
        "import json, resource, sys, time; from checker.data.ingest import ingest\n"
        "start = time.monotonic()\n"
        "with ingest([sys.argv[1]]) as ds:\n"
        "    found = [(f.rule, f.message) for f in ds.findings]\n"
        "    rows = ds.count('pegawai') if ds.inputs else 0\n"
        "print(json.dumps({'findings': found, 'rows': rows, 'seconds': time.monotonic() - start,"
        " 'rss': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return dict(json.loads(result.stdout))


@pytest.mark.parametrize(
    ("far", "said"),
    [
        # measured before: 3.8 GB and 21 s; at the last position calamine aborts the process
        (
            (100_000, 1_000),
            "sampai baris 100.000 dan kolom 1.000, sehingga harus dibaca sebagai 100.000.000 sel",
        ),
        (
            (1_048_576, 16_384),
            "sampai baris 1.048.576 dan kolom 16.384, sehingga harus dibaca "
            "sebagai 17.179.869.184 sel",
        ),
    ],
)
def test_a_far_cell_is_refused_not_laid_out(
    tmp_path: Path, pegawai_rows: list[list[str]], far: tuple[int, int], said: str
) -> None:
    path = xlsb(tmp_path / "pegawai.xlsb", {"pegawai": table(pegawai_rows, far)})
    cells = sum(1 for row in pegawai_rows for v in row if v) + 1
    assert scan_xlsb(path).sheets["pegawai"] == SheetScan(
        "pegawai", cells=cells, rows=far[0], columns=far[1], claimed=far[0] * far[1]
    )
    child = ingest_in_child(path)
    assert child["rows"] == 0
    assert [rule for rule, _ in child["findings"]] == ["SKEMA-BERKAS"]
    message = child["findings"][0][1]
    assert f"Lembar 'pegawai' terisi {said} walaupun hanya {cells} sel yang terisi" in message
    assert "Lembar berkas xlsb dibaca paling banyak" in message
    assert child["seconds"] < 1.0, child
    assert child["rss"] < 400, child


def _damage(path: Path, how: str) -> None:
    """The XLSB at ``path`` damaged: its sheet's records, or its workbook's."""
    with zipfile.ZipFile(path) as src:
        parts = {item.filename: src.read(item.filename) for item in src.infolist()}
    sheet, book = parts["xl/worksheets/sheet1.bin"], parts["xl/workbook.bin"]
    if how == "truncated":
        sheet = sheet[: len(sheet) * 2 // 3]  # cut inside a record
    elif how == "huge-record":  # a record claiming 256 MB, the part ending long before it
        sheet = sheet[:-3] + b"\x7f\xff\xff\xff\x7f" + bytes(64)
    elif how == "short-dimension":  # BrtWsDim (after BrtBeginSheet) too short for 4 numbers
        assert sheet[3:6] == b"\x94\x01\x10"
        sheet = sheet[:3] + record(148, bytes(4)) + sheet[22:]
    elif how == "workbook":  # a sheet's name runs past the end of its record
        name = wide("pegawai")
        assert name in book
        book = book.replace(name, struct.pack("<I", 4000) + name[4:])
    parts["xl/worksheets/sheet1.bin"], parts["xl/workbook.bin"] = sheet, book
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for part, content in parts.items():
            dst.writestr(part, content)


@pytest.mark.parametrize("how", ["truncated", "huge-record", "short-dimension", "workbook"])
def test_a_damaged_xlsb_is_a_finding_not_a_crash(
    tmp_path: Path, pegawai_rows: list[list[str]], how: str
) -> None:
    path = xlsb(tmp_path / "pegawai.xlsb", {"pegawai": table(pegawai_rows)})
    _damage(path, how)
    with ingest([path]) as dataset:
        assert [(f.rule, f.file) for f in dataset.findings] == [("SKEMA-BERKAS", str(path))]
        assert "isinya rusak" in dataset.findings[0].message


def test_the_scan_looks_at_the_parts_calamine_reads(
    tmp_path: Path, pegawai_rows: list[list[str]]
) -> None:
    # calamine picks its reader by the extension, else tries XLSX before XLSB: an XLSB under
    # another name is scanned and read as one; a zip holding both kinds is not guessed at
    path = xlsb(tmp_path / "pegawai.xlsb", {"pegawai": table(pegawai_rows)})
    renamed = path.rename(tmp_path / "pegawai.dat")
    with ingest([renamed]) as dataset:
        assert dataset.count("pegawai") == PEGAWAI
    with zipfile.ZipFile(renamed, "a") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    with ingest([renamed]) as dataset:
        assert [f.rule for f in dataset.findings] == ["SKEMA-BERKAS"]
        assert "isinya rusak" in dataset.findings[0].message
