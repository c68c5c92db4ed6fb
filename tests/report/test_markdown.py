"""The Markdown report: Indonesian headings, summaries, escaped cells."""

from __future__ import annotations

import re
from dataclasses import replace

from checker.artifacts.markdown import escape
from checker.report.markdown import render_markdown
from tests.report.golden import check_golden
from tests.report.sample import ATTACK, jp, small_report


def test_small_report_matches_golden() -> None:
    check_golden("small.md", render_markdown(small_report()))


def test_sections_in_order() -> None:
    headings = [
        line for line in render_markdown(small_report()).splitlines() if line.startswith("#")
    ]
    assert headings == [
        "# Laporan Pemeriksaan Data Kepegawaian",
        "## Berkas masukan",
        "## Ringkasan",
        "## Temuan per aturan",
        "## Temuan per instansi",
        "## Rincian temuan",
        "### KIN-SKP-TAHUNAN — Evaluasi kinerja tahunan tidak ada",
        "### KOMP-JP-MIN — JP pengembangan kompetensi PNS kurang dari minimum",
        "### KIN-CAKUPAN — Cakupan evaluasi kinerja tahunan di bawah target",
        "### SKEMA-TIPE — Isian tidak sesuai jenis data",
    ]


def test_escape() -> None:
    assert escape("a|b\nc\r\nd") == "a\\|b<br>c<br>d"
    assert escape("<script>&") == "&lt;script&gt;&amp;"
    assert escape("*tebal* `kode` [tautan]") == "\\*tebal\\* \\`kode\\` \\[tautan\\]"
    assert escape("C:\\data") == "C:\\\\data"


def test_data_cannot_break_a_table_row() -> None:
    evil = replace(
        jp(2, "198503122010011001", "Ahmad"),
        message="satu | dua\nbaris baru <b>tebal</b>",
        actual=ATTACK,
    )
    md = render_markdown(small_report(findings=[evil], rows={}))
    rows = [line for line in md.splitlines() if "satu" in line]
    assert len(rows) == 1
    unescaped_pipes = len(re.findall(r"(?<!\\)\|", rows[0]))
    assert unescaped_pipes == 7  # six cells
    assert "satu \\| dua<br>baris baru &lt;b&gt;tebal&lt;/b&gt;" in rows[0]
    assert "<b>" not in md


def test_empty_report() -> None:
    md = render_markdown(small_report(findings=[], rows={}))
    assert md.endswith(
        "## Ringkasan\n\nTidak ada temuan. Data memenuhi seluruh aturan yang diperiksa.\n"
    )
    assert "## Rincian temuan" not in md


def test_unicode_names_kept() -> None:
    md = render_markdown(small_report())
    assert "Désirée Nur'aini Siregar" in md
    assert "Ma'ruf Hidayat" in md


def test_instansi_table_shows_employees_and_compliance_when_known() -> None:
    report = small_report()
    report.employees = {"Pemerintah Kabupaten Rejang Lebong": 1000, "Dinas Tanpa Temuan": 3}
    md = render_markdown(report)
    assert (
        "| Instansi | Kesalahan | Peringatan | Informasi | Pegawai | Tanpa kesalahan (%) |\n"
        "|---|---:|---:|---:|---:|---:|\n"
        "| (tanpa instansi) | 0 | 0 | 1 |  |  |\n"
        "| Dinas Tanpa Temuan | 0 | 0 | 0 | 3 | 100 |\n"
        "| Pemerintah Kabupaten Rejang Lebong | 3 | 1 | 0 | 1.000 | 99,8 |\n"
    ) in md
