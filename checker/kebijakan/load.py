"""The one loader of a policy version: every authored file read once, every problem collected.

:func:`inspect` reads ``policy/``, the Table Schema in ``rules/schema/``, the rules and the
dispensations of a :class:`Source`, lints them against each other and returns what it could
build with every problem at file:line:col — that is ``kebijakan lint``. :func:`load` is the
same reading for everything else: it raises once with every error, or returns the version.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from checker.data.schema import Table, load_schema_unchecked
from checker.dispensasi.lint import check_dates, check_orphans, last_check
from checker.dispensasi.lint import check_references as check_dispensasi_references
from checker.dispensasi.load import dispensasi_root, load_dispensasi_unchecked
from checker.dispensasi.model import Dispensasi, jakarta_today
from checker.errors import PolicyError, Problem
from checker.gitrepo import VersionError
from checker.kebijakan.model import Kebijakan
from checker.kebijakan.source import Source, at_ref, locate
from checker.konsultasi.berkas import read_folder as read_konsultasi
from checker.konsultasi.lint import lint_berkas
from checker.policy.lint import lint_peraturan
from checker.policy.load import load_policy_unchecked
from checker.policy.model import Peraturan
from checker.provenance import Provenance
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


def load_source(source: Source, *, text_only: bool = False) -> Kebijakan:
    """The version at ``source``; raises :class:`PolicyError` with every problem when any file
    has an error (warnings, such as an expired dispensation, travel in ``problems``). A version
    loaded before from the same files by the same code comes from the cache
    (:mod:`checker.kebijakan.cache`)."""
    from checker.kebijakan.cache import cached

    kebijakan = cached(source, text_only, jakarta_today(), lambda: _load(source, text_only))
    # where it was read (the commit, whether the tree is dirty) is today's, not the cache's
    return replace(kebijakan, source=source, provenance=_provenance(kebijakan.peraturan, source))


def _provenance(peraturan: Peraturan, source: Source) -> Provenance:
    return Provenance(
        peraturan.version,
        peraturan.status,
        source.kind,
        source.ref,
        source.commit,
        source.dirty,
        source.date,
        source.author,
    )


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


@contextmanager
def opened(
    policy: str | Path | None = None, rules: str | Path | None = None, ref: str | None = None
) -> Iterator[Source]:
    """The source a user's choice names: a Git ref of the repository (``ref``), explicit
    folders, the working tree, or the bundled version (see :func:`locate`)."""
    policy_path = Path(policy) if policy is not None else None
    rules_path = Path(rules) if rules is not None else None
    if ref is None:
        yield locate(policy_path, rules_path)
        return
    with at_ref(ref, policy_path, rules_path) as source:
        yield source


def load_kebijakan(
    policy: str | Path | None = None,
    rules: str | Path | None = None,
    *,
    ref: str | None = None,
    text_only: bool = False,
) -> Kebijakan:
    """Load the version the user chose: ``ref`` (a tag, branch or commit of the policy's
    repository), ``policy``/``rules`` folders, else the working tree, else the bundled copy.

    Raises PolicyError (every problem at file:line:col) for a broken working tree, and
    VersionError naming ``REF:path:line`` for a broken version at a ref.
    """
    with opened(policy, rules, ref) as source:
        if ref is None:
            return load_source(source, text_only=text_only)
        try:
            return load_source(source, text_only=text_only)
        except PolicyError as exc:
            raise broken_at(exc, source, ref) from None


def broken_at(error: PolicyError, source: Source, ref: str) -> VersionError:
    """A broken version at a ref, named ``REF:rules/file.yml:line`` instead of by its
    temporary path."""
    problems = [p for p in error.problems if p.severity == "error"] or list(error.problems)
    if not problems:
        return VersionError(f"kebijakan pada versi {ref} tidak dapat dimuat")
    head = relabel(problems[0], source, ref)
    more = f" (dan {len(problems) - 1} kesalahan lain)" if len(problems) > 1 else ""
    return VersionError(
        f"kebijakan pada versi {ref} rusak: {head.path}:{head.line}: {head.message}{more}"
    )


def relabel(problem: Problem, source: Source, ref: str) -> Problem:
    """``problem`` with its path as ``REF:policy/…`` when it lies in the extracted folder."""
    if source.root is None:
        return problem
    root = Path(os.path.abspath(source.root))
    path = Path(os.path.abspath(problem.path))
    if path.is_relative_to(root):
        return replace(problem, path=f"{ref}:{path.relative_to(root).as_posix()}")
    return problem
