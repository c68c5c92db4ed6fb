"""A temporary Git repository holding the tiny regulation in two tagged versions."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.git_fixture import Git
from tests.policy_fixture import MakePolicy
from tests.versions.fixtures import HAK_V2, PARAMETER_V2


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
