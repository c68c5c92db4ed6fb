"""A temporary Git repository with a fixed identity, and a way to run commands in it."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
Run = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def sh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    """Run a command in tmp_path with git's identity and dates fixed, user config ignored, and
    this Python's scripts (kebijakan, mkdocs) first on PATH."""
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    date = "2026-03-02T09:00:00+07:00"
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Biro Hukum",
        "GIT_AUTHOR_EMAIL": "hukum@example.go.id",
        "GIT_COMMITTER_NAME": "Biro Hukum",
        "GIT_COMMITTER_EMAIL": "hukum@example.go.id",
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_DATE": date,
        "NO_MKDOCS_2_WARNING": "1",
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
    }

    def run(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            list(args), cwd=tmp_path, env=env, capture_output=True, text=True, check=False
        )
        if check and done.returncode != 0:
            raise AssertionError(f"{args} gagal:\n{done.stdout}\n{done.stderr}")
        return done

    run("git", "init", "-q", "-b", "main")
    run("git", "config", "commit.gpgsign", "false")
    run("git", "config", "tag.gpgsign", "false")
    return run
