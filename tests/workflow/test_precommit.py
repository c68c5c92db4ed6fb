"""The pre-commit hook (.pre-commit-hooks.yaml) blocks a commit that breaks a cross-reference.

The ``pre-commit`` package is not needed here: the test installs ``.git/hooks/pre-commit`` that
runs the hook's own ``entry`` when staged files match its ``files`` pattern, as pre-commit does
(with ``pass_filenames: false``)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import yaml

from tests.policy_fixture import MakePolicy
from tests.site.fixture import RULES
from tests.workflow.conftest import ROOT, Run


def hook() -> dict[str, object]:
    (only,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    return dict(only)


def test_hook_definition() -> None:
    definition = hook()
    assert definition["id"] == "kebijakan-lint"
    assert definition["entry"] == "kebijakan lint"
    assert definition["pass_filenames"] is False
    pattern = re.compile(str(definition["files"]))
    assert pattern.search("policy/bab/hak.md") and pattern.search("rules/dispensasi/a.yml")
    assert not pattern.search("site/index.md")


@pytest.fixture
def repo(make_policy: MakePolicy, sh: Run, tmp_path: Path) -> Path:
    """The tiny regulation and two rules committed, the hook installed."""
    make_policy()
    (tmp_path / "rules").mkdir(exist_ok=True)
    (tmp_path / "rules" / "aturan.yml").write_text(RULES, encoding="utf-8")
    definition = hook()
    script = tmp_path / ".git" / "hooks" / "pre-commit"
    script.write_text(
        "#!/bin/sh\n"
        f"if git diff --cached --name-only | grep -Eq '{definition['files']}'; "
        f"then exec {definition['entry']}; fi\n",
        encoding="utf-8",
    )
    os.chmod(script, 0o755)
    sh("git", "add", "policy", "rules")
    sh("git", "commit", "-q", "-m", "Rancangan pertama")
    return tmp_path


def _commit(sh: Run, message: str) -> tuple[int, str]:
    sh("git", "add", "-A")
    done = sh("git", "commit", "-q", "-m", message, check=False)
    return done.returncode, done.stdout + done.stderr


def test_broken_cross_reference_is_blocked(repo: Path, sh: Run) -> None:
    hak = repo / "policy" / "bab" / "hak.md"
    hak.write_text(
        hak.read_text(encoding="utf-8").replace("[[jalur-pendidikan]]", "[[jalur-tidak-ada]]"),
        encoding="utf-8",
    )
    head = sh("git", "rev-parse", "HEAD").stdout
    code, output = _commit(sh, "Rujukan rusak")
    assert code != 0
    assert re.search(r"policy/bab/hak\.md:\d+:\d+: \[error\] .*jalur-tidak-ada", output), output
    assert sh("git", "rev-parse", "HEAD").stdout == head


def test_rule_citing_a_removed_clause_is_blocked(repo: Path, sh: Run) -> None:
    rules = repo / "rules" / "aturan.yml"
    rules.write_text(
        rules.read_text(encoding="utf-8").replace(
            "clause: hak-jp-jumlah", "clause: hak-jp-dihapus"
        ),
        encoding="utf-8",
    )
    code, output = _commit(sh, "Aturan salah rujuk")
    assert code != 0
    assert "rules/aturan.yml:" in output and "hak-jp-dihapus" in output


def test_dispensation_citing_an_unknown_rule_is_blocked(repo: Path, sh: Run) -> None:
    from tests.dispensasi.fixture import entry

    folder = repo / "rules" / "dispensasi"
    folder.mkdir()
    (folder / "tb.yml").write_text(
        entry("DISP-1", '{nip: "198503122010011001"}', rules="[KOMP-TIDAK-ADA]"), encoding="utf-8"
    )
    code, output = _commit(sh, "Dispensasi salah")
    assert code != 0
    assert "rules/dispensasi/tb.yml:2:" in output and "(dispensasi-aturan)" in output


def test_a_sound_change_is_committed(repo: Path, sh: Run) -> None:
    hak = repo / "policy" / "bab" / "hak.md"
    hak.write_text(
        hak.read_text(encoding="utf-8").replace("Setiap PNS berhak", "Setiap PNS dan CPNS berhak"),
        encoding="utf-8",
    )
    code, output = _commit(sh, "Perluasan hak")
    assert code == 0, output
    assert sh("git", "log", "--format=%s", "-1").stdout.strip() == "Perluasan hak"
