"""Shared fixtures."""

import pytest

from tests.git_fixture import git
from tests.policy_fixture import make_policy

__all__ = ["git", "make_policy"]


@pytest.fixture(autouse=True)
def _no_compiled_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test loads its version from the files: a cached copy would hide what a test
    changes by monkeypatching (tests/kebijakan/test_cache.py turns the cache on)."""
    monkeypatch.setenv("KEBIJAKAN_CACHE", "0")
