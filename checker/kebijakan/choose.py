"""Choosing and loading a policy version without importing what loading it needs: a version
read before from the same files comes from the compiled cache (:mod:`checker.kebijakan.cache`),
and only a miss imports the loaders and linters of :mod:`checker.kebijakan.load`."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from checker.errors import PolicyError, Problem
from checker.gitrepo import VersionError
from checker.kebijakan.source import Source, at_ref, locate
from checker.provenance import REF, Provenance

if TYPE_CHECKING:
    from checker.kebijakan.model import Kebijakan
    from checker.policy.model import Peraturan


def load_source(source: Source, *, text_only: bool = False) -> Kebijakan:
    """The version at ``source``; raises :class:`PolicyError` with every problem when any file
    has an error (warnings, such as an expired dispensation, travel in ``problems``). A version
    loaded before from the same files by the same code comes from the cache
    (:mod:`checker.kebijakan.cache`)."""
    from checker.dispensasi.model import jakarta_today
    from checker.kebijakan.cache import cached

    def build() -> Kebijakan:
        from checker.kebijakan import load

        return load._load(source, text_only)

    kebijakan = cached(source, text_only, jakarta_today(), build)
    if source.kind != REF:
        from checker.data.schema import remember_schema

        remember_schema(source.schema, kebijakan.schema)
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
