"""A temporary Git repository holding the tiny regulation in two tagged versions."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.policy_fixture import MakePolicy
from tests.versions.fixtures import AUTHOR, HAK_V2, PARAMETER_V2, Git


@pytest.fixture
def git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Git:
    """Run git in tmp_path with a fixed identity and fixed dates, ignoring user config."""
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")

    def run(*args: str, date: str = "2026-03-02T09:00:00+07:00") -> str:
        env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
        done = subprocess.run(
            ["git", "-c", f"user.name={AUTHOR}", "-c", "user.email=biro.hukum@example.go.id",
             "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false", *args],
            cwd=tmp_path, env=env, capture_output=True, text=True, check=True)
        return done.stdout

    return run


@pytest.fixture
def two_versions(make_policy: MakePolicy, git: Git) -> Path:
    """v2026.1 and v2026.2 tagged; the working tree equals v2026.2."""
    root = make_policy()
    git("init", "-q", "-b", "main")
    git("add", "policy")
    git("commit", "-q", "-m", "Rancangan pertama", date="2026-03-02T09:00:00+07:00")
    git("tag", "v2026.1")
    make_policy(bab__hak_md=HAK_V2, parameter_yml=PARAMETER_V2)
    git("add", "policy")
    git("commit", "-q", "-m", "Rancangan kedua", date="2026-04-06T14:30:00+07:00")
    git("tag", "-a", "v2026.2", "-m", "Versi 2026.2", date="2026-04-06T14:30:00+07:00")
    return root
