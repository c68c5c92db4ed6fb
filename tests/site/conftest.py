"""Fixtures for the site tests: the tiny site, and the real site built once per session."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from checker.site import SiteContext, load_context
from tests.policy_fixture import MakePolicy
from tests.site.fixture import AS_OF, PENUTUP, write_inputs

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def tiny_site(make_policy: MakePolicy, tmp_path: Path) -> SiteContext:
    """The fixture regulation, two rules and two reports, loaded as the plugin would."""
    make_policy(bab__penutup_md=PENUTUP)
    rules, reports = write_inputs(tmp_path)
    return load_context("policy", rules, reports, as_of=AS_OF)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site (policy/, rules/, reports/contoh/) built with ``mkdocs build --strict``."""
    out = tmp_path_factory.mktemp("situs") / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-q",
            "-f",
            str(ROOT / "mkdocs.yml"),
            "-d",
            str(out),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return out
