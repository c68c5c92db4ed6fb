"""``lint``: every authoring problem in policy/ and rules/, collected, sorted."""

from __future__ import annotations

from pathlib import Path

from checker.errors import Problem
from checker.policy.lint import lint_peraturan
from checker.policy.load import load_policy_unchecked
from checker.rules.lint import lint_rules


def lint(policy_root: str | Path = "policy", rules_root: str | Path | None = "rules"
         ) -> list[Problem]:
    """Problems of the regulation and, when ``rules_root`` is given, of the rules citing it.

    Rules are checked against the regulation only when it loads without errors (a rule citing
    a clause of a broken regulation would only repeat the same problem).
    """
    peraturan, problems = load_policy_unchecked(policy_root)
    if peraturan is not None:
        problems = problems + lint_peraturan(peraturan)
    policy_ok = peraturan is not None and not any(p.severity == "error" for p in problems)
    if rules_root is not None and Path(rules_root).is_dir():
        problems = problems + lint_rules(rules_root, peraturan if policy_ok else None)
    return sorted(set(problems))
