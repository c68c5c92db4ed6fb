"""The Git plumbing behind versions: refs, tags, commit dates, files at a ref.

Every failure (no git, not a repository, unknown ref) becomes a :class:`VersionError` with one
Indonesian sentence saying what to do; nothing here prints.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from checker.errors import CheckerError


class VersionError(CheckerError):
    """A version cannot be found or read (no Git, unknown ref, no policy at that ref)."""


@dataclass(frozen=True)
class Commit:
    """A commit: full id, committer date (with its offset) and author name."""

    sha: str
    date: dt.datetime
    author: str


@dataclass(frozen=True)
class Repo:
    """A Git work tree and where the policy folder sits inside it."""

    root: Path
    policy: str  # POSIX path of the policy folder relative to root, e.g. "policy"

    def git(self, *args: str, stdin: bytes | None = None) -> bytes:
        """Run git in this repository; a failure becomes a VersionError."""
        return run_git(self.root, *args, stdin=stdin)


def run_git(cwd: Path, *args: str, stdin: bytes | None = None) -> bytes:
    """``git -C cwd ARGS``; raises VersionError with git's own reason on failure."""
    env = {**os.environ, "GIT_PAGER": "cat", "LC_ALL": "C"}
    try:
        done = subprocess.run(
            ["git", "-C", str(cwd), *args], input=stdin, capture_output=True, check=False, env=env
        )
    except FileNotFoundError:
        raise VersionError(
            "perintah git tidak ditemukan; riwayat versi dan redline memerlukan Git"
        ) from None
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise VersionError(f"git {args[0]} gagal: {reason[-1] if reason else 'tanpa pesan'}")
    return done.stdout


def open_repo(policy_root: str | Path) -> Repo:
    """The repository holding ``policy_root``."""
    policy = Path(policy_root).resolve()
    probe = policy if policy.is_dir() else policy.parent
    try:
        top = run_git(probe, "rev-parse", "--show-toplevel").decode().strip()
    except VersionError as exc:
        if "git tidak ditemukan" in exc.message:
            raise
        raise VersionError(
            f"folder {policy_root} tidak berada di dalam repositori Git; "
            "riwayat versi dan redline memerlukan Git"
        ) from None
    root = Path(top).resolve()
    return Repo(root, policy.relative_to(root).as_posix())


def resolve(repo: Repo, ref: str) -> Commit:
    """The commit a tag, branch or commit id names."""
    try:
        out = repo.git("log", "-1", "--format=%H%x09%cI%x09%an", f"{ref}^{{commit}}", "--")
    except VersionError:
        raise VersionError(
            f"versi {ref!r} tidak dikenal: bukan tag, cabang, atau commit di "
            "repositori ini; lihat daftar versi dengan kebijakan versions"
        ) from None
    sha, date, author = out.decode("utf-8").strip().split("\t", 2)
    return Commit(sha, dt.datetime.fromisoformat(date), author)


def tags(repo: Repo) -> list[tuple[str, Commit]]:
    """Every tag that names a commit, with that commit, oldest first (then by name)."""
    out = repo.git(
        "for-each-ref",
        "--format=%(refname:short)%09%(objecttype)%09%(objectname)"
        "%09%(*objecttype)%09%(*objectname)",
        "refs/tags",
    ).decode("utf-8")
    named = []
    for line in out.splitlines():
        name, kind, obj, peeled_kind, peeled = (line.split("\t") + [""] * 4)[:5]
        if (peeled_kind or kind) == "commit":
            named.append((name, peeled or obj))
    if not named:
        return []
    log = repo.git(
        "log", "--no-walk=unsorted", "--format=%H%x09%cI%x09%an", *sorted({sha for _, sha in named})
    ).decode("utf-8")
    commits = {}
    for line in log.splitlines():
        sha, date, author = line.split("\t", 2)
        commits[sha] = Commit(sha, dt.datetime.fromisoformat(date), author)
    found = [(name, commits[sha]) for name, sha in named if sha in commits]
    return sorted(found, key=lambda item: (item[1].date, item[0]))


def read_files(repo: Repo, specs: list[str]) -> list[bytes | None]:
    """The contents of ``REV:PATH`` specs in one ``git cat-file --batch``; None when missing."""
    out = repo.git("cat-file", "--batch", stdin="".join(f"{s}\n" for s in specs).encode())
    results: list[bytes | None] = []
    position = 0
    for _ in specs:
        end = out.index(b"\n", position)
        header = out[position:end].split()
        position = end + 1
        if header[-1] == b"missing" or len(header) < 3:
            results.append(None)
            continue
        size = int(header[2])
        results.append(out[position : position + size])
        position += size + 1
    return results
