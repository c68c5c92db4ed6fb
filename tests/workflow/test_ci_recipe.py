"""The pull-request recipe in site/panduan/alur-git.md, run command by command in a temporary
Git repository holding this project's policy/, rules/, site and reports: lint, redline, impact
preview and a strict site build that shows the preview."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from checker.cli import cli
from checker.cli.impact import dispensasi, impact
from tests.workflow.conftest import ROOT, Run

GUIDE = ROOT / "site" / "panduan" / "alur-git.md"
# the commands the lead registers on `kebijakan`; until then the test adds them itself
KEBIJAKAN = click.Group(
    "kebijakan", commands={**cli.commands, "impact": impact, "dispensasi": dispensasi}
)


def recipe() -> list[str]:
    """The command lines between the resep-ci markers of the guide."""
    text = GUIDE.read_text(encoding="utf-8")
    block = text.split("<!-- resep-ci:mulai -->", 1)[1].split("<!-- resep-ci:selesai -->", 1)[0]
    return [
        line.strip()
        for line in block.splitlines()
        if line.strip() and not line.startswith(("```", "#"))
    ]


@pytest.fixture
def repo(sh: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This project's policy, rules, site and example reports tagged v1; the JP minimum raised
    to 24 in the working tree, as a drafter's pull request would."""
    for name in ("policy", "rules", "site", "reports"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    sh("git", "add", ".")
    sh("git", "commit", "-q", "-m", "Versi pertama")
    sh("git", "tag", "v1")
    parameter = tmp_path / "policy" / "parameter.yml"
    text = parameter.read_text(encoding="utf-8")
    at = text.index("kompetensi.jp_minimum_pns:")
    at = text.index("      value: 20\n", at)
    parameter.write_text(text[:at] + "      value: 24\n" + text[at + 16 :], encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_recipe_lists_the_pull_request_steps() -> None:
    steps = [line.split()[:2] for line in recipe()]
    assert ["kebijakan", "lint"] in steps and ["mkdocs", "build"] in steps
    assert ["kebijakan", "diff"] in steps and ["kebijakan", "impact"] in steps


def test_recipe_runs_in_a_temporary_repository(repo: Path, sh: Run) -> None:
    for line in recipe():
        words = shlex.split(line)
        if words[0] == "kebijakan" and "$(" not in line:
            result = CliRunner().invoke(KEBIJAKAN, words[1:], catch_exceptions=False)
            assert result.exit_code == 0, f"{line}\n{result.output}"
        elif words[0] == "mkdocs":
            sh(sys.executable, "-m", "mkdocs", *words[1:], "-q")
        else:
            sh("bash", "-c", line)
    redline = (repo / "build" / "pr" / "redline.md").read_text(encoding="utf-8")
    assert "`kompetensi.jp_minimum_pns` | diubah | 20 JP" in redline
    preview = (repo / "build" / "pr" / "dampak.md").read_text(encoding="utf-8")
    assert "Menaikkan kompetensi.jp\\_minimum\\_pns dari 20 menjadi 24 JP menambah" in preview
    data = json.loads((repo / "build" / "dampak.json").read_text(encoding="utf-8"))
    assert data["from"]["name"] == "v1" and data["summary"]["appeared"] > 0
    page = (repo / "build" / "site" / "dampak" / "index.html").read_text(encoding="utf-8")
    assert "Dampak rancangan" in page and "KOMP-JP-MIN" in page
    counts = json.dumps({key: value for key, value in data.items() if key != "inputs"})
    for output in (preview, counts, page):  # input hashes aside, nothing looks like a NIP
        assert not re.search(r"(?<!\d)\d{18}(?!\d)", output)
