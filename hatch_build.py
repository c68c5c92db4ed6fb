"""Hatchling build hook: put one policy version into the wheel, like an OpenFisca country package.

A standard wheel carries ``checker/_bundle/policy/``, ``checker/_bundle/rules/`` and
``checker/_bundle/bundle.json``, so ``pip install .`` or ``pipx install`` gives a working
``kebijakan check`` outside any checkout. Which version:

- the newest tag reachable from HEAD whose ``policy/peraturan.yml`` says ``status: ditetapkan``
  (ordered like ``kebijakan versions``: by the date of the commit the tag names, then by name),
  taken with ``git archive`` so the work tree's drafts never leak into the wheel — source
  ``"tag"``;
- otherwise (no enacted tag, not a Git checkout, git missing, building from an sdist) the work
  tree's ``policy/`` and ``rules/`` as they are — source ``"worktree"``.

``bundle.json`` records ``{"source", "ref", "commit", "dirty"}``; the package's loader reads it.
An editable wheel gets nothing: an editable install reads the checkout itself.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

BUNDLE = "checker/_bundle"
FOLDERS = ("policy", "rules")
PERATURAN = "policy/peraturan.yml"
ENACTED = "ditetapkan"
GIT_TIMEOUT = 60

# status is a top-level enum scalar (peraturan.schema.json), so a line match reads it as well as
# YAML would, and the build needs nothing but hatchling: PyYAML in [build-system] requires would
# be one more download for isolated builds and one more package for --no-build-isolation ones.
_STATUS = re.compile(r"""^status:[ \t]*["']?([A-Za-z_-]+)""", re.MULTILINE)


class BuildError(Exception):
    """The policy bundle cannot be assembled; the build must stop rather than ship a wrong one."""


def read_status(text: str) -> str | None:
    """The top-level ``status`` of a ``peraturan.yml``, or None when it has none."""
    found = _STATUS.search(text)
    return found.group(1) if found else None


class Git:
    """git run in one project root; ``available`` is False when the root is not a checkout's top."""

    def __init__(self, root: Path) -> None:
        self.root = root
        try:
            top = self.run("rev-parse", "--show-toplevel").decode().strip()
        except BuildError:
            self.available = False
            return
        # An sdist unpacked inside some other repository (even this project's own checkout) must
        # not borrow that repository's tags or commits: only a root that is the top counts.
        self.available = Path(top).resolve() == root.resolve()

    def run(self, *args: str) -> bytes:
        """Output of ``git ARGS``; BuildError when git is missing or fails."""
        try:
            done = subprocess.run(
                ["git", *args], cwd=self.root, capture_output=True, timeout=GIT_TIMEOUT, check=False
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            raise BuildError(f"git {args[0]}: {error}") from error
        if done.returncode != 0:
            message = done.stderr.decode(errors="replace").strip()
            raise BuildError(f"git {' '.join(args)}: {message}")
        return done.stdout

    def head(self) -> str | None:
        """HEAD's commit, None in a repository without commits."""
        try:
            return self.run("rev-parse", "--verify", "--quiet", "HEAD^{commit}").decode().strip()
        except BuildError:
            return None

    def dirty(self) -> bool:
        """Whether policy/ or rules/ differ from HEAD (untracked files count)."""
        return bool(self.run("status", "--porcelain", "--", *FOLDERS).strip())

    def enacted_tag(self) -> tuple[str, str] | None:
        """(tag, commit) of the newest tag in HEAD's history whose peraturan.yml is enacted;
        None when none is."""
        # Only HEAD's ancestors: building an older checkout (``pip install git+URL@v2026.1``)
        # must not pair its code with a newer version's policy, which that code may not read.
        out = self.run(
            "for-each-ref",
            "--merged",
            "HEAD",
            "--format=%(refname:strip=2)"
            "%09%(objecttype)%09%(objectname)%09%(*objecttype)%09%(*objectname)",
            "refs/tags",
        )
        named = []
        for line in out.decode().splitlines():
            name, kind, obj, peeled_kind, peeled = (line.split("\t") + [""] * 4)[:5]
            if (peeled_kind or kind) == "commit":
                named.append((name, peeled or obj))
        if not named:
            return None
        log = self.run(
            "log", "--no-walk=unsorted", "--format=%H %ct", *sorted({sha for _, sha in named})
        )
        dates = dict(line.split(" ", 1) for line in log.decode().splitlines())
        # The same order as checker.gitrepo.tags (commit date, then name), so the wheel carries
        # the version that ``kebijakan versions`` shows as the newest enacted one.
        for name, sha in sorted(
            named, key=lambda item: (int(dates[item[1]]), item[0]), reverse=True
        ):
            try:
                text = self.run("cat-file", "blob", f"{sha}:{PERATURAN}")
            except BuildError:
                continue  # a tag from before the policy folder existed
            if read_status(text.decode("utf-8", errors="replace")) == ENACTED:
                return name, sha
        return None

    def extract(self, sha: str, into: Path) -> None:
        """policy/ and rules/ at commit SHA, written under INTO."""
        archive = self.run("archive", "--format=tar", sha, "--", *FOLDERS)
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            # the "data" filter refuses absolute paths and links out of INTO (Python >= 3.11.4)
            if hasattr(tarfile, "data_filter"):
                tar.extractall(into, filter="data")
            else:  # older 3.11 patch releases; the archive is our own repository's
                tar.extractall(into)


def choose(root: Path, scratch: Path) -> tuple[Path, dict[str, Any]]:
    """The folder holding the policy/ and rules/ to bundle, and the bundle.json record.

    A tagged version is extracted into SCRATCH; the work tree is used in place.
    """
    git = Git(root)
    if git.available:
        commit = git.head()
        tagged = git.enacted_tag() if commit is not None else None
        if tagged is not None:
            ref, sha = tagged
            git.extract(sha, scratch)
            return scratch, {"source": "tag", "ref": ref, "commit": sha, "dirty": False}
        dirty = git.dirty()
    else:
        commit, dirty = None, False
    return root, {"source": "worktree", "ref": None, "commit": commit, "dirty": dirty}


class PolicyBundleHook(BuildHookInterface):
    """Add ``checker/_bundle`` to the standard wheel; the editable wheel gets nothing."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """Choose the version, stage bundle.json, and force-include all three into the wheel."""
        if version == "editable":
            return
        scratch = Path(tempfile.mkdtemp(prefix="kebijakan-bundle-"))
        try:
            base, record = choose(Path(self.root), scratch / "tree")
            missing = [name for name in FOLDERS if not (base / name).is_dir()]
            if missing:
                raise BuildError(
                    f"folder {', '.join(missing)} tidak ada di {record['ref'] or base}"
                )
        except BuildError as error:
            shutil.rmtree(scratch, ignore_errors=True)  # finalize never runs after a failure
            raise BuildError(f"bundel kebijakan tidak dapat disusun: {error}") from error
        self._scratch = scratch
        meta = scratch / "bundle.json"
        meta.write_text(json.dumps(record, sort_keys=True, indent=2) + "\n", encoding="utf-8")
        for name in FOLDERS:
            build_data["force_include"][os.fspath(base / name)] = f"{BUNDLE}/{name}"
        build_data["force_include"][os.fspath(meta)] = f"{BUNDLE}/bundle.json"
        where = record["ref"] or ("salinan kerja" + (" (ada perubahan)" if record["dirty"] else ""))
        self.app.display_info(f"bundel kebijakan: {where}, commit {record['commit'] or '-'}")

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        """Remove the scratch folder once the wheel holds its copy."""
        scratch = getattr(self, "_scratch", None)
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)
