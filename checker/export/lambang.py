"""The Garuda Pancasila emblem at the top of the Word file's first page: ``policy/lambang.png``.

No emblem ships with the package: the drafter adds the image the province's own documents use
to the policy folder. Without it the Word file prints a marked slot (:data:`PLACEHOLDER`) where
the emblem goes, above the kop, so the official who prepares the signed copy sees where to put it.
"""

from __future__ import annotations

from pathlib import Path

from docx.image.exceptions import (
    InvalidImageStreamError,
    UnexpectedEndOfFileError,
    UnrecognizedImageError,
)
from docx.image.image import Image

from checker.errors import InputError
from checker.policy.load import display_path

LAMBANG_FILE = "lambang.png"
PLACEHOLDER = "[lambang Garuda Pancasila]"
_UNREADABLE = (InvalidImageStreamError, UnexpectedEndOfFileError, UnrecognizedImageError)


def checked(data: bytes, where: str) -> bytes:
    """``data`` when it is a PNG image Word can show; :class:`InputError` naming ``where``
    (``policy/lambang.png``, ``v2026.1:policy/lambang.png``) when it is not."""
    try:
        png = Image.from_blob(data).content_type == "image/png"
    except _UNREADABLE:
        png = False
    if not png:
        raise InputError(
            "lambang bukan gambar PNG yang dapat dibaca; simpan lambang Garuda Pancasila "
            "sebagai PNG, atau hapus berkas ini agar dokumen Word memuat tempat untuk lambang",
            where,
        )
    return data


def read_lambang(policy: Path) -> bytes | None:
    """The emblem in the policy folder ``policy``, or None when it holds none."""
    path = policy / LAMBANG_FILE
    if not path.is_file():
        return None
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"berkas tidak dapat dibaca: {exc.strerror}", display_path(path)) from None
    return checked(data, display_path(path))
