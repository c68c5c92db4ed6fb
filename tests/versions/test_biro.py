"""The Biro Hukum's documents read back: the matriks perubahan (Word, Excel, Markdown) between
the two tagged versions of the tiny regulation, and the DIM of a consultation on the first
version after the second renumbered its Pasal. Nothing is asserted on the model alone: each
check opens the file a drafter would attach."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import openpyxl
import pytest
from click.testing import CliRunner

from checker.cli import cli
from tests.git_fixture import Git
from tests.policy_fixture import PERATURAN, MakePolicy
from tests.versions.fixtures import HAK_V2, PARAMETER_V2

KONSULTASI = """\
versi: uji-1
masukan:
  - id: 7k2m9q4xbd
    pasal: hak-jp-jumlah
    tanggal: '2026-03-10'
    asal: ASN
    isi: "=HYPERLINK(\\"http://x\\") PPPK juga perlu JP minimum."
    tanggapan: Diterima; PPPK ditambahkan pada ayat (1).
    keputusan: diterima
    pasal_diubah: [hak-jp]
  - id: 9p3r8s2tuv
    pasal: rujukan
    tanggal: '2026-03-11'
    asal: masyarakat
    isi: Pasal pelaporan ini tumpang tindih.
    tanggapan: Pasal dihapus dan diganti kewajiban pelaporan pimpinan instansi.
    keputusan: diterima sebagian
    pasal_diubah: [rujukan, laporan]
  - id: 5w6x7y8z9a
    pasal: berlaku
    tanggal: '2026-03-12'
    isi: Mohon penjelasan tanggal berlaku.
"""


@pytest.fixture
def two_versions(make_policy: MakePolicy, git: Git) -> Path:
    """As tests/versions/conftest.py's, but the second version also inserts a Pasal before
    hak-jp (every later Pasal is renumbered) and says so in peraturan.yml (``uji-2``), as a
    drafter bumps the version after a consultation."""
    root = make_policy()
    git("init", "-q", "-b", "main")
    git("add", "policy")
    git("commit", "-q", "-m", "Rancangan pertama", date="2026-03-02T09:00:00+07:00")
    git("tag", "v2026.1")
    make_policy(
        bab__hak_md=HAK_V2.replace(
            "#### Pasal {#hak-jp}\n",
            "#### Pasal {#hak-umum}\n\nSetiap PNS berhak atas pengembangan kompetensi.\n\n"
            "#### Pasal {#hak-jp}\n",
        ),
        parameter_yml=PARAMETER_V2,
        peraturan_yml=PERATURAN.replace("version: uji-1", "version: uji-2"),
    )
    git("add", "policy")
    git("commit", "-q", "-m", "Rancangan kedua", date="2026-04-06T14:30:00+07:00")
    git("tag", "-a", "v2026.2", "-m", "Versi 2026.2", date="2026-04-06T14:30:00+07:00")
    return root


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def docx_rows(path: Path) -> list[list[str]]:
    (table,) = docx.Document(str(path)).tables
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_matriks_in_word_marks_the_changed_words(two_versions: Path, tmp_path: Path) -> None:
    out = tmp_path / "matriks.docx"
    run("export", "matriks", "--from", "v2026.1", "--to", "v2026.2", "-o", str(out))
    document = docx.Document(str(out))
    section = document.sections[0]
    assert section.page_width > section.page_height  # landscape
    assert round(section.page_height.mm) == 215 and round(section.page_width.mm) == 330  # F4
    heads = [p.text for p in document.paragraphs[:4]]
    assert heads[0] == "MATRIKS PERUBAHAN" and heads[2] == "TENTANG"
    (table,) = document.tables
    header = table.rows[0]._tr
    assert header.trPr is not None and header.trPr.xpath("./w:tblHeader")  # repeated per page
    rows = docx_rows(out)
    assert rows[0] == ["No.", "Pasal", "Rumusan lama", "Rumusan baru", "Keterangan"]
    by_pasal = {r[1]: r for r in rows[1:]}
    changed = next(r for k, r in by_pasal.items() if "(diubah)" in k)
    assert "Setiap PNS berhak" in changed[2] and "Setiap PNS dan PPPK berhak" in changed[3]
    # the added words are bold and underlined in the new wording, nothing struck there
    new_cell = next(c for c in table.rows[rows.index(changed)].cells[3:4])
    marked = [r.text for p in new_cell.paragraphs for r in p.runs if r.bold and r.underline]
    assert any("PPPK" in t for t in marked)
    old_cell = table.rows[rows.index(changed)].cells[2]
    struck = [r.text for p in old_cell.paragraphs for r in p.runs if r.font.strike]
    assert not any("PPPK" in t for t in struck)
    # numbered at both versions: hak-jp moved from Pasal 2 to Pasal 3 when a Pasal came first
    assert changed[1] == "Pasal 2 menjadi Pasal 3 (diubah)"
    added = {r[1]: r for r in rows[1:] if "(ditambah)" in r[1]}
    assert set(added) == {"Pasal 2 (ditambah)", "Pasal 4 (ditambah)"}
    assert "Pimpinan Instansi melaporkan" in added["Pasal 4 (ditambah)"][3]
    assert added["Pasal 4 (ditambah)"][2] == "(tidak ada)"
    (removed,) = [r for r in rows[1:] if "(dihapus)" in r[1]]
    assert removed[1] == "Pasal 3 (dihapus)"
    assert "dilaporkan kepada Gubernur" in removed[2] and removed[3] == "(dihapus)"
    numbers = [r[0] for r in rows[1:]]
    assert numbers == [str(n) for n in range(1, len(rows))]


def test_matriks_carries_the_consultation_that_led_to_it(
    two_versions: Path, git: Git, tmp_path: Path
) -> None:
    folder = two_versions / "konsultasi"
    folder.mkdir()
    (folder / "uji-1.yml").write_text(KONSULTASI, encoding="utf-8")
    text = run("export", "matriks", "--from", "v2026.1", "--format", "md")
    lines = [line for line in text.splitlines() if line.startswith("| ")]
    changed = next(line for line in lines if "(diubah)" in line)
    assert "<ins>" in changed and "PPPK" in changed
    assert "Masukan 7k2m9q4xbd" in changed and "diterima" in changed
    removed = next(line for line in lines if "(dihapus)" in line)
    assert "Masukan 9p3r8s2tuv" in removed and "diterima sebagian" in removed
    added = next(line for line in lines if "Pasal 4 (ditambah)" in line)
    assert "9p3r8s2tuv" in added  # named among the clauses it changed
    new_first = next(line for line in lines if "Pasal 2 (ditambah)" in line)
    assert "Masukan" not in new_first
    assert "5w6x7y8z9a" not in text  # a comment that changed nothing is not a reason

    out = tmp_path / "matriks.xlsx"
    run("export", "matriks", "--from", "v2026.1", "-o", str(out))
    sheet = openpyxl.load_workbook(out, rich_text=True).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    header_at = next(i for i, r in enumerate(values) if r[0] == "No.")
    assert values[header_at] == ["No.", "Pasal", "Rumusan lama", "Rumusan baru", "Keterangan"]
    assert sheet.freeze_panes == f"A{header_at + 2}"
    body = values[header_at + 1 :]
    rich = next(r[3] for r in body if r[1] and "(diubah)" in str(r[1]))
    marked = [b.text for b in rich if hasattr(b, "font") and b.font.b and b.font.u]
    assert any("PPPK" in t for t in marked)


def test_dim_after_a_renumbering(two_versions: Path, tmp_path: Path) -> None:
    """Comments on v2026.1; v2026.2 inserted a Pasal and removed one, so the numbers moved:
    each row gives the Pasal as numbered then and now, the wording then, and now."""
    folder = two_versions / "konsultasi"
    folder.mkdir()
    (folder / "uji-1.yml").write_text(KONSULTASI, encoding="utf-8")
    out = tmp_path / "dim.docx"
    run("export", "dim", "--versi", "uji-1", "-o", str(out))
    document = docx.Document(str(out))
    assert document.paragraphs[0].text == "DAFTAR INVENTARISASI MASALAH"
    assert document.sections[0].page_width > document.sections[0].page_height
    rows = docx_rows(out)
    assert rows[0][:4] == ["No.", "Pasal", "Rumusan yang dikonsultasikan", "Masukan"]
    first, second, third = rows[1:]
    assert first[:2] == ["1", "Pasal 2 ayat (1) (sekarang Pasal 3 ayat (1))"]
    assert "Setiap PNS berhak" in first[2] and "PPPK juga perlu JP minimum" in first[3]
    assert first[5].startswith("Diterima; PPPK") and first[6] == "diterima"
    assert "Setiap PNS dan PPPK berhak" in first[7]  # the wording now, changed
    assert second[1] == "Pasal 3 (tidak ada lagi)" and second[7] == "dihapus"
    assert "dilaporkan kepada Gubernur" in second[2]
    assert third[1] == "Pasal 4 (sekarang Pasal 5)"
    assert third[5] == "Belum ditanggapi." and third[6] == "-" and third[7] == "tetap"

    sheet_path = tmp_path / "dim.xlsx"
    run("export", "dim", "--versi", "uji-1", "-o", str(sheet_path))
    sheet = openpyxl.load_workbook(sheet_path).active
    cells = {c.value: c for row in sheet.iter_rows() for c in row if isinstance(c.value, str)}
    formula = next(c for v, c in cells.items() if v.startswith("=HYPERLINK"))
    assert formula.data_type == "s" and formula.quotePrefix  # formula-safe
    assert "Diterima; PPPK ditambahkan pada ayat (1)." in cells


def test_dim_without_consultation_says_what_to_do(two_versions: Path) -> None:
    result = CliRunner().invoke(cli, ["export", "dim"])
    assert result.exit_code == 2
    assert "kebijakan konsultasi ekspor" in result.output


@pytest.mark.parametrize("fmt", ["docx", "xlsx", "md"])
def test_every_format_writes_a_file(two_versions: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"m.{fmt}"
    run("export", "matriks", "--from", "v2026.1", "-o", str(out))
    data = out.read_bytes()
    assert data[:2] == b"PK" if fmt != "md" else data.startswith(b"## Matriks perubahan")
    if fmt == "docx":
        assert docx.Document(io.BytesIO(data)).tables
