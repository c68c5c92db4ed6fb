"""Where a policy version's files are: a folder, a Git ref, or the copy bundled in the package.

:func:`locate` picks the folder the way a user expects: ``--policy``/``--rules`` when given,
else the working tree when the current folder holds ``policy/``, else the version installed with
the package (the wheel's ``checker/_bundle``, or the checkout an editable install points at).
:func:`at_ref` extracts ``policy/`` and ``rules/`` of one commit with a single ``git archive``.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from checker.errors import UsageError
from checker.gitrepo import VersionError, open_repo, read_files, resolve, run_git
from checker.provenance import BUNDLE, FOLDER, REF

SCHEMA_DIR = "schema"  # the Table Schema lives in rules/schema/
BUNDLE_DIR = "_bundle"  # inside the installed package: policy/, rules/, bundle.json
BUNDLE_FILE = "bundle.json"


@dataclass(frozen=True)
class Source:
    """The folders one version is read from, and what is known of them before reading.

    For a Git ref the folders are temporary and gone once the version is loaded.
    """

    policy: Path
    rules: Path
    kind: str = FOLDER
    ref: str | None = None
    commit: str | None = None
    dirty: bool = False
    date: dt.datetime | None = None  # the commit's date, for a ref
    author: str | None = None
    root: Path | None = None  # for a ref: the temporary folder the commit was extracted into

    @property
    def schema(self) -> Path:
        """The Table Schema folder of this version: ``rules/schema``."""
        return self.rules / SCHEMA_DIR


def git_state(*paths: Path) -> tuple[str | None, bool]:
    """The HEAD commit of the repository holding the first path (None outside Git or before
    the first commit) and whether any of the paths has uncommitted changes."""
    try:
        repo = open_repo(paths[0])
        sha = repo.git("rev-parse", "--verify", "--quiet", "HEAD").decode().strip()
        status = repo.git(
            "status", "--porcelain", "--", *(str(p.resolve()) for p in paths if p.exists())
        )
    except VersionError:
        return None, False
    return sha or None, bool(status.strip())


def folder(policy: Path, rules: Path, kind: str = FOLDER) -> Source:
    """A version read from folders, with the Git commit they stand on (if any)."""
    commit, dirty = git_state(policy, rules)
    return Source(policy, rules, kind, commit=commit, dirty=dirty)


def project_root() -> Path | None:
    """The checkout an editable install runs from, when it holds policy/ and rules/."""
    root = Path(__file__).resolve().parents[2]
    if (
        (root / "pyproject.toml").is_file()
        and (root / "policy").is_dir()
        and (root / "rules").is_dir()
    ):
        return root
    return None


def bundle_dir() -> Path:
    """Where a wheel keeps its bundled version (absent in an editable install)."""
    return Path(str(resources.files("checker").joinpath(BUNDLE_DIR)))


def bundled() -> Source:
    """The version installed with the package: the wheel's bundle, or the checkout of an
    editable install. UsageError when neither exists (a broken installation)."""
    bundle = bundle_dir()
    if (bundle / "policy").is_dir():
        try:
            meta = json.loads((bundle / BUNDLE_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            meta = {}
        meta = meta if isinstance(meta, dict) else {}
        return Source(
            bundle / "policy",
            bundle / "rules",
            BUNDLE,
            ref=meta.get("ref"),
            commit=meta.get("commit"),
            dirty=bool(meta.get("dirty", False)),
        )
    root = project_root()
    if root is not None:
        return folder(root / "policy", root / "rules")
    raise UsageError(
        "folder kebijakan tidak ditemukan dan paket ini terpasang tanpa salinan "
        "kebijakan bawaan; jalankan dari akar repositori kebijakan atau beri "
        "--policy FOLDER --rules FOLDER"
    )


def locate(
    policy: Path | None = None, rules: Path | None = None, *, cwd: Path | None = None
) -> Source:
    """The folders to read: explicit ones first, then the working tree, then the bundle.

    ``--policy`` alone takes ``rules/`` beside it (or in the current folder); ``--rules``
    alone takes the current folder's ``policy/`` (or the bundled one).
    """
    here = cwd or Path()
    if policy is None and rules is None:
        if (here / "policy").is_dir():
            return folder(here / "policy", here / "rules")
        return bundled()
    if policy is None:
        policy = here / "policy" if (here / "policy").is_dir() else bundled().policy
    if not policy.is_dir():
        raise UsageError(
            f"folder kebijakan {policy} tidak ditemukan; jalankan dari akar "
            "repositori atau beri --policy FOLDER"
        )
    if rules is None:
        beside = policy.parent / "rules"
        rules = beside if beside.is_dir() else here / "rules"
    bundle = bundle_dir()
    if (
        policy.resolve() == (bundle / "policy").resolve()
        and rules.resolve() == (bundle / "rules").resolve()
    ):
        return bundled()  # the bundle named by its folders (the upload service's checks)
    return folder(policy, rules)


def policy_dir(policy: str | Path | None) -> Path:
    """The policy folder a command reads when it needs the folder itself (Git history,
    freezing the numbering): ``policy`` when given, else as :func:`locate` finds it."""
    return locate(Path(policy) if policy is not None else None).policy


@contextmanager
def at_ref(
    ref: str, policy: Path | None = None, rules: Path | None = None, *, cwd: Path | None = None
) -> Iterator[Source]:
    """``policy/`` and ``rules/`` as they were at ``ref``, extracted into a temporary folder
    that lives as long as the ``with`` block. The folders name the repository's paths (the
    working tree's by default)."""
    here = cwd or Path()
    policy = policy or here / "policy"
    repo = open_repo(policy)
    commit = resolve(repo, ref)
    rules_path = (rules or policy.parent / "rules").resolve()
    if not rules_path.is_relative_to(repo.root):
        raise VersionError(f"folder aturan {rules_path} tidak berada di repositori kebijakan")
    rules_rel = rules_path.relative_to(repo.root).as_posix()
    present = read_files(
        repo, [f"{commit.sha}:{repo.policy}/peraturan.yml", f"{commit.sha}:{rules_rel}"]
    )
    if present[0] is None:
        raise VersionError(f"pada versi {ref} tidak ada {repo.policy}/peraturan.yml")
    paths = [repo.policy] + ([rules_rel] if present[1] is not None else [])
    data = run_git(repo.root, "archive", "--format=tar", commit.sha, "--", *paths)
    with tempfile.TemporaryDirectory(prefix="kebijakan-") as tmp:
        with tarfile.open(fileobj=io.BytesIO(data)) as archive:
            archive.extractall(tmp, filter="data")
        yield Source(
            Path(tmp) / repo.policy,
            Path(tmp) / rules_rel,
            REF,
            ref=ref,
            commit=commit.sha,
            date=commit.date,
            author=commit.author,
            root=Path(tmp),
        )
