"""The site's "Dampak rancangan" page: the latest preview beside the published reports,
aggregates only; no page without a preview."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from checker.errors import InputError
from checker.impact import impact, to_json
from checker.site import generate, load_context, navigation
from checker.site.context import SiteContext
from tests.impact.conftest import set_minimum
from tests.site.fixture import reports


def _reports(folder: Path) -> Path:
    from checker.report.report import to_json as report_json

    folder.mkdir()
    for name, report in reports():
        (folder / name).write_text(report_json(report), encoding="utf-8")
    return folder


def test_page_shows_preview_beside_published_counts(
    repo: Path, data: tuple[Path, dict[str, dict[int, str]]], tmp_path: Path
) -> None:
    set_minimum(repo, 24)
    found = impact([data[0]], ref_from="v1", as_of=dt.date(2026, 1, 15), years=[2025])
    preview = tmp_path / "build" / "dampak.json"
    preview.parent.mkdir()
    preview.write_text(to_json(found), encoding="utf-8")
    site, page = _dampak(tmp_path, preview)
    # the sentences name OPDs from the data: escaped like every other datum on the page
    assert (
        "- Menaikkan kompetensi.jp\\_minimum\\_pns dari 20 menjadi 24 JP menambah 4 temuan" in page
    )
    # published: the latest report of each OPD (Dinas Pendidikan dan Kebudayaan 1 finding,
    # Dinas Kesehatan none); the preview counts the same two OPDs of the province
    assert "| [KOMP-JP-MIN](../aturan/index.md#komp-jp-min) | 1 | 3 | 7 | 4 | 0 | 3 |" in page
    assert "## Per perangkat daerah" in page
    assert "| Perangkat daerah | Temuan pada laporan terbit (30 Juni 2026) |" in page
    assert "| Dinas Pendidikan dan Kebudayaan | 1 | 2 | 4 | 2 | 0 | 2 |" in page
    assert "| Dinas Kesehatan | 0 | 1 | 3 | 2 | 0 | 1 |" in page
    assert "Pemerintah Provinsi Bengkulu" not in page
    assert "| [Pasal 2](../peraturan/hak.md#hak-jp) | 3 | 7 | 4 | 0 | 3 |" in page
    assert not re.search(r"\d{18}", page)
    nav = navigation(site, generate(site), [])
    assert {"Dampak rancangan": ["dampak/index.md"]} in nav


def test_no_preview_no_page(repo: Path, tmp_path: Path) -> None:
    site = load_context(
        "policy", "rules", None, as_of=dt.date(2026, 6, 30), impact=tmp_path / "tidak-ada.json"
    )
    assert "dampak/index.md" not in {p.src_uri for p in generate(site)}


def test_unreadable_preview_names_the_file(repo: Path, tmp_path: Path) -> None:
    bad = tmp_path / "dampak.json"
    bad.write_text('{"from": {}}', encoding="utf-8")
    with pytest.raises(InputError, match=r"dampak\.json: bukan pratinjau dampak"):
        load_context("policy", "rules", None, impact=bad)


def test_preview_written_before_per_opd_counts_still_shows(repo: Path, tmp_path: Path) -> None:
    """A preview JSON with ``by_instansi`` (before previews counted per OPD) is read with each
    instansi as an OPD."""
    counts = {"before": 1, "after": 3, "appeared": 2, "disappeared": 0, "changed": 0}
    side = {"name": "v1", "version": "1"}
    old = {
        "from": side,
        "to": {**side, "name": "salinan kerja"},
        "as_of": "2026-01-15",
        "years": [2025],
        "employees": 9,
        "summary": {"sentences": [], "redline": ""},
        "by_rule": [],
        "by_instansi": [{"instansi": "Pemerintah Kota Bengkulu", **counts}],
        "by_pasal": [],
    }
    preview = tmp_path / "dampak-lama.json"
    preview.write_text(json.dumps(old), encoding="utf-8")
    _, page = _dampak(tmp_path, preview)
    assert "## Per perangkat daerah" in page
    assert "| Pemerintah Kota Bengkulu | 0 | 1 | 3 | 2 | 0 | 0 |" in page


def _dampak(tmp_path: Path, preview: Path) -> tuple[SiteContext, str]:
    """The site of the real policy with the example reports and ``preview``, and its impact
    page."""
    site = load_context(
        "policy",
        "rules",
        _reports(tmp_path / "laporan"),
        as_of=dt.date(2026, 6, 30),
        impact=preview,
    )
    return site, {p.src_uri: str(p.content) for p in generate(site)}["dampak/index.md"]
