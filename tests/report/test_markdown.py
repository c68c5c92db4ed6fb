"""The Markdown report: Indonesian headings, summaries, escaped cells."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from checker.artifacts.markdown import escape
from checker.report.labels import CATEGORY_LABELS, CATEGORY_MEANINGS
from checker.report.markdown import render_markdown
from tests.report.golden import check_golden
from tests.report.sample import ATTACK, OPD, VERIFIKASI, jp, kp, small_report


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
        "## Temuan per perangkat daerah",
        "## Rincian temuan",
        "### KAR-KP-MASA — Kenaikan pangkat reguler sebelum masa dalam pangkat terpenuhi",
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


def test_opd_table_shows_employees_and_compliance_when_known() -> None:
    report = small_report()
    report.employees = {OPD: 1000, "Dinas Tanpa Temuan": 3}
    md = render_markdown(report)
    assert (
        "| Perangkat daerah | Kesalahan | Peringatan | Informasi | Pegawai | Tanpa kesalahan (%) |\n"
        "|---|---:|---:|---:|---:|---:|\n"
        "| (tanpa perangkat daerah) | 0 | 0 | 1 |  |  |\n"
        "| Dinas Pendidikan dan Kebudayaan | 4 | 1 | 0 | 1.000 | 99,8 |\n"
        "| Dinas Tanpa Temuan | 0 | 0 | 0 | 3 | 100 |\n"
    ) in md


def test_summary_counts_findings_per_category_with_their_meaning() -> None:
    md = render_markdown(small_report())
    assert (
        "4 kesalahan, 1 peringatan, 1 informasi. Menurut jenisnya: 4 temuan ketidakpatuhan, "
        f"1 {VERIFIKASI}, 1 informasi.\n"
    ) in md
    assert (
        "| Jenis temuan | Jumlah | Artinya |\n"
        "|---|---:|---|\n"
        f"| Temuan ketidakpatuhan | 4 | {CATEGORY_MEANINGS['ketidakpatuhan']} |\n"
        f"| Temuan yang memerlukan verifikasi | 1 | {CATEGORY_MEANINGS['verifikasi']} |\n"
        f"| Informasi | 1 | {CATEGORY_MEANINGS['informasi']} |\n"
    ) in md


def test_each_rule_and_dispensed_finding_names_its_category() -> None:
    md = render_markdown(small_report())
    assert (
        "| KAR-KP-MASA | Kenaikan pangkat reguler sebelum masa dalam pangkat terpenuhi "
        "| Kesalahan | Temuan yang memerlukan verifikasi | 1 |"
    ) in md
    assert f"Kesalahan · Jenis: {VERIFIKASI} · Pasal 27 ayat (1) · 1 temuan\n" in md
    assert "Kesalahan · Jenis: temuan ketidakpatuhan · Pasal 6 ayat (1) · 2 temuan\n" in md
    dispensed = replace(kp(5, "198503122010011001", "Ahmad"), dispensation="DISP-1")
    md = render_markdown(small_report(findings=[dispensed], rows={}))
    assert f"| KAR-KP-MASA | kesalahan | {VERIFIKASI} | kiriman/riwayat\\_pangkat.csv:5 |" in md


def test_the_category_words_come_from_the_label_table(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(CATEGORY_LABELS, "verifikasi", "perlu dicek")
    md = render_markdown(small_report())
    assert "Kesalahan · Jenis: perlu dicek · Pasal 27 ayat (1)" in md
    assert VERIFIKASI not in md
