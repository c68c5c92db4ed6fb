"""``lint``: every authoring problem in policy/ and rules/, collected, sorted."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from checker.data.schema import load_schema
from checker.dispensasi.lint import lint_dispensasi
from checker.errors import Problem
from checker.policy.lint import lint_peraturan
from checker.policy.load import load_policy_unchecked
from checker.rules.lint import lint_rules
from checker.rules.load import load_rules_unchecked


def lint(policy_root: str | Path = "policy", rules_root: str | Path | None = "rules", *,
         reports: str | Path | None = None, today: dt.date | None = None) -> list[Problem]:
    """Problems of the regulation and, when ``rules_root`` is given, of the rules citing it and
    of the dispensations in ``rules_root/dispensasi``.

    Rules are checked against the regulation only when it loads without errors (a rule citing
    a clause of a broken regulation would only repeat the same problem). ``reports`` (a report
    JSON or a folder of them) is the last check, against which orphan dispensations are found;
    ``today`` (default: the date in Asia/Jakarta) decides which dispensations have expired.
    """
    peraturan, problems = load_policy_unchecked(policy_root)
    if peraturan is not None:
        problems = problems + lint_peraturan(peraturan)
    policy_ok = peraturan is not None and not any(p.severity == "error" for p in problems)
    if rules_root is not None and Path(rules_root).is_dir():
        problems = problems + lint_rules(rules_root, peraturan if policy_ok else None,
                                         load_schema())
        rule_ids = {rule.id for rule in load_rules_unchecked(rules_root)[0]}
        problems = problems + lint_dispensasi(rules_root, peraturan if policy_ok else None,
                                              rule_ids, today=today, reports=reports)
    return sorted(set(problems))
