"""The text and Markdown reports list the first findings of each rule and count the rest;
JSON, CSV and XLSX keep every finding."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path

import openpyxl
from click.testing import CliRunner

from checker.cli import cli
from checker.report.finding import Finding
from checker.report.formats import render_report
from checker.report.labels import SHOWN_PER_GROUP, more_findings
from checker.report.markdown import render_markdown
from checker.report.text import render_text
from tests.report.sample import jp, small_report
from tests.report.test_formats import PEGAWAI, PELATIHAN, ROOT, UNIT_KERJA

MORE = "  … dan 70 temuan serupa lainnya; selengkapnya lihat laporan JSON, CSV, atau XLSX."


def many() -> list[Finding]:
    """120 KOMP-JP-MIN findings on rows 2..121 and 3 DATA-NIP findings."""
    findings = [jp(row, f"1985031220100{row:05d}", f"Pegawai {row}") for row in range(2, 122)]
    findings += [
        replace(
            jp(row, f"NIP-{row}", f"Salah {row}"),
            rule="DATA-NIP",
            severity="warning",
            column="nip",
            message=f"NIP pegawai baris {row} tidak terdiri atas 18 digit angka.",
        )
        for row in (200, 201, 202)
    ]
    return findings


def lines_of(text: str, rule: str) -> list[str]:
    """The indented lines under ``rule``'s heading, up to the next blank line."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{rule} ("))
    end = lines.index("", start)
    return lines[start + 1 : end]


def test_fifty_findings_of_a_rule_are_shown_the_rest_counted() -> None:
    assert SHOWN_PER_GROUP == 50
    text = render_text(small_report(findings=many(), rows={}))
    jp_lines = lines_of(text, "KOMP-JP-MIN")
    assert len(jp_lines) == 51
    assert jp_lines[-1] == MORE
    assert jp_lines[0].startswith("  kiriman/pegawai.csv:2 [jp] Sdr. Pegawai 2 ")
    assert jp_lines[49].startswith("  kiriman/pegawai.csv:51 [jp] Sdr. Pegawai 51 ")
    assert "KOMP-JP-MIN (kesalahan, 120 temuan; jenis: temuan ketidakpatuhan): " in text
    nip_lines = lines_of(text, "DATA-NIP")
    assert [line.split(" [")[0] for line in nip_lines] == [
        "  kiriman/pegawai.csv:200",
        "  kiriman/pegawai.csv:201",
        "  kiriman/pegawai.csv:202",
    ]
    assert text.endswith(
        "\n120 kesalahan, 3 peringatan, 0 informasi. Menurut jenisnya: 123 temuan "
        "ketidakpatuhan, 0 temuan yang memerlukan verifikasi, 0 informasi.\n"
    )


def test_limit_none_shows_every_finding() -> None:
    text = render_text(small_report(findings=many(), rows={}), limit=None)
    assert len(lines_of(text, "KOMP-JP-MIN")) == 120
    assert "temuan serupa lainnya" not in text


def test_the_count_uses_the_indonesian_thousands_separator() -> None:
    assert more_findings(12345) == (
        "… dan 12.345 temuan serupa lainnya; selengkapnya lihat laporan JSON, CSV, atau XLSX."
    )


def test_markdown_table_is_cut_and_the_heading_keeps_the_count() -> None:
    md = render_markdown(small_report(findings=many(), rows={}))
    section = md.split("### KOMP-JP-MIN", 1)[1].split("\n### ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| kiriman/")]
    assert len(rows) == 50
    assert "Kesalahan · Jenis: temuan ketidakpatuhan · Pasal 6 ayat (1) · 120 temuan" in section
    assert MORE.strip() in section
    assert (
        "| KOMP-JP-MIN | JP pengembangan kompetensi PNS kurang dari minimum | Kesalahan "
        "| Temuan ketidakpatuhan | 120 |"
    ) in md
    whole = render_markdown(small_report(findings=many(), rows={}), limit=None)
    assert whole.count("| kiriman/pegawai.csv:") == 123
    assert "temuan serupa lainnya" not in whole


def test_dispensed_findings_are_cut_too() -> None:
    findings = [replace(f, dispensation="DISP-1") for f in many()]
    report = small_report(findings=findings, rows={})
    text = render_text(report)
    dispensed = lines_of(text, "DISP-1")
    assert len(dispensed) == 51
    assert dispensed[0].startswith(
        "  [didispensasi, kesalahan, temuan ketidakpatuhan] kiriman/pegawai.csv:2 "
    )
    # 123 findings of one dispensation, in report order (file, row): rows 2..51 shown
    assert dispensed[-1] == MORE.replace("70", "73")
    assert "DISP-1 (123 temuan" in text
    md = render_markdown(report)
    assert md.count("| KOMP-JP-MIN | kesalahan | temuan ketidakpatuhan | kiriman/") == 50
    assert "| DATA-NIP |" not in md
    assert MORE.strip().replace("70", "73") in md


def test_json_csv_and_xlsx_keep_every_finding() -> None:
    report = small_report(findings=many(), rows={})
    assert len(json.loads(render_report(report, "json"))["findings"]) == 123
    rows = list(csv.DictReader(io.StringIO(render_report(report, "csv").decode("utf-8-sig"))))
    assert len(rows) == 123
    book = openpyxl.load_workbook(io.BytesIO(render_report(report, "xlsx")))
    temuan = list(book["Temuan"].iter_rows(min_row=2, values_only=True))
    assert len([row for row in temuan if any(row)]) == 123


def test_render_report_passes_the_limit_to_text_and_markdown() -> None:
    report = small_report(findings=many(), rows={})
    for fmt in ("text", "md"):
        assert "temuan serupa lainnya" in render_report(report, fmt).decode()
        assert "temuan serupa lainnya" not in render_report(report, fmt, limit=None).decode()


def test_cli_text_is_cut_unless_semua(tmp_path: Path) -> None:
    folder = tmp_path / "kiriman"
    folder.mkdir()
    people = [f"1985031220100{n:05d}" for n in range(1, 61)]  # none ends in 000 (Excel)
    (folder / "pegawai.csv").write_text(
        PEGAWAI.splitlines()[0]
        + "\n"
        + "".join(
            f"{nip},Pegawai {n},12/03/1985,L,PNS,III/c,01/04/2019,Pelaksana,Analis,S-1,"
            "01/01/2010,Pemerintah Provinsi Bengkulu,Badan Kepegawaian Daerah,Ya\n"
            for n, nip in enumerate(people)
        ),
        encoding="utf-8",
    )
    (folder / "pelatihan.csv").write_text(PELATIHAN.splitlines()[0] + "\n", encoding="utf-8")
    (folder / "unit_kerja.csv").write_text(UNIT_KERJA, encoding="utf-8")
    common = ["check", str(folder), "--as-of", "2026-06-30"]
    common += ["--policy", str(ROOT / "policy"), "--rules", str(ROOT / "rules")]

    cut = CliRunner().invoke(cli, common, catch_exceptions=False)
    whole = CliRunner().invoke(cli, [*common, "--semua"], catch_exceptions=False)

    assert (cut.exit_code, whole.exit_code) == (1, 1)
    assert "KIN-SKP-TAHUNAN (kesalahan, 60 temuan; jenis: temuan ketidakpatuhan)" in cut.stdout
    assert len(lines_of(cut.stdout, "KIN-SKP-TAHUNAN")) == 51
    assert "  … dan 10 temuan serupa lainnya; " in cut.stdout
    assert len(lines_of(whole.stdout, "KIN-SKP-TAHUNAN")) == 60
    assert "temuan serupa lainnya" not in whole.stdout
