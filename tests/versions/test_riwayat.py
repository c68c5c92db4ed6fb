"""The site's Riwayat section: an index and one page per version with its redline."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from checker.versions import riwayat_pages
from tests.git_fixture import Git
from tests.policy_fixture import MakePolicy


def test_one_page_per_version_with_its_redline(two_versions: Path, tmp_path: Path) -> None:
    pages = riwayat_pages(tmp_path)
    assert sorted(pages) == [
        "riwayat/index.md",
        "riwayat/v2026.1.md",
        "riwayat/v2026.2-matriks.md",
        "riwayat/v2026.2.md",
    ]
    index = pages["riwayat/index.md"].splitlines()
    assert index[-2:] == [
        "| [v2026.2](v2026.2.md) | 6 April 2026 | rancangan | uji-1 | 1 Pasal ditambah, 1 Pasal "
        "dihapus, 1 Pasal diubah, 1 parameter berubah. |",
        "| [v2026.1](v2026.1.md) | 2 Maret 2026 | rancangan | uji-1 | versi pertama |",
    ]
    assert pages["riwayat/v2026.1.md"].startswith("# v2026.1\n\nVersi pertama yang diberi tag")
    second = pages["riwayat/v2026.2.md"]
    assert second.startswith("# Perubahan dari v2026.1 ke v2026.2\n")
    assert "<ins> dan PPPK</ins>" in second
    # each version links its matriks perubahan, which holds the changed Pasal as a table
    assert "[Matriks perubahan untuk Biro Hukum](v2026.2-matriks.md)" in second
    matriks = pages["riwayat/v2026.2-matriks.md"]
    assert matriks.startswith("# Matriks perubahan v2026.2\n")
    assert "| No. | Pasal | Rumusan lama | Rumusan baru | Keterangan |" in matriks
    assert "<ins>dan PPPK </ins>" in matriks or "<ins> dan PPPK</ins>" in matriks


def test_pages_are_deterministic_and_dated_by_each_version(
    two_versions: Path, tmp_path: Path
) -> None:
    assert riwayat_pages(tmp_path) == riwayat_pages(tmp_path)
    # a parameter value in force from 2027 shows once the text is rendered on that date
    later = riwayat_pages(tmp_path, as_of=dt.date(2027, 6, 1))["riwayat/v2026.2.md"]
    assert "<del>24</del><ins>30</ins>" in later


def test_without_tags_the_index_says_so(make_policy: MakePolicy, git: Git, tmp_path: Path) -> None:
    make_policy()
    git("init", "-q")
    assert riwayat_pages(tmp_path)["riwayat/index.md"].endswith(
        "Belum ada versi yang diberi tag.\n"
    )


def test_a_broken_tag_gets_a_page_and_the_rest_still_builds(
    two_versions: Path, git: Git, make_policy: MakePolicy, tmp_path: Path
) -> None:
    from tests.policy_fixture import PERATURAN
    from tests.versions.fixtures import HAK_V2, PARAMETER_V2

    make_policy(
        peraturan_yml=PERATURAN.replace("status: rancangan", "status: rancang"),
        bab__hak_md=HAK_V2,
        parameter_yml=PARAMETER_V2,
    )
    git("commit", "-q", "-am", "rusak", date="2026-05-01T09:00:00+07:00")
    git("tag", "v2026.3")
    pages = riwayat_pages(tmp_path)
    assert pages["riwayat/v2026.3.md"].startswith(
        "# v2026.3\n\nkebijakan pada versi v2026.3 rusak: v2026.3:policy/peraturan.yml:6:"
    )
    assert "| tidak dapat dimuat |" in pages["riwayat/index.md"]
    assert pages["riwayat/v2026.2.md"].startswith("# Perubahan dari v2026.1 ke v2026.2")
