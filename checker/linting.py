"""``lint``: every authoring problem in one policy version, collected, sorted."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from checker.dispensasi.model import jakarta_today
from checker.errors import Problem
from checker.kebijakan import inspect, opened
from checker.kebijakan.load import relabel


def lint(
    policy_root: str | Path | None = None,
    rules_root: str | Path | None = None,
    *,
    ref: str | None = None,
    reports: str | Path | None = None,
    today: dt.date | None = None,
) -> list[Problem]:
    """Problems of the regulation, its Table Schema, its rules and dispensations (see
    :func:`checker.kebijakan.inspect`); the version is chosen as for every command (folders,
    the working tree, the bundled copy, or ``ref``). A version without a ``rules/`` folder is
    linted for its text only.

    ``reports`` (a report JSON or a folder of them) is the last check, against which orphan
    dispensations are found; ``today`` (default: the date in Asia/Jakarta) decides which
    dispensations have expired. Problems of a ref are named ``REF:path``.
    """
    with opened(policy_root, rules_root, ref) as source:
        found = inspect(
            source,
            text_only=not source.rules.is_dir(),
            today=today or jakarta_today(),
            reports=reports,
        )
        if ref is None:
            return found.problems
        return sorted(relabel(p, source, ref) for p in found.problems)
