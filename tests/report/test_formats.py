"""Every format through one entry point; a real check rendered in every format; reruns give
identical bytes."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from checker.checking import check
from checker.cli import cli
from checker.report.formats import FORMATS, render_report
from checker.report.report import Report, to_json
from tests.report.sample import VERIFIKASI, kp, small_report

ROOT = Path(__file__).resolve().parents[2]
PEGAWAI = """\
nip,nama,tanggal_lahir,jenis_kelamin,status_kepegawaian,golongan,tmt_golongan,jenis_jabatan,jabatan,pendidikan,tmt_cpns,instansi,unit_kerja,aktif
198503122010011001,Ma'ruf Hidayat,12/03/1985,L,PNS,III/c,01/04/2019,Pelaksana,Analis,S-1,01/01/2010,Pemerintah Provinsi Bengkulu,Badan Kepegawaian Daerah,Ya
198703122010012002,Désirée Nur'aini,12/03/1987,P,PNS,III/b,01/04/2019,Pelaksana,Pengadministrasi,S-1,01/01/2010,Pemerintah Provinsi Bengkulu,Badan Kepegawaian Daerah,Ya
"""
PELATIHAN = """\
nip,nama_pelatihan,jenis,bentuk,penyelenggara,mitra,tanggal_mulai,tanggal_selesai,jp,biaya
198503122010011001,Pelatihan Dasar,klasikal,pelatihan,BPSDM,,01/03/2025,05/03/2025,12,0
198703122010012002,Pelatihan Dasar,klasikal,pelatihan,BPSDM,,01/03/2025,05/03/2025,20,0
"""
UNIT_KERJA = """\
kode,nama,instansi,pelayanan_publik
BKD,Badan Kepegawaian Daerah,Pemerintah Provinsi Bengkulu,Tidak
"""


@pytest.fixture
def kiriman(tmp_path: Path) -> Path:
    folder = tmp_path / "kiriman"
    folder.mkdir()
    for name, text in (("pegawai", PEGAWAI), ("pelatihan", PELATIHAN), ("unit_kerja", UNIT_KERJA)):
        (folder / f"{name}.csv").write_text(text, encoding="utf-8")
    return folder


def checked(folder: Path) -> Report:
    return check(
        [folder], as_of=dt.date(2026, 6, 30), policy_root=ROOT / "policy", rules_root=ROOT / "rules"
    )


def test_formats_listed() -> None:
    assert FORMATS == ("text", "json", "csv", "md", "xlsx")


def test_unknown_format_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="format laporan tidak dikenal: 'pdf'"):
        render_report(small_report(), "pdf")


def test_json_is_the_contract() -> None:
    data = render_report(small_report(), "json")
    assert data == to_json(small_report()).encode("utf-8")
    assert json.loads(data)["summary"]["by_severity"] == {"error": 4, "warning": 1, "info": 1}


def test_every_format_names_the_category_of_a_finding_to_verify() -> None:
    report = small_report(findings=[kp(5, "198503122010011001", "Ahmad")], rows={})

    data = json.loads(render_report(report, "json"))
    assert [f["category"] for f in data["findings"]] == ["verifikasi"]
    assert data["summary"]["by_category"] == {
        "ketidakpatuhan": 0,
        "verifikasi": 1,
        "informasi": 0,
    }
    assert data["summary"]["by_severity"]["error"] == 1  # still an error: it fails the check

    text = render_report(report, "text").decode("utf-8")
    assert f"KAR-KP-MASA (kesalahan, 1 temuan; jenis: {VERIFIKASI})" in text
    assert f"Menurut jenisnya: 0 temuan ketidakpatuhan, 1 {VERIFIKASI}, 0 informasi." in text

    md = render_report(report, "md").decode("utf-8")
    assert f"Kesalahan · Jenis: {VERIFIKASI} · Pasal 27 ayat (1)" in md

    (row,) = csv.DictReader(io.StringIO(render_report(report, "csv").decode("utf-8-sig")))
    assert (row["rule"], row["severity"], row["category"]) == ("KAR-KP-MASA", "error", "verifikasi")

    book = openpyxl.load_workbook(io.BytesIO(render_report(report, "xlsx")))
    sheet = book["Temuan"]
    header = [c.value for c in sheet[1]]
    assert sheet.cell(row=2, column=header.index("Jenis temuan") + 1).value == VERIFIKASI


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("empty", [False, True])
def test_same_report_same_bytes(fmt: str, empty: bool) -> None:
    def make() -> Report:
        return small_report(findings=[], rows={}) if empty else small_report()

    assert render_report(make(), fmt) == render_report(make(), fmt)


def test_colour_reaches_the_text_format_only() -> None:
    assert b"\x1b[" in render_report(small_report(), "text", color=True)
    for fmt in ("json", "csv", "md"):
        assert b"\x1b[" not in render_report(small_report(), fmt, color=True)


def test_a_real_check_in_every_format(kiriman: Path) -> None:
    report = checked(kiriman)
    assert {(f.rule, f.row) for f in report.findings} == {
        ("KOMP-JP-MIN", 2),
        ("KIN-SKP-TAHUNAN", 2),
        ("KIN-SKP-TAHUNAN", 3),
    }
    pegawai = kiriman / "pegawai.csv"

    text = render_report(report, "text").decode("utf-8")
    assert (
        f"  {pegawai}:2 [jp] Sdr. Ma'ruf Hidayat (NIP 198503122010011001) pada tahun 2025 "
        "tercatat mengikuti 12 JP" in text
    )
    # the regulation is named once, in full, from peraturan.yml
    assert text.count("Rancangan Peraturan Gubernur Bengkulu tentang Pengelolaan Sumber Daya") == 1
    assert text.endswith(
        "\n\n3 kesalahan, 0 peringatan, 0 informasi. Menurut jenisnya: 3 temuan "
        "ketidakpatuhan, 0 temuan yang memerlukan verifikasi, 0 informasi.\n"
    )
    assert "KOMP-JP-MIN (kesalahan, 1 temuan; jenis: temuan ketidakpatuhan)" in text

    rows = list(csv.DictReader(io.StringIO(render_report(report, "csv").decode("utf-8-sig"))))
    assert sorted((r["rule"], r["row"], r["nip"], r["category"]) for r in rows) == [
        ("KIN-SKP-TAHUNAN", "2", "198503122010011001", "ketidakpatuhan"),
        ("KIN-SKP-TAHUNAN", "3", "198703122010012002", "ketidakpatuhan"),
        ("KOMP-JP-MIN", "2", "198503122010011001", "ketidakpatuhan"),
    ]

    md = render_report(report, "md").decode("utf-8")
    assert (
        "| KOMP-JP-MIN | JP pengembangan kompetensi PNS kurang dari minimum | Kesalahan "
        "| Temuan ketidakpatuhan | 1 |"
    ) in md

    book = openpyxl.load_workbook(io.BytesIO(render_report(report, "xlsx")))
    assert book.sheetnames == ["Ringkasan", "Temuan", "pegawai"]
    sheet = book["pegawai"]
    header = [c.value for c in sheet[1]]
    assert [r[header.index("nama")] for r in sheet.iter_rows(min_row=2, values_only=True)] == [
        "Ma'ruf Hidayat",
        "Désirée Nur'aini",
    ]
    first = dict(zip(header, next(sheet.iter_rows(min_row=2, values_only=True)), strict=True))
    assert first["Aturan"] == "KOMP-JP-MIN\nKIN-SKP-TAHUNAN"


def test_a_real_check_renders_identically_on_rerun(kiriman: Path) -> None:
    first, second = checked(kiriman), checked(kiriman)
    for fmt in FORMATS:
        assert render_report(first, fmt) == render_report(second, fmt), fmt


def test_cli_writes_a_workbook_and_prints_text(kiriman: Path, tmp_path: Path) -> None:
    expected = checked(kiriman)
    common = [
        "--as-of",
        "2026-06-30",
        "--policy",
        str(ROOT / "policy"),
        "--rules",
        str(ROOT / "rules"),
    ]
    out = tmp_path / "perbaikan.xlsx"
    result = CliRunner().invoke(
        cli,
        ["check", str(kiriman), *common, "--format", "xlsx", "-o", str(out)],
        catch_exceptions=False,
    )
    assert (result.exit_code, result.stderr) == (1, f"Laporan ditulis ke {out}.\n")
    assert out.read_bytes() == render_report(expected, "xlsx")
    result = CliRunner().invoke(cli, ["check", str(kiriman), *common], catch_exceptions=False)
    assert result.exit_code == 1
    assert result.stdout == render_report(expected, "text").decode("utf-8")
