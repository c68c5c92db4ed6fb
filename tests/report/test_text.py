"""The terminal report: exact text, colours only when asked, data kept to one line."""

from __future__ import annotations

from dataclasses import replace

from checker.provenance import Provenance
from checker.report.text import render_text
from tests.report.golden import check_golden
from tests.report.sample import jp, small_report


def test_small_report_matches_golden() -> None:
    check_golden("small.txt", render_text(small_report()))


def test_groups_by_rule_most_severe_first_with_summary() -> None:
    lines = render_text(small_report()).splitlines()
    headings = [line.split(" ")[0] for line in lines if line[:1].isupper() and "temuan)" in line]
    assert headings == ["KIN-SKP-TAHUNAN", "KOMP-JP-MIN", "KIN-CAKUPAN", "SKEMA-TIPE"]
    assert lines[-1] == "3 kesalahan, 1 peringatan, 1 informasi."
    assert (
        "  kiriman/pegawai.csv:3 [jp] Sdr. Désirée Nur'aini Siregar (NIP 198703122010012002) "
        "mengikuti 8 JP"
    ) in "\n".join(lines)


def test_instansi_level_finding_is_located_at_its_instansi() -> None:
    text = render_text(small_report())
    assert "  Pemerintah Kabupaten Rejang Lebong — Cakupan evaluasi kinerja" in text


def test_intake_rule_has_a_title_although_the_rule_set_does_not_name_it() -> None:
    assert "SKEMA-TIPE (informasi, 1 temuan): Isian tidak sesuai jenis data — Pasal 50" in (
        render_text(small_report())
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
    assert "Peraturan: versi 2026.1 (rancangan), salinan kerja di luar Git\n" in render_text(report)
