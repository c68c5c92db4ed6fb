"""Shared fixtures."""

from tests.policy_fixture import make_policy

__all__ = ["make_policy"]
