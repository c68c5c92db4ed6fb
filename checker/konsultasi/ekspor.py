"""``kebijakan konsultasi ekspor``: the service's published comments into
``policy/konsultasi/<versi>.yml``, one file per consulted version, keeping every answer the
drafters already wrote."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from checker.errors import InputError
from checker.konsultasi.berkas import FOLDER, Berkas, Masukan, dump, file_name, merge, read_folder


@dataclass(frozen=True)
class Exported:
    """What one export did to one file."""

    path: Path
    versi: str
    comments: int  # published comments in the file now
    added: int  # of which new in this export
    answered: int  # of which have a tanggapan
    dropped: tuple[str, ...]  # answered comments no longer published (left out, named)


def export(
    data_dir: str | Path, policy_root: str | Path, versi: str | None = None
) -> list[Exported]:
    """Write the published comments of every consulted version (or of ``versi`` only) into
    ``<policy_root>/konsultasi/``. The service's database is read, never changed."""
    from checker.serve.comments import comments
    from checker.serve.storage import Storage

    root = Path(policy_root)
    if not root.is_dir():
        raise InputError("folder kebijakan tidak ditemukan", root)
    published = comments(Storage.existing(data_dir), status="diterbitkan", version=versi)
    existing, problems = read_folder(root)
    if problems:
        first = problems[0]
        raise InputError(
            f"berkas konsultasi yang ada tidak dapat dibaca ({first.path}:{first.line}: "
            f"{first.message}); perbaiki dulu agar tanggapan di dalamnya tidak hilang",
            first.path,
        )
    by_version = {b.versi: b for b in existing}
    versions = sorted({c.version for c in published} | ({versi} if versi else set()))
    out = []
    for version in versions:
        items = [
            Masukan(
                id=c.id,
                pasal=c.pasal,
                tanggal=c.day,
                isi=c.text,
                asal=c.origin,
                nama=c.public_name,
            )
            for c in published
            if c.version == version
        ]
        old = by_version.get(version)
        merged, dropped = merge(old, items, version)
        path = Path(old.path) if old and old.path else root / FOLDER / file_name(version)
        if old is not None:
            path = root / FOLDER / Path(old.path).name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dump(merged), encoding="utf-8")
        before = {m.id for m in old.masukan} if old else set()
        out.append(
            Exported(
                path,
                version,
                len(merged.masukan),
                sum(1 for m in merged.masukan if m.id not in before),
                sum(1 for m in merged.masukan if m.tanggapan),
                tuple(dropped),
            )
        )
    return out


__all__ = ["Berkas", "Exported", "export"]
