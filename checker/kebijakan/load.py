"""The one loader of a policy version: every authored file read once, every problem collected.

:func:`inspect` reads ``policy/``, the Table Schema in ``rules/schema/``, the rules and the
dispensations of a :class:`Source`, lints them against each other and returns what it could
build with every problem at file:line:col — that is ``kebijakan lint``. :func:`load` is the
same reading for everything else: it raises once with every error, or returns the version.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from checker.data.schema import Table, load_schema_unchecked
from checker.dispensasi.lint import check_dates, check_orphans, last_check
from checker.dispensasi.lint import check_references as check_dispensasi_references
from checker.dispensasi.load import dispensasi_root, load_dispensasi_unchecked
from checker.dispensasi.model import Dispensasi, jakarta_today
from checker.errors import PolicyError, Problem
from checker.kebijakan.choose import (  # noqa: F401  (re-exported: the public entry points)
    _provenance,
    broken_at,
    load_kebijakan,
    load_source,
    opened,
    relabel,
)
from checker.kebijakan.model import Kebijakan
from checker.kebijakan.source import Source
from checker.konsultasi.berkas import read_folder as read_konsultasi
from checker.konsultasi.lint import lint_berkas
from checker.policy.lint import lint_peraturan
from checker.policy.load import load_policy_unchecked
from checker.policy.model import Peraturan
from checker.rules.lint import check_references, check_sql
from checker.rules.load import load_rules_unchecked
from checker.rules.model import Rule
from checker.rules.unchecked import Unchecked, check_unchecked, load_unchecked


@dataclass
class Inspection:
    """What :func:`inspect` could read, and every problem it met (sorted, unique)."""

    source: Source
    peraturan: Peraturan | None = None
    rules: list[Rule] = field(default_factory=list)
    schema: dict[str, Table] | None = None
    dispensasi: list[Dispensasi] = field(default_factory=list)
    unchecked: list[Unchecked] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        """The problems of severity error."""
        return [p for p in self.problems if p.severity == "error"]


def _has_error(problems: list[Problem]) -> bool:
    return any(p.severity == "error" for p in problems)


def inspect(
    source: Source,
    *,
    text_only: bool = False,
    today: dt.date | None = None,
    reports: str | Path | None = None,
) -> Inspection:
    """Read and lint one version. Rules are judged against the regulation only when it loads
    clean, and their SQL planned only when the Table Schema does too (a rule citing a clause
    of a broken regulation would only repeat the same problem). ``text_only`` reads
    ``policy/`` alone. ``today`` (default: the date in Asia/Jakarta) decides which
    dispensations have expired; ``reports`` (the last check) finds orphan dispensations.
    """
    found = Inspection(source)
    peraturan, problems = load_policy_unchecked(source.policy)
    if peraturan is not None:
        problems += lint_peraturan(peraturan, today)
    found.peraturan = peraturan
    policy_ok = peraturan is not None and not _has_error(problems)
    consultation, consultation_problems = read_konsultasi(source.policy)
    problems += consultation_problems
    if peraturan is not None and policy_ok:
        problems += lint_berkas(consultation, peraturan)
    if not text_only:
        schema, schema_problems = load_schema_unchecked(source.schema)
        problems += schema_problems
        found.schema = schema
        rules, rule_problems = load_rules_unchecked(source.rules)
        found.rules = rules
        if peraturan is not None and policy_ok:
            rule_problems += check_references(rules, peraturan)
            if schema is not None and not _has_error(rule_problems):
                rule_problems += check_sql(rules, peraturan, schema)
        problems += rule_problems
        unchecked, unchecked_problems = load_unchecked(source.rules)
        found.unchecked = unchecked
        problems += unchecked_problems
        if peraturan is not None and policy_ok:
            problems += check_unchecked(unchecked, peraturan, rules)
        records, dispensasi_problems = load_dispensasi_unchecked(dispensasi_root(source.rules))
        found.dispensasi = records
        problems += dispensasi_problems
        problems += check_dispensasi_references(
            records, {rule.id for rule in rules}, peraturan if policy_ok else None
        )
        problems += check_dates(records, today or jakarta_today())
        if reports is not None:
            problems += check_orphans(records, last_check(reports), today or jakarta_today())
    found.problems = sorted(set(problems))
    return found


def _load(source: Source, text_only: bool) -> Kebijakan:
    found = inspect(source, text_only=text_only)
    if found.peraturan is None or found.errors:
        raise PolicyError(found.problems)
    peraturan = found.peraturan
    return Kebijakan(
        peraturan,
        _provenance(peraturan, source),
        source,
        rules=found.rules,
        schema=found.schema or {},
        dispensasi=found.dispensasi,
        dispensasi_folder=dispensasi_root(source.rules).is_dir(),
        unchecked=found.unchecked,
        complete=not text_only,
        problems=found.problems,
    )
