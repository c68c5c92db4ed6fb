"""One version of policy/ + rules/ (with rules/dispensasi/) at a Git ref, or the working tree.

Both folders are extracted from the same commit with one ``git archive`` into a temporary
folder, loaded and linted there like the working tree, and named the way redlines name them.
"""

from __future__ import annotations

import io
import os
import tarfile
import tempfile
from pathlib import Path

from checker.check import Kebijakan, load_kebijakan
from checker.diff import Side
from checker.errors import PolicyError
from checker.gitrepo import VersionError, head_commit, open_repo, read_files, resolve
from checker.versions import WORKTREE_NAME


def load_at(policy_root: str | Path, rules_root: str | Path, ref: str | None
            ) -> tuple[Kebijakan, Side]:
    """The policy, rules and dispensations at ``ref`` (None: the working tree), and its name.

    Raises VersionError for an unknown ref or a version whose files do not load (the first
    problem named ``REF:path:line``)."""
    if ref is None:
        kebijakan = load_kebijakan(policy_root, rules_root)
        try:
            head = head_commit(open_repo(policy_root))
        except VersionError:
            head = None
        peraturan = kebijakan.peraturan
        return kebijakan, Side(WORKTREE_NAME, peraturan.status, peraturan.version, head)
    repo = open_repo(policy_root)
    commit = resolve(repo, ref)
    rules = Path(rules_root).resolve()
    if not rules.is_relative_to(repo.root):
        raise VersionError(f"folder aturan {rules_root} tidak berada di repositori kebijakan")
    rules_rel = rules.relative_to(repo.root).as_posix()
    present = read_files(repo, [f"{commit.sha}:{repo.policy}/peraturan.yml",
                                f"{commit.sha}:{rules_rel}"])
    if present[0] is None or present[1] is None:
        missing = f"{repo.policy}/peraturan.yml" if present[0] is None else f"{rules_rel}/"
        raise VersionError(f"pada versi {ref} tidak ada {missing}")
    with tempfile.TemporaryDirectory(prefix="kebijakan-") as tmp:
        data = repo.git("archive", "--format=tar", commit.sha, "--", repo.policy, rules_rel)
        with tarfile.open(fileobj=io.BytesIO(data)) as archive:
            archive.extractall(tmp, filter="data")
        try:
            kebijakan = load_kebijakan(Path(tmp) / repo.policy, Path(tmp) / rules_rel,
                                       commit=commit.sha)
        except PolicyError as exc:
            raise _relabel(exc, Path(tmp), ref) from None
    peraturan = kebijakan.peraturan
    return kebijakan, Side(ref, peraturan.status, peraturan.version, commit.sha, commit.date,
                           commit.author)


def _relabel(error: PolicyError, tmp: Path, ref: str) -> VersionError:
    """A broken version named ``REF:rules/file.yml:line`` instead of by its temporary path."""
    problems = [p for p in error.problems if p.severity == "error"] or list(error.problems)
    if not problems:
        return VersionError(f"kebijakan pada versi {ref} tidak dapat dimuat")
    head = problems[0]
    path = Path(os.path.abspath(head.path))
    root = Path(os.path.abspath(tmp))
    where = f"{ref}:{path.relative_to(root).as_posix()}" if path.is_relative_to(root) \
        else head.path
    more = f" (dan {len(problems) - 1} kesalahan lain)" if len(problems) > 1 else ""
    return VersionError(f"kebijakan pada versi {ref} rusak: {where}:{head.line}: "
                        f"{head.message}{more}")
