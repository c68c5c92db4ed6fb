"""One policy version, loaded once, from a folder, a Git ref or the bundle — each with its own
Table Schema, and named by one provenance string wherever it is shown."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
from click.testing import CliRunner

import checker
import checker.kebijakan.load as loader
import checker.policy.numbering as numbering
from checker.cli import cli
from checker.impact import impact
from checker.kebijakan import load_kebijakan, locate
from checker.provenance import BUNDLE, FOLDER, REF, Provenance
from checker.report.report import Report
from tests.git_fixture import Git
from tests.rules.builder import AS_OF, Data

ROOT = Path(__file__).resolve().parents[2]
# a spelling of jenis_kelamin no real schema knows; a version that adds it reads the row clean
LELAKI = "Lelaki"


def submission(folder: Path) -> Path:
    """One man whose jenis_kelamin is written "Lelaki" (his NIP says male: digit 15 is 1)."""
    data = Data()
    data.pegawai(jenis_kelamin=LELAKI, nip="198503122010011001")
    return data.write(folder)


def enum_findings(report: Report) -> list[tuple[str, str | None, str | None]]:
    return [(f.rule, f.column, f.actual) for f in report.findings if f.rule == "SKEMA-ENUM"]


def copy_version(target: Path, *, lelaki: bool) -> Path:
    """The project's policy/ and rules/ under ``target``; ``lelaki`` adds the spelling to the
    Table Schema's enumAliases of jenis_kelamin."""
    shutil.copytree(ROOT / "policy", target / "policy")
    shutil.copytree(ROOT / "rules", target / "rules")
    if lelaki:
        set_lelaki(target / "rules", True)
    return target


def set_lelaki(rules: Path, on: bool) -> None:
    path = rules / "schema" / "pegawai.yml"
    text = path.read_text(encoding="utf-8")
    plain = "      L: [Laki-laki,"
    added = f"      L: [{LELAKI}, Laki-laki,"
    text = text.replace(added, plain)
    if on:
        assert plain in text
        text = text.replace(plain, added, 1)
    path.write_text(text, encoding="utf-8")


def tagged_v1(tmp_path: Path, git: Git, monkeypatch: pytest.MonkeyPatch, *, lelaki: bool) -> Path:
    """The project's version committed and tagged v1 in a new repository (also the cwd)."""
    repo = copy_version(tmp_path, lelaki=lelaki)
    monkeypatch.chdir(repo)
    git("init", "-q", "-b", "main")
    git("add", "policy", "rules")
    git("commit", "-q", "-m", "Rancangan")
    git("tag", "v1")
    return repo


def counting(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """Count every read of the authored files and every numbering of a regulation."""
    calls: Counter[str] = Counter()

    def wrap(module: Any, name: str) -> None:
        original: Callable[..., Any] = getattr(module, name)

        def counted(*args: Any, **kwargs: Any) -> Any:
            calls[name] += 1
            return original(*args, **kwargs)

        monkeypatch.setattr(module, name, counted)

    for name in (
        "load_policy_unchecked",
        "load_schema_unchecked",
        "load_rules_unchecked",
        "load_dispensasi_unchecked",
    ):
        wrap(loader, name)
    wrap(numbering, "compute_numbering")
    return calls


def test_a_check_reads_every_authored_file_once_and_numbers_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = submission(tmp_path / "kiriman")
    monkeypatch.chdir(ROOT)
    calls = counting(monkeypatch)
    result = CliRunner().invoke(
        cli,
        ["check", str(folder), "--as-of", AS_OF.isoformat(), "--format", "json"],
        catch_exceptions=False,
    )
    assert result.exit_code == 1, result.output  # the SKEMA-ENUM error fails the check
    assert calls == {
        "load_policy_unchecked": 1,
        "load_schema_unchecked": 1,
        "load_rules_unchecked": 1,
        "load_dispensasi_unchecked": 1,
        "compute_numbering": 1,
    }


def test_rules_option_uses_that_rule_sets_schema(tmp_path: Path) -> None:
    folder = submission(tmp_path / "kiriman")
    other = copy_version(tmp_path / "lain", lelaki=True)
    default = checker.check(
        [folder], policy_root=ROOT / "policy", rules_root=ROOT / "rules", as_of=AS_OF
    )
    chosen = checker.check(
        [folder], policy_root=ROOT / "policy", rules_root=other / "rules", as_of=AS_OF
    )
    assert enum_findings(default) == [("SKEMA-ENUM", "jenis_kelamin", LELAKI)]
    assert enum_findings(chosen) == []


def test_a_ref_uses_its_own_schema_for_check_and_impact(
    tmp_path: Path, git: Git, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = tagged_v1(tmp_path, git, monkeypatch, lelaki=True)
    set_lelaki(repo / "rules", False)
    git("commit", "-q", "-am", "Ejaan Lelaki dihapus", date="2026-04-01T09:00:00+07:00")
    folder = submission(tmp_path.parent / f"{tmp_path.name}-kiriman")

    at_v1 = checker.check([folder], ref="v1", as_of=AS_OF)
    here = checker.check([folder], as_of=AS_OF)
    assert enum_findings(at_v1) == []
    assert enum_findings(here) == [("SKEMA-ENUM", "jenis_kelamin", LELAKI)]
    assert (at_v1.policy.source, at_v1.policy.ref) == (REF, "v1")

    found = impact([folder], ref_from="v1", as_of=AS_OF, years=[2025])
    appeared = [(rule, delta.appeared) for rule, _, delta in found.by_rule if delta.moved]
    assert appeared == [("SKEMA-ENUM", 1)]


def test_outside_a_checkout_the_bundled_version_is_used_and_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # an editable install has no wheel bundle: its checkout is the installed version
    bundle = tmp_path / "site-packages" / "checker" / "_bundle"
    copy_version(bundle, lelaki=True)
    (bundle / "bundle.json").write_text(
        json.dumps({"commit": "ab" * 20, "dirty": False, "ref": None, "source": "worktree"}),
        encoding="utf-8",
    )
    monkeypatch.setattr("checker.kebijakan.source.bundle_dir", lambda: bundle)
    empty = tmp_path / "kosong"
    empty.mkdir()
    monkeypatch.chdir(empty)
    folder = submission(tmp_path / "kiriman")

    assert locate().kind == BUNDLE
    result = CliRunner().invoke(
        cli,
        ["check", str(folder), "--as-of", AS_OF.isoformat(), "--format", "json", "-o", "r.json"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output  # the bundle's own schema knows "Lelaki"
    policy = json.loads((empty / "r.json").read_text(encoding="utf-8"))["policy"]
    assert (policy["source"], policy["status"], policy["commit"]) == (
        BUNDLE,
        "rancangan",
        "ab" * 20,
    )
    assert policy["description"] == (
        f"versi {policy['version']} (rancangan), salinan bawaan paket pada commit {'ab' * 5}"
    )
    assert f"Memakai kebijakan {policy['description']}." in result.output


def test_one_provenance_string_in_report_word_impact_and_site(
    tmp_path: Path, git: Git, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = tagged_v1(tmp_path, git, monkeypatch, lelaki=False)
    sha = git("rev-parse", "HEAD").strip()
    # an uncommitted change in rules/ makes the working tree dirty
    with (repo / "rules" / "kompetensi.yml").open("a", encoding="utf-8") as fh:
        fh.write("\n# catatan perancang\n")
    kebijakan = load_kebijakan()
    expected = (
        f"versi {kebijakan.version} (rancangan), salinan kerja pada commit {sha[:10]} "
        "dengan perubahan yang belum di-commit"
    )
    assert kebijakan.describe() == expected
    assert (
        kebijakan.provenance.source,
        kebijakan.provenance.commit,
        kebijakan.provenance.dirty,
    ) == (FOLDER, sha, True)

    folder = submission(tmp_path.parent / f"{tmp_path.name}-kiriman")
    report = checker.check([folder], kebijakan=kebijakan, as_of=AS_OF)
    assert f"Versi kebijakan: {expected}\n" in checker.render_report(report, "text").decode()
    assert f"- Versi kebijakan: {expected}\n" in checker.render_report(report, "md").decode()
    assert json.loads(checker.to_json(report))["policy"]["description"] == expected

    CliRunner().invoke(cli, ["export", "docx", "-o", "p.docx"], catch_exceptions=False)
    assert docx.Document("p.docx").core_properties.keywords == expected

    found = impact([folder], ref_from="v1", as_of=AS_OF, years=[2025])
    sides = json.loads(checker.impact.to_json(found))
    assert sides["to"]["description"] == expected
    assert sides["from"]["description"] == (
        f"versi {kebijakan.version} (rancangan), v1 (commit {sha[:10]})"
    )

    from checker.site.build import load_context
    from checker.site.peraturan import index_page

    site = load_context(None, None, None, as_of=AS_OF)
    assert expected in index_page(site).content


def test_old_reports_with_a_dirty_suffix_still_read() -> None:
    old = Provenance.from_dict({"version": "2026.1", "commit": "0123456789abcdef+dirty"})
    assert (old.commit, old.dirty, old.source) == ("0123456789abcdef", True, FOLDER)
    assert old.describe() == (
        "versi 2026.1 (?), salinan kerja pada commit 0123456789 dengan "
        "perubahan yang belum di-commit"
    )


def test_a_broken_schema_stops_the_check_with_its_position(tmp_path: Path) -> None:
    other = copy_version(tmp_path / "lain", lelaki=False)
    path = other / "rules" / "schema" / "pegawai.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "title: Data pegawai", "title: Data pegawai\nwarna: biru", 1
        ),
        encoding="utf-8",
    )
    with pytest.raises(checker.errors.PolicyError) as raised:
        load_kebijakan(other / "policy", other / "rules")
    problems = [
        (Path(p.path).name, p.line, p.code) for p in raised.value.problems if p.severity == "error"
    ]
    assert problems == [("pegawai.yml", 9, "table-schema")]
