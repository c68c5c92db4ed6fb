"""Compilation: each rule's registered check type turns its declarative ``check`` into one SQL
SELECT returning :data:`checker.rules.model.OUTPUT_COLUMNS`, one row per breach."""

from __future__ import annotations

from collections.abc import Mapping

from checker.rules.model import Rule
from checker.rules.registry import REGISTRY
from checker.rules.types.base import CompileContext


def compile_rule(
    rule: Rule, rules: Mapping[str, Rule], shared: Mapping[str, str] | None = None
) -> str:
    """The SQL of one rule; ``rules`` (by id) are the rules it may build on (agency rates),
    ``shared`` the tables that already hold a rule's per-employee rows (rule id → table)."""
    return REGISTRY[rule.type].compile(rule, CompileContext(rules, shared or {}))
