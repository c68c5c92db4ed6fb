"""Storing one upload: copy each file with its SHA-256, decide its kind by content, open ZIPs.

Nothing the agency named becomes a path: files are stored as ``berkas/01/pegawai.csv``, where
``01`` counts the uploads and ``pegawai`` is the schema's own table name when the original name
mentions one (so the intake still recognises the table) and ``data`` otherwise. Every ZIP and
workbook is checked against one byte and entry budget for the whole upload, first by what its
directory declares, then again while it is decompressed, so a zip bomb is refused before it
reaches the disk and a lying header cannot write past the budget either.
"""

from __future__ import annotations

import errno
import hashlib
import unicodedata
import zipfile
import zlib
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO, BinaryIO

from checker.data.resolve import table_by_name
from checker.data.schema import Table
from checker.serve.content import (
    EXTENSIONS,
    UploadRejected,
    damaged,
    detect_kind,
    zip_entry_count,
)
from checker.serve.storage import StoredFile

CHUNK = 1 << 20
_JUNK_PARTS = ("__MACOSX",)
_JUNK_NAMES = ("thumbs.db", "desktop.ini")
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    NotImplementedError,
    RuntimeError,
    ValueError,
)


@dataclass(frozen=True)
class Incoming:
    """One file as the web layer received it: the name the browser sent and its bytes."""

    name: str | None
    stream: BinaryIO


@dataclass
class Budget:
    """What the ZIP and workbook files of one upload may still decompress to."""

    max_bytes: int
    max_entries: int
    used_bytes: int = 0
    used_entries: int = 0

    def entries(self, count: int, name: str) -> None:
        """Spend ``count`` entries or refuse the upload."""
        self.used_entries += count
        if self.used_entries > self.max_entries:
            raise UploadRejected(
                f"Berkas “{name}” berisi terlalu banyak bagian (batasnya {self.max_entries} "
                "untuk satu unggahan). Kirim hanya berkas data yang diperlukan.",
                413,
            )

    def bytes(self, count: int, name: str) -> None:
        """Spend ``count`` decompressed bytes or refuse the upload."""
        self.used_bytes += count
        if self.used_bytes > self.max_bytes:
            raise UploadRejected(
                f"Isi berkas “{name}” terlalu besar setelah dibuka (batasnya "
                f"{self.max_bytes // (1 << 20)} MB untuk satu unggahan). Bagi datanya menjadi "
                "beberapa unggahan atau hubungi BKD.",
                413,
            )


def display_name(raw: str | None, fallback: str) -> str:
    """The name to show: last path part, no control characters, at most 120 characters."""
    parts = [p for p in (raw or "").replace("\\", "/").split("/") if p not in ("", ".", "..")]
    name = "".join(c for c in (parts[-1] if parts else "") if unicodedata.category(c)[0] != "C")
    name = " ".join(name.split())
    if len(name) > 120:
        suffix = PurePosixPath(name).suffix[:10]
        name = name[: 120 - len(suffix)] + suffix
    return name or fallback


def store_uploads(
    incoming: Sequence[Incoming], folder: Path, budget: Budget, schema: Mapping[str, Table]
) -> list[StoredFile]:
    """Store every file of one upload under ``folder``, named after the table of ``schema``
    (the service's policy version) its name mentions; UploadRejected when one cannot be
    accepted (the caller removes the folder then)."""
    files: list[StoredFile] = []
    seen: set[str] = set()
    for number, item in enumerate(incoming, start=1):
        name = _unique(display_name(item.name, f"berkas-{number}"), seen)
        slot = folder / "berkas" / f"{number:02d}"
        slot.mkdir(parents=True)
        size, sha = _copy(item.stream, slot / "unggahan", budget=None, name=name)
        kind = detect_kind(slot / "unggahan", name)
        position = len(files) + 1
        if kind == "zip":
            stored = _place(slot / "unggahan", slot / "arsip.zip")
            files.append(
                StoredFile(position, name, _rel(stored, folder), kind, size, sha, checked=False)
            )
            files += _extract(stored, name, slot, budget, position, folder, seen, schema)
        else:
            if kind in ("xlsx", "xlsb", "ods"):
                check_workbook(slot / "unggahan", name, budget)
            stored = _place(slot / "unggahan", slot / (_stem(name, schema) + EXTENSIONS[kind]))
            files.append(
                StoredFile(position, name, _rel(stored, folder), kind, size, sha, checked=True)
            )
    return files


def check_workbook(path: Path, name: str, budget: Budget) -> None:
    """Decompress every part of a workbook (writing nothing) within the budget."""
    with _open_zip(path, name, budget) as zf:
        for info in zf.infolist():
            with _zip_read(name), zf.open(info) as fh:
                while chunk := fh.read(CHUNK):
                    budget.bytes(len(chunk), name)


def _extract(
    archive: Path,
    zip_name: str,
    slot: Path,
    budget: Budget,
    parent: int,
    folder: Path,
    seen: set[str],
    schema: Mapping[str, Table],
) -> list[StoredFile]:
    out: list[StoredFile] = []
    with _open_zip(archive, zip_name, budget) as zf:
        for info in zf.infolist():
            inner = PurePosixPath(
                *[
                    p
                    for p in info.filename.replace("\\", "/").split("/")
                    if p not in ("", ".", "..")
                ]
                or ["_"]
            )
            if info.is_dir() or _junk(inner):
                continue
            inside = "/".join(display_name(part, "_") for part in inner.parts)
            name = _unique(f"{zip_name}/{inside}"[:300], seen)
            place = slot / f"{len(out) + 1:03d}"
            place.mkdir()
            with _zip_read(zip_name), zf.open(info) as fh:
                size, sha = _copy(fh, place / "isi", budget=budget, name=zip_name)
            position = parent + len(out) + 1
            try:
                kind = detect_kind(place / "isi", name)
            except UploadRejected:
                kind = "skipped"
            if kind in ("zip", "skipped"):
                # not data (a cover letter, a nested archive): listed in the receipt, not checked
                (place / "isi").unlink()
                out.append(StoredFile(position, name, "", "skipped", size, sha, False, parent))
                continue
            if kind in ("xlsx", "xlsb", "ods"):
                check_workbook(place / "isi", name, budget)
            stored = _place(place / "isi", place / (_stem(inner.name, schema) + EXTENSIONS[kind]))
            out.append(
                StoredFile(position, name, _rel(stored, folder), kind, size, sha, True, parent)
            )
    if not any(f.checked for f in out):
        raise UploadRejected(
            f"Berkas ZIP “{zip_name}” tidak berisi berkas CSV atau Excel. "
            "Masukkan berkas datanya ke dalam ZIP, lalu unggah kembali.",
            422,
        )
    return out


@contextmanager
def _open_zip(path: Path, name: str, budget: Budget) -> Iterator[zipfile.ZipFile]:
    """Open a ZIP after its declared entry count and sizes fit the budget."""
    count = zip_entry_count(path)
    if count is None:
        raise damaged(name)
    budget.entries(count, name)
    with _zip_read(name):
        zf = zipfile.ZipFile(path)
    with zf:
        infos = zf.infolist()
        if len(infos) != count:
            raise damaged(name)
        if any(info.flag_bits & 0x1 for info in infos):
            raise UploadRejected(
                f"Berkas “{name}” dilindungi kata sandi. Buat ulang tanpa kata "
                "sandi, lalu unggah kembali.",
                422,
            )
        declared = sum(info.file_size for info in infos)
        if budget.used_bytes + declared > budget.max_bytes:
            budget.bytes(declared, name)  # refuses before a single byte is decompressed
        yield zf


@contextmanager
def _zip_read(name: str) -> Iterator[None]:
    """Turn the ways a damaged archive fails into one refusal naming the file."""
    try:
        yield
    except _ZIP_ERRORS:
        raise damaged(name) from None


def _copy(
    src: BinaryIO | IO[bytes], dest: Path, *, budget: Budget | None, name: str
) -> tuple[int, str]:
    digest, size = hashlib.sha256(), 0
    try:
        with dest.open("xb") as out:
            while chunk := src.read(CHUNK):
                if budget is not None:
                    budget.bytes(len(chunk), name)
                digest.update(chunk)
                size += len(chunk)
                out.write(chunk)
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise UploadRejected(
                "Ruang penyimpanan server penuh. Coba lagi nanti atau hubungi BKD.", 507
            ) from None
        raise
    return size, digest.hexdigest()


def _place(src: Path, dest: Path) -> Path:
    src.rename(dest)
    return dest


def _rel(path: Path, folder: Path) -> str:
    return path.relative_to(folder).as_posix()


def _stem(name: str, schema: Mapping[str, Table]) -> str:
    """The schema table the name mentions ("Data Pegawai 2025.csv" → pegawai), else "data"."""
    table = table_by_name(PurePosixPath(name).stem, dict(schema))
    return table.name if table else "data"


def _junk(path: PurePosixPath) -> bool:
    return (
        any(part in _JUNK_PARTS for part in path.parts)
        or path.name.startswith((".", "~$"))
        or path.name.lower() in _JUNK_NAMES
    )


def _unique(name: str, seen: set[str]) -> str:
    candidate, n = name, 1
    while candidate in seen:
        n += 1
        stem, suffix = PurePosixPath(name).stem, PurePosixPath(name).suffix
        prefix = name[: len(name) - len(PurePosixPath(name).name)]
        candidate = f"{prefix}{stem} ({n}){suffix}"
    seen.add(candidate)
    return candidate
