"""Redlines between tagged versions: clause by stable id, word by word, golden Markdown."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from checker.diff import render_markdown, render_text
from checker.diff.words import new_text, old_text, word_diff
from checker.versions import compare_versions, list_versions
from tests import golden
from tests.git_fixture import Git
from tests.policy_fixture import HAK, MakePolicy

GOLDEN = Path(__file__).parent / "golden"
DAY = dt.date(2026, 12, 1)


def check_golden(name: str, text: str) -> None:
    """Compare with the golden file ``name`` (see :mod:`tests.golden`)."""
    golden.check_golden(GOLDEN / name, text)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Setiap PNS berhak.", "Setiap PNS dan PPPK berhak."),
        ("a b c", "x y z"),
        ("", "baru"),
        ("lama", ""),
        ("(2)\tHak dilaksanakan.", "(3)\tHak dilaksanakan segera."),
    ],
)
def test_word_diff_rebuilds_both_texts(a: str, b: str) -> None:
    segments = word_diff(a, b)
    assert old_text(segments) == a
    assert new_text(segments) == b


def test_word_diff_marks_only_the_changed_words() -> None:
    assert word_diff("Setiap PNS berhak.", "Setiap PNS dan PPPK berhak.") == [
        ("=", "Setiap PNS "),
        ("+", "dan PPPK "),
        ("=", "berhak."),
    ]
    assert word_diff("paling sedikit 20 JP", "paling sedikit 24 JP") == [
        ("=", "paling sedikit "),
        ("-", "20"),
        ("+", "24"),
        ("=", " JP"),
    ]


def test_versions_are_listed_with_date_and_status(two_versions: Path) -> None:
    versions = list_versions("policy")
    assert [(v.tag, v.date.isoformat(), v.status, v.version, v.author) for v in versions] == [
        ("v2026.1", "2026-03-02T09:00:00+07:00", "rancangan", "uji-1", "Biro Hukum"),
        ("v2026.2", "2026-04-06T14:30:00+07:00", "rancangan", "uji-1", "Biro Hukum"),
    ]


def test_clause_level_changes(two_versions: Path) -> None:
    comparison = compare_versions("policy", "v2026.1", "v2026.2", as_of=DAY)
    assert comparison.counts() == {
        "ditambah": 1,
        "dihapus": 1,
        "ditandai dihapus": 0,
        "dipindah": 0,
        "diubah": 1,
        "disesuaikan": 0,
        "parameter": 1,
    }
    assert [(u.key, u.status) for u in comparison.clauses] == [
        ("pasal:hak-jp", "changed"),
        ("pasal:rujukan", "deleted"),
        ("pasal:laporan", "inserted"),
    ]
    change = comparison.parameters[0]
    assert (change.name, change.after[-1]) == (
        "kompetensi.jp_minimum_pns",
        (dt.date(2027, 1, 1), 30),
    )


def test_text_redline(two_versions: Path) -> None:
    text = render_text(compare_versions("policy", "v2026.1", "v2026.2", as_of=DAY))
    assert text == (
        "Perubahan dari v2026.1 (rancangan, 2 Maret 2026) ke v2026.2 (rancangan, 6 April 2026)\n"
        "Ringkasan: 1 Pasal ditambah, 1 Pasal dihapus, 1 Pasal diubah, 1 parameter berubah.\n"
        "\n"
        "Pasal 2 (diubah) [hak-jp]\n"
        "  (1) Setiap PNS{+ dan PPPK+} berhak atas paling sedikit 20 (dua puluh) JP dalam 1 "
        "(satu) tahun.\n"
        "    b. jalur pelatihan[-.-]{+; dan+}\n"
        "    {+c. jalur magang.+}\n"
        "\n"
        "Pasal 3 (dihapus) [rujukan]\n"
        "  [-Pelaksanaan Pasal 2 ayat (1) dan Pasal 2 ayat (2) huruf a dilaporkan kepada "
        "Gubernur.-]\n"
        "\n"
        "Pasal 3 (ditambah) [laporan]\n"
        "  {+Pimpinan Instansi melaporkan pelaksanaan Pasal 2 ayat (1) kepada Gubernur.+}\n"
        "\n"
        "Parameter\n"
        "  kompetensi.jp_minimum_pns (diubah): 20 JP sejak 30 Maret 2017; 24 JP sejak 1 Januari "
        "2027 → 20 JP sejak 30 Maret 2017; 30 JP sejak 1 Januari 2027\n"
    )


def test_text_redline_in_colour(two_versions: Path) -> None:
    text = render_text(compare_versions("policy", "v2026.1", "v2026.2", as_of=DAY), color=True)
    assert "Setiap PNS\x1b[32m dan PPPK\x1b[0m berhak" in text
    assert "[-" not in text


def test_markdown_redline_golden(two_versions: Path) -> None:
    check_golden(
        "redline.md", render_markdown(compare_versions("policy", "v2026.1", "v2026.2", as_of=DAY))
    )


def test_default_is_last_tag_to_working_tree(two_versions: Path, make_policy: MakePolicy) -> None:
    assert render_text(compare_versions("policy", as_of=DAY)).splitlines()[1] == (
        "Ringkasan: Tidak ada perubahan."
    )
    make_policy(bab__hak_md=HAK.replace("Setiap PNS berhak", "Setiap PNS wajib dan berhak"))
    comparison = compare_versions("policy", as_of=DAY)
    assert comparison.b.name == "salinan kerja"
    assert comparison.a.name == "v2026.2"


def test_moved_pasal_is_shown_once_where_it_is_now(
    two_versions: Path, make_policy: MakePolicy, git: Git
) -> None:
    moved = HAK.replace("#### Pasal {#rujukan}", "#### Pasal {#sementara}").replace(
        "#### Pasal {#hak-jp}",
        "#### Pasal {#rujukan}\n\nPelaksanaan [[hak-jp-jumlah]] dan "
        "[[jalur-pendidikan]] dilaporkan kepada Gubernur.\n\n#### Pasal {#hak-jp}",
    )
    moved = moved[: moved.index("#### Pasal {#sementara}")]
    make_policy(bab__hak_md=moved)
    comparison = compare_versions("policy", "v2026.1", as_of=DAY)
    kinds = [(u.key, u.moved) for u in comparison.clauses if u.key.startswith("pasal:")]
    assert ("pasal:rujukan", True) in kinds
    assert "Pasal 3 → Pasal 2 (dipindah) [rujukan]" in render_text(comparison)


def test_renumbered_pasal_are_listed_briefly(two_versions: Path, make_policy: MakePolicy) -> None:
    make_policy(
        bab__hak_md=HAK.replace(
            "## Bagian: Pengembangan Kompetensi\n",
            "## Bagian: Pengembangan Kompetensi\n\n#### Pasal {#baru}\n\nPasal baru.\n",
        )
    )
    text = render_text(compare_versions("policy", "v2026.1", as_of=DAY))
    assert "Ringkasan: 1 Pasal ditambah, 3 Pasal disesuaikan." in text
    assert text.endswith("  Pasal 2–4 → Pasal 3–5\n")
