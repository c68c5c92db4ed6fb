"""Input budgets are enforced before the work: a far cell, an inflated ``<dimension>`` tag, a
15 000-column header or a workbook over the cells limit never reach a reader that would lay them
out; the far cell is read sparsely, the others are refused with a SKEMA-BERKAS finding."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook

from checker.cli import cli
from checker.data.ingest import ingest
from checker.data.workbook import SheetScan, scan_ods, scan_xlsx
from checker.errors import InputError
from checker.limits import Limits
from tests.data.conftest import PEGAWAI

ROOT = Path(__file__).resolve().parents[2]


def workbook(path: Path, rows: list[list[str]], far: tuple[int, int] | None = None) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "pegawai"
    for row in rows:
        sheet.append(row)
    if far:
        sheet.cell(row=far[0], column=far[1], value="catatan tersasar")
    book.save(path)
    return path


def with_dimension(path: Path, ref: str) -> Path:
    """The same workbook, its sheet's <dimension> tag claiming ``ref``."""
    out = path.with_name(f"{path.stem}-dim.xlsx")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                data = re.sub(rb'<dimension ref="[^"]*"', f'<dimension ref="{ref}"'.encode(), data)
            dst.writestr(item, data)
    out.rename(path.with_name("pegawai.xlsx"))
    return path.with_name("pegawai.xlsx")


def peak_rss_mb(path: Path) -> int:
    """Ingest ``path`` in a child process; its peak RSS in MB (asserting it read the rows)."""
    code = (
        "import resource, sys; from checker.data.ingest import ingest\n"
        "ds = ingest([sys.argv[1]]); print(ds.count('pegawai'))\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr[-2000:]
    count, rss = result.stdout.split()
    assert int(count) == PEGAWAI
    return int(rss)


def test_a_far_cell_is_read_sparsely(tmp_path: Path, pegawai_rows: list[list[str]]) -> None:
    path = workbook(tmp_path / "pegawai.xlsx", pegawai_rows, far=(100_000, 1_000))
    cells = sum(len(row) for row in pegawai_rows) + 1  # openpyxl writes "" as a cell too
    assert scan_xlsx(path).sheets["pegawai"] == SheetScan(
        "pegawai", cells=cells, rows=100_000, columns=1_000, claimed=100_000 * 1_000
    )
    for limits in (Limits.cli(), Limits.service()):
        with ingest([path], limits=limits) as dataset:
            assert dataset.count("pegawai") == PEGAWAI
            assert [f.rule for f in dataset.findings if f.severity == "error"] == []


def test_inflated_dimension_tags_read_normally(
    tmp_path: Path, pegawai_rows: list[list[str]]
) -> None:
    plain = workbook(tmp_path / "asal.xlsx", pegawai_rows)
    for ref in ("A1:ALL100000", "A1:XFD1048576"):
        path = with_dimension(plain, ref)
        assert scan_xlsx(path).sheets["pegawai"].extent == len(pegawai_rows[0]) * 4
        with ingest([path], limits=Limits.service()) as dataset:
            assert dataset.count("pegawai") == PEGAWAI


def test_far_cells_and_dimension_claims_stay_within_memory(
    tmp_path: Path, pegawai_rows: list[list[str]]
) -> None:
    # measured before: 3.9 GB for the far cell, a Rust abort (exit 134) for XFD1048576
    (tmp_path / "far").mkdir()
    far = workbook(tmp_path / "far" / "pegawai.xlsx", pegawai_rows, far=(100_000, 1_000))
    corner = workbook(tmp_path / "pojok.xlsx", pegawai_rows, far=(1_048_576, 16_384))
    claim = with_dimension(workbook(tmp_path / "klaim.xlsx", pegawai_rows), "A1:XFD1048576")
    for path in (far, corner, claim):
        assert peak_rss_mb(path) < 600, path


def test_cells_without_r_attributes_follow_the_previous_cell(tmp_path: Path) -> None:
    path = tmp_path / "tanpa_r.xlsx"
    sheet = (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<dimension ref="A1"/><sheetData>'
        '<row><c t="inlineStr"><is><t>nip</t></is></c><c s="1"/><c><v>1</v></c></row>'
        '<row r="40"><c r="B40"><v>2</v></c><c><v>3</v></c><c s="2"/></row>'
        "<row><c/><c/><c/><c/><c><v>4</v></c></row>"
        "</sheetData></worksheet>"
    )
    write_xlsx(path, {"data": sheet})
    assert scan_xlsx(path).sheets == {
        "data": SheetScan("data", cells=5, rows=41, columns=5, claimed=1)
    }


def test_a_cell_whose_reference_leaves_its_row_is_found(tmp_path: Path) -> None:
    path = tmp_path / "lompat.xlsx"
    sheet = (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        '<row r="1"><c r="A1"><v>1</v></c><c r="C900000"><v>2</v></c><c r="XFD1"/></row>'
        '<row r="2"><c r="B2"><v>3</v></c></row></sheetData></worksheet>'
    )
    write_xlsx(path, {"data": sheet})
    assert scan_xlsx(path).sheets["data"] == SheetScan("data", cells=3, rows=900_000, columns=3)


def write_xlsx(path: Path, sheets: dict[str, str]) -> None:
    """A minimal XLSX from worksheet XML, as other programs write them."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
    names = list(sheets)
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.sheet.main+xml"/>'
            + "".join(
                f'<Override PartName="/xl/worksheets/s{i}.xml" ContentType="application/vnd.'
                'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                for i in range(len(names))
            )
            + "</Types>",
        )
        z.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{pkg}"><Relationship Id="r1" Type="{rel}/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>',
        )
        z.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets>'
            + "".join(
                f'<sheet name="{n}" sheetId="{i + 1}" r:id="rId{i}"/>' for i, n in enumerate(names)
            )
            + "</sheets></workbook>",
        )
        z.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<Relationships xmlns="{pkg}">'
            + "".join(
                f'<Relationship Id="rId{i}" Type="{rel}/worksheet" Target="/xl/worksheets/s{i}.xml"/>'
                for i in range(len(names))
            )
            + "</Relationships>",
        )
        for i, xml in enumerate(sheets.values()):
            z.writestr(f"xl/worksheets/s{i}.xml", xml)


def test_a_workbook_over_the_cells_limit_is_refused(
    tmp_path: Path, pegawai_rows: list[list[str]]
) -> None:
    path = workbook(tmp_path / "pegawai.xlsx", pegawai_rows)
    cells = sum(len(row) for row in pegawai_rows)  # openpyxl writes "" as a cell too
    with ingest([path], limits=Limits.cli().but(cells_per_workbook=cells)) as dataset:
        assert dataset.count("pegawai") == PEGAWAI  # exactly at the limit it is read
    service = Limits.service().but(cells_per_file=cells - 1, cells_per_workbook=cells - 1)
    for limits, also in (
        # on the command line the same rows would be read as CSV: say so
        (
            Limits.cli().but(cells_per_workbook=cells - 1),
            ", atau simpan setiap tabel sebagai berkas CSV",
        ),
        (service, ""),
    ):
        with ingest([path], limits=limits) as dataset:
            assert dataset.inputs == []
            assert [(f.rule, f.severity, f.table, f.file, f.message) for f in dataset.findings] == [
                (
                    "SKEMA-BERKAS",
                    "error",
                    "pegawai",
                    str(path),
                    f"Berkas ini berisi {cells} sel terisi, melebihi batas {cells - 1} sel per "
                    "buku kerja. Bagi data menjadi beberapa berkas yang masing-masing tidak "
                    "melebihi batas itu (misalnya satu berkas per tabel atau per unit kerja)"
                    f"{also}, lalu kirim kembali.",
                )
            ]


def test_an_ods_with_a_far_cell_is_refused_not_laid_out(tmp_path: Path) -> None:
    path = tmp_path / "kiriman.ods"
    cell = '<table:table-cell office:value-type="string"><text:p>{}</text:p></table:table-cell>'
    body = (
        f"<table:table-row>{cell.format('nip')}{cell.format('nama')}</table:table-row>"
        '<table:table-row table:number-rows-repeated="99998"><table:table-cell/></table:table-row>'
        '<table:table-row><table:table-cell table:number-columns-repeated="999"/>'
        f"{cell.format('x')}</table:table-row>"
    )
    content = (
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body>'
        f'<office:spreadsheet><table:table table:name="pegawai">{body}</table:table>'
        "</office:spreadsheet></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", content)
    assert scan_ods(path).sheets == {
        "pegawai": SheetScan("pegawai", cells=3, rows=100_000, columns=1_000)
    }
    with pytest.raises(InputError) as caught:
        ingest([path])
    assert (
        "Lembar 'pegawai' terisi sampai baris 100.000 dan kolom 1.000, sehingga harus dibaca "
        "sebagai 100.000.000 sel walaupun hanya 3 sel yang terisi." in caught.value.message
    )


def wide_csv(path: Path, columns: int, rows: int = 20) -> Path:
    header = ["nip", "nama", "tanggal_lahir"] + [f"kolom_{i}" for i in range(columns - 3)]
    with path.open("w", encoding="utf-8") as fh:
        fh.write(",".join(header) + "\n")
        for i in range(rows):
            fh.write(f"19850312201001{i:04d},Orang,12/03/1985" + "," * (columns - 3) + "\n")
    return path


@pytest.mark.parametrize("columns", [15_000, 50_000])
def test_a_header_over_the_column_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    path = wide_csv(tmp_path / "pegawai.csv", columns)
    message = (
        f"Baris judul tabel ini memiliki {columns // 1000}.000 kolom, melebihi batas 1.000 kolom "
        "per tabel. Hapus kolom yang bukan bagian templat (biasanya kolom kosong atau hasil "
        "ekspor yang keliru), lalu kirim kembali."
    )
    with ingest([path]) as dataset:
        assert [(f.rule, f.table, f.message) for f in dataset.findings] == [
            ("SKEMA-BERKAS", "pegawai", message)
        ]
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(cli, ["check", str(path), "--as-of", "2026-01-15"])
    assert result.exit_code == 1, result.output
    assert message in result.output
    other = wide_csv(tmp_path / "ekspor.csv", columns)
    result = CliRunner().invoke(cli, ["check", str(other), "--as-of", "2026-01-15"])
    assert result.exit_code == 2
    assert message.split(".", 1)[0] in result.output


def test_a_text_file_over_the_cells_limit_is_refused(tmp_path: Path) -> None:
    path = wide_csv(tmp_path / "pegawai.csv", 10, rows=4)
    with ingest([path], limits=Limits.cli().but(cells_per_file=49)) as dataset:
        assert [(f.rule, f.message) for f in dataset.findings] == [
            (
                "SKEMA-BERKAS",
                "Berkas ini memuat 5 baris × 10 kolom = 50 sel, melebihi batas 49 sel per "
                "berkas. Bagi data menjadi beberapa berkas (misalnya per unit kerja), lalu "
                "kirim kembali.",
            )
        ]
    with ingest([path], limits=Limits.cli().but(cells_per_file=50)) as dataset:
        assert dataset.count("pegawai") == 4


def test_a_sheet_header_over_the_column_limit_is_refused(
    tmp_path: Path, pegawai_rows: list[list[str]]
) -> None:
    # a far cell in a data row below the header is no reason to refuse the sheet
    path = workbook(tmp_path / "pegawai.xlsx", pegawai_rows, far=(6, 40))
    width = len(pegawai_rows[0])
    with ingest([path], limits=Limits.cli().but(columns_per_table=width)) as dataset:
        assert dataset.count("pegawai") == PEGAWAI
    with ingest([path], limits=Limits.cli().but(columns_per_table=width - 1)) as dataset:
        assert [(f.rule, f.table, f.file) for f in dataset.findings] == [
            ("SKEMA-BERKAS", "pegawai", f"{path}#pegawai")
        ]
        assert dataset.findings[0].message.startswith(
            f"Baris judul tabel ini memiliki {width} kolom, melebihi batas {width - 1} kolom "
        )


def _damage(data: bytes, how: str) -> bytes:
    """A workbook damaged the ways fuzzing found escaping the reader."""
    out = bytearray(data)
    central = data.index(b"PK\x01\x02")
    if how == "central-directory":
        out[central + 3] = 0x03  # Bad magic number for central directory
    elif how == "zip-version":
        out[central + 6] = 174  # "zip file version 17.4": a feature Python lacks
    elif how == "deflate":
        name = b"xl/worksheets/sheet1.xml"
        local = data.index(b"PK\x03\x04" + data[4:4])  # first local header
        while data[local + 30 : local + 30 + len(name)] != name:
            local = data.index(b"PK\x03\x04", local + 4)
        start = local + 30 + len(name) + int.from_bytes(data[local + 28 : local + 30], "little")
        for i in range(start + 8, start + 40):
            out[i] ^= 0x5A  # a deflate stream broken in the middle
    return bytes(out)


@pytest.mark.parametrize("how", ["central-directory", "zip-version", "deflate", "renamed"])
def test_a_damaged_workbook_is_a_finding_not_a_crash(
    tmp_path: Path, pegawai_rows: list[list[str]], how: str
) -> None:
    good = workbook(tmp_path / "asli.xlsx", pegawai_rows).read_bytes()
    name = "pegawai.tsv" if how == "renamed" else "pegawai.xlsx"
    path = tmp_path / name
    path.write_bytes(good if how == "renamed" else _damage(good, how))
    with ingest([path]) as dataset:
        if how == "renamed":  # read by content, whatever the name says
            assert dataset.count("pegawai") == PEGAWAI
            return
        assert [(f.rule, f.file) for f in dataset.findings] == [("SKEMA-BERKAS", str(path))]
        assert "isinya rusak" in dataset.findings[0].message


def test_a_deflate_damaged_lzma_entry_is_a_finding(
    tmp_path: Path, pegawai_rows: list[list[str]]
) -> None:
    good = workbook(tmp_path / "asli.xlsx", pegawai_rows)
    path = tmp_path / "pegawai.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_LZMA) as dst:
        for item in src.infolist():
            dst.writestr(item.filename, src.read(item.filename))
    data = bytearray(path.read_bytes())
    name = b"xl/worksheets/sheet1.xml"
    at = data.index(b"PK\x03\x04" + bytes(data[4:4]))
    while data[at + 30 : at + 30 + len(name)] != name:
        at = data.index(b"PK\x03\x04", at + 4)
    start = at + 30 + len(name) + int.from_bytes(data[at + 28 : at + 30], "little")
    for i in range(start + 20, start + 60):
        data[i] ^= 0x5A
    path.write_bytes(bytes(data))
    with ingest([path]) as dataset:
        assert [(f.rule, f.file) for f in dataset.findings] == [("SKEMA-BERKAS", str(path))]
        assert "isinya rusak" in dataset.findings[0].message


def test_line_breaks_inside_workbook_cells_keep_the_rows(
    tmp_path: Path, pegawai_rows: list[list[str]]
) -> None:
    rows = [list(r) for r in pegawai_rows]
    at = rows[0].index("nama")
    rows[1][at], rows[2][at] = "Ahmad\r\nFauzi", "Siti\rAminah"
    path = workbook(tmp_path / "pegawai.xlsx", rows)
    with ingest([path]) as dataset:
        assert dataset.count("pegawai") == PEGAWAI
        names = [n for (n,) in dataset.rows("pegawai", "nama")]
        assert names[:2] == ["Ahmad\nFauzi", "Siti\nAminah"]


def test_a_sheet_without_a_name_is_a_damaged_workbook(
    tmp_path: Path, pegawai_rows: list[list[str]]
) -> None:
    # a <sheet> that lost its name (found by fuzzing): openpyxl refused it with a TypeError
    good = workbook(tmp_path / "asli.xlsx", pegawai_rows)
    path = tmp_path / "pegawai.xlsx"
    nameless = (
        b'<sheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
        b' sheetId="9" r:id="rId1"/></sheets>'
    )
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/workbook.xml":
                data = data.replace(b"</sheets>", nameless)
            dst.writestr(item, data)
    with ingest([path]) as dataset:
        assert [(f.rule, f.file) for f in dataset.findings] == [("SKEMA-BERKAS", str(path))]
        assert "isinya rusak" in dataset.findings[0].message


FUZZ = Path(__file__).parent / "fuzz_cases"


def test_xml_that_openpyxl_cannot_parse_is_a_damaged_workbook() -> None:
    # bench/fuzz.py seed 7 case 8524: an XLSX with a duplicated entry and a broken attribute;
    # openpyxl's XML parser (lxml) raised XMLSyntaxError as an internal error
    path = FUZZ / "seed7-case008524.xlsx"
    with pytest.raises(InputError, match=r"tidak dapat dibuka \(isinya rusak\)"):
        ingest([path])  # named after no table, nothing else to read: exit 2 with the reason
