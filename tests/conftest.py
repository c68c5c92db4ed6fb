"""Shared fixtures."""

from tests.git_fixture import git
from tests.policy_fixture import make_policy

__all__ = ["git", "make_policy"]
