"""Where one version of the policy came from, said the same way in every output.

A report, a Word file, a redline, an impact preview and the site all name the version they were
made from with :meth:`Provenance.describe` ("versi 2026.1-rancangan (rancangan), salinan kerja
pada commit 30ddd46a1b dengan perubahan yang belum di-commit"), so the same working tree never
reads ``+dirty`` in one place and ``-dirty`` in another.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

FOLDER, REF, BUNDLE = "folder", "ref", "bundle"
SOURCES = (FOLDER, REF, BUNDLE)
WORKTREE_NAME = "salinan kerja"
BUNDLE_NAME = "salinan bawaan paket"
DIRTY_TEXT = "dengan perubahan yang belum di-commit"


@dataclass(frozen=True)
class Provenance:
    """One policy version's identity: what ``peraturan.yml`` says (version, status) and where
    the files were read (a folder, a Git ref, or the copy bundled in the installed package).

    ``commit`` is a full commit id without decoration; ``dirty`` says the folder differed from
    it. ``ref`` is the tag, branch or commit asked for (for a bundle: the tag it was built
    from, if any). ``label`` overrides the short name (a redline's "versi sebelumnya").
    """

    version: str
    status: str
    source: str = FOLDER
    ref: str | None = None
    commit: str | None = None
    dirty: bool = False
    date: dt.datetime | None = None  # the commit's date, for a ref
    author: str | None = None  # the commit's author, for a ref
    label: str | None = None

    @property
    def name(self) -> str:
        """The short name of the version in a comparison: the ref, or the working copy."""
        if self.label:
            return self.label
        if self.source == REF and self.ref:
            return self.ref
        return BUNDLE_NAME if self.source == BUNDLE else WORKTREE_NAME

    def commit_text(self) -> str:
        """ "30ddd46a1b", "30ddd46a1b dengan perubahan yang belum di-commit", or why none."""
        if not self.commit:
            return "di luar Git" if self.source != REF else "belum di-commit"
        return self.commit[:10] + (f" {DIRTY_TEXT}" if self.dirty else "")

    def where(self) -> str:
        """Where the files were read: "salinan kerja pada commit …", "v2026.1 (commit …)"."""
        if self.source == REF:
            return f"{self.ref} (commit {self.commit_text()})"
        place = self.name
        if self.source == BUNDLE and self.ref:
            place += f" dari {self.ref}"
        if not self.commit:
            return f"{place} di luar Git" if self.source == FOLDER else place
        return f"{place} pada commit {self.commit_text()}"

    def describe(self) -> str:
        """The one sentence fragment naming this version everywhere it is shown."""
        return f"versi {self.version} ({self.status}), {self.where()}"

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (the report's ``policy`` object)."""
        return {
            "version": self.version,
            "status": self.status,
            "source": self.source,
            "ref": self.ref,
            "commit": self.commit,
            "dirty": self.dirty,
            "description": self.describe(),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Provenance:
        """Read :meth:`to_dict`; reports written before provenance was one record carried
        only ``version`` and ``commit`` (with ``+dirty`` appended), and still read."""
        commit = data.get("commit")
        dirty = bool(data.get("dirty", False))
        if isinstance(commit, str) and commit.endswith(("+dirty", "-dirty")):
            commit, dirty = commit[:-6], True
        source = data.get("source")
        return cls(
            version=str(data.get("version") or "?"),
            status=str(data.get("status") or "?"),
            source=source if source in SOURCES else FOLDER,
            ref=data.get("ref"),
            commit=commit or None,
            dirty=dirty,
        )
