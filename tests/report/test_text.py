"""The terminal report: exact text, colours only when asked, data kept to one line."""

from __future__ import annotations

from dataclasses import replace

import pytest

from checker.provenance import Provenance
from checker.report.labels import CATEGORY_LABELS, SEVERITY_LABELS
from checker.report.text import render_text
from tests.report.golden import check_golden
from tests.report.sample import OPD, VERIFIKASI, jp, kp, small_report

SUMMARY = (
    "4 kesalahan, 1 peringatan, 1 informasi. Menurut jenisnya: 4 temuan ketidakpatuhan, "
    "1 temuan yang memerlukan verifikasi, 1 informasi."
)


def test_small_report_matches_golden() -> None:
    check_golden("small.txt", render_text(small_report()))


def test_groups_by_rule_most_severe_first_with_summary() -> None:
    lines = render_text(small_report()).splitlines()
    headings = [
        line.split(" ")[0] for line in lines if line[:1].isupper() and " temuan; jenis: " in line
    ]
    assert headings == [
        "KAR-KP-MASA",
        "KIN-SKP-TAHUNAN",
        "KOMP-JP-MIN",
        "KIN-CAKUPAN",
        "SKEMA-TIPE",
    ]
    assert lines[-1] == SUMMARY
    assert (
        "  kiriman/pegawai.csv:3 [jp] Sdr. Désirée Nur'aini Siregar (NIP 198703122010012002) "
        "pada tahun 2025 tercatat mengikuti 8 JP"
    ) in "\n".join(lines)


def test_opd_level_finding_is_located_at_its_opd() -> None:
    text = render_text(small_report())
    assert f"  {OPD} — Cakupan evaluasi kinerja" in text


def test_intake_rule_has_a_title_although_the_rule_set_does_not_name_it() -> None:
    assert (
        "SKEMA-TIPE (informasi, 1 temuan; jenis: informasi): Isian tidak sesuai jenis data "
        "— Pasal 50"
    ) in render_text(small_report())


def test_each_rule_names_the_category_of_its_findings() -> None:
    text = render_text(small_report())
    assert (
        f"KAR-KP-MASA (kesalahan, 1 temuan; jenis: {VERIFIKASI}): Kenaikan pangkat reguler "
        "sebelum masa dalam pangkat terpenuhi — Pasal 27 ayat (1)\n"
    ) in text
    assert "KOMP-JP-MIN (kesalahan, 2 temuan; jenis: temuan ketidakpatuhan): " in text


def test_the_category_words_come_from_the_label_table(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(CATEGORY_LABELS, "verifikasi", "perlu dicek")
    text = render_text(small_report(findings=[kp(5, "198503122010011001", "Ahmad")], rows={}))
    assert "KAR-KP-MASA (kesalahan, 1 temuan; jenis: perlu dicek): " in text
    assert "1 perlu dicek" in text.splitlines()[-1]
    assert VERIFIKASI not in text


def test_severity_alone_is_coloured_the_category_is_a_label() -> None:
    # a verification finding is still an error: painted red like any error
    text = render_text(small_report(findings=[kp(5, "198503122010011001", "Ahmad")], rows={}))
    coloured = render_text(
        small_report(findings=[kp(5, "198503122010011001", "Ahmad")], rows={}), color=True
    )
    assert text.splitlines()[-1] == (
        "1 kesalahan, 0 peringatan, 0 informasi. Menurut jenisnya: 0 temuan ketidakpatuhan, "
        f"1 {VERIFIKASI}, 0 informasi."
    )
    assert f"\x1b[31m\x1b[1m{SEVERITY_LABELS['error']}\x1b[0m, 1 temuan; jenis: {VERIFIKASI})" in (
        coloured
    )


def test_colour_only_when_asked() -> None:
    plain = render_text(small_report())
    coloured = render_text(small_report(), color=True)
    assert "\x1b[" not in plain
    assert "\x1b[31m\x1b[1mkesalahan\x1b[0m" in coloured
    assert "\x1b[33m1 peringatan\x1b[0m" in coloured
    assert "\x1b[" not in coloured.replace("0 kesalahan", "").splitlines()[0]


def test_empty_report_says_so_kindly() -> None:
    text = render_text(small_report(findings=[], rows={}))
    assert text.endswith("\n\nTidak ada temuan. Data memenuhi seluruh aturan yang diperiksa.\n")
    assert "kesalahan" not in text


def test_control_characters_in_data_cannot_break_lines_or_reach_the_terminal() -> None:
    evil = replace(
        jp(2, "198503122010011001", "Ahmad"),
        message="baris satu\nbaris dua\x1b[2J\rakhir",
        column="jp\t",
    )
    text = render_text(small_report(findings=[evil], rows={}))
    assert "  kiriman/pegawai.csv:2 [jp ] baris satu baris dua [2J akhir\n" in text
    assert "\x1b" not in text and "\r" not in text


def test_missing_commit_is_explained() -> None:
    report = small_report()
    report.policy = Provenance("2026.1", "rancangan")
    text = render_text(report)
    assert "Versi kebijakan: versi 2026.1 (rancangan), salinan kerja di luar Git\n" in text
