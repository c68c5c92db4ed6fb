"""Impact preview: raising the JP minimum adds exactly the findings expected, lowering it
removes them, per perangkat daerah (OPD, two of them in one instansi); one ingest serves both
versions; the output carries no NIP."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import checker.impact.run as run_module
from checker.cli.impact import impact as impact_command
from checker.impact import impact, render_markdown, render_text, to_json
from checker.impact.model import Impact
from tests.golden import check_golden
from tests.impact.conftest import set_minimum
from tests.site.fixture import DIKBUD, DINKES, PROVINSI

AS_OF = dt.date(2026, 1, 15)
GOLDEN = Path(__file__).parent / "golden"
Data = tuple[Path, dict[str, dict[int, str]]]


def preview(data: Data, **kwargs: Any) -> Impact:
    return impact(
        [data[0]],
        policy_root="policy",
        rules_root="rules",
        ref_from="v1",
        as_of=AS_OF,
        years=[2025],
        **kwargs,
    )


def by_opd(found: Impact) -> dict[str, tuple[int, int, int, int, int]]:
    return {
        name: (d.before, d.after, d.appeared, d.disappeared, d.changed) for name, d in found.by_opd
    }


def test_raising_the_minimum_adds_exactly_the_expected_findings(repo: Path, data: Data) -> None:
    set_minimum(repo, 24)
    found = preview(data)
    # 20 and 22 JP (Dinas Pendidikan dan Kebudayaan), 21 and 23 JP (Dinas Kesehatan) now fall
    # short; 10, 18, 19 stay short with a new expected value. Both OPDs are of the province:
    # counted apart, never as one instansi
    assert by_opd(found) == {DIKBUD: (2, 4, 2, 0, 2), DINKES: (1, 3, 2, 0, 1)}
    assert PROVINSI not in by_opd(found)
    assert [(r, d.appeared, d.disappeared, d.changed) for r, _, d in found.by_rule if d.moved] == [
        ("KOMP-JP-MIN", 4, 0, 3)
    ]
    assert [(c, d.appeared) for _, c, d in found.by_pasal if d.moved] == [("Pasal 2", 4)]
    assert found.sentences[1] == (
        "Menaikkan kompetensi.jp_minimum_pns dari 20 menjadi 24 JP "
        "menambah 4 temuan KOMP-JP-MIN serta mengubah nilai 3 temuan "
        "lain; Dinas Pendidikan dan Kebudayaan paling terdampak (4 temuan)."
    )


def test_lowering_the_minimum_removes_them(repo: Path, data: Data) -> None:
    set_minimum(repo, 15)
    found = preview(data)
    assert by_opd(found) == {DIKBUD: (2, 1, 0, 1, 1), DINKES: (1, 0, 0, 1, 0)}
    assert (found.total.before, found.total.after) == (3, 1)
    assert found.sentences[1] == (
        "Menurunkan kompetensi.jp_minimum_pns dari 20 menjadi 15 JP "
        "mengurangi 2 temuan KOMP-JP-MIN serta mengubah nilai 1 temuan "
        "lain; Dinas Pendidikan dan Kebudayaan paling terdampak (2 temuan)."
    )


def test_the_appeared_findings_are_the_right_people(
    repo: Path, data: Data, monkeypatch: pytest.MonkeyPatch
) -> None:
    from checker.impact.delta import APPEARED, changes

    set_minimum(repo, 24)
    seen: list[Any] = []
    real = run_module.changes

    def spy(before: Any, after: Any) -> Any:
        found = real(before, after)
        seen.extend(found)
        return found

    monkeypatch.setattr(run_module, "changes", spy)
    preview(data)
    nips = data[1]
    assert sorted(c.finding.nip for c in seen if c.kind == APPEARED) == sorted(
        [nips[DIKBUD][20], nips[DIKBUD][22], nips[DINKES][21], nips[DINKES][23]]
    )
    assert changes([], []) == []


def test_one_ingest_serves_both_versions(
    repo: Path, data: Data, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[Any] = []
    real = run_module.ingest

    def counting(paths: Any, **kwargs: Any) -> Any:
        calls.append(paths)
        return real(paths, **kwargs)

    monkeypatch.setattr(run_module, "ingest", counting)
    set_minimum(repo, 24)
    preview(data)
    assert len(calls) == 1


def test_no_change_says_so(repo: Path, data: Data) -> None:
    found = preview(data)
    assert found.total.moved == 0
    assert found.sentences == [
        "Pada data yang diperiksa (9 pegawai, tahun 2025), perubahan dari "
        "v1 ke salinan kerja tidak mengubah temuan."
    ]


def test_markdown_golden(repo: Path, data: Data) -> None:
    """``UPDATE_GOLDEN=1 pytest tests/impact`` rewrites the golden file."""
    set_minimum(repo, 24)
    # the fixture repository copies rules/, so its commit changes with every rule edit: the
    # golden file pins everything but the hash
    text = re.sub(r"\b[0-9a-f]{10}\b", "<commit>", render_markdown(preview(data)))
    check_golden(GOLDEN / "dampak.md", text)


def test_json_and_text_are_aggregates_only(repo: Path, data: Data) -> None:
    set_minimum(repo, 24)
    found = preview(data)
    text = to_json(found)
    assert to_json(preview(data)) == text
    parsed = json.loads(text)
    assert parsed["summary"]["appeared"] == 4
    assert "by_instansi" not in parsed
    assert parsed["by_opd"][0] == {
        "opd": DIKBUD,
        "before": 2,
        "after": 4,
        "appeared": 2,
        "disappeared": 0,
        "changed": 2,
    }
    assert parsed["parameters"] == [
        {
            "name": "kompetensi.jp_minimum_pns",
            "unit": "JP",
            "status": "changed",
            "before": 20,
            "after": 24,
            "rules": ["KOMP-JP-MIN"],
        }
    ]
    for output in (text, render_markdown(found), render_text(found)):
        assert not re.search(r"\d{18}", output)


def test_cli_writes_markdown(repo: Path, data: Data, tmp_path: Path) -> None:
    set_minimum(repo, 24)
    out = tmp_path / "dampak.md"
    result = CliRunner().invoke(
        impact_command,
        [
            str(data[0]),
            "--from",
            "v1",
            "--as-of",
            AS_OF.isoformat(),
            "--tahun",
            "2025",
            "--format",
            "markdown",
            "-o",
            str(out),
        ],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == render_markdown(preview(data))


def test_unknown_ref_is_a_clear_error(repo: Path, data: Data) -> None:
    result = CliRunner().invoke(impact_command, [str(data[0]), "--from", "v9"])
    assert result.exit_code == 2
    assert "versi 'v9' tidak dikenal" in result.output
